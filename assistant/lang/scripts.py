"""The one definition of what counts as a Chinese character and a Latin word, for every module.

CJK here is the unified ideographs (U+4E00-U+9FFF), extension A (U+3400-U+4DBF) and the compatibility
ideographs (U+F900-U+FAFF): everything a Chinese business article or question writes. The Chinese
numeral zero 〇 (U+3007) counts too, since years are written with it (二〇二四).
"""

from __future__ import annotations

import re

CJK_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CLASS}]")
CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
NOT_CJK = re.compile(f"[^{CJK_CLASS}]+")
LATIN_WORD = re.compile(r"[a-z][a-z0-9&'\-]*[a-z0-9]|[a-z]")


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def is_cjk(char: str) -> bool:
    return CJK.fullmatch(char) is not None
