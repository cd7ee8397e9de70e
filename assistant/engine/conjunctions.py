"""Whether a question joins two mentions of one kind with a conjunction ("營收和凈利潤", "CT or MR").

A question naming two metrics or segments joined this way asks for each of them; two mentions without a
conjunction between them are usually one thing named twice. The conjunctions are the pack's words.
"""

from __future__ import annotations

import itertools
import re

from assistant.engine.frame import Frame
from assistant.lang.normalize import fold


class Conjunctions:
    """The pack's conjunctions as one pattern (English ones on word boundaries)."""

    def __init__(self, words: list[str]) -> None:
        folded = [fold(w) for w in words]
        latin = "|".join(re.escape(w) for w in folded if w.isalpha() and w.isascii())
        other = "|".join(re.escape(w) for w in folded if not (w.isalpha() and w.isascii()))
        bounded = f"(?<![a-z])(?:{latin})(?![a-z])" if latin else ""
        self.pattern = re.compile("|".join(p for p in (other, bounded) if p) or "(?!)")

    def join(self, frame: Frame, kind: str) -> bool:
        """Whether a conjunction stands between two mentions of this kind ("營收和凈利潤" for metrics)."""
        spans = sorted((h.start, h.end) for h in frame.hits if h.target.kind == kind)
        gaps = (frame.folded[a_end:b_start] for (_, a_end), (b_start, _) in itertools.pairwise(spans))
        return any(self.pattern.search(gap) for gap in gaps)
