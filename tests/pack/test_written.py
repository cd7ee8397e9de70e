"""A figure's value, scale, unit and approximation are read back from the way the source writes it, and
its change from the way the change is written: what agrees loads, what disagrees is named."""

from __future__ import annotations

from decimal import Decimal

import pytest
from msgspec.structs import replace

from assistant.pack.figures import of_change
from assistant.pack.schema import Change, Fact
from assistant.pack.written import Words, figure_problems

WORDS = Words.of(
    ["超過", "突破", "接近", "近", "約", "约", "不足", "多", "逾", "餘", "余"],
    ["增長", "增加", "上升"],
    ["下降", "下滑", "跌幅", "減少"],
    ["為", "達"],
    ["多", "餘", "余"],
    ["至", "到", "~", "～"],
)


def fact(
    written: str,
    value: str,
    unit: str | None,
    scale: str | None = None,
    approx: str | None = None,
    quote: str | None = None,
    change: Change | None = None,
    upto: str | None = None,
) -> Fact:
    return Fact(
        id="f",
        subject="s",
        metric="m",
        value=Decimal(value),
        unit=unit,
        scale=scale,
        approx=approx,
        written=written,
        quote=quote if quote is not None else f"公司去年{written}。",
        paragraph=1,
        change=change,
        upto=Decimal(upto) if upto is not None else None,
    )


AGREE = [
    fact("103億元", "103", "元", "億"),
    fact("超過42%", "42", "%", approx="超過"),
    fact("三成", "30", "%"),
    fact("接近八成", "80", "%", approx="接近"),
    fact("百分之十二", "12", "%"),
    fact("約百分之三十五點五", "35.5", "%", approx="約"),
    fact("100多款", "100", "款", approx="多"),
    fact("28萬多台", "28", "台", "萬", approx="多"),
    fact("約為4.2%", "4.2", "%", approx="約"),
    fact("1000万余元", "1000", "元", "萬", approx="餘"),
    fact("-6.2億元", "-6.2", "元", "億"),
    fact("2848.72萬元", "2848.72", "元", "萬"),
    fact("26%至27%", "26", "%", upto="27"),
    fact("8000至1萬台", "8000", "台", upto="10000"),
    fact("3至6億元", "3", "元", "億", upto="6"),
    fact("3億至6億元", "3", "元", "億", upto="6"),
    fact("約3至6個月", "3", "個月", approx="約", upto="6"),
    fact("180到200家", "180", "家", upto="200"),
    fact("约1.02亿元", "1.02", "元", "億", approx="約"),
    fact("1,200億元", "1200", "元", "億"),
    fact("0.70%", "0.7", "%"),
    fact("兩億元", "2", "元", "億"),
    fact("十二萬人", "12", "人", "萬"),
    fact("68.5億港元", "68.5", "港元", "億", quote="年末存貨結餘為68.5億港元。"),  # 結餘: a balance, no 餘 of a figure
    fact("2011年", "2011", "年", quote="成立于2015年,2011年開始研發。"),
    fact("12.62億元", "12.62", "元", "億", quote="凈利潤為12.62億元;營業收入103億元,同比下降9.73%。", change=None),
    fact(
        "103億元",
        "103",
        "元",
        "億",
        quote="營業收入103億元,同比下降9.73%。",
        change=Change(value=Decimal("-9.73"), written="同比下降9.73%"),
    ),
    fact(
        "30.48億元",
        "30.48",
        "元",
        "億",
        quote="收入30.48億元,同比下滑超過25%。",
        change=Change(value=Decimal("-25"), approx="超過", written="同比下滑超過25%"),
    ),
    fact(
        "3271人",
        "3271",
        "人",
        quote="員工3271人,同比增加315人。",
        change=Change(value=Decimal("315"), unit="人", written="同比增加315人"),
    ),
    # a later item of a list the approximation word opens is approximate too
    fact("6800萬元", "6800", "元", "萬", approx="不足", quote="淨利潤分別不足6000萬元、6800萬元及7500萬元。"),
    fact("7500萬元", "7500", "元", "萬", approx="不足", quote="淨利潤分別不足6000萬元、6800萬元及7500萬元。"),
    fact(  # a change in units of a figure in 萬: the change states its own (empty) scale
        "約1.8萬家",
        "1.8",
        "家",
        "萬",
        approx="約",
        quote="門店約1.8萬家,較上年減少1500家。",
        change=Change(value=Decimal("-1500"), unit="家", scale="", written="減少1500家"),
    ),
]
STORES = AGREE[-1]


@pytest.mark.parametrize("agreeing", AGREE, ids=[f"{f.written}|{f.change.written if f.change else ''}" for f in AGREE])
def test_agreeing_figures_load(agreeing: Fact) -> None:
    assert figure_problems(agreeing, WORDS) == []


DISAGREE = [
    (fact("103億元", "999", "元", "億"), "value 999 does not agree"),
    (fact("103億元", "103", "元", "萬"), "scale and unit '萬元'"),
    (fact("103億元", "103", "美元", "億"), "scale and unit '億美元'"),
    (fact("超過42%", "42", "%"), "approx None does not agree"),
    (fact("28萬多台", "28", "台", "萬"), "approx None does not agree"),
    (fact("4.2%", "4.2", "%", quote="份額約為4.2%。"), "with an approximation word beside it"),
    (fact("42%", "42", "%", approx="超過", quote="佔比42%。"), "approx '超過' does not agree"),
    (fact("6800萬元", "6800", "元", "萬", approx="超過", quote="分別不足6000萬元、6800萬元。"), "approx '超過'"),
    (fact("6800萬元", "6800", "元", "萬", approx="不足", quote="不足6000萬元;6800萬元。"), "approx '不足'"),
    (fact("三成", "3", "%"), "value 3 does not agree"),
    (fact("三成", "30", "成"), "percentage (成)"),
    (fact("百分之十二", "20", "%"), "value 20 does not agree"),
    (fact("百分之十二", "12", "元", "億"), "percentage"),
    (fact("6.2億元", "6.2", "元", "億", quote="虧損-6.2億元。"), "part of a larger figure"),
    (fact("3億元", "3", "元", "億", quote="收入13億元。"), "part of a larger figure"),
    (fact("3億元", "3", "元", "億", quote="收入3.5億元,利潤3億元。"), ""),  # the second 3億元 stands on its own
    (fact("42%", "42", "%", quote="佔比超過42%。"), "approximation word"),
    (fact("億元", "2", "元", "億"), "no figure"),
    (fact("兩億元", "3", "元", "億"), "value 3 does not agree"),
    (fact("2024年3月", "2024", "年"), "2 figures"),
    (fact("1E+1億元", "10", "元", "億"), ""),
    (
        fact(
            "103億元",
            "103",
            "元",
            "億",
            quote="營業收入103億元,同比下降9.73%。",
            change=Change(value=Decimal("9.73"), written="同比下降9.73%"),
        ),
        "wrong sign",
    ),
    (
        fact(
            "103億元",
            "103",
            "元",
            "億",
            quote="營業收入103億元,同比下降9.73%。",
            change=Change(value=Decimal("-9.37"), written="同比下降9.73%"),
        ),
        "change.value -9.37",
    ),
    (
        fact(
            "103億元",
            "103",
            "元",
            "億",
            quote="營業收入103億元,同比下降9.73%。",
            change=Change(value=Decimal("-9.73"), unit="個百分點", written="同比下降9.73%"),
        ),
        "change.unit",
    ),
    (
        fact(
            "30.48億元",
            "30.48",
            "元",
            "億",
            quote="收入30.48億元,同比下滑超過25%。",
            change=Change(value=Decimal("-25"), written="同比下滑超過25%"),
        ),
        "change.approx None",
    ),
    (  # without its own scale, the change is read in the figure's 萬家
        replace(STORES, change=Change(value=Decimal("-1500"), unit="家", written="減少1500家")),
        "change.unit '萬家'",
    ),
    (fact("180至200家", "180", "家", upto="210"), "upto 210 does not agree"),
    (fact("8000至1萬台", "8000", "台", upto="1"), "upto 1 does not agree"),
    (fact("3至6億元", "3", "元", upto="6"), "upto 6 does not agree"),
    (fact("180家", "180", "家", upto="200"), "a range (upto) needs two"),
    (fact("17761-2024", "17761", None, upto="2024"), "no range word"),
    (fact("1", "1E+40", None), "larger than"),
    (fact("1", "NaN", None), "not a number"),
    (fact("1", "0.000000001", None), "decimals"),
]


@pytest.mark.parametrize(("wrong", "named"), DISAGREE, ids=[f"{f.written}|{f.value}|{n}" for f, n in DISAGREE])
def test_disagreeing_figures_are_named(wrong: Fact, named: str) -> None:
    problems = figure_problems(wrong, WORDS)
    if named:
        assert any(named in p for p in problems), problems
    elif "E+" in (wrong.written or ""):
        assert problems, "a figure in exponent form is not how an article writes it"
    else:
        assert problems == []


def test_a_change_with_its_own_scale_is_computed_in_it() -> None:
    assert of_change(STORES).value == Decimal("-1500")
    same_scale = fact(
        "3.5萬人",
        "3.5",
        "人",
        "萬",
        quote="員工3.5萬人,增加0.5萬人。",
        change=Change(value=Decimal("0.5"), unit="人", written="增加0.5萬人"),
    )
    assert of_change(same_scale).value == Decimal("5000")
