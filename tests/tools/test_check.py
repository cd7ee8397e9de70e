"""`assistant check`: every kind of problem, on a broken copy of the mini pack, at the right file and line."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from packedit import ARTICLE, FACTS, GAZETTEER, edit, line_of, only_problem

from assistant.cli import main
from assistant.engine.templates import TEMPLATE_FIELDS
from assistant.pack.paths import bundled_root
from assistant.tools.check import check_pack


def test_bundled_pack_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert re.search(r"^0 errors, \d+ warnings?", out.splitlines()[-1])


def test_mini_pack_passes(mini_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(mini_pack)]) == 0, capsys.readouterr().out


def test_broken_yaml(pack: Path) -> None:
    facts = pack / FACTS
    quote = "    quote: 凈利潤為3.2億元,同比下降8.6%。\n"
    edit(facts, quote, quote + "   bad: indent\n")
    result = check_pack(pack)
    only_problem(result, FACTS, line_of(facts, "bad: indent"), "broken YAML")
    assert not [p for p in result.problems if "not covered" in p.message], "a broken file must not flood coverage"


def test_wrong_type(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    value: 3.2\n", "    value: three point two\n")
    result = check_pack(pack)
    problem = only_problem(
        result,
        FACTS,
        line_of(facts, "value: three point two"),
        "value: 'three point two' is not a number; write the number alone",
    )
    assert problem.entry == "starlake-net-profit-2024"


def test_quote_not_in_paragraph(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    quote: 凈利潤為3.2億元,同比下降8.6%。\n", "    quote: 凈利潤為3.3億元,同比下降8.6%。\n")
    result = check_pack(pack)
    only_problem(result, FACTS, line_of(facts, "id: starlake-net-profit-2024"), "quote not found verbatim")
    assert not [p for p in result.problems if "not covered" in p.message and "paragraph 1" in p.message]


def test_paragraph_out_of_range(pack: Path) -> None:
    facts = pack / FACTS
    start = line_of(facts, "id: starlake-factory-2025")
    edit(
        facts,
        "    quote: 2025年3月,公司宣布投資不足5億元建設第二座電池工廠。\n    paragraph: 5\n",
        "    quote: 2025年3月,公司宣布投資不足5億元建設第二座電池工廠。\n    paragraph: 9\n",
    )
    only_problem(check_pack(pack), FACTS, start, "paragraph 9 is out of range (1-5)")


def test_bad_skip_pattern(pack: Path) -> None:
    sources = pack / "facts" / "sources.yaml"
    edit(sources, '"^本文僅供參考$"', '"(unclosed"')
    only_problem(
        check_pack(pack),
        "facts/sources.yaml",
        line_of(sources, "- id: starlake-2024"),
        "skip: not a regular expression",
    )


def test_uncovered_number(pack: Path) -> None:
    article = pack / ARTICLE
    edit(article, "本文僅供參考", "公司計劃在2026年新增300名工程師。\n本文僅供參考")
    result = check_pack(pack)
    line = line_of(article, "300名工程師")
    for number in ("2026", "300"):
        problem = only_problem(result, ARTICLE, line, f"number {number} in paragraph 6 is not covered")
        assert problem.entry == "starlake-2024"
    assert result.failed


def test_not_facts_and_quotes_cover_numbers(pack: Path) -> None:
    article = pack / ARTICLE
    edit(article, "本文僅供參考", "3、公司展望\n本文僅供參考")
    assert [p for p in check_pack(pack).problems if "number 3 in paragraph 6" in p.message]
    entry = "not_facts:\n  - {paragraph: 6, text: '3、公司展望', reason: section numbering}"
    edit(pack / FACTS, "not_facts: []", entry)
    assert not check_pack(pack).failed


def test_duplicate_fact_id(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "  - id: starlake-net-profit-2024\n", "  - id: starlake-revenue-2024\n")
    only_problem(
        check_pack(pack),
        FACTS,
        line_of(facts, "id: starlake-revenue-2024", after=2),
        "duplicate fact id starlake-revenue-2024",
    )


def test_duplicate_key_with_another_value_is_an_error(pack: Path) -> None:
    facts = pack / FACTS
    extra = (
        "  - id: starlake-revenue-2024-again\n    subject: starlake\n    metric: revenue\n    period: '2024'\n"
        "    value: 15.2\n    unit: 元\n    scale: 億\n    written: 15.2億元\n"
        "    quote: 公司海外收入達到15.2億元,占總營收比重接近三成,其中歐洲市場收入約6億元。\n    paragraph: 2\n"
    )
    edit(facts, "derived:\n", extra + "derived:\n")
    result = check_pack(pack)
    problem = only_problem(result, FACTS, line_of(facts, "id: starlake-revenue-2024-again"), "different value")
    assert "starlake-revenue-2024" in problem.message


def test_duplicate_key_with_the_same_value_is_a_warning(pack: Path) -> None:
    facts = pack / FACTS
    extra = (
        "  - id: starlake-europe-again\n    subject: starlake\n    metric: revenue\n    segment: [europe]\n"
        "    period: '2024'\n    value: 6\n    unit: 元\n    scale: 億\n    approx: 約\n    written: 約6億元\n"
        "    quote: 其中歐洲市場收入約6億元。\n    paragraph: 2\n"
    )
    edit(facts, "derived:\n", extra + "derived:\n")
    result = check_pack(pack)
    only_problem(result, FACTS, line_of(facts, "id: starlake-europe-again"), "repeats", "warning")
    assert not result.failed


def test_aliases_that_are_no_list_are_a_problem_not_a_traceback(pack: Path) -> None:
    gazetteer = pack / GAZETTEER
    edit(gazetteer, "    aliases: [星湖儲能, 星湖, 星湖储能, Starlake, Starlake Storage]\n", "    aliases: 5\n")
    result = check_pack(pack)
    assert result.failed and any(p.file == GAZETTEER and "aliases" in p.message for p in result.problems), (
        result.problems
    )


def test_the_two_ends_of_a_stated_range_are_no_duplicate(pack: Path) -> None:
    """售價在299元至399元之間: two figures filed alike, which the engine answers together; not a problem."""
    edit(pack / ARTICLE, "本文僅供參考", "2024年星湖儲能戶用儲能系統售價在299元至399元之間。\n本文僅供參考")
    ends = "".join(
        f"  - id: starlake-price-{value}\n    subject: starlake\n    metric: price\n    period: '2024'\n"
        f"    value: {value}\n    unit: 元\n    written: {value}元\n"
        "    quote: 2024年星湖儲能戶用儲能系統售價在299元至399元之間。\n    paragraph: 6\n"
        for value in (299, 399)
    )
    edit(pack / FACTS, "derived:\n", ends + "derived:\n")
    result = check_pack(pack)
    assert not [p for p in result.problems if "starlake-price" in (p.entry or "")], result.problems


def test_alias_on_two_concepts_of_one_kind(pack: Path) -> None:
    gazetteer = pack / GAZETTEER
    edit(gazetteer, "aliases: [主要產品, 產品,", "aliases: [主要產品, 產品, 營收,")
    problem = only_problem(check_pack(pack), GAZETTEER, line_of(gazetteer, "營收"), "names both products")
    assert "revenue" in problem.message and "营收" in problem.message


def test_alias_in_two_pack_concepts_after_folding(pack: Path) -> None:
    gazetteer = pack / GAZETTEER
    edit(gazetteer, "aliases: [電池工廠,", "aliases: [电池工厂, 產品,")
    problem = only_problem(check_pack(pack), GAZETTEER, line_of(gazetteer, "电池工厂"), "names both")
    assert "products" in problem.message and "factory_investment" in problem.message


def test_alias_shared_across_kinds_is_a_warning(pack: Path) -> None:
    gazetteer = pack / GAZETTEER
    edit(gazetteer, "aliases: [電池工廠,", "aliases: [星湖, 電池工廠,")
    result = check_pack(pack)
    only_problem(result, GAZETTEER, line_of(gazetteer, "[星湖, 電池工廠"), "names both", "warning")


def test_unknown_concept(pack: Path) -> None:
    facts = pack / FACTS
    edit(facts, "    metric: rd_staff\n", "    metric: research_people\n")
    only_problem(
        check_pack(pack), FACTS, line_of(facts, "metric: research_people"), "unknown concept 'research_people'"
    )


def _own_intents(pack: Path) -> Path:
    shutil.copytree(bundled_root() / "intents", pack / "intents")
    return pack / "intents"


def test_template_with_unknown_field(pack: Path) -> None:
    templates = _own_intents(pack) / "templates.yaml"
    line = line_of(templates, "zh-Hant:", after=line_of(templates, "  figure:"))
    lines = templates.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace('zh-Hant: "', 'zh-Hant: "{profit_margin}', 1)
    templates.write_text("".join(lines), encoding="utf-8")
    problem = only_problem(check_pack(pack), "intents/templates.yaml", line, "{profit_margin}")
    assert problem.entry == "figure"


def test_spoken_form_of_another_length(pack: Path) -> None:
    """A spoken form replaced by a written one of another length would shift the question: check names it."""
    language = _own_intents(pack) / "language.yaml"
    edit(language, '"幾耐=多久"', '"幾耐=多長時間"')
    problem = only_problem(
        check_pack(pack), "intents/language.yaml", line_of(language, "幾耐=多長時間"), "幾耐=多長時間"
    )
    assert "one length" in problem.message


def test_intent_cues_that_collide(pack: Path) -> None:
    intents = _own_intents(pack) / "intents.yaml"
    intents.write_text(
        "intents:\n  lookup:\n    cues:\n      - 是多少\n      - how much\n"
        "  when:\n    cues:\n      - 什麼時候\n      - 是多少\n",
        encoding="utf-8",
    )
    problem = only_problem(check_pack(pack), "intents/intents.yaml", 9, "cue '是多少'")
    assert "lookup" in problem.message and problem.entry == "when"


def test_template_fields_follow_the_template_comments() -> None:
    """The allowed fields in check.py are those the bundled templates.yaml documents beside each key."""
    text = (bundled_root() / "intents" / "templates.yaml").read_text(encoding="utf-8")
    documented = {
        m.group(1): frozenset((m.group(2) or "").split())
        for m in re.finditer(r"^  (\w+):[ \t]*(?:#[ \t]*(.*))?$", text, re.MULTILINE)
    }
    documented = {k: v for k, v in documented.items() if k in yaml.safe_load(text)["templates"]}
    documented.pop("clarify", None)  # documented with {subject}, but the engine fills it without fields
    for key, fields in documented.items():
        if not key.startswith("refuse_"):
            assert TEMPLATE_FIELDS.get(key) == fields, f"template {key}: update TEMPLATE_FIELDS in engine/templates.py"


def test_draft_left_fails_the_check(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = pack / FACTS
    edit(facts, "    paragraph: 5\n", "    paragraph: 5\n    draft: true\n")
    result = check_pack(pack)
    only_problem(result, FACTS, line_of(facts, "draft: true"), "draft fact", "warning")
    assert result.drafts == 1 and result.errors == 0 and result.failed
    assert main(["check", "--pack", str(pack)]) == 1
    assert "1 draft fact left to review" in capsys.readouterr().out.splitlines()[-1]


def test_output_is_sorted_lines_and_json(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(pack / FACTS, "    metric: rd_staff\n", "    metric: research_people\n")
    edit(pack / ARTICLE, "本文僅供參考", "公司計劃新增300名工程師。\n本文僅供參考")
    assert main(["check", str(pack)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"2 errors, \d+ warnings?", lines[-1])
    errors = [line for line in lines if ": error: " in line]  # warnings may come from the bundled intents
    assert errors[0].startswith("facts/facts.yaml:") and ": error: [starlake-rd-staff-2024] unknown" in errors[0]
    assert errors[1].startswith(f"{ARTICLE}:7: error: [starlake-2024] number 300")
    assert lines[:-1] == sorted(lines[:-1], key=lambda x: (x.split(":")[0], int(x.split(":")[1])))
    assert main(["check", str(pack), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {frozenset(d) for d in data} == {frozenset({"file", "line", "severity", "entry", "message"})}
    errors = [d for d in data if d["severity"] == "error"]
    assert [(d["file"], d["entry"]) for d in errors] == [(FACTS, "starlake-rd-staff-2024"), (ARTICLE, "starlake-2024")]


def test_not_a_pack_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "not a fact pack" in capsys.readouterr().err
    assert main(["check", str(tmp_path), "--pack", "elsewhere"]) == 2


@pytest.mark.parametrize(("per", "warned"), [("公斤", False), ("畝", True)])
def test_a_unit_per_another_needs_english_for_both_parts(pack: Path, per: str, warned: bool) -> None:
    """16.32元/公斤 is read in English as 'RMB 16.32 per kg'; a 'per' part the templates cannot name is said."""
    sentence = f"2024年星湖儲能原料均價為16.32元/{per}。"
    edit(pack / ARTICLE, "本文僅供參考", f"{sentence}\n本文僅供參考")
    fact = (
        f"  - id: starlake-per\n    subject: starlake\n    metric: price\n    period: '2024'\n"
        f"    value: 16.32\n    unit: 元/{per}\n    written: 16.32元/{per}\n    quote: {sentence}\n    paragraph: 6\n"
    )
    edit(pack / FACTS, "derived:\n", fact + "derived:\n")
    problems = [p for p in check_pack(pack).problems if p.entry == "starlake-per"]
    assert [p for p in problems if "has no entry under `units`" in p.message] if warned else not problems, problems
