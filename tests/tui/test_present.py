"""The pure formatting behind the chat: Markdown escaping and emphasis, spans, cleaning, history."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from assistant import Assistant
from assistant.tui import present
from assistant.tui import text as tx
from assistant.tui.storage import History, data_dir, write_export

MD = MarkdownIt("gfm-like")


def html(markdown: str) -> str:
    return MD.render(markdown).strip()


def test_figure_is_bold_in_cjk_text() -> None:
    text = "聯影醫療2024年營業收入:103億元,同比下降9.73%。"
    assert "<strong>103億元</strong>" in html(tx.emphasise(text, ["103億元"]))


def test_bold_survives_punctuation_next_to_cjk() -> None:
    # `**超過35%**的` does not close under CommonMark; the trailing % moves outside the bold.
    rendered = html(tx.emphasise("份額超過35%的公司", ["超過35%"]))
    assert "<strong>超過35</strong>%的" in rendered
    assert "**" not in rendered


def test_longest_figure_wins_and_spans_do_not_overlap() -> None:
    assert tx.find_spans("營業收入103億元,凈利潤3億元", ["3億元", "103億元"]) == [(4, 9), (13, 16)]


def test_engine_text_is_never_markdown_syntax() -> None:
    for text in ["1. not a list", "# not a heading", "- not a bullet", "*a* _b_ [c](d) <e> `f` |g|", "> no quote"]:
        rendered = html(tx.escape(text))
        assert rendered == f"<p>{text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"


def test_code_span_with_backticks() -> None:
    assert html(tx.code("a`b")) == "<p><code>a`b</code></p>"


def test_clean_drops_controls_and_keeps_emoji() -> None:
    assert tx.clean("聯影\x1b[31m\x00醫療\u202e 😀👨‍👩‍👧\ttab") == "聯影[31m醫療 😀👨‍👩‍👧 tab"


def test_shorten_marks_what_was_cut() -> None:
    assert tx.shorten("x" * 700, 600).endswith("… (+100)")
    assert len(tx.shorten("x" * 10_000)) < 300
    assert tx.shorten("short") == "short"


def test_answer_view_of_an_answer(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年營收多少?")
    view = present.answer_view(bot, answer)
    assert view.status == answer.status
    for fact in answer.facts:
        if answer.status == "answered" and fact.written and fact.written in answer.text:
            assert f"**{tx.escape(fact.written, line_start=False)}**" in view.markdown
    for citation in answer.citations:
        assert str(citation.paragraph) in view.cited


def test_notes_are_shown_once(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年營收多少?" * 100)
    view = present.answer_view(bot, answer)
    for note in answer.notes:
        assert view.markdown.count(tx.escape(note)) == 1


def test_derived_answer_shows_its_arithmetic(bot: Assistant) -> None:
    derived = next((f for f in bot.pack.facts.values() if f.derivation is not None and f.derivation.expression), None)
    if derived is None:
        return
    answer = bot.ask(bot.renderer.question_for(derived, "zh-Hant"))
    if answer.derivation is None:
        return
    assert tx.code(answer.derivation.expression) in present.answer_view(bot, answer).body


def test_source_view_locates_quote_and_figures(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年營收多少?")
    view = present.source_view(bot, answer)
    assert len(view.items) == len(answer.citations)
    for item, citation in zip(view.items, answer.citations, strict=True):
        assert item.quote is not None
        assert item.text[item.quote[0] : item.quote[1]] == citation.quote
        for start, end in item.figures:
            assert item.quote[0] <= start < end <= item.quote[1]


def test_candidates_are_unique_and_cover_three_scripts(bot: Assistant) -> None:
    found = present.suggestion_candidates(bot, ["my old question"])
    assert found[0] == "my old question"
    assert len({c.casefold() for c in found}) == len(found)
    for script in present.SCRIPTS:
        assert set(bot.example_questions(script)) <= set(found)


def test_history_round_trip_and_limit(tmp_path: Path) -> None:
    history = History(tmp_path / "deep" / "history.jsonl", limit=3)
    for question in ["a", "b", "b", "line\nbreak", "d"]:
        history.append(question)
    assert history.load() == ["b", "line\nbreak", "d"]
    (tmp_path / "deep" / "history.jsonl").write_text('not json\n"ok"\n42\n', encoding="utf-8")
    assert history.load() == ["ok"]


def test_history_never_raises(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    history = History(blocked / "history.jsonl")
    history.append("question")
    assert history.load() == []


def test_data_dir_override(home: Path) -> None:
    assert data_dir() == home
    path = write_export("# hi\n")
    assert path.parent == Path.cwd()
    assert path.read_text(encoding="utf-8") == "# hi\n"
