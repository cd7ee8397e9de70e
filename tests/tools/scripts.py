"""The ways the drafting tests write one invented article: traditional script, simplified script, and
simplified with full-width punctuation (，；：（）), as most Chinese outlets print it."""

from __future__ import annotations

import re

import pytest

from assistant.lang.normalize import to_simplified, to_traditional

_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


def full_width(text: str) -> str:
    """Simplified script with full-width punctuation; a comma inside a number (3,560) stays ASCII."""
    return re.sub(r"(?<!\d),|,(?!\d)|[;:()!?]", lambda m: _FULL[m.group()], to_simplified(text))


ALL_SCRIPTS = pytest.mark.parametrize("convert", [to_traditional, to_simplified, full_width])
WRITTEN = {"zh-Hant": to_traditional, "zh-Hans": to_simplified, "full-width": full_width}
