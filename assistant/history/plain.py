"""Answers and logged conversations as plain terminal text, coloured or not.

The CLI prints these; colour (ANSI) only marks what the text already says: figures in bold, the
status of an answer that did not answer, the interpretation and citations dimmed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from assistant.history.layout import EXPRESSION, FIGURE, Layout, Line
from assistant.history.store import Conversation


@dataclass(frozen=True)
class Palette:
    """ANSI styles; the empty palette prints plain text."""

    figure: str = ""
    expression: str = ""
    dim: str = ""
    clarify: str = ""
    no_answer: str = ""
    heading: str = ""
    reset: str = ""

    def paint(self, text: str, style: str) -> str:
        return f"{style}{text}{self.reset}" if style and text else text


PLAIN = Palette()
COLOUR = Palette(
    figure="\x1b[1;32m",
    expression="\x1b[36m",
    dim="\x1b[2m",
    clarify="\x1b[33m",
    no_answer="\x1b[31m",
    heading="\x1b[1m",
    reset="\x1b[0m",
)


def _line(line: Line, palette: Palette, base: str = "") -> str:
    parts = []
    for run in line:
        style = {FIGURE: palette.figure, EXPRESSION: palette.expression}.get(run.kind, base)
        parts.append(palette.paint(run.text, style))
    return "".join(parts)


def answer_text(layout: Layout, palette: Palette = PLAIN) -> str:
    """The answer as the CLI prints it: interpretation, headline, citations, notes, then choices once."""
    base = {"clarify": palette.clarify, "no_answer": palette.no_answer}.get(layout.kind, "")
    lines = [palette.paint(layout.understood, palette.dim)] if layout.understood else []
    lines += [_line(line, palette, base) for line in layout.headline]
    lines += [palette.paint(cited.text, palette.dim) for cited in layout.citations]
    lines += list(layout.notes)
    if layout.choices_kind == "options":
        lines += [f"  {palette.paint(f'{n}.', palette.heading)} {choice}" for n, choice in enumerate(layout.choices, 1)]
    else:
        lines += [f"  → {choice}" for choice in layout.choices]
    return "\n".join(lines)


def when(timestamp: float) -> str:
    """A local time as people read it in a listing."""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def iso(timestamp: float) -> str:
    """A local time with its offset, for JSON."""
    return datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="seconds")


def pack_name(key: str) -> str:
    """How a logged pack is named in listings: "bundled", else the folder's name."""
    return key.rstrip("/").rsplit("/", 1)[-1] or key


def conversation_json(conversation: Conversation, questions: list[str] | None = None) -> dict[str, object]:
    """A conversation as listed in JSON; with its questions in order when given."""
    data: dict[str, object] = {
        "id": conversation.id,
        "title": conversation.title,
        "pack": conversation.pack,
        "origin": conversation.origin,
        "created": iso(conversation.created),
        "updated": iso(conversation.updated),
        "turns": conversation.turns,
        "first_question": conversation.first_question,
    }
    if questions is not None:
        data["questions"] = questions
    return data


def cells(text: str) -> int:
    """Terminal columns of a string: wide (CJK) characters take two, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def clip(text: str, width: int) -> str:
    """The text cut to `width` columns, with an ellipsis when cut."""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = cells(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def fit_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int, flexible: tuple[int, ...]) -> str:
    """A left-aligned table no wider than `width`: the `flexible` columns give up room, widest first."""
    everything = [header, *rows]
    widths = [max(cells(row[i]) for row in everything) for i in range(len(header))]
    total = sum(widths) + 2 * (len(widths) - 1)
    while total > width:
        column = max(flexible, key=lambda i: widths[i])
        if widths[column] <= 8:
            break
        widths[column] -= 1
        total -= 1
    lines = []
    for row in everything:
        shown = [clip(cell, widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cell + " " * (widths[i] - cells(cell)) for i, cell in enumerate(shown)).rstrip())
    return "\n".join(lines)
