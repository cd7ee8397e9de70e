"""Schema and YAML errors said the way a person fixes them: the line of the field, what is wrong in
words, and what to write instead.

The loader reports `facts.1.label: Object contains unknown field `同比下降`` at the fact's first line;
a person wants `facts/facts.yaml:16: label: the ASCII comma in 2024年凈利潤, 同比下降 ends the value
inside {…}; quote it: zh-Hant: '2024年凈利潤, 同比下降'`.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec
import yaml

from assistant.errors import Problem
from assistant.pack.files import PackFileError, read_limited
from assistant.pack.limits import MAX_YAML_BYTES, MAX_YAML_NODES
from assistant.pack.schema import FactFile, IntentFile, Localized
from assistant.pack.yamlfile import parse

Chain = list[tuple[yaml.Node | None, yaml.Node]]  # (key node, value node) from the document down

TYPE_WORDS = {
    "int": "a whole number",
    "str": "text",
    "decimal": "a number",
    "float": "a number",
    "bool": "true or false",
    "array": "a list, [a, b]",
    "object": "a mapping, {key: value}",
    "null": "nothing",
}
SCALAR_FIELDS = ("subject", "metric", "period", "when", "quote", "written", "unit", "scale", "approx", "id")
YAML_ADVICE = (
    ("mapping values are not allowed", "a value that contains ': ' must be quoted: {suggestion}"),
    (
        "did not find expected ',' or '}'",
        "inside {{…}} a value that contains ': ' or ', ' must be quoted, as in {{zh-Hant: '…: …', en: …}}",
    ),
    ("did not find expected ',' or ']'", "inside […] an item that contains ':' or ',' must be quoted"),
    ("cannot start any token", "{token}"),
    ("found unexpected end of stream", "a quote (' or \") is opened and never closed"),
    ("could not find expected ':'", "this line is not `key: value`: is a quote left open, or a ':' missing?"),
    ("expected <block end>", "the indentation of this line does not match the lines above it"),
    ("found duplicate anchor", "`&` starts a YAML anchor: quote a value that begins with &"),
)


def explain(problem: Problem, root: Path) -> Problem:
    """The same problem, at the line of the field, in words a person acts on; unchanged when not understood."""
    path = root / problem.file
    if path.suffix not in {".yaml", ".yml"} or not path.is_file():
        return problem
    try:  # the file as the loader read it: within the limits, UTF-8
        text = read_limited(path, MAX_YAML_BYTES).decode("utf-8")
    except (PackFileError, UnicodeDecodeError):
        return problem
    if problem.message.startswith("broken YAML: "):
        return replace(problem, message=_broken(problem.message, text, problem.line))
    location, sep, detail = problem.message.partition(": ")
    model: type[FactFile | IntentFile] = IntentFile if problem.file.startswith("intents") else FactFile
    parts = location.split(".")
    if not sep or parts[0] not in {f.encode_name for f in msgspec.structs.fields(model)}:
        return problem
    node = parse(text, MAX_YAML_NODES).node  # bounded: an alias bomb is not expanded here either
    if node is None:
        return problem
    chain = _chain(node, parts)
    said = _say(detail, parts, chain, model, text)
    if said is None:
        return problem
    line, message = said
    if not line and chain:
        key, value = chain[-1]  # the field's key, or the list item itself
        line = (key or value).start_mark.line + 1
    return replace(problem, line=line or problem.line, message=message)


def _chain(node: yaml.Node | None, parts: list[str]) -> Chain:
    """The nodes along a dotted path, as far as the path exists."""
    chain: Chain = []
    for part in parts:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if str(k.value) == part), None)
            if pair is None:
                break
            chain.append(pair)
            node = pair[1]
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
            chain.append((None, node))
        else:
            break
    return chain


def _say(detail: str, parts: list[str], chain: Chain, model: type, text: str) -> tuple[int, str] | None:
    """(line or 0, message) for the msgspec error `detail` at `parts`, or None to keep the loader's words."""
    field = next((p for p in reversed(parts) if not p.isdigit()), parts[-1])
    node = chain[-1][1] if len(chain) == len(parts) else None
    unknown = re.fullmatch(r"Object contains unknown field `(.+)`", detail)
    if unknown and isinstance(node, yaml.MappingNode):
        return _unknown_field(unknown.group(1), parts, node, model, text)
    missing = re.fullmatch(r"Object missing required field `(.+)`", detail)
    if missing:
        doc = _doc(_type_at(model, [*parts, missing.group(1)]))
        return 0, f"{_prefix(parts)}`{missing.group(1)}` is missing" + (f": {doc[0].lower()}{doc[1:]}" if doc else "")
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    enum = re.fullmatch(r"Invalid enum value '(.+)'", detail)
    if enum:
        allowed = typing.get_args(_strip(_type_at(model, parts)))
        return 0, f"{field}: {enum.group(1)!r} is not one of {', '.join(map(str, allowed))}"
    if detail.startswith("Invalid decimal string"):
        return 0, (
            f"{field}: {raw!r} is not a number; write the number alone ({field}: 48.5), the scale in "
            "`scale: 億` and the unit in `unit: 元`"
        )
    expected = re.fullmatch(r"Expected `([^`]+)`(?:, got `([^`]+)`)?(.*)", detail)
    if expected:
        return 0, _wrong_type(
            field, expected.group(1), expected.group(2), expected.group(3), raw, _type_at(model, parts)
        )
    return None


def _prefix(parts: list[str]) -> str:
    """`label: ` for facts.3.label, `` for facts.3: the entry is named beside the message already."""
    inner = ".".join(p for p in parts[2:] if not p.isdigit())
    return f"{inner}: " if inner else ""


def _unknown_field(name: str, parts: list[str], node: yaml.MappingNode, model: type, text: str) -> tuple[int, str]:
    """A comma inside a one-line {…} that cut a value in two, or a misspelt field name."""
    keys = [k for k, _ in node.value]
    index = next((i for i, k in enumerate(keys) if str(k.value) == name), None)
    where = _prefix(parts)
    if index is None:
        return 0, f"{where}unknown field `{name}`"
    key, value = node.value[index]
    if node.flow_style and index > 0 and isinstance(value, yaml.ScalarNode) and value.value == "":
        before_key, before_value = node.value[index - 1]
        written = text[before_value.start_mark.index : key.end_mark.index]
        quoted = "'" + written.replace("'", "''") + "'"
        return key.start_mark.line + 1, (
            f"{where}the ASCII comma in {written!r} ends the value inside {{…}}, so `{name}` became a field of "
            f"its own. Quote the value: {before_key.value}: {quoted} (or write the comma as ,)"
        )
    fields = _fields(_type_at(model, parts))
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else f"the fields are {', '.join(fields)}"
    return key.start_mark.line + 1, f"{where}unknown field `{name}`: {hint}"


def _wrong_type(field: str, expected: str, got: str | None, rest: str, raw: object, kind: Any) -> str:
    wanted = " or ".join(TYPE_WORDS.get(t, t) for t in expected.split(" | ") if t != "null")
    if "str" in expected.split(" | ") and got in {"int", "float"}:
        return f"{field}: {raw} is read as a number; this field is text, so write it in quotes: {field}: '{raw}'"
    if _plain(kind) is Localized:
        return f"{field}: expected {{zh-Hant: …, en: …}}, got {TYPE_WORDS.get(got or '', got)} {raw!r}"
    if got is None:
        return f"{field}: expected {wanted}{rest}" + (f", got {raw!r}" if raw is not None else "")
    shown = f" {raw!r}" if raw is not None else ""
    advice = f"; write [{raw}]" if expected == "array" and raw is not None else ""
    return f"{field}: expected {wanted}, got {TYPE_WORDS.get(got, got)}{shown}{advice}"


def _strip(annotation: Any) -> Any:
    """The type inside Annotated[...]."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _plain(annotation: Any) -> Any:
    """The type inside Annotated[...] and `X | None`."""
    kind = _strip(annotation)
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        kind = _strip(args[0]) if len(args) == 1 else kind
    return kind


def _type_at(model: type, parts: list[str]) -> Any:
    """The schema type at a dotted path of a file (None when the path leaves the schema)."""
    kind: Any = model
    for part in parts:
        kind = _plain(kind)
        if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
            found = {f.encode_name: f.type for f in msgspec.structs.fields(kind)}
            kind = found.get(part)
        elif typing.get_origin(kind) is list:
            kind = typing.get_args(kind)[0]
        elif typing.get_origin(kind) is dict:
            kind = typing.get_args(kind)[1]
        else:
            return None
    return kind


def _fields(kind: Any) -> list[str]:
    kind = _plain(kind)
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return [f.encode_name for f in msgspec.structs.fields(kind)]
    return []


def _doc(kind: Any) -> str:
    for meta in typing.get_args(kind)[1:] if typing.get_origin(kind) is typing.Annotated else ():
        if isinstance(meta, msgspec.Meta) and meta.description:
            return meta.description
    return ""


def _broken(message: str, text: str, line: int) -> str:
    """Advice for a file PyYAML cannot parse, from what it says and the line it points at."""
    said = message.removeprefix("broken YAML: ")
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    key, sep, value = source.strip().lstrip("- ").partition(": ")
    quoted = value.strip().replace("'", "''")
    suggestion = f"{key}: '{quoted}'" if sep else "key: '…: …'"
    token = (
        "a tab: YAML indents with spaces only"
        if "\t" in source
        else "a value that starts with ` @ % or & must be quoted"
    )
    for cue, advice in YAML_ADVICE:
        if cue in said:
            return f"broken YAML: {advice.format(suggestion=suggestion, token=token)} ({said})"
    return message
