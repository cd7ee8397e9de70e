"""Article text to numbered paragraphs: kept non-empty lines, metadata and boilerplate left out.

The `skip` patterns come from the pack, so they run with a time budget (see `patterns`); a pattern that
is not allowed or runs out of time raises PatternError, which the loader reports with the source's line.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.pack.patterns import Deadline, PatternError, compile_skip

__all__ = ["PatternError", "kept_lines", "split_paragraphs"]


def kept_lines(text: str, skip: list[str]) -> list[tuple[int, str]]:
    """(1-based text line, stripped text) of each paragraph; paragraph N is item N - 1.

    The one place that decides what counts as a paragraph, for the loader and for `check`'s line numbers;
    remembered, so that `check` does not run the patterns (and their time budget) a second time.
    """
    return list(_kept(text, tuple(skip)))


@lru_cache(maxsize=32)
def _kept(text: str, skip: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    patterns = compile_skip(list(skip))
    deadline = Deadline()
    kept = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not any(deadline.search(p, line) for p in patterns):
            kept.append((number, line))
    return tuple(kept)


def split_paragraphs(text: str, skip: list[str]) -> list[str]:
    """Paragraphs of an article, numbered from 1 by position in the returned list."""
    return [line for _, line in kept_lines(text, skip)]
