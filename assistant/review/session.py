"""A review of a drafted pack: the facts in file order, what has been reviewed, and every change a
reviewer makes (accept, delete, edit a field, add a concept or an alias), saved at once and undoable.

No Textual here: the screen calls these methods, and the tests call them directly as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assistant.errors import AssistantError, Problem
from assistant.pack.paths import pack_root
from assistant.pack.schema import Fact
from assistant.review.concepts import ConceptChanges, flow
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
from assistant.tools.check import check_pack

FACT_ORDER = [f.encode_name for f in msgspec.structs.fields(Fact)]
NOT_A_FACT = "not worth a fact (review)"
Fingerprint = tuple[tuple[str, int, int], ...]
Errors = frozenset[tuple[str, str]]


class EditRefused(AssistantError):
    """A change the review did not keep: it would have made the pack wrong (the check's new errors)."""


@dataclass(frozen=True)
class Snapshot:
    """The files an action changed, as they were before it (None: the file did not exist)."""

    files: dict[Path, str | None]
    deleted: int


class ReviewSession(ConceptChanges):
    """One pack under review; every action writes the files at once."""

    def __init__(self, path: str | Path) -> None:
        self.root = pack_root(path)
        self.deleted = 0
        self.history: list[Snapshot] = []
        self.facts: list[FactItem] = []
        self.concepts: dict[str, ConceptItem] = {}
        self.paragraphs: dict[str, list[str]] = {}
        self.seen: Fingerprint = ()
        self.errors: tuple[Fingerprint, Errors] | None = None  # the check's errors for the files as they were
        self.reload()

    def reload(self) -> None:
        self.facts = read_facts(self.root)
        self.concepts = read_concepts(self.root)
        self.paragraphs = read_paragraphs(self.root)
        self.seen = self.fingerprint()

    def fingerprint(self) -> Fingerprint:
        """The pack's files as they stand (name, size, time written): tells an edit made outside the review."""
        found = []
        for path in yaml_files(self.root / "facts"):
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    def stale(self) -> bool:
        """Whether the files changed since the review last read them (an editor, a script)."""
        return self.fingerprint() != self.seen

    # -- what the screen shows --------------------------------------------------------------------

    @property
    def progress(self) -> tuple[int, int]:
        """(reviewed, total): accepted or hand-written facts and those deleted in this review, of all."""
        reviewed = sum(not f.draft for f in self.facts) + self.deleted
        return reviewed, len(self.facts) + self.deleted

    @property
    def current_year(self) -> int | None:
        found = setting(self.root, "current_year")
        return found[1] if found and isinstance(found[1], int) else None

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
        """The concepts a field may name: the pack's first, then the vocabulary's, each by id. Tags may
        name any concept (a qualifier such as 前五大客戶 mostly), qualifiers first."""
        kind = CONCEPT_KINDS[field]
        found = [c for c in self.concepts.values() if c.kind == kind or field == "tags"]
        return sorted(found, key=lambda c: (c.kind != kind, not c.own, c.id))

    # -- actions ----------------------------------------------------------------------------------

    def accept(self, index: int) -> None:
        """The fact is right: remove `draft: true` (which can make nothing wrong, so it is not checked)."""
        self._write_fact(index, {"draft": None})

    def delete(self, index: int) -> None:
        """The fact is not worth asking about: take it out, with the comment above it, and record its
        sentence under `not_facts` (unless another fact quotes it) so that its numbers stay accounted for."""
        self.guarded(lambda: self._delete(index))

    def _delete(self, index: int) -> None:
        fact = self.facts[index]
        text = YamlText(fact.path)
        self._remember([fact.path])
        text.remove(text.entry("facts", fact.entry.key))
        quote, number = fact.data.get("quote"), fact.data.get("paragraph")
        others = [f for f in self.facts if f is not fact and f.data.get("paragraph") == number]
        if quote and isinstance(number, int) and not any(quote in str(f.data.get("quote", "")) for f in others):
            entry = CommentedMap([("paragraph", number), ("text", quote), ("reason", NOT_A_FACT)])
            text.append("not_facts", None, flow(entry))
        text.save()
        self.deleted += 1
        self.reload()

    def copy_fact(self, index: int) -> int:
        """A new draft beside the fact, from its sentence (a figure or a statement the draft missed): the
        reviewer then edits what differs. Its index."""
        fact = self.facts[index]
        taken = {f.id for f in self.facts}
        new_id = next(f"{fact.id}-{n}" for n in range(2, 1000) if f"{fact.id}-{n}" not in taken)
        kept = ((k, _one_line(v)) for k, v in fact.data.items() if k not in ("id", "draft"))
        copied = CommentedMap([("id", new_id), *kept, ("draft", True)])

        def copy() -> None:
            text = YamlText(fact.path)
            self._remember([fact.path])
            text.insert_after(text.entry("facts", fact.entry.key), copied)
            text.save()
            self.reload()

        self.guarded(copy)
        return next(i for i, f in enumerate(self.facts) if f.id == new_id)

    def update(self, index: int, updates: Updates) -> None:
        """Set (or, for None, remove) fields of a fact; nothing else in the file changes. A change that
        would give the pack an error it did not have is not kept (EditRefused says which)."""
        self.guarded(lambda: self._write_fact(index, updates))

    def _write_fact(self, index: int, updates: Updates) -> None:
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

    def set_current_year(self, year: int) -> None:
        """The year the article was written: what its own 今年 and a question's 去年 mean."""
        if not 1900 <= year <= 2100:
            raise AssistantError(f"current_year {year}: the year the article was written, such as 2025")
        found = setting(self.root, "current_year") or setting(self.root, "default_subject")
        path = found[0] if found else concept_file(self.root)
        self.guarded(lambda: self._set_top(path, "current_year", year))

    def set_default_subject(self, concept_id: str) -> None:
        """The company questions fall back to when they name none."""
        found = setting(self.root, "default_subject")
        path = found[0] if found else concept_file(self.root)
        self.guarded(lambda: self._set_top(path, "default_subject", concept_id))

    def _set_top(self, path: Path, key: str, value: object) -> None:
        text = YamlText(path)
        self._remember([path])
        text.set_top(key, value)
        text.save()
        self.reload()

    def undo(self) -> bool:
        """Put back the files as they were before the last action; False when there is nothing to undo."""
        if not self.history:
            return False
        if self.stale():
            self.reload()
            raise AssistantError("the pack's files changed outside the review: undo would write over that edit")
        snapshot = self.history.pop()
        for path, text in snapshot.files.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        self.deleted = snapshot.deleted
        self.reload()
        return True

    def guarded(self, change: Callable[[], None]) -> None:
        """Make a change and keep it only if the check finds no error the pack did not have before: an
        edit is judged by what it breaks, never refused for problems elsewhere in the pack."""
        before = self._errors()
        change()
        added = self._errors() - before
        if added:
            self.undo()
            said = "; ".join(f"[{entry}] {message}" if entry else message for entry, message in sorted(added)[:3])
            raise EditRefused(f"not saved, it would make the pack wrong: {said}")

    # -- helpers ----------------------------------------------------------------------------------

    def _errors(self) -> Errors:
        """The check's errors without their lines (a fact above that grows moves them), for the files as
        they are now; checked once per state of the files."""
        now = self.fingerprint()
        if self.errors is None or self.errors[0] != now:
            try:
                problems = check_pack(self.root).problems
            except AssistantError as exc:
                problems = [Problem("", 0, str(exc))]
            found = frozenset((p.entry or p.file, p.message) for p in problems if p.severity == "error")
            self.errors = (now, found)
        return self.errors[1]

    def _remember(self, paths: list[Path]) -> None:
        """Keep the files as they are for undo; refuse to write over an edit made outside the review."""
        if self.stale():
            self.reload()
            raise AssistantError("the pack's files changed outside the review: read again, look and try again")
        files = {p: (p.read_text(encoding="utf-8") if p.exists() else None) for p in paths}
        self.history.append(Snapshot(files, self.deleted))

    def _apply(self, item: CommentedMap, updates: Updates) -> None:
        for key, value in updates.items():
            if value is None:
                item.pop(key, None)
                continue
            value = _one_line(value)
            if key in item:
                item[key] = value
            else:
                later = [k for k in FACT_ORDER[FACT_ORDER.index(key) + 1 :] if k in item] if key in FACT_ORDER else []
                item.insert(list(item).index(later[0]) if later else len(item), key, value)
            if key in ("subject", "metric") and key in item.ca.items:  # the draft names the concept beside it
                item.ca.items.pop(key)
                concept = self.concepts.get(str(value))
                if concept is not None and concept.name != value:
                    item.yaml_add_eol_comment(f"# {concept.name}", key)


def _one_line(value: Any) -> Any:
    """A mapping or list of a fact's field written on one line, as the draft writes them; others as they are."""
    if isinstance(value, dict):
        return flow(CommentedMap(value.items()))
    if isinstance(value, list):
        return flow(CommentedSeq(value))
    return value
