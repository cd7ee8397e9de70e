"""Companies the shared vocabulary knows (宁德时代, 陽明海運) as an article names them: how often each name is
written, and the short names it writes them by (陽明 of 陽明海運), which the pack adds to the vocabulary's
concept."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.entity import Entity
from assistant.tools.draft.reader import rules, simplified


def known_mentions(text: str, known: Mapping[str, str], surface: Mapping[str, str]) -> list[tuple[str, str, int]]:
    """(name, vocabulary id, times written) for the known names in `text` (simplified, lower case) that no
    entity of the draft has taken; none too short to tell a name from a word (GE, AI)."""
    found = []
    for form, ident in known.items():
        latin = form.isascii()
        if len(form) < 2 or form in surface or (latin and len(form) < 4):
            continue
        count = len(re.findall(rf"(?<![a-z]){re.escape(form)}(?![a-z])", text)) if latin else text.count(form)
        if count:
            found.append((form, ident, count))
    return found


def known_stems(
    surface: Mapping[str, str], entities: Mapping[str, Entity], text: str
) -> list[tuple[str, str, str | None]]:
    """(vocabulary id, short name, drafted entity of that name to forget): a known company's name without the
    trade word it ends with (陽明海運, later 陽明), when the article writes that stem on its own more often
    than the whole name; the drafted entity is one found for the stem alone (長榮 beside 長榮海運)."""
    ends = sorted({simplified(s) for s in rules()["entity_suffixes"]}, key=len, reverse=True)
    found = []
    for form, ident in list(surface.items()):
        entity = entities.get(ident)
        suffix = next((s for s in ends if form.endswith(s)), "")
        stem = form[: -len(suffix)] if suffix else ""
        if entity is None or not entity.known or len(stem) < 2 or not CJK_RUN.fullmatch(stem):
            continue
        if text.count(stem) <= text.count(form):
            continue
        drafted = entities.get(surface.get(stem) or "")
        stray = drafted.id if drafted is not None and not drafted.known and simplified(drafted.name) == stem else None
        found.append((ident, stem, stray))
    return found
