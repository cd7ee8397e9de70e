"""A gloss in brackets: another name for the words right before it (半鋼胎(乘用車胎), 2024 yield(每客公里收益),
星悅航空 (StarJoy), recurring (ex-one-off) net profit).

Readers add one to make sure they are understood, so it must neither split the words it follows nor stand as
a second thing asked. Brackets that narrow the words before them (excluding e-motorcycles, 國內), hold a
figure or a date (FY24), or a formula (合约面积减在管面积) are no gloss: the question is read as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.engine.frame import Frame
from assistant.lang.normalize import fold

_BRACKET = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]\s*")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+$")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z&'’\- ]*$")


def _kinds(frame: Frame) -> dict[str, set[str]]:
    return {
        kind: set(ids)
        for kind, ids in (
            ("entity", frame.entities),
            ("metric", frame.metrics),
            ("segment", frame.segments),
            ("qualifier", frame.qualifiers),
        )
        if ids
    }


def _named(kinds: dict[str, set[str]]) -> set[str]:
    return {concept for ids in kinds.values() for concept in ids}


class Glosses:
    """The readings of a question with a gloss: without it, then with it in place of the words it glosses."""

    def __init__(self, narrowing: Collection[str], frame_of: Callable[[str], Frame]) -> None:
        """`narrowing`: folded words that make brackets narrow what comes before (不含, excluding, 减);
        `frame_of`: what a text names, to tell a gloss from a part the rest of the question does not name."""
        self.narrowing = tuple(narrowing)
        self.frame_of = frame_of

    def readings(self, text: str) -> list[str]:
        """The readings of a question with a gloss, in the order to try them; none when it has no gloss, or
        when the gloss says what the words before it are not (收入(國內), GM(總經理) read as gross margin).

        A gloss naming nothing, or nothing the rest does not, is left out (半鋼胎(乘用車胎), recurring
        (ex-one-off) net profit), unless it and the words it glosses both name nothing (bonds payable
        (應付債券): the article's own words, maybe). One of the other script than the words before it that
        names the same kind of thing is read first in their place (yield(每客公里收益)), then left out."""
        match = _BRACKET.search(text)
        if match is None:
            return []
        inner = match.group(1).strip()
        if not inner or re.search(r"\d", inner) or any(word in fold(inner) for word in self.narrowing):
            return []
        head, tail = text[: match.start()].rstrip(), text[match.end() :].lstrip()
        space = " " if head[-1:].isascii() and tail[:1].isascii() else ""
        without = f"{head}{space}{tail}".strip()
        named = _kinds(self.frame_of(inner))
        glossed = (_CJK_RUN if inner.isascii() else _LATIN_RUN).search(head)
        glossed_kinds = _kinds(self.frame_of(glossed.group())) if glossed else {}
        swapped = f"{head[: glossed.start()]} {inner} {tail}".strip() if glossed else ""
        if not named and swapped and not glossed_kinds:
            return []  # bonds payable (應付債券): words of the article's, read as written
        if _named(named) <= _named(_kinds(self.frame_of(without))):
            return [without]
        if not swapped and set(named) == {"metric"} and "metric" in _kinds(self.frame_of(without)):
            return [without]  # average on-grid tariff (ASP): another name of the measure the same script names
        if not swapped or (glossed_kinds and not set(named) <= set(glossed_kinds)):
            return []  # 收入(國內): a part the words before it do not name
        return [swapped, without]
