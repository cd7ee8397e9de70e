"""Read a fact pack from YAML into validated models; every problem is collected with file and line.

Loading fails (PackError) on a schema error, a file outside the pack or over a limit, broken or duplicated
YAML keys, a quote not found verbatim in its paragraph, a paragraph out of range, a figure whose value
disagrees with its written form, an unknown concept, a duplicate id, a derivation that cannot be computed,
and (when the engine passes its template rules) a template it cannot fill safely.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from assistant.errors import PackError, Problem
from assistant.lang.normalize import fold
from assistant.pack.bases import Bases
from assistant.pack.derive import DerivationError, derive
from assistant.pack.files import PackFileError, named_file
from assistant.pack.limits import MAX_CONCEPTS, MAX_EXAMPLES, MAX_FACTS, MAX_PARAGRAPH_CHARS, MAX_TEXT_BYTES
from assistant.pack.model import Pack
from assistant.pack.paragraphs import Deadline, PatternError, split_paragraphs
from assistant.pack.paths import bundled_root, intents_root, pack_root
from assistant.pack.reader import Reader
from assistant.pack.schema import Concept, Fact, FactFile, IntentFile, Source
from assistant.pack.verify import TemplateRules, plain_data, verify_fact, verify_language, verify_templates
from assistant.pack.written import Words

LANGUAGE_FILE = "language.yaml"
MERGED = ("intents", "concepts", "templates", "units", "approximations", "periods", "words", "precision")

__all__ = ["load_pack", "read_pack"]


def load_pack(path: str | Path | None = None, *, strict: bool = True, templates: TemplateRules | None = None) -> Pack:
    """Load and validate a pack; raise PackError listing every problem (unless strict is False)."""
    root = pack_root(path)
    pack, problems = read_pack(root, templates=templates)
    errors = [p for p in problems if p.severity == "error"]
    if errors and strict:
        raise PackError(errors)
    assert pack is not None
    return pack


def read_pack(root: Path, *, templates: TemplateRules | None = None) -> tuple[Pack | None, list[Problem]]:
    """Read a pack and return it with every problem found (warnings included)."""
    reader = Reader(root)
    files: list[tuple[Path, FactFile]] = []
    for path in reader.yaml_files(root / "facts", root):
        data = reader.read_yaml(path)
        parsed = reader.validate(path, data, FactFile) if data is not None else None
        if parsed is not None:
            files.append((path, parsed))
    language = _read_intents(reader, intents_root(root))
    sources, paragraphs = _sources(reader, root, files)
    concepts = _concepts(reader, language["concepts"], files)
    words = Words.of(
        language["approximations"],
        language["words"].get("rise_words", ()),
        language["words"].get("fall_words", ()),
        language["words"].get("approximation_links", ()),
        language["words"].get("trailing_approximations", ()),
        language["words"].get("range_words", ()),
        language["words"].get("same_counters", ()),
    )
    facts, where = _facts(reader, files, sources, paragraphs, words)
    bases = Bases.of(language["words"])
    facts = {fid: bases.with_basis(fact) for fid, fact in facts.items()}  # 同比, 季增: what each change compares with
    _derived(reader, files, facts, where)
    for fact_id, fact in facts.items():
        path, line = where[fact_id]
        for concept_id in _concepts_of(fact):
            if concept_id not in concepts:
                reader.problem(path, line, f"unknown concept {concept_id!r} (define it in a gazetteer)", fact_id)
    if not sources:
        reader.problem(root / "facts", 0, "the pack has no source (facts/*.yaml needs a `sources:` section)")
    verify_language(reader, language["origins"], language["periods"], language["precision"])
    if templates is not None:
        verify_templates(reader, templates, language["templates"], language["intents"], language["origins"])
    examples = [question for _, parsed in files for question in parsed.examples]
    if len(examples) > MAX_EXAMPLES:
        reader.problem(
            files[0][0],
            reader.line(files[0][0], "examples"),
            f"{len(examples)} example questions: more than the limit of {MAX_EXAMPLES}",
        )
    pack = Pack(
        root=root,
        sources=sources,
        paragraphs=paragraphs,
        facts=facts,
        concepts=concepts,
        intents=language["intents"],
        templates=language["templates"],
        units=language["units"],
        approximations=language["approximations"],
        stopwords=language["stopwords"],
        periods=plain_data(language["periods"]),
        words=language["words"],
        precision=plain_data(language["precision"]),
        not_facts=[item for _, parsed in files for item in parsed.not_facts],
        default_subject=next((p.default_subject for _, p in reversed(files) if p.default_subject), None),
        default_period=next((p.default_period for _, p in reversed(files) if p.default_period), None),
        examples=examples[:MAX_EXAMPLES],
        current_year=next((parsed.current_year for _, parsed in files if parsed.current_year), None),
        yuan_en=next((parsed.yuan_en for _, parsed in files if parsed.yuan_en), None),
        fingerprint=reader.digest.hexdigest(),
    )
    return pack, reader.problems


def _read_intents(reader: Reader, folder: Path) -> dict[str, Any]:
    """The intents, vocabulary, templates and language words, merged over the intent files; `origins`
    remembers the file and line each section (and each template) came from."""
    merged: dict[str, Any] = {key: {} for key in MERGED}
    merged["stopwords"] = []
    origins: dict[str, tuple[Path, int]] = {}
    merged["origins"] = origins
    paths = reader.yaml_files(folder, folder.parent)
    language = bundled_root() / "intents" / LANGUAGE_FILE
    if not any(p.name == LANGUAGE_FILE for p in paths) and language.is_file():
        paths.append(language)  # a pack with intents of its own still reads dates and periods the usual way
    for path in paths:
        data = reader.read_yaml(path)
        parsed = reader.validate(path, data, IntentFile) if data is not None else None
        if parsed is None:
            continue
        for key in MERGED:
            section = getattr(parsed, key)
            merged[key].update(section)
            if section:
                origins[key] = (path, reader.line(path, key))
        for index, key in enumerate(parsed.templates):
            origins[f"templates.{key}"] = (path, reader.line(path, "templates", index))
        merged["stopwords"].extend(parsed.stopwords)
    return merged


def _sources(
    reader: Reader, root: Path, files: list[tuple[Path, FactFile]]
) -> tuple[dict[str, Source], dict[str, list[str]]]:
    """Each source's text, read only from inside the pack, split into paragraphs within the limits."""
    sources: dict[str, Source] = {}
    paragraphs: dict[str, list[str]] = {}
    deadline = Deadline()  # one time budget for every skip pattern of the pack
    for path, parsed in files:
        for index, source in enumerate(parsed.sources):
            line = reader.line(path, "sources", index)
            if source.id in sources:
                reader.problem(path, line, f"duplicate source id {source.id}", source.id)
                continue
            try:
                text_path = named_file(root / "facts", root, source.file)
            except PackFileError as exc:
                reader.problem(path, line, f"file: {exc}", source.id)
                continue
            if not text_path.exists():
                reader.problem(path, line, f"source file {source.file} not found", source.id)
                continue
            text = reader.read_text(text_path, MAX_TEXT_BYTES)
            if text is None:
                reader.problem(
                    path, line, f"source file {source.file} cannot be used (see {reader.rel(text_path)})", source.id
                )
                continue
            long = next((n for n, row in enumerate(text.splitlines(), 1) if len(row) > MAX_PARAGRAPH_CHARS), 0)
            if long:
                reader.problem(
                    text_path,
                    long,
                    f"a line of more than {MAX_PARAGRAPH_CHARS:,} characters: the limit for one paragraph",
                    source.id,
                )
                continue
            try:
                paragraphs[source.id] = split_paragraphs(text, source.skip, deadline)
            except PatternError as exc:
                reader.problem(path, line, f"skip: {exc}", source.id)
                continue
            sources[source.id] = source
    return sources, paragraphs


def _concepts(reader: Reader, vocabulary: dict[str, Concept], files: list[tuple[Path, FactFile]]) -> dict[str, Concept]:
    concepts = dict(vocabulary)
    for path, parsed in files:
        for cid, concept in parsed.concepts.items():  # extends: the vocabulary's aliases are kept, the pack's added
            base = vocabulary.get(concept.extends or "")
            aliases = list(dict.fromkeys([*base.aliases, *concept.aliases])) if base else concept.aliases
            concepts[cid] = msgspec.structs.replace(concept, aliases=aliases) if base else concept
        if len(concepts) > MAX_CONCEPTS:
            reader.problem(path, reader.line(path, "concepts"), f"more than {MAX_CONCEPTS:,} concepts: the limit")
            break
    return _own_words_first(concepts, vocabulary)


def _own_words_first(concepts: dict[str, Concept], vocabulary: dict[str, Concept]) -> dict[str, Concept]:
    """A word the pack's own concepts use is theirs: a well-known company of the vocabulary loses an alias
    the article gives to one of its lines (抖音 of 抖音渠道 is a sales channel there, not 字节跳动)."""
    own = {fold(a) for cid, c in concepts.items() if vocabulary.get(cid) is not c for a in c.aliases}
    for cid, concept in vocabulary.items():
        if concepts.get(cid) is concept and concept.kind == "entity" and own & {fold(a) for a in concept.aliases}:
            kept = [a for a in concept.aliases if fold(a) not in own]
            concepts[cid] = msgspec.structs.replace(concept, aliases=kept)
    return concepts


def _facts(
    reader: Reader,
    files: list[tuple[Path, FactFile]],
    sources: dict[str, Source],
    paragraphs: dict[str, list[str]],
    words: Words,
) -> tuple[dict[str, Fact], dict[str, tuple[Path, int]]]:
    facts: dict[str, Fact] = {}
    where: dict[str, tuple[Path, int]] = {}
    for path, parsed in files:
        for index, fact in enumerate(parsed.facts):
            line = reader.line(path, "facts", index)
            if len(facts) >= MAX_FACTS:
                reader.problem(path, line, f"more than {MAX_FACTS:,} facts: the limit for a pack", fact.id)
                return facts, where
            if fact.id in facts:
                reader.problem(path, line, f"duplicate fact id {fact.id}", fact.id)
                continue
            sourced = _with_source(reader, path, line, fact, sources)
            if sourced is not None and verify_fact(reader, path, line, sourced, paragraphs, words):
                facts[sourced.id] = sourced
                where[sourced.id] = (path, line)
    return facts, where


def _derived(
    reader: Reader, files: list[tuple[Path, FactFile]], facts: dict[str, Fact], where: dict[str, tuple[Path, int]]
) -> None:
    """Figures computed at load time; any arithmetic failure (a zero divisor, an overflow) is a problem."""
    for path, parsed in files:
        for index, spec in enumerate(parsed.derived):
            line = reader.line(path, "derived", index)
            if spec.id in facts:
                reader.problem(path, line, f"duplicate fact id {spec.id}", spec.id)
                continue
            if len(facts) >= MAX_FACTS:
                reader.problem(path, line, f"more than {MAX_FACTS:,} facts: the limit for a pack", spec.id)
                return
            try:
                facts[spec.id] = derive(spec, facts)
                where[spec.id] = (path, line)
            except (DerivationError, ArithmeticError, msgspec.ValidationError) as exc:
                reader.problem(path, line, f"cannot derive: {exc}", spec.id)


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
