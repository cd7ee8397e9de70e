"""The sentence a question's own words point at, for a question that no concept led to: one that asks
no figure (who, what, where, which, why: "第二大股東是哪家機構?" when the article's sentence on it was
drafted only as a stake, or "岚峰轮胎的前身是什么?" when no concept names 前身), or one that asks a figure of
a measure no concept names ("青嶼2024年總共賣出多少杯飲料?", "付費賬戶有多少?").

For a figure, the words must be in what the figure is of (`figure_topic`: its own clause, the clauses
before it holding no other figure, the sentence's opening), and the figure must be a level in the unit
asked, not a change: in "海外門店數為287家,分布在越南、馬來西亞和印尼" the stores are not Malaysia's, and in
"盤價…每公噸調漲300元" 300元 is no price.

The index of sentences is built on the first question that reaches this stage, not when a pack loads:
most questions are answered before it.

A sentence is found by the share of the question's words it holds, rare words weighing more (the
inverse of how many of the article's sentences use them); a word the article never uses weighs most, so
a question about something else ("马来西亚的首都是哪里?") finds no sentence holding enough of it. The
answer says it is the sentence the words found, and quotes it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from assistant.engine.decision import Decision
from assistant.engine.factkeys import FactKeys, topic_units
from assistant.engine.frame import Frame
from assistant.engine.lexicon import content_units, has_word
from assistant.engine.matcher import Matcher
from assistant.engine.reading import Reading
from assistant.engine.statements import Statements
from assistant.engine.weights import WEIGHTS as W
from assistant.lang.normalize import fold
from assistant.pack.schema import Fact

_DATED = re.compile(r"(?:19|20)\d\d|[上下]半年|[一二三四1-4]季|[0-9一二三四五六七八九十]+月")  # keys.text is folded
_BRIDGED = ("metric", "segment", "qualifier")  # English words that stand for a concept's Chinese names
UNANSWERED = frozenset({"gap", "nothing", "clarify", "entity_only", "no_reason"})


@dataclass(frozen=True)
class Word:
    """A word of the question: its units in the article's script (alternatives, for an English word) and
    whether it names what the question is about (a line, a place) rather than what it asks."""

    units: frozenset[str]
    named: bool = False
    concept: str | None = None  # an English word standing for this concept's Chinese names


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: the fact that speaks for it (a statement if one quotes it) and the
    words of it and of its facts' labels and statements."""

    fact: Fact
    units: frozenset[str]
    concepts: frozenset[str]


@dataclass(frozen=True)
class Index:
    """What the search looks in (`Passages.index`)."""

    sentences: list[Sentence]
    sentence_of: dict[str, int]  # fact id -> its sentence
    figures: dict[int, list[tuple[Fact, frozenset[str]]]]  # sentence -> its figures, with what each is of
    rarity: dict[str, float]
    unseen: float  # the weight of a word the article never uses
    unique: float  # the rarity of a word one sentence alone uses


class Passages:
    """Finds the article's sentence that holds most of a question's own words."""

    def __init__(
        self,
        matcher: Matcher,
        statements: Statements,
        figure_topics: frozenset[str],
        count_askers: list[str],
        rate_words: list[str],
    ) -> None:
        self.matcher = matcher
        self.count_askers = tuple(fold(w) for w in count_askers)
        self.rate_words = tuple(fold(w) for w in rate_words)
        self._longer: dict[str, list[str]] = {}  # a concept's names inside longer names of other concepts
        self.statements = statements
        self.figure_topics = figure_topics

    @functools.cached_property
    def index(self) -> Index:
        """The article's sentences, each fact's sentence, each sentence's figures with what each is of, and
        how rare each word is among the sentences."""
        by_quote: dict[str, tuple[Fact, set[str], set[str]]] = {}
        for keys in self.matcher.keys.values():
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
        sentences = [Sentence(f, frozenset(u), frozenset(c)) for f, u, c in by_quote.values()]
        at = {quote: i for i, quote in enumerate(by_quote)}
        sentence_of = {k.fact.id: at[k.fact.quote] for k in self.matcher.keys.values() if k.fact.quote in at}
        figures: dict[int, list[tuple[Fact, frozenset[str]]]] = {}
        for fid, words in topic_units(self.matcher.keys.values()).items():
            if fid in sentence_of:
                figures.setdefault(sentence_of[fid], []).append((self.matcher.keys[fid].fact, words))
        counts: dict[str, int] = {}
        for sentence in sentences:
            for unit in sentence.units:
                counts[unit] = counts.get(unit, 0) + 1
        total = len(sentences) + 1
        rarity = {unit: math.log(total / (count + 0.5)) for unit, count in counts.items()}
        # a word the article never uses weighs most; one word only one sentence uses is enough alone
        return Index(sentences, sentence_of, figures, rarity, math.log(total / 0.5), math.log(total / 1.5))

    def answer(self, decision: Decision, reading: Reading) -> Decision | None:
        """The sentence answering a question no concept answered, when its words clearly point at one."""
        frame = decision.frame
        if decision.kind not in UNANSWERED:
            return None
        asked = self.words_of(reading)
        if self.asks_words(frame):
            found = self.find(frame, asked)
        elif self.asks_unnamed_figure(frame):
            found = self.find(frame, asked, figure=True)
        else:
            return None
        if found is None:
            return None
        return Decision("passage", replace(frame, operation="statement"), "passage", [found], 0.5)

    def asks_words(self, frame: Frame) -> bool:
        """Whether the question asks no figure: no amount, unit, computation, or measure counted in figures."""
        if frame.operation not in ("statement", "lookup", "when") or frame.unit is not None or frame.target:
            return False
        if "lookup" in frame.cues or frame.numbers or any(w in frame.folded for w in self.count_askers):
            return False  # 有几项专利: a count
        return not any(m in self.figure_topics for m in frame.metrics)

    def asks_unnamed_figure(self, frame: Frame) -> bool:
        """Whether the question asks a figure (an amount, a count) of a measure that no figure of the pack
        is of: only the article's words can point at it."""
        if frame.operation != "lookup" or frame.target or frame.numbers or frame.per:
            return False
        return not frame.metrics or not any(m in self.figure_topics for m in frame.metrics)

    def words_of(self, reading: Reading) -> list[Word]:
        """The question's words to look for, each with its alternatives: a Chinese word is itself; an English
        word an alias of a measure, line or qualifier covers stands for that concept's Chinese names
        ("dividend policy": 股息, 派息, 分紅 …), so an English question finds a Chinese sentence. A line's
        or place's words are what the question is about, not what it asks (乌兹别克斯坦 of 首都)."""
        words: list[Word] = []
        bridged: set[str] = set()
        named: set[str] = set()
        for hit in reading.hits:
            span = reading.folded[hit.start : hit.end]
            if hit.target.kind == "segment":
                named.update(content_units(span))
            if hit.target.kind not in _BRIDGED or not span.isascii():
                continue
            aliases = self.matcher.aliases.get(hit.target.id, [])
            chinese = frozenset(u for a in aliases if not a.isascii() for u in content_units(a))
            if chinese:
                words.append(Word(chinese, hit.target.kind == "segment", hit.target.id))
                bridged |= set(span.split())
        return words + [Word(frozenset({u}), u in named) for u in sorted(reading.worded) if u not in bridged]

    def find(self, frame: Frame, asked: list[Word], *, figure: bool = False) -> Fact | None:
        """The sentence (for a figure, the level in its sentence) holding clearly the largest share of the
        question's words, if it holds enough."""
        if not asked:
            return None
        weight = [self._weight(word.units) for word in asked]
        whole = sum(weight)
        ranked: list[tuple[float, int, Fact]] = []
        by_unit, of = self.matcher.by_unit, self.index.sentence_of  # only sentences sharing a word: not all
        units = {unit for word in asked for unit in word.units}
        for index in {of[fid] for unit in units for fid in by_unit.get(unit, ()) if fid in of}:
            sentence = self.index.sentences[index]
            if figure:  # the levels of the sentence in the unit asked, each with the words saying what it is of
                candidates = [(f, words) for f, words in self.index.figures.get(index, []) if self._fits(frame, f)]
            else:
                candidates = [(sentence.fact, sentence.units)]
            for fact, words in candidates:
                keys = self.matcher.keys[fact.id]
                said = (keys.lead or keys.text) if figure else keys.text
                shared = [(i, self._shared(word, words, said)) for i, word in enumerate(asked)]
                shared = [(i, units) for i, units in shared if units]
                if not any(not asked[i].named for i, _ in shared):
                    continue  # only the line or place asked about: nothing of what is asked
                if self._enough(shared) and self._about(frame, sentence, keys, own_part=figure):
                    ranked.append((sum(weight[i] for i, _ in shared) / whole, index, fact))
        ranked.sort(key=lambda r: (-r[0], self.matcher.order[r[2].id]))
        if not ranked or ranked[0][0] < W.passage_min_share:
            return None
        runner_up = next((r for r in ranked if r[1] != ranked[0][1]), None)  # another sentence's best
        if runner_up is not None and ranked[0][0] - runner_up[0] < W.passage_lead:
            return None
        return ranked[0][2]

    def _fits(self, frame: Frame, fact: Fact) -> bool:
        """A level (no change written before it) in the unit asked, of a year asked."""
        if (
            fact.change is not None
            and fact.change.written
            and fact.quote.find(fact.change.written) < fact.quote.find(fact.written or "")
        ):
            return False
        asked = frame.unit or frame.counter
        if asked is not None and fact.unit != asked and not _both_money(asked, fact.unit):
            return False
        if fact.unit == "%" and asked != "%" and not has_word(self.rate_words, frame.folded):
            return False  # 加權指數多少: no rate asked
        years = {p.year for p in frame.periods if p.year}
        return not years or fact.period is None or any(fact.period.startswith(str(y)) for y in years)

    def _shared(self, word: Word, units: frozenset[str], text: str) -> frozenset[str]:
        """What of a question's word a sentence holds: its units, or for an English word, the units of
        its concept when the sentence names the concept (总裁 is not said in 副总裁)."""
        if word.concept is None:
            return word.units & units
        return word.units & units if self.said(word.concept, text) else frozenset()

    def said(self, concept: str, text: str) -> bool:
        """Whether a (folded) text names the concept by one of its names, not only inside a longer name of
        another concept (总裁, the CEO, in 副总裁, a vice president): stricter than `Matcher.mentioned`, for
        a sentence found by words alone."""
        if concept not in self._longer:
            own = [a for a in self.matcher.aliases.get(concept, []) if a]
            longer = {
                name
                for other, names in self.matcher.aliases.items()
                if other != concept
                for name in names
                if any(a in name and a != name for a in own)
            }
            self._longer[concept] = sorted(longer, key=len, reverse=True)
        for name in self._longer[concept]:
            text = text.replace(name, " ")
        return any(alias and alias in text for alias in self.matcher.aliases.get(concept, []))

    def _weight(self, word: frozenset[str]) -> float:
        """How much a word says: the rarest of its alternatives the article uses, else the most (unseen)."""
        rarity = self.index.rarity
        seen = [rarity[u] for u in word if u in rarity]
        return max(seen) if seen else self.index.unseen

    def _enough(self, shared: list[tuple[int, frozenset[str]]]) -> bool:
        """Enough words in common: a few, or one word no other sentence uses (前身)."""
        index = self.index
        return len(shared) >= W.passage_min_units or any(index.rarity[u] >= index.unique for _, w in shared for u in w)

    def _about(self, frame: Frame, sentence: Sentence, keys: FactKeys, *, own_part: bool = False) -> bool:
        """Whether the sentence (`own_part`: a figure's own part of it) names everything the question names
        (the companies, 董事長, P/E), in the years asked, and gives a reason when the question asks why."""
        named = [
            c
            for slot in ("entities", "metrics", "segments", "qualifiers")
            if slot not in frame.inherited
            for c in getattr(frame, slot)
            if c not in self.statements.topics  # 原因, 地點: what is asked, not what it is about
        ]
        held = keys.metrics | keys.segments | keys.qualifiers | keys.entities if own_part else sentence.concepts
        if not all(c in held or self.matcher.mentioned(c, keys, own_part=own_part) for c in named):
            return False  # Dyson's founder, the chairman of a sentence on a board seat
        years = {str(p.year) for p in frame.periods if p.year} if "periods" not in frame.inherited else set()
        if years and not any(y in keys.text for y in years):
            return False
        if frame.operation == "when" and not _DATED.search(keys.text):
            return False  # 什麼時候投產: only a sentence giving a time answers
        return frame.detail != "why" or self.statements.gives_reason(sentence.fact)


def _both_money(asked: str, unit: str | None) -> bool:
    """多少錢 (元) asked of a figure in 港元, 美元 or 歐元."""
    return asked.endswith("元") and unit is not None and unit.endswith("元")
