"""A review of a drafted pack: the facts in file order, what has been reviewed, and every change a
reviewer makes (accept, delete, edit a field, add a concept or an alias), saved at once and undoable.

No Textual here: the screen calls these methods, and the tests call them directly as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assistant.errors import AssistantError
from assistant.lang.normalize import fold
from assistant.pack.paths import pack_root
from assistant.pack.schema import Fact
from assistant.review.fields import CONCEPT_KINDS, Updates
from assistant.review.pack_files import (
    ConceptItem,
    FactItem,
    concept_file,
    read_concepts,
    read_facts,
    read_paragraphs,
    setting,
    yaml_files,
)
from assistant.review.yamltext import YamlText

FACT_ORDER = [f.encode_name for f in msgspec.structs.fields(Fact)]
NOT_A_FACT = "not worth a fact (review)"
_CONCEPT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Snapshot:
    """The files an action changed, as they were before it (None: the file did not exist)."""

    files: dict[Path, str | None]
    deleted: int


class ReviewSession:
    """One pack under review; every action writes the files at once."""

    def __init__(self, path: str | Path) -> None:
        self.root = pack_root(path)
        self.deleted = 0
        self.history: list[Snapshot] = []
        self.facts: list[FactItem] = []
        self.concepts: dict[str, ConceptItem] = {}
        self.paragraphs: dict[str, list[str]] = {}
        self.reload()

    def reload(self) -> None:
        self.facts = read_facts(self.root)
        self.concepts = read_concepts(self.root)
        self.paragraphs = read_paragraphs(self.root)

    # -- what the screen shows --------------------------------------------------------------------

    @property
    def progress(self) -> tuple[int, int]:
        """(reviewed, total): accepted or hand-written facts and those deleted in this review, of all."""
        reviewed = sum(not f.draft for f in self.facts) + self.deleted
        return reviewed, len(self.facts) + self.deleted

    def next_draft(self, after: int, step: int = 1) -> int | None:
        """The index of the next fact still a draft after `after` (wrapping), None when none is left."""
        count = len(self.facts)
        for offset in range(1, count + 1):
            index = (after + step * offset) % count
            if self.facts[index].draft:
                return index
        return None

    def paragraph(self, fact: FactItem) -> str:
        """The text of the paragraph a fact cites ('' when the source or the number is wrong)."""
        source = fact.data.get("source") or next(iter(self.paragraphs), "")
        paragraphs = self.paragraphs.get(str(source), [])
        number = fact.data.get("paragraph")
        return paragraphs[number - 1] if isinstance(number, int) and 0 < number <= len(paragraphs) else ""

    def choices(self, field: str) -> list[ConceptItem]:
        """The concepts a field may name: the pack's first, then the vocabulary's, each by id."""
        kind = CONCEPT_KINDS[field]
        found = [c for c in self.concepts.values() if c.kind == kind]
        return sorted(found, key=lambda c: (not c.own, c.id))

    # -- actions ----------------------------------------------------------------------------------

    def accept(self, index: int) -> None:
        """The fact is right: remove `draft: true`."""
        self.update(index, {"draft": None})

    def delete(self, index: int) -> None:
        """The fact is not worth asking about: take it out, with the comment above it, and record its
        sentence under `not_facts` (unless another fact quotes it) so that its numbers stay accounted for."""
        fact = self.facts[index]
        text = YamlText(fact.path)
        self._remember([fact.path])
        text.remove(text.entry("facts", fact.entry.key))
        quote, number = fact.data.get("quote"), fact.data.get("paragraph")
        others = [f for f in self.facts if f is not fact and f.data.get("paragraph") == number]
        if quote and isinstance(number, int) and not any(quote in str(f.data.get("quote", "")) for f in others):
            entry = CommentedMap([("paragraph", number), ("text", quote), ("reason", NOT_A_FACT)])
            text.append("not_facts", None, _flow(entry))
        text.save()
        self.deleted += 1
        self.reload()

    def update(self, index: int, updates: Updates) -> None:
        """Set (or, for None, remove) fields of a fact; nothing else in the file changes."""
        fact = self.facts[index]
        text = YamlText(fact.path)
        self._remember([fact.path])
        text.edit(text.entry("facts", fact.entry.key), lambda item: self._apply(item, updates))
        text.save()
        self.reload()

    def set_concept(self, index: int, field: str, value: str | list[str]) -> None:
        """subject, metric or segment set to concepts of the pack or the vocabulary."""
        names = [value] if isinstance(value, str) else value
        unknown = [v for v in names if v not in self.concepts]
        if unknown:
            raise AssistantError(f"{', '.join(unknown)}: not a concept of the pack or the vocabulary")
        self.update(index, {field: value if isinstance(value, str) else (list(value) or None)})

    def add_concept(self, concept_id: str, kind: str, zh: str, en: str, aliases: list[str]) -> None:
        """A new concept in the pack's gazetteer, with names in both languages and its aliases."""
        if not _CONCEPT_ID.fullmatch(concept_id):
            raise AssistantError(f"id {concept_id!r}: letters, digits and _, starting with a letter")
        if concept_id in self.concepts:
            raise AssistantError(f"{concept_id} already names a concept ({self.concepts[concept_id].name})")
        if not zh.strip() or not en.strip():
            raise AssistantError("a concept needs a Chinese and an English name")
        path = concept_file(self.root)
        text = YamlText(path, "" if not path.exists() else None)
        self._remember([path])
        names = _flow(CommentedMap([("zh-Hant", zh.strip()), ("en", en.strip())]))
        body = CommentedMap([("kind", kind), ("names", names)])
        if aliases:
            body["aliases"] = _flow(CommentedSeq(dict.fromkeys(a.strip() for a in aliases if a.strip())))
        text.append("concepts", concept_id, body)
        text.save()
        self.reload()

    def add_alias(self, concept_id: str, alias: str) -> None:
        """One more way to write a concept of the pack."""
        concept = self.concepts.get(concept_id)
        alias = alias.strip()
        if concept is None:
            raise AssistantError(f"{concept_id}: no such concept")
        if not concept.own:
            raise AssistantError(f"{concept_id} is a concept of the vocabulary: its aliases are kept there, for "
                                 "every pack (a pack concept of the same id would replace it)")
        if not alias or fold(alias) in {fold(w) for w in concept.words()[1:]}:  # names and aliases, not the id
            raise AssistantError(f"{alias!r} already names {concept_id}" if alias else "type the alias")
        path = self._concept_path(concept_id)
        text = YamlText(path)
        self._remember([path])
        text.edit(text.entry("concepts", concept_id), lambda body: _add_alias(body, alias))
        text.save()
        self.reload()

    def set_default_subject(self, concept_id: str) -> None:
        """The company questions fall back to when they name none."""
        found = setting(self.root, "default_subject")
        path = found[0] if found else concept_file(self.root)
        text = YamlText(path)
        self._remember([path])
        text.set_top("default_subject", concept_id)
        text.save()
        self.reload()

    def undo(self) -> bool:
        """Put back the files as they were before the last action; False when there is nothing to undo."""
        if not self.history:
            return False
        snapshot = self.history.pop()
        for path, text in snapshot.files.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        self.deleted = snapshot.deleted
        self.reload()
        return True

    # -- helpers ----------------------------------------------------------------------------------

    def _remember(self, paths: list[Path]) -> None:
        files = {p: (p.read_text(encoding="utf-8") if p.exists() else None) for p in paths}
        self.history.append(Snapshot(files, self.deleted))

    def _concept_path(self, concept_id: str) -> Path:
        for path in yaml_files(self.root / "facts"):
            if concept_id in {e.key for e in YamlText(path).entries("concepts")}:
                return path
        raise AssistantError(f"{concept_id}: not found in the pack's files")

    def _apply(self, item: CommentedMap, updates: Updates) -> None:
        for key, value in updates.items():
            if value is None:
                item.pop(key, None)
                continue
            if isinstance(value, dict):
                value = _flow(CommentedMap(value.items()))
            elif isinstance(value, list):
                value = _flow(CommentedSeq(value))
            if key in item:
                item[key] = value
            else:
                later = [k for k in FACT_ORDER[FACT_ORDER.index(key) + 1:] if k in item] if key in FACT_ORDER else []
                item.insert(list(item).index(later[0]) if later else len(item), key, value)
            if key in ("subject", "metric") and key in item.ca.items:  # the draft names the concept beside it
                item.ca.items.pop(key)
                concept = self.concepts.get(str(value))
                if concept is not None and concept.name != value:
                    item.yaml_add_eol_comment(f"# {concept.name}", key)


def _flow(node: Any) -> Any:
    node.fa.set_flow_style()
    return node


def _add_alias(body: CommentedMap, alias: str) -> None:
    aliases = body.get("aliases")
    if isinstance(aliases, CommentedSeq):
        aliases.append(alias)
    else:
        body["aliases"] = _flow(CommentedSeq([alias]))
