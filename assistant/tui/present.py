"""What the chat shows beside answers: the cited paragraphs for the source pane, a fact's source, what the
pack is about, and completions for the input. (Answers themselves are laid out by assistant.history.layout.)

Pure functions over the public `Assistant` API, so they are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.history.layout import find_spans
from assistant.history.words import word
from assistant.tui.text import clean, shorten
from assistant.tui.words import say

if TYPE_CHECKING:
    from assistant import Answer, Assistant, Fact
    from assistant.lang.normalize import Language
    from assistant.pack.schema import Localized

LANGUAGES: tuple[str | None, ...] = (None, "zh-Hant", "zh-Hans", "en")
SCRIPTS: tuple[Language, ...] = ("zh-Hant", "zh-Hans", "en")
_TITLES = {"zh-Hant": "繁體中文", "zh-Hans": "简体中文", "en": "English"}


def language_name(language: str | None, ui: str | None = None) -> str:
    """How a language choice is named: its own name, or "auto" in the interface language."""
    return _TITLES[language] if language in _TITLES else say("auto", ui)


def pick(text: Localized | None, language: str | None) -> str:
    """One language of a localized text; Traditional Chinese stands in for Simplified when missing."""
    if text is None:
        return ""
    if language == "en":
        return text.en
    if language == "zh-Hans":
        return text.zh_Hans or text.zh_Hant
    return text.zh_Hant


# -- the source pane ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitedParagraph:
    """One cited paragraph: its text, where the quote lies in it and where its figures lie."""

    title: str
    label: str
    text: str
    quote: tuple[int, int] | None
    figures: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SourceView:
    """What the source pane shows for one answer or fact."""

    heading: str
    items: tuple[CitedParagraph, ...] = ()
    arithmetic: str = ""
    arithmetic_label: str = ""
    message: str = ""
    lines: tuple[str, ...] = field(default_factory=tuple)


def cited_paragraph(
    bot: Assistant, source_id: str, number: int, quote: str, figures: Sequence[str], language: str | None
) -> CitedParagraph:
    """A paragraph with its quote and figures located (the quote alone when the paragraph is missing)."""
    text = bot.pack.paragraph(source_id, number) or quote
    source = bot.pack.sources.get(source_id)
    title = pick(source.title, language) if source is not None else source_id
    start = text.find(quote) if quote else -1
    span = (start, start + len(quote)) if start >= 0 else None
    spots: list[tuple[int, int]] = []
    if span is not None:
        inner = find_spans(quote, figures)
        spots = [(span[0] + s, span[0] + e) for s, e in inner]
    return CitedParagraph(
        title=title, label=word("paragraph", language, n=number), text=text, quote=span, figures=tuple(spots)
    )


def source_view(bot: Assistant, answer: Answer) -> SourceView:
    """The cited paragraphs of an answer, with its arithmetic when derived.

    A clarify answer cites nothing yet; its candidate facts' paragraphs are shown instead.
    """
    heading = shorten(clean(answer.question), 80)
    facts = [
        *answer.facts,
        *(bot.pack.facts[i] for i in (answer.derivation.inputs if answer.derivation else []) if i in bot.pack.facts),
    ]
    figures = [f.written for f in facts if f.written]
    cited = [(c.source, c.paragraph, c.quote) for c in answer.citations]
    if not cited and answer.status == "clarify":
        default = next(iter(bot.pack.sources), "")
        first_quote: dict[tuple[str, int], str] = {}
        for fact in answer.facts:  # each candidate's paragraph once
            first_quote.setdefault((fact.source or default, fact.paragraph), fact.quote)
        cited = [(source, number, quote) for (source, number), quote in first_quote.items()]
    items = tuple(
        cited_paragraph(bot, source, number, quote, figures, answer.language) for source, number, quote in cited
    )
    message = ""
    if answer.status == "clarify":
        message = say("clarify_sources" if items else "clarify_source", answer.language)
    elif not items:
        message = say("no_source", answer.language)
    expression = answer.derivation.expression if answer.derivation else ""
    return SourceView(
        heading=heading,
        items=items,
        arithmetic=expression,
        arithmetic_label=word("arithmetic", answer.language),
        message=message,
    )


def fact_view(bot: Assistant, fact: Fact, language: str = "zh-Hant") -> SourceView:
    """The source of one fact, for the fact browser."""
    source_id = fact.source or next(iter(bot.pack.sources), "")
    figures = [fact.written] if fact.written else []
    if fact.derivation is not None:
        figures += [bot.pack.facts[i].written or "" for i in fact.derivation.inputs if i in bot.pack.facts]
    items = [cited_paragraph(bot, source_id, fact.paragraph, fact.quote, figures, language)]
    if fact.derivation is not None:
        items = [
            cited_paragraph(bot, f.source or source_id, f.paragraph, f.quote, figures, language)
            for f in (bot.pack.facts[i] for i in fact.derivation.inputs if i in bot.pack.facts)
        ] or items
    lines = []
    if fact.written:
        lines.append(fact.written)
    elif fact.statement is not None:
        lines.append(pick(fact.statement, language))
    return SourceView(
        heading=fact_label(bot, fact, language),
        items=tuple(items),
        arithmetic=fact.derivation.expression if fact.derivation else "",
        arithmetic_label=word("arithmetic", language),
        lines=tuple(lines),
    )


def fact_label(bot: Assistant, fact: Fact, language: str | None) -> str:
    """A fact named for people: subject and label in the language asked ("聯影醫療2024年營業收入")."""
    return bot.describe(fact, as_script(language))


def as_script(language: str | None) -> Language:
    return next((s for s in SCRIPTS if s == language), "zh-Hant")


# -- what the assistant knows ---------------------------------------------------------------------


@dataclass(frozen=True)
class About:
    """The welcome text: the article(s) the pack covers and questions to try."""

    titles: tuple[tuple[str, str, str], ...]
    summaries: tuple[str, ...]
    examples: tuple[str, ...]
    fact_count: int


def about(bot: Assistant, per_script: int = 3) -> About:
    titles = tuple((s.title.zh_Hant, s.title.en, s.outlet) for s in bot.pack.sources.values())
    summaries = tuple(
        text
        for s in bot.pack.sources.values()
        if s.summary is not None
        for text in (s.summary.zh_Hant, s.summary.en)
        if text
    )
    examples: list[str] = []
    for script in SCRIPTS:
        for question in bot.example_questions(script)[:per_script]:
            if question not in examples:
                examples.append(question)
    return About(titles=titles, summaries=summaries, examples=tuple(examples), fact_count=len(bot.pack.facts))


def suggestion_candidates(bot: Assistant, history: Sequence[str] = ()) -> list[str]:
    """Completions for the input: recent questions, examples, facts as questions, concept names."""
    found: list[str] = [*reversed(history)]
    for script in SCRIPTS:
        found += bot.example_questions(script, count=12)
        found += [bot.question_for(fact, script) for fact in bot.pack.facts.values()]
    for concept in bot.pack.concepts.values():
        names = concept.names
        found += [names.zh_Hant, names.en, names.zh_Hans or ""]
    seen: set[str] = set()
    unique: list[str] = []
    for item in found:
        key = item.strip()
        if key and key.casefold() not in seen:
            seen.add(key.casefold())
            unique.append(key)
    return unique
