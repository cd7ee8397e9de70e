"""A Hong Kong toll-road article read by Cantonese questions: which paper ran it (邊份報紙) and what it is about
(主要講咩) are questions about the article; a person's position (邱嘉敏做咩職位) is the role the article gives
them, and the chairman is its 主席; and a road named by its short name (撫州呢, after 撫州高速) follows up on it."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, figure_lines

ARTICLE = "\n".join(
    [
        "贛鄱路橋去年多賺6% 撫州高速車流回升",
        "香江財經日報 記者 麥家朗 南昌報道",
        "港股收費路營運商贛鄱路橋控股有限公司(下稱「贛鄱路橋」)昨日公布2024年全年業績,股東應佔溢利為11.26億元,"
        "按年增長6.1%。",
        "分路段看,贛州高速2024年路費收入13.84億元,同比增長2.9%;撫州高速2024年路費收入8.27億元,同比增長4.4%。"
        "撫州高速與贛州高速合共貢獻集團路費收入逾九成。",
        "首席財務官邱嘉敏在電話會議上表示,集團今年的平均融資成本已降至3.1%。",
        "主席兼執行董事鄧立衡表示,集團會守住50%的派息底線。",
    ]
)


def test_which_paper_and_what_about_are_questions_about_the_article(drafted: Assistant) -> None:
    assert "香江財經日報" in answered(drafted, "呢篇文係邊份報紙登嘅?").replace("香江财经日报", "香江財經日報")
    assert "赣鄱路桥" in answered(drafted, "呢篇 article 主要講咩?")


def test_a_persons_position_and_the_chairman(drafted: Assistant) -> None:
    assert "首席财务官" in answered(drafted, "邱嘉敏喺公司做咩職位?")
    assert "邓立衡" in answered(drafted, "贛鄱路橋主席係邊位?")


def test_a_road_is_asked_by_its_short_name(drafted: Assistant) -> None:
    chat = drafted.chat()
    first = chat.ask("贛州高速2024年路費收入有幾多?")
    assert first.status == "answered" and "13.84" in figure_lines(first.text)
    second = chat.ask("咁撫州呢?")
    assert second.status == "answered" and "8.27" in figure_lines(second.text), second.text
