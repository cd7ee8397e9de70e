"""YAML files of a pack, read safely and validated entry by entry; every problem is kept with its file
and line so that one run reports all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml

from assistant.errors import Problem
from assistant.pack.schema import FactFile, IntentFile
from assistant.pack.validate import validate

M = TypeVar("M", FactFile, IntentFile)

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse once, safely, with the C parser when PyYAML has it: the data and its node tree (for lines)."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


class Reader:
    """Collects problems while reading files so that one run reports all of them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.lines: dict[tuple[str, str, int], int] = {}

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def problem(self, path: Path, line: int, message: str, entry: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(self.rel(path), line, message, entry, severity))

    def read_yaml(self, path: Path) -> dict[str, Any] | None:
        """Parse one YAML file; None (and a problem) when it is unreadable or not a mapping."""
        try:
            text = path.read_text(encoding="utf-8")
            data, node = parse_yaml(text)
        except UnicodeDecodeError:
            self.problem(path, 0, "not UTF-8 text")
            return None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 0
            self.problem(path, line, f"broken YAML: {getattr(exc, 'problem', None) or exc}")
            return None
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(path, 1, "expected a mapping of sections at the top level")
            return None
        self._remember_lines(path, node)
        return data

    def _remember_lines(self, path: Path, node: yaml.Node | None) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                for index, item in enumerate(value.value):
                    self.lines[(str(path), key.value, index)] = item.start_mark.line + 1
            elif isinstance(value, yaml.MappingNode):
                for index, (sub, _) in enumerate(value.value):
                    self.lines[(str(path), key.value, index)] = sub.start_mark.line + 1
            self.lines[(str(path), key.value, -1)] = key.start_mark.line + 1

    def line(self, path: Path, section: str, index: int = -1) -> int:
        return self.lines.get((str(path), section, index), self.lines.get((str(path), section, -1), 0))

    def validate(self, path: Path, data: dict[str, Any], model: type[M]) -> M | None:
        """Validate one file entry by entry; record each broken entry with its line and keep the rest."""
        parsed, errors = validate(data, model)
        for error in errors:
            index = error.index if isinstance(error.index, int) else -1
            if isinstance(error.index, str):
                index = list(data.get(error.section) or {}).index(error.index)
            entry = _entry_name(data, error.section, index) or (error.index if isinstance(error.index, str) else "")
            entry = str(entry)
            self.problem(path, self.line(path, error.section, index), f"{error.location}: {error.message}", entry)
        return parsed


def _entry_name(data: dict[str, Any], section: str, index: int) -> str:
    items = data.get(section)
    if isinstance(items, list) and 0 <= index < len(items) and isinstance(items[index], dict):
        return str(items[index].get("id", f"#{index + 1}"))
    return ""
