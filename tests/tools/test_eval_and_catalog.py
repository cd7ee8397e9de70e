"""`assistant eval`, `assistant facts` and `assistant source` on the mini pack."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.cli import main


@pytest.fixture
def cases(mini_pack: Path) -> Path:
    return mini_pack / "cases.yaml"


def test_eval_prints_rates_by_group(cases: Path, mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(cases), "--pack", str(mini_pack)]) == 0
    out = capsys.readouterr().out
    for group in ("overall", "expect:answered", "expect:no_answer", "kind:figure", "kind:oos", "lang:zh-Hant",
                  "lang:zh-Hans", "lang:en"):
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
        encoding="utf-8")
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


def test_facts_table_and_search(mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--pack", str(mini_pack)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "subject", "metric", "period", "value", "para"]
    assert lines[1].split() == ["starlake-revenue-2024", "starlake", "revenue", "2024", "48.5億元", "1"]
    assert any(line.split()[-2:] == ["(derived)", "1"] for line in lines)
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
