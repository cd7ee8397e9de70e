"""One base error for everything a user may see, with messages written for people, not tracebacks."""

from __future__ import annotations

from dataclasses import dataclass


class AssistantError(Exception):
    """Base class: front ends print `str(error)` and exit; they never show a traceback."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fact pack, located like a linter message (file:line: message)."""

    file: str
    line: int
    message: str
    entry: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        entry = f" [{self.entry}]" if self.entry else ""
        return f"{where}:{entry} {self.message}"


class PackError(AssistantError):
    """A fact pack that cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"the fact pack has {len(problems)} problem(s):\n{shown}{more}")
