"""Answers on a raw draft (no review), in every script, of a lithium refiner: a year named in passing with its
own figure (2023年這一數字為…) dates no clause after it, nor the next sentence; a line's name keeps a word that holds a
character ending names (日本及韓國市場) and takes no adverb (碳酸鋰已經成為…); a measure after 子公司 is no company
(子公司稅後淨利); impairments and unit cash costs are measures of the vocabulary; a new measure whose name ends with
another's (鋰鹽總產量, 鋰鹽產量) is asked for by the shorter name; an undated forecast is no answer for a later year its
sentence names only after it; a measure glossed in Chinese (合約負債(預收貨款)) is asked for by the gloss too;
幾位 asks for people, never for mines; and an amount under a million keeps its zeros in English."""

from __future__ import annotations

import pytest
from answers import answered, figure_lines

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "雪峰鋰業去年轉蝕",
        "港灣財經日報 記者 何明",
        "鋰鹽生產商雪峰鋰業集團控股有限公司(Xuefeng Lithium,下稱「雪峰鋰業」)公布,2024年收益為68.4億元,"
        "2023年這一數字為142.6億元;股東應佔虧損為9.87億元。",
        "按地區劃分,中國內地收益為49.85億元;日本及韓國市場收益為11.36億元。",
        "從產品結構看,碳酸鋰已經成為最重要的收入來源,2024年碳酸鋰收益為31.34億元。",
        "集團2024年合共計提減值撥備12.35億元。集團在四川經營礦山3座。",
        "集團單位現金成本由2023年的每噸6.84萬元降至每噸6.15萬元。",
        "2024年底集團合約負債(預收貨款)達12.4億元,高於2023年底的10.9億元。",
        "2024年集團向員工發放的人均培訓津貼為3,500元。",
        "海外業務由子公司雪峰南美負責,該子公司稅後淨利約1.9億元,稅後淨利率約12%。",
        "展望未來,集團預計2025年鋰鹽產量約6.1萬噸,並定下2026年鋰鹽總產量7.5萬至8.5萬噸的目標。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("雪峰鋰業2024年股東應佔虧損多少?", "9.87"),  # not 2023's: 2023年這一數字為… is said in passing
        ("雪峰鋰業日本及韓國市場收益多少?", "11.36"),
        ("雪峰鋰業2024年計提了多少減值?", "12.35"),
        ("What impairment did Xuefeng Lithium book in 2024?", "12.35"),
        ("雪峰鋰業2024年單位現金成本是多少?", "6.15"),
        ("Xuefeng Lithium's unit cash cost in 2023?", "6.84"),
        ("雪峰鋰業2026年產量目標是多少?", "7.5"),
        ("雪峰鋰業2024年底預收貨款有多少?", "12.4"),  # 合約負債(預收貨款): the gloss is another name of it
        ("雪峰鋰業2024年底合約負債餘額是多少?", "12.4"),  # 餘額: the balance, no measure of its own
        ("What were Xuefeng Lithium's contract liabilities at the end of 2023?", "10.9"),
    ],
)
def test_the_refiners_figures_are_answered(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


def test_an_undated_forecast_is_no_answer_for_a_later_year(drafted: Assistant) -> None:
    text = answered(drafted, "雪峰鋰業2026年產量目標是多少?")
    assert "8.5" in figure_lines(text) and "6.1" not in figure_lines(text), text


def test_a_year_said_in_passing_is_not_the_years_loss(drafted: Assistant) -> None:
    answer = drafted.ask("雪峰鋰業2023年股東應佔虧損多少?")
    assert answer.status != "answered" or "9.87" not in figure_lines(answer.text), answer.text


def test_people_asked_for_are_no_mines(drafted: Assistant) -> None:
    answer = drafted.ask("四川礦山有幾位工程師?")
    assert answer.status != "answered", answer.text


def test_no_line_or_company_is_a_phrase(drafted: Assistant) -> None:
    names = {
        to_simplified(c.names.zh_Hant): c.kind
        for c in drafted.pack.concepts.values()
        if c.kind in ("entity", "segment")
    }
    assert "日本及韩国市场" in names, names
    assert not [n for n in names if "已经" in n or "税后" in n or n.startswith("本及")], names


def test_an_amount_in_english_keeps_its_zeros(drafted: Assistant) -> None:
    answer = drafted.ask("雪峰鋰業2024年人均培訓津貼是多少?", language="en")
    assert answer.status == "answered", answer.text
    assert "3,500)" in answer.text and "3,5)" not in answer.text, answer.text  # (RMB 3,500), never (RMB 3,5)
