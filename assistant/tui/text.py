"""Text helpers of the chat: what the input and the screen accept as one line of text."""

from __future__ import annotations

import unicodedata

QUESTION_DISPLAY_LIMIT = 280
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


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


def joined_lines(text: str) -> tuple[str, int]:
    """Pasted text as one question: its non-empty lines joined by a space, and how many there were."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines), len(lines)
