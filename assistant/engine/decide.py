"""Frame -> Decision: what to answer, as a typed value; composing the text is `compose`'s job.

The stages run in order and the first that decides wins: refusals asked for (a forecast, advice), parts
of the question not understood, meta questions, unknown companies, follow-ups with nothing to follow,
metrics the pack does not hold, currencies it does not use (all in `screen`), computations, statements,
and look-ups (`lookup`).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.engine.compute import Calculator
from assistant.engine.conjunctions import Conjunctions
from assistant.engine.decision import Decision, from_outcome
from assistant.engine.frame import Frame
from assistant.engine.lookup import Lookup
from assistant.engine.matcher import Matcher
from assistant.engine.operands import Resolver
from assistant.engine.passages import Passages
from assistant.engine.reading import Reading
from assistant.engine.screen import Screen
from assistant.engine.session import Context, Edit
from assistant.engine.statements import Statements
from assistant.lang.normalize import fold
from assistant.lang.period import Period
from assistant.pack.bases import answers_basis
from assistant.pack.model import Pack
from assistant.pack.schema import Fact


class Decider:
    """Decides one turn over a pack: the matcher ranks facts, the resolver and calculator compute."""

    def __init__(
        self, pack: Pack, matcher: Matcher, resolver: Resolver, calculator: Calculator, statements: Statements
    ) -> None:
        self.pack = pack
        self.matcher = matcher
        self.calculator = calculator
        self.statements = statements
        figured = {f.metric for f in pack.facts.values() if f.value is not None}
        computed = {cid for cid, c in pack.concepts.items() if c.computed is not None}
        counts = pack.words.get("count_askers", [])
        rates = pack.words.get("rate_words", [])
        self.passages = Passages(matcher, statements, frozenset(figured | computed), counts, rates)
        conjunctions = Conjunctions(pack.words.get("conjunctions", []))
        self.screen = Screen(pack, matcher, resolver, conjunctions)
        self.lookup = Lookup(pack, matcher, resolver, calculator, statements, conjunctions)
        self.plan_words = tuple(fold(w) for w in pack.words.get("stated_plan_words", []))
        self.current_year = pack.current_year
        pairs = (p.split() for p in pack.words.get("opposite_metrics", []))
        self.opposites = {(p[0], p[1]) for p in pairs if len(p) == 2}

    def decide(self, reading: Reading, edit: Edit, context: Context) -> Decision:
        decision = self._stated_plan(reading, edit, context) or self._decide(reading, edit, context)
        decision = self.passages.answer(decision, reading) or decision
        if decision.kind == "clarify" and edit.frame.planning:  # 目标, 打算: the one plan of the choice offered
            planned = [f for f in decision.facts if self._planned(f)]
            if len(planned) == 1:
                return Decision("figures", decision.frame, "lookup", planned, decision.confidence)
        if decision.kind != "figures" or not decision.facts:
            return decision
        metrics = set(edit.frame.metrics)
        kept = [f for f in decision.facts if not self._of_opposite_sign(metrics, f)]
        if not kept:  # 那2023年它虧了多少? and only a profit: a profit is no loss
            return Decision("gap", edit.frame, "no_fact", asked=edit.frame)
        decision = replace(decision, facts=kept) if len(kept) < len(decision.facts) else decision
        if self._rate_answered_by_operand(edit.frame, decision.facts):
            # "它的 net margin 是多少?" after revenue: the revenue it would be computed over is no margin
            asked = replace(edit.frame, metrics=edit.frame.metrics[:1], segments=[], qualifiers=[])
            return Decision("gap", edit.frame, "no_fact", asked=asked)
        planned = [f for f in decision.facts if self._planned(f)]
        if edit.frame.target and len(planned) < len(decision.facts):
            # 逆變器的出貨目標 and only the shipments reported: a reported figure is no target
            if planned:
                return replace(decision, facts=planned)
            return Decision("no_target", decision.frame, "no_target", decision.facts)
        now = edit.frame.now and all(f.value is not None and (f.period is None or self._later(f)) for f in planned)
        if len(planned) == len(decision.facts) and now:
            # 而家內地有幾多間牙科診所 and only 目標…增至60間: a target is no figure of now
            return Decision("no_figure", decision.frame, "no_figure", decision.facts)
        return decision

    def _stated_plan(self, reading: Reading, edit: Edit, context: Context) -> Decision | None:
        """A forecast question the article itself answers with a plan it states ("匈牙利工厂预计总投资多少" and
        "该项目计划总投资约9000万欧元"): the stated plan, cited; any other forecast is still refused."""
        frame = edit.frame
        if frame.operation != "refuse" or frame.detail != "forecast" or frame.unrefused[0] == "statement":
            return None  # "which stock will double next year": no figure asked, no plan answers it
        operation, detail = frame.unrefused
        asked = replace(frame, operation=operation, detail=detail)
        named = edit.asked is None or bool(edit.asked.periods)
        tries = [asked] if named or not frame.periods else [asked, replace(asked, periods=[])]  # a plan: no year
        for tried in tries:
            decision = self._decide(reading, replace(edit, frame=tried), context)
            planned = [f for f in decision.facts if self._planned(f)]
            if decision.kind == "figures" and decision.facts and len(planned) == len(decision.facts):
                return decision
            if decision.kind == "figures" and len(decision.facts) == 1:  # the reported figure: its measure's plan
                reported = decision.facts[0]
                ranked = self.matcher.rank(tried)
                planned = [s.fact for s in ranked if s.fact.metric == reported.metric and self._planned(s.fact)]
                planned = [f for f in planned if f.subject == reported.subject and f.segment == reported.segment]
            if decision.kind in ("clarify", "figures") and len(planned) == 1:  # the stated plan beside a report
                return Decision("figures", decision.frame, "lookup", planned, decision.confidence)
        return None

    def _rate_answered_by_operand(self, frame: Frame, facts: list[Fact]) -> bool:
        """Whether a follow-up naming a rate (a margin: net profit over revenue) that took the last
        question's measures as its operands is answered only by figures of those operands."""
        own = frame.metrics[:1]
        concept = self.pack.concepts.get(own[0]) if own and "metrics" in frame.inherited else None
        if concept is None or concept.computed is None or concept.computed.operation != "ratio":
            return False
        return not any(f.metric == own[0] or f.derivation is not None for f in facts)

    def _of_opposite_sign(self, asked: set[str], fact: Fact) -> bool:
        """Whether the fact is a positive figure of a measure opposite to the one asked (a profit for a loss)."""
        opposite = fact.metric not in asked and any((a, fact.metric) in self.opposites for a in asked)
        return opposite and fact.value is not None and fact.value > 0

    def _planned(self, fact: Fact) -> bool:
        """Whether the fact's sentence states a plan or forecast (预计, 计划, expects), or the fact is dated after
        the year the article was written (在2027年前提升至三成以上); never one dated before that year (较2024年第四季的
        17.58亿元, the base a guidance is compared with)."""
        period = Period.parse(fact.period)
        if period and period.year and self.current_year and period.year < self.current_year:
            return False
        return self._later(fact) or any(w in fold(fact.quote) for w in self.plan_words)

    def _later(self, fact: Fact) -> bool:
        period = Period.parse(fact.period)
        return bool(period and period.year and self.current_year and period.year > self.current_year)

    def _decide(self, reading: Reading, edit: Edit, context: Context) -> Decision:
        early = self.screen.before(edit, reading, context)
        if early is not None:
            return early
        held, notes = self.screen.held(edit.frame)
        if isinstance(held, Decision):
            return held
        decision = self._decide_figure(held, edit, context)
        decision.notes = notes + decision.notes
        return self.screen.unmatched(reading, decision) or decision

    def _decide_figure(self, frame: Frame, edit: Edit, context: Context) -> Decision:
        if frame.operation in ("compute", "compare"):
            computed = self._compute(frame, edit, context)
            if isinstance(computed, Decision):
                return computed
            frame = computed
        if frame.operation == "statement":
            stated = self._statement(frame)
            if stated is not None:
                return stated
        repeated = self._repeat(frame, edit, context)
        if repeated is not None:
            return repeated
        if "refer_others" in frame.cues and context.fact_ids and "entities" in frame.inherited:
            frame = replace(frame, entities=self._others_in(list(context.fact_ids)))
        return self.lookup.find(self._without_known_periods(frame), edit, _previous(context))

    def _compute(self, frame: Frame, edit: Edit, context: Context) -> Decision | Frame:
        """The computation asked for, dropping the slots the conversation lent while none fits with them;
        when none applies, the frame of the look-up to answer instead."""
        previous = _previous(context)
        outcome = self.calculator.outcome(frame, previous, context.recent)
        for slot in edit.soft:
            if outcome is None or outcome.kind != "missing":
                break
            frame = frame.dropping(slot)
            outcome = self.calculator.outcome(frame, previous, context.recent)
        if outcome is not None and outcome.kind == "missing":
            derived = self._derived_from_named(frame, edit, previous)
            if derived is not None:
                return derived
        if outcome is not None:
            return from_outcome(outcome, frame)
        return replace(frame, operation=frame.fallback[0], detail=frame.fallback[1])

    def _derived_from_named(self, frame: Frame, edit: Edit, previous: list[str]) -> Decision | None:
        """ "按啟衡資本的出資和持股比例, 凜川智倉的隱含估值是多少": a figure derived from the very measures the
        question names as its inputs answers it, when no computation of those inputs does."""
        if len(frame.metrics) < 2:
            return None
        facts = self.pack.facts
        for target in reversed(frame.metrics):
            inputs = set(frame.metrics) - {target}
            asked = replace(frame, metrics=[target], focus=target, operation="lookup", detail="lookup")
            decision = self.lookup.find(asked, replace(edit, frame=asked), previous)
            used = [
                {facts[i].metric for i in fact.derivation.inputs if i in facts} if fact.derivation else set()
                for fact in decision.facts
            ]
            if decision.kind == "figures" and used and all(inputs <= one for one in used):
                return decision
        return None

    def _statement(self, frame: Frame) -> Decision | None:
        """A why-question, or a statement involving every company named."""
        if frame.detail == "why":
            return self.statements.why(frame)
        if len(frame.entities) > 1:
            together = self.statements.together(frame)
            if together is not None:
                return Decision("figures", frame, frame.detail, [together], 0.6)
        return None

    def _repeat(self, frame: Frame, edit: Edit, context: Context) -> Decision | None:
        """ "同比呢?" or "when was that?": a new operation on the facts just answered."""
        asked = edit.asked or frame
        if context.frame is None or not _asks_of_last(asked):
            return None
        facts = [self.pack.facts[f] for f in context.fact_ids if f in self.pack.facts]
        last = replace(context.frame, basis=asked.basis) if asked.basis else context.frame
        facts = [self._on_basis(f, asked.basis) for f in facts]  # "YoY 呢?" after 月減3.1%: the 年減 of it
        return Decision("figures", last, frame.detail, facts, 0.7) if facts else None

    def _on_basis(self, fact: Fact, basis: str | None) -> Fact:
        """The same figure with its change on the basis asked (the article's 年減 beside its 月減), else itself."""
        if answers_basis(basis, fact):
            return fact
        same = (fact.quote, fact.written, fact.period, fact.subject, fact.metric)
        return next(
            (
                f
                for f in self.pack.facts.values()
                if (f.quote, f.written, f.period, f.subject, f.metric) == same and answers_basis(basis, f)
            ),
            fact,
        )

    def _without_known_periods(self, frame: Frame) -> Frame:
        """ "2024年淨利潤12.62億…那2023年是多少?": a period whose figure the question quotes is known to the
        asker; the question asks about the other one."""
        if len(frame.periods) < 2 or not frame.numbers:
            return frame
        known = [
            p
            for p in frame.periods
            if any(
                frame.numbers & self.matcher.keys[s.fact.id].own_numbers
                for s in self.matcher.rank(replace(frame, periods=[p]))
                if s.fact.id in self.matcher.keys
            )
        ]
        kept = [p for p in frame.periods if p not in known]
        return replace(frame, periods=kept) if kept and known else frame

    def _others_in(self, fact_ids: list[str]) -> list[str]:
        """Entities of the last answer other than its subjects: what "they" and "them" refer to."""
        keys = [self.matcher.keys[f] for f in fact_ids if f in self.matcher.keys]
        subjects = {k.fact.subject for k in keys}
        return sorted({e for k in keys for e in k.entities} - subjects)


def _asks_of_last(asked: Frame) -> bool:
    """Whether a question only names an operation (a cue) and nothing to apply it to."""
    return (
        bool(asked.cues)
        and not asked.has_topic
        and not asked.entities
        and not asked.periods
        and not asked.numbers
        and not asked.relative
    )


def _previous(context: Context) -> list[str]:
    """The facts of the last answer, and the stated facts a figure derived there came from: "and as a share of
    revenue?" after a derived 2023 balance follows the sentence that balance was derived from."""
    inputs = [i for facts in context.recent[-1:] for f in facts if f.derivation for i in f.derivation.inputs]
    return list(dict.fromkeys([*context.fact_ids, *inputs]))
