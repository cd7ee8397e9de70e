"""The word lists a question reader needs besides its lexicons, built from a pack's language data."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.engine.lexicon import Lexicon
from assistant.lang.normalize import fold
from assistant.pack.model import Pack


@dataclass(frozen=True)
class Vocabulary:
    """The word lists a reader needs besides its lexicons (from the pack's language data)."""

    stopwords: frozenset[str]
    known: frozenset[str]
    metric_suffixes: tuple[str, ...] = ()
    currency_words: tuple[str, ...] = ()
    question_marks: tuple[str, ...] = ()
    part_words: tuple[str, ...] = ()  # 业务, division: an unread name before one is a part of a company
    part_generic: tuple[str, ...] = ()  # 各, 主要: words before a part word that name no part
    not_modifiers: tuple[str, ...] = ()  # 把, 开始: grammar and verbs, never a word narrowing a line
    names: tuple[str, ...] = ()  # the Latin names of the pack's companies, folded (typos of them are no strangers)
    company_suffixes: tuple[str, ...] = ()  # 食品, 集团: a name no alias covers before one is a company
    company_generic: tuple[str, ...] = ()  # 子, 这家: words before a company suffix that make it no name (子公司)
    spoken: tuple[tuple[str, str], ...] = ()  # 几多 -> 多少: a spoken form and the written one, of one length
    pointed_parts: tuple[str, ...] = ()  # 块: a part word only right after a pointer (刻蚀这块)
    line_generic: tuple[str, ...] = ()  # tools, services: words of a line's name that alone name no line
    line_names: tuple[tuple[str, str], ...] = ()  # each line's id and English name (folded)

    def as_written(self, folded: str) -> str:
        """The question with spoken forms (Cantonese 幾多, 邊間, 嘅) in their written ones; its length kept, so
        every position still points into the question as typed."""
        for spoken, written in self.spoken:
            folded = folded.replace(spoken, written)
        return folded


def vocabulary_of(pack: Pack, words: dict[str, list[str]], lexicons: tuple[Lexicon, ...]) -> Vocabulary:
    """The words the reader knows (every alias, cue and stop word) and the pack's word lists it reads by."""
    stopwords = frozenset(fold(w) for w in pack.stopwords)
    known = {w for lex in lexicons for alias in lex.entries for w in alias.split()}
    return Vocabulary(
        stopwords=stopwords,
        known=frozenset(known | stopwords | set(words.get("common_english", []))),  # Company-wide is no name
        metric_suffixes=tuple(words.get("metric_suffixes", [])),
        currency_words=tuple(words.get("currency_words", [])),
        question_marks=tuple(words.get("question_marks", [])),
        part_words=tuple(sorted((fold(w) for w in words.get("part_words", [])), key=len, reverse=True)),
        part_generic=tuple(fold(w) for w in words.get("part_generic", [])),
        not_modifiers=tuple(fold(w) for w in words.get("not_modifiers", [])),
        company_suffixes=tuple(fold(w) for w in words.get("company_suffixes", [])),
        company_generic=tuple(fold(w) for w in words.get("company_generic", [])),
        spoken=_spoken_pairs(words.get("spoken_forms", [])),
        line_names=tuple((cid, fold(c.names.en)) for cid, c in pack.concepts.items() if c.kind == "segment"),
        pointed_parts=tuple(fold(w) for w in words.get("pointed_part_words", [])),
        line_generic=tuple(fold(w) for w in [*words.get("generic_line_words", []), *words.get("part_words", [])]),
        names=tuple(
            fold(a)
            for c in pack.concepts.values()
            if c.kind == "entity"
            for a in [*c.aliases, c.names.en]
            if a.isascii() and " " in a
        ),
    )


def _spoken_pairs(entries: list[str]) -> tuple[tuple[str, str], ...]:
    """ "幾多=多少" entries as folded pairs, longest spoken form first; `assistant check` names the others."""
    kept = [pair for pair in map(spoken_pair, entries) if pair is not None]
    return tuple(sorted(kept, key=lambda p: len(p[0]), reverse=True))


def spoken_pair(entry: str) -> tuple[str, str] | None:
    """A "spoken=written" entry as a folded pair, or None when it is not two forms of one length: the
    written form replaces the spoken one in place, so every position in the question must hold."""
    parts = fold(entry).split("=")
    if len(parts) != 2 or not parts[0] or len(parts[0]) != len(parts[1]):
        return None
    return parts[0], parts[1]
