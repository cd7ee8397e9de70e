"""Read a fact pack from YAML into validated models; every problem is collected with file and line.

Loading fails (PackError) on a schema error, a quote not found verbatim in its paragraph, a paragraph
out of range, an unknown concept, a duplicate id or a derivation that cannot be computed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import msgspec

from assistant.errors import PackError, Problem
from assistant.pack.derive import DerivationError, derive
from assistant.pack.model import Pack
from assistant.pack.paragraphs import split_paragraphs
from assistant.pack.paths import bundled_root, intents_root, pack_root
from assistant.pack.schema import Concept, Fact, FactFile, IntentFile, Source
from assistant.pack.yaml_files import Reader

LANGUAGE_FILE = "language.yaml"
SECTIONS = ("sources", "facts", "derived", "not_facts")


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
    digest = hashlib.sha256()
    files = _read_fact_files(reader, facts_dir, digest)
    intent_data = _read_intents(reader, intents_root(root), digest)
    sources, paragraphs = _read_sources(reader, facts_dir, files, digest)
    concepts = _concepts(intent_data["concepts"], files)
    facts, fact_files = _read_facts(reader, files, sources, paragraphs)
    _derive_facts(reader, files, facts, fact_files)
    _check_concepts(reader, facts, fact_files, concepts)
    if not sources:
        reader.problem(facts_dir, 0, "the pack has no source (facts/*.yaml needs a `sources:` section)")
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
        not_facts=[item for _, parsed in files for item in parsed.not_facts],
        default_subject=_last_set(files, "default_subject"),
        default_period=_last_set(files, "default_period"),
        examples=[question for _, parsed in files for question in parsed.examples],
        current_year=next((parsed.current_year for _, parsed in files if parsed.current_year), None),
        fingerprint=digest.hexdigest(),
    )
    return pack, reader.problems


def _read_fact_files(reader: Reader, facts_dir: Path, digest: Any) -> list[tuple[Path, FactFile]]:
    """Every YAML file under facts/ that parses and validates (broken entries left out), in path order."""
    files: list[tuple[Path, FactFile]] = []
    for path in _yaml_files(facts_dir):
        digest.update(path.read_bytes())
        data = reader.read_yaml(path)
        parsed = reader.validate(path, data, FactFile) if data is not None else None
        if parsed is not None:
            files.append((path, parsed))
    return files


def _last_set(files: list[tuple[Path, FactFile]], key: str) -> str | None:
    """A pack-wide setting (the default subject or period): the one the last file that sets it gives."""
    value: str | None = None
    for _, parsed in files:
        value = getattr(parsed, key) or value
    return value


def _read_sources(reader: Reader, facts_dir: Path, files: list[tuple[Path, FactFile]], digest: Any
                  ) -> tuple[dict[str, Source], dict[str, list[str]]]:
    """The sources the fact files declare, with their texts split into paragraphs."""
    sources: dict[str, Source] = {}
    paragraphs: dict[str, list[str]] = {}
    for path, parsed in files:
        for index, source in enumerate(parsed.sources):
            line = reader.line(path, "sources", index)
            if source.id in sources:
                reader.problem(path, line, f"duplicate source id {source.id}", source.id)
                continue
            text = _source_text(reader, path, line, facts_dir, source)
            if text is None:
                continue
            digest.update(text.encode())
            try:
                paragraphs[source.id] = split_paragraphs(text, source.skip)
            except re.error as exc:
                reader.problem(path, line, f"skip: not a regular expression ({exc}): {exc.pattern!r}", source.id)
                continue
            sources[source.id] = source
    return sources, paragraphs


def _source_text(reader: Reader, path: Path, line: int, facts_dir: Path, source: Source) -> str | None:
    """The text of a source's file, or None (and a problem) when it is missing or not UTF-8."""
    text_path = facts_dir / source.file
    if not text_path.is_file():
        reader.problem(path, line, f"source file {source.file} not found", source.id)
        return None
    try:
        return text_path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        reader.problem(path, line, f"source file {source.file} is not UTF-8 text", source.id)
        return None


def _concepts(shared: dict[str, Concept], files: list[tuple[Path, FactFile]]) -> dict[str, Concept]:
    """The concepts of the intents, then those of the pack's gazetteers (a pack's own definition wins)."""
    concepts = dict(shared)
    for _, parsed in files:
        concepts.update(parsed.concepts)
    return concepts


def _read_facts(reader: Reader, files: list[tuple[Path, FactFile]], sources: dict[str, Source],
                paragraphs: dict[str, list[str]]) -> tuple[dict[str, Fact], dict[str, tuple[Path, int]]]:
    """The stated facts whose source, quote and figures check out, and where each is written."""
    facts: dict[str, Fact] = {}
    fact_files: dict[str, tuple[Path, int]] = {}
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
    return facts, fact_files


def _derive_facts(reader: Reader, files: list[tuple[Path, FactFile]], facts: dict[str, Fact],
                  fact_files: dict[str, tuple[Path, int]]) -> None:
    """The derived facts, computed from the stated ones (and added to them) in the order they are written."""
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


def _check_concepts(reader: Reader, facts: dict[str, Fact], fact_files: dict[str, tuple[Path, int]],
                    concepts: dict[str, Concept]) -> None:
    """Every concept a fact names must be defined."""
    for fact_id, fact in facts.items():
        path, line = fact_files[fact_id]
        for concept_id in _concepts_of(fact):
            if concept_id not in concepts:
                reader.problem(path, line, f"unknown concept {concept_id!r} (define it in a gazetteer)", fact_id)


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
