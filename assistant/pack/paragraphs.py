"""Article text to numbered paragraphs: kept non-empty lines, metadata and boilerplate left out.

The `skip` patterns come from the pack, so they run with a time budget (see `patterns`), one budget for
all the sources of a pack when the loader passes its Deadline; a pattern that is not allowed or runs out
of time raises PatternError, which the loader reports with the source's line.
"""

from __future__ import annotations

import threading

from assistant.pack.patterns import Deadline, PatternError, compile_skip

__all__ = ["Deadline", "PatternError", "kept_lines", "split_paragraphs"]

_REMEMBERED = 32
_memo: dict[tuple[str, tuple[str, ...]], tuple[tuple[int, str], ...]] = {}
_lock = threading.Lock()


def kept_lines(text: str, skip: list[str], deadline: Deadline | None = None) -> list[tuple[int, str]]:
    """(1-based text line, stripped text) of each paragraph; paragraph N is item N - 1.

    The one place that decides what counts as a paragraph, for the loader and for `check`'s line numbers;
    remembered, so that `check` does not run the patterns (and spend their time budget) a second time.
    """
    key = (text, tuple(skip))
    with _lock:
        known = _memo.get(key)
    if known is None:
        known = _kept(text, skip, deadline or Deadline())
        with _lock:
            _memo[key] = known
            while len(_memo) > _REMEMBERED:
                del _memo[next(iter(_memo))]
    return list(known)


def _kept(text: str, skip: list[str], deadline: Deadline) -> tuple[tuple[int, str], ...]:
    patterns = compile_skip(skip)
    kept = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not any(deadline.search(p, line) for p in patterns):
            kept.append((number, line))
    return tuple(kept)


def split_paragraphs(text: str, skip: list[str], deadline: Deadline | None = None) -> list[str]:
    """Paragraphs of an article, numbered from 1 by position in the returned list."""
    return [line for _, line in kept_lines(text, skip, deadline)]
