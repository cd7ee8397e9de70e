"""The review screen, driven by its keys (Textual Pilot): every decision and edit reaches the files, the
check's problems and the question tried follow each save, and the progress is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from assistant.cli import main
from assistant.review import screen as review_screen
from assistant.review.app import ReviewApp
from assistant.review.dialogs import EditLine, PickConcept
from assistant.review.screen import ReviewScreen
from assistant.review.session import ReviewSession

SIZE = (120, 35)


@pytest.fixture(autouse=True)
def no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check and load right after a change (a person's pause is not needed in tests)."""
    monkeypatch.setattr(review_screen, "SETTLE", 0.01)


@pytest.fixture
def keys_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests of keys and files only: no check and no loading in the background."""
    monkeypatch.setattr(ReviewScreen, "refresh_pack", lambda self: None)


def facts_of(pack: Path) -> dict[str, dict[str, object]]:
    data = yaml.safe_load((pack / "facts" / "facts.yaml").read_text(encoding="utf-8"))
    return {f["id"]: f for f in data["facts"]}


def text_of(app: ReviewApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return str(getattr(content, "plain", content))


def review(app: ReviewApp) -> ReviewScreen:
    found = app.screen_stack[0] if isinstance(app.screen_stack[0], ReviewScreen) else app.screen
    assert isinstance(found, ReviewScreen)
    return found


async def settle(pilot: Pilot[None]) -> None:
    """Until the pack is checked and loaded again after the last change."""
    await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_in(pilot: Pilot[None], text: str) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_opens_on_the_first_draft_with_its_paragraph_problems_and_question(drafted: Path) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "fact 1/8" in text_of(app, "#status") and "0/8 reviewed" in text_of(app, "#status")
        assert "雲帆冷鏈成立於2013年" in text_of(app, "#paragraph")
        card = text_of(app, "#card")
        assert "p1-1-founding" in card and "a year next to 成立" in card and "1 subject   company  本公司" in card
        problems = text_of(app, "#problems")
        assert "default_subject company (本公司): none of its names or aliases occurs" in problems
        trial = text_of(app, "#trial")
        assert "Q 本公司成立是多少?" in trial and "answered from this fact" in trial


async def test_accept_skip_and_move(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert "draft" not in facts_of(drafted)["p1-1-founding"]
        assert review(app).fact is not None and review(app).fact.id == "p2-1-revenue"  # type: ignore[union-attr]
        assert "1/8 reviewed" in text_of(app, "#status")
        await pilot.press("space")
        assert review(app).fact.id == "p2-2-net-profit"  # type: ignore[union-attr]
        assert facts_of(drafted)["p2-1-revenue"]["draft"] is True  # skipped, not changed
        await pilot.press("left", "left")
        assert review(app).fact.id == "p1-1-founding"  # type: ignore[union-attr]
        await pilot.press("right")
        assert review(app).fact.id == "p2-1-revenue"  # type: ignore[union-attr]
        await pilot.press("space")  # the next draft after p2-1 (p1-1 is reviewed)
        assert review(app).fact.id == "p2-2-net-profit"  # type: ignore[union-attr]


async def test_delete_and_undo(drafted: Path, keys_only: None) -> None:
    before = (drafted / "facts" / "facts.yaml").read_text(encoding="utf-8")
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert "p1-1-founding" not in facts_of(drafted)
        assert "1/8 reviewed" in text_of(app, "#status") and review(app).fact.id == "p2-1-revenue"  # type: ignore[union-attr]
        await pilot.press("a", "u", "u")
        assert (drafted / "facts" / "facts.yaml").read_text(encoding="utf-8") == before
        assert "0/8 reviewed" in text_of(app, "#status")


async def test_pick_a_subject_from_the_concepts(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "1")
        picker = app.screen
        assert isinstance(picker, PickConcept)
        await pilot.press(*"philips")
        options = picker.query_one(OptionList)
        assert options.get_option_at_index(0).id == "philips"  # a company of the vocabulary
        await pilot.press("enter")
        assert facts_of(drafted)["p2-1-revenue"]["subject"] == "philips"
        assert "1 subject   philips" in text_of(app, "#card")


async def test_a_new_concept_from_the_picker(drafted: Path) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", *"雲帆冷鏈")
        options = app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(options.option_count - 1).id) == "new:雲帆冷鏈"
        await pilot.press("end")
        options.highlighted = options.option_count - 1
        await pilot.press("enter")
        assert isinstance(app.screen, EditLine)
        line = app.screen.query_one("#line", Input)
        assert line.value == "雲帆冷鏈 |  | entity | 雲帆冷鏈"  # the kind a subject takes, the name as an alias
        await pilot.press(*"Yunfan Cold Chain")  # typed where the English name goes; the id follows it
        await pilot.press("end", *", 云帆", "enter")
        concepts = yaml.safe_load((drafted / "facts" / "gazetteer.yaml").read_text(encoding="utf-8"))["concepts"]
        assert concepts["yunfan_cold_chain"] == {
            "kind": "entity",
            "aliases": ["雲帆冷鏈", "云帆"],
            "names": {"zh-Hant": "雲帆冷鏈", "en": "Yunfan Cold Chain"},
        }
        assert facts_of(drafted)["p1-1-founding"]["subject"] == "yunfan_cold_chain"
        await pilot.press("d")  # and make it the default subject
        await settle(pilot)
        sources = yaml.safe_load((drafted / "facts" / "sources.yaml").read_text(encoding="utf-8"))
        assert sources["default_subject"] == "yunfan_cold_chain"
        assert "default_subject" not in text_of(app, "#problems")
        assert "雲帆冷鏈成立" in text_of(app, "#trial") and "answered from this fact" in text_of(app, "#trial")


async def test_segments_toggle(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space", "4", *"overseas", "enter")
        assert facts_of(drafted)["p3-1-revenue"]["segment"] == ["overseas"]
        await pilot.press("4", *"overseas", "enter")  # chosen again: removed
        assert "segment" not in facts_of(drafted)["p3-1-revenue"]


TYPED = [
    ("3", "2025q1", "period", "2025Q1"),
    ("5", "36.9 億 元 | 36.8億元", "value", 36.8),  # refused below; the value stays
    ("6", "15.2 % | 同比增長15.2%", "change", {"value": 15.2, "unit": "%", "written": "同比增長15.2%"}),
    ("7", "2024年營業收入 | revenue in 2024", "label", {"zh-Hant": "2024年營業收入", "en": "revenue in 2024"}),
]


async def test_typed_fields(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        for key, typed, field, expected in TYPED:
            await pilot.press(key)
            assert isinstance(app.screen, EditLine)
            await type_in(pilot, typed)
            if field == "value":  # 36.9 disagrees with 36.8億元: not saved, the editor stays open to mend it
                assert "not saved, it would make the pack wrong" in text_of(app, "#error")
                await pilot.press("escape")
            assert not isinstance(app.screen, EditLine)
            assert facts_of(drafted)["p2-1-revenue"][field] == expected
        assert "7 label     2024年營業收入 | revenue in 2024" in text_of(app, "#card")


async def test_a_field_that_cannot_be_read_keeps_the_editor_open(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "3")
        await type_in(pilot, "2024Q5")
        assert isinstance(app.screen, EditLine)
        assert "write 2024, 2025Q1" in text_of(app, "#error")
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert facts_of(drafted)["p2-1-revenue"]["period"] == "2024"


async def test_an_edit_that_breaks_the_pack_is_not_saved(drafted: Path, keys_only: None) -> None:
    (drafted / "facts" / "sources.yaml").open("a", encoding="utf-8").write("current_year: 2025\n")
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "3")
        await type_in(pilot, "2026")
        assert isinstance(app.screen, EditLine)
        error = text_of(app, "#error")
        assert "not saved" in error and "period 2026 is after current_year 2025" in error
        await pilot.press("escape")
        assert facts_of(drafted)["p2-1-revenue"]["period"] == "2024"


def _hand_edit(pack: Path, old: str, new: str) -> None:
    path = pack / "facts" / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_an_edit_made_outside_is_read_and_judged_on_its_own(
    drafted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand edit shows at once with its problems; it blocks no other edit, and fixing it is saved."""
    monkeypatch.setattr(review_screen, "WATCH", 0.05)
    (drafted / "facts" / "sources.yaml").open("a", encoding="utf-8").write("current_year: 2025\n")
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        await settle(pilot)
        _hand_edit(drafted, "    period: '2024'\n    value: 36.8", "    period: '2026'\n    value: 36.8")
        await pilot.pause(0.2)
        await settle(pilot)
        assert "read again" in text_of(app, "#status") and "1 error" in text_of(app, "#status")
        assert "3 period    2026" in text_of(app, "#card")
        assert "period 2026 is after current_year 2025" in text_of(app, "#problems")
        await pilot.press("right", "7")  # another fact's label: the error elsewhere does not stop it
        await type_in(pilot, "2024年凈利潤 | net profit in 2024")
        assert facts_of(drafted)["p2-2-net-profit"]["label"]["en"] == "net profit in 2024"
        await pilot.press("left", "3")
        await type_in(pilot, "2024")
        await settle(pilot)
        assert facts_of(drafted)["p2-1-revenue"]["period"] == "2024"
        assert "nothing wrong with this fact" in text_of(app, "#problems")


async def test_alias_new_concept_and_own_question(drafted: Path) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        assert isinstance(app.screen, PickConcept)
        await pilot.press("enter")  # the fact's subject is highlighted: company
        await type_in(pilot, "雲帆冷鏈")
        await pilot.press("c")
        await type_in(pilot, "冷庫容量 | cold storage capacity | metric | 冷庫容量, 冷庫總容量")
        concepts = yaml.safe_load((drafted / "facts" / "gazetteer.yaml").read_text(encoding="utf-8"))["concepts"]
        assert "雲帆冷鏈" in concepts["company"]["aliases"]
        assert concepts["cold_storage_capacity"] == {
            "kind": "metric",
            "aliases": ["冷庫容量", "冷庫總容量"],
            "names": {"zh-Hant": "冷庫容量", "en": "cold storage capacity"},
        }
        await pilot.press("c")
        await type_in(pilot, "冷庫 | cold storage | product | 冷庫")
        assert "kind 'product': one of entity, metric, segment, qualifier" in text_of(app, "#error")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("t")
        await type_in(pilot, "雲帆冷鏈2024年凈利潤是多少?")
        trial = text_of(app, "#trial")
        assert "2.1億元" in trial and "answered" in trial


async def test_edit_a_concept_and_the_year(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, PickConcept)
        await pilot.press("enter")  # the fact's subject: company
        line = app.screen.query_one("#line", Input)
        assert line.value == "本公司 | the company | entity | "
        await type_in(pilot, "雲帆冷鏈 | Yunfan Cold Chain | entity | 雲帆")
        assert "1 subject   company  雲帆冷鏈" in text_of(app, "#card")
        await pilot.press("y")
        await type_in(pilot, "2025")
        sources = yaml.safe_load((drafted / "facts" / "sources.yaml").read_text(encoding="utf-8"))
        assert sources["current_year"] == 2025
        await pilot.press("e", *"metric_1", "enter")
        await type_in(pilot, "")  # empty: delete; refused while a fact names it, and the dialog closes
        assert isinstance(app.screen, ReviewScreen)
        assert any("still named by p4-1-metric-1" in n.message for n in app._notifications)
        concepts = yaml.safe_load((drafted / "facts" / "gazetteer.yaml").read_text(encoding="utf-8"))["concepts"]
        assert concepts["metric_1"]["kind"] == "metric"


async def test_keys_typed_before_the_dialog_has_the_focus_reach_it(drafted: Path, keys_only: None) -> None:
    """The key that opens a dialog and the next ones may come faster than the focus moves."""
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "3")
        app.screen.set_focus(None)  # as when "2025" follows "3" at once
        await pilot.press(*"2025q1", "enter")
        assert facts_of(drafted)["p2-1-revenue"]["period"] == "2025Q1"


async def test_a_name_typed_at_once_into_a_picker_is_the_one_chosen(drafted: Path, keys_only: None) -> None:
    """Enter right after the filter's keys chooses among the concepts that filter lists, never among
    those listed before the keys were read."""
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "4")
        picker = app.screen
        assert isinstance(picker, PickConcept)
        picker.query_one("#filter", Input).value = "overseas"  # its change is not handled yet
        picker.choose_highlighted()  # as Enter read before it
        await pilot.pause()
        assert facts_of(drafted)["p2-1-revenue"]["segment"] == ["overseas"]


async def test_quit(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert not app.is_running


def test_cli_review_needs_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path)]) == 2
    assert "not a fact pack" in capsys.readouterr().err


async def test_ctrl_u_clears_the_whole_line_and_shifted_fields_make_no_id(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # the new concept's line opens with the cursor in the middle
        line = app.screen.query_one("#line", Input)
        await pilot.press("ctrl+u")
        assert line.value == ""
        await pilot.press(*"staff cost ratio | metric | 員工成本比率", "enter")  # the Chinese name left out
        assert "write Chinese name | English name | kind | aliases" in text_of(app, "#error")
        await pilot.press("x")
        assert text_of(app, "#error") == ""  # typing on makes the error stale
        await pilot.press("escape")
        concepts = yaml.safe_load((drafted / "facts" / "gazetteer.yaml").read_text(encoding="utf-8"))["concepts"]
        assert "metric" not in concepts


async def test_n_copies_the_fact_and_0_edits_its_quote(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n")  # from p2-1-revenue
        assert "new fact p2-1-revenue-2" in text_of(app, "#status")
        assert "p2-1-revenue-2" in text_of(app, "#card")
        await pilot.press("0")
        await type_in(pilot, "雲帆冷鏈實現營業收入36.8億元,同比增長15.2%")
        assert facts_of(drafted)["p2-1-revenue-2"]["quote"] == "雲帆冷鏈實現營業收入36.8億元,同比增長15.2%"


async def test_a_segment_removed_says_so_in_the_status_line(drafted: Path, keys_only: None) -> None:
    app = ReviewApp(ReviewSession(drafted))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space", "4", *"overseas", "enter")
        assert "segment of p3-1-revenue: added overseas" in text_of(app, "#status")
        await pilot.press("4", "enter")  # the segment chosen is highlighted: Enter takes it out
        assert "segment of p3-1-revenue: removed overseas" in text_of(app, "#status")
        assert "segment" not in facts_of(drafted)["p3-1-revenue"]
