"""Frame -> ranked facts. Entity, period, metric and segment mismatches reject a fact outright;
only facts that survive those checks are scored, so similarity can never turn one company's or one
year's figure into another's."""

from __future__ import annotations

import itertools
import math
import re

from assistant.engine.candidates import CandidateIndex
from assistant.engine.factkeys import Asked, FactKeys, KeyMaker, Scored, own_clause
from assistant.engine.frame import Frame
from assistant.engine.weights import WEIGHTS as W
from assistant.engine.wholes import Wholes
from assistant.lang.normalize import fold
from assistant.lang.period import plan_fits
from assistant.lang.periods import Period, PeriodGrammar, fits
from assistant.pack.figures import base_unit
from assistant.pack.model import Pack
from assistant.pack.schema import Fact

__all__ = ["Asked", "FactKeys", "Matcher", "Scored"]


class Matcher:
    """Index of a pack's facts by concept, and the scoring of facts against a frame."""

    def __init__(self, pack: Pack, grammar: PeriodGrammar, known: dict[str, FactKeys] | None = None) -> None:
        """`known`: the facts' keys when they are known already (a compiled pack from the cache)."""
        self.pack = pack
        self.grammar = grammar
        self.maker = KeyMaker(pack, grammar)
        self.aliases = {
            cid: [fold(a) for a in c.aliases] + [fold(c.names.zh_Hant), fold(c.names.en)]
            for cid, c in pack.concepts.items()
        }
        self.keys: dict[str, FactKeys] = (
            known if known is not None else {fid: self.maker.keys(f) for fid, f in pack.facts.items()}
        )
        self.restrictive = frozenset(cid for cid, c in pack.concepts.items() if c.restrictive)
        self.parts = frozenset(cid for cid, c in pack.concepts.items() if c.part)
        self.share_metrics = frozenset(pack.words.get("share_metrics", []))
        self.ratio_of = {cid: c.computed.of for cid, c in pack.concepts.items() if c.computed and c.computed.of}
        self.wholes = Wholes(self.keys, tuple(fold(w) for w in pack.words.get("whole_words", [])))
        segments = {cid: self.aliases[cid] for cid, c in pack.concepts.items() if c.kind == "segment"}
        self.candidate_index = CandidateIndex(self.keys, segments, self.restrictive)
        self.order = self.candidate_index.order
        self.by_entity = self.candidate_index.by_entity
        self.by_unit = self._by_unit(self.keys)
        count = max(1, len(self.keys))
        # a word shared with few facts says more than one every fact has (聯影 in all, 封閉 in one)
        self.rarity = {unit: math.log(count / len(ids)) + 0.5 for unit, ids in self.by_unit.items()}
        self.held_metrics = frozenset(m for k in self.keys.values() for m in k.metrics)
        units = sorted({(k.fact.metric, k.fact.unit or "") for k in self.keys.values()})  # what a metric counts in
        self.units_of = {m: {u for _, u in pairs} for m, pairs in itertools.groupby(units, key=lambda p: p[0])}
        self.freely_held = frozenset(
            m for k in self.keys.values() if not k.qualifiers & self.restrictive for m in k.metrics
        )
        self.latest_year = pack.current_year or self._latest_year(self.keys)
        reported = Period.parse(pack.default_period)
        self.reported_year = reported.year if reported is not None and reported.year else self.latest_year
        plans = tuple(fold(w) for w in pack.words.get("stated_plan_words", []))  # 有望提升至兩成以上: undated, planned
        self.planned = frozenset(
            f for f, k in self.keys.items() if k.fact.period is None and any(w in k.lead for w in plans)
        )
        self.ranks = re.compile("|".join(pack.words.get("rank_patterns", [])) or "(?!)")  # 第一大客户, 前五大

    @staticmethod
    def _by_unit(keys: dict[str, FactKeys]) -> dict[str, list[str]]:
        """Content word -> the facts sharing it, in pack order."""
        by_unit: dict[str, list[str]] = {}
        for fid, k in keys.items():
            for unit in k.units:
                by_unit.setdefault(unit, []).append(fid)
        return by_unit

    @staticmethod
    def _latest_year(keys: dict[str, FactKeys]) -> int | None:
        years = [k.period.year for k in keys.values() if k.period is not None and k.period.year is not None]
        return max(years) if years else None

    def _expand(self, ids: list[str]) -> set[str]:
        """The concepts and everything they imply, transitively."""
        return self.maker.expand(ids)

    def unheld(self, frame: Frame) -> list[str]:
        """Metrics the question names that no fact in the pack holds, or holds only in a reading the
        question does not ask for (a market cap the article gives only at its peak)."""
        free = self.held_metrics if self.restrictive & set(frame.qualifiers) else self.freely_held
        return [m for m in frame.metrics if m not in self.held_metrics or m not in free]

    def spoken_of(self, segment: str) -> bool:
        """Whether any fact is filed under the segment or names it in its sentence (越南 in an article on a
        Hungarian plant: no)."""
        index = self.candidate_index
        return bool(index.by_segment.get(segment) or index.naming.get(segment))

    def covers(self, fact: Fact, metric: str) -> bool:
        return metric in self.keys[fact.id].metrics

    def counts_named(self, fact: Fact, metric: str) -> bool:
        """Whether the figure is a flow of what the metric counts, the two named together in its own words and
        counted alike (新開影院15至20家: new stores, of the cinemas counted in 家)."""
        if not fact.unit or fact.unit not in self.units_of.get(metric, ()):
            return False
        lead = self.keys[fact.id].lead
        names = [a for a in self.aliases.get(metric, []) if a]
        return any(flow + name in lead for flow in self.aliases.get(fact.metric, []) if flow for name in names)

    def candidates(self, frame: Frame) -> list[str]:
        """Facts naming one of the frame's concepts (about its entities, when it names some)."""
        return self.candidate_index.candidates(frame, self.pack.default_subject)

    def facts_about(self, entity: str) -> list[Fact]:
        """Facts whose subject, object or tags name the entity, in pack order."""
        ids = self.by_entity.get(entity, frozenset())
        return [k.fact for fid, k in self.keys.items() if fid in ids]

    def rank(
        self, frame: Frame, *, previous: list[str] | None = None, previous_metrics: list[str] | None = None
    ) -> list[Scored]:
        """Facts that fit the frame, best first; empty when none does.

        `previous` are the facts of the last turn: a fact from the same sentence is the likelier referent,
        and one that also covers the last turn's metric ("its share of revenue?" after receivables) too.
        """
        if not frame.has_topic and not (frame.entities and frame.periods):
            return []
        quotes = {self.keys[f].fact.quote for f in previous or [] if f in self.keys}
        identify, beside = self._numbers_point(frame)
        asked = self.asked(frame)
        spoken = self.spoken(previous, previous_metrics)
        scored = []
        for fid in self.candidate_index.viable(frame, self.pack.default_subject):
            keys = self.keys[fid]
            value = self.score(frame, keys, asked, numbers_beside=beside, numbers_identify=identify, spoken=spoken)
            if value is not None:
                if keys.fact.quote in quotes:
                    value += W.previous_sentence
                if previous_metrics and "metrics" not in frame.inherited and keys.metrics & set(previous_metrics):
                    value += W.previous_metric
                scored.append(Scored(value, keys.fact))
        scored.sort(key=lambda s: -s.score)
        return scored

    def _numbers_point(self, frame: Frame) -> tuple[bool, bool]:
        """Whether a number the question gives identifies a candidate's figure, and whether one sits
        beside a candidate's figure without being it."""
        if not frame.numbers:
            return False, False
        index = self.candidate_index
        related = index.related(frame, index.concepts(frame, self.pack.default_subject))
        beside = any(
            frame.numbers & (k.near_numbers | k.before_numbers) and not frame.numbers & k.own_numbers for k in related
        )
        return bool(related), beside

    def lexical(self, frame: Frame, limit: int = 3) -> list[Scored]:
        """Facts ranked by the words they share with the question's unrecognised words only."""
        if not frame.units:
            return []
        by_quote: dict[str, Scored] = {}
        counts: dict[str, int] = {}
        for unit in frame.units:
            for fid in self.by_unit.get(unit, ()):
                counts[fid] = counts.get(fid, 0) + 1
        for fid, shared in sorted(counts.items(), key=lambda item: self.order[item[0]]):
            keys = self.keys[fid]
            if shared and (keys.fact.quote not in by_quote or by_quote[keys.fact.quote].score < shared):
                by_quote[keys.fact.quote] = Scored(float(shared), keys.fact)
        scored = sorted(by_quote.values(), key=lambda s: (-s.score, self.order[s.fact.id]))
        return scored[:limit]

    def mentioned(self, concept: str, keys: FactKeys, *, own_part: bool = False) -> bool:
        """Whether any name of the concept appears in the fact's sentence; with `own_part`, in a figure's own
        part of it (鴻途營收71.2億元,而奔野運動毛利率41.3%: 71.2 is not 奔野運動's)."""
        text = (keys.lead or keys.text) if own_part else keys.text
        return any(alias and alias in text for alias in self.aliases.get(concept, []))

    def _mentioned_not_listed(self, concept: str, keys: FactKeys) -> bool:
        """Whether a name of the concept appears in the fact's sentence other than as one item of a list
        (主要市场为日本、韩国和北美: the overseas figure is not North America's); for a figure, in its own
        part of the sentence before it (figure_part)."""
        text = keys.lead or keys.text
        for alias in self.aliases.get(concept, []):
            at = text.find(alias) if alias else -1
            while at >= 0:
                before, after = text[at - 1 : at], text[at + len(alias) : at + len(alias) + 1]
                clause = text[max(0, at - 12) : at + len(alias) + 12]
                if not ("、" in clause and ((before and before in "、和及与") or after == "、")):
                    return True
                at = text.find(alias, at + 1)
        return False

    def asked(self, frame: Frame) -> Asked:
        return Asked(
            metrics=frozenset(self._expand(frame.metrics)),
            segments=frozenset(self._expand(frame.segments)),
            qualifiers=frozenset(frame.qualifiers),
            units=frozenset([frame.unit] if frame.unit else []),
            ranks=frozenset(self.ranks.findall(frame.folded)),
        )

    def score(
        self,
        frame: Frame,
        keys: FactKeys,
        asked: Asked,
        *,
        numbers_beside: bool = False,
        numbers_identify: bool = False,
        spoken: frozenset[str] = frozenset(),
    ) -> float | None:
        """Score of a fact for a frame, or None when a slot rules it out; `spoken` are the measures the
        conversation has just spoken of."""
        if self._share_of_another(frame, keys, asked, spoken):
            return None
        parts = (
            self._metric_score(frame, keys, asked),
            self._entity_score(frame, keys),
            self._segment_score(frame, keys, asked),
            self._qualifier_score(frame, keys, asked),
            self._period_score(frame, keys),
        )
        if any(part is None for part in parts):
            return None
        fact = keys.fact
        total = sum(part for part in parts if part is not None)
        total += self._numbers_score(frame, keys, numbers_beside, numbers_identify)
        words = W.word_unit * math.fsum(self.rarity.get(u, 0.0) for u in frame.units & keys.units)  # any set order
        wordy = fact.value is None and frame.operation in ("statement", "when")
        total += min(W.word_cap_statement if wordy else W.word_cap, words)
        if asked.ranks and fact.value is not None:  # 第一大客户: 第一大客户…41.3%, not 前五大客户…67.8%
            total += W.rank_named if all(r in fold(own_clause(fact)) for r in asked.ranks) else -W.rank_named
        return total + self._cue_score(frame, fact) + self._unit_score(frame, fact, asked.units)

    def _metric_score(self, frame: Frame, keys: FactKeys, asked: Asked) -> float | None:
        if not frame.metrics:
            return 0.0
        fact = keys.fact
        matched = [m for m in frame.metrics if m in keys.metrics]
        if not matched or self._share_for_amount(frame, fact, asked):
            return None
        matched += [m for m in frame.metrics if m not in matched and self.counts_named(fact, m)]  # opened cinemas
        own = W.metric_own if fact.metric in frame.metrics else W.metric_implied if fact.metric in asked.metrics else 0
        total = W.metric_named * len(matched) + own - W.metric_missing * (len(frame.metrics) - len(matched))
        if len(frame.metrics) > 1 and frame.focus in keys.metrics:
            total += W.metric_focus
        return total

    def _share_for_amount(self, frame: Frame, fact: Fact, asked: Asked) -> bool:
        """A share (亚马逊占营收的64.2%) never answers how much of the measure there was (2023年营收多少):
        only a question asking for a share, a ratio or a percentage."""
        return (
            fact.metric in self.share_metrics
            and not set(frame.metrics) & self.share_metrics
            and frame.detail != "ratio"
            and "%" not in asked.units
        )

    def spoken(self, previous: list[str] | None, previous_metrics: list[str] | None) -> frozenset[str]:
        """The measures of the last answer's facts and the metrics the conversation named before."""
        known = [self.keys[f].metrics for f in previous or [] if f in self.keys]
        return frozenset().union(*known, previous_metrics or [])

    def _share_of_another(self, frame: Frame, keys: FactKeys, asked: Asked, spoken: frozenset[str]) -> bool:
        """A share tagged with the measure it is the share of (a receivable's share of revenue), or a ratio of
        one measure (研发费用率), answers only a question naming that measure, or following one about it, never
        "what share of revenue" alone."""
        fact = keys.fact
        of = self.ratio_of.get(fact.metric)
        if of and fact.metric not in frame.metrics and set(frame.metrics) & self.share_metrics:
            return of not in set(frame.metrics) | asked.metrics | spoken
        if fact.metric not in self.share_metrics:
            return False
        if not any(t in keys.metrics and t != fact.metric for t in fact.tags):
            return False
        bases = keys.metrics - self._expand([fact.metric])  # rd_staff, and the rd it implies
        return not bases & (set(frame.metrics) | asked.metrics | spoken)

    def _entity_score(self, frame: Frame, keys: FactKeys) -> float | None:
        fact = keys.fact
        if not frame.entities:
            return W.default_subject if fact.subject == self.pack.default_subject else 0.0
        if fact.subject in frame.entities:
            total = W.entity_subject
        elif set(frame.entities) <= keys.entities:
            total = W.entity_involved
        else:
            return None
        for entity in set(frame.entities) - {fact.subject}:
            if entity in keys.entities:
                total += W.entity_also
            elif not self.mentioned(entity, keys):
                total -= W.entity_absent
        return total

    def _segment_score(self, frame: Frame, keys: FactKeys, asked: Asked) -> float | None:
        total = 0.0
        own_segments_asked = keys.segments <= asked.segments
        for segment in frame.segments:
            if segment in keys.segments:
                total += W.segment_named
            elif own_segments_asked and self._mentioned_not_listed(segment, keys):
                total += W.segment_mentioned
            else:
                return None
        if not own_segments_asked:
            # a question naming no segment asks for the whole figure, not a segment's
            unasked_figure = not frame.segments and keys.fact.value is not None
            if unasked_figure and frame.metrics and self.wholes.part_for_whole(frame, keys):
                return None  # 鯨岩網絡(總)營收: its overseas revenue is no answer about the whole company
            total -= W.segment_unasked_figure if unasked_figure else W.segment_unasked_other
        return total

    def _qualifier_score(self, frame: Frame, keys: FactKeys, asked: Asked) -> float | None:
        if (keys.qualifiers & self.restrictive) - asked.qualifiers:
            return None  # a peak answers "how high at most", not "how much"
        total = 0.0
        for qualifier in frame.qualifiers:
            if qualifier in keys.qualifiers:
                total += W.qualifier_named
            elif self.mentioned(qualifier, keys, own_part=qualifier in self.parts):
                total += W.qualifier_mentioned
            elif qualifier in self.parts and keys.fact.value is not None:
                return None  # 香港的員工: the group's staff is no figure of the part in Hong Kong
            else:
                total -= W.qualifier_absent
        return total - W.qualifier_unasked * len(keys.qualifiers - asked.qualifiers)

    def _period_score(self, frame: Frame, keys: FactKeys) -> float | None:
        fact = keys.fact
        if not frame.periods:  # 现在: no year is preferred; of the figures as good, the latest is taken
            total = W.period_default if fact.period == self.pack.default_period and not frame.now else 0.0
            if fact.id in self.planned:
                total += W.period_plan_asked if frame.planning else -W.period_plan_unasked
            return total - (W.period_part_unnamed if keys.period is not None and keys.period.sub_year else 0.0)
        # a derived figure also fits the periods of its inputs ("how much did the outflow narrow" from Q1); one of
        # no period, a year its own words name (预计2025年…约6.1万吨,并定下2026年…: 6.1 is no 2026 figure)
        stated, words = (fact.period, *keys.input_periods), keys.lead or keys.text
        fitting = [p for p in frame.periods if any(fits(p, period, words, keys.parts) for period in stated)]
        if not fitting and fact.id in self.planned and frame.planning:  # 2025年资本开支指引: 全年资本开支指引为…
            fitting = [p for p in frame.periods if plan_fits(p, keys.text, self.reported_year)]
        if not fitting:
            return None
        total = W.period_fits * len(fitting) + (W.period_own if keys.period is not None else 0.0)
        if keys.period is not None and keys.period.sub_year and not any(p.quarter or p.month for p in fitting):
            total -= W.period_part_unasked
        yearless = [p for p in fitting if p.year is None]  # 一季度: this year's; 年底: the year reported
        own = self.latest_year if any(p.sub_year for p in yearless) else self.reported_year
        if yearless and keys.period is not None and keys.period.year == own:
            total += W.period_latest_year
        return total

    @staticmethod
    def _unit_score(frame: Frame, fact: Fact, units: frozenset[str]) -> float:
        """Words like 多少人 or "what percentage" say which unit the answer is in."""
        if not units:
            return 0.0
        bonus = W.unit_figure if fact.value is not None else 0.0
        changed = frame.operation == "change" and fact.change is not None and fact.change.unit in units
        if base_unit(fact.unit) in units or changed:
            bonus += W.unit_match
        return bonus

    @staticmethod
    def _numbers_score(frame: Frame, keys: FactKeys, beside: bool, identify: bool) -> float:
        """A number the question gives is known to the asker: when another fact sits beside it
        ("the stake bought for 7000萬元"), the fact stating it is not the answer; otherwise the
        question is about the figure it quotes ("is the 6% of overseas or of total revenue?")."""
        if not frame.numbers:
            return 0.0
        related = frame.numbers & (keys.own_numbers | keys.near_numbers | keys.before_numbers)
        if identify and keys.fact.value is not None and not related:
            return -W.number_absent  # "the 0.70% stake": a figure away from the number that points at one
        if frame.numbers & keys.own_numbers:
            asked_here = bool(frame.metrics) and set(frame.metrics) <= keys.metrics
            return -W.number_beside if beside and not asked_here else W.number_own
        if frame.numbers & keys.near_numbers:
            return W.number_near
        return W.number_before if frame.numbers & keys.before_numbers else 0.0

    @staticmethod
    def _cue_score(frame: Frame, fact: Fact) -> float:
        """The kind of answer the question expects: a computation, a change, a figure, a statement, a year."""
        total = 0.0
        if fact.derivation is not None:
            total += W.derived_asked if frame.detail == "derive" else -W.derived_unasked
        if frame.operation == "change" and fact.change is not None:
            total += W.change_stated
        if frame.operation == "change" and fact.derivation is not None and fact.derivation.formula == "difference":
            total += W.change_difference
        if "lookup" in frame.cues and fact.value is not None:
            total += W.quantity_figure
        if frame.operation == "statement" and fact.value is None:
            total += W.statement_asked
        if frame.operation == "when" and fact.unit == "年":
            total += W.year_asked
        return total
