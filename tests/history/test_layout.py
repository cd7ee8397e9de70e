"""Answers laid out from their fields, never from `text`: every front end shows what these give."""

from __future__ import annotations

import re

import msgspec
import pytest
from markdown_it import MarkdownIt

from assistant import Assistant
from assistant.history.layout import EXPRESSION, FIGURE, layout, plain, runs
from assistant.history.markdown import answer_markdown, code, emphasise, escape, line_markdown
from assistant.history.plain import COLOUR, PLAIN, answer_text, cells, clip, fit_table

MD = MarkdownIt("gfm-like")


def html(markdown: str) -> str:
    return MD.render(markdown).strip()


def test_layout_never_reads_text(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年營收多少?")
    scrambled = msgspec.structs.replace(answer, text="anything at all: the template changed")
    assert layout(scrambled) == layout(answer)


def test_answered_figure_is_marked(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年營收多少?")
    shown = layout(answer)
    assert shown.kind == "answered" and shown.understood == answer.understood
    assert [plain(line) for line in shown.headline] == answer.headline.splitlines()
    marked = [run.text for line in shown.headline for run in line if run.kind == FIGURE]
    assert marked == answer.figures
    assert [c.citation for c in shown.citations] == answer.citations
    assert shown.citations[0].text == f"來源:第{answer.citations[0].paragraph}段「{answer.citations[0].quote}」"
    assert shown.cited == f"來源:第{answer.citations[0].paragraph}段"
    assert shown.choices == ()


def test_arithmetic_is_shown_once(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療二〇二三年營收多少?")
    assert answer.derivation is not None and answer.derivation.expression in answer.headline
    shown = layout(answer)
    expressions = [run.text for line in shown.headline for run in line if run.kind == EXPRESSION]
    assert expressions == [answer.derivation.expression]
    text = answer_text(shown)
    assert text.count(answer.derivation.expression) == 1


def test_arithmetic_missing_from_the_headline_gets_its_own_line(bot: Assistant) -> None:
    answer = bot.ask("What was UIH's net margin in 2024?")
    assert answer.derivation is not None
    expression = answer.derivation.expression
    bare = msgspec.structs.replace(answer, headline=answer.headline.replace(expression, "").rstrip(": \n"))
    lines = [plain(line) for line in layout(bare).headline]
    assert lines[-1] == f"Arithmetic: {expression}"


def test_clarify_options_shown_once_as_choices(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療")
    assert answer.status == "clarify" and len(answer.options) >= 2
    shown = layout(answer)
    assert shown.choices == tuple(answer.options) and shown.choices_kind == "options"
    headline = "\n".join(plain(line) for line in shown.headline)
    assert not any(option in headline for option in answer.options)
    printed = answer_text(shown)
    for number, option in enumerate(answer.options, 1):
        assert printed.count(option) == 1
        assert f"  {number}. {option}" in printed.splitlines()


def test_no_answer_suggestions(bot: Assistant) -> None:
    answer = bot.ask("GE醫療2024年營收多少?")
    shown = layout(answer)
    assert shown.kind == "no_answer" and shown.choices == tuple(answer.suggestions)
    assert answer_text(shown).splitlines()[-len(answer.suggestions) :] == [f"  → {s}" for s in answer.suggestions]


@pytest.mark.parametrize("question", ["联影医疗2024年营收多少?", "What was UIH's revenue in 2024?"])
def test_words_follow_the_answer_language(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    cited = layout(answer).citations[0].text
    expected = {"zh-Hans": "来源:第21段「", "en": 'Source: paragraph 21, "'}[answer.language]
    assert cited.startswith(expected) and answer.citations[0].quote in cited


def test_colour_marks_figures_only_when_asked(bot: Assistant) -> None:
    shown = layout(bot.ask("聯影醫療2024年營收多少?"))
    assert "\x1b[" not in answer_text(shown, PLAIN)
    coloured = answer_text(shown, COLOUR)
    assert f"{COLOUR.figure}103億元{COLOUR.reset}" in coloured
    assert coloured.replace(COLOUR.figure, "").replace(COLOUR.dim, "").replace(COLOUR.reset, "") == answer_text(
        shown, PLAIN
    )


def test_markdown_of_an_answer(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療二〇二三年營收多少?")
    rendered = html(answer_markdown(layout(answer)))
    assert "<strong>約114.10億元</strong>" in rendered
    assert answer.derivation is not None and f"<code>{answer.derivation.expression}</code>" in rendered
    assert "<blockquote>" in rendered
    assert answer.citations[0].quote in re.sub(r"</?strong>", "", rendered)


def test_figure_is_bold_in_cjk_text() -> None:
    assert "<strong>103億元</strong>" in html(emphasise("聯影醫療2024年營業收入:103億元,同比下降9.73%。", ["103億元"]))


def test_bold_survives_punctuation_next_to_cjk() -> None:
    rendered = html(emphasise("份額超過35%的公司", ["超過35%"]))
    assert "<strong>超過35</strong>%的" in rendered and "**" not in rendered


def test_engine_text_is_never_markdown_syntax() -> None:
    for text in ["1. not a list", "# not a heading", "- not a bullet", "*a* _b_ [c](d) <e> `f` |g|", "> no quote"]:
        rendered = html(escape(text))
        assert rendered == f"<p>{text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"
    assert (
        html(line_markdown(runs("2. 12.62億元 ÷ 103億元", [], "12.62億元 ÷ 103億元")))
        == "<p>2. <code>12.62億元 ÷ 103億元</code></p>"
    )


def test_code_span_with_backticks() -> None:
    assert html(code("a`b")) == "<p><code>a`b</code></p>"


def test_tables_fit_their_width() -> None:
    rows = [("uih-uii-investment-total-2024-12", "聯影醫療", "2024年12月聯影醫療兩筆增資聯影智能合計金額", "1")]
    table = fit_table(("id", "subject", "label", "¶"), rows, 60, flexible=(2,))
    assert max(cells(line) for line in table.splitlines()) <= 60
    assert "…" in table and "uih-uii-investment-total-2024-12" in table
    assert cells("聯影AI") == 6 and clip("聯影醫療", 5) == "聯影…"
