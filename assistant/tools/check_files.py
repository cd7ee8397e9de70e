"""What `assistant check` reads and reports: a pack's YAML files with their line numbers, and the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import Problem
from assistant.lang.normalize import LANGUAGES
from assistant.pack.locate import Key, line_of


@dataclass
class YamlFile:
    """One YAML file of the pack as raw data, with its display name and line numbers."""

    path: Path
    rel: str
    data: dict[str, Any] | None
    lines: dict[Key, int]

    def items(self, section: str) -> list[tuple[int, dict[str, Any]]]:
        value = (self.data or {}).get(section)
        if not isinstance(value, list):
            return []
        return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]

    def mapping(self, section: str) -> dict[str, Any]:
        value = (self.data or {}).get(section)
        return value if isinstance(value, dict) else {}

    def line(self, *path: Any) -> int:
        return line_of(self.lines, *path)


@dataclass(frozen=True)
class Use:
    """One place a word is given to a concept or an intent."""

    owner: str
    yfile: YamlFile
    path: Key
    text: str

    @property
    def line(self) -> int:
        return self.yfile.line(*self.path)

    @property
    def where(self) -> str:
        return f"{self.yfile.rel}:{self.line}"


@dataclass
class CheckResult:
    """Every problem found, sorted by file and line, and how many facts are still drafts."""

    problems: list[Problem] = field(default_factory=list)
    drafts: int = 0

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity != "error" for p in self.problems)

    @property
    def failed(self) -> bool:
        """A pack fails the check on any error, and while any fact is still a draft."""
        return bool(self.errors or self.drafts)

    def summary(self) -> str:
        text = f"{self.errors} error{'s' * (self.errors != 1)}, {self.warnings} warning{'s' * (self.warnings != 1)}"
        if self.drafts:
            text += f"; {self.drafts} draft fact{'s' * (self.drafts != 1)} left to review (remove `draft: true`)"
        return text

    def as_json(self) -> list[dict[str, Any]]:
        return [
            {"file": p.file, "line": p.line, "severity": p.severity, "entry": p.entry, "message": p.message}
            for p in self.problems
        ]


def format_problem(problem: Problem) -> str:
    """`file:line: severity: [entry] message`, like a compiler or a linter."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    entry = f"[{problem.entry}] " if problem.entry else ""
    return f"{where}: {problem.severity}: {entry}{problem.message}"


def node_lines(node: yaml.Node | None) -> dict[Key, int]:
    """1-based line of every mapping key and sequence item of a composed document, by its path (the
    shape of `locate.yaml_lines`, from a node tree the loader's C parser has already built)."""
    lines: dict[Key, int] = {}
    stack: list[tuple[yaml.Node | None, Key]] = [(node, ())]
    while stack:
        current, prefix = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                path = (*prefix, key.value)
                lines.setdefault(path, key.start_mark.line + 1)
                stack.append((value, path))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                path = (*prefix, index)
                lines[path] = item.start_mark.line + 1
                stack.append((item, path))
    return lines


def concept_forms(raw: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Each alias and name of a concept as its YAML writes it, with its path in the file; anything that is no
    text (a broken pack's `aliases: 5`) is left to the loader to report."""
    aliases = raw.get("aliases")
    forms: list[tuple[tuple[Any, ...], str]] = [
        (("aliases", i), a) for i, a in enumerate(aliases if isinstance(aliases, list) else []) if isinstance(a, str)
    ]
    names = raw.get("names")
    if isinstance(names, dict):
        forms += [(("names", lang), names[lang]) for lang in LANGUAGES if isinstance(names.get(lang), str)]
    return forms
