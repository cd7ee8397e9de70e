"""The review's changes to the pack's files: each one saves at once, keeps every comment, changes only
the fields edited, and loads; undo puts the files back byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import AssistantError
from assistant.lang.normalize import fold
from assistant.pack.loader import load_pack
from assistant.review.concepts import one_per_script
from assistant.review.dialogs import concept_problem, read_concept, split_aliases
from assistant.review.fields import FieldError, parse
from assistant.review.pack_files import KINDS
from assistant.review.session import EditRefused, ReviewSession
from assistant.tools.check import check_pack


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two versions of a file."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def index_of(session: ReviewSession, fact_id: str) -> int:
    return next(i for i, f in enumerate(session.facts) if f.id == fact_id)


def test_facts_in_file_order_with_their_draft_comments(drafted: Path) -> None:
    session = ReviewSession(drafted)
    assert [f.id for f in session.facts][:3] == ["p1-1-founding", "p2-1-revenue", "p2-2-net-profit"]
    assert session.facts[1].note == "metric from 營業收入"
    assert session.progress == (0, 8)
    assert "跨境冷鏈業務收入達到9.6億元" in session.paragraph(session.facts[3])


def test_saving_keeps_the_comments_and_changes_only_the_edited_fields(drafted: Path, facts_file: Path) -> None:
    before = facts_file.read_text(encoding="utf-8")
    session = ReviewSession(drafted)
    index = index_of(session, "p2-2-net-profit")
    session.update(index, parse("label", "2024年凈利潤, 歸母 | net profit in 2024", session.facts[index].data))
    session.update(index, parse("period", "2024H2", session.facts[index].data))
    after = facts_file.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == ["    period: '2024'"]
    assert added == ["    period: '2024H2'", "    label: {zh-Hant: '2024年凈利潤, 歸母', en: net profit in 2024}"]
    assert comments(after) == comments(before)
    fact = load_pack(drafted).facts["p2-2-net-profit"]  # the comma inside the label is quoted, so it loads
    assert fact.label is not None and fact.label.zh_Hant == "2024年凈利潤, 歸母" and fact.period == "2024H2"
    assert after.index("label:") < after.index("quote: 2024年,雲帆冷鏈實現營業收入36.8億元", after.index("p2-2"))


def test_a_new_period_drops_the_words_that_told_the_old_one(drafted: Path, facts_file: Path) -> None:
    session = ReviewSession(drafted)
    index = index_of(session, "p4-2-employees")
    assert session.facts[index].data["when"] == "2024年底"
    session.update(index, parse("period", "2023", session.facts[index].data))
    fact = load_pack(drafted).facts["p4-2-employees"]
    assert fact.period == "2023" and fact.when is None  # an answer no longer says 2024年底 for a 2023 figure


def test_accept_removes_only_the_draft_mark(drafted: Path, facts_file: Path) -> None:
    before = facts_file.read_text(encoding="utf-8")
    session = ReviewSession(drafted)
    session.accept(index_of(session, "p2-1-revenue"))
    removed, added = changed_lines(before, facts_file.read_text(encoding="utf-8"))
    assert removed == ["    draft: true"] and added == []
    assert "# metric from 凈利潤\n  - id: p2-2-net-profit" in facts_file.read_text(encoding="utf-8")
    assert session.progress == (1, 8)
    assert not load_pack(drafted).facts["p2-1-revenue"].draft


def test_concept_fields_rename_the_draft_s_comment(drafted: Path, facts_file: Path) -> None:
    session = ReviewSession(drafted)
    session.add_concept("yunfan", "entity", "雲帆冷鏈", "Yunfan Cold Chain", ["雲帆冷鏈", "雲帆"])
    session.set_concept(0, "subject", "yunfan")
    session.set_concept(0, "segment", ["overseas"])
    text = facts_file.read_text(encoding="utf-8")
    assert "    subject: yunfan  # 雲帆冷鏈\n    metric: founding\n    segment: [overseas]\n" in text
    with pytest.raises(AssistantError, match="not a concept"):
        session.set_concept(0, "metric", "no_such_metric")


def test_delete_takes_the_fact_and_its_comment_and_accounts_for_its_numbers(drafted: Path, facts_file: Path) -> None:
    session = ReviewSession(drafted)
    session.delete(index_of(session, "p4-1-metric-1"))  # the other fact of paragraph 4 quotes the same sentence
    text = facts_file.read_text(encoding="utf-8")
    assert "p4-1-metric-1" not in text and "# no metric word" not in text
    assert "  # -- paragraph 4: 截至2024年底" in text  # the heading stays over p4-2
    assert "not_facts: []" in text  # another fact quotes the sentence: nothing to add
    session.delete(index_of(session, "p5-1-investment-amount"))  # the last fact of its paragraph
    text = facts_file.read_text(encoding="utf-8")
    assert "# -- paragraph 5" not in text and "\n\n\n" not in text
    assert (
        "- {paragraph: 5, text: '2025年3月,雲帆冷鏈宣布投資8億元在成都建設西南冷鏈樞紐。', "
        "reason: not worth a fact (review)}"
    ) in text  # quoted: an ASCII comma inside {…}
    assert session.progress == (2, 8)
    result = check_pack(drafted)
    assert not [p for p in result.problems if "not covered" in p.message], "the deleted figures stay accounted for"
    assert load_pack(drafted).not_facts[-1].paragraph == 5


def test_undo_puts_every_file_back(drafted: Path) -> None:
    files = sorted((drafted / "facts").glob("*.yaml"))
    before = {p: p.read_text(encoding="utf-8") for p in files}
    session = ReviewSession(drafted)
    session.add_concept("yunfan", "entity", "雲帆冷鏈", "Yunfan Cold Chain", [])
    session.set_concept(1, "subject", "yunfan")
    session.set_default_subject("yunfan")
    session.accept(1)
    session.delete(7)
    session.add_alias("yunfan", "雲帆")
    while session.undo():
        pass
    assert {p: p.read_text(encoding="utf-8") for p in files} == before
    assert session.progress == (0, 8)


def test_new_concept_and_alias_load_and_settle_the_default_subject(drafted: Path) -> None:
    gazetteer = drafted / "facts" / "gazetteer.yaml"
    before = gazetteer.read_text(encoding="utf-8")
    session = ReviewSession(drafted)
    session.add_concept("yunfan", "entity", "雲帆冷鏈", "Yunfan Cold Chain", ["雲帆冷鏈", "云帆冷链"])
    session.add_alias("yunfan", "Yunfan")
    session.set_default_subject("yunfan")
    removed, added = changed_lines(before, gazetteer.read_text(encoding="utf-8"))
    assert removed == []
    assert added == [
        "  yunfan:",
        "    kind: entity",
        "    names: {zh-Hant: 雲帆冷鏈, en: Yunfan Cold Chain}",
        "    aliases: [雲帆冷鏈, 云帆冷链, Yunfan]",
    ]
    pack = load_pack(drafted)
    assert pack.default_subject == "yunfan" and "Yunfan" in pack.concepts["yunfan"].aliases
    assert not [p for p in check_pack(drafted).problems if "default_subject" in p.message]


def test_rename_a_placeholder_concept_and_delete_a_leftover(drafted: Path) -> None:
    """The draft's `company` (本公司) becomes the article's company in one edit; metric_1, once no fact names
    it, goes; a concept still named cannot."""
    session = ReviewSession(drafted)
    session.edit_concept("company", "entity", "雲帆冷鏈", "Yunfan Cold Chain", ["雲帆", "Yunfan"])
    with pytest.raises(AssistantError, match="metric_1 is still named by p4-1-metric-1"):
        session.delete_concept("metric_1")
    session.delete(index_of(session, "p4-1-metric-1"))
    session.delete_concept("metric_1")
    with pytest.raises(AssistantError, match="still named by p1-1-founding"):
        session.delete_concept("company")
    with pytest.raises(AssistantError, match="concept of the vocabulary"):
        session.edit_concept("revenue", "metric", "營收", "revenue", [])
    session.set_current_year(2025)
    pack = load_pack(drafted)
    assert pack.concepts["company"].names.en == "Yunfan Cold Chain" and "metric_1" not in pack.concepts
    assert pack.current_year == 2025
    text = (drafted / "facts" / "gazetteer.yaml").read_text(encoding="utf-8")
    assert "  company:\n    kind: entity\n    names: {zh-Hant: 雲帆冷鏈, en: Yunfan Cold Chain}\n" in text
    assert "    aliases: [雲帆, Yunfan]\n" in text and "metric_1" not in text
    result = check_pack(drafted)
    assert not [p for p in result.problems if "default_subject" in p.message or "current_year" in p.message]


def test_an_alias_deleted_in_one_script_goes_in_both_and_a_kept_one_keeps_its_twin(drafted: Path) -> None:
    """The dialog shows 雲帆 once for 雲帆 and 云帆; deleting it takes both, keeping it keeps both; an alias
    holding 、 is one alias."""
    session = ReviewSession(drafted)
    session.edit_concept(
        "company", "entity", "雲帆冷鏈", "Yunfan Cold Chain", ["雲帆", "云帆", "冷鏈", "冷链", "Yunfan"]
    )
    shown = one_per_script(load_pack(drafted).concepts["company"].aliases)
    assert len([a for a in shown if fold(a) == fold("雲帆")]) == 1
    session.edit_concept(
        "company", "entity", "雲帆冷鏈", "Yunfan Cold Chain", ["雲帆", *split_aliases("Yunfan, 倉儲、配送")]
    )
    aliases = load_pack(drafted).concepts["company"].aliases
    assert "云帆" in aliases and "雲帆" in aliases  # kept in one script: its twin stays
    assert "冷鏈" not in aliases and "冷链" not in aliases  # deleted in one script: both go
    assert "倉儲、配送" in aliases


def test_concepts_and_aliases_that_cannot_be_added(drafted: Path) -> None:
    session = ReviewSession(drafted)
    with pytest.raises(AssistantError, match="already names a concept"):
        session.add_concept("revenue", "metric", "營收", "revenue", [])
    with pytest.raises(AssistantError, match="letters, digits and _"):
        session.add_concept("雲帆", "entity", "雲帆", "Yunfan", [])
    with pytest.raises(AssistantError, match="Chinese and an English name"):
        session.add_concept("yunfan", "entity", "雲帆", " ", [])
    with pytest.raises(AssistantError, match="already names revenue"):
        session.add_alias("revenue", "營業收入")
    with pytest.raises(AssistantError, match="already names metric_1"):
        session.add_alias("metric_1", "有冷庫總容量")


@pytest.mark.parametrize(
    ("field", "text", "updates"),
    [
        ("period", "2025q1", {"period": "2025Q1", "when": None}),
        ("period", "2024年", {"period": "2024", "when": None}),
        ("period", "", {"period": None, "when": None}),
        (
            "value",
            "約 36.8 億 元 | 36.8億元",
            {"approx": "約", "value": 36.8, "scale": "億", "unit": "元", "written": "36.8億元"},
        ),
        (
            "value",
            "36.8 | 36.8億元",
            {"approx": None, "value": 36.8, "scale": None, "unit": None, "written": "36.8億元"},
        ),
        ("change", "-6.4 % | 同比下降6.4%", {"change": {"value": -6.4, "unit": "%", "written": "同比下降6.4%"}}),
        ("change", "", {"change": None}),
        (  # an approximate change: its word first, as for a value
            "change",
            "約 15.2 % | 同比增長15.2%",
            {"change": {"value": 15.2, "unit": "%", "approx": "約", "written": "同比增長15.2%"}},
        ),
        ("quote", "2024年,雲帆冷鏈實現營業收入36.8億元", {"quote": "2024年,雲帆冷鏈實現營業收入36.8億元"}),
        ("label", "2024年營收 | revenue in 2024", {"label": {"zh-Hant": "2024年營收", "en": "revenue in 2024"}}),
        (  # an amount change in another scale than its figure's (36.8億元, 3000萬元 more) keeps its own
            "change",
            "3000 萬 元 | 同比增長15.2%",
            {"change": {"value": 3000, "unit": "元", "scale": "萬", "written": "同比增長15.2%"}},
        ),
        (
            "statement",
            "总部位于广州 | headquartered in Guangzhou",
            {"statement": {"zh-Hant": "總部位於廣州", "en": "headquartered in Guangzhou"}},
        ),
    ],
)
def test_fields_read_back(drafted: Path, field: str, text: str, updates: dict[str, object]) -> None:
    data = ReviewSession(drafted).facts[1].data
    assert parse(field, text, data) == updates


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("period", "2024Q5", "write 2024, 2025Q1"),
        ("value", "36.8億元", "as the article writes it after `|`"),
        ("value", "36.8 億 元 | 36.9億元", "'36.9億元' is not in the quote"),
        ("value", "thirty | 36.8億元", "write [approx] number [scale] [unit]"),
        ("change", "down | 同比增長15.2%", "a fall is negative"),
        ("label", "2024年營收", "a label has both languages"),
        ("statement", "總部位於廣州", "a statement has both languages"),
        ("change", "5 萬 元 人 人 | 同比增長15.2%", "write [approx] number [scale] [unit]"),
    ],
)
def test_fields_that_cannot_be_read_say_what_to_write(drafted: Path, field: str, text: str, message: str) -> None:
    data = ReviewSession(drafted).facts[1].data
    with pytest.raises(FieldError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse(field, text, data)


def test_a_change_that_breaks_the_pack_is_not_kept_and_errors_elsewhere_block_nothing(
    drafted: Path, facts_file: Path
) -> None:
    session = ReviewSession(drafted)
    before = facts_file.read_text(encoding="utf-8")
    at = index_of(session, "p2-1-revenue")
    with pytest.raises(EditRefused, match=r"change\.value -15\.2 has the wrong sign"):
        session.update(at, parse("change", "-15.2 % | 同比增長15.2%", session.facts[at].data))
    assert facts_file.read_text(encoding="utf-8") == before
    facts_file.write_text(before.replace("change: {value: -6.4,", "change: {value: -7,"), encoding="utf-8")
    assert session.stale()
    with pytest.raises(AssistantError, match="changed outside the review"):
        session.accept(at)  # the files are read again first, never written over
    session.update(at, {"label": {"zh-Hant": "2024年營收", "en": "revenue in 2024"}})  # p2-2's error stays
    assert any("change.value -7" in str(p) for p in check_pack(drafted).problems)
    assert "revenue in 2024" in facts_file.read_text(encoding="utf-8")


def test_tags_name_qualifiers_and_a_concept_keeps_both_scripts(drafted: Path) -> None:
    session = ReviewSession(drafted)
    session.add_concept("top_customers", "qualifier", "前五大客户", "top five customers", ["前五大客户"])
    assert next(c.id for c in session.choices("tags")) == "top_customers"
    at = index_of(session, "p3-2-revenue-share")
    session.set_concept(at, "tags", ["top_customers"])
    assert session.facts[at].data["tags"] == ["top_customers"]
    assert session.concepts["top_customers"].names["zh-Hant"] == "前五大客戶"
    pack = load_pack(drafted)
    assert pack.concepts["top_customers"].names.zh_Hant == "前五大客戶"  # answers in zh-Hans convert it back


def test_an_alias_of_a_vocabulary_concept_extends_it_in_the_pack(drafted: Path) -> None:
    session = ReviewSession(drafted)
    session.add_alias("revenue", "營收規模")
    session.add_alias("revenue", "topline")
    pack = load_pack(drafted)
    aliases = pack.concepts["revenue"].aliases
    assert "營收規模" in aliases and "topline" in aliases
    assert "營業收入" in aliases  # the vocabulary's own aliases stay
    assert "36.8" in Assistant(pack).ask("雲帆冷鏈2024年營收規模是多少?").text


def test_a_comma_list_adds_each_alias_once(drafted: Path) -> None:
    session = ReviewSession(drafted)
    session.add_alias("revenue", *split_aliases("營收規模, topline，收益總額"))
    session.add_alias("revenue", *split_aliases("topline, 營業額"))  # topline is known now: only 營業額 is new
    aliases = load_pack(drafted).concepts["revenue"].aliases
    assert {"營收規模", "topline", "收益總額", "營業額"} <= set(aliases)
    assert not any("," in a or "，" in a for a in aliases)
    with pytest.raises(AssistantError, match="already names"):
        session.add_alias("revenue", *split_aliases("topline, 營收規模"))


def test_a_copied_fact_is_a_new_draft_beside_its_original(drafted: Path, facts_file: Path) -> None:
    session = ReviewSession(drafted)
    at = session.copy_fact(1)
    assert session.facts[at].id == "p2-1-revenue-2" and session.facts[at].draft
    assert at == 2  # right after the fact it copies
    session.update(at, parse("statement", "雲帆冷鏈營收創新高 | Yunfan's revenue hit a record", session.facts[at].data))
    session.update(at, parse("value", "", session.facts[at].data))  # a statement now: no figure
    session.update(at, parse("quote", "2024年,雲帆冷鏈實現營業收入36.8億元", session.facts[at].data))
    copied = session.facts[at].data
    assert "value" not in copied and "change" not in copied and copied["quote"] == "2024年,雲帆冷鏈實現營業收入36.8億元"
    assert session.facts[1].data["value"] == 36.8  # the original is untouched
    load_pack(drafted)  # the copy loads


def test_a_quote_not_in_the_paragraph_is_not_saved(drafted: Path) -> None:
    session = ReviewSession(drafted)
    with pytest.raises(AssistantError, match="not saved"):
        session.update(1, parse("quote", "雲帆冷鏈實現營業收入99億元", session.facts[1].data))
    assert session.facts[1].data["quote"].startswith("2024年,雲帆冷鏈實現營業收入36.8億元")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("員工成本比率 | staff cost ratio | metric | 員工成本比率", None),
        ("staff cost ratio | metric | metric | 員工成本比率", "the English name gives the id"),  # fields shifted
        ("員工成本比率 | staff cost ratio | ratio | 員工成本比率", "kind 'ratio'"),
    ],
)
def test_a_concept_line_whose_fields_shifted_makes_no_id(line: str, problem: str | None) -> None:
    found = concept_problem(read_concept(line), KINDS)
    assert found == problem if problem is None else problem in str(found)


def test_a_change_of_kind_drops_the_old_kinds_flags(drafted: Path) -> None:
    """A qualifier made a segment loses restrictive and part: a segment with them would not load, and a
    question naming the line would answer as if it named a variant."""
    gazetteer = drafted / "facts" / "gazetteer.yaml"
    text = gazetteer.read_text(encoding="utf-8")
    qualifier = (
        "  cold_room:\n    kind: qualifier\n    restrictive: true\n    part: true\n"
        "    names: {zh-Hant: 冷庫, en: cold rooms}\n"
    )
    gazetteer.write_text(text.replace("concepts:\n", "concepts:\n" + qualifier, 1), encoding="utf-8")
    session = ReviewSession(drafted)
    session.edit_concept("cold_room", "segment", "冷庫", "cold rooms", ["冷庫"])
    concept = load_pack(drafted).concepts["cold_room"]
    assert concept.kind == "segment" and not concept.restrictive and not concept.part


@pytest.mark.parametrize(("typed", "stored"), [("20259m", "20259M"), ("2025年", "2025"), ("2024-12-31", "2024-12-31")])
def test_the_period_field_takes_every_form_the_fact_files_use(typed: str, stored: str) -> None:
    """20259M (the first nine months), which the draft itself writes, is a period a reviewer can type."""
    assert parse("period", typed, {})["period"] == stored


def test_a_period_of_no_such_form_is_refused_with_the_forms_to_write() -> None:
    with pytest.raises(FieldError, match="20259M"):
        parse("period", "2025-13", {})
