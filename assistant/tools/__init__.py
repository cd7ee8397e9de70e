"""Authoring tools over packs: check, eval, catalog and draft."""
