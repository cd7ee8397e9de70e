"""Article text to numbered paragraphs: kept non-empty lines, metadata and boilerplate left out."""

from __future__ import annotations

import re


def split_paragraphs(text: str, skip: list[str]) -> list[str]:
    """Paragraphs of an article, numbered from 1 by position in the returned list."""
    patterns = [re.compile(p) for p in skip]
    kept = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not any(p.search(line) for p in patterns):
            kept.append(line)
    return kept
