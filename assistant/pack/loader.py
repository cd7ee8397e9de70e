"""Read a fact pack from YAML into validated models; every problem is collected with file and line.

Loading fails (PackError) on a schema error, a quote not found verbatim in its paragraph, a paragraph
out of range, an unknown concept, a duplicate id or a derivation that cannot be computed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import yaml

from assistant.errors import PackError, Problem
from assistant.pack.derive import DerivationError, derive
from assistant.pack.model import Pack
from assistant.pack.paragraphs import split_paragraphs
from assistant.pack.paths import bundled_root, intents_root, pack_root
from assistant.pack.schema import Concept, Fact, FactFile, IntentFile, Source
from assistant.pack.validate import validate

M = TypeVar("M", FactFile, IntentFile)
LANGUAGE_FILE = "language.yaml"
SECTIONS = ("sources", "facts", "derived", "not_facts")


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse once, safely, with the C parser when PyYAML has it: the data and its node tree (for lines)."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


class Reader:
    """Collects problems while reading files so that one run reports all of them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.lines: dict[tuple[str, str, int], int] = {}

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def problem(self, path: Path, line: int, message: str, entry: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(self.rel(path), line, message, entry, severity))

    def read_yaml(self, path: Path) -> dict[str, Any] | None:
        """Parse one YAML file; None (and a problem) when it is unreadable or not a mapping."""
        try:
            text = path.read_text(encoding="utf-8")
            data, node = parse_yaml(text)
        except UnicodeDecodeError:
            self.problem(path, 0, "not UTF-8 text")
            return None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 0
            self.problem(path, line, f"broken YAML: {getattr(exc, 'problem', None) or exc}")
            return None
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(path, 1, "expected a mapping of sections at the top level")
            return None
        self._remember_lines(path, node)
        return data

    def _remember_lines(self, path: Path, node: yaml.Node | None) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                for index, item in enumerate(value.value):
                    self.lines[(str(path), key.value, index)] = item.start_mark.line + 1
            elif isinstance(value, yaml.MappingNode):
                for index, (sub, _) in enumerate(value.value):
                    self.lines[(str(path), key.value, index)] = sub.start_mark.line + 1
            self.lines[(str(path), key.value, -1)] = key.start_mark.line + 1

    def line(self, path: Path, section: str, index: int = -1) -> int:
        return self.lines.get((str(path), section, index), self.lines.get((str(path), section, -1), 0))

    def validate(self, path: Path, data: dict[str, Any], model: type[M]) -> M | None:
        """Validate one file entry by entry; record each broken entry with its line and keep the rest."""
        parsed, errors = validate(data, model)
        for error in errors:
            index = error.index if isinstance(error.index, int) else -1
            if isinstance(error.index, str):
                index = list(data.get(error.section) or {}).index(error.index)
            entry = _entry_name(data, error.section, index) or (error.index if isinstance(error.index, str) else "")
            entry = str(entry)
            self.problem(path, self.line(path, error.section, index), f"{error.location}: {error.message}", entry)
        return parsed


def _entry_name(data: dict[str, Any], section: str, index: int) -> str:
    items = data.get(section)
    if isinstance(items, list) and 0 <= index < len(items) and isinstance(items[index], dict):
        return str(items[index].get("id", f"#{index + 1}"))
    return ""


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load_pack(path: str | Path | None = None, *, strict: bool = True) -> Pack:
    """Load and validate a pack; raise PackError listing every problem (unless strict is False)."""
    root = pack_root(path)
    pack, problems = read_pack(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors and strict:
        raise PackError(errors)
    assert pack is not None
    return pack


def read_pack(root: Path) -> tuple[Pack | None, list[Problem]]:
    """Read a pack and return it with every problem found (warnings included)."""
    reader = Reader(root)
    facts_dir = root / "facts"
    sources: dict[str, Source] = {}
    paragraphs: dict[str, list[str]] = {}
    facts: dict[str, Fact] = {}
    fact_files: dict[str, tuple[Path, int]] = {}
    concepts: dict[str, Concept] = {}
    files: list[tuple[Path, FactFile]] = []
    defaults: dict[str, str | None] = {"default_subject": None, "default_period": None}
    digest = hashlib.sha256()
    for path in _yaml_files(facts_dir):
        digest.update(path.read_bytes())
        data = reader.read_yaml(path)
        parsed = reader.validate(path, data, FactFile) if data is not None else None
        if parsed is not None:
            files.append((path, parsed))
    intent_data = _read_intents(reader, intents_root(root), digest)
    for key in ("default_subject", "default_period"):
        for _, parsed in files:
            defaults[key] = getattr(parsed, key) or defaults[key]
    for path, parsed in files:
        for index, source in enumerate(parsed.sources):
            line = reader.line(path, "sources", index)
            if source.id in sources:
                reader.problem(path, line, f"duplicate source id {source.id}", source.id)
                continue
            text_path = facts_dir / source.file
            if not text_path.is_file():
                reader.problem(path, line, f"source file {source.file} not found", source.id)
                continue
            try:
                text = text_path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                reader.problem(path, line, f"source file {source.file} is not UTF-8 text", source.id)
                continue
            digest.update(text.encode())
            try:
                paragraphs[source.id] = split_paragraphs(text, source.skip)
            except re.error as exc:
                reader.problem(path, line, f"skip: not a regular expression ({exc}): {exc.pattern!r}", source.id)
                continue
            sources[source.id] = source
    for concept_id, concept in intent_data["concepts"].items():
        concepts[concept_id] = concept
    for _, parsed in files:
        for concept_id, concept in parsed.concepts.items():
            concepts[concept_id] = concept
    for path, parsed in files:
        for index, fact in enumerate(parsed.facts):
            line = reader.line(path, "facts", index)
            if fact.id in facts:
                reader.problem(path, line, f"duplicate fact id {fact.id}", fact.id)
                continue
            sourced = _with_source(reader, path, line, fact, sources)
            if sourced is not None and _verify(reader, path, line, sourced, paragraphs):
                facts[sourced.id] = sourced
                fact_files[sourced.id] = (path, line)
    for path, parsed in files:
        for index, spec in enumerate(parsed.derived):
            line = reader.line(path, "derived", index)
            if spec.id in facts:
                reader.problem(path, line, f"duplicate fact id {spec.id}", spec.id)
                continue
            try:
                facts[spec.id] = derive(spec, facts)
                fact_files[spec.id] = (path, line)
            except DerivationError as exc:
                reader.problem(path, line, f"cannot derive: {exc}", spec.id)
    for fact_id, fact in facts.items():
        path, line = fact_files[fact_id]
        for concept_id in _concepts_of(fact):
            if concept_id not in concepts:
                reader.problem(path, line, f"unknown concept {concept_id!r} (define it in a gazetteer)", fact_id)
    if not sources:
        reader.problem(facts_dir, 0, "the pack has no source (facts/*.yaml needs a `sources:` section)")
    not_facts = [item for _, parsed in files for item in parsed.not_facts]
    examples = [question for _, parsed in files for question in parsed.examples]
    current_year = next((parsed.current_year for _, parsed in files if parsed.current_year), None)
    pack = Pack(
        root=root,
        sources=sources,
        paragraphs=paragraphs,
        facts=facts,
        concepts=concepts,
        intents=intent_data["intents"],
        templates=intent_data["templates"],
        units=intent_data["units"],
        approximations=intent_data["approximations"],
        stopwords=intent_data["stopwords"],
        periods=intent_data["periods"],
        words=intent_data["words"],
        precision=intent_data["precision"],
        not_facts=not_facts,
        default_subject=defaults["default_subject"],
        default_period=defaults["default_period"],
        examples=examples,
        current_year=current_year,
        fingerprint=digest.hexdigest(),
    )
    return pack, reader.problems


def _read_intents(reader: Reader, folder: Path, digest: Any) -> dict[str, Any]:
    merged: dict[str, Any] = {
        "intents": {}, "concepts": {}, "templates": {}, "units": {}, "approximations": {}, "stopwords": [],
        "periods": {}, "words": {}, "precision": {},
    }
    paths = _yaml_files(folder)
    language = bundled_root() / "intents" / LANGUAGE_FILE
    if not any(p.name == LANGUAGE_FILE for p in paths) and language.is_file():
        paths.append(language)  # a pack with intents of its own still reads dates and periods the usual way
    for path in paths:
        digest.update(path.read_bytes())
        data = reader.read_yaml(path)
        parsed = reader.validate(path, data, IntentFile) if data is not None else None
        if parsed is None:
            continue
        for key in ("intents", "concepts", "templates", "units", "approximations", "periods", "words", "precision"):
            merged[key].update(getattr(parsed, key))
        merged["stopwords"].extend(parsed.stopwords)
    return merged


def _concepts_of(fact: Fact) -> list[str]:
    named = [fact.subject, fact.metric, *fact.segment, *fact.tags]
    return named + ([fact.object] if fact.object else [])


def _with_source(reader: Reader, path: Path, line: int, fact: Fact, sources: dict[str, Source]) -> Fact | None:
    if fact.source is None:
        if len(sources) == 1:
            return msgspec.structs.replace(fact, source=next(iter(sources)))
        if sources:
            reader.problem(path, line, "source: required when the pack has several sources", fact.id)
        return None
    if fact.source not in sources:
        reader.problem(path, line, f"source: unknown source {fact.source!r}", fact.id)
        return None
    return fact


def _verify(reader: Reader, path: Path, line: int, fact: Fact, paragraphs: dict[str, list[str]]) -> bool:
    """The quote must lie verbatim in its paragraph, and the written figures verbatim in the quote."""
    assert fact.source is not None
    numbered = paragraphs[fact.source]
    if fact.paragraph > len(numbered):
        reader.problem(path, line, f"paragraph {fact.paragraph} is out of range (1-{len(numbered)})", fact.id)
        return False
    if fact.quote not in numbered[fact.paragraph - 1]:
        reader.problem(path, line, f"quote not found verbatim in paragraph {fact.paragraph}: {fact.quote!r}", fact.id)
        return False
    ok = True
    for label, written in (("written", fact.written), ("change.written", fact.change and fact.change.written)):
        if written and written not in fact.quote:
            reader.problem(path, line, f"{label} {written!r} is not in the quote", fact.id)
            ok = False
    if fact.value is None and fact.statement is None:
        reader.problem(path, line, "a fact needs a value or a statement", fact.id)
        ok = False
    if fact.value is not None and not fact.written:
        reader.problem(path, line, "a figure needs `written`: the figure as the source writes it", fact.id)
        ok = False
    return ok
