"""What the drafting tests read of a draft: its figures by value, and a concept's simplified name."""

from __future__ import annotations

from typing import Any

from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter


def drafted_figures(text: str, slug: str) -> tuple[Drafter, dict[str, dict[str, Any]]]:
    """The article drafted with no review, and its figures keyed by their value as written in YAML."""
    drafter = Drafter(text, slug=slug)
    drafter.run()
    return drafter, {str(f.data["value"]): f.data for f in drafter.facts if "value" in f.data}


def simplified_name(drafter: Drafter, ident: str) -> str:
    """The concept's Chinese name in simplified script, whatever the article's script."""
    return to_simplified(drafter.concepts[ident]["names"]["zh-Hant"])
