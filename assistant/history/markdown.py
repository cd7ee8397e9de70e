"""Answers and conversations as Markdown (exports): engine text escaped so it always shows as written,
figures in bold in a way that survives CommonMark's flanking rules next to CJK text and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from assistant.history.layout import EXPRESSION, FIGURE, Layout, Line, plain, runs

_MD_SPECIAL = set("\\`*_[]<>|~&")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def escape(text: str, *, line_start: bool = True) -> str:
    """Backslash-escape what Markdown would read as syntax, so engine text always shows as written."""
    escaped = "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in text)
    if not line_start:
        return escaped
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(2).isdigit():
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]


def code(text: str) -> str:
    """An inline code span that survives backticks in its text."""
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _is_punct(char: str | None, *, broad: bool = False) -> bool:
    if char is None:
        return False
    category = unicodedata.category(char)
    return (
        category.startswith("P")
        or (broad and category.startswith("S"))
        or (char.isascii() and not char.isalnum() and not char.isspace())
    )


def _loose(char: str | None) -> bool:
    """Whether an emphasis delimiter may stand next to this character whatever the figure holds."""
    return char is None or char.isspace() or _is_punct(char)


def _flanked(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span until `**` around it opens and closes under CommonMark's flanking rules."""
    while start < end and _is_punct(text[start], broad=True) and not _loose(text[start - 1] if start else None):
        start += 1
    while end > start and _is_punct(text[end - 1], broad=True) and not _loose(text[end] if end < len(text) else None):
        end -= 1
    return start, end


def line_markdown(line: Line, *, line_start: bool = True) -> str:
    """One laid-out line: figures bold, arithmetic as code, everything else escaped."""
    text = plain(line)
    out: list[str] = []
    position = offset = 0
    for run in line:
        start, end = offset, offset + len(run.text)
        offset = end
        if run.kind == EXPRESSION:
            out += [escape(text[position:start], line_start=line_start and position == 0), code(run.text)]
            position = end
        elif run.kind == FIGURE:
            start, end = _flanked(text, start, end)
            if start >= end or text[start].isspace() or text[end - 1].isspace():
                continue
            out += [
                escape(text[position:start], line_start=line_start and position == 0),
                f"**{escape(text[start:end], line_start=False)}**",
            ]
            position = end
    out.append(escape(text[position:], line_start=line_start and position == 0))
    return "".join(out)


def emphasise(text: str, figures: Iterable[str], *, line_start: bool = True) -> str:
    """Escaped Markdown of text with each figure in bold."""
    return line_markdown(runs(text, figures), line_start=line_start)


def answer_markdown(layout: Layout) -> str:
    """One answer: status, interpretation, headline, notes, citations as quotes, then its choices."""
    blocks = [f"*{escape(layout.caption)}*"]
    if layout.understood:
        blocks.append(escape(layout.understood))
    blocks += [line_markdown(line) for line in layout.headline]
    blocks += [f"*{escape(note)}*" for note in layout.notes]
    blocks += [
        f"> {line_markdown(runs(c.text, [r.text for r in c.runs if r.kind == FIGURE]))}" for c in layout.citations
    ]
    if layout.choices:
        blocks.append(escape(layout.choices_title))
        listed = [f"{n}. {escape(choice, line_start=False)}" for n, choice in enumerate(layout.choices, 1)]
        blocks.append("\n".join(listed))
    return "\n\n".join(blocks)


def conversation_markdown(title: str, header: Sequence[str], layouts: Sequence[Layout]) -> str:
    """A whole conversation: a title, a few header lines, then each question and its answer."""
    lines = [f"# {escape(title, line_start=False)}", ""]
    lines += [f"{escape(line)}  " for line in header]
    lines.append("")
    for number, layout in enumerate(layouts, 1):
        lines += [
            f"## {number}. {escape(' '.join(layout.question.split()), line_start=False)}",
            "",
            answer_markdown(layout),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
