"""Statements (who, what, which, why): found by the concepts and the words a question shares with a
fact's sentence, labels and statement; a why-question is only answered by a sentence that gives a reason.
"""

from __future__ import annotations

import math

from assistant.engine.decision import Decision
from assistant.engine.frame import Frame
from assistant.engine.lexicon import content_units
from assistant.engine.matcher import Matcher
from assistant.engine.weights import WEIGHTS
from assistant.engine.weights import WEIGHTS as W
from assistant.lang.normalize import fold
from assistant.pack.model import Pack
from assistant.pack.schema import Fact


class Statements:
    """Ranks the pack's statement facts for a question."""

    def __init__(self, pack: Pack, matcher: Matcher) -> None:
        self.pack = pack
        self.matcher = matcher
        self.reason_markers = [fold(w) for w in pack.words.get("reason_markers", [])]
        self.companies = frozenset(f.subject for f in pack.facts.values() if f.value is not None)
        self.topics = frozenset(f.metric for f in pack.facts.values() if f.value is None) - frozenset(
            f.metric for f in pack.facts.values() if f.value is not None
        )
        count = max(1, len(matcher.keys))
        self.weight = {unit: math.log(count / len(ids)) + 0.5 for unit, ids in matcher.by_unit.items()}
        self._context_units: dict[str, frozenset[str]] = {}
        self.pointing = [fid for fid, k in matcher.keys.items() if k.context and k.fact.value is None]

    def rank(self, frame: Frame) -> list[tuple[float, Fact]]:
        """Statements by the words they share with the question (rare words weigh more) and the concepts
        they cover; a statement about none of the companies the question names is left out."""
        keys = self.matcher.keys
        candidates = {fid for unit in frame.units for fid in self.matcher.by_unit.get(unit, ())}
        scored: list[tuple[float, Fact]] = []
        for fid in candidates:
            fact_keys = keys[fid]
            fact = fact_keys.fact
            if fact.value is not None or fact.derivation is not None:
                continue
            named = [e for e in frame.entities if e in fact_keys.entities or self.matcher.mentioned(e, fact_keys)]
            if any(e in self.companies for e in frame.entities) and not named:
                continue  # a statement about none of the companies asked about (topics such as 影像AI do not gate)
            words = math.fsum(self.weight.get(u, 0.0) for u in frame.units & fact_keys.units)  # any set order
            concepts = sum(
                1
                for c in frame.metrics + frame.segments + frame.qualifiers
                if c in fact_keys.metrics | fact_keys.segments | fact_keys.qualifiers
            )
            scored.append((words + W.statement_entity * len(named) + W.statement_concept * concepts, fact))
        scored.sort(key=lambda s: (-s[0], self.matcher.order[s[1].id]))
        return scored

    def together(self, frame: Frame) -> Fact | None:
        """ "易方達和上國投資管在聯影智能A輪裡是什麼角色?": the one statement involving every entity named."""
        if len(frame.entities) < 2 or frame.operation != "statement":
            return None
        keys = self.matcher.keys
        found = [
            f
            for f in self.matcher.facts_about(frame.entities[-1])
            if set(frame.entities) <= keys[f.id].entities and f.derivation is None and f.value is None
        ]
        return found[0] if len(found) == 1 else None

    def best(self, frame: Frame) -> Fact | None:
        """The statement clearly ahead of the others, if one is: the one fact involving every company
        the question names, else the one sharing clearly the most words with it."""
        together = self.together(frame)
        if together is not None:
            return together
        ranked = self.rank(frame)
        if not ranked or ranked[0][0] < W.statement_min_score:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < W.statement_margin:
            return None
        return ranked[0][1]

    def gives_reason(self, fact: Fact) -> bool:
        """Whether the fact's sentence (or its topic) states a reason: 歸因於, 由於, because ..."""
        text = self.matcher.keys[fact.id].text
        topic = self.pack.concepts.get(fact.metric)
        named = fold(" ".join([fact.metric, *(topic.aliases if topic else []), topic.names.en if topic else ""]))
        return any(m in text for m in self.reason_markers) or any(m in named for m in self.reason_markers)

    def why(self, frame: Frame) -> Decision:
        """The statement that answers a why-question, or a no-answer that says the article gives no reason.

        Candidates come by concepts (the matcher) and by rare shared words (in any language: an English
        question shares words with a statement's English text); the best that states a reason answers."""
        combined: dict[str, tuple[float, Fact]] = {}
        for scored in self.matcher.rank(frame):
            if scored.fact.value is None:
                combined[scored.fact.id] = (scored.score, scored.fact)
        by_words = self.rank(frame)
        for words, fact in by_words[:5]:
            score = combined.get(fact.id, (0.0, fact))[0] + W.why_words * words
            combined[fact.id] = (score, fact)
        for fid in self.pointing:  # 公司說明，季減主因是…: found by the words of the figure it explains
            if fid not in combined and self._context_words(frame, fid):
                combined[fid] = (0.0, self.matcher.keys[fid].fact)
        for fid, (score, fact) in combined.items():
            combined[fid] = (score + W.why_words * self._context_words(frame, fid), fact)
        candidates = [f for _, f in sorted(combined.values(), key=lambda c: -c[0])]
        # not only the best three: an English question shares no words with Chinese statements, so several
        # reasons tie on concepts alone and the one about what was asked may come fourth
        if not [*frame.segments, *frame.qualifiers, *(m for m in frame.metrics if not self._is_topic(m))]:
            # "EUV光刻机的工作原理是什么? explain": nothing the pack knows is asked about; only a sentence that
            # shares the question's own words is about it
            worded = {f.id for words, f in by_words if words >= W.statement_min_words}
            candidates = [f for f in candidates if f.id in worded]
        named = [fold(n) for n in frame.unknown_names]  # "how does a tractor CVT gearbox work": a reason naming CVT
        candidates = [f for f in candidates if all(n in self.matcher.keys[f.id].text for n in named)]
        reasons = [f for f in candidates if self.gives_reason(f) and self._covers(frame, f)]
        years = {str(p.year) for p in frame.periods if p.year}
        if years:  # "今年第一季營收為什麼…": not the reason for another year's figure (2024年營收63.5億元)
            reasons.sort(key=lambda f: f.period is not None and f.period[:4] not in years)
        if reasons:
            return Decision("figures", frame, "why", [reasons[0]], 0.7)
        about = [f for f in candidates if self._covers(frame, f)]
        if about:  # what the article says of it instead, never a sentence about something else
            return Decision("no_reason", frame, "no_reason", [about[0]], 0.7)
        return Decision("gap", frame, "no_fact", asked=frame)

    def _context_words(self, frame: Frame, fid: str) -> float:
        """How much of the question the sentence a reason points back to holds (rare words weigh more)."""
        if fid not in self._context_units:
            self._context_units[fid] = frozenset(content_units(self.matcher.keys[fid].context))
        return math.fsum(self.weight.get(u, 0.0) for u in frame.units & self._context_units[fid])

    def _covers(self, frame: Frame, fact: Fact) -> bool:
        """Whether a reason is about every segment and figure the question names ("交流桩为什么萎缩": a
        reason about 交流桩, not the article's other reasons): by the fact's concepts or its sentence."""
        keys = self.matcher.keys[fact.id]
        named = keys.segments | keys.metrics
        topics = {fact.metric}
        asked = [*frame.segments, *(m for m in frame.metrics if not self._is_topic(m))]
        english = fold(" ".join(t.en for t in (fact.statement, fact.label) if t is not None and t.en))
        return all(
            c in named
            or c in topics
            or self.matcher.mentioned(c, keys)
            or self._named_in(c, english)
            or self._pointed_at(c, keys.context)
            for c in asked
        )

    def _pointed_at(self, concept: str, context: str) -> bool:
        """Whether the sentence a reason points back to names the concept (應收帳款…增至3.87億元。公司解釋，這是
        由於…: the reason is the receivables')."""
        names = self.matcher.aliases.get(concept, [])
        return bool(context) and any(a and not a.isascii() and a in context for a in names)

    def _named_in(self, concept: str, english: str) -> bool:
        """Whether an English name of the concept is a phrase of the statement's English text."""
        return any(a.isascii() and f" {a} " in f" {english} " for a in self.matcher.aliases.get(concept, []))

    def _is_topic(self, concept: str) -> bool:
        """A statement topic (原因, 投資方) rather than a figure's measure: it names no unit of its own."""
        return concept in self.topics

    def guess(self, frame: Frame) -> Fact | None:
        """With no concept to go on, a statement sharing many of the question's words, clearly ahead."""
        if frame.metrics or frame.unknown_names:
            return None
        best = self.matcher.lexical(frame)
        if not best or best[0].score < WEIGHTS.statement_min_words or best[0].fact.value is not None:
            return None
        if len(best) > 1 and best[1].score > best[0].score - WEIGHTS.statement_lead:
            return None
        return best[0].fact

    def entity_only(self, frame: Frame) -> Decision:
        """A question that names a company and nothing else: a statement its words point at, else the
        company's facts to choose from."""
        subject = frame.entities[-1]
        involving = self._involving_all(frame, subject)
        if involving is not None:
            return involving
        worded = self._worded(frame, subject)
        if worded is not None:
            return Decision("figures", frame, "lookup", [worded], 0.45)
        involved = [f for f in self.matcher.facts_about(subject) if f.derivation is None and _in_unit(frame, f)]
        facts = [f for f in involved if f.subject == subject][:5] or involved[:5]
        asks = frame.operation in ("when", "change", "compute", "compare") or frame.detail == "why"
        if not facts or asks or frame.unit is not None:  # 收购速屿快递花了多少钱: no measure named, none guessed
            return Decision("gap", frame, "no_fact", asked=frame)  # "王昊哪一年加入紅杉?": no such event
        if len(facts) == 1:
            return Decision("figures", frame, "lookup", facts, 0.6)
        return Decision("entity_only", frame, "clarify", facts, 0.3, concepts=[subject])

    def _involving_all(self, frame: Frame, subject: str) -> Decision | None:
        """ "王昊在聯影智能擔任什麼職務": the one fact that involves every company and person named."""
        if len(frame.entities) < 2:
            return None
        keys = self.matcher.keys
        together = [
            f
            for f in self.matcher.facts_about(subject)
            if set(frame.entities) <= keys[f.id].entities and f.derivation is None
        ]
        if len(together) != 1 or frame.operation != "statement":
            return None
        asks_amount = frame.unit is not None or "lookup" in frame.cues
        kind = "no_figure" if asks_amount and together[0].value is None else "figures"
        return Decision(kind, frame, frame.detail, together, 0.6)

    def _worded(self, frame: Frame, subject: str) -> Fact | None:
        """The fact about the company sharing clearly the most words with the question, if one does."""
        keys = self.matcher.keys
        worded = [
            s
            for s in self.matcher.lexical(frame, limit=5)
            if subject in keys[s.fact.id].entities and _in_unit(frame, s.fact)
        ]
        if not worded or worded[0].score < WEIGHTS.entity_only_words:
            return None
        if len(worded) > 1 and worded[0].score < worded[1].score + 1:
            return None
        return worded[0].fact


def _in_unit(frame: Frame, fact: Fact) -> bool:
    """收购速屿快递花了多少钱: a question asking for an amount in a unit is answered only by a figure in it (not
    the 51% stake the deal bought)."""
    if frame.unit is None:
        return True
    if fact.value is None:
        return False
    units = [fact.unit, fact.change.unit if fact.change else None]
    return any(u and u.endswith(frame.unit) for u in units)  # 美元 ends with 元: 1.15亿美元 is money too
