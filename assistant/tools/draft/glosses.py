"""What is written right beside a measure's name in a sentence: the Latin abbreviation glossing it in brackets
(初年度保費(FYP)), and a year before it, told apart from words that begin with 年's next character
(2024年初年度保費: 2024 and 初年度保費)."""

from __future__ import annotations

import re

# A Latin abbreviation in brackets right after Chinese words (初年度保費(FYP), 合約服務邊際(CSM)): a gloss of them.
LATIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\s*[(\uff08]\s*([A-Za-z][A-Za-z0-9&+\-. ]{0,24}?)\s*[)\uff09]")


# A year as written before what a figure measures, with the end or start of it when that is no word's first
# character (2024年末, 2024年度; 2024年初年度保費 is 2024 and 初年度保費).
YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}\s*(?:年度|年初(?!年)|年(?:底|末|中)?)")


def latin_gloss(sentence: str, words: str) -> str:
    """The Latin abbreviation written in brackets right after `words` in `sentence` ('' if none)."""
    at = sentence.find(words)
    match = LATIN_GLOSS.match(sentence, at + len(words)) if words and at >= 0 else None
    return match.group(1).strip() if match else ""
