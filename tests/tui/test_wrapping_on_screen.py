"""What the chat shows at 80, 100 and 160 columns never splits a figure from its unit or percent sign and
never starts a line with closing punctuation: the conversation, the source pane and the option lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from driving import ask
from rich.cells import cell_len

from assistant.tui.app import AssistantApp
from assistant.tui.linebreak import rules
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.wrapped import Wrapped, WrappedText

QUESTIONS = (
    "聯影醫療2024年營收多少?",
    "聯影醫療擬以自有資金增資聯影智能的金額是多少?",
    "那凈利潤呢?",
    "聯影醫療",
    "What was UIH's net margin in 2024?",
    "GE醫療2024年營收多少?",
)
CLOSING = "。,、;:?!」』)"
OPENING = "「『("


def shown(screen: ChatScreen) -> Iterator[tuple[str, list[str]]]:
    """(text, its lines as shown) for every wrapped text on the screen, option prompts included."""
    for widget in screen.query(WrappedText):
        if widget.display and widget.content_region.width:
            yield widget.plain, widget.shown_lines()
    for options in screen.query(QuestionOptions):
        width = options.scrollable_content_region.width - options._get_left_gutter_width()
        for option in options.options:
            visual = options._get_visual(option)
            assert isinstance(visual, Wrapped)
            yield visual.plain, [line.plain for line in visual.lines(width)]


def broken_figures(text: str, lines: list[str], figures: set[str]) -> list[str]:
    """Numbers with their units, and the answers' figures as written (約12.25%), cut by a line end."""
    ends, position = [], 0
    for line in lines:
        start = text.find(line.strip(), position) if line.strip() else position
        position = start + len(line.strip())
        ends.append(position)
    spans = [(m.start(), m.group()) for m in rules().number_units.finditer(text)]
    spans += [(m.start(), figure) for figure in figures for m in re.finditer(re.escape(figure), text)]
    return [piece for start, piece in spans if any(start < end < start + len(piece) for end in ends[:-1])]


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)])
async def test_no_figure_is_split(make_app: Callable[..., AssistantApp], size: tuple[int, int]) -> None:
    async with make_app().run_test(size=size) as pilot:
        screen = None
        for question in QUESTIONS:
            screen = await ask(pilot, question)
        assert screen is not None
        await pilot.pause(0.1)
        checked = 0
        figures = {figure for answer in screen.turns for figure in answer.figures}
        assert "約12.25%" in figures
        for text, lines in shown(screen):
            checked += 1
            width = max((cell_len(line) for line in lines), default=0)
            assert not broken_figures(text, lines, figures), (size, lines)
            assert not any(line.strip() and line.lstrip()[0] in CLOSING for line in lines[1:]), (size, lines)
            assert not any(line.strip() and line.rstrip()[-1] in OPENING for line in lines[:-1]), (size, lines)
            assert width <= size[0]
        assert checked > 20
