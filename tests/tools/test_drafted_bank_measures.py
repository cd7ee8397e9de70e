"""Answers on a raw draft (no review), in every script, of a bank's results: the shared vocabulary knows a
bank's measures (net interest margin, NPL ratio, provision coverage, capital ratios, deposits and loans, fee
income), so a drafted pack answers them in Chinese and English, each apart from the others; the parts a 其中
list gives of a total (對公貸款, 零售貸款, 票據貼現) answer for themselves, never for the total, and a region the
article does not name (蘇北地區) is no part it has."""

from __future__ import annotations

import pytest
from answers import answered, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "瀾財研究社",
        "息差跌破1.6%,衡江銀行靠賣債穩住利潤",
        "衡江銀行2024年實現營業收入128.64億元,其中利息淨收入96.37億元,手續費及佣金淨收入11.82億元,同比下降14.6%。",
        "2024年衡江銀行淨息差為1.58%,較上年下降0.19個百分點。",
        "資產質量方面,2024年末不良貸款率為0.92%,撥備覆蓋率為412.38%。",
        "2024年末,衡江銀行資本充足率為13.26%,核心一級資本充足率為9.12%。",
        "2024年末,衡江銀行存款總額為3902.5億元,貸款總額為2846.35億元,"
        "其中對公貸款1842.6億元,零售貸款836.9億元,票據貼現166.85億元。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("衡江銀行2024年淨息差多少?", "1.58"),
        ("衡江银行NIM 2024?", "1.58"),
        ("What was Hengjiang Bank's NPL ratio at end-2024?", "0.92"),
        ("衡江银行拨备覆盖率是多少?", "412.38"),
        ("衡江銀行核心一級資本充足率?", "9.12"),
        ("What is Hengjiang Bank's capital adequacy ratio?", "13.26"),
        ("衡江銀行存款總額多少?", "3902.5"),
        ("Hengjiang Bank total loans 2024?", "2846.35"),
        ("衡江银行手续费及佣金净收入多少?", "11.82"),
        ("Hengjiang Bank net interest income 2024", "96.37"),
    ],
)
def test_a_banks_measures_are_answered_on_a_draft(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


@pytest.mark.parametrize(
    ("question", "figure"),
    [("衡江銀行對公貸款多少?", "1842.6"), ("衡江银行零售贷款余额?", "836.9"), ("衡江銀行貸款總額多少?", "2846.35")],
)
def test_the_parts_of_a_total_answer_for_themselves(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


def test_a_region_the_article_does_not_name_is_not_understood(drafted: Assistant) -> None:
    answer = drafted.ask("衡江銀行在蘇北地區的貸款餘額有多少?")
    assert answer.status == "no_answer", answer.text
    assert "2846.35" not in figure_lines(answer.text), answer.text
