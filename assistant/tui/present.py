"""Answers -> what the chat shows: Markdown for messages, source views for the pane, exports.

Pure functions over the public `Assistant` API, so they are tested without a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from assistant.tui.text import clean, code, emphasise, escape, find_spans, shorten

if TYPE_CHECKING:
    from assistant import Answer, Assistant, Fact
    from assistant.lang.normalize import Language
    from assistant.pack.schema import Localized

LANGUAGES: dict[str | None, str] = {None: "auto", "zh-Hant": "繁體中文", "zh-Hans": "简体中文", "en": "English"}
SCRIPTS: tuple[Language, ...] = ("zh-Hant", "zh-Hans", "en")
_CITATION = re.compile(r"^(來源|来源|Source)\s*[::]")
_OPTION = re.compile(r"^\s*\d+[.)]\s")

_CAPTIONS: dict[str, dict[str, str]] = {
    "answered": {"zh-Hant": "✓ 已回答", "zh-Hans": "✓ 已回答", "en": "✓ Answered"},
    "derived": {"zh-Hant": "✓ 推算", "zh-Hans": "✓ 推算", "en": "✓ Derived"},
    "clarify": {"zh-Hant": "? 請選擇", "zh-Hans": "? 请选择", "en": "? Which one?"},
    "no_answer": {"zh-Hant": "∅ 不在事實庫中", "zh-Hans": "∅ 不在事实库中", "en": "∅ Not in the fact base"},
}
_WORDS: dict[str, dict[str, str]] = {
    "arithmetic": {"zh-Hant": "計算", "zh-Hans": "计算", "en": "Arithmetic"},
    "source": {"zh-Hant": "來源", "zh-Hans": "来源", "en": "Source"},
    "paragraph": {"zh-Hant": "第{n}段", "zh-Hans": "第{n}段", "en": "Paragraph {n}"},
    "options": {
        "zh-Hant": "選擇一項(↑↓ Enter,或輸入編號)",
        "zh-Hans": "选择一项(↑↓ Enter,或输入编号)",
        "en": "Choose one (↑↓ Enter, or type its number)",
    },
    "suggestions": {"zh-Hant": "可以試試:", "zh-Hans": "可以试试:", "en": "You could ask:"},
    "no_source": {
        "zh-Hant": "這個回答沒有引用文章段落。",
        "zh-Hans": "这个回答没有引用文章段落。",
        "en": "This answer cites no paragraph of the article.",
    },
    "clarify_source": {
        "zh-Hant": "選擇一個選項後,這裡會顯示它的出處。",
        "zh-Hans": "选择一个选项后,这里会显示它的出处。",
        "en": "Choose an option to see where it comes from.",
    },
    "clarify_sources": {
        "zh-Hant": "各選項的出處如下;選擇一項以得到答案。",
        "zh-Hans": "各选项的出处如下;选择一项以得到答案。",
        "en": "Where each option comes from; choose one to get its answer.",
    },
}


def word(key: str, language: str | None, **fields: object) -> str:
    """A UI word in the answer's language (English when unknown)."""
    table = _WORDS.get(key) or _CAPTIONS[key]
    return table.get(language or "en", table["en"]).format(**fields)


def pick(text: Localized | None, language: str | None) -> str:
    """One language of a localized text; Traditional Chinese stands in for Simplified when missing."""
    if text is None:
        return ""
    if language == "en":
        return text.en
    if language == "zh-Hans":
        return text.zh_Hans or text.zh_Hant
    return text.zh_Hant


def is_citation(line: str) -> bool:
    return bool(_CITATION.match(line))


def split_answer(answer: Answer) -> tuple[list[str], list[str]]:
    """The answer's own lines and its citation lines; clarify options and notes (shown apart) are dropped."""
    body: list[str] = []
    cited: list[str] = []
    options = {s.strip() for s in answer.suggestions}
    notes = {n.strip() for n in answer.notes}
    for line in answer.text.splitlines():
        if not line.strip() or line.strip() in notes:
            continue
        if is_citation(line):
            cited.append(line)
        elif answer.status == "clarify" and _OPTION.match(line) and _OPTION.sub("", line).strip() in options:
            continue
        else:
            body.append(line)
    return body, cited


def figures_of(bot: Assistant, answer: Answer) -> list[str]:
    """The figures an answer states, as the source writes them and as the answer's script shows them."""
    found: list[str] = []
    facts: list[Fact] = list(answer.facts)
    inputs = answer.derivation.inputs if answer.derivation else []
    facts += [bot.pack.facts[i] for i in inputs if i in bot.pack.facts]
    shown = getattr(bot.renderer, "figure", None)
    for fact in facts:
        if fact.written:
            found.append(fact.written)
            if callable(shown):
                found.append(str(shown(fact, answer.language)))
    return found


@dataclass(frozen=True)
class AnswerView:
    """An answer split for display: body and citations as Markdown, a short citation, options."""

    status: str
    caption: str
    body: str
    citations: str = ""
    cited: str = ""
    options: tuple[str, ...] = ()
    options_title: str = ""

    @property
    def markdown(self) -> str:
        return "\n\n".join(part for part in (self.body, self.citations) if part)


def answer_view(bot: Assistant, answer: Answer) -> AnswerView:
    """Body lines with figures bold and the arithmetic as code; citations quoted; notes in italics."""
    body, cited = split_answer(answer)
    figures = figures_of(bot, answer) if answer.status != "clarify" else []
    expression = answer.derivation.expression if answer.derivation else ""
    blocks: list[str] = []
    shown_expression = False
    for line in body:
        if expression and expression in line:
            before, _, after = line.partition(expression)
            tail = emphasise(after, figures, line_start=False)
            blocks.append(emphasise(before, figures) + code(expression) + tail)
            shown_expression = True
        else:
            blocks.append(emphasise(line, figures))
    if expression and not shown_expression:
        blocks.append(f"{escape(word('arithmetic', answer.language))}: {code(expression)}")
    blocks += [f"*{escape(note)}*" for note in answer.notes if note.strip()]
    if not blocks and not cited:
        blocks.append(escape(answer.text))
    numbers = list(dict.fromkeys(c.paragraph for c in answer.citations))
    short = ""
    if numbers:
        joiner, colon = (", ", ": ") if answer.language == "en" else ("、", ":")
        short = (
            word("source", answer.language)
            + colon
            + joiner.join(word("paragraph", answer.language, n=n) for n in numbers)
        )
    options = tuple(answer.suggestions) if answer.status != "answered" else ()
    return AnswerView(
        status=answer.status,
        caption=caption(answer),
        body="\n\n".join(blocks),
        citations="\n\n".join(f"> {emphasise(line, figures)}" for line in cited),
        cited=short,
        options=options,
        options_title=options_title(answer),
    )


def answer_markdown(bot: Assistant, answer: Answer) -> str:
    """The whole answer as Markdown (body, then citations)."""
    return answer_view(bot, answer).markdown


def caption(answer: Answer) -> str:
    """A short status line that does not rely on colour alone."""
    key = "derived" if answer.status == "answered" and answer.derivation is not None else answer.status
    return word(key, answer.language)


def options_title(answer: Answer) -> str:
    return word("options" if answer.status == "clarify" else "suggestions", answer.language)


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
        cited = list(dict.fromkeys((f.source or default, f.paragraph, f.quote) for f in answer.facts))
    items = tuple(
        cited_paragraph(bot, source, number, quote, figures, answer.language) for source, number, quote in cited
    )
    message = ""
    if answer.status == "clarify":
        message = word("clarify_sources" if items else "clarify_source", answer.language)
    elif not items:
        message = word("no_source", answer.language)
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
    lines = [f"{fact.id}", bot.renderer.label(fact, language if language in SCRIPTS else "en")]
    if fact.written:
        lines.append(fact.written)
    elif fact.statement is not None:
        lines.append(pick(fact.statement, language))
    return SourceView(
        heading=fact.id,
        items=tuple(items),
        arithmetic=fact.derivation.expression if fact.derivation else "",
        arithmetic_label=word("arithmetic", language),
        lines=tuple(lines[1:]),
    )


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
    ask = getattr(bot.renderer, "question_for", None)
    for script in SCRIPTS:
        found += bot.example_questions(script, count=12)
        for fact in bot.pack.facts.values():
            found.append(str(ask(fact, script)) if callable(ask) else bot.renderer.label(fact, script))
    for concept in getattr(bot.pack, "concepts", {}).values():
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


# -- export ---------------------------------------------------------------------------------------


def conversation_markdown(bot: Assistant, turns: Sequence[Answer], when: datetime | None = None) -> str:
    """The conversation as a Markdown document: each question, its answer and its sources."""
    lines = ["# Conversation with uih-assistant", ""]
    for zh, en, outlet in about(bot).titles:
        lines.append(f"Article: {escape(zh)} ({escape(en)}), {escape(outlet)}")
    if when is not None:
        lines.append(f"Exported: {when:%Y-%m-%d %H:%M}")
    lines.append("")
    for number, answer in enumerate(turns, 1):
        lines += [
            f"## {number}. {escape(shorten(clean(answer.question)))}",
            "",
            f"*{escape(caption(answer))}*",
            "",
            answer_markdown(bot, answer),
            "",
        ]
        if answer.status != "answered" and answer.suggestions:
            lines += [escape(options_title(answer)), ""]
            lines += [f"{i}. {escape(s)}" for i, s in enumerate(answer.suggestions, 1)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
