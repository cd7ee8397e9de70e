"""Article text to numbered paragraphs: kept non-empty lines, metadata and boilerplate left out."""

from __future__ import annotations

import re


def kept_lines(text: str, skip: list[str]) -> list[tuple[int, str]]:
    """(1-based text line, stripped text) of each paragraph; paragraph N is item N - 1.

    The one place that decides what counts as a paragraph, for the loader and for `check`'s line numbers.
    """
    patterns = [re.compile(p) for p in skip]
    kept = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not any(p.search(line) for p in patterns):
            kept.append((number, line))
    return kept


def split_paragraphs(text: str, skip: list[str]) -> list[str]:
    """Paragraphs of an article, numbered from 1 by position in the returned list."""
    return [line for _, line in kept_lines(text, skip)]
