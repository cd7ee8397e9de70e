"""`assistant eval`, `assistant facts` and `assistant source` on the mini pack."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.tools.catalog import width


@pytest.fixture
def cases(mini_pack: Path) -> Path:
    return mini_pack / "cases.yaml"


def test_eval_prints_rates_by_group(cases: Path, mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(cases), "--pack", str(mini_pack)]) == 0
    out = capsys.readouterr().out
    for group in (
        "overall",
        "expect:answered",
        "expect:no_answer",
        "kind:figure",
        "kind:oos",
        "lang:zh-Hant",
        "lang:zh-Hans",
        "lang:en",
    ):
        assert re.search(rf"^  {re.escape(group)} +\d+/\d+ +\d+\.\d%$", out, re.MULTILINE), group
    assert re.search(r"^latency: p50 \d+\.\d ms, p99 \d+\.\d ms$", out, re.MULTILINE)


def test_eval_fails_below_min(cases: Path, mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(cases), "--pack", str(mini_pack), "--min", "101%"]) == 1
    assert "is below --min 101.0%" in capsys.readouterr().out.splitlines()[-1]
    assert main(["eval", str(cases), "--pack", str(mini_pack), "--min", "0"]) == 0
    assert main(["eval", str(cases), "--pack", str(mini_pack), "--min", "lots"]) == 2


def test_eval_json_and_failures(tmp_path: Path, mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_file = tmp_path / "cases.yaml"
    case_file.write_text(
        '- {id: right, lang: en, kind: figure, q: "Starlake revenue 2024?", expect: answered, must: ["48.5"]}\n'
        '- {id: wrong, lang: en, kind: figure, q: "Starlake revenue 2024?", expect: answered, must: ["99.9"]}\n',
        encoding="utf-8",
    )
    assert main(["eval", str(case_file), "--pack", str(mini_pack), "--json", "--min", "0.9"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["groups"]["overall"] == {"passed": 1, "total": 2, "rate": 0.5}
    assert data["passed"] is False and data["min"] == 0.9
    assert [f["case"] for f in data["failures"]] == ["wrong"] and "missing 99.9" in data["failures"][0]["why"]
    assert main(["eval", str(case_file), "--pack", str(mini_pack)]) == 0
    out = capsys.readouterr().out
    assert "wrong: Starlake revenue 2024?" in out and "answered: " in out


def test_eval_unreadable_cases_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cases.yaml").write_text("just: a mapping\n", encoding="utf-8")
    assert main(["eval", str(tmp_path / "cases.yaml")]) == 2
    assert "expected a YAML list of cases" in capsys.readouterr().err


def shows(line: str, cells: list[str]) -> bool:
    """The table line shows these cells, each whole or cut short with an ellipsis."""
    shown = line.split()
    return len(shown) == len(cells) and all(
        a == b or (a.endswith("…") and b.startswith(a[:-1])) for a, b in zip(shown, cells, strict=True)
    )


def test_facts_table_and_search(mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--pack", str(mini_pack)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "subject", "metric", "period", "segment", "label", "value", "para"]
    assert shows(lines[1], ["starlake-revenue-2024", "starlake", "revenue", "2024", "2024年營業收入", "48.5億元", "1"])
    europe = next(line for line in lines if line.startswith("starlake-europe-revenue-2024 "))
    assert shows(
        europe,
        ["starlake-europe-revenue-2024", "starlake", "revenue", "2024", "europe", "2024年歐洲市場收入", "約6億元", "2"],
    )
    derived = next(line for line in lines if line.startswith("starlake-revenue-2023 "))
    assert derived.split()[-3] == "(derived)"  # the mark first: a narrow column keeps it
    assert main(["facts", "--pack", str(mini_pack), "--search", "europe"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [r.split()[0] for r in rows] == ["starlake-europe-revenue-2024"]
    assert main(["facts", "--pack", str(mini_pack), "--search", "歐洲"]) == 0  # the quote mentions it too
    assert len(capsys.readouterr().out.splitlines()) == 1 + 3
    assert main(["facts", "--pack", str(mini_pack), "--search", "研发人员"]) == 0  # simplified finds traditional
    found = [r.split()[0] for r in capsys.readouterr().out.splitlines()[1:]]
    assert found == ["starlake-headcount-2024", "starlake-rd-staff-2024"]  # both quote 研發人員
    assert main(["facts", "--pack", str(mini_pack), "--search", "r&d staff"]) == 0
    assert [r.split()[0] for r in capsys.readouterr().out.splitlines()[1:]] == ["starlake-rd-staff-2024"]
    assert main(["facts", "--pack", str(mini_pack), "--search", "Overseas", "--json"]) == 0
    ids = [f["id"] for f in json.loads(capsys.readouterr().out)]
    assert ids == ["starlake-overseas-revenue-2024", "starlake-overseas-share-2024"]
    assert main(["facts", "--pack", str(mini_pack), "--search", "nothing like this"]) == 0
    assert "no fact matches" in capsys.readouterr().err


def _rows(capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    return [line.split() for line in capsys.readouterr().out.splitlines()[1:]]


def test_facts_filtered_by_subject_metric_and_period(mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = ["--pack", str(mini_pack)]
    assert main(["facts", *pack, "--metric", "營收", "--period", "2024"]) == 0  # an alias, in another script
    assert [r[0] for r in _rows(capsys)] == [
        "starlake-revenue-2024",
        "starlake-overseas-revenue-2024",
        "starlake-europe-revenue-2024",
    ]
    assert main(["facts", *pack, "--metric", "revenue", "--period", "2023"]) == 0
    assert [r[0] for r in _rows(capsys)] == ["starlake-revenue-2023"]
    assert main(["facts", *pack, "--period", "2025"]) == 0  # a year holds its months
    assert [r[0] for r in _rows(capsys)] == ["starlake-factory-2025"]
    assert main(["facts", *pack, "--subject", "Starlake Storage", "--metric", "net profit"]) == 0
    assert [r[0] for r in _rows(capsys)] == ["starlake-net-profit-2024"]
    assert main(["facts", *pack, "--subject", "星湖儲能", "--period", "2019"]) == 0
    assert "no fact matches subject '星湖儲能', period '2019'" in capsys.readouterr().err


def test_facts_filter_that_names_nothing_is_a_usage_error(mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--pack", str(mini_pack), "--subject", "starlak"]) == 2
    error = capsys.readouterr().err
    assert "--subject 'starlak': no entity of this pack is called that; did you mean starlake?" in error
    assert main(["facts", "--pack", str(mini_pack), "--metric", "starlake"]) == 2  # an entity is not a metric
    assert "no metric" in capsys.readouterr().err


def test_facts_table_fits_100_columns(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Long labels and tags are cut with an ellipsis, then left out to keep ids whole; an id longer
    than the line is cut last; the columns stay aligned."""
    facts = pack / "facts" / "facts.yaml"
    text = facts.read_text(encoding="utf-8").replace(
        "    label: {zh-Hant: 2024年歐洲市場收入, en: European revenue in 2024}\n",
        "    tags: [europe_market_estimate_of_the_management]\n"
        "    label: {zh-Hant: 2024年歐洲市場收入按管理層估計的數字, en: European revenue in 2024}\n",
    )
    facts.write_text(
        text.replace(
            "  - id: starlake-europe-revenue-2024\n",
            "  - id: starlake-europe-revenue-2024-as-estimated-by-the-management\n",
        ),
        encoding="utf-8",
    )
    gazetteer = pack / "facts" / "gazetteer.yaml"
    gazetteer.write_text(
        gazetteer.read_text(encoding="utf-8")
        + (
            "  europe_market_estimate_of_the_management:\n    kind: qualifier\n"
            "    names: {zh-Hant: 管理層估計, en: management estimate}\n"
        ),
        encoding="utf-8",
    )
    for pack_args in (["--pack", str(pack)], []):  # the edited mini pack, the bundled pack
        assert main(["facts", *pack_args]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert max(width(line) for line in lines) <= 100
        header = lines[0]
        assert header.split()[:4] == ["id", "subject", "metric", "period"]
        assert header.split()[-2:] == ["value", "para"]
        para = width(header[: header.index("para")])
        assert all(width(line[: len(line) - len(line.split()[-1])]) == para for line in lines[1:])
    assert main(["facts", "--pack", str(pack), "--search", "歐洲"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert "label" not in header.split()  # no room for it beside a 62-character id
    cells = next(row for row in rows if row.startswith("starlake-europe-revenue-2024-")).split()
    assert cells[0].startswith("starlake-europe-revenue-2024-") and cells[0].endswith("…")
    assert main(["facts", "--pack", str(pack), "--search", "歐洲", "--csv"]) == 0
    assert "starlake-europe-revenue-2024-as-estimated-by-the-management" in capsys.readouterr().out


def test_source_paragraphs(mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "3", "--pack", str(mini_pack)]) == 0
    assert capsys.readouterr().out == "  3  截至2024年底,星湖儲能員工總數超過2600人,其中研發人員約820人。\n"
    assert main(["source", "--pack", str(mini_pack), "--source", "starlake-2024"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and lines[0].startswith("  1  星湖儲能2024年營業收入") and "晨光財訊" not in lines[0]
    assert main(["source", "9", "--pack", str(mini_pack)]) == 2
    assert "out of range" in capsys.readouterr().err
    assert main(["source", "--pack", str(mini_pack), "--source", "nope"]) == 2


def test_bundled_source_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "21", "--json"]) == 0
    [paragraph] = json.loads(capsys.readouterr().out)
    assert paragraph["paragraph"] == 21 and "營業收入103億元" in paragraph["text"]
