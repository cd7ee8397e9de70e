"""`assistant draft`: a loadable draft pack with a candidate for every number, which `check` flags as drafts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.lang.normalize import fold
from assistant.pack.loader import load_pack, read_pack
from assistant.pack.model import Pack
from assistant.pack.paths import bundled_root
from assistant.tools.check import check_pack
from assistant.tools.draft.reader import rules
from assistant.tools.draft.writer import write_draft

ARTICLE = """財經日報
星河電池2025年一季度業績
星河電池2025年一季度營業收入為12.5億元,同比增長20.3%;凈利潤約1.2億元。
截至2025年3月底,公司員工超過1500人,研發人員多達300餘人。
1、海外市場
公司海外收入占比接近四成,產品已進入30多個國家。
Voltia公司是星河電池在歐洲的合作夥伴,Voltia公司2024年向其采購電池2萬套。

責任編輯:王五
本文僅供參考,不構成投資建議。
京ICP備12345678號
"""


@pytest.fixture(scope="module")
def bundled_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "uih"
    result = write_draft(bundled_root() / "facts" / "sources" / "zidan-uih-2024.txt", out)
    assert result.loads, result.summary()
    return out


@pytest.fixture
def small(tmp_path: Path) -> Path:
    article = tmp_path / "xinghe-q1.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "xinghe"
    assert main(["draft", str(article), "--out", str(out)]) == 0
    return out


def test_draft_of_the_bundled_article_finds_every_curated_figure(bundled_draft: Path) -> None:
    curated = load_pack(bundled_root(), strict=False)
    drafted = load_pack(bundled_draft)  # strict: every quote verbatim
    source = "zidan-uih-2024"
    assert drafted.paragraphs[source] == curated.paragraphs[source]
    figures = [f for f in curated.facts.values() if f.value is not None and f.derivation is None]
    assert len(figures) > 40
    for fact in figures:
        candidates = [d for d in drafted.facts.values() if d.paragraph == fact.paragraph and d.value is not None]
        assert any(d.value == fact.value for d in candidates), f"{fact.id}: {fact.written} not drafted"
    assert all(f.draft for f in drafted.facts.values())


def test_draft_agrees_with_the_curated_pack_on_subject_metric_and_period(bundled_draft: Path) -> None:
    """Each curated figure beside the drafted one of the same paragraph and value: the share whose company
    (by its names), measure and period the draft got right. Measured: 44, 42 and 42 of 47."""
    curated, drafted = load_pack(bundled_root(), strict=False), load_pack(bundled_draft)

    def names(pack: Pack, cid: str) -> set[str]:
        c = pack.concepts.get(cid)
        return {fold(a) for a in [*c.aliases, c.names.zh_Hant, c.names.en] if a} if c else {cid}

    pairs = []
    for fact in (f for f in curated.facts.values() if f.value is not None and f.derivation is None):
        same = [d for d in drafted.facts.values() if (d.paragraph, d.value) == (fact.paragraph, fact.value)]
        if same:
            pairs.append((fact, same[0]))
    subject = sum(bool(names(curated, f.subject) & names(drafted, d.subject)) for f, d in pairs)
    metric = sum(f.metric == d.metric or bool(names(curated, f.metric) & names(drafted, d.metric)) for f, d in pairs)
    period = sum(f.period == d.period for f, d in pairs)
    figures = f"subject {subject}, metric {metric}, period {period} of {len(pairs)}"
    assert len(pairs) >= 45, figures
    assert subject >= 0.9 * len(pairs) and metric >= 0.8 * len(pairs) and period >= 0.7 * len(pairs), figures


def test_draft_matches_curated_forms(bundled_draft: Path) -> None:
    """Written form, unit, scale and approximation word as the curator wrote them, and the changes."""
    drafted = {(f.paragraph, f.written): f for f in load_pack(bundled_draft).facts.values() if f.written}
    revenue = drafted[(21, "103億元")]
    assert (revenue.metric, revenue.period, revenue.unit, revenue.scale) == ("revenue", "2024", "元", "億")
    assert revenue.change is not None and revenue.change.value == Decimal("-9.73")
    assert revenue.change.written == "同比下降9.73%"
    ct = drafted[(30, "30.48億元")]
    assert ct.change is not None and (ct.change.approx, ct.change.value) == ("超過", Decimal(-25))
    assert drafted[(33, "超過六成")].value == 60 and drafted[(33, "超過六成")].unit == "%"
    assert drafted[(12, "100多款")].approx == "多"
    assert drafted[(1, "2011年")].metric == "founding"
    assert drafted[(52, "約85.6億元")].period == "2025Q1"


def test_check_reports_the_drafts_and_nothing_uncovered(bundled_draft: Path) -> None:
    result = check_pack(bundled_draft)
    facts = yaml.safe_load((bundled_draft / "facts" / "facts.yaml").read_text(encoding="utf-8"))["facts"]
    assert result.errors == 0, [str(p) for p in result.problems if p.severity == "error"]
    assert result.drafts == len(facts) and result.failed
    assert not [p for p in result.problems if "not covered" in p.message]
    assert {p.message for p in result.problems if p.message.startswith("draft fact")}
    assert result.summary().endswith(f"{len(facts)} draft facts left to review (remove `draft: true`)")


def test_section_numbering_goes_to_not_facts(bundled_draft: Path) -> None:
    not_facts = yaml.safe_load((bundled_draft / "facts" / "facts.yaml").read_text(encoding="utf-8"))["not_facts"]
    assert [(n["paragraph"], n["text"]) for n in not_facts] == [
        (7, "1、聯影醫療密集投入AI"),
        (19, "2、主業收入首次雙降,高端產品結構難敵行業變化"),
        (37, "3、一場AI醫療豪賭?"),
    ]


def test_small_article_metadata(small: Path) -> None:
    sources = yaml.safe_load((small / "facts" / "sources.yaml").read_text(encoding="utf-8"))
    [source] = sources["sources"]
    assert source["outlet"] == "財經日報" and source["title"]["zh-Hant"] == "星河電池2025年一季度業績"
    assert "^財經日報$" in source["skip"] and "^責任編輯" in source["skip"]
    assert any("ICP" in s for s in source["skip"]) and any("本文僅供參考" in s for s in source["skip"])
    assert (small / "facts" / "sources" / "xinghe-q1.txt").read_text(encoding="utf-8") == ARTICLE
    pack = load_pack(small)
    assert pack.paragraphs["xinghe-q1"][0].startswith("星河電池2025年一季度營業收入")
    assert len(pack.paragraphs["xinghe-q1"]) == 5
    assert pack.default_subject and pack.concepts[pack.default_subject].names.zh_Hant == "星河電池"


def test_small_article_figures(small: Path) -> None:
    facts = {f.written: f for f in load_pack(small).facts.values()}
    assert set(facts) == {"12.5億元", "約1.2億元", "超過1500人", "300餘人", "接近四成", "30多個", "2萬套"}
    revenue = facts["12.5億元"]
    assert (revenue.metric, revenue.period, revenue.when) == ("revenue", "2025Q1", "2025年一季度")
    assert revenue.change is not None and revenue.change.written == "同比增長20.3%"
    assert (facts["約1.2億元"].metric, facts["約1.2億元"].approx) == ("net_profit", "約")
    assert (facts["超過1500人"].metric, facts["超過1500人"].period) == ("employees", "2025-03")
    assert (facts["300餘人"].metric, facts["300餘人"].approx) == ("rd_staff", "餘")
    assert (facts["接近四成"].value, facts["接近四成"].metric) == (40, "revenue_share")
    two = facts["2萬套"]
    assert (two.value, two.scale, two.unit, two.subject, two.period) == (2, "萬", "套", "voltia", "2024")
    counted = facts["30多個"].metric
    assert counted not in ("revenue_share", "revenue") and counted.isascii(), "a new metric, with a readable id"


def test_small_article_gazetteer(small: Path) -> None:
    concepts = yaml.safe_load((small / "facts" / "gazetteer.yaml").read_text(encoding="utf-8"))["concepts"]
    assert concepts["voltia"]["kind"] == "entity" and "Voltia" in concepts["voltia"]["aliases"]
    names = {c["names"]["zh-Hant"]: c for c in concepts.values()}
    assert "星河电池" in names["星河電池"]["aliases"]
    for concept in concepts.values():
        if concept["kind"] == "metric":
            assert concept["aliases"], concept
    _, problems = read_pack(small)
    assert not problems


def test_check_after_review_passes(small: Path, tmp_path: Path) -> None:
    facts_file = small / "facts" / "facts.yaml"
    assert main(["check", str(small)]) == 1
    facts_file.write_text(
        facts_file.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8"
    )
    result = check_pack(small)
    assert result.errors == 0 and result.drafts == 0 and not result.failed


def test_existing_pack_is_not_overwritten(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = small / "facts" / "sources" / "xinghe-q1.txt"
    assert main(["draft", str(article), "--out", str(small)]) == 2
    assert "already holds a pack" in capsys.readouterr().err
    assert main(["draft", str(article), "--out", str(small), "--force", "--outlet", "另一家"]) == 0
    assert main(["draft", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "x")]) == 2


def test_keyword_tables_are_package_data() -> None:
    tables = rules()
    assert {"metrics", "units", "scales", "approx_before", "approx_after", "change_words", "boilerplate"} <= set(tables)
    assert "營收" in tables["metrics"]["revenue"]["words"]


def test_a_candidate_that_does_not_load_is_set_aside_not_the_whole_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.tools.draft.analysis import Drafter

    real_run = Drafter.run

    def misread(self: Drafter) -> None:  # a drafting bug: one figure's value disagrees with its written form
        real_run(self)
        self.facts[1].data["value"] = Decimal("999")

    monkeypatch.setattr(Drafter, "run", misread)
    article = tmp_path / "xinghe-q1.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = write_draft(article, tmp_path / "out")
    assert result.loads, result.summary()
    text = (tmp_path / "out" / "facts" / "facts.yaml").read_text(encoding="utf-8")
    assert "set aside" in text and "999" in text.split("set aside")[1]
    assert load_pack(tmp_path / "out").facts


def test_numbers_in_code_names_are_no_figures_and_不到_is_kept(tmp_path: Path) -> None:
    article = tmp_path / "kangning.txt"
    article.write_text(
        "醫藥觀察\n康寧藥業2024年營收12.3億元,同比增長8.2%。\n"
        "康寧藥業的PD-1單抗KH-217已進入三期臨床,研發投入為3.5億元。\n"
        "康寧藥業從立項到上市用了不到4個月。\n京ICP備12345678號\n",
        encoding="utf-8",
    )
    result = write_draft(article, tmp_path / "out")
    assert result.loads, result.summary()
    facts = load_pack(tmp_path / "out").facts.values()
    written = {f.written for f in facts if f.value is not None}
    assert "3.5億元" in written and not written & {"217", "1"}
    assert any(f.approx == "不到" for f in facts), written
