"""`assistant check`: lint a fact pack and report every problem as `file:line: severity: [entry] message`.

The loader already reports schema errors, quotes not verbatim in their paragraph, paragraphs out of range,
duplicate ids and unknown concepts. On top of that this module finds numbers of the article that no fact
covers, facts that repeat one another, aliases and intent cues that name two things, templates that use
fields the renderer does not fill, and facts still marked `draft: true`; check_settings looks at the
default subject and the dates, check_names at concepts that shadow the vocabulary and aliases that swallow
a metric or segment word. Schema and YAML errors are said again in words a person acts on (explain).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant.engine.templates import REQUIRED_TEMPLATES, fields_of, problems
from assistant.engine.ties import stated_range
from assistant.engine.vocabulary import spoken_pair
from assistant.errors import Problem
from assistant.lang.normalize import LANGUAGES
from assistant.lang.numbers import numbers_in
from assistant.pack.figures import SCALES, split_unit
from assistant.pack.files import YAML_SUFFIXES, list_files
from assistant.pack.loader import read_pack
from assistant.pack.locate import paragraph_lines, read_yaml_file
from assistant.pack.model import Pack
from assistant.pack.paths import intents_root, pack_root
from assistant.pack.schema import Fact
from assistant.tools import check_collisions, check_names, check_settings
from assistant.tools.check_files import CheckResult, YamlFile, format_problem
from assistant.tools.explain import explain

__all__ = ["CheckResult", "Checker", "check_pack", "format_problem"]


class Checker:
    """Runs every check over one pack; each check appends Problems."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pack, found = read_pack(root)
        self.facts_files = [self._read(p) for p in _yaml_files(root / "facts")]
        self.intent_files = [self._read(p) for p in _yaml_files(intents_root(root))]
        broken = any(f.data is None for f in self.facts_files)  # its concepts are missing, not unknown
        self.problems = [
            explain(self._placed(p), root) for p in found if not (broken and p.message.startswith("unknown concept"))
        ]
        self.drafts = 0

    def _read(self, path: Path) -> YamlFile:
        """The file's data and line numbers from one bounded pass of the C parser (the vocabulary is long)."""
        readable, data, lines = read_yaml_file(path)  # within the pack limits; the loader reports problems
        if not readable:
            return YamlFile(path, self.rel(path), None, {})
        data = {} if data is None else data
        return YamlFile(path, self.rel(path), data if isinstance(data, dict) else None, lines)

    def _placed(self, problem: Problem) -> Problem:
        """A loader problem about a fact at the fact's own line (and an unknown concept at its field's).

        The loader numbers the facts it kept, so after an entry it rejected its lines drift; the raw
        file knows where each id is."""
        yfile = next((f for f in self.facts_files if f.rel == problem.file), None)
        if yfile is None or not problem.entry:
            return problem
        found = [
            (section, i, item)
            for section in ("facts", "derived")
            for i, item in yfile.items(section)
            if item.get("id") == problem.entry
        ]
        if len(found) != 1:
            return problem
        section, index, item = found[0]
        line = yfile.line(section, index)
        unknown = re.match(r"unknown concept '(.+)'", problem.message)
        for key in ("subject", "metric", "object", "segment", "tags") if unknown else ():
            value = item.get(key)
            if unknown and unknown.group(1) in (value if isinstance(value, list) else [value]):
                line = yfile.line(section, index, key)
                break
        return replace(problem, line=line)

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, rel: str, line: int, message: str, entry: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(rel, line, message, entry, severity))

    def run(self) -> CheckResult:
        assert self.pack is not None
        for check in (
            self.coverage,
            self.duplicate_keys,
            self.templates,
            self.words,
            self.draft_facts,
        ):
            check(self.pack)
        for collision in (check_collisions.aliases, check_collisions.cues):
            collision(self, self.pack)
        if all(f.data is not None for f in self.facts_files):  # a broken file hides concepts and settings
            for extra in (
                check_settings.default_subject,
                check_settings.dates,
                check_names.shadowed,
                check_names.swallowed_words,
            ):
                extra(self, self.pack)
        unique = sorted(set(self.problems), key=lambda p: (p.file, p.line, p.severity != "error", p.entry, p.message))
        return CheckResult(unique, self.drafts)

    # -- numbers of the article that no fact covers -----------------------------------------------

    def coverage(self, pack: Pack) -> None:
        """Every number in a paragraph lies inside a quote of a fact citing it, or inside a not_facts text."""
        if any(f.data is None for f in self.facts_files):
            return  # a broken facts file hides its facts: every number would look uncovered
        spans, unverifiable = self._covered_spans(pack)
        for source_id, source in pack.sources.items():
            path = self.root / "facts" / source.file
            lines = paragraph_lines(path.read_text(encoding="utf-8"), source.skip)
            for number, text in enumerate(pack.paragraphs[source_id], 1):
                if (source_id, number) in unverifiable:
                    continue
                covered = spans.get((source_id, number), [])
                for found in numbers_in(text):
                    if not any(a <= found.start and found.end <= b for a, b in covered):
                        around = text[max(0, found.start - 12) : found.end + 8]
                        self.add(
                            self.rel(path),
                            lines[number - 1],
                            f"number {found.text} in paragraph {number} is not covered by a fact's quote or "
                            f"a not_facts entry: …{around}…",
                            source_id,
                        )

    def _covered_spans(self, pack: Pack) -> tuple[dict[tuple[str, int], list[tuple[int, int]]], set[tuple[str, int]]]:
        """Where each paragraph is quoted by a fact or named by not_facts; and the paragraphs a quote that
        is not found in them makes impossible to judge (the loader reports those quotes)."""
        spans: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
        unverifiable: set[tuple[str, int]] = set()
        only = next(iter(pack.sources)) if len(pack.sources) == 1 else None
        for yfile in self.facts_files:
            for _, item in yfile.items("facts"):
                quote, number, source = item.get("quote"), item.get("paragraph"), item.get("source") or only
                if item.get("derivation") or not isinstance(quote, str) or not isinstance(number, int):
                    continue
                text = pack.paragraph(str(source), number)
                if quote and quote in text:
                    spans[(str(source), number)].extend(_spans(text, quote))
                else:
                    unverifiable.add((str(source), number))
            for _, item in yfile.items("not_facts"):
                snippet, number = item.get("text"), item.get("paragraph")
                if isinstance(snippet, str) and snippet and isinstance(number, int):
                    for source in pack.sources:
                        spans[(source, number)].extend(_spans(pack.paragraph(source, number), snippet))
        return spans, unverifiable

    # -- facts that say the same thing ------------------------------------------------------------

    def duplicate_keys(self, pack: Pack) -> None:
        """Two figures with one key: an error when two exact stated values differ, else a warning."""
        where = self._fact_places()
        groups: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
        for fact in pack.facts.values():
            if fact.value is not None:
                groups[_key(fact)].append(fact)
        for facts in groups.values():
            first = facts[0]
            for fact in facts[1:]:
                if len(facts) == 2 and stated_range(first, fact):
                    continue  # 299元至399元: the two ends of one range, answered together
                rel, line = where.get(fact.id, ("", 0))
                other = f"{first.id} (paragraph {first.paragraph})"
                if _base(fact) != _base(first) or fact.unit != first.unit:
                    firm = all(not f.draft and not f.approx and f.derivation is None for f in (fact, first))
                    self.add(
                        rel,
                        line,
                        f"same subject, metric, period, segments, object and tags as {other} but a "
                        f"different value: {fact.written} vs {first.written}",
                        fact.id,
                        "error" if firm else "warning",
                    )
                else:
                    self.add(
                        rel,
                        line,
                        f"repeats {other}: same key and value {fact.written} "
                        f"(paragraph {fact.paragraph}); keep one, or tell them apart",
                        fact.id,
                        "warning",
                    )

    def _fact_places(self) -> dict[str, tuple[str, int]]:
        places: dict[str, tuple[str, int]] = {}
        for yfile in self.facts_files:
            for section in ("facts", "derived"):
                for index, item in yfile.items(section):
                    places.setdefault(str(item.get("id")), (yfile.rel, yfile.line(section, index)))
        return places

    # -- templates --------------------------------------------------------------------------------

    def templates(self, pack: Pack) -> None:
        """Each template names only fields the renderer fills for it; the templates it needs exist."""
        meta = {i for i, intent in pack.intents.items() if intent.kind == "meta"}
        refuse = {i for i, intent in pack.intents.items() if intent.kind == "refuse"}
        found: set[str] = set()
        for yfile in self.intent_files:
            for key, template in yfile.mapping("templates").items():
                found.add(key)
                allowed = fields_of(key, frozenset(meta))
                if allowed is None:
                    self.add(
                        yfile.rel,
                        yfile.line("templates", key),
                        f"template {key} is not used by the renderer",
                        key,
                        "warning",
                    )
                    continue
                for lang in LANGUAGES:
                    text = template.get(lang) if isinstance(template, dict) else None
                    if isinstance(text, str):
                        for message in problems(text, allowed):
                            self.add(
                                yfile.rel,
                                yfile.line("templates", key, lang),
                                f"template {key} ({lang}): {message}",
                                key,
                            )
        files = [f for f in self.intent_files if f.mapping("templates")] or self.intent_files
        rel = files[0].rel if files else self.rel(intents_root(self.root))
        line = files[0].line("templates") if files else 0
        for key in sorted((REQUIRED_TEMPLATES | {f"refuse_{i}" for i in refuse}) - found):
            self.add(rel, line, f"template {key} is missing: the renderer needs it", key)

    # -- words the answers translate --------------------------------------------------------------

    def words(self, pack: Pack) -> None:
        """Approximation words and units of figures have an entry in the templates, for English answers;
        each spoken form is replaced by a written form of its length."""
        for yfile in self.intent_files:
            entries = yfile.mapping("words").get("spoken_forms")
            for index, entry in enumerate(entries if isinstance(entries, list) else []):
                if spoken_pair(str(entry)) is None:
                    self.add(
                        yfile.rel,
                        yfile.line("words", "spoken_forms", index),
                        f"spoken form {entry!r} is left out: write it as spoken=written with two forms of "
                        "one length (幾多=多少), so positions in the question hold",
                        str(entry),
                    )
        where = self._fact_places()
        for fact in pack.facts.values():
            rel, line = where.get(fact.id, ("", 0))
            for word in {fact.approx, fact.change.approx if fact.change else None} - {None}:
                if word not in pack.approximations:
                    self.add(
                        rel,
                        line,
                        f"approximation word {word!r} has no entry under `approximations` in the "
                        "templates: English answers will not translate it",
                        fact.id,
                        "warning",
                    )
            if fact.unit and not _known_unit(fact.unit, pack.units) and fact.derivation is None:
                self.add(
                    rel,
                    line,
                    f"unit {fact.unit!r} has no entry under `units` in the templates: English "
                    "answers will show the figure without a unit",
                    fact.id,
                    "warning",
                )

    # -- drafts -----------------------------------------------------------------------------------

    def draft_facts(self, pack: Pack) -> None:
        """Facts written by `assistant draft` stay marked until a person has reviewed them."""
        for yfile in self.facts_files:
            for index, item in yfile.items("facts"):
                if item.get("draft") is True:
                    self.drafts += 1
                    self.add(
                        yfile.rel,
                        yfile.line("facts", index, "draft"),
                        "draft fact: check subject, metric, period and value against the quote, then remove "
                        "`draft: true`",
                        str(item.get("id", f"#{index + 1}")),
                        "warning",
                    )


def check_pack(path: str | Path | None = None) -> CheckResult:
    """Check the pack at `path` (else $ASSISTANT_PACK, else the bundled pack)."""
    return Checker(pack_root(path)).run()


def _yaml_files(folder: Path) -> list[Path]:
    return list_files(folder, folder.parent, YAML_SUFFIXES).files  # the files the loader reads, no others


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def _key(fact: Fact) -> tuple[Any, ...]:
    return (fact.subject, fact.metric, fact.period, frozenset(fact.segment), fact.object, frozenset(fact.tags))


def _base(fact: Fact) -> Decimal | None:
    if fact.value is None:
        return None
    return fact.value * SCALES.get(fact.scale, Decimal(1))


def _known_unit(unit: str, units: dict[str, Any]) -> bool:
    """A unit the templates name in English; a unit per another (元/公斤) needs both of its parts."""
    base, per = split_unit(unit)
    return base in units and (per is None or f"/{per}" in units)
