"""`assistant review PACK`: a keyboard-first screen to review the facts `assistant draft` wrote."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from assistant.review.screen import ReviewScreen
from assistant.review.session import ReviewSession


class ReviewApp(App[None]):
    """Review one pack: its drafts one by one, every change saved at once."""

    CSS_PATH = "review.tcss"
    TITLE = "assistant review"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True, show=False)]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session

    def get_default_screen(self) -> ReviewScreen:
        return ReviewScreen(self.session)


def run(path: str | Path) -> None:
    """Open the review of the pack at `path` until the reviewer quits."""
    ReviewApp(ReviewSession(path)).run()
