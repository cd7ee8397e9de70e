"""Where things are in a pack's files: YAML line numbers by key path, and the text line of each paragraph.

The loader records one line per section entry; `check` points at finer places (an alias, a template's
language, a fact's quote), so it reads the YAML node tree once more here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.pack.paragraphs import kept_lines

Key = tuple[Any, ...]


def yaml_lines(path: Path) -> dict[Key, int]:
    """1-based line of every mapping key and sequence item, by its path: ("facts", 3, "quote") -> 57.

    An unreadable file gives an empty map (the loader reports why).
    """
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    lines: dict[Key, int] = {}
    _walk(node, (), lines)
    return lines


def _walk(node: yaml.Node | None, prefix: Key, lines: dict[Key, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, key.value)
            lines.setdefault(path, key.start_mark.line + 1)
            _walk(value, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*prefix, index)
            lines[path] = item.start_mark.line + 1
            _walk(item, path, lines)


def line_of(lines: dict[Key, int], *path: Any) -> int:
    """The line of the deepest known prefix of `path` (0 when nothing is known)."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 0


def paragraph_lines(text: str, skip: list[str]) -> list[int]:
    """The 1-based text line of each paragraph, numbered exactly as `sources.split_paragraphs` numbers them."""
    return [number for number, _ in kept_lines(text, skip)]
