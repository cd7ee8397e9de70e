"""Answers: figure as written, English scale, approximation words, change, citation, derivation."""

from __future__ import annotations

from assistant import Answer, Assistant
from assistant.lang.normalize import fold


def test_revenue_in_three_scripts(bot: Assistant) -> None:
    for question, language in (
        ("聯影醫療2024年營收多少?", "zh-Hant"),
        ("联影医疗2024年营收多少?", "zh-Hans"),
        ("What was United Imaging Healthcare's 2024 revenue?", "en"),
    ):
        answer = bot.ask(question)
        assert answer.status == "answered" and answer.language == language
        assert "103" in answer.text and "9.73%" in answer.text
        assert answer.citations[0].paragraph == 21
        assert "營業收入103億元" in answer.citations[0].quote
        assert answer.citations[0].quote in answer.text, "the quote is shown verbatim"
    assert "亿元" in bot.ask("联影医疗2024年营收多少?").headline, "the answer is in the reader's script"
    assert "RMB 10.3 billion" in bot.ask("UIH revenue 2024").text


def test_approximation_words_stay(bot: Assistant) -> None:
    answer = bot.ask("軟件業務收入下滑了多少?")
    assert "超過50%" in answer.text
    english = bot.ask("How much did UIH's software revenue fall in 2024?")
    assert "more than 50%" in english.text and "RMB 83.19 million" in english.text


def test_quotes_are_verbatim_in_their_paragraph(bot: Assistant) -> None:
    for question in ("联影医疗2024年净利润", "联影智能估值", "海外收入占比", "2025年一季度经营性现金流"):
        answer: Answer = bot.ask(question)
        assert answer.status == "answered", question
        for citation in answer.citations:
            assert citation.quote in bot.pack.paragraph(citation.source, citation.paragraph)


def test_derived_answer_shows_arithmetic_and_cites_inputs(bot: Assistant) -> None:
    answer = bot.ask("按同比降幅倒推,联影医疗2023年营收大约多少?")
    assert answer.status == "answered"
    assert answer.derivation is not None and "9.73%" in answer.derivation.expression
    assert "114.10" in answer.text
    assert "推算" in answer.text
    assert {c.paragraph for c in answer.citations} == {21}


def test_derived_total_cites_every_input(bot: Assistant) -> None:
    answer = bot.ask("CT和MR合计收入多少亿?")
    assert answer.status == "answered" and "62.40" in answer.text
    assert answer.derivation is not None and len(answer.derivation.inputs) == 2


def test_statement_answer(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療跟聯影智能怎麼分工?")
    assert answer.status == "answered"
    assert "硬件" in answer.text and "算法" in answer.text


def test_meta_questions(bot: Assistant) -> None:
    assert "子彈財經" in bot.ask("這篇文章是哪家媒體發的?").text
    assert "子彈財經" in bot.ask("這篇報導是哪家媒體、哪位記者寫的?").text  # not 哪位 read as 哪裡 (where)
    help_answer = bot.ask("help")
    assert help_answer.status == "answered" and help_answer.intent == "help"
    assert bot.ask("这篇文章讲了什么?").intent == "about"


def test_long_question_is_cut_with_a_note(bot: Assistant) -> None:
    answer = bot.ask("联影医疗2024年营收" + "啊" * 5000)
    assert answer.notes and answer.status == "answered"


def test_answer_schema_is_published() -> None:
    schema = Answer.model_json_schema()
    assert {"status", "text", "language", "intent", "confidence", "facts", "citations"} <= set(schema["properties"])


def test_folded_answers_match_across_scripts(bot: Assistant) -> None:
    hant = bot.ask("聯影智能2023年凈虧損").text
    hans = bot.ask("联影智能2023年净亏损").text
    assert fold(hant.split("\n")[0]) == fold(hans.split("\n")[0])


def test_every_example_the_pack_shows_is_answered(bot: Assistant) -> None:
    assert bot.pack.examples
    for question in bot.pack.examples:
        answer = bot.ask(question)
        assert answer.status == "answered", question
        assert answer.citations, question


def test_two_segments_joined_are_answered_one_by_one(bot: Assistant) -> None:
    answer = bot.ask("Which grew faster, overseas or RT?")
    assert answer.status == "answered"
    assert "35%" in answer.text and "18.05%" in answer.text
    assert {c.paragraph for c in answer.citations} == {31, 50}


def test_two_questions_in_one(bot: Assistant) -> None:
    answer = bot.ask("联影医疗研发费用是多少?占营收多少?")
    assert "22.6" in answer.text and "22%" in answer.text


def test_article_questions_about_other_companies(bot: Assistant) -> None:
    assert bot.ask("What does the article say about Mindray?").status == "no_answer"
    about_ge = bot.ask("What does the article say about GE?")
    assert about_ge.status in {"answered", "clarify"} and about_ge.intent != "about"
