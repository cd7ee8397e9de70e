"""A Taiwan-style quarterly report (an invented container line): a trade word before the company's name
(貨櫃航運廠) and the numbers in brackets after it (a stock code, 昨(24)日) are no company and no figure; a
measure named after a list separator (14.85億元、EPS 0.98元) is the next item's; a rival named in full and
then by its short name (陽明海運, 陽明), a stranger with a short company name (群益證) or one named in
passing (海聯) never gets the company's figure; the one subsidiary answers 那子公司呢; a level moved from
over a range of years is the first year's; a quarter is the half less the quarter before, as written; a
role is no measure (總經理的考核指標); a year a manager is confident of is no period reported."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from tests.tools.answers import answered, declined, figure_lines
from tests.tools.drafting import drafted_figures, simplified_name

ARTICLE = "\n".join(
    [
        "瀚洋Q3每股賺0.84元 前三季EPS 5.18元",
        "鉅亨網 記者 林小美 2025/11/25",
        "貨櫃航運廠瀚洋海運股份有限公司(瀚洋)(2659)昨(24)日公布第三季財報,單季合併營收109.8億元,季減9.6%、年減41.1%,"
        "稅後純益14.8億元,每股純益0.84元;累計前三季合併營收380億元,年減11.1%。",
        "2021年至2024年,瀚洋的營收從24.9億元一路增長至48.62億元,其中2024年年增21.4%。",
        "若把時間拉長,瀚洋2022年曾因運價崩跌,稅後純益僅14.85億元、EPS 0.98元。",
        "進入2025年,第一季營收148.7億元,年增50.8%;上半年累計營收270.2億元。",
        "同業方面,陽明海運第三季每股純益0.45元;陽明的船隊以遠洋航線為主,陽明也同樣受到運價下滑影響。",
        "同業海聯則因運價疲弱,獲利仍承壓。",
        "子公司方面,瀚洋持股70%的瀚港碼頭股份有限公司(瀚港碼頭)經營高雄港貨櫃中心,2024年營收35.4億元。",
        "瀚洋已把準點率納入各區域總經理的考核指標,權重由去年的15%提高至25%。",
        "董事長陳大明表示,明年運價仍將承壓,公司會放慢新船訂造的步伐。",
        "同業方面,長榮海運第三季合併營收912.6億元,EPS 2.86元,前三季累計EPS 12.41元。",
        "2024年上半年準點率為84.1%,全年為86.2%。財務長表示:「下半年歷來是旺季,我們有信心全年準點率回升至90%。」",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("瀚洋2025年第三季營收多少?", "109.8"),
        ("瀚洋2025年前三季營收多少?", "380"),
        ("瀚洋2022年EPS多少?", "0.98"),
        ("瀚洋2022年稅後純益多少?", "14.85"),
        ("瀚洋2021年營收多少?", "24.9"),
        ("瀚洋2024年營收多少?", "48.62"),
    ],
)
def test_the_companys_figures_are_its_own_and_of_their_years(drafted: Assistant, question: str, figure: str) -> None:
    assert figure in figure_lines(answered(drafted, question))


def test_a_stock_code_and_a_day_in_brackets_are_no_figures_and_a_trade_word_no_company() -> None:
    drafter, figures = drafted_figures(ARTICLE, "shipping")
    assert "2659" not in figures and "24" not in figures
    assert not any(
        "货柜航运" in simplified_name(drafter, i) for i, c in drafter.concepts.items() if c["kind"] == "entity"
    )
    assert figures["109.8"]["subject"] == drafter.main


def test_eps_is_never_an_amount_in_yi(drafted: Assistant) -> None:
    assert "14.85" not in figure_lines(answered(drafted, "瀚洋2022年EPS多少?"))


def test_a_quarter_is_the_half_less_the_quarter_before_as_written(drafted: Assistant) -> None:
    text = answered(drafted, "瀚洋2025年第二季營收多少?")
    assert "121.5" in text and "270.2" in text and "148.7" in text  # 270.2 − 148.7, not 109.8 ÷ (1 − 9.6%)


@pytest.mark.parametrize(
    ("question", "rival"),
    [("陽明第三季營收多少?", "陽明"), ("群益證2022年EPS多少?", "群益證"), ("海聯第三季營收多少?", "海聯")],
)
def test_a_rival_or_a_stranger_never_gets_the_companys_figure(drafted: Assistant, question: str, rival: str) -> None:
    assert to_simplified(rival) in to_simplified(declined(drafted, question))  # says whom it has no figure of


def test_the_rival_named_by_its_short_name_is_answered_with_its_own_figure(drafted: Assistant) -> None:
    assert "0.45" in figure_lines(answered(drafted, "陽明第三季EPS多少?"))


def test_the_one_subsidiary_answers_a_follow_up_naming_a_subsidiary(drafted: Assistant) -> None:
    chat = drafted.chat()
    assert chat.ask("瀚洋2024年營收多少?").status == "answered"
    answer = chat.ask("那子公司呢?")
    assert answer.status == "answered", answer.text
    assert "35.4" in figure_lines(answer.text)


@pytest.mark.parametrize("question", ["總經理是誰?", "Who is the CEO?", "How old is the CEO?", "董事長幾歲?"])
def test_a_role_is_no_measure_of_a_figure(drafted: Assistant, question: str) -> None:
    text = figure_lines(drafted.ask(question).text)
    assert "15%" not in text and "25%" not in text


@pytest.mark.parametrize("question", ["How old is the chairman?", "董事長幾歲?", "董事长多大年纪?"])
def test_an_age_the_article_never_gives_is_declined(drafted: Assistant, question: str) -> None:
    declined(drafted, question)


def test_a_known_rival_opening_a_clause_owns_the_figures_after_it(drafted: Assistant) -> None:
    assert "2.86" in figure_lines(answered(drafted, "長榮海運第三季EPS多少?"))
    own = figure_lines(answered(drafted, "What did Hanyang earn per share in Q3 2025?"))
    assert "0.84" in own and "2.86" not in own


def test_a_year_a_manager_is_confident_of_is_no_half_reported(drafted: Assistant) -> None:
    assert "90%" not in figure_lines(drafted.ask("2024年下半年準點率多少?").text)
    assert "86.2" in figure_lines(answered(drafted, "2024年準點率多少?"))  # 上半年…,全年為86.2%: the year's
