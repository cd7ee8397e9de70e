"""A raw draft of an article that lists figures respectively, states ranges, names rivals once beside its
own company and has a subsidiary sharing its brand, asked in every script. The article is written for
these tests."""

from __future__ import annotations

import pytest
from answers import figure_lines

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "禾岸寵物押注凍乾主糧,利潤跟不上營收",
        "浙江禾岸寵物食品股份有限公司(下稱「禾岸寵物」)成立於2009年,總部位於嘉興。",
        "寵物主糧是禾岸寵物的第一大業務。2024年,主糧收入為24.87億元,同比增長30.2%。",
        "2024年,禾岸寵物營業收入和淨利潤分別為48.62億元和3.17億元。",
        "作為對比,2023年公司營收和淨利潤分別同比增長15.8%和11.2%。",
        "公司主打的凍乾主糧零售價集中在199元至299元之間。",
        "據知犀研究統計,2024年國內寵物主糧線上零售額中,鎧諾寵物以約14.5%的份額位居第一,禾岸寵物以約11.8%的份額排名第二。",
        "在零食領域,申港食品2024年零食收入為12.7億元,增速快於禾岸寵物。",
        "2024年,禾岸寵物零食業務銷量約8.2萬噸,全年賣出凍乾糧超過3000萬袋。",
        "截至2024年底,禾岸寵物共有門市412家。",
        "禾岸寵物市值在2021年8月一度接近260億元,而截至2025年8月29日收盤,公司市值約為118億元。",
        "2023年,公司在柬埔寨設立全資子公司禾岸(柬埔寨)食品有限公司,一期工廠總投資約6500萬美元。",
        "對於2025年的前景,管理層預計全年營業收入在55億元至60億元之間。",
    ]
)


def _plain(text: str) -> str:
    return to_simplified(text)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("禾岸寵物2024年淨利潤是多少?", "3.17"),
        ("禾岸寵物2024年營收多少?", "48.62"),
        ("What was Hean's net profit in 2024?", "3.17"),
    ],
)
def test_figures_given_respectively_are_each_their_own_measures(drafted: Assistant, question: str, figure: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.text


def test_changes_given_respectively_are_never_filed_as_a_figure(drafted: Assistant) -> None:
    """分别同比增长15.8%和11.2%: rates without their levels; 11.2% is no share and no profit."""
    for question in ("禾岸寵物2023年營收占比是多少?", "禾岸寵物2023年淨利潤是多少?"):
        answer = drafted.ask(question)
        assert "11.2" not in answer.text, answer.text


def test_both_ends_of_a_stated_range_answer_together(drafted: Assistant) -> None:
    answer = drafted.ask("凍乾主糧賣多少錢?")
    assert answer.status == "answered", answer.text
    assert "199" in answer.text and "299" in answer.text


def test_a_forecast_for_the_year_answers_no_question_about_its_half(drafted: Assistant) -> None:
    answer = drafted.ask("禾岸寵物2025年上半年營收預計多少?")
    assert answer.status != "answered" or "55" not in answer.text, answer.text


def test_a_rival_named_once_beside_the_company_has_its_own_share(drafted: Assistant) -> None:
    ours = drafted.ask("禾岸寵物的市場份額是多少?")
    assert ours.status == "answered", ours.text
    assert "11.8" in figure_lines(ours.text) and "14.5" not in figure_lines(ours.text)
    theirs = drafted.ask("鎧諾寵物的市場份額是多少?")
    assert theirs.status == "answered", theirs.text
    assert "14.5" in figure_lines(theirs.text) and "11.8" not in figure_lines(theirs.text)


def test_a_rival_reporting_a_line_of_its_own_is_a_company(drafted: Assistant) -> None:
    answer = drafted.ask("申港食品2024年零食收入多少?")
    assert answer.status == "answered", answer.text
    assert "12.7" in answer.text
    mine = drafted.ask("禾岸寵物2024年零食收入多少?")
    assert "12.7" not in mine.text, mine.text


def test_a_line_is_asked_for_by_its_name_without_the_industry_word(drafted: Assistant) -> None:
    """寵物主糧 in an article on 禾岸寵物 is also 主糧."""
    for question in ("2024年寵物主糧收入多少?", "主糧業務去年收入多少?"):
        answer = drafted.ask(question)
        assert answer.status == "answered", answer.text
        assert "24.87" in answer.text


def test_the_brand_alone_is_the_company_not_a_subsidiary_sharing_it(drafted: Assistant) -> None:
    answer = drafted.ask("Where is Hean headquartered?")
    assert answer.status == "answered", answer.text
    assert "嘉兴" in _plain(answer.citations[0].quote)
    about = drafted.ask("Hean revenue 2024")
    assert "48.62" in about.text, about.text


def test_it_after_a_line_is_that_line_or_the_company_never_another_line(drafted: Assistant) -> None:
    chat = drafted.chat()
    first = chat.ask("寵物主糧業務2024年收入多少?")
    assert "24.87" in first.text, first.text
    for question in ("那它2024年銷量多少?", "那它全年賣了多少噸?"):
        follow = chat.ask(question)
        given = figure_lines(follow.text) if follow.status == "answered" else ""  # a refusal may name the nearest
        assert "8.2" not in given, follow.text  # the snacks line's tonnes
        assert "24.87" not in given, follow.text  # money, when tonnes are asked


def test_selling_so_many_is_a_figure_not_advice_to_sell(drafted: Assistant) -> None:
    answer = drafted.ask("禾岸寵物2024年賣出多少袋凍乾糧?")
    assert answer.status == "answered", answer.text
    assert "3000" in answer.text


@pytest.mark.parametrize("question", ["禾岸寵物有多少家門市?", "How many stores does Hean have?"])
def test_taiwan_words_for_stores_are_the_store_count(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "412" in answer.text


def test_the_peak_of_a_measure_given_at_several_dates_is_the_highest(drafted: Assistant) -> None:
    chat = drafted.chat()
    peak = chat.ask("禾岸寵物市值最高的時候到過多少?")
    assert peak.status == "answered", peak.text
    assert "260" in peak.text
    now = chat.ask("現在呢?")  # of the dated figures, the latest the article gives
    assert now.status == "answered", now.text
    assert "118" in figure_lines(now.text) and "260" not in figure_lines(now.text)
