"""How the review screen looks (update with `pytest tests/review --snapshot-update`): the drafted test pack
at 120×35, after the pack is checked and the fact's question tried; and the concept picker over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from assistant.review import screen as review_screen
from assistant.review.app import ReviewApp
from assistant.review.session import ReviewSession


@pytest.fixture(autouse=True)
def no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_screen, "SETTLE", 0.01)


def after(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*keys)
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_review_screen(snap_compare: Callable[..., bool], drafted: Path) -> None:
    app = ReviewApp(ReviewSession(drafted))
    assert snap_compare(app, terminal_size=(120, 35), run_before=after("right"))


def test_concept_picker(snap_compare: Callable[..., bool], drafted: Path) -> None:
    app = ReviewApp(ReviewSession(drafted))
    assert snap_compare(app, terminal_size=(120, 35), run_before=after("right", "2", *"收入"))
