"""A company asked about by what it is rather than by its name: "the battery-cell subsidiary", 越南子公司,
中央廚房子公司, "Heding's logistics arm".

An article names its subsidiaries and says where each is or what it does (旗下專攻保健食品研發的子公司禾沛生技;
越南子公司晟豐越南人壽). The words right before a subsidiary word in a question describe the one asked about:
the article's company whose name holds them, else the one subsidiary whose sentences do; a subsidiary word
alone (那子公司呢) is the article's one subsidiary, unless a question word asks which. When none fits, or
more than one, the question is left as read: its words stay unread and it is refused, never answered with
the parent's figure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping

from assistant.engine.frame import Frame
from assistant.engine.reading import Reading
from assistant.lang.normalize import fold
from assistant.lang.scripts import CJK_RUN
from assistant.pack.model import Pack

DESCRIBING_ROLES = frozenset({"unknown", "segment", "qualifier"})  # what may describe a company
DESCRIBING_TOKENS = 3  # tokens before a subsidiary word that may describe it
_GAP = " -'’"  # what may stand between a description and its subsidiary word
_MARK_BEFORE = 16  # characters before a company's name a subsidiary word may stand in (子公司方面,瀚興持股70%的…)


class Described:
    """Finds the subsidiary a question describes, for one pack."""

    def __init__(self, pack: Pack, aliases: Mapping[str, list[str]], sentences: Callable[[], Iterable[str]]) -> None:
        """`sentences`: the article's sentences, folded, asked for only when a question describes a company."""
        words = pack.words
        self.words = [(p, True) for p in _patterns(words.get("subsidiary_words", []))]
        self.words += [(p, False) for p in _patterns(words.get("subsidiary_or_line_words", []))]
        self.marks = tuple(fold(w) for w in words.get("subsidiary_marks", []))
        self.asking = tuple(fold(w) for w in words.get("which_words", []))  # which, 其他: no one subsidiary
        self.main = pack.default_subject
        self.aliases = aliases
        self.sentences = sentences
        others = [cid for cid, c in pack.concepts.items() if c.kind == "entity" and cid != self.main]
        self.names = {e: [a for a in aliases.get(e, []) if len(a) >= 2] for e in others}

    @functools.cached_property
    def spoken(self) -> dict[str, str]:
        """Each other company's sentences: built on the first question that describes one, not at load."""
        said = list(dict.fromkeys(self.sentences()))
        return {e: "\n".join(s for s in said if any(a in s for a in names)) for e, names in self.names.items()}

    @functools.cached_property
    def subsidiaries(self) -> list[str]:
        """The companies named in a sentence that calls something a subsidiary (旗下, 子公司, 全資)."""
        return [e for e, text in self.spoken.items() if any(m in text for m in self.marks)]

    def resolve(self, frame: Frame, reading: Reading) -> None:
        """Puts the described subsidiary in the frame in place of the words describing it (and of the parent
        named before them: 晟豐的越南子公司 is the Vietnamese subsidiary, not 晟豐)."""
        if not self.words or any(e != self.main for e in frame.entities):
            return
        folded = reading.folded
        for pattern, company_word in self.words:
            for match in pattern.finditer(folded):
                if any(h.start <= match.start() < h.end for h in reading.hits):
                    continue  # "unit sales": a measure's own word, no subsidiary
                start, described = self._describing(reading, match.start())
                lines = [h for h in reading.hits if h.target.kind == "segment" and start <= h.start < match.start()]
                if lines and not company_word:
                    continue  # "the CDMO unit": the line of that name
                asking = folded[: match.start()].rstrip(_GAP).endswith(self.asking)  # 哪家子公司, which subsidiary
                alone = None if asking else self._only_subsidiary(company_word)
                company = self._fitting(described) if described else alone
                if company is not None:
                    self._apply(frame, reading, company, start, match.end())
                    return
                if described:  # 寿险子公司 with two insurers beside the parent: refused, not the parent's figure
                    reading.unread.append((reading.as_written(start, match.end()), "subsidiary"))
                    return

    def _only_subsidiary(self, company_word: bool) -> str | None:
        """那子公司呢, "the subsidiary": with no description, the article's one subsidiary, if it has one (of
        several named in such sentences, the one a subsidiary word stands right before:
        子公司方面,瀚興持股70%的瀚港碼頭)."""
        found = self.subsidiaries
        if len(found) > 1:
            found = [e for e in found if self._marked_before(e)]
        return found[0] if company_word and len(found) == 1 else None

    def _marked_before(self, company: str) -> bool:
        """Whether a subsidiary word stands shortly before the company's name in one of its sentences, as it
        does for the subsidiary itself and not for a partner named beside it."""
        for sentence in self.spoken[company].split("\n"):
            for name in self.names[company]:
                at = sentence.find(name)
                if at >= 0 and any(m in sentence[max(0, at - _MARK_BEFORE) : at] for m in self.marks):
                    return True
        return False

    def _describing(self, reading: Reading, at: int) -> tuple[int, list[str]]:
        """Where the description before a subsidiary word starts, and what it says: the words of the tokens
        right before it, and every name of a concept among them (电池 for "battery-cell")."""
        folded, end, start = reading.folded, at, at
        said: list[str] = []
        taken = 0
        for token in sorted(reading.tokens, key=lambda t: -t.start):
            if token.start >= at:
                continue
            if folded[min(token.end, end) : end].strip(_GAP) or token.role not in DESCRIBING_ROLES:
                break
            piece = folded[token.start : min(token.end, at)].strip(_GAP)
            said += [piece, *(self.aliases.get(token.value, []) if token.value else [])]
            start = end = token.start
            taken += 1
            if taken == DESCRIBING_TOKENS:
                break
        return start, [w for w in dict.fromkeys(said) if _telling(w)]

    def _fitting(self, described: list[str]) -> str | None:
        """The one company whose names hold a describing word (of several, the one subsidiary among them),
        else the one subsidiary whose sentences do."""
        if not described:
            return None
        named = [e for e, names in self.names.items() if any(_within(w, n) for w in described for n in names)]
        if len(named) > 1:  # "the property-casualty arm": the group's own insurer, not a rival's
            named = [e for e in named if e in self.subsidiaries]
        if len(named) == 1:
            return named[0]
        if named:
            return None
        spoken = [e for e in self.subsidiaries if any(_within(w, self.spoken[e]) for w in described)]
        return spoken[0] if len(spoken) == 1 else None

    def _apply(self, frame: Frame, reading: Reading, company: str, start: int, end: int) -> None:
        inside = {h.target.id for h in reading.hits if start <= h.start and h.end <= end}
        frame.entities = [company]
        for slot in ("metrics", "segments", "qualifiers"):
            setattr(frame, slot, [c for c in getattr(frame, slot) if c not in inside])
        frame.hits = [h for h in frame.hits if h.target.id not in inside]
        described = reading.folded[start:end]
        reading.unread = [(p, k) for p, k in reading.unread if fold(p) not in described]


def _patterns(words: Iterable[str]) -> list[re.Pattern[str]]:
    """Subsidiary words, longest first; a Latin one as a whole word ("arm", not the arm of "pharmacy")."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    return [re.compile(rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)) for w in folded]


def _telling(word: str) -> bool:
    """A word that can tell companies apart: two Chinese characters, or a Latin word of four letters."""
    return len(word) >= 2 if CJK_RUN.search(word) else len(word) >= 4


def _within(word: str, text: str) -> bool:
    if CJK_RUN.search(word):
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None
