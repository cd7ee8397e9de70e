"""Alias segmentation: where the aliases of a lexicon stand in a folded text.

One Aho-Corasick pass finds every alias occurrence whatever the number of aliases; the longest whole-word
alias starting and ending at each position is all that forward, backward and overlapping matching need.
The automaton itself is never pickled: a compiled pack holds the alias list (plain data) and the automaton
is rebuilt from it when unpickled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick  # type: ignore[import-not-found]  # a C extension without type information

Span = tuple[int, int]
LATIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  # what a Latin alias may not run into
WORD_CHARS = LATIN_CHARS | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # inside such a run no alias starts
CJK = re.compile(r"[\u3400-\u9fff]+")
CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
LATIN_WORDS = re.compile(r"[a-z][a-z0-9&\-]{2,}")


def inside_word(text: str, i: int) -> bool:
    """Whether position `i` sits between two ASCII letters or digits: no alias starts or ends there."""
    return 0 < i < len(text) and text[i] in WORD_CHARS and text[i - 1] in WORD_CHARS


def bounded(text: str, start: int, end: int) -> bool:
    """Latin aliases match whole words only: 'mr' is not found inside 'more'."""
    if start > 0 and text[start] in LATIN_CHARS and text[start - 1] in LATIN_CHARS:
        return False
    return not (end < len(text) and text[end - 1] in LATIN_CHARS and text[end] in LATIN_CHARS)


def pieces(text: str, spans: list[Span]) -> int:
    """How many pieces a segmentation cuts the text into: its aliases, and each Chinese run or Latin word
    that no alias covers."""
    rest, last = [], 0
    for start, end in sorted(set(spans)):
        rest += [text[last:start], " " * (end - start)]
        last = end
    rest.append(text[last:])
    uncovered = "".join(rest)
    return len(set(spans)) + len(CJK.findall(uncovered)) + len(LATIN_WORDS.findall(uncovered))


class AliasAutomaton:
    """The aliases of a lexicon compiled into an Aho-Corasick automaton."""

    def __init__(self, aliases: Iterable[str]) -> None:
        self.aliases = tuple(dict.fromkeys(a for a in aliases if a))
        self._automaton = ahocorasick.Automaton()
        for alias in self.aliases:
            self._automaton.add_word(alias, len(alias))
        if self.aliases:
            self._automaton.make_automaton()

    def __reduce__(self) -> tuple[type[AliasAutomaton], tuple[tuple[str, ...]]]:
        """Pickled as its alias list: the compiled pack cache holds data, never a library's memory image."""
        return AliasAutomaton, (self.aliases,)

    def longest(self, text: str) -> tuple[dict[int, int], dict[int, int]]:
        """The length of the longest whole-word alias starting at each position, and ending at each one."""
        starting: dict[int, int] = {}
        ending: dict[int, int] = {}
        if not self.aliases:
            return starting, ending
        last: int
        length: int
        for last, length in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if not bounded(text, start, end):
                continue
            if starting.get(start, 0) < length:
                starting[start] = length
            if ending.get(end, 0) < length:
                ending[end] = length
        return starting, ending

    def found_in(self, text: str) -> set[str]:
        """The aliases occurring anywhere in `text`, as plain substrings (word boundaries aside)."""
        if not self.aliases:
            return set()
        return {text[last - length + 1 : last + 1] for last, length in self._automaton.iter(text)}

    def segment(self, text: str) -> list[Span]:
        """Bidirectional maximum matching.

        Forward and backward longest matching can cut a phrase differently (总负债|率 or 总|负债率,
        "shipment share|of" or "shipment|share of"). The cut that leaves fewer Chinese characters unread wins, then the
        one with fewer pieces (a character or word
        no alias covers is a piece of its own), then the one with the longest alias, then the backward
        one, which suits Chinese, where the head of a compound comes last.
        """
        starting, ending = self.longest(text)
        forward, backward = _forward(text, starting), _backward(text, ending)

        def quality(spans: list[Span]) -> tuple[int, int, int]:
            covered = sum(
                len(CJK_CHAR.findall(text, start, end)) for start, end in spans
            )  # 药品销售|收入, not 药品 unread
            return covered, -pieces(text, spans), max((end - start for start, end in spans), default=0)

        return forward if quality(forward) > quality(backward) else backward

    def overlapping(self, text: str) -> list[Span]:
        """The longest alias starting at each position, overlaps kept, those inside a longer one dropped."""
        starting, _ = self.longest(text)
        found = [(i, i + length) for i, length in sorted(starting.items()) if not inside_word(text, i)]
        return [(s, e) for s, e in found if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in found)]


def _forward(text: str, starting: dict[int, int]) -> list[Span]:
    """Longest matching from the left: the longest alias at each position, then on after it."""
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        length = starting.get(i, 0)
        if length and not inside_word(text, i):
            spans.append((i, i + length))
            i += length
        else:
            i += 1
    return spans


def _backward(text: str, ending: dict[int, int]) -> list[Span]:
    """Longest matching from the right, returned in text order."""
    spans: list[Span] = []
    i = len(text)
    while i > 0:
        length = ending.get(i, 0)
        if length and not inside_word(text, i):
            spans.append((i - length, i))
            i -= length
        else:
            i -= 1
    spans.reverse()
    return spans
