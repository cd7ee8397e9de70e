"""`assistant check` says what is wrong in a pack's YAML the way a person fixes it: the line of the field,
the field, and what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from packedit import FACTS, GAZETTEER, edit, line_of, only_problem

from assistant.cli import main
from assistant.tools.check import check_pack

NET_PROFIT_LABEL = "    label: {zh-Hant: 2024年凈利潤, en: net profit in 2024}\n"


def test_ascii_comma_in_a_one_line_label(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = pack / FACTS
    edit(facts, NET_PROFIT_LABEL, "    label: {zh-Hant: 2024年凈利潤, 同比下降, en: net profit in 2024}\n")
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    line = line_of(facts, "同比下降, en:")
    assert (
        f"{FACTS}:{line}: error: [starlake-net-profit-2024] label: the ASCII comma in '2024年凈利潤, 同比下降' "
        "ends the value inside {…}"
    ) in out
    assert "Quote the value: zh-Hant: '2024年凈利潤, 同比下降'" in out
    assert "Object contains unknown field" not in out


def test_misspelt_field(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    metric: rd_staff\n", "    metrc: rd_staff\n")
    problem = only_problem(
        check_pack(pack), FACTS, line_of(facts, "metrc: rd_staff"), "unknown field `metrc`: did you mean `metric`?"
    )
    assert problem.entry == "starlake-rd-staff-2024"


def test_year_written_as_a_number(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    period: 2025-03\n", "    period: 2025\n")
    only_problem(
        check_pack(pack),
        FACTS,
        line_of(facts, "period: 2025"),
        "period: 2025 is read as a number; this field is text, so write it in quotes: period: '2025'",
    )


def test_value_with_its_unit(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    value: 2600\n", "    value: 2600人\n")
    only_problem(
        check_pack(pack),
        FACTS,
        line_of(facts, "value: 2600人"),
        "value: '2600人' is not a number; write the number alone",
    )


def test_single_segment_not_in_a_list_and_label_not_a_mapping(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    segment: [europe]\n", "    segment: europe\n")
    edit(facts, NET_PROFIT_LABEL, "    label: 2024年凈利潤\n")
    result = check_pack(pack)
    only_problem(
        result,
        FACTS,
        line_of(facts, "segment: europe"),
        "segment: expected a list, [a, b], got text 'europe'; write [europe]",
    )
    only_problem(result, FACTS, line_of(facts, "label: 2024年凈利潤"), "label: expected {zh-Hant: …, en: …}")


def test_missing_field_says_what_it_holds(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    quote: 2025年3月,公司宣布投資不足5億元建設第二座電池工廠。\n", "")
    only_problem(
        check_pack(pack),
        FACTS,
        line_of(facts, "id: starlake-factory-2025"),
        "`quote` is missing: the source sentence, verbatim inside the paragraph",
    )


def test_kind_that_does_not_exist(pack: Path) -> None:
    gazetteer = pack / GAZETTEER
    edit(gazetteer, "  products:\n    kind: metric\n", "  products:\n    kind: product\n")
    only_problem(
        check_pack(pack),
        GAZETTEER,
        line_of(gazetteer, "kind: product"),
        "kind: 'product' is not one of entity, metric, segment, qualifier, unit",
    )


def test_colon_in_a_plain_value(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    quote: 凈利潤為3.2億元,同比下降8.6%。\n", "    quote: 公司稱: 凈利潤為3.2億元\n")
    only_problem(
        check_pack(pack),
        FACTS,
        line_of(facts, "公司稱: "),
        "a value that contains ': ' must be quoted: quote: '公司稱: 凈利潤為3.2億元'",
    )


def test_tab_in_the_indentation(pack: Path) -> None:
    gazetteer = pack / GAZETTEER
    edit(gazetteer, "    aliases: [主要產品,", "\taliases: [主要產品,")
    result = check_pack(pack)
    only_problem(result, GAZETTEER, line_of(gazetteer, "\taliases"), "a tab: YAML indents with spaces only")
    assert not [p for p in result.problems if "unknown concept" in p.message], "a broken file hides its concepts"


def test_lines_stay_right_after_a_rejected_fact(pack: Path) -> None:
    """The loader numbers the facts it kept; check reports each at its own line all the same."""
    facts = pack / FACTS
    edit(facts, "    value: 3.2\n", "    value: lots\n")  # the second fact is rejected
    edit(facts, "    metric: rd_staff\n", "    metric: research_people\n")
    only_problem(
        check_pack(pack), FACTS, line_of(facts, "metric: research_people"), "unknown concept 'research_people'"
    )
