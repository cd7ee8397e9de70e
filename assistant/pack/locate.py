"""Where things are in a pack's files: YAML line numbers by key path, and the text line of each paragraph.

The loader records one line per section entry; `check` points at finer places (an alias, a template's
language, a fact's quote), so it reads the YAML node tree once more here, within the same limits as the
loader (see `yamlfile`), visiting each node once however many aliases point to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.pack.files import PackFileError, read_limited
from assistant.pack.limits import MAX_YAML_BYTES, MAX_YAML_NODES
from assistant.pack.paragraphs import PatternError, kept_lines
from assistant.pack.yamlfile import parse

Key = tuple[Any, ...]


def read_yaml_file(path: Path) -> tuple[bool, Any, dict[Key, int]]:
    """(readable, data, line of every key path) of one YAML file; (False, None, {}) when it cannot be read
    within the limits (the loader reports why)."""
    try:
        text = read_limited(path, MAX_YAML_BYTES).decode("utf-8")
    except (PackFileError, UnicodeDecodeError):
        return False, None, {}
    parsed = parse(text, MAX_YAML_NODES)
    if parsed.node is None:
        return not parsed.problems, parsed.data, {}
    lines: dict[Key, int] = {}
    _walk(parsed.node, (), lines, set())
    return parsed.data is not None, parsed.data, lines


def yaml_lines(path: Path) -> dict[Key, int]:
    """1-based line of every mapping key and sequence item, by its path: ("facts", 3, "quote") -> 57.

    An unreadable file gives an empty map (the loader reports why).
    """
    return read_yaml_file(path)[2]


def _walk(node: yaml.Node, prefix: Key, lines: dict[Key, int], seen: set[int]) -> None:
    if id(node) in seen:
        return  # an alias: its lines are those of its anchor
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            path = (*prefix, key.value)
            lines.setdefault(path, key.start_mark.line + 1)
            _walk(value, path, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*prefix, index)
            lines[path] = item.start_mark.line + 1
            _walk(item, path, lines, seen)


def line_of(lines: dict[Key, int], *path: Any) -> int:
    """The line of the deepest known prefix of `path` (0 when nothing is known)."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 0


def paragraph_lines(text: str, skip: list[str]) -> list[int]:
    """The 1-based text line of each paragraph, numbered exactly as `sources.split_paragraphs` numbers them
    (every line when the skip patterns cannot run: the loader has reported why)."""
    try:
        return [number for number, _ in kept_lines(text, skip)]
    except PatternError:
        return list(range(1, len(text.splitlines()) + 1))
