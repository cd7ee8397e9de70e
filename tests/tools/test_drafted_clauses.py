"""Answers on a raw draft (no review), in every script: two figures of one measure in one sentence are told
apart by what their own clauses name, a role a sentence names answers who holds it, and a percentage
written in words is a figure; a statement is about every company its sentence names, and a round is the
raising company's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "青石財訊",
        "禾豐食品海外擴張提速",
        "禾豐食品2012年在寧波成立,主要生產寵物主糧和零食。",
        "2024年,禾豐食品實現營業收入36.8億元,同比增長11.2%。",
        "截至2024年末,禾豐食品員工總數接近3200人,其中研發人員逾260人,越南工廠員工約540人。",
        "周啓明目前擔任公司董事長兼總經理,此前曾在一家外資飼料企業工作多年。",
        "今年3月,子公司禾豐優選完成A輪融資,由遠瀾資本領投,投資方合計出資6億元,認購禾豐優選百分之十二的股權。",
        "據行業統計,2024年禾豐食品在國內貓糧市場的份額約為8.5%,大型品牌超過12%。",
        "企查查顯示,遠瀾資本合夥人何知遠已進入禾豐優選董事會。",
        "2025年5月,子公司禾豐視覺宣布完成5億元B輪融資,由晟睿資本領投,新投資方合計獲得禾豐視覺12.5%的股權。",
        "禾豐食品旗下兩間寵物酒店去年整體入住率達86.8%;其中禾豐皇宮酒店入住率為88.2%,禾豐海景酒店為85.1%。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        ("越南工廠有多少員工?", "540", "3200"),
        ("禾豐食品2024年末員工總數大約多少人?", "3200", "540"),
        ("禾豐海景酒店入住率", "85.1", "88.2"),  # its clause names the hotel, not the rate: 酒店入 is no word
    ],
)
def test_figures_of_one_sentence_are_told_apart_by_their_own_clauses(
    drafted: Assistant, question: str, figure: str, other: str
) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.text and other not in answer.text.split("來源")[0].split("来源")[0]


def test_a_figure_whose_clause_does_not_name_the_measure_still_asks_which(drafted: Assistant) -> None:
    answer = drafted.ask("禾豐食品的市場份額是多少?")  # 8.5% and 12% of one sentence: nothing tells them apart
    assert answer.status == "clarify", answer.text


@pytest.mark.parametrize("question", ["禾豐食品的董事長是誰?", "Who chairs 禾豐食品?", "禾丰食品总经理是谁?"])
def test_a_role_a_sentence_names_answers_who_holds_it(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "周启明" in to_simplified(answer.text)


def test_a_role_no_sentence_names_is_not_answered(drafted: Assistant) -> None:
    assert drafted.ask("禾豐食品的首席財務官是誰?").status != "answered"


def test_what_investors_put_into_a_completed_round_is_the_round(drafted: Assistant) -> None:
    answer = drafted.ask("禾豐優選A輪融資了多少錢?")
    assert answer.status == "answered", answer.text
    assert "6億元" in answer.text or "6亿元" in answer.text


def test_a_percentage_written_in_words_is_a_figure(drafted: Assistant) -> None:
    answer = drafted.ask("A輪投資方拿到了禾豐優選多少股權?")
    assert answer.status == "answered", answer.text
    assert "百分之十二" in answer.text or "12%" in answer.text


def test_a_statement_is_about_every_company_its_sentence_names(drafted: Assistant) -> None:
    answer = drafted.ask("誰進入了禾豐優選的董事會?")  # the sentence opens with the investor, not 禾豐優選
    assert answer.status == "answered", answer.text
    assert "何知远" in to_simplified(answer.text)


def test_a_figure_answers_no_question_about_a_topic_only_statements_speak_of(drafted: Assistant) -> None:
    answer = drafted.ask("融資後誰進入了禾豐視覺的董事會?")  # the article names no one; the round is no answer
    assert answer.status != "answered", answer.text


def test_a_round_is_the_raising_companys_own_and_implies_its_valuation(drafted: Assistant) -> None:
    answer = drafted.ask("禾豐視覺B輪融了多少錢?")
    assert answer.status == "answered", answer.text
    said = to_simplified(answer.text).split("来源")[0]  # the answer itself, not its source sentence
    assert "禾丰视觉" in said and "5亿元" in said and "晟睿" not in said
    valued = drafted.ask("禾豐視覺的估值是多少?")
    assert valued.status == "answered", valued.text
    assert "40" in valued.text  # 5億元 ÷ 12.5%, shown with its formula


def test_a_variant_answers_only_a_question_that_names_it(draft_bot: Callable[[str, str], Assistant]) -> None:
    article = "\n".join(
        [
            "青石財訊",
            "禾豐茶飲門店破千",
            "2024年,禾豐茶飲淨利潤9.86億元;剔除股份支付後,經調整淨利潤為10.35億元。",
            "2024年底,禾豐茶飲門店總數為1200家,其中直營門店168家,加盟門店1032家。",
            "2024年,禾豐茶飲毛利率為31.2%。",
        ]
    )
    bot = draft_bot(article, "zh-Hant")
    assert "9.86" in bot.ask("禾豐茶飲2024年淨利潤多少?").text
    assert "10.35" in bot.ask("禾豐茶飲2024年經調整淨利潤多少?").text
    total = bot.ask("2024年底禾豐茶飲一共有多少家門店?")
    assert total.status == "answered" and "1200" in total.text, total.text
    assert "168" in bot.ask("禾豐茶飲直營門店有多少家?").text
    assert "31.2" in bot.ask("禾豐茶飲2024年毛利率多少?").text
    owned = bot.ask("What gross margin did 禾豐茶飲's 直營 stores earn in 2024?")  # given for the whole only
    assert owned.status != "answered", owned.text
