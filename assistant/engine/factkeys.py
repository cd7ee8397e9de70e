"""What the matcher knows of each fact, worked out once per pack: its concepts, numbers, words and period.

Matching a question then compares sets instead of re-reading every fact's sentence and tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import msgspec

from assistant.engine.lexicon import content_units
from assistant.lang.normalize import fold
from assistant.lang.numbers import plain_decimals, scaled_decimals
from assistant.lang.periods import Period, PeriodGrammar
from assistant.pack.figures import SCALES
from assistant.pack.model import Pack
from assistant.pack.schema import Fact

_CLAUSE = re.compile("[,;:。\uff0c\uff1b\uff1a]")  # ASCII and full-width marks
_CLAUSE_AROUND_NUMBERS = re.compile("[;:。\uff0c\uff1b\uff1a]|(?<!\\d),|,(?!\\d)")  # 4,200 is one number
SUMMED = frozenset({"difference", "sum"})  # derivations whose figure also fits the periods of its inputs


class FactKeys(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """The concepts and text of one fact, precomputed for matching (a Struct: the compiled-pack cache
    stores them as data)."""

    fact: Fact
    entities: frozenset[str]
    metrics: frozenset[str]
    segments: frozenset[str]
    qualifiers: frozenset[str]
    text: str
    own_numbers: frozenset[Decimal]
    near_numbers: frozenset[Decimal]
    before_numbers: frozenset[Decimal]
    units: frozenset[str]
    period: Period | None
    input_periods: tuple[str | None, ...] = ()
    lead: str = ""  # a figure's part of its sentence up to the figure (folded): what the figure is of
    parts: tuple[Period, ...] = ()  # parts of a year an undated fact's sentence names (上半年): the halves it fits
    context: str = ""  # the sentences before, when the fact's points back to them (folded): what it is about


_PART = re.compile("[;。\uff1b]")


def figure_part(fact: Fact, causes: tuple[str, ...] = ()) -> str:
    """The part of the sentence (between semicolons) holding the figure, up to the figure: 澍德药业2024年营收
    为78.4亿元…;澍德药业同样拥有多肽产线 does not make 78.4 a 多肽 figure; nor do clauses of cause before it
    (`causes`: 受惠於…貨運需求回溫,…單季營收176.8億元 is no 貨運 figure)."""
    if not fact.written or fact.written not in fact.quote:
        return fact.quote
    end = fact.quote.index(fact.written) + len(fact.written)
    starts = [m.end() for m in _PART.finditer(fact.quote, 0, end)]
    part = fact.quote[starts[-1] if starts else 0 : end]
    clauses = _CLAUSE.split(part)
    kept = [c for c in clauses[:-1] if not fold(c).lstrip().startswith(causes)] if causes else clauses[:-1]
    return ",".join([*kept, clauses[-1]])


def beside_figure(fact: Fact) -> tuple[str, str]:
    """The clause holding the fact's figure with the clause after it, and the clause before it.

    A sentence often holds several figures; a number in a question points at the one it sits beside.
    """
    if not fact.written or fact.written not in fact.quote:
        return fact.quote, ""
    clauses = [c for c in _CLAUSE.split(fact.quote) if c]
    for index, clause in enumerate(clauses):
        if fact.written in clause:
            return " ".join(clauses[index : index + 2]), clauses[index - 1] if index else ""
    return fact.quote, ""


def own_clause(fact: Fact) -> str:
    """The clause holding the fact's figure: of two figures in one sentence, what each one's own clause
    names tells them apart (员工总数接近3200人, 泰国工厂员工约540人)."""
    if not fact.written:
        return fact.quote
    return next((c for c in _CLAUSE.split(fact.quote) if fact.written in c), fact.quote)


def clause_and_before(fact: Fact) -> str:
    """The clause holding the fact's figure and the one right before it, where what it is of is often said
    (运营满24个月的成熟机房,上架率则达到92.3%)."""
    if not fact.written:
        return fact.quote
    clauses = _CLAUSE.split(fact.quote)
    own = next((i for i, c in enumerate(clauses) if fact.written in c), None)
    return fact.quote if own is None else " ".join(clauses[max(own - 1, 0) : own + 1])


def figure_topic(fact: Fact, others: Iterable[str]) -> str:
    """What says what a figure is of, in a sentence of several (`others`: the other figures as written):
    its own clause, the clauses right before it that hold no other figure, and the sentence's opening
    clauses before its first figure. In "…全球股市重挫,台股加權指數單日跌幅一度接近10%,…當月自結稅後虧損
    2.64億元" the index is not what 2.64億元 is of; in "2025年3月,公司完成一次H股配售,以每股28.60港元的價格
    配售約5460萬股新H股,募資約15.6億港元" the placement is."""
    clauses = [c for c in _CLAUSE_AROUND_NUMBERS.split(fact.quote) if c]
    own = next((i for i, c in enumerate(clauses) if fact.written and fact.written in c), None)
    if own is None:
        return fact.quote
    other = [w for w in others if w and w != fact.written]

    def holds_figure(clause: str) -> bool:
        return any(w in clause for w in other)

    start = own
    while start > 0 and not holds_figure(clauses[start - 1]):
        start -= 1
    opening = []
    for clause in clauses[:start]:
        if holds_figure(clause):
            break
        opening.append(clause)
    return ",".join([*opening, *clauses[start : own + 1]])


def topic_units(keys: Iterable[FactKeys]) -> dict[str, frozenset[str]]:
    """Each figure's words saying what it is of (figure_topic), by fact id."""
    by_quote: dict[str, list[Fact]] = {}
    for k in keys:
        if k.fact.value is not None and k.fact.derivation is None:
            by_quote.setdefault(k.fact.quote, []).append(k.fact)
    topics = {}
    for facts in by_quote.values():
        written = [f.written or "" for f in facts]
        topics.update({f.id: frozenset(content_units(fold(figure_topic(f, written)))) for f in facts})
    return topics


def own_numbers(fact: Fact) -> frozenset[Decimal]:
    """The figure as written and as a value, in its scale and in plain units."""
    values = {fact.value, fact.value * SCALES.get(fact.scale, 1)} if fact.value is not None else set()
    return plain_decimals(fact.written or "") | values


class KeyMaker:
    """Builds the FactKeys of a pack's facts: concept kinds and implications come from the pack."""

    def __init__(self, pack: Pack, grammar: PeriodGrammar) -> None:
        self.pack = pack
        self.grammar = grammar
        self.openers = tuple(fold(w) for w in pack.words.get("pointing_openers", []))
        self.saying = tuple(fold(w) for w in pack.words.get("saying_words", []))
        self.reason_openers = tuple(fold(w) for w in pack.words.get("reason_openers", []))
        self.causes = tuple(fold(w) for w in pack.words.get("cause_openers", []))
        self.topic_names = self._topic_names(pack)

    @staticmethod
    def _topic_names(pack: Pack) -> dict[str, list[str]]:
        """The Chinese names of the who-measures (董事长, 创始人) the pack gives no figure of: a statement whose
        sentence names one is about it, whatever topic the statement was filed under."""
        figured = {f.metric for f in pack.facts.values() if f.value is not None}
        topics = [cid for cid in pack.words.get("named_topics", []) if cid in pack.concepts and cid not in figured]
        return {cid: [fold(a) for a in pack.concepts[cid].aliases if len(a) >= 2 and not a.isascii()] for cid in topics}

    def expand(self, ids: Iterable[str]) -> set[str]:
        """The concepts and everything they imply, transitively."""
        out: set[str] = set()
        todo = list(ids)
        while todo:
            cid = todo.pop()
            if cid in out:
                continue
            out.add(cid)
            concept = self.pack.concepts.get(cid)
            if concept:
                todo.extend(concept.implies)
        return out

    def kind(self, cid: str) -> str:
        concept = self.pack.concepts.get(cid)
        return concept.kind if concept else "qualifier"

    def keys(self, fact: Fact) -> FactKeys:
        tagged = self._tags_by_kind(fact)
        quotes = self._quotes(fact)
        near, before = beside_figure(fact)
        context = self._pointed_at(fact)
        return FactKeys(
            fact=fact,
            entities=frozenset({fact.subject, *([fact.object] if fact.object else []), *tagged["entity"]}),
            metrics=frozenset(self.expand([fact.metric, *tagged["metric"], *self._named_topics(fact)])),
            segments=frozenset(self.expand([*fact.segment, *tagged["segment"]])),
            qualifiers=frozenset(tagged["qualifier"]),
            text=self.grammar.with_years(fold(" ".join([*quotes, fact.when or ""]))),
            own_numbers=own_numbers(fact),
            near_numbers=scaled_decimals(near),
            before_numbers=scaled_decimals(before),
            units=self._units(fact, quotes, context),
            period=Period.parse(fact.period),
            input_periods=self._input_periods(fact),
            lead=self.grammar.with_years(fold(figure_part(fact, self.causes))) if fact.value is not None else "",
            parts=self._parts_named(fact),
            context=fold(context),
        )

    def _named_topics(self, fact: Fact) -> list[str]:
        """The figureless measures a statement's own sentence names (周启明担任公司董事长: chairman)."""
        if fact.value is not None or fact.derivation is not None:
            return []
        text = fold(fact.quote)
        return [cid for cid, names in self.topic_names.items() if any(n in text for n in names)]

    def _tags_by_kind(self, fact: Fact) -> dict[str, list[str]]:
        """The fact's tags by the kind of their concept (an unknown tag is a qualifier), in tag order."""
        tagged: dict[str, list[str]] = {"entity": [], "metric": [], "segment": [], "qualifier": []}
        for tag in dict.fromkeys(fact.tags):
            tagged.setdefault(self.kind(tag), []).append(tag)
        return tagged

    def _quotes(self, fact: Fact) -> list[str]:
        """The fact's sentence, and those of the facts a derived figure is computed from."""
        inputs = fact.derivation.inputs if fact.derivation else []
        return [fact.quote, *(self.pack.facts[i].quote for i in inputs if i in self.pack.facts)]

    def _pointed_at(self, fact: Fact) -> str:
        """The sentences before the fact's own in its paragraph that it points back to: it opens by pointing
        (该项目, 这一业务), or a statement someone said opens with this or gives its reason (公司解釋，這是由於…;
        公司說明，季減主因是…): what they name is what it is about. A sentence pointed at that itself
        points back brings the one before it too (該業務毛利率為14.2%… after the line's revenue)."""
        statement = fact.value is None
        if fact.derivation is not None or not self._points_back(fact.quote, reason=statement):
            return ""
        paragraph = self.pack.paragraph(fact.source or next(iter(self.pack.paragraphs), ""), fact.paragraph)
        before = paragraph[: max(0, paragraph.find(fact.quote))]
        ends = r"(?<=[。!?!?])" if statement else r"(?<=[。!?!?;;])"  # a reason is of the whole sentence before
        sentences = [s for s in re.split(ends, before) if s.strip()]
        pointed = sentences[-1:]
        if len(sentences) > 1 and self._points_back(sentences[-1], reason=False):
            pointed = sentences[-2:]
        return "".join(pointed)

    def _units(self, fact: Fact, quotes: list[str], context: str) -> frozenset[str]:
        return frozenset(content_units(fold(" ".join([*self._words(fact, quotes), self._opened_on(fact, context)]))))

    def _opened_on(self, fact: Fact, context: str) -> str:
        """The sentence pointed back to, when the fact's opens by pointing (该项目): its words are the fact's
        too. A reason someone said is only about it: its words stay the sentence's own, so a search by words
        does not find the reason for the sentence before it."""
        return context if fold(fact.quote).lstrip().startswith(self.openers) else ""

    def _points_back(self, sentence: str, *, reason: bool) -> bool:
        """Whether a sentence opens by pointing back, or (`reason`: a statement) is said by someone and opens
        with this or gives a reason (公司說明，季減主因是…)."""
        folded = fold(sentence).lstrip()
        if folded.startswith(self.openers):
            return True
        if not reason:
            return False
        lead, _, rest = folded.partition(",")
        said = bool(rest) and lead.rstrip(":").endswith(self.saying)
        return said and (rest.lstrip().startswith(self.openers) or any(w in rest for w in self.reason_openers))

    @staticmethod
    def _words(fact: Fact, quotes: list[str]) -> list[str]:
        """Every text a question's words may share with the fact: sentences, time, label, statement."""
        words = [*quotes, fact.when or ""]
        for localized in (fact.label, fact.statement):
            if localized is not None:
                words += [localized.zh_Hant, localized.en]
        return words

    def _parts_named(self, fact: Fact) -> tuple[Period, ...]:
        """The parts of a year (a half, a quarter, a month) an undated fact's sentence names."""
        if fact.period is not None:
            return ()
        mentions = self.grammar.scan(fold(fact.quote))
        return tuple(m.period for m in mentions if m.period is not None and m.period.sub_year)

    def _input_periods(self, fact: Fact) -> tuple[str | None, ...]:
        """The periods of a difference's or a sum's inputs: the figure also answers for them."""
        if fact.derivation is None or fact.derivation.formula not in SUMMED:
            return ()
        return tuple(self.pack.facts[i].period for i in fact.derivation.inputs if i in self.pack.facts)


@dataclass(frozen=True)
class Asked:
    """What a frame asks, expanded once per ranking rather than once per fact."""

    metrics: frozenset[str]
    segments: frozenset[str]
    qualifiers: frozenset[str]
    units: frozenset[str]
    ranks: frozenset[str] = frozenset()  # 第一大, 前五大: the rank a figure's own clause must give


@dataclass(frozen=True)
class Scored:
    """A fact that fits the question, with its score."""

    score: float
    fact: Fact
