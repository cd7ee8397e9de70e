"""`assistant check` on what hurt in drafted packs: the default subject, concepts that shadow the vocabulary,
aliases that swallow a metric or segment word, and facts dated after the article was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from packedit import FACTS, GAZETTEER, SOURCES, edit, line_of, only_problem

from assistant.cli import main
from assistant.pack.loader import load_pack
from assistant.pack.paths import bundled_root
from assistant.tools.check import check_pack

VOCABULARY = bundled_root() / "intents" / "vocabulary.yaml"


def add_concepts(pack: Path, text: str) -> Path:
    gazetteer = pack / GAZETTEER
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8") + text, encoding="utf-8")
    return gazetteer


def test_default_subject_that_is_not_an_entity(pack: Path) -> None:
    sources = pack / SOURCES
    edit(sources, "default_subject: starlake", "default_subject: products")
    only_problem(
        check_pack(pack),
        SOURCES,
        line_of(sources, "default_subject"),
        "default_subject products is a metric, not an entity (organisation)",
    )


def test_default_subject_from_the_vocabulary_is_not_the_pack_s_company(pack: Path) -> None:
    sources = pack / SOURCES
    edit(sources, "default_subject: starlake", "default_subject: ge")
    problem = only_problem(
        check_pack(pack),
        SOURCES,
        line_of(sources, "default_subject"),
        "default_subject ge is a concept of the vocabulary, not of this pack",
    )
    assert "facts/gazetteer.yaml" in problem.message


def test_default_subject_that_is_no_concept(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = pack / SOURCES
    edit(sources, "default_subject: starlake", "default_subject: entity_1")
    assert main(["check", str(pack)]) == 1
    line = line_of(sources, "default_subject")
    assert f"{SOURCES}:{line}: error: [entity_1] default_subject entity_1 is not a concept" in capsys.readouterr().out


def test_default_subject_the_article_hardly_names(pack: Path) -> None:
    sources = pack / SOURCES
    add_concepts(
        pack,
        "  europe_arm:\n    kind: entity\n    names: {zh-Hant: 歐洲公司, en: European arm}\n"
        "    aliases: [歐洲市場]\n"
        "  ghost:\n    kind: entity\n    names: {zh-Hant: 幽靈公司, en: Ghost Co}\n",
    )
    edit(sources, "default_subject: starlake", "default_subject: europe_arm")
    only_problem(
        check_pack(pack),
        SOURCES,
        line_of(sources, "default_subject"),
        "default_subject europe_arm (歐洲公司) is named in only 1 of the article's 5 paragraphs",
        "warning",
    )
    edit(sources, "default_subject: europe_arm", "default_subject: ghost")
    only_problem(
        check_pack(pack),
        SOURCES,
        line_of(sources, "default_subject"),
        "none of its names or aliases occurs in the article",
        "warning",
    )


def test_default_subject_named_less_than_another_company(pack: Path) -> None:
    sources = pack / SOURCES
    add_concepts(
        pack,
        "  parent:\n    kind: entity\n    names: {zh-Hant: 母公司, en: parent}\n    aliases: [公司宣布, 公司海外]\n",
    )  # paragraphs 2 and 5; 星湖儲能 is in 1, 3 and 4
    edit(sources, "default_subject: starlake", "default_subject: parent")
    only_problem(
        check_pack(pack),
        SOURCES,
        line_of(sources, "default_subject"),
        "default_subject parent (母公司) is named in 2 paragraphs, starlake (星湖儲能) in 3: is starlake the "
        "article's main company?",
        "warning",
    )


def test_mini_pack_default_subject_is_fine(mini_pack: Path) -> None:
    assert not [p for p in check_pack(mini_pack).problems if "default_subject" in p.message]


def test_concept_shadowing_the_vocabulary(pack: Path) -> None:
    gazetteer = add_concepts(
        pack, "  revenue:\n    kind: metric\n    names: {zh-Hant: 營收, en: revenue}\n    aliases: [營收規模]\n"
    )
    problem = only_problem(
        check_pack(pack),
        GAZETTEER,
        line_of(gazetteer, "  revenue:"),
        "concept revenue shadows the vocabulary's revenue (",
    )
    vocabulary_line = line_of(VOCABULARY, "  revenue:")
    assert f"vocabulary.yaml:{vocabulary_line})" in problem.message
    assert "aliases (營收, 营收, 營業收入, …) no longer name it" in problem.message
    assert "Add `extends: revenue`" in problem.message
    edit(gazetteer, "    aliases: [營收規模]\n", "    extends: revenue\n    aliases: [營收規模]\n")
    left = [p for p in check_pack(pack).problems if p.entry == "revenue"]
    assert not [p for p in left if p.severity == "error" or "shadows" in p.message]
    assert not left  # the loader keeps the vocabulary's aliases and adds the pack's
    concept = load_pack(pack).concepts["revenue"]
    assert {"營收", "營收規模"} <= set(concept.aliases)


def test_extends_that_names_no_vocabulary_concept_or_another_kind(pack: Path) -> None:
    gazetteer = add_concepts(
        pack,
        "  revenue:\n    kind: segment\n    names: {zh-Hant: 營收, en: revenue}\n"
        "    extends: revenue\n"
        "  battery_sales:\n    kind: metric\n"
        "    names: {zh-Hant: 電池銷售, en: battery sales}\n"
        "    extends: revenue\n"
        "  cells:\n    kind: metric\n    names: {zh-Hant: 電芯, en: cells}\n"
        "    extends: celss\n",
    )
    result = check_pack(pack)
    only_problem(
        result,
        GAZETTEER,
        line_of(gazetteer, "extends: revenue"),
        "concept revenue is a segment but extends the vocabulary's metric revenue",
    )
    second = line_of(gazetteer, "extends: revenue", after=line_of(gazetteer, "battery_sales"))
    only_problem(
        result,
        GAZETTEER,
        second,
        "extends: revenue on concept battery_sales: a pack concept extends the vocabulary concept of its own id",
    )
    only_problem(
        result, GAZETTEER, line_of(gazetteer, "extends: celss"), "extends: celss is not a concept of the vocabulary"
    )


def test_segment_alias_that_swallows_a_metric(pack: Path) -> None:
    gazetteer = add_concepts(
        pack,
        "  dc_charging:\n    kind: segment\n"
        "    names: {zh-Hant: 直流充電樁, en: DC chargers}\n"
        "    aliases: [直流充電樁, 直流充電樁收入, DC charger revenue,\n"
        "              DC charger presales]\n",
    )
    result = check_pack(pack)
    line = line_of(gazetteer, "直流充電樁收入")
    problem = only_problem(
        result,
        GAZETTEER,
        line,
        "alias '直流充電樁收入' of segment dc_charging ends with '收入' "
        "(metric revenue): a question that writes 「直流充電樁收入」 is read as dc_charging alone "
        "and loses the metric",
        "warning",
    )
    assert problem.entry == "dc_charging"
    only_problem(result, GAZETTEER, line, "'DC charger revenue'", "warning")
    assert not [p for p in result.problems if "presales" in p.message]  # sales only as a whole word


def test_entity_alias_swallows_a_word_only_when_facts_combine_them(pack: Path) -> None:
    gazetteer = add_concepts(
        pack,
        "  sequoia:\n    kind: entity\n    names: {zh-Hant: 紅杉中國, en: Sequoia China}\n    aliases: [紅杉海外]\n",
    )
    edit(gazetteer, "aliases: [星湖儲能, 星湖,", "aliases: [星湖儲能, 星湖, 星湖海外,")
    result = check_pack(pack)
    only_problem(
        result,
        GAZETTEER,
        line_of(gazetteer, "星湖海外"),
        "alias '星湖海外' of entity starlake ends with '海外' (segment overseas)",
        "warning",
    )  # facts hold Starlake's overseas revenue
    assert not [p for p in result.problems if p.entry == "sequoia"]  # no fact about Sequoia overseas


def test_fact_dated_after_the_article(pack: Path) -> None:
    sources = pack / SOURCES
    edit(sources, 'default_period: "2024"\n', 'default_period: "2024"\ncurrent_year: 2024\n')
    facts = pack / FACTS
    problem = only_problem(
        check_pack(pack), FACTS, line_of(facts, "period: 2025-03"), "period 2025-03 is after current_year 2024"
    )
    assert problem.entry == "starlake-factory-2025"
    assert f"({SOURCES}:{line_of(sources, 'current_year')})" in problem.message


def test_current_year_missing_is_a_warning(pack: Path) -> None:
    result = check_pack(pack)
    only_problem(result, SOURCES, line_of(pack / SOURCES, "default_subject"), "current_year is not set", "warning")
    assert not result.failed


def test_bundled_pack_has_no_error_from_these_checks() -> None:
    result = check_pack()
    assert result.errors == 0
    assert not [p for p in result.problems if "default_subject" in p.message or "shadows" in p.message]
