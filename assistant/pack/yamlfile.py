"""YAML from a pack, parsed safely and within limits: the node tree is inspected before any data is built.

PyYAML's safe loader builds only plain data (no objects, no code), but on its own it would accept a mapping
with the same key twice (keeping the second silently), aliases that expand exponentially (a 536-byte
"billion laughs" file), nesting deep enough to exhaust the stack, and integers of thousands of digits. The
inspection walks each node once (an alias is the same node object), so it costs time linear in the file:
it computes the size and depth the data would have with every alias expanded, and refuses the file
before building anything too large.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from assistant.pack.limits import MAX_NUMBER_CHARS, MAX_STRING_CHARS, MAX_YAML_DEPTH, MAX_YAML_NODES

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_MERGE = "tag:yaml.org,2002:merge"


@dataclass
class Parsed:
    """One file's data (None when it cannot be used), its node tree, its size with aliases expanded, and
    what is wrong with it as (line, message); `fatal` problems leave no data."""

    data: Any = None
    node: yaml.Node | None = None
    size: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _own_problems(node: yaml.Node) -> tuple[list[tuple[int, str]], bool]:
    """Problems of one node on its own (an over-long text or number, a key given twice), and whether
    they forbid building the data (a number of thousands of digits is slow, or impossible, to build)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
            return [
                (_line(node), f"a number of {len(node.value):,} characters: more than the limit of {MAX_NUMBER_CHARS}")
            ], True
        if len(node.value) > MAX_STRING_CHARS:
            return [
                (
                    _line(node),
                    f"a text of {len(node.value):,} characters: more than the limit of "
                    f"{MAX_STRING_CHARS:,} for one value",
                )
            ], False
        return [], False
    found: list[tuple[int, str]] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE:
                continue
            ident = (key.tag, key.value)
            if ident in seen:
                found.append(
                    (
                        _line(key),
                        f"duplicate key {key.value!r} (first at line {seen[ident]}): YAML "
                        "would silently keep only the last one",
                    )
                )
            else:
                seen[ident] = _line(key)
    return found, False


def inspect(root: yaml.Node, max_nodes: int) -> tuple[int, list[tuple[int, str]], bool]:
    """(expanded size, problems, fatal) of a node tree, each node visited once, iteratively."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    problems: list[tuple[int, str]] = []
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    active: set[int] = set()
    fatal = False
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            children = _children(node)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[key] > max_nodes:
                return (
                    size[key],
                    [
                        *problems,
                        (
                            _line(node),
                            f"more than {max_nodes:,} values once aliases are expanded: the limit for a pack",
                        ),
                    ],
                    True,
                )
            if depth[key] > MAX_YAML_DEPTH:
                return (
                    size[key],
                    [*problems, (_line(node), f"nested more than {MAX_YAML_DEPTH} levels deep: the limit for a pack")],
                    True,
                )
            continue
        if key in size:
            continue
        if key in active:
            return 0, [*problems, (_line(node), "an alias that contains itself")], True
        active.add(key)
        own, stop = _own_problems(node)
        problems.extend(own)
        fatal = fatal or stop
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
    return size[id(root)], problems, fatal


def _error_line(error: yaml.YAMLError, text: str) -> int:
    """The 1-based line a YAML error points at (a reader error gives a character position instead)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(error, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else 1


def _error_message(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        return f"unacceptable character #x{error.character:04x}" if isinstance(error.character, int) else str(error)
    return str(getattr(error, "problem", None) or str(error).splitlines()[0])


def parse(text: str, max_nodes: int) -> Parsed:
    """Parse one YAML document within the limits; never raises for any input text."""
    loader = _SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            return Parsed(problems=[(_error_line(exc, text), f"broken YAML: {_error_message(exc)}")])
        except RecursionError:
            return Parsed(problems=[(0, f"nested more than {MAX_YAML_DEPTH} levels deep: the limit for a pack")])
        if node is None:
            return Parsed(data=None)
        size, problems, fatal = inspect(node, max_nodes)
        if fatal:
            return Parsed(node=node, size=size, problems=problems)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            line = _error_line(exc, text) if getattr(exc, "problem_mark", None) else _line(node)
            return Parsed(node=node, size=size, problems=[*problems, (line, f"broken YAML: {_error_message(exc)}")])
        except (ValueError, OverflowError, RecursionError, TypeError) as exc:
            return Parsed(node=node, size=size, problems=[*problems, (_line(node), f"unreadable value: {exc}")])
        return Parsed(data=data, node=node, size=size, problems=problems)
    finally:
        loader.dispose()


def parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and node tree of a file the authoring tools edit, within the pack limits; raises
    yaml.YAMLError naming the line of the first problem when the file cannot be used."""
    parsed = parse(text, MAX_YAML_NODES)
    if parsed.problems and parsed.data is None:
        line, message = parsed.problems[0]
        raise yaml.YAMLError(f"line {line}: {message}")
    return parsed.data, parsed.node
