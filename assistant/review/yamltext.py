"""Edit one entry of a YAML file (a fact, a concept, a setting) and leave every other byte as it was.

Each edit takes the entry's own lines, round-trips them through ruamel.yaml (so quoting, flow style and
comments inside the entry are ruamel's business, never hand-written YAML) and puts them back. The lines
between entries (the comments `assistant draft` writes above each fact) are not part of any entry, so
removing an entry's last key never takes the next entry's comments with it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from assistant.errors import AssistantError
from assistant.pack.yamlfile import parse_yaml

SECTION_MARK = "# --"  # a comment that heads a group of entries (`# -- paragraph 3: …`), kept on removal
STYLES = ((2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 2, 0))  # (mapping, sequence, offset) tried for an exact round trip


@dataclass(frozen=True)
class Entry:
    """Where one entry of a section lies: lines [start, end), and the comment block directly above it."""

    section: str
    key: int | str
    start: int
    end: int
    comments: int


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=style[0], sequence=style[1], offset=style[2])
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


class YamlText:
    """One YAML file as lines, with its entries located by ruamel's line numbers."""

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8") if text is None else text

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)

    def document(self) -> dict[str, Any]:
        """The top-level keys and their values (plain data)."""
        data, _ = self._parsed()
        return data

    def _parsed(self) -> tuple[dict[str, Any], yaml.MappingNode | None]:
        """The file's data and node tree, from the loader's C parser (fast, and lines are all we need)."""
        try:
            data, node = parse_yaml(self.text)
        except yaml.YAMLError as exc:
            raise AssistantError(f"{self.path.name}: cannot edit a file YAML cannot read: {exc}") from None
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            return {}, None
        return data, node

    def entries(self, section: str) -> list[Entry]:
        """The entries of a top-level list or mapping section, in file order ('' for the top-level keys)."""
        _, root = self._parsed()
        if root is None:
            return []
        lines = self.lines
        tops = [(str(k.value), k.start_mark.line, v) for k, v in root.value]
        if section:
            at = next((i for i, (name, _, _) in enumerate(tops) if name == section), None)
            if at is None:
                return []
            value = tops[at][2]
            if isinstance(value, yaml.SequenceNode):
                starts: list[tuple[int | str, int]] = [
                    (i, _dash_line(lines, item.start_mark.line)) for i, item in enumerate(value.value)
                ]
            elif isinstance(value, yaml.MappingNode):
                starts = [(str(k.value), k.start_mark.line) for k, _ in value.value]
            else:
                return []
            limit = tops[at + 1][1] if at + 1 < len(tops) else len(lines)
        else:
            starts = [(name, line) for name, line, _ in tops]
            limit = len(lines)
        found = []
        for n, (key, start) in enumerate(starts):
            end = starts[n + 1][1] if n + 1 < len(starts) else limit
            while end > start + 1 and _loose(lines[end - 1]):
                end -= 1
            found.append(Entry(section, key, start, end, _comment_start(lines, start)))
        return found

    def entry(self, section: str, key: int | str) -> Entry:
        for found in self.entries(section):
            if found.key == key:
                return found
        raise AssistantError(f"{self.path.name}: no entry {key!r} in {section or 'the top level'}")

    def edit(self, entry: Entry, change: Callable[[Any], Any]) -> None:
        """Round-trip the entry's lines, apply `change` to its value (a list item's mapping, a mapping
        entry's value, or a top-level key's value; a returned value replaces it), put the lines back.

        The lines of every key whose value `change` left alone are kept as they were, so that a list a
        person wrapped by hand stays wrapped when another field of the entry is edited."""
        lines = self.lines
        base = _indent(lines[entry.start])
        body = "".join(line[min(base, _indent(line)) :] for line in lines[entry.start : entry.end])
        yaml = _yaml(_style(body))
        data = yaml.load(body)
        holder, key = (data, 0) if isinstance(data, CommentedSeq) else (data, next(iter(data)))
        value = holder[key]
        before = _plain(value)
        replaced = change(value)
        if replaced is not None:
            holder[key] = replaced
        new = _dump(yaml, data)
        if isinstance(holder[key], CommentedMap) and isinstance(before, dict):
            new = _keep_untouched(body, new, before, yaml)
        self.text = "".join([*lines[: entry.start], _reindent(new, base), *lines[entry.end :]])

    def remove(self, entry: Entry) -> None:
        """Take out the entry and its own comment lines; a heading comment stays while entries follow it."""
        lines = self.lines
        kept = [line for line in lines[entry.comments : entry.start] if line.lstrip().startswith(SECTION_MARK)]
        rest = lines[entry.end :]
        following = next((line for line in rest if line.strip()), "")
        if kept and (
            not following.startswith(" " * _indent(lines[entry.start])) or following.lstrip().startswith(SECTION_MARK)
        ):
            kept = []  # a heading with nothing under it any more
            while rest and not rest[0].strip() and entry.comments > 0 and not lines[entry.comments - 1].strip():
                rest = rest[1:]
        self.text = "".join([*lines[: entry.comments], *kept, *rest])

    def append(self, section: str, key: str | None, value: Any) -> None:
        """Add `key: value` at the end of a mapping section, or `value` at the end of a list section (key
        None); a missing or empty section becomes a block section at the end of the file."""
        entries = self.entries(section)
        if not entries:
            lines = [line for line in self.lines if not line.startswith(f"{section}:")]
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            self.text = "".join([*lines, f"{section}:\n"])
            base, at = 2, len(lines) + 1
        else:
            base, at = _indent(self.lines[entries[-1].start]), entries[-1].end
        lines = self.lines
        data = CommentedSeq([value]) if key is None else CommentedMap([(key, value)])
        new = _reindent(_dump(_yaml(STYLES[0]), data), base)
        self.text = "".join([*lines[:at], new, *lines[at:]])

    def insert_after(self, entry: Entry, value: Any) -> None:
        """Add `value` as a list item right after the entry (a fact copied beside the one it came from)."""
        lines = self.lines
        new = _reindent(_dump(_yaml(STYLES[0]), CommentedSeq([value])), _indent(lines[entry.start]))
        self.text = "".join([*lines[: entry.end], new, *lines[entry.end :]])

    def set_top(self, key: str, value: Any) -> None:
        """Set a top-level key (a setting such as default_subject), in place or at the end of the file."""
        if key in self.document():
            self.edit(self.entry("", key), lambda _: value)
            return
        text = self.text + ("" if not self.text or self.text.endswith("\n") else "\n")
        self.text = text + _dump(_yaml(STYLES[0]), CommentedMap([(key, value)]))

    def save(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _loose(line: str) -> bool:
    """A blank or comment line: between entries, it belongs to none of them."""
    return not line.strip() or line.lstrip().startswith("#")


def _dash_line(lines: list[str], line: int) -> int:
    """The line of a list item's dash (written `-` alone, the item's content starts on the next line)."""
    if line > 0 and not lines[line].lstrip().startswith("-") and lines[line - 1].strip() == "-":
        return line - 1
    return line


def _comment_start(lines: list[str], start: int) -> int:
    """The first of the comment lines directly above `start` (no blank line between)."""
    first = start
    while first > 0 and lines[first - 1].lstrip().startswith("#"):
        first -= 1
    return first


def _style(body: str) -> tuple[int, int, int]:
    """The indentation that round-trips this text byte for byte (the first style when none does)."""
    for style in STYLES:
        yaml = _yaml(style)
        try:
            if _dump(yaml, yaml.load(body)) == body:
                return style
        except YAMLError:
            break
    return STYLES[0]


def _plain(value: Any) -> Any:
    """Builtin lists, dicts and scalars, to compare a value before and after an edit."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _key_lines(text: str, yaml: YAML) -> tuple[list[str], dict[str, list[str]]]:
    """The lines before the entry's first key, and the lines of each key (up to the next key)."""
    data = yaml.load(text)
    mapping = data[0] if isinstance(data, CommentedSeq) else data[next(iter(data))]
    lines = text.splitlines(keepends=True)
    starts = [(str(k), mapping.lc.key(k)[0]) for k in mapping]
    head = lines[: starts[0][1]] if starts else lines
    spans = {
        k: lines[line : (starts[n + 1][1] if n + 1 < len(starts) else len(lines))] for n, (k, line) in enumerate(starts)
    }
    return head, spans


def _keep_untouched(old: str, new: str, before: dict[str, Any], yaml: YAML) -> str:
    """`new`, with the original lines of each key whose value did not change."""
    old_head, old_spans = _key_lines(old, yaml)
    _, new_spans = _key_lines(new, yaml)
    if not old_spans or not new_spans or next(iter(old_spans)) != next(iter(new_spans)):
        return new  # the first key carries the list dash: only splice when it stays first
    after = _plain(yaml.load(new))
    after = after[0] if isinstance(after, list) else after[next(iter(after))]
    kept = list(old_head)  # the entry's own header line (a concept's id), never edited here
    for key, span in new_spans.items():
        same = key in old_spans and key in before and before[key] == after.get(key)
        kept += old_spans[key] if same else span
    return "".join(kept)


def _reindent(text: str, base: int) -> str:
    return "".join((" " * base + line) if line.strip() else line for line in text.splitlines(keepends=True))
