"""English words of a line's name written without the rest of it: "deposition sales" or "deposition-tool
sales" for the line "thin-film deposition equipment". A reader shortens a long name; left unread, the
words were dropped and the company's whole figure answered instead of the line's.

A run of such words names the line when every word of it is a word of one of the line's English names
and of no other concept's, and the words that say more than a generic word would (tool, services, business:
`generic_line_words`; four letters or more) are words of the line's own name ("chinese" of the alias
"chinese market" names no line called "domestic").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from assistant.engine.lexicon import Hit, Lexicon, Target
from assistant.lang.scripts import LATIN_WORD

_PIECES = re.compile(r"[ \-]+")
_KINDS = ("segment",)


class PartialNames:
    """Finds a line named by some of the words of one of its English names."""

    def __init__(
        self, lexicon: Lexicon, generic: Iterable[str], stopwords: frozenset[str], names: Iterable[tuple[str, str]]
    ) -> None:
        self.lexicon = lexicon
        self.generic = frozenset(generic)
        self.stopwords = stopwords
        self.names = {cid: {_singular(w) for w in _PIECES.split(name)} for cid, name in names}  # its own name's words

    @functools.cached_property
    def _by_word(self) -> dict[str, set[Target]]:
        """Each word of a line's English names of two words or more (and its singular) -> the lines whose
        names hold it."""
        found: dict[str, set[Target]] = {}
        for alias, targets in self.lexicon.entries.items():
            words = [w for w in _PIECES.split(alias) if w]
            if not alias.isascii() or len(words) < 2:
                continue
            for target in targets:
                for word in words:
                    for form in {word, _singular(word)}:
                        found.setdefault(form, set()).add(target)
        return found

    def hits(self, folded: str, taken: list[tuple[int, int]]) -> list[Hit]:
        """The lines named by runs of unread English words (`taken`: the spans already read)."""
        runs: list[list[re.Match[str]]] = []
        current: list[re.Match[str]] = []
        for match in LATIN_WORD.finditer(folded):
            read = any(s < match.end() and match.start() < e for s, e in taken) or match.group() in self.stopwords
            apart = bool(current) and bool(folded[current[-1].end() : match.start()].strip(" -"))
            if (read or apart) and current:
                runs.append(current)
                current = []
            if not read:
                current.append(match)
        runs += [current] if current else []
        found = []
        for run in runs:
            target = self._line_of([m.group() for m in run])
            if target is not None:
                found.append(Hit(target, run[0].start(), run[-1].end(), folded[run[0].start() : run[-1].end()], 0.8))
        return found

    def _line_of(self, words: list[str]) -> Target | None:
        """The one line whose English names hold every word (a plural as its singular too), if one does."""
        telling = [w for w in words if len(w) >= 4 and not {w, w[:-1], w[:-2]} & self.generic]  # businesses
        if not telling:
            return None  # "services" alone, or "ex" of ex-dividend: no line's own word
        common: set[Target] | None = None
        for word in words:
            targets = self._by_word.get(word) or self._by_word.get(_singular(word)) or set()
            common = set(targets) if common is None else common & targets
        lines = {t for t in common or set() if t.kind in _KINDS}
        if len(lines) != 1 or lines != common:
            return None
        line = next(iter(lines))  # its name itself holds the telling words: "chinese" is no word of "domestic"
        named = self.names.get(line.id, set())
        return line if all(_singular(w) in named for w in telling) else None


def _singular(word: str) -> str:
    return word.removesuffix("s")
