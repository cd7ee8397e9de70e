"""Which of the ranked facts answer a question together: those as good as the best (`tied_with`), the one whose
own clause says clearly more of the question (`named_beside`), whether the tied ones say different things
(`differ`: the reader then chooses), the two ends of a stated range (`range_ends`: answered together) and the
exact figure a rounded mention of it bounds (`exact_of_rounded`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from assistant.engine.factkeys import clause_and_before, own_clause
from assistant.engine.frame import Frame
from assistant.engine.lexicon import content_units
from assistant.engine.matcher import Scored
from assistant.engine.weights import WEIGHTS
from assistant.lang.normalize import fold
from assistant.lang.period import Period
from assistant.pack.figures import SCALES
from assistant.pack.schema import Fact

# 412.6億元人民幣(約448.5億港元), 52.8億元人民幣,折合約57.4億港元: one figure said again in another currency
_CONVERTED = re.compile(r"[\u4e00-\u9fff]{0,3}\s*[(,]?\s*(?:折合|相当于|即)?\s*(?:约|大约)?\s*")  # folded
# 2999元至3999元, 从2500元降至1200元: the two ends of one range or of one move
_RANGE_JOIN = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,2}(?:至|到)|~|～|-|－|—|–|to)\s*")


def tied_with(ranked: list[Scored], top: Scored, frame: Frame) -> list[Scored]:
    """The facts as good as the best; statements on the same topic close behind are part of the answer.
    When the best is a figure of the very measure asked, a figure that only relates to it (营收 asked; a
    receivable's share of revenue) is no tie, whatever words its sentence shares with the question."""
    tied = [s for s in ranked if top.score - s.score < WEIGHTS.clarify_margin]
    if top.fact.metric in frame.metrics:
        tied = [s for s in tied if s.fact.metric in frame.metrics]
    if top.fact.value is None:
        tied += [
            s
            for s in ranked[len(tied) : 3]
            if s.fact.value is None
            and s.fact.metric == top.fact.metric
            and top.score - s.score < WEIGHTS.same_topic_margin
        ]
    return tied


def named_beside(frame: Frame, tied: list[Scored], measure_words: set[str]) -> Scored | None:
    """Of figures as good as each other, the one whose own clause says clearly more of what the question
    says ("泰国工厂有多少员工": 泰国工厂员工约540人, not 员工总数接近3200人 of the same sentence), else the only one
    whose clause or the one before it says any of it (成熟机房: 运营满24个月的成熟机房,上架率则达到92.3%). The
    measure's words count only when every clause names the measure: 大型CT超過30% gives a share without
    naming it, and is no less the share asked for than the one before it."""
    if len(tied) > WEIGHTS.clause_tie_max or any(s.fact.value is None for s in tied):
        return None  # many figures as good as each other: the reader chooses
    own = _shared(frame, tied, measure_words, [own_clause(s.fact) for s in tied])
    if own[0][0] - own[1][0] >= WEIGHTS.clause_lead:
        return tied[own[0][1]]
    near = _shared(frame, tied, measure_words, [clause_and_before(s.fact) for s in tied], measures=False)
    best = tied[near[0][1]].fact
    rivals = [n for n, i in near if _plain(tied[i].fact) != _plain(best) or tied[i].fact.unit != best.unit]
    alone = near[0][0] >= 1 and not any(rivals) and bool(frame.metrics)  # 在建的4.1万架 said twice: no rival
    return tied[near[0][1]] if alone else None


def _shared(
    frame: Frame, tied: list[Scored], measure_words: set[str], texts: list[str], measures: bool = True
) -> list[tuple[int, int]]:
    """How many of the question's words each text says, most first, with the index of its fact."""
    clauses = [content_units(fold(text)) for text in texts]
    named = measures and all(c & measure_words for c in clauses)
    words = frame.units if named else _without_measures(frame) - measure_words
    return sorted(((len(words & c), i) for i, c in enumerate(clauses)), reverse=True)


def _without_measures(frame: Frame) -> set[str]:
    """The question's words with the measures and companies it names blanked out: 星匯海景酒店入住率 is
    海景 and 酒店, never 店入, which straddles the hotel and the rate."""
    text = list(frame.folded)
    for hit in frame.hits:
        if hit.target.kind in ("metric", "entity"):
            text[hit.start : hit.end] = " " * (hit.end - hit.start)
    return content_units("".join(text))


def differ(tied: list[Scored]) -> bool:
    """Whether the facts as good as the best say different things (the reader then chooses); statements
    on one topic are read together instead."""
    distinct = {(s.fact.written, s.fact.statement) for s in tied}
    same_topic = len({s.fact.metric for s in tied}) == 1 and all(s.fact.value is None for s in tied)
    return len(distinct) > 1 and not same_topic


def range_ends(tied: list[Scored]) -> list[Fact]:
    """The two ends of a range the best figure's sentence states (零售价集中在2999元至3999元之间), filed alike
    (the same company, measure, period, lines and tags): options that would read as the same question
    twice, which no reader can choose between. Other figures filed alike may be of something else, and
    the reader still chooses."""

    def key(f: Fact) -> tuple[object, ...]:
        return (*_filed(f), f.quote)

    ends = [s.fact for s in tied if key(s.fact) == key(tied[0].fact)]
    if len(ends) != 2 or not stated_range(*ends):
        return []
    return sorted(ends, key=lambda f: f.quote.index(f.written or ""))


def in_two_currencies(tied: list[Scored]) -> list[Fact]:
    """One figure its sentence gives in two currencies (412.6億元人民幣(約448.5億港元)), filed alike: both
    answer, the article's own first; a question that names a currency has already chosen."""
    facts = [s.fact for s in tied]
    if len(facts) != 2 or len({_filed(f) for f in facts}) != 1 or facts[0].quote != facts[1].quote:
        return []
    if len({f.unit for f in facts}) != 2 or any(f.unit in (None, "%") or not f.written for f in facts):
        return []
    quote = facts[0].quote
    if any((f.written or "") not in quote for f in facts):
        return []
    first, second = sorted(facts, key=lambda f: quote.index(f.written or ""))
    between = quote[quote.index(first.written or "") + len(first.written or "") : quote.index(second.written or "")]
    return [first, second] if _CONVERTED.fullmatch(fold(between)) else []


def stated_range(one: Fact, other: Fact) -> bool:
    """Whether two figures are the two ends of one range their sentence states (2999元至3999元): both written
    in the same quote, joined by a range word."""
    if one.quote != other.quote or any(not f.written or f.written not in f.quote for f in (one, other)):
        return False
    quote = one.quote
    first, second = sorted((one, other), key=lambda f: quote.index(f.written or ""))
    start = quote.index(first.written or "") + len(first.written or "")
    end = quote.index(second.written or "")
    return start <= end and _RANGE_JOIN.fullmatch(quote[start:end]) is not None


def latest(tied: list[Scored]) -> Scored | None:
    """Of figures of one company's measure as good as each other, the one of the latest period (市值现在
    多少: the market value on the latest date the article gives); none when they differ in more than it."""
    keys = {(s.fact.subject, s.fact.metric, tuple(s.fact.segment), tuple(s.fact.tags)) for s in tied}
    dated = [(period.closes, s) for s in tied if (period := Period.parse(s.fact.period))]
    if len(keys) != 1 or len(dated) != len(tied) or len({closes for closes, _ in dated}) != len(dated):
        return None
    return max(dated, key=lambda pair: pair[0])[1]


@dataclass(frozen=True)
class Bounds:
    """Approximation words by the side of the figure they leave the true value on (`bound_*` words)."""

    above: frozenset[str]
    below: frozenset[str]
    about: frozenset[str]

    @classmethod
    def of(cls, words: dict[str, list[str]]) -> Bounds:
        return cls(*(frozenset(words.get(f"bound_{side}", [])) for side in ("above", "below", "about")))

    def holds(self, approx: str, bound: Decimal, exact: Decimal) -> bool:
        """Whether a figure written as approx+bound (突破80亿元) can be a rounding of the exact one; the
        window is narrow, so that two figures of one measure are never taken for one."""
        if bound <= 0 or exact <= 0:
            return False
        ratio = exact / bound
        if approx in self.above:
            return Decimal(1) <= ratio <= Decimal("1.3")
        if approx in self.below:
            return Decimal("0.75") <= ratio <= Decimal(1)
        return approx in self.about and abs(ratio - 1) <= Decimal("0.1")


def exact_of_rounded(tied: list[Scored], ranked: list[Scored], bounds: Bounds) -> Scored | None:
    """Of figures filed alike (the same company, measure, period, lines and tags), one exact and the others
    roundings it satisfies (营收突破80亿元 … 营收86.73亿元): they are one figure, and the exact one answers,
    however far below the rounding's shorter sentence it ranks."""

    def key(f: Fact) -> tuple[object, ...]:
        return (*_filed(f), f.unit)

    if len({key(s.fact) for s in tied}) != 1:
        return None
    alike = [*tied, *(s for s in ranked if s not in tied and key(s.fact) == key(tied[0].fact))]
    exact = [s for s in alike if not s.fact.approx]
    if len(exact) != 1 or len(alike) < 2 or exact[0].fact.value is None:
        return None
    value = _plain(exact[0].fact)
    rounded = [(s.fact.approx or "", _plain(s.fact)) for s in alike if s is not exact[0]]
    if value is None or not all(bound is not None and bounds.holds(word, bound, value) for word, bound in rounded):
        return None
    return exact[0]


def _filed(f: Fact) -> tuple[object, ...]:
    """What a fact is filed under: the same company, measure, period, lines, object and tags."""
    return (f.subject, f.metric, f.period, tuple(f.segment), f.object, tuple(f.tags))


def _plain(fact: Fact) -> Decimal | None:
    """The figure in plain units (86.73亿 as 8,673,000,000)."""
    if fact.value is None or fact.scale not in SCALES:
        return None
    return fact.value * SCALES[fact.scale]


def one_sentence_for_all(tied: list[Scored], metrics: list[str], covers: Callable[[Fact, str], bool]) -> list[Fact]:
    """逸骑是哪一年、在哪个城市创立的: of figures as good as each other, those of the one sentence that gives
    every measure asked (逸骑科技2009年创立于浙江台州: the year and the place); none when no sentence does, or
    more than one does."""
    if len(metrics) < 2:
        return []
    by_quote: dict[str, list[Fact]] = {}
    for scored in tied:
        by_quote.setdefault(scored.fact.quote, []).append(scored.fact)
    full = [facts for facts in by_quote.values() if all(any(covers(f, m) for f in facts) for m in metrics)]
    return full[0] if len(full) == 1 else []
