"""YAML data -> schema records, one entry at a time, so that every broken entry is reported (msgspec
stops at the first error of a value; validating each fact, concept or template on its own finds them all)
and the valid entries are kept.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, TypeVar

import msgspec

from assistant.pack.schema import Record

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class EntryError:
    """One entry that does not fit the schema: its section, its index or key, and what is wrong."""

    section: str
    index: int | str | None
    message: str
    path: str = ""

    @property
    def location(self) -> str:
        """Where in the file: facts.3.paragraph, concepts.uih.names."""
        return ".".join(str(part) for part in (self.section, self.index, self.path) if part not in (None, ""))


def _strip(annotation: Any) -> Any:
    """The type inside Annotated[...]."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _split(error: msgspec.ValidationError) -> tuple[str, str]:
    """msgspec's message and its `$` path as a field path: (`Expected `int``, `paragraph`)."""
    message, _, where = str(error).partition(" - at `$")
    return message, where.rstrip("`").lstrip(".").replace("[", ".").replace("]", "")


def validate(data: dict[str, Any], model: type[R]) -> tuple[R | None, list[EntryError]]:
    """Build `model` from one file's data; entries that do not fit are left out and reported."""
    errors: list[EntryError] = []
    fields = {f.encode_name: f for f in msgspec.structs.fields(model)}
    values: dict[str, Any] = {}
    for key, raw in data.items():
        info = fields.get(str(key))
        if info is None:
            errors.append(EntryError(str(key), None, f"unknown section (expected one of: {', '.join(fields)})"))
            continue
        kind = _strip(info.type)
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if raw is None:
            continue
        if origin is list and isinstance(raw, list):
            values[info.name] = _each(str(key), list(enumerate(raw)), args[0], errors, as_list=True)
        elif origin is dict and isinstance(raw, dict):
            values[info.name] = _each(str(key), list(raw.items()), args[1], errors, as_list=False)
        else:
            try:
                values[info.name] = msgspec.convert(raw, kind, strict=False)
            except msgspec.ValidationError as exc:
                errors.append(EntryError(str(key), None, *_split(exc)))
    try:
        return model(**values), errors
    except (TypeError, msgspec.ValidationError) as exc:  # pragma: no cover - every field has a default
        errors.append(EntryError("", None, str(exc)))
        return None, errors


def _each(section: str, items: list[tuple[Any, Any]], kind: Any, errors: list[EntryError], *, as_list: bool) -> Any:
    kept_list: list[Any] = []
    kept_dict: dict[str, Any] = {}
    for index, raw in items:
        try:
            value = msgspec.convert(raw, kind, strict=False)
        except msgspec.ValidationError as exc:
            errors.append(EntryError(section, index, *_split(exc)))
            continue
        if as_list:
            kept_list.append(value)
        else:
            kept_dict[str(index)] = value
    return kept_list if as_list else kept_dict
