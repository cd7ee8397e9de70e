"""An organisation or person of an article, as the draft finds it, and the id made from its English name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Entity:
    """One organisation or person of the article."""

    id: str
    name: str
    kind: str  # org or person
    mentions: int
    english: str
    aliases: list[str] = field(default_factory=list)
    title: str = ""  # a person's title as the article writes it (董事長)
    employer: str = ""  # the organisation id a person's title is at
    review: bool = False
    known: bool = False  # a company of the shared vocabulary (宁德时代): its concept is the vocabulary's


def slug(text: str) -> str:
    """An id from an English name: Lantuo Electric -> lantuo_electric."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "entity"
