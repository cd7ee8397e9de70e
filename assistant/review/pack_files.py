"""What the review reads from a pack's files: its facts in file order (with the comment `assistant draft`
wrote above each), its concepts beside the vocabulary's, and the paragraphs facts cite."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.pack.paragraphs import split_paragraphs
from assistant.pack.paths import intents_root
from assistant.pack.yamlfile import parse_yaml
from assistant.review.yamltext import SECTION_MARK, Entry, YamlText

KINDS = ("entity", "metric", "segment", "qualifier")


@dataclass(frozen=True)
class FactItem:
    """One fact as the file holds it: its data (plain values), where it is, and the comment above it."""

    path: Path
    entry: Entry
    data: dict[str, Any]
    note: str

    @property
    def id(self) -> str:
        return str(self.data.get("id", f"#{int(self.entry.key) + 1}"))

    @property
    def draft(self) -> bool:
        return self.data.get("draft") is True


@dataclass(frozen=True)
class ConceptItem:
    """A concept a field may name: the pack's own or the vocabulary's."""

    id: str
    kind: str
    names: dict[str, str]
    aliases: tuple[str, ...]
    own: bool

    @property
    def name(self) -> str:
        return self.names.get("zh-Hant") or self.names.get("en") or self.id

    def words(self) -> list[str]:
        """Everything a person may type to find it."""
        return [self.id, *self.names.values(), *self.aliases]


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def read_facts(root: Path) -> list[FactItem]:
    """Every fact of the pack's facts/ files, in file order."""
    items: list[FactItem] = []
    for path in yaml_files(root / "facts"):
        plain = _plain_load(path)
        if "facts" not in plain:
            continue
        text = YamlText(path)
        lines = text.lines
        raw = plain.get("facts") or []
        for entry in text.entries("facts"):
            data = raw[int(entry.key)] if isinstance(entry.key, int) and int(entry.key) < len(raw) else {}
            note = "".join(
                line.strip().removeprefix("#").strip() + " "
                for line in lines[entry.comments : entry.start]
                if not line.lstrip().startswith(SECTION_MARK)
            ).strip()
            items.append(FactItem(path, entry, data if isinstance(data, dict) else {}, note))
    return items


def read_concepts(root: Path) -> dict[str, ConceptItem]:
    """The vocabulary's concepts, then the pack's (a pack concept of the same id takes its place)."""
    found: dict[str, ConceptItem] = {}
    for own, folder in ((False, intents_root(root)), (True, root / "facts")):
        for path in yaml_files(folder):
            concepts = _plain_load(path).get("concepts")
            for cid, raw in concepts.items() if isinstance(concepts, dict) else []:
                if isinstance(raw, dict) and raw.get("kind") in KINDS:
                    names = raw["names"] if isinstance(raw.get("names"), dict) else {}
                    aliases = tuple(str(a) for a in raw.get("aliases") or [] if a is not None)
                    found[str(cid)] = ConceptItem(
                        str(cid), str(raw["kind"]), {str(k): str(v) for k, v in names.items()}, aliases, own
                    )
    return found


def concept_file(root: Path) -> Path:
    """The file new concepts go to: the pack's file that holds concepts (the gazetteer), else a new one."""
    for path in yaml_files(root / "facts"):
        if "concepts" in _plain_load(path):
            return path
    return root / "facts" / "gazetteer.yaml"


def read_paragraphs(root: Path) -> dict[str, list[str]]:
    """Each source's paragraphs, numbered as the loader numbers them (index 0 is paragraph 1)."""
    paragraphs: dict[str, list[str]] = {}
    for path in yaml_files(root / "facts"):
        for source in _plain_load(path).get("sources") or []:
            if not isinstance(source, dict):
                continue
            article = root / "facts" / str(source.get("file", ""))
            try:
                text = article.read_text(encoding="utf-8")
                paragraphs[str(source.get("id"))] = split_paragraphs(text, list(source.get("skip") or []))
            except (OSError, UnicodeDecodeError, re.error):
                continue
    return paragraphs


def setting(root: Path, key: str) -> tuple[Path, Any] | None:
    """The file that sets a top-level setting (default_subject, current_year) and its value."""
    found = None
    for path in yaml_files(root / "facts"):
        data = _plain_load(path)
        if data.get(key) is not None:
            found = (path, data[key])
    return found


def _plain_load(path: Path) -> dict[str, Any]:
    """The file's data (the loader's C parser: the vocabulary is long), {} when unreadable."""
    try:
        data, _ = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
