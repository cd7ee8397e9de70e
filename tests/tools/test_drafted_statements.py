"""Statements and new measures of a raw draft, asked for as readers ask, in both scripts: the founder,
the headquarters, the rival, the use of funds and a person's role each from their own sentence; a reason
found for an English why-question; a new measure by its head word (利用率, utilization rate)."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "青禾物流2024年營收增長",
        "青禾物流是一家冷鏈物流企業,2024年實現營業收入48.62億元,同比增長16.35%。",
        "盈利能力方面,公司2024年綜合毛利率為18.6%,較上年下降2.3個百分點。",
        "公司稱,受華東地區冷庫租金價格戰影響,倉儲租賃單價全年下調約8%,使倉儲板塊成為毛利率下滑最明顯的業務。",
        "截至2024年末,公司在全國運營冷庫32座,全年整體平均利用率為67.5%。",
        "公開資料顯示,青禾物流由宋啟川於2009年在山東青島創立,2016年將總部遷至上海。",
        "宋啟川目前仍擔任公司董事長。",
        "競爭對手方面,霜域物流近兩年在華東地區快速擴張,並以低價策略爭奪商超客戶。",
        "青禾物流表示,本輪融資款項將主要用於低溫機器人量產線建設。",
    ]
)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("青禾物流的創辦人是誰?", "宋啟川"),
        ("Who founded Qinghe Logistics?", "宋啟川"),
        ("青禾物流總部在哪個城市?", "上海"),
        ("青禾物流的主要競爭對手是哪家?", "霜域物流"),
        ("Who are Qinghe Logistics' competitors?", "霜域物流"),
        ("青禾物流融資款項用途是什麼?", "量產線"),
        ("宋啟川擔任什麼職務?", "董事長"),
        ("青禾物流毛利率下滑受甚麼因素影響?", "價格戰"),
        ("Why did Qinghe Logistics' gross margin fall?", "價格戰"),
    ],
)
def test_a_statement_answers_the_question_of_its_topic(drafted: Assistant, question: str, words: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert to_simplified(words) in to_simplified(answer.text)


@pytest.mark.parametrize("question", ["青禾物流2024年冷庫利用率是多少?", "Qinghe Logistics utilization rate in 2024?"])
def test_a_new_measure_is_found_by_its_head_word(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "67.5" in answer.text
