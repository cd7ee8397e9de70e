"""Checks of a read pack that go beyond its schema: facts against their source, figures against their
written form, and the language data (period words, rounding patterns, templates) against what the
engine will do with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from assistant.pack.patterns import PatternError, check_safe
from assistant.pack.reader import Reader
from assistant.pack.schema import Fact, Intent, Localized, PeriodWords, PrecisionWords
from assistant.pack.written import Words, figure_problems

# (templates, intents) -> [(template key or "", message)]: the engine's rules for its templates
TemplateRules = Callable[[Mapping[str, Localized], Mapping[str, Intent]], list[tuple[str, str]]]


def verify_fact(
    reader: Reader, path: Path, line: int, fact: Fact, paragraphs: dict[str, list[str]], words: Words
) -> bool:
    """The quote must lie verbatim in its paragraph, the written figures verbatim in the quote, and the
    value, scale, unit, approximation and change must agree with what is written."""
    assert fact.source is not None
    numbered = paragraphs[fact.source]
    if fact.paragraph > len(numbered):
        reader.problem(path, line, f"paragraph {fact.paragraph} is out of range (1-{len(numbered)})", fact.id)
        return False
    if fact.quote not in numbered[fact.paragraph - 1]:
        reader.problem(path, line, f"quote not found verbatim in paragraph {fact.paragraph}: {fact.quote!r}", fact.id)
        return False
    ok = True
    for label, written in (("written", fact.written), ("change.written", fact.change and fact.change.written)):
        if written and written not in fact.quote:
            reader.problem(path, line, f"{label} {written!r} is not in the quote", fact.id)
            ok = False
    if fact.value is None and fact.statement is None:
        reader.problem(path, line, "a fact needs a value or a statement", fact.id)
        ok = False
    if fact.value is not None and not fact.written:
        reader.problem(path, line, "a figure needs `written`: the figure as the source writes it", fact.id)
        ok = False
    if fact.value is None and fact.change is not None:
        reader.problem(path, line, "a change needs the figure it changes: give `value` and `written`", fact.id)
        ok = False
    if ok:
        for message in figure_problems(fact, words):
            reader.problem(path, line, message, fact.id)
            ok = False
    return ok


def plain_data(value: Any) -> Any:
    """YAML data as JSON-like builtins (a date becomes its ISO text), so that a pack read from the cache
    holds exactly what a freshly loaded one holds."""
    try:
        return msgspec.json.decode(msgspec.json.encode(value))
    except (msgspec.EncodeError, TypeError, ValueError, OverflowError):
        return {}


def verify_language(
    reader: Reader, origins: dict[str, tuple[Path, int]], periods: dict[str, Any], precision: dict[str, Any]
) -> None:
    """Period words in the shape the grammar reads; rounding patterns in the safe subset of `patterns`."""
    path, line = origins.get("periods", (reader.root, 0))
    try:
        msgspec.convert(periods, PeriodWords)
    except msgspec.ValidationError as exc:
        reader.problem(path, line, f"periods: {exc}")
    path, line = origins.get("precision", (reader.root, 0))
    try:
        rounding = msgspec.convert(precision, PrecisionWords)
    except msgspec.ValidationError as exc:
        reader.problem(path, line, f"precision: {exc}")
        return
    for name in ("zh", "en", "whole"):
        pattern = getattr(rounding, name)
        if pattern is not None:
            try:
                check_safe(pattern)
            except PatternError as exc:
                reader.problem(path, line, f"precision.{name}: {exc}")


def verify_templates(
    reader: Reader,
    rules: TemplateRules,
    templates: Mapping[str, Localized],
    intents: Mapping[str, Intent],
    origins: dict[str, tuple[Path, int]],
) -> None:
    """The engine's template rules (placeholders it fills, templates it needs), each problem at its line."""
    fallback = origins.get("templates", (reader.root / "intents", 0))
    for key, message in rules(templates, intents):
        path, line = origins.get(f"templates.{key}", fallback)
        reader.problem(path, line, message, key)
