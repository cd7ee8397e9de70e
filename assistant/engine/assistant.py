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

from assistant.engine.answer import Answer, Interpretation
from assistant.engine.compiled import COMPILING, Compiled, decode_path, encode_path
from assistant.engine.compose import Composer
from assistant.engine.compute import Calculator
from assistant.engine.decide import Decider
from assistant.engine.decision import Decision
from assistant.engine.described import Described
from assistant.engine.frame import Frame
from assistant.engine.glosses import Glosses
from assistant.engine.interpret import Interpreter, measures_by_unit
from assistant.engine.lexicon import Lexicon, Target
from assistant.engine.matcher import Matcher
from assistant.engine.operands import Labeller, Resolver, split
from assistant.engine.reading import Reader, Reading
from assistant.engine.render import Renderer
from assistant.engine.session import Context, after, edit, names_another, picked_option, stands_alone
from assistant.engine.several import merged
from assistant.engine.statements import Statements
from assistant.engine.templates import template_problems
from assistant.engine.vocabulary import vocabulary_of
from assistant.errors import AssistantError
from assistant.lang.normalize import (
    LANGUAGES,
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
from assistant.pack.schema import Fact

MAX_QUESTION_CHARS = 500
MAX_CHAT_TURNS = 200
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
        self.corpus = compiled.corpus if compiled else fold("\n".join(p for ps in pack.paragraphs.values() for p in ps))
        self.lexicon = _concept_lexicon(pack, self.corpus, compiled.readings if compiled else None)
        self.cue_lexicon = Lexicon.build(_cues(pack), fuzzy=False)
        words = {key: [fold(w) for w in values] for key, values in pack.words.items()}
        vocabulary = vocabulary_of(pack, words, (self.lexicon, self.cue_lexicon))
        self.reader = Reader(self.lexicon, self.cue_lexicon, self.grammar, vocabulary)
        self.interpreter = _interpreter(pack)
        self.described = Described(pack, self.matcher.aliases, lambda: (k.text for k in self.matcher.keys.values()))
        labeller = Labeller(pack, self.renderer.template, self.renderer.what, self.renderer.concept_name)
        self.resolver = Resolver(pack, self.matcher, labeller)
        calculator = Calculator(self.matcher, self.resolver, labeller, words.get("both_words", []))
        self.decider = Decider(pack, self.matcher, self.resolver, calculator, Statements(pack, self.matcher))
        self.simplified = compiled.simplified if compiled else simplified_only_characters()
        self.composer = Composer(pack, self.renderer, self.matcher, self.simplified)
        self.companies = frozenset(f.subject for f in pack.facts.values() if f.value is not None)
        # qualifier -> the measures of the facts carrying it: a follow-up's own qualifier tests the measure it inherits
        self.qualified = _measures_by_qualifier(self.matcher)
        self.glosses = Glosses(words.get("gloss_narrowing", []), self._frame_of)

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
        return Compiled.of(
            self.pack,
            self.matcher.keys,
            homophones.table if homophones else {},
            self.simplified,
            self.corpus,
            folds or {},
        )

    def chat(self) -> Chat:
        """A conversation: follow-up questions are edits of the last one."""
        return Chat(self)

    def ask(self, question: str, *, language: Language | None = None) -> Answer:
        """Answer one question on its own."""
        return self.answer(question, Context(), language=language)[0]

    def describe(self, fact: Fact, lang: Language) -> str:
        """A fact named for people in `lang`: subject and label ("聯影醫療2024年營業收入")."""
        return self.renderer.what(fact, lang)

    def label(self, fact: Fact, lang: Language) -> str:
        """A fact's label in `lang` without its subject ("2024年營業收入")."""
        return self.renderer.label(fact, lang)

    def concept_name(self, concept_id: str | None, lang: Language) -> str:
        """A concept of the pack by its name in `lang` (its id when the pack has no such concept)."""
        return self.renderer.concept_name(concept_id, lang)

    def question_for(self, fact: Fact, lang: Language) -> str:
        """The question in `lang` that this fact answers (what the facts browser and completions offer)."""
        return self.renderer.question_for(fact, lang)

    def example_questions(self, lang: Language, count: int = 4) -> list[str]:
        """Questions this pack can answer, in the reader's language."""
        return self.composer.example_questions(lang, count)

    # -- the pipeline -------------------------------------------------------------------------

    def answer(self, question: object, context: Context, *, language: Language | None = None) -> tuple[Answer, Context]:
        """Answer `question` in `context`; returns the answer and the context for the next turn."""
        if not isinstance(question, str):
            raise AssistantError(f"a question is text, not {type(question).__name__}")
        if language is not None and language not in LANGUAGES:
            raise AssistantError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        text, picked, chosen = picked_option(strip_control(question).strip(), context)
        lang = language or self._language(text, context, picked)
        notes: list[str] = []
        if len(text) > MAX_QUESTION_CHARS:
            text = text[:MAX_QUESTION_CHARS]
            notes.append(self.renderer.template("truncated", lang, limit=str(MAX_QUESTION_CHARS)))
        questions = self._questions(text)
        if len(questions) > 1:
            return self._several(questions, context, lang, notes)
        reading, decision = self._read(text, context, chosen)
        interpretation = self._interpretation(reading, decision)
        answer = self.composer.compose(text, decision, lang, interpretation, notes)
        return answer, self._next(context, decision, answer, lang)

    def _read(self, text: str, context: Context, chosen: str | None) -> tuple[Reading, Decision]:
        """The reading and decision of one question. One with a gloss in brackets is read without it, then
        with the gloss in place of the words it glosses: the first that answers is kept, else the first."""
        readings = self.glosses.readings(text) or [text]
        first: tuple[Reading, Decision] | None = None
        for written in readings:
            reading = self.reader.read(written, fold(written))
            decision = self._decide(written, reading, context, chosen)
            if decision.answered:
                return reading, decision
            first = first or (reading, decision)
        assert first is not None
        return first

    def _frame_of(self, text: str) -> Frame:
        """What a text names, read alone."""
        return self.interpreter.frame(self.reader.read(text, fold(text)))

    def _decide(self, text: str, reading: Reading, context: Context, chosen: str | None) -> Decision:
        """The decision for one question: its frame edited by the conversation, or the fact of an option
        picked by its number."""
        frame = self.interpreter.frame(reading)
        self.described.resolve(frame, reading)  # 越南子公司: the subsidiary the words describe
        if not text:
            return Decision("empty", frame, "empty", confidence=1.0)
        if stands_alone(frame, reading.tokens):
            context = Context(language=context.language)
        edited = edit(
            frame,
            context,
            default_period=self.pack.default_period,
            has_figures=self._has_figures,
            computed=frozenset(self.resolver.computed),
            qualified=self.qualified,
        )
        self.interpreter.name_ratio(edited.frame, context.frame.metrics if context.frame else ())
        if chosen in self.pack.facts:  # the option picked is that fact, even when its question is ambiguous
            fact = self.pack.facts[chosen]
            return Decision(
                "figures",
                replace(edited.frame, numbers=set()),
                "lookup" if fact.value is not None else "statement",
                facts=[fact],
                confidence=1.0,
            )
        return self.decider.decide(reading, edited, context)

    def _questions(self, text: str) -> list[str]:
        """The questions of a message that asks several ("研發花了多少?佔營收多少?"), else the message."""
        parts = [p.strip() for p in _SENTENCE.findall(text) if p.strip()]
        if len(parts) < 2:
            return [text]
        asking = [p for p in parts if _ASKED.search(p) or self.reader.read(p, fold(p)).cue_spans]
        return parts if len(asking) == len(parts) else [text]

    def _several(
        self, questions: list[str], context: Context, lang: Language, notes: list[str]
    ) -> tuple[Answer, Context]:
        """Each question answered in turn, each an edit of the one before, in one answer."""
        answers = []
        for question in questions:
            answer, context = self.answer(question, context, language=lang)
            answers.append(answer)
        return merged(questions, answers, notes), context

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

    def _named_companies(self, frame: Frame, facts: list[Fact]) -> list[str]:
        """Who "it" is after statements of a company topic: the companies they are about, or, when they are
        all the article's own company's, the rivals they name (a competitors sentence's tags)."""
        main = self.pack.default_subject
        asked = [e for e in frame.entities if e != main and any(e == f.subject or e in f.tags for f in facts)]
        if asked:
            return asked  # rival Jinchu's net profit, told by the competitors sentence naming it: Jinchu
        if any(e != main for e in frame.entities) or any(f.subject != main for f in facts):
            return [f.subject for f in facts]  # the one the sentence is about
        kinds = self.pack.concepts
        tagged = [
            t for f in facts for t in f.tags if t in kinds and kinds[t].kind == "entity" and t not in frame.entities
        ]
        return list(dict.fromkeys(tagged)) or [f.subject for f in facts]

    def _next(self, context: Context, decision: Decision, answer: Answer, lang: Language) -> Context:
        """The context after this turn: what it answered or offered; a refusal keeps the last one. A
        statement naming another company as what was asked (who leads the market) makes "it" that one."""
        if decision.kind in ("figures", "compare", "no_figure", "no_target", "no_reason", "clarify", "entity_only"):
            frame: Frame = decision.frame
            figures = tuple(f for f in decision.facts[:3] if f.value is not None)
            answered = bool(figures) and decision.kind in ("figures", "compare")
            recent = (*context.recent, figures) if answered else context.recent
            offered = [f.id for f in decision.facts] if decision.kind in ("clarify", "entity_only") else []
            topics = self.pack.words.get("company_topics", [])
            told = decision.kind in ("figures", "compare")  # a choice offered names no company yet
            another = told and names_another(frame, decision.facts, topics)
            return after(
                frame,
                self._named_companies(frame, decision.facts) if another else [f.subject for f in decision.facts],
                [f.id for f in decision.facts[:3]],
                options=answer.options,
                option_facts=offered,
                language=lang,
                recent=recent,
                names_another=another,
                asked_company=bool(set(frame.metrics) & set(topics)) and not told,
            )
        if (decision.kind == "unknown_entity" and decision.frame.unknown_names) or (
            decision.kind == "gap" and decision.frame.entities
        ):
            # a company the pack knows nothing of, or nothing about: what "it" means next, never the
            # company asked about before (恒晟微电子的营收? then 毛利率呢? is still 恒晟微电子's)
            subject = decision.frame.entities[0] if len(decision.frame.entities) == 1 else None
            return Context(frame=decision.frame, language=lang, subject=subject)
        if decision.kind == "nothing" and sum(c.isalpha() for c in answer.question) >= 4:
            # a question read as nothing (公司另一款小型射频仪后来怎么样了?): "it" next is what it asked about, unknown
            return replace(context, options=(), language=lang, subject=None, unsettled=True)
        return replace(context, options=context.options if decision.kind == "empty" else (), language=lang)


def _concept_lexicon(pack: Pack, corpus: str, readings: dict[str, tuple[str, ...]] | None) -> Lexicon:
    """Every alias and name of every concept, in all scripts, matched fuzzily against the article's words
    (`corpus`, folded); `readings`: the aliases' pinyin from the cache, else computed now."""
    aliases: list[tuple[str, Target]] = []
    for cid, concept in pack.concepts.items():
        target = Target(concept.kind, cid)
        names = [concept.names.zh_Hant, concept.names.en, concept.names.zh_Hans or ""]
        aliases.extend((alias, target) for alias in [*concept.aliases, *names] if alias)
    plain = frozenset(fold(w) for w in [*pack.stopwords, *pack.words.get("common_english", [])] if w.isascii())
    return Lexicon.build(aliases, plain_words=plain, corpus=corpus, readings=readings)


def _measures_by_qualifier(matcher: Matcher) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for keys in matcher.keys.values():
        for qualifier in keys.qualifiers:
            found.setdefault(qualifier, set()).update(keys.metrics)
    return {qualifier: frozenset(metrics) for qualifier, metrics in found.items()}


def _cues(pack: Pack) -> list[tuple[str, Target]]:
    """The intents' cue words, each standing for its intent."""
    return [(cue, Target("cue", iid)) for iid, intent in pack.intents.items() for cue in intent.cues]


def _interpreter(pack: Pack) -> Interpreter:
    """The interpreter of the pack's intents, with the units and computed measures its concepts name."""
    units = pack.unit_words()
    computed = {cid: c.computed.operation for cid, c in pack.concepts.items() if c.computed is not None}
    counted = measures_by_unit(pack.facts.values())
    ratios = pack.ratios_over("revenue")  # staff_costs -> staff_cost_ratio
    return Interpreter.build(pack.intents, pack.words, pack.precision, units, computed, fold, counted, ratios)


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
