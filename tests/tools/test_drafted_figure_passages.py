"""A question asking a figure of something no concept names ("付費賬戶有多少?") is answered by the
sentence whose figure the question's words describe, quoted; never by a figure its words do not
describe: a list the place asked is only one item of, an index named beside another figure, a change
asked as a level, or a year the sentence does not give."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.tools.answers import answered, declined

ARTICLE = "\n".join(
    [
        "玄衡軟件雲訂閱收入大增",
        "觀潮財經 記者 邵明遠",
        "深市上市公司玄衡軟件股份有限公司(下稱「玄衡軟件」)2024年實現營業收入11.82億元,同比增長9.6%。",
        "2024年,雲訂閱收入為1.42億元,同比增長67.5%;截至2024年末,付費訂閱賬戶超過3.8萬個,客戶續費率為88%。",
        "資金方面,2025年3月,公司完成一次H股配售,以每股28.60港元的價格配售約5460萬股新H股,募資約15.6億港元。",
        "截至2024年末,公司海外門店數為287家,分布在越南、馬來西亞和印度尼西亞3個國家。",
        "4月美國宣布對等關稅後全球股市重挫,台股加權指數單日跌幅一度接近10%,公司當月自結稅後虧損2.64億元。",
        "盤價上,中鋼日前公布12月國內盤價,熱軋平均每公噸調漲300元。",
        "健保署自2025年1月起調高慢箋藥事服務費,每張由48點提高為55點。",
        "去年12月在上海舉辦的全球總決賽,線下觀賽人數約1.2萬人。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("到2024年底玄衡有多少付費訂閱賬戶?", "3.8"),
        ("2025年3月那次H股配售一共籌了多少錢?", "15.6"),
        ("慢箋藥事服務費每張調到幾點?", "55"),
        ("全球總決賽有多少人在線下觀賽?", "1.2万"),
    ],
)
def test_a_figure_no_concept_names_is_found_by_the_words_before_it(
    drafted: Assistant, question: str, figure: str
) -> None:
    assert figure in answered(drafted, question)


@pytest.mark.parametrize(
    "question",
    [
        "馬來西亞有幾家門店?",  # 287 stores in three countries: Malaysia is one item of the list
        "台股加權指數現在多少?",  # the index's fall is named before a loss, and asked as a level
        "中鋼12月熱軋盤價每公噸是多少錢?",  # 300元 is a rise, not the price
        "2023年底有多少付費訂閱賬戶?",  # the sentence gives 2024's
    ],
)
def test_no_figure_the_words_do_not_describe(drafted: Assistant, question: str) -> None:
    declined(drafted, question)
