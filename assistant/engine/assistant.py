"""Assistant: load a pack, answer questions, hold conversations. Every front end uses this API.

One pipeline of typed values: fold -> Reading (every token) -> Frame (operation and slots) -> edit by
the conversation -> Decision -> Answer. Deciding never changes the conversation; `Chat` keeps the
context each answer returns.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import msgspec

from assistant.engine.answer import Answer, Interpretation
from assistant.engine.compiled import COMPILING, Compiled, decode_path, encode_path
from assistant.engine.compose import Composer
from assistant.engine.compute import Calculator
from assistant.engine.decide import Decider, Decision
from assistant.engine.frame import Frame
from assistant.engine.interpret import Interpreter
from assistant.engine.lexicon import Lexicon, Target
from assistant.engine.matcher import Matcher
from assistant.engine.operands import Labeller, Resolver, split
from assistant.engine.reading import Reader, Reading, Vocabulary
from assistant.engine.render import Renderer
from assistant.engine.session import Context, after, edit
from assistant.engine.statements import Statements
from assistant.engine.templates import template_problems
from assistant.errors import AssistantError
from assistant.lang.normalize import (
    Language,
    detect_language,
    fold,
    learn_folds,
    recording_folds,
    simplified_only_characters,
    strip_control,
    to_simplified,
)
from assistant.lang.periods import PeriodGrammar
from assistant.pack.cache import ENV_OFF, PackCache
from assistant.pack.model import Pack
from assistant.pack.paths import pack_root

MAX_QUESTION_CHARS = 500
MAX_CHAT_TURNS = 200
LANGUAGES: tuple[Language, ...] = ("zh-Hant", "zh-Hans", "en")
_OPTION = re.compile(r"[0-9]{1,2}")
_SENTENCE = re.compile(r"[^。!?;!?;]+[。!?;!?;]*")
_ASKED = re.compile(r"[??]\s*$")


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Assistant:
    """The answer engine over one fact pack. Thread-safe: `ask` keeps no state; `chat()` does."""

    def __init__(self, pack: Pack, compiled: Compiled | None = None) -> None:
        """`compiled`: the tables of this pack from the cache (see engine.compiled), else derived now."""
        self.pack = pack
        self.grammar = PeriodGrammar(pack.periods, pack.current_year)
        self.matcher = Matcher(pack, self.grammar, compiled.fact_keys() if compiled else None)
        self.renderer = Renderer(pack)
        aliases: list[tuple[str, Target]] = []
        for cid, concept in pack.concepts.items():
            target = Target(concept.kind, cid)
            names = [concept.names.zh_Hant, concept.names.en, concept.names.zh_Hans or ""]
            aliases.extend((alias, target) for alias in [*concept.aliases, *names] if alias)
        plain = frozenset(fold(w) for w in pack.stopwords if w.isascii())
        self.corpus = compiled.corpus if compiled else fold("\n".join(p for ps in pack.paragraphs.values() for p in ps))
        self.lexicon = Lexicon.build(aliases, plain_words=plain, corpus=self.corpus,
                                     readings=compiled.readings if compiled else None)
        cues = [(cue, Target("cue", iid)) for iid, intent in pack.intents.items() for cue in intent.cues]
        self.cue_lexicon = Lexicon.build(cues, fuzzy=False)
        stopwords = frozenset(fold(w) for w in pack.stopwords)
        known = {w for lex in (self.lexicon, self.cue_lexicon) for alias in lex.entries for w in alias.split()}
        words = {key: [fold(w) for w in values] for key, values in pack.words.items()}
        vocabulary = Vocabulary(stopwords=stopwords, known=frozenset(known | stopwords),
                                metric_suffixes=tuple(words.get("metric_suffixes", [])),
                                currency_words=tuple(words.get("currency_words", [])),
                                question_marks=tuple(words.get("question_marks", [])))
        self.reader = Reader(self.lexicon, self.cue_lexicon, self.grammar, vocabulary)
        units = {cid: c.names.en for cid, c in pack.concepts.items() if c.kind == "unit"}
        computed = {cid: c.computed.operation for cid, c in pack.concepts.items() if c.computed is not None}
        self.interpreter = Interpreter.build(pack.intents, pack.words, pack.precision, units, computed, fold)
        labeller = Labeller(pack, self.renderer.template, self.renderer.what, self.renderer.concept_name)
        self.resolver = Resolver(pack, self.matcher, labeller)
        calculator = Calculator(self.matcher, self.resolver, labeller)
        self.decider = Decider(pack, self.matcher, self.resolver, calculator, Statements(pack, self.matcher))
        self.simplified = compiled.simplified if compiled else simplified_only_characters()
        self.composer = Composer(pack, self.renderer, self.matcher, self.simplified)
        self.companies = frozenset(f.subject for f in pack.facts.values() if f.value is not None)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Assistant:
        """The bundled fact base, or the pack at `path` (a directory with facts/ and maybe intents/).

        The compiled pack is cached on disk by content hash (see assistant.pack.cache).
        """
        root = pack_root(path)
        store = None
        if use_cache and not os.environ.get(ENV_OFF):
            store = PackCache(root, Compiled, COMPILING, enc_hook=encode_path, dec_hook=decode_path)
        compiled = store.load() if store is not None else None
        if compiled is not None:
            learn_folds(compiled.folds)
            with _collector_paused():  # hundreds of thousands of records, none of them garbage
                assistant = cls(compiled.unpack(root), compiled)
        else:
            from assistant.pack.loader import load_pack  # YAML and validation only when the cache cannot serve

            pack = load_pack(root, templates=template_problems)
            with recording_folds() as folds:
                assistant = cls(pack)
            if store is not None:
                store.save(assistant.compiled(folds))
        to_simplified("聯")  # the OpenCC converter is built now, not in the first answer
        assistant.ask("")
        return assistant

    def compiled(self, folds: dict[str, str] | None = None) -> Compiled:
        """This assistant's pack and derived tables, as the data the cache stores."""
        homophones = self.lexicon.homophones
        return Compiled.of(self.pack, self.matcher.keys, homophones.table if homophones else {}, self.simplified,
                           self.corpus, folds or {})

    def chat(self) -> Chat:
        """A conversation: follow-up questions are edits of the last one."""
        return Chat(self)

    def ask(self, question: str, *, language: Language | None = None) -> Answer:
        """Answer one question on its own."""
        return self.answer(question, Context(), language=language)[0]

    def example_questions(self, lang: Language, count: int = 4) -> list[str]:
        """Questions this pack can answer, in the reader's language."""
        return self.composer.example_questions(lang, count)

    # -- the pipeline -------------------------------------------------------------------------

    def answer(self, question: object, context: Context, *, language: Language | None = None
               ) -> tuple[Answer, Context]:
        """Answer `question` in `context`; returns the answer and the context for the next turn."""
        if not isinstance(question, str):
            raise AssistantError(f"a question is text, not {type(question).__name__}")
        if language is not None and language not in LANGUAGES:
            raise AssistantError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        text = strip_control(question).strip()
        picked = bool(context.options and _OPTION.fullmatch(text) and 0 < int(text) <= len(context.options))
        if picked:
            text = context.options[int(text) - 1]  # an option chosen by its number
        lang = language or self._language(text, context, picked)
        notes: list[str] = []
        if len(text) > MAX_QUESTION_CHARS:
            text = text[:MAX_QUESTION_CHARS]
            notes.append(self.renderer.template("truncated", lang, limit=str(MAX_QUESTION_CHARS)))
        questions = self._questions(text)
        if len(questions) > 1:
            return self._several(questions, context, lang, notes)
        folded = fold(text)
        reading = self.reader.read(text, folded)
        frame = self.interpreter.frame(reading)
        if not text:
            decision = Decision("empty", frame, "empty", confidence=1.0)
        else:
            edited = edit(frame, context, default_period=self.pack.default_period, has_figures=self._has_figures,
                          computed=frozenset(self.resolver.computed))
            decision = self.decider.decide(reading, edited, context)
        interpretation = self._interpretation(reading, decision)
        answer = self.composer.compose(text, decision, lang, interpretation, notes)
        return answer, self._next(context, decision, answer, lang)

    def _questions(self, text: str) -> list[str]:
        """The questions of a message that asks several ("研發花了多少?佔營收多少?"), else the message."""
        parts = [p.strip() for p in _SENTENCE.findall(text) if p.strip()]
        if len(parts) < 2:
            return [text]
        asking = [p for p in parts if _ASKED.search(p) or self.reader.read(p, fold(p)).cue_spans]
        return parts if len(asking) == len(parts) else [text]

    def _several(self, questions: list[str], context: Context, lang: Language, notes: list[str]
                 ) -> tuple[Answer, Context]:
        """Each question answered in turn, each an edit of the one before, in one answer."""
        answers = []
        for question in questions:
            answer, context = self.answer(question, context, language=lang)
            answers.append(answer)
        first = answers[0]
        answered = [a for a in answers if a.status == "answered"]
        status = "answered" if answered else first.status
        citations = list({(c.source, c.paragraph, c.quote): c for a in answers for c in a.citations}.values())
        merged = msgspec.structs.replace(first, question=" ".join(questions), status=status,
                         text="\n".join([*(a.text for a in answers), *notes]),
                         headline="\n".join(a.headline for a in answers), understood=" / ".join(
                             a.understood for a in answers if a.understood),
                         figures=[f for a in answers for f in a.figures], facts=[f for a in answers for f in a.facts],
                         citations=citations, notes=[*notes, *(n for a in answers for n in a.notes)],
                         confidence=min(a.confidence for a in answers))
        return merged, context

    def _has_figures(self, entity: str) -> bool:
        """Whether the pack gives figures about `entity` (a company), not only mentions it."""
        return entity in self.companies

    def _language(self, text: str, context: Context, picked: bool) -> Language:
        lang = detect_language(text, self.simplified)
        either_script = to_simplified(text) == text and not any(c in self.simplified for c in text)
        if context.language and (picked or (lang != "en" and context.language != "en" and either_script)):
            return context.language  # "北美呢?" is written the same in both scripts: keep the conversation's
        return lang

    def _interpretation(self, reading: Reading, decision: Decision) -> Interpretation:
        frame = decision.frame
        operands = split(frame, set(self.resolver.computed)) if frame.operation in ("compute", "compare") else [frame]
        return Interpretation(
            operation=frame.operation,  # type: ignore[arg-type]
            detail=frame.detail,
            operands=[o.selector() for o in operands],
            unit=frame.unit,
            decimals=frame.decimals,
            tokens=reading.tokens,
            not_understood=[piece for piece, _ in reading.unread],
            inherited=sorted(frame.inherited),
        )

    @staticmethod
    def _next(context: Context, decision: Decision, answer: Answer, lang: Language) -> Context:
        """The context after this turn: what it answered or offered; a refusal keeps the last one."""
        if decision.kind in ("figures", "compare", "no_figure", "no_reason", "clarify", "entity_only"):
            frame: Frame = decision.frame
            return after(frame, [f.subject for f in decision.facts], [f.id for f in decision.facts[:3]],
                         options=answer.options, language=lang)
        return replace(context, options=context.options if decision.kind == "empty" else (), language=lang)


class Chat:
    """One conversation with an Assistant; not shared between threads. Keeps the last turns only."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.context = Context()
        self.turns: list[Answer] = []

    def ask(self, question: str, *, language: Language | None = None) -> Answer:
        answer, self.context = self.assistant.answer(question, self.context, language=language)
        self.turns.append(answer)
        del self.turns[:-MAX_CHAT_TURNS]
        return answer

    def reset(self) -> None:
        """Start a new conversation."""
        self.context = Context()
        self.turns.clear()
