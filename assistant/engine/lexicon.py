"""Alias look-up: every surface form of every concept and intent cue, found in a folded question.

Exact matches are found leftmost-longest by an Aho-Corasick automaton (assistant.engine.automaton), so
the cost does not grow with the number of aliases; typos are caught afterwards with rapidfuzz, only on
the words that nothing matched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.engine.automaton import CJK as _CJK
from assistant.engine.automaton import LATIN_WORDS as _LATIN_WORDS
from assistant.engine.automaton import AliasAutomaton, Span
from assistant.lang.homophones import FUNCTION_CHARS, Homophones
from assistant.lang.normalize import fold
from assistant.lang.scripts import CJK_RUN

_CJK_RUN = re.compile(r"[\u3400-\u9fff]{3,}")
SHORT_FUZZY_ALIAS = 4  # Chinese aliases this short are matched with a typo only when the first character agrees
MAX_TYPO_WORDS = 6  # a question with more suspicious words than this is not one with a few typos
GROUP_SIZES = (4, 3, 2, 1)  # Latin word groups tried for a misspelt name, longest first
# Aliases holding these are never matched with a typo: question words, and a generic tail that would
# carry a misspelt name to another (视角子公司 is no typo of 欧洲子公司, a subsidiary called by its place).
_FILLER = re.compile(r"多少|几|什么|吗|呢|哪|了|怎么|是|子公司")
_WORD = re.compile(r"[a-z][a-z&'\-]*[a-z]|[a-z]")


def content_units(folded: str, stopwords: frozenset[str] = frozenset()) -> set[str]:
    """Character bigrams of Chinese runs and whole Latin words: what two texts can share."""
    units = {w for w in _LATIN_WORDS.findall(folded) if w not in stopwords}
    chinese_stops = _in_fixed_order(stopwords)
    for run in _CJK.findall(folded):
        for stop in chinese_stops:
            run = run.replace(stop, " ")
        for piece in run.split():
            units.update(piece[i : i + 2] for i in range(len(piece) - 1))
    return units


@functools.lru_cache(maxsize=8)
def _in_fixed_order(stopwords: frozenset[str]) -> tuple[str, ...]:
    """The Chinese stopwords, longest first: blanked in a set's order, overlapping ones (哪几, 几个) left
    different words from one run of the same question to the next."""
    return tuple(sorted((w for w in stopwords if w and not w.isascii()), key=lambda w: (-len(w), w)))


def has_word(words: Iterable[str], folded: str) -> bool:
    """Whether one of the (folded) words appears in a folded text, English words on word boundaries
    ("rate" is not in "operate")."""
    for word in words:
        if word.isascii() and word.isalpha():
            if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", folded):
                return True
        elif word in folded:
            return True
    return False


@dataclass(frozen=True)
class Target:
    """What an alias stands for: a concept (kind entity/metric/segment/qualifier) or an intent cue."""

    kind: str
    id: str


@dataclass(frozen=True)
class Hit:
    """One recognised alias in a question."""

    target: Target
    start: int
    end: int
    surface: str
    score: float = 1.0


def _plurals(alias: str) -> list[str]:
    """An English alias and its plural by the spelling rules (chip -> chips, box -> boxes, company ->
    companies); never a made-up form such as "applees", which "applies" would be taken to misspell."""
    if not (alias.isascii() and alias[-1:].isalpha()) or alias.endswith("s"):
        return [alias]
    if alias.endswith(("x", "z", "ch", "sh")):
        return [alias, alias + "es"]
    if alias.endswith("y") and alias[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return [alias, alias + "s", alias[:-1] + "ies"]
    return [alias, alias + "s"]


def _cover(covered: list[bool], start: int, end: int) -> None:
    covered[start:end] = [True] * (end - start)


def _upgrade(hits: list[Hit], start: int, end: int, new: list[Hit]) -> list[Hit]:
    """Replace the hits inside [start, end) by `new`, a longer alias found despite a typo."""
    return [h for h in hits if h.end <= start or h.start >= end] + new


def _group_starts(suspects: list[int], size: int, words: int) -> list[int]:
    """The first word of every group of `size` words that holds a suspect word."""
    return sorted({s for i in suspects for s in range(max(0, i - size + 1), i + 1) if s + size <= words})


def _cutoff(piece: str, replaces: bool) -> int:
    """Similarity a word group needs: more when it is short or would replace an exact hit."""
    return 92 if replaces or len(piece) <= 5 else 88 if len(piece) <= 6 else 85


class Lexicon:
    """Folded alias -> targets, with the automaton for exact look-up and the lists for fuzzy matching."""

    def __init__(
        self,
        entries: dict[str, list[Target]],
        *,
        fuzzy: bool = True,
        plain_words: frozenset[str] = frozenset(),
        corpus: str = "",
        readings: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.entries = entries
        self.fuzzy = fuzzy
        self.plain_words = plain_words  # ordinary words of questions ("please", "about"): never typos of a name
        self._near: dict[tuple[int, float], list[str]] = {}
        self.homophones = Homophones(entries, corpus, readings) if fuzzy else None
        self.automaton = AliasAutomaton(alias for alias, targets in entries.items() if targets)
        self.latin = sorted(a for a in entries if a.isascii() and len(a) >= 4)
        self.alias_words = frozenset(w for a in self.latin for w in a.split() if len(w) >= 3)
        self.alias_word_list = sorted(self.alias_words)
        self.latin_by_length: dict[int, list[str]] = {}
        for alias in self.latin:
            self.latin_by_length.setdefault(len(alias), []).append(alias)
        self.cjk = sorted(a for a in entries if not a.isascii() and len(a) >= 4 and not _FILLER.search(a))

    @classmethod
    def build(
        cls,
        aliases: list[tuple[str, Target]],
        *,
        fuzzy: bool = True,
        plain_words: frozenset[str] = frozenset(),
        corpus: str = "",
        readings: dict[str, tuple[str, ...]] | None = None,
    ) -> Lexicon:
        entries: dict[str, list[Target]] = {}
        for alias, target in aliases:
            folded = fold(alias)
            if not folded:
                continue
            for form in _plurals(folded):
                bucket = entries.setdefault(form, [])
                if target not in bucket:
                    bucket.append(target)
        return cls(entries, fuzzy=fuzzy, plain_words=plain_words, corpus=corpus, readings=readings)

    def _hits(self, text: str, spans: list[Span]) -> list[Hit]:
        return [Hit(t, start, end, text[start:end]) for start, end in spans for t in self.entries[text[start:end]]]

    def scan(self, text: str) -> list[Hit]:
        """Exact hits, then typo-tolerant ones."""
        return self.with_typos(text, self.exact(text))

    def exact(self, text: str) -> list[Hit]:
        """Exact hits by bidirectional maximum matching (see AliasAutomaton.segment)."""
        return self._hits(text, self.automaton.segment(text))

    def overlapping(self, text: str) -> list[Hit]:
        """The longest alias starting at each position, overlaps kept, those inside a longer one dropped.

        For cue words, which are not a segmentation of the question: "多多少億元" asks both for a
        difference (多多少) and for an amount in money (多少億).
        """
        return self._hits(text, self.automaton.overlapping(text))

    def with_typos(self, text: str, hits: list[Hit], protected: list[tuple[int, int]] | None = None) -> list[Hit]:
        """`hits` completed by typo-tolerant matches outside them and outside `protected` spans."""
        return self._fuzzy(text, hits, protected or []) if self.fuzzy else hits

    def _fuzzy(self, text: str, hits: list[Hit], protected: list[tuple[int, int]]) -> list[Hit]:
        """Typos: Latin words and word groups by edit similarity, Chinese by sound, then by edit
        similarity for long aliases, then a short alias with a mistyped character after it."""
        covered = [False] * len(text)
        for start, end in [(h.start, h.end) for h in hits] + list(protected):
            _cover(covered, start, end)  # question words (出自, "how much") are no typos either
        hits = self._latin_typos(text, hits, covered)
        hits = self._homophone_typos(text, hits, covered)
        hits = self._cjk_typos(text, hits, covered)
        return self._mistyped_ends(text, hits, covered)

    def _misspelt(self, word: str) -> bool:
        """A word that is no alias word but close to one: the only words worth a typo search."""
        if len(word) < 4 or word in self.plain_words or word in self.alias_words:
            return False
        stems = {word[: -len(end)] for end in ("s", "es", "ed", "ing") if word.endswith(end)}
        if any(stem in self.alias_words for stem in stems):
            return False  # an inflection of an alias word ("years", "changed"), not a typo
        return process.extractOne(word, self.alias_word_list, scorer=fuzz.ratio, score_cutoff=80) is not None

    def _latin_near(self, length: int, cutoff: float) -> list[str]:
        """Latin aliases whose length allows a similarity of `cutoff` with a piece of `length`: rapidfuzz's
        ratio is 2·matches/(a+b), so longer or shorter aliases can never reach it."""
        key = (length, cutoff)
        if key not in self._near:
            low, high = length * cutoff / (200 - cutoff), length * (200 - cutoff) / cutoff
            self._near[key] = [a for size, names in self.latin_by_length.items() if low <= size <= high for a in names]
        return self._near[key]

    def _latin_typos(self, text: str, hits: list[Hit], covered: list[bool]) -> list[Hit]:
        """Latin words and word groups close to a Latin alias; such a match may replace shorter exact hits
        it spans ("united imaging intellegence" is UII, not UIH plus a stray word)."""
        words = list(_WORD.finditer(text))
        suspects = [
            i for i, m in enumerate(words) if not any(covered[m.start() : m.end()]) and self._misspelt(m.group())
        ][:MAX_TYPO_WORDS]
        for size in GROUP_SIZES:
            for first in _group_starts(suspects, size, len(words)):
                group = words[first : first + size]
                start, end = group[0].start(), group[-1].end()
                found = self._misspelt_name(text[start:end], group, covered)
                if found is not None:
                    alias, score = found
                    new = [Hit(t, start, end, text[start:end], score) for t in self.entries[alias]]
                    hits = _upgrade(hits, start, end, new)
                    _cover(covered, start, end)
        return hits

    def _misspelt_name(self, piece: str, group: list[re.Match[str]], covered: list[bool]) -> tuple[str, float] | None:
        """The Latin alias a group of words (`piece`) misspells, with its similarity, or None."""
        free = [m for m in group if not any(covered[m.start() : m.end()])]
        if not self._may_misspell(piece, group, free):
            return None
        replaces = len(free) < len(group)
        cutoff = _cutoff(piece, replaces)
        best = process.extractOne(piece, self._latin_near(len(piece), cutoff), scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None or len(best[0]) < len(piece) - 1:  # "applies" is no misspelt "apple"
            return None
        if replaces and not all(any(fuzz.ratio(m.group(), w) >= 75 for w in best[0].split()) for m in free):
            return None  # every free word must be close to a word of the alias it would join
        return best[0], best[1] / 100

    def _may_misspell(self, piece: str, group: list[re.Match[str]], free: list[re.Match[str]]) -> bool:
        """Whether a word group is worth a typo search: a long enough uncovered word, no alias as it
        stands, and every word an alias word or a near miss of one."""
        if not free or max(len(m.group()) for m in free) < 4 or len(piece) < 5 or piece in self.entries:
            return False
        # "united imagng add": a plain word ("add") is no part of a misspelt name
        return all(m.group() in self.alias_words or self._misspelt(m.group()) for m in group)

    def _homophone_typos(self, text: str, hits: list[Hit], covered: list[bool]) -> list[Hit]:
        """Chinese words that sound like an alias (估直 for 估值), in text no exact alias matched."""
        if self.homophones is None:
            return hits
        free_chars = [not c for c in covered]
        for start, end, alias in self.homophones.find(text, free_chars):
            if any(h.start < end and h.end > start and (h.start < start or h.end > end) for h in hits):
                continue  # 年冷 of 2024年冷链仓储 sounds like 年龄 but cuts into the line named exactly
            new = [Hit(t, start, end, text[start:end], 0.8) for t in self.entries[alias]]
            hits = _upgrade(hits, start, end, new)
            _cover(covered, start, end)
        return hits

    def _cjk_typos(self, text: str, hits: list[Hit], covered: list[bool]) -> list[Hit]:
        """Runs of uncovered Chinese holding a long alias with a character or two wrong."""
        masked = "".join(" " if covered[k] else ch for k, ch in enumerate(text))
        for match in _CJK_RUN.finditer(masked):
            run = match.group()
            best = process.extractOne(run, self.cjk, scorer=fuzz.partial_ratio, score_cutoff=75)
            if not best or len(best[0]) > len(run):
                continue
            where = fuzz.partial_ratio_alignment(best[0], run)
            if where is None:
                continue
            start, end = match.start() + where.dest_start, match.start() + where.dest_end
            if len(best[0]) <= SHORT_FUZZY_ALIAS and (text[start] != best[0][0] or end - start != len(best[0])):
                continue  # 华北市场 is no typo of 北美市场: a short name misspelt keeps its first character and length
            hits = _upgrade(
                hits, start, end, [Hit(t, start, end, text[start:end], best[1] / 100) for t in self.entries[best[0]]]
            )
        return hits

    def _mistyped_ends(self, text: str, hits: list[Hit], covered: list[bool]) -> list[Hit]:
        """研發費油: a short alias (研發) followed by a character or two no alias covers may be a longer alias
        with one character mistyped (研發費用); the longer one replaces it when it differs by one character."""
        for hit in sorted(hits, key=lambda h: h.start):
            if not CJK_RUN.fullmatch(hit.surface) or len(hit.surface) > 2:
                continue
            tail = self._free_tail(text, hit.end, covered)
            window = text[hit.start : tail]
            if tail == hit.end or len(window) < 4:
                continue
            near = [
                a
                for a in self.cjk
                if len(a) == len(window)
                and a.startswith(hit.surface)
                and sum(x != y for x, y in zip(a, window, strict=True)) == 1
            ]
            if len(near) == 1:
                hits = _upgrade(
                    hits, hit.start, tail, [Hit(t, hit.start, tail, window, 0.8) for t in self.entries[near[0]]]
                )
                _cover(covered, hit.start, tail)
        return hits

    @staticmethod
    def _free_tail(text: str, end: int, covered: list[bool]) -> int:
        """Where up to two uncovered Chinese characters (no function words) after `end` stop."""
        tail = end
        while (
            tail < len(text)
            and tail - end < 2
            and not covered[tail]
            and CJK_RUN.match(text[tail])
            and text[tail] not in FUNCTION_CHARS
        ):
            tail += 1
        return tail
