"""Answers on a raw draft (no review), in every script, of a wind-turbine maker: the items of a list in
units of one kind (1.1GW、巴西620MW) are parts of the measure before them; a measure named with a region
inside it (新簽海外訂單) is the vocabulary's measure of that region; sales capacity in GW is the units
shipped; a question asking for gigawatts gets a figure in gigawatts; a verb beside a named measure (what
gross margin does it earn) asks for no second measure; a level moved from per unit (由每日3.9次回落至3.6次)
is the year before's, and an adverb after a new measure's name (整體翻檯率亦) is no part of it."""

from __future__ import annotations

from answers import answered, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "沛川風能2024年業績",
        "觀潮財經 邵明遠",
        "2024年,沛川風能科技股份有限公司(下稱「沛川風能」)實現營業收入268.4億元,綜合毛利率為16.4%。",
        "出貨量方面,2024年公司風電機組對外銷售容量達到11.36GW,同比增長22.4%,其中陸上機組10.18GW,海上機組1.18GW。",
        "2024年沛川風能新簽海外訂單2.86GW,其中烏茲別克斯坦1.1GW、巴西620MW、越南480MW。",
        "公司在海外設立的子公司負責項目開發,2024年實現收入4.3億元,淨虧損約2100萬元。",
        "整體利用小時數亦由每年2450小時回落至2310小時。",
    ]
)


def test_list_items_in_units_of_one_kind_are_parts_of_the_measure(drafted: Assistant) -> None:
    assert "620" in figure_lines(answered(drafted, "沛川風能2024年巴西新簽訂單多少?"))
    text = answered(drafted, "沛川風能2024年海外新簽訂單多少?")
    assert "2.86" in figure_lines(text) and "620" not in figure_lines(text), text


def test_sales_capacity_in_gigawatts_is_units_shipped(drafted: Assistant) -> None:
    assert "11.36" in figure_lines(answered(drafted, "沛川風能2024年出貨量多少GW?"))
    assert "1.18" in figure_lines(answered(drafted, "沛川風能2024年海上機組出貨量多少GW?"))


def test_a_verb_beside_a_named_measure_asks_for_no_other(drafted: Assistant) -> None:
    answer = drafted.ask("What gross margin does Peichuan earn on its overseas business?")
    assert "2100" not in figure_lines(answer.text) and "2,100" not in figure_lines(answer.text), answer.text


def test_a_level_moved_from_per_unit_is_the_year_befores(drafted: Assistant) -> None:
    assert "2310" in figure_lines(answered(drafted, "沛川風能2024年整體利用小時數是多少?")).replace(",", "")
    assert "2450" in figure_lines(answered(drafted, "沛川風能2023年整體利用小時數是多少?")).replace(",", "")
