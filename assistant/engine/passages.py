"""The sentence a question's own words point at, for a question that asks no figure (who, what, where,
which, why) and that no concept led to: "第二大股東是哪家機構?" when the article's sentence on it was drafted
only as a stake, or "岚峰轮胎的前身是什么?" when no concept names 前身.

A sentence is found by the share of the question's words it holds, rare words weighing more (the
inverse of how many of the article's sentences use them); a word the article never uses weighs most, so
a question about something else ("马来西亚的首都是哪里?") finds no sentence holding enough of it. The
answer says it is the sentence the words found, and quotes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from assistant.engine.decision import Decision
from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher
from assistant.engine.statements import Statements
from assistant.engine.weights import WEIGHTS as W
from assistant.lang.normalize import fold
from assistant.pack.schema import Fact

UNANSWERED = frozenset({"gap", "nothing", "clarify", "entity_only", "no_reason"})


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: the fact that speaks for it (a statement if one quotes it) and the
    words of it and of its facts' labels and statements."""

    fact: Fact
    units: frozenset[str]
    concepts: frozenset[str]


class Passages:
    """Finds the article's sentence that holds most of a question's own words."""

    def __init__(
        self, matcher: Matcher, statements: Statements, figure_topics: frozenset[str], count_askers: list[str]
    ) -> None:
        self.matcher = matcher
        self.count_askers = tuple(fold(w) for w in count_askers)
        self.statements = statements
        self.figure_topics = figure_topics
        by_quote: dict[str, tuple[Fact, set[str], set[str]]] = {}
        for keys in matcher.keys.values():
            fact = keys.fact
            if fact.derivation is not None:
                continue
            concepts = keys.metrics | keys.segments | keys.qualifiers | keys.entities
            held = by_quote.get(fact.quote)
            if held is None:
                by_quote[fact.quote] = (fact, set(keys.units), set(concepts))
                continue
            speaker = fact if held[0].value is not None and fact.value is None else held[0]
            by_quote[fact.quote] = (speaker, held[1] | keys.units, held[2] | concepts)
        self.sentences = [Sentence(f, frozenset(u), frozenset(c)) for f, u, c in by_quote.values()]
        at = {quote: i for i, quote in enumerate(by_quote)}  # each fact's sentence, to find them by the word index
        self.sentence_of = {k.fact.id: at[k.fact.quote] for k in matcher.keys.values() if k.fact.quote in at}
        counts: dict[str, int] = {}
        for sentence in self.sentences:
            for unit in sentence.units:
                counts[unit] = counts.get(unit, 0) + 1
        total = len(self.sentences) + 1
        self.rarity = {unit: math.log(total / (count + 0.5)) for unit, count in counts.items()}
        self.unseen = math.log(total / 0.5)
        self.unique = math.log(total / 1.5)  # the rarity of a word one sentence alone uses

    def answer(self, decision: Decision, asked: frozenset[str]) -> Decision | None:
        """The sentence answering a question no concept answered, when its words clearly point at one."""
        frame = decision.frame
        if decision.kind not in UNANSWERED or not self.asks_words(frame):
            return None
        found = self.find(frame, asked)
        if found is None:
            return None
        return Decision("passage", replace(frame, operation="statement"), "passage", [found], 0.5)

    def asks_words(self, frame: Frame) -> bool:
        """Whether the question asks no figure: no amount, unit, computation, or measure counted in figures."""
        if frame.operation not in ("statement", "lookup") or frame.unit is not None or frame.target:
            return False
        if "lookup" in frame.cues or frame.numbers or any(w in frame.folded for w in self.count_askers):
            return False  # 有几项专利: a count
        return not any(m in self.figure_topics for m in frame.metrics)

    def find(self, frame: Frame, asked: frozenset[str]) -> Fact | None:
        """The sentence holding clearly the largest share of the question's words, if it holds enough."""
        if not asked:
            return None
        weight = {unit: self.rarity.get(unit, self.unseen) for unit in asked}
        whole = sum(weight.values())
        ranked: list[tuple[float, Sentence]] = []
        by_unit, of = self.matcher.by_unit, self.sentence_of  # only sentences sharing a word: not all of them
        for index in {of[fid] for unit in asked for fid in by_unit.get(unit, ()) if fid in of}:
            sentence = self.sentences[index]
            shared = asked & sentence.units
            if not self._enough(shared) or not self._about(frame, sentence):
                continue
            ranked.append((sum(weight[u] for u in shared) / whole, sentence))
        ranked.sort(key=lambda r: (-r[0], self.matcher.order[r[1].fact.id]))
        if not ranked or ranked[0][0] < W.passage_min_share:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < W.passage_lead:
            return None
        return ranked[0][1].fact

    def _enough(self, shared: frozenset[str]) -> bool:
        """Enough words in common: a few, or one word no other sentence uses (前身)."""
        return len(shared) >= W.passage_min_units or any(self.rarity[u] >= self.unique for u in shared)

    def _about(self, frame: Frame, sentence: Sentence) -> bool:
        """Whether the sentence names everything the question names (the companies, 董事長, P/E), in the
        years asked, and gives a reason when the question asks why."""
        keys = self.matcher.keys[sentence.fact.id]
        named = [
            c
            for slot in ("entities", "metrics", "segments", "qualifiers")
            if slot not in frame.inherited
            for c in getattr(frame, slot)
            if c not in self.statements.topics  # 原因, 地點: what is asked, not what it is about
        ]
        if not all(c in sentence.concepts or self.matcher.mentioned(c, keys) for c in named):
            return False  # Dyson's founder, the chairman of a sentence on a board seat
        years = {str(p.year) for p in frame.periods if p.year} if "periods" not in frame.inherited else set()
        if years and not any(y in keys.text for y in years):
            return False
        return frame.detail != "why" or self.statements.gives_reason(sentence.fact)
