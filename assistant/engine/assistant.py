"""Assistant: load a pack, answer questions, hold conversations. Every front end uses this API."""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from assistant.engine.answer import Answer
from assistant.engine.compose import AnswerComposer
from assistant.engine.lexicon import Lexicon, Target
from assistant.engine.matcher import Matcher, Scored
from assistant.engine.render import Renderer
from assistant.engine.session import Context, attempts, inherit
from assistant.engine.understand import Frame, understand
from assistant.lang.normalize import (
    Language,
    detect_language,
    fold,
    simplified_only_characters,
    strip_control,
    to_simplified,
)
from assistant.lang.periods import Period, PeriodGrammar
from assistant.pack.cache import cached
from assistant.pack.model import Pack
from assistant.pack.paths import pack_root
from assistant.pack.schema import Fact

MAX_QUESTION_CHARS = 500
_CONJUNCTION = re.compile(
    r"和|与|及|以及|、|还有|还是|或|分别|各是|各为|\?|;|,"
    r"|(?<![a-z])(and|or|plus|respectively|as well as|versus|vs)(?![a-z])| & "
)
CLARIFY_MARGIN = 0.25
class Assistant(AnswerComposer):
    """The answer engine over one fact pack. Thread-safe: `ask` keeps no state; `chat()` does."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.grammar = PeriodGrammar(pack.periods, pack.current_year)
        self.matcher = Matcher(pack, self.grammar)
        self.renderer = Renderer(pack)
        aliases: list[tuple[str, Target]] = []
        for cid, concept in pack.concepts.items():
            target = Target(concept.kind, cid)
            names = [concept.names.zh_Hant, concept.names.en, concept.names.zh_Hans or ""]
            aliases.extend((alias, target) for alias in [*concept.aliases, *names] if alias)
        plain = frozenset(fold(w) for w in pack.stopwords if w.isascii())
        self.lexicon = Lexicon.build(aliases, plain_words=plain)
        cues = [(cue, Target("cue", iid)) for iid, intent in pack.intents.items() for cue in intent.cues]
        self.cue_lexicon = Lexicon.build(cues, fuzzy=False)
        self.stopwords = {fold(w) for w in pack.stopwords}
        lexicons = (self.lexicon, self.cue_lexicon)
        self.known_words = {w for lex in lexicons for alias in lex.entries for w in alias.split()}
        self.known_words |= self.stopwords
        self.simplified = simplified_only_characters()
        self._examples: dict[str, list[str]] = {}
        self.numeric_metrics = {f.metric for f in pack.facts.values() if f.value is not None}
        self.examples = [(fold(e), iid) for iid, i in pack.intents.items() if i.kind != "figure" for e in i.examples]

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Assistant:
        """The bundled fact base, or the pack at `path` (a directory with facts/ and maybe intents/).

        The compiled pack is cached on disk by content hash (see assistant.pack.cache).
        """
        root = pack_root(Path(path) if path is not None else None)

        def build() -> Assistant:
            from assistant.pack.loader import load_pack  # YAML and validation only when the cache cannot serve

            return cls(load_pack(root))

        assistant = cached(root, build) if use_cache else build()
        to_simplified("聯")  # the OpenCC converter and the Answer model are built now, not in the first answer
        assistant.ask("")
        return assistant

    def chat(self) -> Chat:
        """A conversation: follow-up questions take missing slots from earlier turns."""
        return Chat(self)

    def ask(self, question: str, *, language: Language | None = None) -> Answer:
        """Answer one question on its own."""
        return self.answer(question, Context(), language=language)

    # -- the pipeline -------------------------------------------------------------------------

    def answer(self, question: object, context: Context, *, language: Language | None = None) -> Answer:
        """Answer `question` in `context`, updating the context for the next turn."""
        text = strip_control(question if isinstance(question, str) else str(question or "")).strip()
        notes: list[str] = []
        if context.options and re.fullmatch(r"[0-9]{1,2}", text) and 0 < int(text) <= len(context.options):
            text = context.options[int(text) - 1]  # an option chosen by its number, in the options' language
        lang = language or detect_language(text, self.simplified)
        if language is None and context.language and lang != "en" and context.language != "en" and (
                to_simplified(text) == text and not any(c in self.simplified for c in text)):
            lang = context.language  # "北美呢?" is written the same in both scripts: keep the conversation's
        if len(text) > MAX_QUESTION_CHARS:
            text = text[:MAX_QUESTION_CHARS]
            notes.append(self.renderer.template("truncated", lang, limit=str(MAX_QUESTION_CHARS)))
        if not text:
            return self._reply(text, "no_answer", "empty", lang, self.renderer.template("empty", lang), 1.0,
                               suggestions=self.example_questions(lang), notes=notes)
        folded = fold(text)
        frame = understand(text, folded, self.lexicon, self.cue_lexicon, self.stopwords, self.known_words,
                           self.grammar)
        answer = self._decide(text, frame, context, lang)
        context.language = lang
        answer.notes = notes + answer.notes
        if answer.notes:
            answer.text = "\n".join([answer.text, *answer.notes])
        return answer

    def _intent(self, frame: Frame, folded: str) -> str:
        """The strongest signalled intent: cue words first, then whole-phrase examples."""
        cued = sorted((c for c in frame.cues if not self.pack.intents[c].unit),
                      key=lambda i: -self.pack.intents[i].priority)
        if not cued and frame.cues:
            return "lookup"
        if cued:
            return cued[0]
        if self.examples and len(folded) <= 60:
            best = process.extractOne(folded, [e for e, _ in self.examples], scorer=fuzz.ratio, score_cutoff=80)
            if best:
                return self.examples[best[2]][1]
        return "lookup"

    def _decide(self, text: str, frame: Frame, context: Context, lang: Language) -> Answer:
        intent = self._intent(frame, frame.folded)
        kind = self.pack.intents[intent].kind if intent in self.pack.intents else "figure"
        if kind == "refuse":
            return self._reply(text, "no_answer", intent, lang, self.renderer.template(f"refuse_{intent}", lang), 0.9,
                               suggestions=self.example_questions(lang))
        others = [e for e in frame.entities if e != self.pack.default_subject]
        if kind == "meta" and not frame.metrics and not frame.segments and not others:
            return self._meta(text, intent, lang)
        if frame.unreadable:
            return self._reply(text, "no_answer", "not_understood", lang,
                               self.renderer.template("unreadable_period", lang, piece=frame.unreadable[0]), 0.9)
        if frame.unknown_names and not frame.entities:
            name = frame.unknown_names[0]
            return self._reply(text, "no_answer", "unknown_entity", lang,
                               self.renderer.template("unknown_entity", lang, name=name), 0.8)
        unheld = self.matcher.unheld(frame)
        notes: list[str] = []
        if unheld:
            joiner = ", " if lang == "en" else "、"
            asked = joiner.join(self.renderer.concept_name(m, lang) for m in unheld)
            if len(unheld) == len(frame.metrics) or frame.focus in unheld or not self._joined(frame, "metric"):
                return self._no_fact(text, frame, lang, asked, "unheld_metric")
            frame.metrics = [m for m in frame.metrics if m not in unheld]
            notes.append(self.renderer.template("no_fact", lang, asked=asked))
        if "prior_year" in frame.cues:
            self._shift_to_prior_year(frame, context)
        if "refer_others" in frame.cues and not frame.entities and context.fact_ids:
            frame.entities = self._others_in(context.fact_ids)
        if not (frame.has_topic or frame.entities or frame.periods or frame.cues):
            return self._no_fact(text, frame, lang, self._asked(frame, lang), "no_fact")  # nothing asked
        if (context.frame is not None and context.fact_ids and frame.cues and not frame.has_topic
                and not frame.entities and not frame.periods and not frame.numbers):
            facts = [self.pack.facts[f] for f in context.fact_ids if f in self.pack.facts]
            if facts:
                return self._facts_answer(text, facts, intent, lang, context, context.frame, 0.7)
        answer = self._lookup(text, frame, context, lang, intent)
        answer.notes.extend(notes)
        return answer

    def _shift_to_prior_year(self, frame: Frame, context: Context) -> None:
        """"前一年" / "a year earlier": the year before the one last answered (or the pack's own year);
        a question that names its year ("前一年(2023)") keeps it."""
        frame.cues["derive"] = frame.cues.get("derive", 0) + 1
        if frame.periods:
            return
        base = context.frame.periods if context.frame else []
        default = self.pack.default_period or ""
        year = base[0].year if base and base[0].year is not None else int(default) if default.isdigit() else None
        if year is not None:
            last = base[0] if base else None
            frame.periods = [Period(year - 1, last.quarter, last.month, last.part) if last else Period(year - 1)]

    def _others_in(self, fact_ids: list[str]) -> list[str]:
        """Entities of the last answer other than its subjects: what "they" and "them" refer to."""
        keys = [self.matcher.keys[f] for f in fact_ids if f in self.matcher.keys]
        subjects = {k.fact.subject for k in keys}
        return sorted({e for k in keys for e in k.entities} - subjects)

    def _lookup(self, text: str, frame: Frame, context: Context, lang: Language, intent: str) -> Answer:
        """Answer from the facts that fit the frame: answered, clarify, or not in the fact base."""
        ranked, used = self._resolve(frame, context)
        if not ranked and (separately := self._per_segment(used, ranked)):
            return self._facts_answer(text, separately, intent, lang, context, used, 0.7)
        if not ranked:
            guess = self._lexical_guess(frame)
            if guess is not None:
                return self._facts_answer(text, [guess], intent, lang, context, frame, 0.45)
            if frame.entities and not frame.has_topic:
                return self._entity_only(text, frame, lang)
            return self._no_fact(text, used, lang, self._asked(used, lang), "no_fact")
        top = ranked[0]
        strangers = self._uncovered_entities(frame, top.fact)
        if strangers:
            names = ", ".join(self.renderer.concept_name(e, lang) for e in strangers)
            return self._reply(text, "no_answer", "unknown_entity", lang,
                               self.renderer.template("unknown_entity", lang, name=names), 0.7)
        missing = self._missing_metrics(used, top.fact)
        if missing:
            asked = self._asked(replace(used, metrics=missing, segments=[], qualifiers=[]), lang)
            return self._no_fact(text, used, lang, asked, "no_fact")
        tied = [s for s in ranked if top.score - s.score < CLARIFY_MARGIN]
        multi = self._per_metric(used, ranked) or self._per_segment(used, ranked)
        if multi:
            return self._facts_answer(text, multi, intent, lang, context, used, 0.8)
        distinct = {(s.fact.written, s.fact.statement) for s in tied}
        same_topic = len({s.fact.metric for s in tied}) == 1 and all(s.fact.value is None for s in tied)
        if len(distinct) > 1 and not same_topic:
            return self._clarify(text, tied[:4], lang, context, used)
        if self._wrong_unit(frame, top.fact):
            return self._no_figure(text, top.fact, lang, context, used)
        quantity_asked = (("lookup" in frame.cues or any(self.pack.intents[c].unit for c in frame.cues))
                          and not {"identify", "when"} & set(frame.cues))
        if top.fact.figure_not_given or (top.fact.value is None and quantity_asked):
            return self._no_figure(text, top.fact, lang, context, used)
        runner_up = ranked[len(tied)].score if len(ranked) > len(tied) else top.score - 1.0
        confidence = min(1.0, 0.5 + 0.05 * top.score + 0.2 * min(1.0, top.score - runner_up))
        return self._facts_answer(text, [s.fact for s in tied], intent, lang, context, used, confidence)

    def _wrong_unit(self, frame: Frame, fact: Fact) -> bool:
        """The question asks for an amount in one unit ("how much in yuan") and the article gives this
        figure only in another (a 6% share): the amount itself is not in the fact base."""
        units = {self.pack.intents[c].unit for c in frame.cues if self.pack.intents[c].unit}
        if not units or fact.value is None:
            return False
        return fact.unit not in units and not (fact.change and fact.change.unit in units)

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
        subjects = set(frame.entities) or {self.pack.default_subject}
        missing = []
        for metric in frame.metrics:
            if self.matcher.covers(fact, metric):
                continue
            dated = [f for s in subjects for f in self.matcher.facts_about(s)
                     if f.period and f.subject == s and self.matcher.covers(f, metric)]
            if dated and not self.matcher.rank(replace(frame, metrics=[metric])):
                missing.append(metric)
        return missing

    def _lexical_guess(self, frame: Frame) -> Fact | None:
        """With no concept to go on, a statement sharing many of the question's words, clearly ahead."""
        if frame.metrics or frame.unknown_names:
            return None
        best = self.matcher.lexical(frame)
        if not best or best[0].score < 3 or best[0].fact.value is not None:
            return None
        if len(best) > 1 and best[1].score > best[0].score - 2:
            return None
        return best[0].fact

    def _resolve(self, frame: Frame, context: Context) -> tuple[list[Scored], Frame]:
        """Rank facts, filling silent slots from the conversation, most context first."""
        if context.frame is None:
            return self.matcher.rank(frame), frame
        first = None
        for keep in attempts(frame):
            tried = inherit(frame, context.frame, keep=keep)
            first = first or tried
            ranked = self.matcher.rank(tried, previous=context.fact_ids, previous_metrics=context.frame.metrics)
            if ranked:
                return ranked, tried
        return [], first or frame  # "2024年呢?" is refused as 聯影智能 2024年 凈虧損, not as a bare year

    def _per_metric(self, frame: Frame, ranked: list[Scored]) -> list[Fact]:
        """For a question naming several metrics ("revenue and net profit"), the best fact for each."""
        if len(frame.metrics) < 2 or "metrics" in frame.inherited or not self._joined(frame, "metric"):
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
        if len(frame.segments) < 2 or "total" in frame.qualifiers or not self._joined(frame, "segment"):
            return []
        chosen: list[Fact] = []
        for segment in frame.segments:
            alone = self.matcher.rank(replace(frame, segments=[segment]))
            best = next((s.fact for s in alone if s.fact.segment == [segment]), None)
            if best is None:
                return []
            chosen.append(best)
        return chosen

    @staticmethod
    def _joined(frame: Frame, kind: str) -> bool:
        """Whether a conjunction stands between two mentions of this kind ("營收和凈利潤" for metrics)."""
        spans = sorted((h.start, h.end) for h in frame.hits if h.target.kind == kind)
        gaps = (frame.folded[a_end:b_start] for (_, a_end), (b_start, _) in itertools.pairwise(spans))
        return any(_CONJUNCTION.search(gap) for gap in gaps)

    def _entity_only(self, question: str, frame: Frame, lang: Language) -> Answer:
        subject = frame.entities[-1]
        keys = self.matcher.keys
        worded = [s for s in self.matcher.lexical(frame, limit=5) if subject in keys[s.fact.id].entities]
        if worded and worded[0].score >= 2 and (len(worded) == 1 or worded[0].score >= worded[1].score + 1):
            return self._facts_answer(question, [worded[0].fact], "lookup", lang, Context(), frame, 0.45)
        involved = [f for f in self.matcher.facts_about(subject) if f.derivation is None]
        facts = [f for f in involved if f.subject == subject][:5] or involved[:5]
        if not facts:
            return self._no_fact(question, frame, lang, self._asked(frame, lang), "no_fact")
        if len(facts) == 1:
            return self._facts_answer(question, facts, "lookup", lang, Context(), frame, 0.6)
        options = [self.renderer.question_for(f, lang) for f in facts]
        text = self.renderer.template("entity_only", lang, subject=self.renderer.concept_name(subject, lang))
        lines = [text] + [f"{i}. {o}" for i, o in enumerate(options, 1)]
        return self._reply(question, "clarify", "clarify", lang, "\n".join(lines), 0.3, facts=facts,
                           suggestions=options)

    def _nearest(self, frame: Frame) -> Fact | None:
        for drop in ("periods", "segments", "qualifiers", "entities"):
            relaxed = replace(frame, **{drop: []})
            ranked = self.matcher.rank(relaxed)
            if ranked:
                return ranked[0].fact
        return None

    def _no_fact(self, question: str, frame: Frame, lang: Language, asked: str, intent: str) -> Answer:
        text = self.renderer.template("no_fact", lang, asked=asked)
        suggestions: list[str] = []
        nearest = self._nearest(frame) if frame.has_topic else None
        if nearest is not None:
            label = self.renderer.what(nearest, lang)
            if nearest.written:
                label += (": " if lang == "en" else ":") + self.renderer.figure(nearest, lang)
            text += "\n" + self.renderer.template("nearest", lang, label=label)
            suggestions.append(self.renderer.question_for(nearest, lang))
        elif not frame.has_topic:
            text = self.renderer.template("nothing", lang)
        return self._reply(question, "no_answer", intent, lang, text, 0.7,
                           suggestions=suggestions or self.example_questions(lang))

class Chat:
    """One conversation with an Assistant; not shared between threads."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.context = Context()
        self.turns: list[Answer] = []

    def ask(self, question: str, *, language: Language | None = None) -> Answer:
        answer = self.assistant.answer(question, self.context, language=language)
        self.turns.append(answer)
        return answer

    def reset(self) -> None:
        """Start a new conversation."""
        self.context = Context()
        self.turns.clear()
