"""Frame -> Decision: what to answer, as a typed value; composing the text is `compose`'s job.

The stages run in order and the first that decides wins: refusals asked for (a forecast, advice), parts
of the question not understood, meta questions, unknown companies, follow-ups with nothing to follow,
metrics the pack does not hold, currencies it does not use, computations, statements, and look-ups.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from assistant.engine.compute import Calculator, Outcome
from assistant.engine.decision import Decision
from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher, Scored
from assistant.engine.operands import Resolver
from assistant.engine.reading import Reading
from assistant.engine.session import Context, Edit, needs_context
from assistant.engine.statements import Statements
from assistant.engine.weights import WEIGHTS
from assistant.lang.normalize import fold
from assistant.lang.scripts import CJK_RUN
from assistant.pack.model import Pack
from assistant.pack.schema import Fact


class Decider:
    """Decides one turn over a pack: the matcher ranks facts, the resolver and calculator compute."""

    def __init__(self, pack: Pack, matcher: Matcher, resolver: Resolver, calculator: Calculator,
                 statements: Statements) -> None:
        self.pack = pack
        self.matcher = matcher
        self.resolver = resolver
        self.calculator = calculator
        self.statements = statements
        self.units_used = {f.unit for f in pack.facts.values() if f.unit}
        words = [fold(w) for w in pack.words.get("conjunctions", [])]
        latin = "|".join(re.escape(w) for w in words if w.isalpha() and w.isascii())
        other = "|".join(re.escape(w) for w in words if not (w.isalpha() and w.isascii()))
        self.conjunction = re.compile("|".join(p for p in (other, f"(?<![a-z])(?:{latin})(?![a-z])" if latin else "")
                                               if p) or "(?!)")

    def decide(self, reading: Reading, edit: Edit, context: Context) -> Decision:
        frame = edit.frame
        for stage in (self._refusal, self._unread, self._meta, self._stranger, self._lonely):
            decision = stage(edit, reading, context)
            if decision is not None:
                return decision
        held, notes = self._held(frame)
        if isinstance(held, Decision):
            return held
        decision = self._decide_figure(held, edit, context)
        decision.notes = notes + decision.notes
        return self._unmatched(reading, decision) or decision

    def _unmatched(self, reading: Reading, decision: Decision) -> Decision | None:
        """A word of the question the engine could not place, which the article uses in a few other
        sentences but not in the one answering (华北 asked, 常温奶 answered): the question is about
        something the figure is not, so it is no answer."""
        if decision.kind != "figures" or len(decision.facts) != 1 or decision.frame.operation != "lookup" \
                or decision.facts[0].value is None:
            return None  # statements are found by their words; these checks are for figures
        keys = self.matcher.keys.get(decision.facts[0].id)
        if keys is None:
            return None
        few = max(2, len(self.matcher.keys) // WEIGHTS.specific_word_share)
        for token in reading.tokens:
            if token.role != "unknown" or not CJK_RUN.fullmatch(token.text) or any(
                    s <= token.start < e for s, e in reading.context_spans):
                continue
            start, end = _comma_clause(reading.folded, token.start)
            if not any(t.role in ("metric", "segment") and start <= t.start < end for t in reading.tokens):
                continue  # "回款壓力上升,應收賬款多少": the scene, not the figure asked for
            text = token.text
            foreign = [text[i: i + 2] not in keys.units and 0 < self._sentences_with(text[i: i + 2]) <= few
                       for i in range(len(text) - 1)]
            if any(a and b for a, b in itertools.pairwise(foreign)):  # a word of three characters or more
                piece = reading.question[token.start: token.end] if len(reading.question) == len(reading.folded) \
                    else text
                return Decision("unmatched", decision.frame, "no_fact", decision.facts, 0.6, fields={"piece": piece})
        return None

    # -- early stages ---------------------------------------------------------------------------

    def _refusal(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        if frame.operation == "refuse":
            return Decision("refuse", frame, frame.detail, confidence=0.9)
        return None

    def _unread(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        unread = [(p, k) for p, k in reading.unread if k != "metric" or not self._spoken_of(p)]
        if not unread:
            return None
        piece, kind = unread[0]
        return Decision("not_understood", frame, "not_understood", confidence=0.9,
                        fields={"piece": piece, "kind": kind})

    def _sentences_with(self, unit: str) -> int:
        """How many of the article's sentences behind the facts use a word."""
        return len({self.matcher.keys[f].fact.quote for f in self.matcher.by_unit.get(unit, ())})

    def _spoken_of(self, piece: str) -> bool:
        """Whether the article's sentences share a word with a piece the engine could not read (设被数量
        shares 数量 with 获批数量: a typo of something the article says, not an unknown measure)."""
        return any(piece[i : i + 2] in self.matcher.by_unit for i in range(len(piece) - 1))

    def _meta(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        others = [e for e in frame.entities if e != self.pack.default_subject]
        if frame.operation == "meta" and not frame.metrics and not frame.segments and not others:
            return Decision("meta", frame, frame.detail, confidence=0.9)
        return None

    def _stranger(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        if frame.unknown_names and not frame.entities:
            return Decision("unknown_entity", frame, "unknown_entity", confidence=0.8,
                            fields={"name": frame.unknown_names[0]})
        return None

    def _lonely(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        """A follow-up on the first turn: there is nothing to follow, so ask instead of guessing."""
        frame = edit.frame
        if context.frame is None and needs_context(frame):
            return Decision("need_context", frame, "clarify", confidence=0.3)
        asked = edit.asked or frame
        if not (asked.has_topic or asked.entities or asked.periods or asked.cues or asked.relative):
            return Decision("nothing", frame, "no_fact")  # "¹", "?": nothing asked, nothing taken from before
        return None

    def _held(self, frame: Frame) -> tuple[Frame | Decision, list[list[str]]]:
        """Metrics no fact holds (and none can be computed from held ones) are refused by name; in a
        question that also asks for held ones, they become a note."""
        unheld = [m for m in self.matcher.unheld(frame) if not self._computable(m)]
        if not unheld:
            return self._currency(frame), []
        anchored = self._anchored(frame, unheld)
        if anchored is not None:
            return anchored, []
        if len(unheld) == len(frame.metrics) or frame.focus in unheld or not self.joined(frame, "metric"):
            return Decision("gap", frame, "unheld_metric", concepts=unheld), []
        kept = replace(frame, metrics=[m for m in frame.metrics if m not in unheld])
        return self._currency(kept), [unheld]

    def _anchored(self, frame: Frame, metrics: list[str]) -> Decision | None:
        """"The price of the 0.2849% stake": a number the question quotes points at the sentence that
        states it, and that sentence's one figure in the unit the asked measure is in is the answer."""
        units = {c.unit for m in metrics if (c := self.pack.concepts.get(m)) is not None and c.unit}
        if not units or not frame.numbers:
            return None
        keys = self.matcher.keys.values()
        quotes = {k.fact.quote for k in keys if frame.numbers & k.own_numbers and k.fact.derivation is None}
        if len(quotes) != 1:
            return None
        answers = [k.fact for k in keys if k.fact.quote in quotes and k.fact.unit in units
                   and k.fact.value is not None and k.fact.derivation is None and not frame.numbers & k.own_numbers]
        if len(answers) > 1:  # "what price did UIH pay for the 0.70% stake": the one the other words name
            answers = [f for f in answers if any(self.matcher.covers(f, m) for m in frame.metrics)]
        return Decision("figures", frame, "lookup", answers, 0.6) if len(answers) == 1 else None

    def _computable(self, metric: str) -> bool:
        rule = self.resolver.computed.get(metric)
        if rule is None:
            return False
        needed = [m for m in (rule.of, rule.over) if m]
        return all(m in self.matcher.held_metrics for m in needed)

    def _currency(self, frame: Frame) -> Frame | Decision:
        """A question for an amount in a currency the article does not use: the article's figure is
        given as the nearest fact, never converted."""
        if frame.unit is None or frame.unit in self.units_used or frame.unit in ("元", "%", "人"):
            return frame
        return Decision("gap", frame, "wrong_unit", concepts=[frame.unit])

    # -- figures --------------------------------------------------------------------------------

    def _decide_figure(self, frame: Frame, edit: Edit, context: Context) -> Decision:
        previous = list(context.fact_ids)
        if frame.operation in ("compute", "compare"):
            outcome = self.calculator.outcome(frame, previous, context.recent)
            for slot in edit.soft:  # slots the conversation lent: drop them when nothing fits with them
                if outcome is None or outcome.kind != "missing":
                    break
                frame = frame.dropping(slot)
                outcome = self.calculator.outcome(frame, previous, context.recent)
            if outcome is not None:
                return self._from_outcome(outcome, frame)
            frame = replace(frame, operation=frame.fallback[0], detail=frame.fallback[1])
        if frame.operation == "statement" and frame.detail == "why":
            return self.statements.why(frame)
        if frame.operation == "statement" and len(frame.entities) > 1:
            together = self.statements.together(frame)
            if together is not None:
                return Decision("figures", frame, frame.detail, [together], 0.6)
        if context.frame is not None and self._repeat(edit.asked or frame):
            facts = [self.pack.facts[f] for f in context.fact_ids if f in self.pack.facts]
            if facts:
                return Decision("figures", context.frame, frame.detail, facts, 0.7)
        if "refer_others" in frame.cues and context.fact_ids and "entities" in frame.inherited:
            frame = replace(frame, entities=self._others_in(list(context.fact_ids)))
        return self._lookup(self._without_known_periods(frame), edit, previous)

    def _without_known_periods(self, frame: Frame) -> Frame:
        """"2024年淨利潤12.62億…那2023年是多少?": a period whose figure the question quotes is known to the
        asker; the question asks about the other one."""
        if len(frame.periods) < 2 or not frame.numbers:
            return frame
        known = [p for p in frame.periods
                 if any(frame.numbers & self.matcher.keys[s.fact.id].own_numbers
                        for s in self.matcher.rank(replace(frame, periods=[p])) if s.fact.id in self.matcher.keys)]
        kept = [p for p in frame.periods if p not in known]
        return replace(frame, periods=kept) if kept and known else frame

    @staticmethod
    def _repeat(asked: Frame) -> bool:
        """"同比呢?" or "when was that?": a new operation on the facts just answered."""
        return bool(asked.cues) and not asked.has_topic and not asked.entities and not asked.periods \
            and not asked.numbers and not asked.relative

    def _others_in(self, fact_ids: list[str]) -> list[str]:
        """Entities of the last answer other than its subjects: what "they" and "them" refer to."""
        keys = [self.matcher.keys[f] for f in fact_ids if f in self.matcher.keys]
        subjects = {k.fact.subject for k in keys}
        return sorted({e for k in keys for e in k.entities} - subjects)

    def _from_outcome(self, outcome: Outcome, frame: Frame) -> Decision:
        if outcome.kind in ("computed", "stated"):
            return Decision("figures", outcome.frame or frame, frame.detail, outcome.facts, 0.8)
        if outcome.kind == "compare":
            return Decision("compare", outcome.frame or frame, frame.detail, outcome.facts, 0.8, winner=outcome.winner)
        if outcome.kind == "ambiguous":
            return Decision("clarify", outcome.frame or frame, "clarify", outcome.options, 0.4)
        if outcome.kind == "approximate" and outcome.facts:
            return Decision("approximate", frame, "approximate", outcome.facts, 0.7)
        missing = outcome.frame or frame
        return Decision("gap", frame, "no_fact", asked=missing)

    def _lookup(self, frame: Frame, edit: Edit, previous: list[str]) -> Decision:
        """A question that names no company asks about the article's main company first: its stated
        figure, else the figure its stated ones imply; only then about whichever company has one."""
        main = self.pack.default_subject
        if main and not frame.entities and frame.has_topic and frame.operation != "statement":
            decision = self._lookup_in(replace(frame, entities=[main]), edit, previous)
            if decision.kind not in ("gap", "unknown_entity"):
                return decision
        return self._lookup_in(frame, edit, previous)

    def _lookup_in(self, frame: Frame, edit: Edit, previous: list[str]) -> Decision:
        ranked, used = self._rank(frame, edit, previous)
        if not ranked:
            return self._nothing_ranked(used)
        if (frame.unit or "lookup" in frame.cues) and any(s.fact.value is not None for s in ranked[:3]):
            ranked = [s for s in ranked if s.fact.value is not None]  # an amount is asked: figures answer it
        elif frame.operation == "statement" and any(s.fact.value is None for s in ranked[:3]):
            ranked = [s for s in ranked if s.fact.value is None]  # who led, what it says: statements answer it
        if frame.unit and any(s.fact.unit == frame.unit for s in ranked[:3]):
            ranked = [s for s in ranked if s.fact.unit == frame.unit or (s.fact.change and s.fact.change.unit
                                                                          == frame.unit)]  # 多少錢: amounts in money
        top = ranked[0]
        if top.fact.id not in self.matcher.keys:  # a figure the stated ones imply: nothing to weigh it against
            return Decision("figures", used, used.detail, [top.fact], 0.7)
        strangers = self._uncovered_entities(frame, top.fact)
        if strangers:
            return Decision("unknown_entity", used, "unknown_entity", concepts=strangers)
        missing = self._missing_metrics(used, top.fact)
        if missing:
            return Decision("gap", used, "no_fact", asked=replace(used, metrics=missing, segments=[], qualifiers=[]))
        tied = [s for s in ranked if top.score - s.score < WEIGHTS.clarify_margin]
        if top.fact.value is None:  # statements on the same topic close behind are part of the answer
            tied += [s for s in ranked[len(tied):3] if s.fact.value is None and s.fact.metric == top.fact.metric
                     and top.score - s.score < WEIGHTS.same_topic_margin]
        several = self._per_metric(used, ranked) or self._per_segment(used, ranked)
        if several:
            return Decision("figures", used, used.detail, several, 0.8)
        distinct = {(s.fact.written, s.fact.statement) for s in tied}
        same_topic = len({s.fact.metric for s in tied}) == 1 and all(s.fact.value is None for s in tied)
        if len(distinct) > 1 and not same_topic:
            return Decision("clarify", used, "clarify", [s.fact for s in tied[:4]], 0.4)
        return self._single(used, top, tied, ranked)

    def _single(self, frame: Frame, top: Scored, tied: list[Scored], ranked: list[Scored]) -> Decision:
        fact = top.fact
        changed = self._change_in_unit(frame, fact)
        if changed is not None:
            return changed
        if self._wrong_unit(frame, fact) or fact.figure_not_given:
            return Decision("no_figure", frame, "no_figure", [fact])
        quantity_asked = ((frame.detail == "lookup" and "lookup" in frame.cues) or frame.unit is not None) \
            and frame.operation not in ("when", "statement")
        if fact.value is None and quantity_asked:
            return Decision("no_figure", frame, "no_figure", [fact])
        runner_up = ranked[len(tied)].score if len(ranked) > len(tied) else top.score - 1.0
        confidence = min(1.0, WEIGHTS.confidence_base + WEIGHTS.confidence_per_point * top.score
                         + WEIGHTS.confidence_lead * min(1.0, top.score - runner_up))
        return Decision("figures", frame, frame.detail, [s.fact for s in tied], max(0.0, confidence))

    def _change_in_unit(self, frame: Frame, fact: Fact) -> Decision | None:
        """"增長了多少億元" when the article gives the change in %, or "增長了百分之幾" when it gives an
        amount: the other form is computed from the figure and its stated change."""
        if frame.operation == "change" and fact.change is None and fact.value is not None:
            between = self.calculator.change_between(frame, fact)
            return self._from_outcome(between, frame) if between is not None else None
        unit = fact.unit if frame.amount and frame.unit is None else frame.unit
        if frame.operation != "change" or fact.change is None or fact.value is None or unit is None:
            return None
        stated = fact.change.unit
        if unit == "%" and stated not in ("%", "個百分點") and stated == fact.unit:
            outcome = self.calculator_change(frame, fact, rate=True)
        elif unit not in ("%",) and stated == "%" and unit == fact.unit:
            outcome = self.calculator_change(frame, fact, rate=False)
        else:
            return None
        return self._from_outcome(outcome, frame)

    def calculator_change(self, frame: Frame, fact: Fact, *, rate: bool) -> Outcome:
        from assistant.pack import figures
        from assistant.pack.figures import FigureError

        try:
            current, change = figures.of_fact(fact), figures.of_change(fact)
            quantity = figures.rate_of_change(current, change) if rate else figures.amount_of_change(current, change)
        except FigureError:
            return Outcome("approximate", [fact], frame)
        key = "label_change_rate" if rate else "label_change_amount"
        label = self.resolver.labeller.localized(key, a=fact)
        result = self.resolver.labeller.result(quantity, fact, "rate_of_change" if rate else "amount_of_change",
                                               label, frame)
        return Outcome("computed", [result], frame)

    def _wrong_unit(self, frame: Frame, fact: Fact) -> bool:
        """The question asks for an amount in one unit ("how much in yuan") and the article gives this
        figure only in another (a 6% share): the amount itself is not in the fact base."""
        unit = frame.unit
        if unit is None or fact.value is None:
            return False
        return fact.unit != unit and not (fact.change and fact.change.unit == unit)

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

    def _rank(self, frame: Frame, edit: Edit, previous: list[str]) -> tuple[list[Scored], Frame]:
        """Rank facts; when slots inherited softly from the conversation leave nothing stated or implied
        (2023 net profit from 2024's and its change), drop them one by one."""
        for drop in [(), *[edit.soft[: i + 1] for i in range(len(edit.soft))]]:
            tried = frame.dropping(*drop)
            ranked = self.matcher.rank(tried, previous=previous)
            if ranked:
                return ranked, tried
            if drop != edit.soft:
                implied = self.resolver.implied(tried)
                if implied.fact is not None and not implied.problem:
                    return [Scored(WEIGHTS.implied_score, implied.fact)], tried
        return [], frame

    def _uncovered_entities(self, frame: Frame, fact: Fact) -> list[str]:
        """Companies the question names that the chosen fact is not about ("compare UIH and Mindray"):
        answering only the part about the pack's own subject would mislead."""
        keys = self.matcher.keys[fact.id]
        return [e for e in frame.entities
                if e != self.pack.default_subject and e not in keys.entities and not self.matcher.mentioned(e, keys)]

    def _missing_metrics(self, frame: Frame, fact: Fact) -> list[str]:
        """Metrics the question names that the chosen fact does not give and no fact fits at all:
        "revenue in 2022, the year it listed" asks for a revenue the base lacks, not the listing year."""
        if "metrics" in frame.inherited or len(frame.metrics) < 2 or not frame.periods:
            return []
        subjects = set(frame.entities) or ({self.pack.default_subject} if self.pack.default_subject else set())
        missing = []
        for metric in frame.metrics:
            if self.matcher.covers(fact, metric) or metric in self.resolver.computed:
                continue
            held = [f for s in subjects if s for f in self.matcher.facts_about(s)
                    if f.subject == s and self.matcher.covers(f, metric)]
            dated = [f for f in held if f.period]
            lacking = dated and not self.matcher.rank(replace(frame, metrics=[metric]))
            if (not held and metric == frame.focus) or lacking:
                missing.append(metric)  # "how much did UIH raise in its IPO": no fund-raising of UIH at all
        return missing

    def _per_metric(self, frame: Frame, ranked: list[Scored]) -> list[Fact]:
        """For a question naming several metrics ("revenue and net profit"), the best fact for each."""
        if len(frame.metrics) < 2 or "metrics" in frame.inherited or not self.joined(frame, "metric"):
            return []
        top = ranked[0].fact
        if set(frame.metrics) <= {top.metric, *top.tags}:
            return []
        chosen: list[Fact] = []
        for metric in frame.metrics:
            best = next((s.fact for s in ranked if s.fact.metric == metric), None)
            best = best or next((s.fact for s in ranked if self.matcher.covers(s.fact, metric)), None)
            if best is None:
                return []
            chosen.append(best)
        return chosen if len({f.id for f in chosen}) == len(chosen) else []

    def _per_segment(self, frame: Frame, ranked: list[Scored]) -> list[Fact]:
        """"CT和MR收入" or "overseas or RT": the figure of each segment, when no fact covers them together
        as a total."""
        if len(frame.segments) < 2 or "total" in frame.qualifiers or not self.joined(frame, "segment"):
            return []
        chosen: list[Fact] = []
        for segment in frame.segments:
            alone = self.matcher.rank(replace(frame, segments=[segment]))
            best = next((s.fact for s in alone if s.fact.segment == [segment]), None)
            if best is None:
                return []
            chosen.append(best)
        return chosen

    def joined(self, frame: Frame, kind: str) -> bool:
        """Whether a conjunction stands between two mentions of this kind ("營收和凈利潤" for metrics)."""
        spans = sorted((h.start, h.end) for h in frame.hits if h.target.kind == kind)
        gaps = (frame.folded[a_end:b_start] for (_, a_end), (b_start, _) in itertools.pairwise(spans))
        return any(self.conjunction.search(gap) for gap in gaps)


def _comma_clause(text: str, position: int) -> tuple[int, int]:
    """The stretch between commas (or sentence ends) around `position`."""
    marks = ",,;;。!?!?"
    start = max(text.rfind(m, 0, position) for m in marks) + 1
    ends = [i for i in (text.find(m, position) for m in marks) if i >= 0]
    return start, min(ends) if ends else len(text)

