"""Which facts a frame can select, found by set look-ups so that ranking scores only those.

A fact is a candidate when it names one of the frame's concepts and, when the frame names entities, is
about one of them. Of the candidates, scoring rejects every fact whose metric, segment, period or
restrictive qualifier the frame rules out; the index knows most of those checks as sets (facts by metric,
by segment and by the segment names their sentence holds, by year), so a metric-only question on a large
pack scores the facts that can answer it, not every company's figure. Only necessary conditions are
tested here: the scoring keeps the last word, so the ranking is the one scoring every candidate gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from assistant.engine.automaton import AliasAutomaton
from assistant.engine.factkeys import FactKeys
from assistant.engine.frame import Frame
from assistant.lang.periods import Period

Ids = frozenset[str]
Union = list[Ids]  # a fact passes a condition when it is in any one of its sets
_NONE: Ids = frozenset()
FEW = 64  # below this many facts, testing each one beats building a union of large sets


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, Ids]:
    groups: dict[str, set[str]] = {}
    for key, fid in pairs:
        groups.setdefault(key, set()).add(fid)
    return {key: frozenset(ids) for key, ids in groups.items()}


def _in_any(fid: str, sets: Union) -> bool:
    return any(fid in ids for ids in sets)


class CandidateIndex:
    """Facts by concept, entity, metric, segment, segment named in the sentence, year and number."""

    def __init__(
        self, keys: Mapping[str, FactKeys], segment_names: Mapping[str, list[str]], restrictive: frozenset[str]
    ) -> None:
        """`segment_names`: the folded names of each segment concept, found in a fact's sentence when the
        fact does not carry the segment itself."""
        self.keys = keys
        self.order = {fid: index for index, fid in enumerate(keys)}
        self.by_concept = _grouped(
            (c, fid) for fid, k in keys.items() for c in k.entities | k.metrics | k.segments | k.qualifiers
        )
        self.by_entity = _grouped((e, fid) for fid, k in keys.items() for e in k.entities)
        self.by_metric = _grouped((m, fid) for fid, k in keys.items() for m in k.metrics)
        self.by_segment = _grouped((s, fid) for fid, k in keys.items() for s in k.segments)
        self.naming = self._naming(keys, segment_names)
        self.restricted = _grouped((q, fid) for fid, k in keys.items() for q in k.qualifiers & restrictive)
        self.by_year, self.undated = self._years(keys)
        self.by_number = {n: frozenset(ids) for n, ids in self._numbers(keys).items()}

    @staticmethod
    def _naming(keys: Mapping[str, FactKeys], names: Mapping[str, list[str]]) -> dict[str, Ids]:
        """Segment -> the facts whose sentence holds one of its names (as a plain substring)."""
        owners: dict[str, list[str]] = {}
        for segment, aliases in names.items():
            for alias in aliases:
                if alias:
                    owners.setdefault(alias, []).append(segment)
        automaton = AliasAutomaton(owners)
        found = _grouped(
            (segment, fid)
            for fid, k in keys.items()
            for alias in automaton.found_in(k.text)
            for segment in owners[alias]
        )
        return {segment: found.get(segment, _NONE) for segment in names}

    @staticmethod
    def _years(keys: Mapping[str, FactKeys]) -> tuple[dict[int, Ids], Ids]:
        """Facts by the year of their period or of a summed input's; and those with a period no year
        can be read from, which a year fits only through their sentence."""
        dated: list[tuple[int, str]] = []
        undated: set[str] = set()
        for fid, k in keys.items():
            for period in (k.fact.period, *k.input_periods):
                parsed = Period.parse(period)
                if parsed is None or parsed.year is None:
                    undated.add(fid)
                else:
                    dated.append((parsed.year, fid))
        by_year: dict[int, set[str]] = {}
        for year, fid in dated:
            by_year.setdefault(year, set()).add(fid)
        return {year: frozenset(ids) for year, ids in by_year.items()}, frozenset(undated)

    @staticmethod
    def _numbers(keys: Mapping[str, FactKeys]) -> dict[Decimal, set[str]]:
        found: dict[Decimal, set[str]] = {}
        for fid, k in keys.items():
            for number in k.own_numbers | k.near_numbers | k.before_numbers:
                found.setdefault(number, set()).add(fid)
        return found

    # -- the candidates of a frame ------------------------------------------------------------

    @staticmethod
    def concepts(frame: Frame, default_subject: str | None) -> list[str]:
        """The concepts whose facts are candidates: an entity counts only when the frame names no metric."""
        others = [e for e in frame.entities if e != default_subject] if not frame.metrics else []
        return frame.metrics + frame.segments + frame.qualifiers + others

    def is_candidate(self, fid: str, frame: Frame, concepts: list[str]) -> bool:
        about = not frame.entities or _in_any(fid, [self.by_entity.get(e, _NONE) for e in frame.entities])
        return about and _in_any(fid, [self.by_concept.get(c, _NONE) for c in concepts])

    def candidates(self, frame: Frame, default_subject: str | None) -> list[str]:
        """Every candidate, in the order of the concept that brings it, then of the pack."""
        concepts = self.concepts(frame, default_subject)
        return self._ordered(self._filter([[self.by_concept.get(c, _NONE) for c in concepts]], frame), concepts)

    def viable(self, frame: Frame, default_subject: str | None) -> list[str]:
        """The candidates no slot check can rule out before scoring, in candidate order."""
        concepts = self.concepts(frame, default_subject)
        conditions = [[self.by_concept.get(c, _NONE) for c in concepts], *self._conditions(frame)]
        found = self._filter(conditions, frame)
        for qualifier, ids in self.restricted.items():
            if qualifier not in frame.qualifiers:
                found -= ids  # a peak answers "how high at most", not "how much"
        return self._ordered(found, concepts)

    def _conditions(self, frame: Frame) -> list[Union]:
        """One union of sets per slot check that rejects a fact outside it."""
        conditions: list[Union] = []
        if frame.metrics:
            conditions.append([self.by_metric.get(m, _NONE) for m in frame.metrics])
        for segment in frame.segments:
            if segment in self.naming:  # a segment of no known name is left to scoring
                conditions.append([self.by_segment.get(segment, _NONE), self.naming[segment]])
        if frame.periods and all(p.year is not None for p in frame.periods):
            years = [p.year for p in frame.periods if p.year is not None]
            conditions.append([*(self.by_year.get(year, _NONE) for year in years), self.undated])
        return conditions

    def _filter(self, conditions: list[Union], frame: Frame) -> set[str]:
        """The facts in every condition (and about the frame's entities), starting from the smallest."""
        if frame.entities:
            conditions = [*conditions, [self.by_entity.get(e, _NONE) for e in frame.entities]]
        conditions.sort(key=lambda sets: sum(len(ids) for ids in sets))
        found = set().union(*conditions[0])
        for sets in conditions[1:]:
            if len(found) < FEW:
                found = {fid for fid in found if _in_any(fid, sets)}
            else:
                found &= sets[0] if len(sets) == 1 else frozenset().union(*sets)
        return found

    def _ordered(self, ids: set[str], concepts: list[str]) -> list[str]:
        """`ids` by the first of `concepts` that brings them, then in pack order."""
        ordered: list[str] = []
        for concept in concepts:
            part = ids & self.by_concept.get(concept, _NONE)
            if part:
                ordered += sorted(part, key=self.order.__getitem__)
                ids = ids - part
        return ordered

    def related(self, frame: Frame, concepts: list[str]) -> list[FactKeys]:
        """The candidates holding one of the numbers the question gives, in no particular order."""
        ids = {fid for n in frame.numbers for fid in self.by_number.get(n, ())}
        return [self.keys[fid] for fid in ids if self.is_candidate(fid, frame, concepts)]
