"""Look-ups: the fact (or facts) a question selects, a figure the stated ones imply, or a named gap.

A question that names no company asks about the article's main company first. Of the ranked facts the
best answers, unless others are as good and say something else (then the reader chooses), the question
names a company or a measure the fact is not about (then it is a gap), or asks for each of several
metrics or segments (then each gets its own figure).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.engine.arithmetic import Outcome
from assistant.engine.compute import Calculator
from assistant.engine.conjunctions import Conjunctions
from assistant.engine.decision import Decision, from_outcome
from assistant.engine.frame import Frame
from assistant.engine.lexicon import content_units
from assistant.engine.matcher import Matcher, Scored
from assistant.engine.operands import Resolver
from assistant.engine.rounds import Rounds
from assistant.engine.session import Edit
from assistant.engine.statements import Statements
from assistant.engine.ties import (
    Bounds,
    differ,
    exact_of_rounded,
    in_two_currencies,
    latest,
    named_beside,
    one_sentence_for_all,
    range_ends,
    tied_with,
)
from assistant.engine.units_asked import in_unit_asked, wrong_unit
from assistant.engine.weights import WEIGHTS
from assistant.lang.scripts import CJK_RUN
from assistant.pack import figures
from assistant.pack.bases import answers_basis
from assistant.pack.figures import FigureError
from assistant.pack.model import Pack
from assistant.pack.schema import Fact


class Lookup:
    """Finds the facts that answer a look-up, with the matcher's ranking and the resolver's implied figures."""

    def __init__(
        self,
        pack: Pack,
        matcher: Matcher,
        resolver: Resolver,
        calculator: Calculator,
        statements: Statements,
        conjunctions: Conjunctions,
    ) -> None:
        self.pack = pack
        self.matcher = matcher
        self.resolver = resolver
        self.calculator = calculator
        self.statements = statements
        self.why_topics = frozenset(pack.words.get("why_topics", []))  # reasons: answers "why", not "how much"
        self.measures_of_others = frozenset(pack.words.get("measures_of_others", []))  # 平均薪酬 of 研发人员
        self.conjunctions = conjunctions
        self.company_topics = frozenset(pack.words.get("company_topics", []))  # the leader, the rivals
        self.carried = frozenset(s for f in pack.facts.values() for s in f.segment)  # lines facts are filed under
        self.bounds = Bounds.of(pack.words)  # 突破80亿元 bounds 86.73亿元: one figure
        self.rounds = Rounds(pack.words)  # A轮, Series C: the labels of funding rounds

    def find(self, frame: Frame, edit: Edit, previous: list[str]) -> Decision:
        """A question that names no company asks about the article's main company first: its stated
        figure, else the figure its stated ones imply; only then about whichever company has one."""
        main = self.pack.default_subject
        if main and not frame.entities and frame.has_topic and frame.operation != "statement":
            decision = self._find_in(replace(frame, entities=[main]), edit, previous)
            if decision.kind not in ("gap", "unknown_entity"):
                return decision
        return self._find_in(frame, edit, previous)

    def _find_in(self, frame: Frame, edit: Edit, previous: list[str]) -> Decision:
        ranked, used = self._rank(frame, edit, previous)
        if not ranked and frame.operation == "statement" and set(frame.segments) - self.carried:
            # 瀾拓在德國的子公司叫什麼: a region no fact is filed under is a word of the sentence asked for
            words = [s for s in frame.segments if s not in self.carried]
            frame = replace(frame, segments=[s for s in frame.segments if s in self.carried])
            ranked, used = self._rank(frame, edit, previous)
            keys = self.matcher.keys
            mentioning = [r for r in ranked if all(self.matcher.mentioned(w, keys[r.fact.id]) for w in words)]
            ranked = mentioning or ranked  # else the sentence with the most of the question's words (below)
        ranked = self._without_unasked_topics(used, ranked)
        if not ranked:
            return self._nothing_ranked(used)
        ranked = in_unit_asked(frame, _of_kind_asked(frame, ranked))
        if frame.operation == "change" and frame.basis:  # 年增多少 of a figure with a 月減 and a 年減: the 年減
            ranked = [s for s in ranked if answers_basis(frame.basis, s.fact)] or ranked
        if (rounds := self.rounds.named(frame.folded)) and ranked:  # Series C: of the top measure's, that round's
            measure = ranked[0].fact.metric
            of_round = [s for s in ranked if s.fact.metric == measure and rounds & self.rounds.named(s.fact.quote)]
            ranked = of_round + [s for s in ranked if s.fact.metric != measure] if of_round else ranked
        if frame.operation == "statement" and ranked[0].fact.value is None:
            ranked = self._by_words_too(frame, ranked)
        top = ranked[0]
        if top.fact.id not in self.matcher.keys:  # a figure the stated ones imply: nothing to weigh it against
            return Decision("figures", used, used.detail, [top.fact], 0.7)
        objection = self._objection(frame, used, top.fact)
        if objection is not None:
            return objection
        tied = tied_with(ranked, top, used)
        exact = exact_of_rounded(tied, ranked, self.bounds)
        if exact is not None:  # 营收突破80亿元 rounds 营收86.73亿元: one figure
            top, tied = exact, [exact]
        several = self._per_metric(used, ranked) or self._per_segment(used, ranked) or self._per_period(used)
        if several:
            return Decision("figures", used, used.detail, several, 0.8)
        if differ(tied):
            named = named_beside(used, tied, self._measure_words(used))
            named = named or (latest(tied) if used.now else None)
            ends = (range_ends(tied) or in_two_currencies(tied)) if named is None else []
            if ends:  # nothing the reader could choose by: both ends (or currencies), cited
                return Decision("figures", used, used.detail, ends, 0.6)
            together = one_sentence_for_all(tied, used.metrics, self.matcher.covers) if named is None else []
            if together:  # the year and the place of one founding, said in one sentence
                return Decision("figures", used, used.detail, together, 0.6)
            if named is None:
                return Decision("clarify", used, "clarify", [s.fact for s in tied[:4]], 0.4)
            top, tied = named, [named]
        return self._single(used, top, tied, ranked)

    def _without_unasked_topics(self, frame: Frame, ranked: list[Scored]) -> list[Scored]:
        """A question about measures (毛利率, 2023年营收) is not answered by a statement of why (`why_topics`:
        the reasons a margin fell, tagged with that margin) unless it asks why: "why", not "how much"."""
        asked, why = set(frame.metrics), self.why_topics
        return [
            s
            for s in ranked
            if not (s.fact.value is None and s.fact.metric in why - asked and asked & set(s.fact.tags))
        ]

    def _measure_words(self, frame: Frame) -> set[str]:
        """The words of every name of the measures asked."""
        return {u for m in frame.metrics for a in self.matcher.aliases.get(m, []) for u in content_units(a)}

    def _rank(self, frame: Frame, edit: Edit, previous: list[str]) -> tuple[list[Scored], Frame]:
        """Rank facts; when slots inherited softly from the conversation leave nothing stated or implied
        (2023 net profit from 2024's and its change), drop them one by one."""
        for drop in [(), *[edit.soft[: i + 1] for i in range(len(edit.soft))]]:
            tried = frame.dropping(*drop)
            ranked = self.matcher.rank(tried, previous=previous)
            if "segments" in drop:  # 它全年卖出多少台 after the camera line: the company's, never another line's
                ranked = [s for s in ranked if not set(s.fact.segment) - set(frame.segments)]
            if ranked:
                return ranked, tried
            if drop != edit.soft:
                implied = self.resolver.implied(tried)
                if implied.fact is not None and not implied.problem:
                    return [Scored(WEIGHTS.implied_score, implied.fact)], tried
        return [], frame

    def _by_words_too(self, frame: Frame, ranked: list[Scored]) -> list[Scored]:
        """The statement sharing clearly the most rare words with the question comes first when the best by
        concepts shares none of them: "瀾拓在德國的子公司設在哪個城市" is the sentence that says 德國, not
        another sentence about a place."""
        words = self.statements.rank(frame)[:1]
        if not words or words[0][0] < WEIGHTS.statement_min_words or words[0][1].id == ranked[0].fact.id:
            return ranked
        best = words[0][1]
        keys = self.matcher.keys
        shared = {u for u in frame.units & keys[best.id].units if CJK_RUN.match(u)}  # words as the article writes
        if not shared or shared & keys[ranked[0].fact.id].units:
            return ranked
        return [Scored(ranked[0].score + WEIGHTS.clarify_margin, best), *(s for s in ranked if s.fact.id != best.id)]

    def _nothing_ranked(self, frame: Frame) -> Decision:
        implied = self.resolver.implied(frame)
        if implied.fact is not None and not implied.problem:
            return Decision("figures", frame, frame.detail, [implied.fact], 0.7)
        if implied.problem == "approximate" and implied.fact is not None:
            return Decision("approximate", frame, "approximate", [implied.fact])
        separately = self._per_segment(frame, [])
        if separately:
            return Decision("figures", frame, frame.detail, separately, 0.7)
        wordy = frame.operation == "statement" or not frame.metrics  # a figure question is not answered by words
        guess = self.statements.best(frame) if wordy else None
        if guess is not None and not (frame.unit or "lookup" in frame.cues):
            return Decision("figures", frame, frame.detail, [guess], 0.5)
        if frame.entities and not frame.has_topic:
            return self.statements.entity_only(frame)
        return Decision("gap", frame, "no_fact", asked=frame)

    def _objection(self, frame: Frame, used: Frame, fact: Fact) -> Decision | None:
        """A company or a measure the question names that the best fact does not answer for."""
        strangers = self._uncovered_entities(frame, fact)
        if strangers:
            return Decision("unknown_entity", used, "unknown_entity", concepts=strangers)
        missing = (
            self._missing_metrics(used, fact)
            or self._share_not_given(used, fact)
            or self._topic_not_given(used, fact)
            or self._other_company(used, fact)
        )
        if missing:
            return Decision("gap", used, "no_fact", asked=replace(used, metrics=missing, segments=[], qualifiers=[]))
        return None

    def _uncovered_entities(self, frame: Frame, fact: Fact) -> list[str]:
        """Companies the question names that the chosen fact is not about ("compare UIH and Mindray"):
        answering only the part about the pack's own subject would mislead."""
        keys = self.matcher.keys[fact.id]
        return [
            e
            for e in frame.entities
            if e != self.pack.default_subject and e not in keys.entities and not self.matcher.mentioned(e, keys)
        ]

    def _share_not_given(self, frame: Frame, fact: Fact) -> list[str]:
        """A share asked for ("加盟门店占比多少") that the chosen figure, a count or an amount, is not: the
        question is not answered with the store count."""
        if fact.value is None or fact.unit == "%":  # a statement is found by its words, not checked here
            return []
        concepts = [(m, self.pack.concepts.get(m)) for m in frame.metrics]
        shares = [m for m, c in concepts if c and c.computed and c.computed.operation == "share"]
        return [m for m in shares if not self.matcher.covers(fact, m)]

    def _topic_not_given(self, frame: Frame, fact: Fact) -> list[str]:
        """ "融资后谁进入了澄岳视觉的董事会": a figure answers no question about a topic only statements speak
        of (the board, a founder), however many other words it shares with it."""
        if fact.value is None or frame.operation != "statement":
            return []
        return [m for m in frame.metrics if m in self.statements.topics and not self.matcher.covers(fact, m)]

    def _other_company(self, frame: Frame, fact: Fact) -> list[str]:
        """ "那龙头的市场份额是多少", the leader's revenue: a figure of the company a topic names (the leader, a
        rival), answered only by a figure whose sentence says it is that company's, never the one asked about."""
        if fact.value is None or any(e != self.pack.default_subject for e in frame.entities):
            return []  # 竞争对手鼎冰物流的营收: the rival is named, and the topic word only describes it
        topics = [m for m in frame.metrics if m in self.company_topics]
        if not topics or len(topics) == len(frame.metrics):
            return []
        keys = self.matcher.keys[fact.id]
        return [t for t in topics if not self.matcher.covers(fact, t) and not self.matcher.mentioned(t, keys)]

    def _missing_metrics(self, frame: Frame, fact: Fact) -> list[str]:
        """Metrics the question names that the chosen fact does not give and no fact fits at all:
        "revenue in 2022, the year it listed" asks for a revenue the base lacks, not the listing year."""
        if "metrics" in frame.inherited or len(frame.metrics) < 2:
            return []
        subjects = set(frame.entities) or ({self.pack.default_subject} if self.pack.default_subject else set())
        if not frame.periods:  # 研发人员的平均薪酬, IPO的net proceeds: no figure of the measure the words point at
            focus, alone = frame.focus, frame.operation == "lookup" and not self.conjunctions.join(frame, "metric")
            if focus is None or not (focus in self.measures_of_others or alone):
                return []
            if fact.value is None or self.matcher.covers(fact, focus):
                return []
            given = (f for s in subjects for f in self.matcher.facts_about(s) if f.value is not None)
            return [] if any(self.matcher.covers(f, focus) for f in given) else [focus]
        named_other = any(e != self.pack.default_subject for e in frame.entities)  # the largest rival, Xunxiang:
        metrics = [m for m in frame.metrics if not (named_other and m in self.company_topics)]  # it describes
        return [m for m in metrics if self._lacks(frame, fact, m, subjects)]

    def _lacks(self, frame: Frame, fact: Fact, metric: str, subjects: set[str]) -> bool:
        """Whether the base has no figure of this metric for the period asked (or none at all, for the
        metric asked about): "how much did UIH raise in its IPO" when it holds no fund-raising of UIH."""
        if self.matcher.covers(fact, metric) or metric in self.resolver.computed:
            return False
        if self.matcher.counts_named(fact, metric) and any(self.matcher.covers(fact, m) for m in frame.metrics):
            return False  # 2026年新開多少家影院: the new stores of cinemas answer for the cinemas
        held = [
            f
            for s in subjects
            if s
            for f in self.matcher.facts_about(s)
            if f.subject == s and self.matcher.covers(f, metric)
        ]
        restricted = set(frame.qualifiers) & self.matcher.restrictive
        if restricted and not any(restricted <= self.matcher.keys[f.id].qualifiers for f in held):
            return True  # "the gross margin of its company-owned stores": no gross margin is given for those
        dated = [f for f in held if f.period]
        lacking = bool(dated) and not self.matcher.rank(replace(frame, metrics=[metric]))
        return (not held and metric == frame.focus) or lacking

    def _per_metric(self, frame: Frame, ranked: list[Scored]) -> list[Fact]:
        """For a question naming several metrics ("revenue and net profit"), the best fact for each."""
        if len(frame.metrics) < 2 or "metrics" in frame.inherited or not self.conjunctions.join(frame, "metric"):
            return []
        if set(frame.metrics) <= {ranked[0].fact.metric, *ranked[0].fact.tags}:
            return []
        chosen: list[Fact] = []
        for metric in frame.metrics:
            best = next((s.fact for s in ranked if s.fact.metric == metric), None)
            best = best or next((s.fact for s in ranked if self.matcher.covers(s.fact, metric)), None)
            if best is None:
                return []
            chosen.append(best)
        return chosen if len({f.id for f in chosen}) == len(chosen) else []

    def _per_period(self, frame: Frame) -> list[Fact]:
        """ "FY24 adjusted net profit? FY23 呢?" or "2024年和2023年毛利率": the figure of each period asked,
        when the base states exactly one for each (else the question is answered as before: a choice)."""
        if len(frame.periods) < 2 or frame.operation not in ("lookup", "compare"):
            return []
        chosen: list[Fact] = []
        for period in frame.periods:
            alone = self.matcher.rank(replace(frame, periods=[period]))
            if not alone or differ(tied_with(alone, alone[0], frame)) or alone[0].fact.value is None:
                return []
            chosen.append(alone[0].fact)
        return chosen if len({f.id for f in chosen}) == len(chosen) else []

    def _per_segment(self, frame: Frame, ranked: list[Scored]) -> list[Fact]:
        """ "CT和MR收入" or "overseas or RT": the figure of each segment, when no fact covers them together
        as a total."""
        if len(frame.segments) < 2 or "total" in frame.qualifiers or not self.conjunctions.join(frame, "segment"):
            return []
        chosen: list[Fact] = []
        for segment in frame.segments:
            alone = self.matcher.rank(replace(frame, segments=[segment]))
            best = next((s.fact for s in alone if s.fact.segment == [segment]), None)
            if best is None:
                return []
            chosen.append(best)
        return chosen

    # -- one fact -------------------------------------------------------------------------------

    def _single(self, frame: Frame, top: Scored, tied: list[Scored], ranked: list[Scored]) -> Decision:
        fact = top.fact
        changed = self._change_in_unit(frame, fact)
        if changed is not None:
            return changed
        if wrong_unit(frame, fact) or fact.figure_not_given:
            return Decision("no_figure", frame, "no_figure", [fact])
        who_asked = "identify" in frame.cues and frame.unit is None  # 规模最大的对手是谁: a name, not a size
        quantity_asked = (
            (frame.detail == "lookup" and "lookup" in frame.cues and not who_asked) or frame.unit is not None
        ) and frame.operation not in ("when", "statement")
        if fact.value is None and quantity_asked:
            return Decision("no_figure", frame, "no_figure", [fact])
        runner_up = ranked[len(tied)].score if len(ranked) > len(tied) else top.score - 1.0
        confidence = min(
            1.0,
            WEIGHTS.confidence_base
            + WEIGHTS.confidence_per_point * top.score
            + WEIGHTS.confidence_lead * min(1.0, top.score - runner_up),
        )
        return Decision("figures", frame, frame.detail, [s.fact for s in tied], max(0.0, confidence))

    def _change_in_unit(self, frame: Frame, fact: Fact) -> Decision | None:
        """ "增長了多少億元" when the article gives the change in %, or "增長了百分之幾" when it gives an
        amount: the other form is computed from the figure and its stated change."""
        if frame.operation == "change" and fact.change is None and fact.value is not None:
            between = self.calculator.change_between(frame, fact)
            return from_outcome(between, frame) if between is not None else None
        if frame.operation == "change" and fact.change is not None and fact.change.approx and fact.value is not None:
            # 同比减少近六成, and the article gives both years: the stated change, then the exact one computed
            exact = self.calculator.change_between(replace(frame, unit="%"), fact)
            if exact is not None and exact.kind == "computed":
                return from_outcome(Outcome("computed", [fact, *exact.facts], frame), frame)
        unit = fact.unit if frame.amount and frame.unit is None else frame.unit
        if frame.operation != "change" or fact.change is None or fact.value is None or unit is None:
            return None
        stated = fact.change.unit
        if unit == "%" and stated not in ("%", "個百分點") and stated == fact.unit:
            outcome = self._change(frame, fact, rate=True)
        elif unit not in ("%",) and stated == "%" and unit == fact.unit:
            outcome = self._change(frame, fact, rate=False)
        else:
            return None
        return from_outcome(outcome, frame)

    def _change(self, frame: Frame, fact: Fact, *, rate: bool) -> Outcome:
        """The stated change in the other form: its rate from an amount, or its amount from a rate."""
        try:
            current, change = figures.of_fact(fact), figures.of_change(fact)
            quantity = figures.rate_of_change(current, change) if rate else figures.amount_of_change(current, change)
        except FigureError:
            return Outcome("approximate", [fact], frame)
        key = "label_change_rate" if rate else "label_change_amount"
        label = self.resolver.labeller.localized(key, a=fact)
        result = self.resolver.labeller.result(
            quantity, fact, "rate_of_change" if rate else "amount_of_change", label, frame
        )
        return Outcome("computed", [result], frame)


def _of_kind_asked(frame: Frame, ranked: list[Scored]) -> list[Scored]:
    """Figures when an amount is asked; statements when the question asks who led or what it says."""
    if (frame.unit or "lookup" in frame.cues) and any(s.fact.value is not None for s in ranked[:3]):
        return [s for s in ranked if s.fact.value is not None]
    if frame.operation == "statement" and any(s.fact.value is None for s in ranked[:3]):
        return [s for s in ranked if s.fact.value is None]
    return ranked
