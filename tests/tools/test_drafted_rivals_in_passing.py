"""A rival the article names in passing by a short name the draft does not know as a company (中鋼, 燁聯)
opens a question before its period: the company's own figure is no answer to it. Words that open a
question without naming anyone (截至, 集團) still let the company's figure answer."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from tests.tools.answers import answered, declined

ARTICLE = "\n".join(
    [
        "瀚嶸鋼第三季獲利創近六季新高",
        "經濟日報 記者 王明",
        "民營鋼廠瀚嶸鋼鐵工業股份有限公司(瀚嶸鋼)第三季合併營收162.45億元,季增9.3%,每股稅後純益0.41元。",
        "瀚嶸鋼前三季稅後淨利為9.86億元,截至9月底,集團員工約5,200人。",
        "盤價上,中鋼日前公布12月國內盤價,熱軋平均每公噸調漲300元,市場解讀為景氣落底。",
        "同業燁聯則因不銹鋼價格疲弱,獲利仍承壓。",
    ]
)


@pytest.mark.parametrize(
    ("question", "rival"),
    [("中鋼第三季EPS是多少?", "中鋼"), ("燁聯前三季虧損多少錢?", "燁聯"), ("燁聯前三季淨利多少?", "燁聯")],
)
def test_a_rival_named_in_passing_never_gets_the_companys_figure(drafted: Assistant, question: str, rival: str) -> None:
    assert to_simplified(rival) in to_simplified(declined(drafted, question))  # says whom it has no figure of


@pytest.mark.parametrize(
    ("question", "figure"),
    [("瀚嶸鋼第三季EPS是多少?", "0.41"), ("截至9月底員工有多少人?", "5,200"), ("集團前三季淨利多少?", "9.86")],
)
def test_the_company_and_words_naming_no_one_are_still_answered(drafted: Assistant, question: str, figure: str) -> None:
    assert figure in answered(drafted, question)
