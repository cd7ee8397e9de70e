"""Regular expressions from packs, in bounded time.

Two kinds: `skip` patterns (lines of an article that are not paragraphs) run at load and in `check`, with
the `regex` module and a time budget per text, so a pattern that backtracks catastrophically (`^(a+)+$`)
is reported instead of hanging; counted repeats are bounded too, since compiling `((a{1000}){1000}){10}`
alone takes seconds. `precision` patterns (the rounding a question asks for) run on every question with
Python's `re`, which has no timeout, so they are held to a safe subset instead: no repeat of something that
itself repeats or alternates (the shapes that backtrack exponentially) and no back-references.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Iterator
from typing import Any

from assistant.pack.limits import MAX_PATTERN_CHARS, MAX_SKIP_PATTERNS, REGEX_BUDGET_SECONDS

MAX_REPEAT_WEIGHT = 10_000  # characters a compiled pattern may stand for once counted repeats are unrolled
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class PatternError(ValueError):
    """A pattern that is not allowed, or that ran out of time; the message says which, for people."""


def _parser() -> Any:
    try:
        return importlib.import_module("re._parser")  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")


def _parse(pattern: str) -> Any:
    if not isinstance(pattern, str):
        raise PatternError(f"{pattern!r} is not text")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(f"a pattern of {len(pattern)} characters: more than the limit of {MAX_PATTERN_CHARS}")
    try:
        return _parser().parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as exc:
        raise PatternError(f"not a regular expression ({exc}): {pattern!r}") from exc


def _items(tree: Any) -> Iterator[tuple[str, Any]]:
    for op, argument in tree:
        yield str(op), argument


def _parts(op: str, argument: Any) -> list[Any]:
    """The sub-patterns inside one item of a parsed pattern."""
    if op in _REPEATS:
        return [argument[2]]
    if op == "SUBPATTERN":
        return [argument[-1]]
    if op == "BRANCH":
        return list(argument[1])
    if op in ("ASSERT", "ASSERT_NOT"):
        return [argument[1]]
    if op == "ATOMIC_GROUP":
        return [argument]
    if op == "GROUPREF_EXISTS":
        return [part for part in argument[1:] if part is not None]
    return []


def _weight(tree: Any) -> int:
    """How long the pattern gets with its counted repeats unrolled (a{3}b is 4)."""
    total = 0
    for op, argument in _items(tree):
        inner = sum(_weight(part) for part in _parts(op, argument)) or 1
        if op in _REPEATS:
            low, high = argument[0], argument[1]
            inner *= max(low, high if high < 65535 else 1, 1)
        total += inner
    return total


def _repeats_or_branches(tree: Any) -> bool:
    for op, argument in _items(tree):
        if op == "BRANCH" or (op in _REPEATS and argument[1] > 1):
            return True
        if any(_repeats_or_branches(part) for part in _parts(op, argument)):
            return True
    return False


def _unsafe(tree: Any) -> str | None:
    """Why a parsed pattern may backtrack for a very long time, or None."""
    for op, argument in _items(tree):
        if op in ("GROUPREF", "GROUPREF_EXISTS"):
            return "a back-reference"
        if op in _REPEATS and argument[1] > 1 and _repeats_or_branches(argument[2]):
            return "a repeat of something that itself repeats or has alternatives, such as (a+)+ or (a|b)*"
        for part in _parts(op, argument):
            reason = _unsafe(part)
            if reason:
                return reason
    return None


def check_safe(pattern: str) -> None:
    """PatternError unless `pattern` is in the safe subset that Python's `re` runs in bounded time."""
    tree = _parse(pattern)
    reason = _unsafe(tree)
    if reason:
        raise PatternError(f"{pattern!r} has {reason}, which can take unbounded time on a question")
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise PatternError(f"not a regular expression ({exc}): {pattern!r}") from exc


def compile_skip(patterns: list[str]) -> list[Any]:
    """`skip` patterns compiled by the `regex` module, after the checks that bound compiling them."""
    if len(patterns) > MAX_SKIP_PATTERNS:
        raise PatternError(f"{len(patterns)} skip patterns: more than the limit of {MAX_SKIP_PATTERNS}")
    import regex  # only the loader and `check` need it; answering never does

    compiled = []
    for pattern in patterns:
        if _weight(_parse(pattern)) > MAX_REPEAT_WEIGHT:
            raise PatternError(f"{pattern!r} repeats too much (counted repeats multiply past {MAX_REPEAT_WEIGHT:,})")
        try:
            compiled.append(regex.compile(pattern))
        except (regex.error, RecursionError, OverflowError, ValueError) as exc:
            raise PatternError(f"not a regular expression ({exc}): {pattern!r}") from exc
    return compiled


class Deadline:
    """One time budget shared by every search over one text."""

    def __init__(self, seconds: float = REGEX_BUDGET_SECONDS) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def search(self, pattern: Any, text: str) -> bool:
        left = self.end - time.monotonic()
        try:
            if left <= 0:
                raise TimeoutError
            return pattern.search(text, timeout=left) is not None
        except TimeoutError:
            raise PatternError(
                f"skip pattern {pattern.pattern!r} ran out of time (the skip patterns of a pack "
                f"get {self.seconds:g} s in all): it backtracks too much; simplify it"
            ) from None
