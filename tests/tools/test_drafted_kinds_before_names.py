"""A raw draft of an article that names its company after a kind of business (貨櫃航運股瀾海航運, with a Latin
gloss), gives its subsidiary a legal name that begins with the company's (瀾海航運(新加坡)私人有限公司, quoted,
with a Latin gloss of its own), names rivals after 大廠 or a description with a quarter's figure, and reports
a whole year and a part of 今年. The company, the subsidiary and the rivals each keep their own figures; 今年
is the year after the one reported whole; a reason given after a figure compared with the year before is
dated with that figure, not the year it is compared with. The article is written for these tests."""

from __future__ import annotations

import pytest
from answers import answered

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "瀾海航運去年獲利大增 今年首季營收續揚",
        "經濟晨報 記者周雅文/台北報導",
        "貨櫃航運股瀾海航運(Lanhai Lines)昨日召開法說會,公布2024年全年財報與今年首季成績。",
        "瀾海航運2024年合併營收為1,286.4億元,年增18.2%;稅後純益為352.6億元。",
        "今年首季瀾海航運營收為310.5億元,年增9.4%。",
        "瀾海航運2024年毛利率為24.8%,較2023年的19.6%提升5.2個百分點。公司表示,毛利率走揚主要來自美洲線運價回升與燃油成本下降。",
        "海外子公司方面,百分之百持股的「瀾海航運(新加坡)私人有限公司」(Lanhai Singapore)負責東南亞接駁航線,"
        "2024年營收為12.8億美元。",
        "另一家子公司瀾海馬來西亞2024年營收為3.2億美元,瀾海馬來西亞員工約380人。",
        "在歐洲,德國子公司瀾海歐洲負責攬貨與倉儲。",
        "瀾海歐洲2024年營收為1.9億歐元。",
        "同業比較上,國內航運大廠金舟航運第三季營收211.5億元,年減約28%;以亞洲線為主的遠峰海運前三季每股稅後純益5.12元。",
        "瀾海航運目前船隊共142艘,員工總數約7,850人。本文金額除特別註明外,均為新台幣。",
    ]
)


def _name(drafted: Assistant, ident: str | None) -> str:
    assert ident
    return to_simplified(drafted.pack.concepts[ident].names.zh_Hant)


def test_the_company_named_after_its_kind_of_business_is_the_default_subject(drafted: Assistant) -> None:
    assert _name(drafted, drafted.pack.default_subject) == "澜海航运"
    names = {to_simplified(c.names.zh_Hant) for c in drafted.pack.concepts.values()}
    assert not any(n.endswith("股澜海航运") or n.startswith("运股") for n in names)  # no kind word in a name


@pytest.mark.parametrize("question", ["瀾海航運2024年營收多少?", "澜海2024年营收", "Lanhai Lines revenue 2024?"])
def test_the_company_keeps_its_own_revenue(drafted: Assistant, question: str) -> None:
    text = answered(drafted, question)
    assert "1,286.4" in text or "1286.4" in text
    assert "12.8" not in text


@pytest.mark.parametrize("question", ["Lanhai Singapore revenue 2024?", "瀾海航運(新加坡)私人有限公司2024年營收多少?"])
def test_the_subsidiary_with_the_company_name_and_a_place_is_a_company_of_its_own(
    drafted: Assistant, question: str
) -> None:
    text = answered(drafted, question)
    assert "12.8" in text
    assert "1286.4" not in text.replace(",", "")


def test_a_subsidiary_named_by_brand_and_country_keeps_the_whole_country(drafted: Assistant) -> None:
    names = {to_simplified(c.names.zh_Hant) for c in drafted.pack.concepts.values()}
    assert "澜海马来西亚" in names and "澜海马来" not in names
    assert "380" in answered(drafted, "瀾海馬來西亞員工多少人?")


@pytest.mark.parametrize(
    ("question", "rival", "own"),
    [
        ("金舟航運第三季營收多少?", "211.5", "310.5"),
        ("远峰海运前三季每股税后纯益多少?", "5.12", "352.6"),
    ],
)
def test_a_rival_named_before_a_quarters_figure_keeps_it(
    drafted: Assistant, question: str, rival: str, own: str
) -> None:
    text = answered(drafted, question)
    assert rival in text and own not in text


@pytest.mark.parametrize("question", ["瀾海航運第三季營收多少?", "澜海航运第三季度营收"])
def test_the_company_is_never_answered_with_a_rivals_quarter(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert "211.5" not in answer.text


def test_this_year_is_the_year_after_the_one_reported_whole(drafted: Assistant) -> None:
    assert drafted.pack.current_year == 2025
    assert "310.5" in answered(drafted, "瀾海航運2025年第一季營收多少?")
    text = answered(drafted, "瀾海航運去年營收多少?")
    assert "1286.4" in text.replace(",", "")


def test_a_reason_after_a_compared_figure_is_dated_with_that_figure(drafted: Assistant) -> None:
    text = answered(drafted, "瀾海航運去年毛利率為什麼提升?")
    assert "运价回升" in text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("德國子公司2024年營收多少?", "1.9"),
        ("德国子公司营收多少", "1.9"),
        ("What was the German subsidiary's revenue in 2024?", "1.9"),
        ("馬來西亞子公司員工多少人?", "380"),
    ],
)
def test_a_subsidiary_is_also_called_by_its_place(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in text and "1,286.4" not in text


def test_a_taiwan_articles_yuan_is_new_taiwan_dollars_in_english(drafted: Assistant) -> None:
    """The article writes its amounts in bare 元 and says they are 新台幣: English answers say NT$, never RMB."""
    text = drafted.ask("What was Lanhai Lines' revenue in 2024?").text
    assert "NT$ 128.64 billion" in text and "RMB" not in text
