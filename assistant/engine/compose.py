"""Chosen facts -> Answer objects: the text in the reader's script, citations, derivations, options.

`AnswerComposer` is a base of `Assistant`: it turns decisions into answers and records in the
conversation context what was answered, so that follow-ups can refer to it.
"""

from __future__ import annotations

from assistant.engine.answer import Answer, Citation
from assistant.engine.lexicon import Lexicon
from assistant.engine.matcher import Matcher, Scored
from assistant.engine.render import Renderer, pick
from assistant.engine.session import Context
from assistant.engine.understand import Frame
from assistant.lang.normalize import Language, detect_language
from assistant.pack.model import Pack
from assistant.pack.schema import Fact


class AnswerComposer:
    """Builds every kind of Answer; needs the pack, its matcher and renderer."""

    pack: Pack
    matcher: Matcher
    renderer: Renderer
    lexicon: Lexicon
    simplified: frozenset[str]
    _examples: dict[str, list[str]]

    def _reply(self, question: str, status: str, intent: str, lang: Language, text: str, confidence: float,
               **extra: object) -> Answer:
        return Answer(question=question, status=status, text=text, language=lang, intent=intent,  # type: ignore[arg-type]
                      confidence=round(confidence, 3), **extra)  # type: ignore[arg-type]

    def _body(self, fact: Fact, intent: str, lang: Language) -> tuple[str, bool]:
        """Answer text for one fact and whether it answers the question asked."""
        fields = self.renderer.fields(fact, lang)
        if fact.value is None:
            return self.renderer.template("statement", lang, **fields), True
        if intent == "when" and (fact.when or fact.period) and fact.unit != "年":
            return self.renderer.template("when", lang, **fields), True
        if fact.derivation is not None:
            return self.renderer.template("figure_derived", lang, **fields), True
        if intent == "change" and fact.change is None:
            return self.renderer.template("no_change", lang, **fields), False
        return self.renderer.template("figure", lang, **fields), True

    def _citations(self, facts: list[Fact]) -> list[Citation]:
        cited: list[Citation] = []
        for fact in facts:
            inputs = fact.derivation.inputs if fact.derivation else [fact.id]
            for fid in inputs:
                citation = self.renderer.citation(self.pack.facts[fid])
                if citation not in cited:
                    cited.append(citation)
        return cited

    def _facts_answer(self, question: str, facts: list[Fact], intent: str, lang: Language, context: Context,
                      frame: Frame, confidence: float) -> Answer:
        bodies = [self._body(f, intent, lang) for f in facts[:3]]
        if facts[0].written and len({f.written for f in facts}) == 1:
            bodies = bodies[:1]
        citations = self._citations(facts[:3])
        lines = [b for b, _ in bodies] + [self.renderer.citation_text(c, lang) for c in citations]
        if any(f.draft for f in facts[:3]):
            lines.append(self.renderer.template("draft_note", lang))
        answered = all(ok for _, ok in bodies)
        context.frame, context.fact_ids, context.options = frame, [f.id for f in facts[:3]], []
        derivation = next((f.derivation for f in facts if f.derivation), None)
        return self._reply(question, "answered" if answered else "no_answer", intent if answered else "no_change",
                           lang, "\n".join(lines), confidence if answered else 0.6, facts=facts[:3],
                           citations=citations, derivation=derivation,
                           suggestions=self._related(facts[0], lang))

    def _no_figure(self, question: str, fact: Fact, lang: Language, context: Context, frame: Frame) -> Answer:
        """A figure was asked for, and the article only describes it in words or gives it in another
        unit: say so, and show and cite what it does say."""
        citations = self._citations([fact])
        lines = [self.renderer.template("no_figure", lang, what=self.renderer.what(fact, lang)),
                 self._body(fact, "lookup", lang)[0]]
        lines += [self.renderer.citation_text(c, lang) for c in citations]
        context.frame, context.fact_ids, context.options = frame, [fact.id], []
        return self._reply(question, "no_answer", "no_figure", lang, "\n".join(lines), 0.7, facts=[fact],
                           citations=citations, suggestions=self._related(fact, lang))

    def _related(self, fact: Fact, lang: Language) -> list[str]:
        """A few other facts about the same subject and metric, as questions."""
        related = [f for f in self.matcher.facts_about(fact.subject)
                   if f.id != fact.id and f.subject == fact.subject and (f.metric == fact.metric or
                                                                          set(f.segment) & set(fact.segment))]
        return [self.renderer.question_for(f, lang) for f in related[:3]]

    def _clarify(self, question: str, tied: list[Scored], lang: Language, context: Context, frame: Frame) -> Answer:
        options = [self.renderer.question_for(s.fact, lang) for s in tied]
        lines = [self.renderer.template("clarify", lang)] + [f"{i}. {o}" for i, o in enumerate(options, 1)]
        context.frame, context.fact_ids, context.options = frame, [s.fact.id for s in tied], options
        return self._reply(question, "clarify", "clarify", lang, "\n".join(lines), 0.4, facts=[s.fact for s in tied],
                           suggestions=options)

    def _asked(self, frame: Frame, lang: Language) -> str:
        """What the question asked for, named in the reader's language: "GE醫療 2024年 營業收入"."""
        name = self.renderer.concept_name
        periods = [f"{p.year}" + (f"Q{p.quarter}" if p.quarter else "") + (p.part or "") +
                   (f"-{p.month:02d}" if p.month else "") for p in frame.periods]
        if lang != "en":
            periods = [f"{p}年" if p.isdigit() else p for p in periods]
        parts = [name(c, lang) for c in frame.entities] + periods
        parts += [name(c, lang) for c in frame.segments + frame.qualifiers + frame.metrics]
        return " ".join(parts) or ("this" if lang == "en" else "這個問題")

    def _meta(self, question: str, intent: str, lang: Language) -> Answer:
        source = next(iter(self.pack.sources.values()))
        fields = {"title": pick(source.title, lang), "outlet": source.outlet, "summary": pick(source.summary, lang),
                  "examples": "\n".join(f"- {q}" for q in self.example_questions(lang))}
        text = self.renderer.template(intent, lang, **fields) or self.renderer.template("help", lang, **fields)
        citations = []
        if intent == "source_info":
            citations = [Citation(source=source.id, title=source.title.zh_Hant, paragraph=0, quote=source.outlet)]
        return self._reply(question, "answered", intent, lang, text, 0.9, citations=citations,
                           suggestions=self.example_questions(lang))

    def example_questions(self, lang: Language, count: int = 4) -> list[str]:
        """Questions this pack can answer, for help screens and suggestions: the pack's own examples
        in the reader's language, else questions made from its first facts."""
        if lang not in self._examples:
            curated = [q for q in self.pack.examples if detect_language(q, self.simplified) == lang]
            if not curated:
                facts = self.pack.facts.values()
                figures = [f for f in facts if f.value is not None and f.derivation is None]
                statements = [f for f in facts if f.value is None]
                curated = [self.renderer.question_for(f, lang) for f in figures[: count - 1] + statements[:1]]
            self._examples[lang] = curated
        return self._examples[lang][:count]
