"""Text helpers of the chat: one-line cleaning, and Markdown that shows engine text exactly as written.

Engine text is escaped before it becomes Markdown; figures are made bold in a way that survives
CommonMark's flanking rules next to CJK characters and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

QUESTION_DISPLAY_LIMIT = 280
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
_MD_SPECIAL = set("\\`*_[]<>|~&")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def clean(text: str) -> str:
    """One line of printable text: control and bidi-override characters dropped, whitespace kept single."""
    kept = []
    for char in text:
        if char in "\t\n\r\v\f":
            kept.append(" ")
        elif unicodedata.category(char) == "Cc" or ord(char) in _BIDI:
            continue
        else:
            kept.append(char)
    return "".join(kept)


def shorten(text: str, limit: int = QUESTION_DISPLAY_LIMIT) -> str:
    """The text, cut with an ellipsis and the full length when longer than `limit`."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (+{len(text) - limit})"


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


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of the needles in text, longest needles first, in text order."""
    taken: list[tuple[int, int]] = []
    for needle in sorted({n for n in needles if n}, key=len, reverse=True):
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
            start = text.find(needle, end)
    return sorted(taken)


def _flanked(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span until `**` around it opens and closes under CommonMark's flanking rules."""
    while start < end and _is_punct(text[start], broad=True) and not _loose(text[start - 1] if start else None):
        start += 1
    while end > start and _is_punct(text[end - 1], broad=True) and not _loose(text[end] if end < len(text) else None):
        end -= 1
    return start, end


def emphasise(text: str, figures: Iterable[str], *, line_start: bool = True) -> str:
    """Escaped Markdown of text with each figure in bold."""
    out: list[str] = []
    position = 0
    for start, end in find_spans(text, figures):
        start, end = _flanked(text, start, end)
        if start >= end or text[start].isspace() or text[end - 1].isspace():
            continue
        out.append(escape(text[position:start], line_start=line_start and position == 0))
        out.append(f"**{escape(text[start:end], line_start=False)}**")
        position = end
    out.append(escape(text[position:], line_start=line_start and position == 0))
    return "".join(out)


def code(text: str) -> str:
    """An inline code span that survives backticks in its text."""
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
