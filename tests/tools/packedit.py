"""Editing a copy of the mini pack in the tests of `check`, and finding the problems it reports."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import Problem
from assistant.tools.check import CheckResult

FACTS = "facts/facts.yaml"
GAZETTEER = "facts/gazetteer.yaml"
SOURCES = "facts/sources.yaml"
ARTICLE = "facts/sources/starlake-2024.txt"


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str, after: int = 0) -> int:
    """The 1-based number of the first line after line `after` that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def at(result: CheckResult, file: str, line: int, severity: str = "error") -> list[Problem]:
    return [p for p in result.problems if p.file == file and p.line == line and p.severity == severity]


def only_problem(result: CheckResult, file: str, line: int, text: str, severity: str = "error") -> Problem:
    found = [p for p in at(result, file, line, severity) if text in p.message]
    assert found, "\n".join(str(p) for p in result.problems)
    return found[0]
