"""Reading -> Frame: which operation a question asks for, and the slots of its operands.

The operation comes from the intent cues (their `operation` and `priority` in intents.yaml), then from
whole-phrase examples; the slots from the concept hits, the period mentions and the numbers quoted.
Rounding asked for (保留一位小數, to one decimal), a unit or currency asked for (多少人, in dollars) and
the signs of a follow-up (那…呢, its, what about) are read here too."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from assistant.engine.frame import Frame
from assistant.engine.lexicon import Hit, has_word
from assistant.engine.reading import Reading
from assistant.lang.normalize import fold
from assistant.lang.periods import Period
from assistant.lang.scripts import CJK_RUN, has_cjk
from assistant.pack.bases import Bases
from assistant.pack.schema import Fact, Intent

_TARGETS = {"entity": "entities", "metric": "metrics", "segment": "segments", "qualifier": "qualifiers"}


@dataclass(frozen=True)
class Interpreter:
    """The pack's intents, words and rounding patterns, compiled once."""

    intents: Mapping[str, Intent]
    examples: list[tuple[str, str]]
    words: Mapping[str, list[str]]
    precision: tuple[re.Pattern[str], ...]
    whole: re.Pattern[str] | None
    precision_numbers: Mapping[str, int]
    unit_of_concept: Mapping[str, str]
    computed: Mapping[str, str]  # metric concept -> how it is computed (ratio, share, years_between)
    counted: Mapping[str, list[str]] = field(default_factory=dict)  # unit -> the measures counted in it
    per_words: tuple[tuple[str, str], ...] = ()  # (一头, 頭), longest first: the thing an amount asked is per
    bases: Bases = field(default_factory=lambda: Bases.of({}))  # 同比, q/q: what a change asked is measured against
    revenue_ratios: Mapping[str, str] = field(default_factory=dict)  # staff_costs -> staff_cost_ratio (over revenue)
    counters: re.Pattern[str] | None = None  # 多少万条: a count asked in a counter the pack's figures use

    @classmethod
    def build(
        cls,
        intents: Mapping[str, Intent],
        words: Mapping[str, list[str]],
        precision: Mapping[str, Any],
        units: Mapping[str, str],
        computed: Mapping[str, str],
        fold: Any,
        counted: Mapping[str, list[str]] | None = None,
        revenue_ratios: Mapping[str, str] | None = None,
    ) -> Interpreter:
        examples = [(fold(e), iid) for iid, i in intents.items() if i.kind != "figure" for e in i.examples]
        patterns = tuple(re.compile(str(precision[k])) for k in ("zh", "en") if precision.get(k))
        whole = re.compile(str(precision["whole"])) if precision.get("whole") else None
        numbers = {str(k): int(v) for k, v in dict(precision.get("numbers") or {}).items()}
        folded_words = {key: [fold(w) for w in values] for key, values in words.items()}
        pairs = (tuple(pair.split("|", 1)) for pair in folded_words.get("per_words", []))
        pers = tuple(sorted(((w, p) for w, p in pairs), key=lambda pair: -len(pair[0])))
        counts = dict(counted or {})
        bases = Bases.of(words)
        ratios = dict(revenue_ratios or {})
        counters = _counter_pattern(folded_words, counts)
        return cls(
            intents,
            examples,
            folded_words,
            patterns,
            whole,
            numbers,
            units,
            computed,
            counts,
            pers,
            bases,
            ratios,
            counters,
        )

    def operations(self, cues: Mapping[str, int], folded: str) -> list[tuple[str, str]]:
        """(operation, intent) pairs, best first: the cues that name an operation by priority, else the
        intent of a matching example phrasing, else a look-up."""
        cued = sorted(
            (c for c in cues if self.intents.get(c) and self.intents[c].operation),
            key=lambda c: -self.intents[c].priority,
        )
        found = [(str(self.intents[c].operation), c) for c in cued]
        return found or [self.operation(cues, folded)]

    def operation(self, cues: Mapping[str, int], folded: str) -> tuple[str, str]:
        """(operation, intent): the highest-priority cue that names an operation, else an example."""
        cued = sorted(
            (c for c in cues if self.intents.get(c) and self.intents[c].operation),
            key=lambda c: -self.intents[c].priority,
        )
        if cued:
            return str(self.intents[cued[0]].operation), cued[0]
        if self.examples and len(folded) <= 60:
            best = process.extractOne(folded, [e for e, _ in self.examples], scorer=fuzz.ratio, score_cutoff=80)
            if best:
                intent = self.examples[best[2]][1]
                return str(self.intents[intent].operation or "lookup"), intent
        return "lookup", "lookup"

    def decimals(self, folded: str) -> int | None:
        if self.whole and self.whole.search(folded):
            return 0
        for pattern in self.precision:
            match = pattern.search(folded)
            if match:
                text = next(g for g in match.groups() if g)
                return int(text) if text.isdigit() else self.precision_numbers.get(text)
        return None

    def has(self, key: str, folded: str) -> bool:
        """Whether a word of the named list appears (English words on word boundaries)."""
        return has_word(self.words.get(key, []), folded)

    def frame(self, reading: Reading) -> Frame:
        """The frame of one reading, before any conversation context."""
        folded = reading.folded
        asked = self._asked_cues(reading)
        ranked = self.operations(asked, folded)
        operation, detail = ranked[0]
        fallback = next(((o, d) for o, d in ranked if o not in ("compute", "compare")), ("lookup", "lookup"))
        unrefused = next(((o, d) for o, d in ranked if o not in ("compute", "compare", "refuse")), ("lookup", "lookup"))
        frame = Frame(
            folded=folded,
            operation=operation,
            detail=detail,
            fallback=fallback,
            unrefused=unrefused,
            cues=asked,
            unknown_names=list(reading.unknown_names),
            units=set(reading.content),
        )
        _read_periods(frame, reading)
        self._fill_slots(frame, reading)
        if asked != reading.cues:  # 倒推 says how the figure is found, not which figure: no qualifier to match
            frame.operation_words |= set(frame.qualifiers) & set(self.words.get("means_qualifiers", []))
        frame.periods, frame.bases = _spread_parts(frame.periods, frame.bases)
        self._computed_operation(frame)
        frame.quoted = list(reading.numbers)
        frame.numbers = {n.value for n in reading.numbers} | {n.base for n in reading.numbers}
        unit = frame.unit or self._cued_unit(asked)
        amounts = unit in self.words.get("amount_units", []) or self._amounts_only(frame.metrics)
        frame.counter = self._counter_asked(folded)
        counter = frame.counter if amounts else None  # sales volume 多少万条: no revenue
        frame.unit = self._counter_used(counter or unit)
        frame.per = next((per for word, per in self.per_words if word in folded), None)  # 多少錢一頭: per head
        frame.decimals = self.decimals(folded)
        planned = self._plan_of_measure(frame)
        frame.focus = _focus([h for h in frame.hits if h.target.kind == "metric"], reading.cue_spans, folded)
        self._segment_words(frame)
        self._verbs_with_measures(frame)
        self.name_ratio(frame)
        self._counted_stocks(frame)
        self._counted_in_unit(frame)
        self._read_signs(frame, reading)
        frame.planning = frame.planning or planned
        return frame

    def _plan_of_measure(self, frame: Frame) -> bool:
        """Whether a plan measure (guidance) is said with another (capex guidance): that one is asked, planned."""
        plans = set(self.words.get("plan_measures", [])) & set(frame.metrics)
        if plans and not plans >= set(frame.metrics):
            frame.metrics = [m for m in frame.metrics if m not in plans]
            frame.hits = [h for h in frame.hits if h.target.id not in plans]
        return bool(plans) and not plans & set(frame.metrics)

    def _asked_cues(self, reading: Reading) -> dict[str, int]:
        """The cues that say what is asked: in "用增速倒推2023年营收" (back out 2023 revenue from the growth
        rate) the growth rate after a means word (用, 按, from the) is how to work the figure out, not the
        question, when a word asks for a figure worked out (倒推, back out: `means_qualifiers`)."""
        means = self.words.get("means_words", [])  # folded when the interpreter was built
        worked = set(self.words.get("means_qualifiers", []))
        if not means or not any(h.target.id in worked for h in reading.hits):
            return dict(reading.cues)
        cues, reach = dict(reading.cues), -1  # 按同比降幅倒推: the cues right after the means word are all means
        for start, end, cue in sorted(reading.cue_spans):
            before = reading.folded[:start].rstrip()
            if (start <= reach or any(before.endswith(m) for m in means)) and cues.get(cue):
                cues[cue] -= 1
                reach = max(reach, end)
        return {c: n for c, n in cues.items() if n > 0}

    def _segment_words(self, frame: Frame) -> None:
        """海外收入的毛利率, the gross margin on overseas sales: a revenue word right after a segment names the
        segment, not a second measure asked for, when the question names another measure too."""
        describing = set(self.words.get("segment_revenue_words", []))
        segments = [h for h in frame.hits if h.target.kind == "segment"]
        metrics = [h for h in frame.hits if h.target.kind == "metric"]
        named = {h.target.id for h in metrics if h.target.id in frame.metrics}
        words = {
            h.target.id
            for h in metrics
            if h.target.id in describing and any(0 <= h.start - s.end <= 1 for s in segments)
        }
        shares = set(self.words.get("share_metrics", []))
        if words and named - words and not (named - words) & shares:  # RT收入占总营收: a share of revenue
            frame.metrics = [m for m in frame.metrics if m not in words]
            if frame.focus in words:
                frame.focus = next(iter(sorted(named - words)), None)

    def _verbs_with_measures(self, frame: Frame) -> None:
        """What gross margin does it earn: a verb that alone asks for a measure (earn: net profit) asks for
        none beside a measure the question names."""
        verbs = set(self.words.get("measure_verbs", []))
        metrics = [h for h in frame.hits if h.target.kind == "metric"]
        named = {h.target.id for h in metrics if frame.folded[h.start : h.end] not in verbs}
        said = {h.target.id for h in metrics if frame.folded[h.start : h.end] in verbs} - named
        if named and said:
            frame.metrics = [m for m in frame.metrics if m not in said]
            frame.focus = frame.focus if frame.focus not in said else next(iter(sorted(named)), None)

    def name_ratio(self, frame: Frame, previous: Iterable[str] = ()) -> None:
        """人工成本占营收的比例, rent as a share of revenue: one measure and a share of revenue ask for that
        measure's ratio to revenue when the pack has one; a ratio named with a share word after it (人工成本率
        占比) is that ratio, not a second measure. Run again on a follow-up's frame with the measures asked before."""
        shares = set(self.words.get("share_metrics", []))
        if frame.segments or not set(frame.metrics) & shares:
            return
        based = any(h.target.id == "revenue" and self._after_base(frame.folded, h.start) for h in frame.hits)
        asked = [m for m in frame.metrics if m not in shares and m != "revenue"]
        if not asked and based:  # 占收入的比例呢? after 销售费用: the share of revenue of the measure asked before
            asked = [m for m in previous if m in self.revenue_ratios][:1]
        if len(asked) != 1:
            return
        ratio = asked[0] if self.computed.get(asked[0]) == "ratio" else None
        of_revenue = based or "revenue" in frame.metrics or "revenue_share" in frame.metrics
        ratio = ratio or (self.revenue_ratios.get(asked[0]) if of_revenue else None)
        if ratio:
            frame.metrics, frame.focus = [ratio], ratio

    def _after_base(self, folded: str, start: int) -> bool:
        """占收入, 佔 total revenue, share of revenue: a measure named as the whole a share is of."""
        return folded[:start].rstrip().endswith(tuple(self.words.get("share_base_words", [])))

    def _counted_in_unit(self, frame: Frame) -> None:
        """卖了多少辆车: a count asked in a unit with no measure named asks for the measures the pack counts in
        that unit (a few at most: the reader chooses between them); money and percentages are no count."""
        measures = self.counted.get(frame.unit or "", [])
        plain = set(self.words.get("amount_units", []))
        if not frame.metrics and frame.unit not in plain and 0 < len(measures) <= 3:
            frame.metrics = list(measures)

    def _counter_used(self, unit: str | None) -> str | None:
        """家 asked of a pack that counts shops only in 間: the counter its figures use (`same_counters`)."""
        if unit is None or unit in self.counted:
            return unit
        for group in self.words.get("same_counters", []):  # folded, as all word lists: 間 is 间
            used = [u for u in self.counted if fold(u) in group] if fold(unit) in group else []
            if len(used) == 1:
                return str(used[0])
        return unit

    def _counted_stocks(self, frame: Frame) -> None:
        """新开了多少家门店, how many stores closed: the stock (门店) named beside a flow of it (新开) is what the
        flow counts, not a second measure asked for (`flow_measures`, `stock_measures`)."""
        flows = set(self.words.get("flow_measures", []))
        stocks = set(self.words.get("stock_measures", []))
        if set(frame.metrics) & flows and set(frame.metrics) & stocks:
            frame.metrics = [m for m in frame.metrics if m not in stocks]
            if frame.focus in stocks:
                frame.focus = next((m for m in frame.metrics if m in flows), None)

    def _fill_slots(self, frame: Frame, reading: Reading) -> None:
        """The concept hits into their slots, in order of appearance; a unit named sets the unit asked for."""
        operation_spans = {
            (s, e)
            for s, e, cue in reading.cue_spans
            if self.intents.get(cue) and self.intents[cue].operation in ("compute", "compare")
        }
        for hit in reading.hits:
            if hit.target.kind == "qualifier" and (hit.start, hit.end) in operation_spans:
                frame.operation_words.add(hit.target.id)  # "combined" names the sum, not a kind of figure
            if hit.target.kind == "unit":
                frame.unit = self.unit_of_concept.get(hit.target.id, hit.target.id)
                continue
            if reading.in_context_only(hit):
                continue  # "文章提到聯影智能的融資。請問…": that sentence only sets the scene
            frame.hits.append(hit)
            slot: list[str] = getattr(frame, _TARGETS.get(hit.target.kind, "qualifiers"))
            if hit.target.id not in slot:
                slot.append(hit.target.id)

    def _computed_operation(self, frame: Frame) -> None:
        """A look-up of a computed measure (a net margin, the years between two events) is a computation."""
        computed = [m for m in frame.metrics if self.computed.get(m)]
        if computed and frame.operation in ("lookup", "statement"):
            kind = self.computed[computed[0]]
            frame.operation, frame.detail = "compute", "derive" if kind == "years_between" else "ratio"

    def _amounts_only(self, metrics: list[str]) -> bool:
        """Whether the measures named are all counted only in money or percentages (`amount_units`): a count
        asked in a counter beside them (sales volume 多少万条) is none of them."""
        amounts = set(self.words.get("amount_units", []))
        counted = {u for u, measures in self.counted.items() if set(metrics) & set(measures)}
        return bool(metrics) and bool(counted) and {fold(u) for u in counted} <= amounts

    def _counter_asked(self, folded: str) -> str | None:
        """多少万条, 几条: a count asked in a counter the pack's figures are counted in, though no cue names it;
        read only beside measures of money, which it overrules (sales volume 多少万条 is no revenue)."""
        found = self.counters.search(folded) if self.counters else None
        return next((u for u in self.counted if fold(u) == found.group(1)), None) if found else None

    def _cued_unit(self, cues: Mapping[str, int]) -> str | None:
        """The unit an intent cue asks for (多少人 asks for people)."""
        return next((str(self.intents[c].unit) for c in cues if self.intents.get(c) and self.intents[c].unit), None)

    def _read_signs(self, frame: Frame, reading: Reading) -> None:
        """Words that change how the question is answered: a pronoun or a follow-up mark (it leans on the
        last question), and words asking for an exact figure, a total or an amount."""
        folded = reading.folded
        stops = {t.text for t in reading.tokens if t.role in ("stop", "unknown")}
        frame.pronoun = any(p in stops for p in self.words.get("pronouns", []))
        frame.points_at_part = self.has("part_pointers", folded)
        frame.follow_up = frame.pronoun or frame.points_at_part or self._leans_on_context(folded)
        frame.exact = self.has("exact_words", folded)
        frame.now = self.has("now_words", folded)
        frame.target = self.has("target_words", folded)
        frame.planning = frame.target or self.has("plan_asked_words", folded)
        frame.totals = self.has("total_words", folded)
        frame.amount = self.has("amount_words", folded)
        frame.basis = self.bases.asked(folded)

    def _leans_on_context(self, folded: str) -> bool:
        text = folded.strip(" ?.!")
        marks = self.words.get("follow_up_marks", [])
        return any(text.startswith(m) or text.endswith(m) for m in marks if not m.isascii()) or any(
            re.match(rf"{re.escape(m)}(?![a-z])", text) for m in marks if m.isascii()
        )


def _read_periods(frame: Frame, reading: Reading) -> None:
    """The periods asked about, the bases they are compared with, and a relative period (前一年)."""
    for mention in reading.periods:
        if mention.period is None and mention.role in ("prior", "same_prior"):
            frame.relative = frame.relative or mention.role
        elif mention.period is not None and mention.role == "asked" and mention.period not in frame.periods:
            frame.periods.append(mention.period)
        elif mention.period is not None and mention.role == "base":
            frame.bases.append(mention.period)


def _focus(metric_hits: list[Hit], cue_spans: list[tuple[int, int, str]], folded: str) -> str | None:
    """The metric a question asks about: the one nearest its question words (多少家医院, "how much of its
    revenue"), else the last in Chinese and the first in English; a metric whose name begins inside the question
    words (多少款 of 有多少款AI赋能设备: how many; not "share of" in "what share of") only when no other is named."""
    inside = [
        h for h in metric_hits if any(s < h.start < e < h.end and has_cjk(folded[h.start : e]) for s, e, _ in cue_spans)
    ]
    metric_hits = [h for h in metric_hits if h not in inside] or metric_hits
    if not metric_hits:
        return None
    if cue_spans:

        def distance(hit: Hit) -> int:
            return min(max(s - hit.end, hit.start - e, 0) for s, e, _ in cue_spans)

        return min(metric_hits, key=distance).target.id
    return (metric_hits[-1] if has_cjk(folded) else metric_hits[0]).target.id


def _spread_parts(periods: list[Period], bases: list[Period]) -> tuple[list[Period], list[Period]]:
    """ "Q1 … from 2024 to 2025": a part of the year named once applies to each year named."""
    parts = [p for p in periods if p.year is None and p.sub_year]
    years = [p for p in periods if p.year is not None and not p.sub_year]
    if len(parts) != 1 or not (years or bases):
        return periods, bases
    part = parts[0]
    spread = [replace(part, year=p.year) for p in years] or periods
    return spread, [replace(part, year=b.year) if not b.sub_year else b for b in bases]


def measures_by_unit(facts: Iterable[Fact]) -> dict[str, list[str]]:
    """The measures a pack's figures are counted in, by unit (輛: units shipped, capacity)."""
    found: dict[str, set[str]] = {}
    for fact in facts:
        if fact.unit and fact.value is not None:
            found.setdefault(fact.unit, set()).add(fact.metric)
    return {unit: sorted(metrics) for unit, metrics in found.items()}


def _counter_pattern(words: Mapping[str, list[str]], counted: Mapping[str, list[str]]) -> re.Pattern[str] | None:
    """多少万条, 几人次: the words asking how many, a scale, then a counter the pack's figures use (one or two
    characters, longest first, not one that counts anything: 个)."""
    generic = set(words.get("count_generic", []))
    counters = {fold(u) for u in counted if len(u) <= 2 and CJK_RUN.fullmatch(u)} - generic
    asking, scales = words.get("count_askers", []), words.get("count_scales", [])
    if not counters or not asking:
        return None
    alternatives = "|".join(re.escape(u) for u in sorted(counters, key=len, reverse=True))
    return re.compile(f"(?:{'|'.join(asking)})(?:{'|'.join(scales)})?({alternatives})")
