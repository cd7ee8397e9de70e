"""A Hong Kong-listed platform's article: a legal name ending in 控股有限公司 keeps its name (聘達天下控股…, called
聘達), and a company named like it with a word more (聘達國際) is another company; a rival after 老對手 is a
company, known later by its first two characters (才聯), and a four-character rival by its last two (獵才);
首季, 次季 and 首三季 are periods; users, paying customers and ARPPU are the vocabulary's measures; and words
that name no measure (預計介乎, 億元) make no measure."""

from __future__ import annotations

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from tests.tools.answers import answered, declined, figure_lines
from tests.tools.drafting import drafted_figures

ARTICLE = "\n".join(
    [
        "聘達第三季收入增一成",
        "港財日報 記者 何朗",
        "內地網上招聘平台聘達天下控股有限公司(PinDa Universe Holdings Limited,下稱「聘達」)昨日公布第三季業績,"
        "期內收入為15.62億元人民幣,同比增長9.8%。",
        "逐季看,今年首季及次季的收入分別為13.40億元和14.85億元。今年首三季,集團收入合共43.87億元。",
        "第三季平均月活躍用戶為4,120萬,付費企業客戶約70.5萬家。",
        "海外方面,總部設於新加坡的PinDa Global Pte. Ltd.(聘達國際)今年首三季收入約1.12億元,經營虧損約0.9億元。"
        "聘達國際負責人表示,計劃明年進軍泰國。",
        "行業競爭方面,老對手才聯招聘自2019年私有化後已毋須公開業績,據估算其9月月活躍用戶約為2,950萬。"
        "才聯近年主力發展校園招聘。",
        "以中高端人才為主的同道獵才,2024年收入約18.3億元,同比下滑約9%。獵才管理層表示需求仍弱。",
        "管理層給出第四季收入指引,預計介乎15.80億至16.20億元。",
    ]
)


def test_a_holding_companys_legal_name_and_its_overseas_arm(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "聘達首三季收入幾多?"))
    assert "43.87" in lines and "1.12" not in lines
    assert "1.12" in figure_lines(answered(drafted, "聘達國際首三季收入多少?"))
    assert "15.62" not in declined(drafted, "聘達國際2024年收入多少?")


def test_rivals_are_known_by_the_short_names_the_article_uses(drafted: Assistant) -> None:
    assert "2,950" in figure_lines(answered(drafted, "才聯月活多少?"))
    lines = figure_lines(answered(drafted, "獵才2024年收入多少?"))
    assert "18.3" in lines and "15.62" not in lines


def test_first_second_and_first_three_quarters(drafted: Assistant) -> None:
    assert "14.85" in figure_lines(answered(drafted, "次季收入幾多?"))
    assert "43.87" in figure_lines(answered(drafted, "今年首三季收入多少?"))


def test_users_and_paying_customers_are_the_vocabularys(drafted: Assistant) -> None:
    assert "4,120" in figure_lines(answered(drafted, "Q3 MAU?"))
    assert "70.5" in figure_lines(answered(drafted, "How many paying customers?"))


def test_words_that_name_no_measure_make_none() -> None:
    drafter, _ = drafted_figures(ARTICLE, "platform")
    measures = {to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "metric"}
    assert not measures & {"预计介乎", "亿元", "次季", "首三季"}, measures
    names = {to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "entity"}
    assert {"聘达", "聘达国际"} <= names or {"聘达天下控股有限公司", "聘达国际"} <= names, names
