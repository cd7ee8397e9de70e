"""Whose figure it is, sentence in and fields out, in both scripts: a subsidiary glossed in English right after
its Chinese name (衡江金融租赁(Hengjiang Financial Leasing)) is that subsidiary, though the parent's English name
begins the same; after 衡江銀行持有其51%的股份, 該公司 is the subsidiary 其 points at, not the holder named
before it. The articles are written for these tests."""

from __future__ import annotations

from typing import Any

from scripts import ALL_SCRIPTS

from assistant.tools.draft.analysis import Drafter


@ALL_SCRIPTS
def test_the_company_a_holder_holds_is_the_one_the_pointer_names(convert: Any) -> None:
    text = "\n".join(
        [
            "息差跌破1.6%,衡江銀行靠賣債穩住利潤",
            "",
            "衡江銀行2024年實現營業收入128.64億元,歸母淨利潤39.86億元。",
            "",
            "另一家控股子公司衡江金融租賃(Hengjiang Financial Leasing)同樣貢獻了不少利潤。衡江銀行持有其51%的股份,"
            "2024年末該公司資產總額約312億元,全年淨利潤4.06億元,主要投向新能源領域。",
        ]
    )
    drafter = Drafter(convert(text), slug="short")
    drafter.run()
    by_value = {str(f.data["value"]): f.data for f in drafter.facts if "value" in f.data}
    bank = by_value["39.86"]["subject"]
    assert by_value["4.06"]["subject"] != bank, by_value["4.06"]
    assert by_value["312"]["subject"] == by_value["4.06"]["subject"]
    leasing = drafter.concepts[by_value["4.06"]["subject"]]
    assert convert("衡江金融") in str(leasing["names"]), leasing
