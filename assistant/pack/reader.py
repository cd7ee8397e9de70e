"""Reading a pack's files into data: every problem is collected with its file and line, and the whole pack
is held to the limits of `limits` (bytes, YAML nodes) as it is read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, TypeVar

import yaml

from assistant.errors import Problem
from assistant.pack.files import YAML_SUFFIXES, PackFileError, list_files, read_limited
from assistant.pack.limits import MAX_PACK_BYTES, MAX_YAML_BYTES, MAX_YAML_NODES
from assistant.pack.schema import FactFile, IntentFile
from assistant.pack.validate import validate
from assistant.pack.yamlfile import parse

M = TypeVar("M", FactFile, IntentFile)


class Reader:
    """Collects problems while reading files so that one run reports all of them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.lines: dict[tuple[str, str, int], int] = {}
        self.bytes = 0
        self.nodes = 0
        self.exhausted = False
        self.digest = hashlib.sha256()  # of every byte read: the pack's fingerprint

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def problem(self, path: Path, line: int, message: str, entry: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(self.rel(path), line, message, entry, severity))

    def yaml_files(self, folder: Path, root: Path) -> list[Path]:
        """The YAML files under `folder`, confined to `root`; refused entries become problems."""
        listing = list_files(folder, root, YAML_SUFFIXES)
        for path, why in listing.refused:
            self.problem(path, 0, why)
        return listing.files

    def read_bytes(self, path: Path, limit: int) -> bytes | None:
        """A file's bytes within its own limit and the pack's; None (and a problem) otherwise."""
        if self.exhausted:
            return None
        try:
            data = read_limited(path, limit)
        except PackFileError as exc:
            self.problem(path, 0, str(exc))
            return None
        self.bytes += len(data)
        self.digest.update(data)
        if self.bytes > MAX_PACK_BYTES:
            self.exhausted = True
            self.problem(
                path,
                0,
                f"the pack's files exceed {MAX_PACK_BYTES:,} bytes in all: the limit for a pack; "
                "this file and the ones after it are not read",
            )
            return None
        return data

    def read_text(self, path: Path, limit: int) -> str | None:
        data = self.read_bytes(path, limit)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.problem(path, 0, "not UTF-8 text")
            return None

    def read_yaml(self, path: Path) -> dict[str, Any] | None:
        """Parse one YAML file; None (and a problem) when it is unreadable, over a limit or not a mapping."""
        text = self.read_text(path, MAX_YAML_BYTES)
        if text is None:
            return None
        parsed = parse(text, max(0, MAX_YAML_NODES - self.nodes))
        self.nodes += parsed.size
        for line, message in parsed.problems:
            self.problem(path, line, message)
        if parsed.data is None:
            return None if parsed.problems else {}
        if not isinstance(parsed.data, dict):
            self.problem(path, 1, "expected a mapping of sections at the top level")
            return None
        self._remember_lines(path, parsed.node)
        return parsed.data

    def _remember_lines(self, path: Path, node: yaml.Node | None) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if isinstance(value, yaml.SequenceNode):
                for index, item in enumerate(value.value):
                    self.lines[(str(path), key.value, index)] = item.start_mark.line + 1
            elif isinstance(value, yaml.MappingNode):
                for index, (sub, _) in enumerate(value.value):  # the line of each key, by position
                    self.lines[(str(path), key.value, index)] = sub.start_mark.line + 1
            self.lines.setdefault((str(path), key.value, -1), key.start_mark.line + 1)

    def line(self, path: Path, section: str, index: int = -1) -> int:
        return self.lines.get((str(path), section, index), self.lines.get((str(path), section, -1), 0))

    def validate(self, path: Path, data: dict[str, Any], model: type[M]) -> M | None:
        """Validate one file entry by entry; record each broken entry with its line and keep the rest."""
        parsed, errors = validate(data, model)
        for error in errors:
            index = error.index if isinstance(error.index, int) else -1
            if isinstance(error.index, str):
                keys = [str(k) for k in (data.get(error.section) or {})]
                index = keys.index(error.index) if error.index in keys else -1
            entry = _entry_name(data, error.section, index) or (error.index if isinstance(error.index, str) else "")
            self.problem(path, self.line(path, error.section, index), f"{error.location}: {error.message}", str(entry))
        return parsed


def _entry_name(data: dict[str, Any], section: str, index: int) -> str:
    items = data.get(section)
    if isinstance(items, list) and 0 <= index < len(items) and isinstance(items[index], dict):
        return str(items[index].get("id", f"#{index + 1}"))
    return ""
