"""A question that asks no figure and that no concept leads to is answered by the article's sentence holding
clearly most of its words, quoted, in both scripts; a question about something else, a stranger, or a
count is still declined."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from tests.tools.answers import answered, declined

ARTICLE = "\n".join(
    [
        "澄岳輪胎去年營收創新高",
        "觀潮財經 記者 邵明遠",
        "深市主板上市公司澄岳輪胎股份有限公司(下稱「澄岳輪胎」)2024年實現營業收入186.42億元,同比增長12.3%。",
        "澄岳輪胎的前身是1998年由周立巖在山東東營創辦的一家鄉鎮橡膠製品廠,公司於2012年登陸深交所。",
        "截至2024年末,周立巖直接持有公司31.6%的股份,為控股股東。",
        "第二大股東為私募機構遠瀾資本旗下的遠瀾成長基金,持股比例為12.35%。",
        "公司研發重點放在低滾阻配方與靜音技術,希望擺脫只拼價格的局面。",
        "2024年,公司淨利潤為15.8億元,同比增長4.1%。",
        "產能方面,公司在塞爾維亞的新工廠一期預計於2026年二季度投產。",
    ]
)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("澄岳輪胎的前身是什麼?", "鄉鎮橡膠製品廠"),
        ("第二大股東是哪家機構?", "遠瀾資本"),
        ("公司研發重點放在哪些技術上?", "靜音技術"),
    ],
)
def test_a_sentence_found_by_the_questions_words_answers_it(drafted: Assistant, question: str, words: str) -> None:
    assert to_simplified(words) in answered(drafted, question)


@pytest.mark.parametrize(
    "question",
    [
        "馬來西亞的首都是哪裡?",  # the article's words (none of them) hold no answer
        "米其林的前身是什麼?",  # a stranger: the sentence about the article's company is not about it
        "公司有幾項靜音技術專利?",  # a count: no sentence answers with a number it does not give
    ],
)
def test_no_sentence_answers_another_question(drafted: Assistant, question: str) -> None:
    declined(drafted, question)


def test_the_answer_says_it_was_found_by_words_and_quotes_the_sentence(drafted: Assistant) -> None:
    answer = drafted.ask("第二大股東是哪家機構?")
    assert answer.status == "answered"
    assert answer.citations and "12.35%" in answer.citations[0].quote
    assert "字詞" in answer.text or "字词" in answer.text


def test_a_when_question_gets_the_sentence_giving_the_time(drafted: Assistant) -> None:
    assert "2026" in answered(drafted, "塞爾維亞工廠什麼時候能投產?")


def test_a_when_question_gets_no_sentence_without_a_time(drafted: Assistant) -> None:
    declined(drafted, "公司研發重點是什麼時候定下的?")


def test_an_english_word_for_a_measure_finds_the_chinese_sentence(drafted: Assistant) -> None:
    """R&D stands for the measure's Chinese names (研發), so a mixed question finds the sentence."""
    assert "靜音技術" in drafted.ask("Chengyue 的 R&D 重點是什麼?").text.replace("静音技术", "靜音技術")


@pytest.mark.parametrize("question", ["What is the capital of Serbia?", "塞爾維亞的首都是哪裡?"])
def test_a_place_alone_finds_no_sentence(drafted: Assistant, question: str) -> None:
    """A sentence naming the place asked about holds nothing of what is asked about it."""
    declined(drafted, question)
