"""Decision -> Answer: the text in the reader's script from the pack's templates, with its parts kept
separately (the headline, the figures, the interpretation line, citations, options) for front ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.engine.answer import Answer, Citation, Interpretation
from assistant.engine.decision import Decision
from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher
from assistant.engine.render import Renderer, pick
from assistant.lang.normalize import Language, detect_language, fold
from assistant.pack.bases import answers_basis
from assistant.pack.model import Pack
from assistant.pack.schema import Fact

NOT_UNDERSTOOD = {
    "period": "unreadable_period",
    "metric": "unreadable_metric",
    "unit": "unreadable_unit",
    "part": "unreadable_part",
    "subsidiary": "unreadable_subsidiary",
    "modifier": "unreadable_modifier",
}
STATUS = {
    "figures": "answered",
    "compare": "answered",
    "meta": "answered",
    "passage": "answered",
    "clarify": "clarify",
    "entity_only": "clarify",
    "need_context": "clarify",
}


@dataclass(frozen=True)
class Parts:
    """The pieces of an answer before they are joined into its text."""

    headline: list[str]
    citations: list[Citation]
    figures: list[str]
    options: list[str]
    suggestions: list[str]


class Composer:
    """Writes answers for one pack."""

    def __init__(self, pack: Pack, renderer: Renderer, matcher: Matcher, simplified: frozenset[str]) -> None:
        self.pack = pack
        self.renderer = renderer
        self.matcher = matcher
        self.simplified = simplified
        self._examples: dict[str, list[str]] = {}
        # the concepts some fact is about or names: a company outside them is one the article reports nothing on
        self.told = frozenset(c for f in pack.facts.values() for c in (f.subject, *f.tags))

    def compose(
        self, question: str, decision: Decision, lang: Language, interpretation: Interpretation, notes: list[str]
    ) -> Answer:
        parts = self._parts(decision, lang)
        status = STATUS.get(decision.kind, "no_answer")
        if decision.kind == "figures" and not self._answers(decision):
            status = "no_answer"
        understood = self.understood(decision.frame, decision, lang)
        notes = notes + [self.renderer.template("no_fact", lang, asked=self._names(c, lang)) for c in decision.notes]
        if any(f.draft for f in decision.facts) and status == "answered":
            notes.append(self.renderer.template("draft_note", lang))
        numbered = [f"{i}. {o}" for i, o in enumerate(parts.options, 1)]  # in the text; a front end shows options
        lines = [*parts.headline, *numbered, *(self.renderer.citation_text(c, lang) for c in parts.citations)]
        text = "\n".join([understood, *lines, *notes] if understood else [*lines, *notes])
        derivation = next((f.derivation for f in decision.facts if f.derivation), None)
        return Answer(
            question=question,
            status=status,  # type: ignore[arg-type]
            text=text,
            language=lang,
            intent=decision.intent if status != "no_answer" or decision.kind != "figures" else "no_change",
            confidence=round(decision.confidence, 3),
            headline="\n".join(parts.headline),
            understood=understood,
            interpretation=interpretation,
            figures=parts.figures,
            facts=decision.facts[:4],
            citations=parts.citations,
            derivation=derivation,
            options=parts.options,
            suggestions=parts.suggestions,
            notes=notes,
        )

    # -- the parts of each kind of decision -----------------------------------------------------

    def _parts(self, decision: Decision, lang: Language) -> Parts:
        kind, template = decision.kind, self.renderer.template
        facts = decision.facts
        if kind in ("figures", "compare"):
            return self._figures(decision, lang)
        if kind in ("clarify", "entity_only"):
            options = [self.renderer.question_for(f, lang) for f in facts]
            if len(set(options)) < len(options):  # two facts asked the same way: tell them apart by paragraph
                options = [
                    template(
                        "option_paragraph",
                        lang,
                        question=o,
                        paragraph=str(f.paragraph),
                        written=f.written or self.renderer.what(f, lang),
                    )
                    if options.count(o) > 1
                    else o
                    for o, f in zip(options, facts, strict=True)
                ]
            head = (
                template("entity_only", lang, subject=self._names(decision.concepts, lang))
                if kind == "entity_only"
                else template("clarify", lang)
            )
            return Parts([head], [], [], options, options)
        if kind in ("no_figure", "no_target", "no_reason", "approximate", "unmatched"):
            fact = facts[0]
            head = template(kind, lang, what=self.renderer.what(fact, lang), **decision.fields)
            return Parts(
                [head, self._body(fact, "lookup", lang)[0]], self.citations([fact]), [], [], self.related(fact, lang)
            )
        if kind == "meta":
            return self._meta(decision.intent, lang)
        if kind == "passage":  # the sentence itself is the answer: a statement's text, else its citation alone
            fact = facts[0]
            body = [self._body(fact, "statement", lang)[0]] if fact.value is None and fact.statement else []
            return Parts([template("passage", lang), *body], self.citations([fact]), [], [], self.related(fact, lang))
        found: list[Fact | None] = []  # the nearest fact, ranked once for the whole refusal

        def nearest_fact() -> Fact | None:
            if not found:
                found.append(self._nearest(decision.asked or decision.frame))
            return found[0]

        nearest = nearest_fact() if kind == "gap" else None
        cited = self.citations([nearest]) if nearest is not None and nearest.written else []
        suggestions = self._refusal_suggestions(decision, lang, nearest)
        return Parts(self._refusal(decision, lang, nearest_fact), cited, [], [], suggestions)

    def _refusal(self, decision: Decision, lang: Language, nearest_fact: Callable[[], Fact | None]) -> list[str]:
        template, kind = self.renderer.template, decision.kind
        if kind == "refuse":
            return [template(f"refuse_{decision.intent}", lang)]
        if kind == "not_understood":
            return [
                template(
                    NOT_UNDERSTOOD.get(decision.fields["kind"], "unreadable_period"),
                    lang,
                    piece=decision.fields["piece"],
                )
            ]
        if kind == "unknown_entity":
            name = decision.fields.get("name") or self._names(decision.concepts, lang, ", ")
            return [template("unknown_entity", lang, name=name)]
        if kind == "need_context":
            return [template("need_context", lang)]
        if kind == "nothing":
            return [template("nothing", lang, topics=self._topics(lang))]
        if kind == "empty":
            return [template("empty", lang)]
        key = "wrong_unit" if decision.intent == "wrong_unit" else "no_fact"
        asked = (
            self._names(decision.concepts, lang)
            if decision.concepts
            else self.asked(decision.asked or decision.frame, lang)
        )
        lines = [template(key, lang, asked=asked)]
        nearest = nearest_fact()
        if nearest is not None:
            label = self.renderer.what(nearest, lang)
            if nearest.written:
                label += (": " if lang == "en" else ":") + self.renderer.figure(nearest, lang)
            lines.append(template("nearest", lang, label=label))
        elif not (decision.frame.has_topic or decision.concepts):
            lines = [template("nothing", lang, topics=self._topics(lang))]
        return lines

    def _refusal_suggestions(self, decision: Decision, lang: Language, nearest: Fact | None) -> list[str]:
        return [self.renderer.question_for(nearest, lang)] if nearest else self.example_questions(lang)

    def _figures(self, decision: Decision, lang: Language) -> Parts:
        facts, winner = decision.facts[:3], decision.winner
        if decision.kind == "compare":  # the winner is always shown, with at most three others
            best = decision.facts[winner]
            others = [f for i, f in enumerate(decision.facts) if i != winner][:3]
            facts, winner = ([best, *others], 0) if winner >= 4 else (decision.facts[:4], winner)
        bodies = [self._body(f, decision.intent, lang, decision.frame.basis) for f in facts]
        if facts[0].written and len({f.written for f in facts}) == 1:
            bodies = bodies[:1]
        headline = [b for b, _ in bodies]
        if decision.kind == "compare" and len(facts) >= 2:
            headline.append(self._comparison(facts, winner, lang))
        figures = [self.renderer.figure(f, lang) for f in facts if f.written]
        return Parts(headline, self.citations(facts), figures, [], self.related(facts[0], lang))

    def _comparison(self, facts: list[Fact], winner: int, lang: Language) -> str:
        best = facts[winner]
        others = [f for i, f in enumerate(facts) if i != winner]
        rest = (", " if lang == "en" else "、").join(
            f"{self.renderer.what(f, lang)}({self.renderer.figure(f, lang)})" for f in others
        )
        return self.renderer.template(
            "compare", lang, winner=self.renderer.what(best, lang), figure=self.renderer.figure(best, lang), others=rest
        )

    def _answers(self, decision: Decision) -> bool:
        bodies = (self._body(f, decision.intent, "en", decision.frame.basis) for f in decision.facts[:3])
        return all(ok for _, ok in bodies)

    def _body(self, fact: Fact, intent: str, lang: Language, basis: str | None = None) -> tuple[str, bool]:
        """Answer text for one fact and whether it answers the question asked."""
        fields = self.renderer.fields(fact, lang)
        template = self.renderer.template
        if fact.value is None:
            return template("statement", lang, **fields), True
        if intent == "when" and (fact.when or fact.period) and fact.unit != "年":
            return template("when", lang, **fields), True
        if fact.derivation is not None:
            return template("figure_derived", lang, **fields), True
        if intent == "change" and fact.change is None:
            return template("no_change", lang, **fields), False
        if intent == "change" and not answers_basis(basis, fact):  # 年增多少, and the article gives 季增 only
            return template("other_basis", lang, **fields), False
        return template("figure", lang, **fields), True

    def citations(self, facts: list[Fact]) -> list[Citation]:
        cited: list[Citation] = []
        for fact in facts:
            inputs = fact.derivation.inputs if fact.derivation else [fact.id]
            for fid in inputs:
                if fid not in self.pack.facts:
                    continue
                citation = self.renderer.citation(self.pack.facts[fid])
                if citation not in cited:
                    cited.append(citation)
        return cited

    def related(self, fact: Fact, lang: Language) -> list[str]:
        """A few other facts about the same subject and metric, as questions."""
        related = [
            f
            for f in self.matcher.facts_about(fact.subject)
            if f.id != fact.id
            and f.subject == fact.subject
            and (f.metric == fact.metric or set(f.segment) & set(fact.segment))
        ]
        return [self.renderer.question_for(f, lang) for f in related[:3]]

    def _nearest(self, frame: Frame) -> Fact | None:
        if not frame.has_topic:
            return None
        unspoken = any(not self.matcher.spoken_of(s) for s in frame.segments)  # another place's figure: none
        strangers = any(e not in self.told for e in frame.entities)  # 六福珠寶: no figure of the article's own company
        for drop in ("periods", "segments", "qualifiers", "entities"):
            if (unspoken and drop != "periods") or (strangers and drop == "entities"):
                break
            ranked = self.matcher.rank(frame.dropping(drop))
            if ranked:
                return ranked[0].fact
        return None

    # -- naming ---------------------------------------------------------------------------------

    def _names(self, concepts: list[str], lang: Language, joiner: str | None = None) -> str:
        joiner = joiner or (", " if lang == "en" else "、")
        return joiner.join(self.renderer.concept_name(c, lang) for c in concepts)

    def period_name(self, frame: Frame, lang: Language) -> list[str]:
        """The periods of a question in words: 2024年第1季度, Q1 2024."""
        return [n for n in (self.renderer.period_words(p, lang) for p in frame.periods) if n]

    def asked(self, frame: Frame, lang: Language) -> str:
        """What the question asked for, named in the reader's language: "GE醫療 2024年 營業收入"."""
        name = self.renderer.concept_name
        parts = [name(c, lang) for c in frame.entities] + self.period_name(frame, lang)
        parts += [name(c, lang) for c in frame.segments + frame.qualifiers + frame.metrics]
        return " ".join(parts) or ("this" if lang == "en" else "這個問題")

    def understood(self, frame: Frame, decision: Decision, lang: Language) -> str:
        """The interpretation as one line: "理解為:聯影醫療 · 營業收入 · 2024年"."""
        if decision.kind in ("meta", "refuse", "empty", "nothing", "need_context"):
            return ""
        name = self.renderer.concept_name
        entities = frame.entities or ([decision.facts[0].subject] if decision.facts else [])
        parts = [name(e, lang) for e in entities]
        parts += [name(c, lang) for c in frame.segments + frame.metrics + frame.qualifiers]
        parts += self.period_name(frame, lang)
        operation = self.pack.templates.get(f"operation_{frame.detail}")
        if operation is not None and frame.operation in ("compute", "compare", "change", "when", "statement"):
            parts.insert(0, pick(operation, lang))
        if not parts:
            return ""
        return self.renderer.template("understood", lang, parts=" · ".join(dict.fromkeys(parts)))

    def _topics(self, lang: Language) -> str:
        """What a pack is about, for "try asking about …": its main company and its most held metrics."""
        counts: dict[str, int] = {}
        for fact in self.pack.facts.values():
            if fact.value is not None and fact.derivation is None:
                counts[fact.metric] = counts.get(fact.metric, 0) + 1
        metrics = sorted(counts, key=lambda m: -counts[m])[:4]
        return self._names([*metrics, *([self.pack.default_subject] if self.pack.default_subject else [])], lang)

    # -- meta -----------------------------------------------------------------------------------

    def _meta(self, intent: str, lang: Language) -> Parts:
        source = next(iter(self.pack.sources.values()))
        fields = {
            "title": pick(source.title, lang),
            "outlet": source.outlet,
            "summary": pick(source.summary, lang),
            "subject": self.renderer.concept_name(self.pack.default_subject, lang),
            "examples": "\n".join(f"- {q}" for q in self.example_questions(lang)),
            "byline": source.byline or "",
        }
        text = self.renderer.template(intent, lang, **fields) or self.renderer.template("help", lang, **fields)
        citations = []
        if intent == "source_info":
            if source.byline:  # who wrote it, as the article prints it
                text = " ".join(t for t in (text, self.renderer.template("source_byline", lang, **fields)) if t)
            quote = source.byline or source.outlet
            citations = [Citation(source=source.id, title=source.title.zh_Hant, paragraph=0, quote=quote)]
        elif intent == "about":
            citations = self.citations(self._introduction())
        return Parts([text], citations, [], [], self.example_questions(lang))

    def _introduction(self) -> list[Fact]:
        """The sentence of the article that names the company it is about by its fullest name, the first of
        them (a fact's verified quote), cited when a reader asks which company the article covers."""
        main = self.pack.concepts.get(self.pack.default_subject or "")
        if main is None:
            return []
        names = [
            fold(n) for n in [*main.aliases, main.names.zh_Hant, main.names.zh_Hans or ""] if n and not n.isascii()
        ]

        def longest(fact: Fact) -> int:  # the sentence giving its full name (…股份有限公司(下称…)) first
            return max((len(n) for n in names if n in fold(fact.quote)), default=0)

        naming = [f for f in self.pack.facts.values() if f.derivation is None and longest(f)]
        return sorted(naming, key=lambda f: (-longest(f), f.paragraph))[:1]

    def example_questions(self, lang: Language, count: int = 4) -> list[str]:
        """Questions this pack can answer: its own examples in the reader's language, else questions
        made from its first facts."""
        if lang not in self._examples:
            curated = [q for q in self.pack.examples if detect_language(q, self.simplified) == lang]
            if not curated:
                facts = self.pack.facts.values()
                figures = [f for f in facts if f.value is not None and f.derivation is None]
                statements = [f for f in facts if f.value is None]
                curated = [self.renderer.question_for(f, lang) for f in figures[: count - 1] + statements[:1]]
            self._examples[lang] = curated
        return self._examples[lang][:count]
