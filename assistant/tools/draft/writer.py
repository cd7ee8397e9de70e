"""`assistant draft`: a draft fact pack for a new article, every candidate fact marked `draft: true`.

The draft holds a candidate fact for every number of the body (its whole sentence as the quote, value,
unit, scale, approximation word, a guessed subject, metric and period, and the change stated right
after it), the names it found as concepts, and section numbering as not_facts. It loads as it is;
`assistant check` then lists the drafts a person still has to review.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError, Problem
from assistant.pack.loader import read_pack
from assistant.tools.draft import overview
from assistant.tools.draft.analysis import Drafter, slugify

__all__ = ["DraftResult", "Drafter", "slugify", "write_draft"]


@dataclass
class DraftResult:
    """What `write_draft` wrote, and whether the draft loads."""

    out: Path
    source: str
    paragraphs: int
    figures: int
    statements: int
    not_facts: int
    concepts: int
    problems: list[Problem]
    unread: int = 0  # sentences the draft could not read, listed at the end of facts.yaml

    @property
    def loads(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def summary(self) -> str:
        lines = [
            f"drafted {self.out}: source {self.source} ({self.paragraphs} paragraphs), "
            f"{self.figures + self.statements} draft facts ({self.figures} figures, {self.statements} "
            f"statements), {self.not_facts} not_facts, {self.concepts} new concepts"
        ]
        if self.unread:
            lines.append(f"{self.unread} sentences could not be read: listed at the end of facts/facts.yaml")
        if self.loads:
            lines.append(f"next: review facts/facts.yaml and facts/gazetteer.yaml, then `assistant check {self.out}`")
        else:
            lines += ["the draft does not load (a bug in `assistant draft`):", *(f"  {p}" for p in self.problems)]
        return "\n".join(lines)


def write_draft(
    article: str | Path, out: str | Path, *, outlet: str | None = None, title: str | None = None, force: bool = False
) -> DraftResult:
    """Draft a pack for `article` in `out` (facts/ with sources, facts and gazetteer) and load it back."""
    article, out = Path(article), Path(out)
    try:
        text = article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AssistantError(f"{article}: cannot read the article as UTF-8 text: {exc}") from exc
    facts_dir = out / "facts"
    if facts_dir.is_dir() and any(facts_dir.glob("*.yaml")) and not force:
        raise AssistantError(f"{facts_dir} already holds a pack; choose another --out or pass --force")
    slug = slugify(article.stem)
    drafter = Drafter(text, slug=slug, outlet=outlet, title=title)
    drafter.run()
    (facts_dir / "sources").mkdir(parents=True, exist_ok=True)
    copy = facts_dir / "sources" / f"{slug}.txt"
    if not (copy.exists() and copy.samefile(article)):
        shutil.copyfile(article, copy)
    (facts_dir / "sources.yaml").write_text(sources_yaml(drafter), encoding="utf-8")
    (facts_dir / "gazetteer.yaml").write_text(gazetteer_yaml(drafter), encoding="utf-8")
    problems = _write_loadable(drafter, facts_dir / "facts.yaml", out)
    statements = sum(1 for f in drafter.facts if "statement" in f.data)
    return DraftResult(
        out,
        slug,
        len(drafter.paragraphs),
        len(drafter.facts) - statements,
        statements,
        len(drafter.not_facts),
        len(drafter.concepts),
        problems,
        len(drafter.unread),
    )


def _write_loadable(drafter: Drafter, path: Path, out: Path) -> list[Problem]:
    """Write the facts, then set aside every candidate the loader rejects (a misread figure must not
    keep the whole draft from loading): each is listed at the end of facts.yaml with its reason."""
    for _ in range(3):
        path.write_text(facts_yaml(drafter), encoding="utf-8")
        _, problems = read_pack(out)
        rejected = {p.entry: p.message for p in problems if p.severity == "error" and p.entry}
        kept = [f for f in drafter.facts if f.data["id"] not in rejected]
        derived = [d for d in drafter.entries.derived if d.data["id"] not in rejected]  # 約8.6%: no exact valuation
        if not rejected or len(kept) + len(derived) == len(drafter.facts) + len(drafter.entries.derived):
            return problems
        everything = [*drafter.facts, *drafter.entries.derived]
        drafter.set_aside += [(f, rejected[f.data["id"]]) for f in everything if f.data["id"] in rejected]
        drafter.facts, drafter.entries.derived = kept, derived
    return problems


def sources_yaml(self: Drafter) -> str:
    header: dict[str, Any] = {"default_subject": self.default_subject()}
    period = overview.default_period(self)
    if period:
        header["default_period"] = period
    if self.current_year:
        header["current_year"] = self.current_year
    yuan = overview.yuan_en(self)
    if yuan:
        header["yuan_en"] = yuan
    header["examples"] = overview.examples(self)
    source = {
        "id": self.slug,
        "file": f"sources/{self.slug}.txt",
        "outlet": self.outlet,
        "skip": self.skip,
        "title": overview.title(self),
        "summary": overview.summary(self),
        **({"byline": self.byline} if self.byline else {}),
    }
    return (
        "# Drafted by `assistant draft`. Paragraphs are the article's non-empty lines minus those matching\n"
        f"# `skip` ({len(self.paragraphs)} in all). Review: outlet, title, summary and examples; the default\n"
        "# subject and period that questions without them fall back to; current_year, the year the article\n"
        "# was written (what 今年 and 去年 mean); yuan_en, how 元 reads in English when it is no renminbi.\n"
        + _dump(header)
        + "\n"
        + _dump({"sources": [source]})
    )


def facts_yaml(self: Drafter) -> str:
    out = [
        "# Draft facts: one candidate for every number of the body, each with its whole sentence as the quote.",
        "# For each: check subject, metric, period and value against the quote; fix, add a label, or delete",
        "# it; then remove `draft: true`. `assistant check` lists the drafts left.",
        "facts:",
    ]
    shown = 0
    for fact in self.facts:
        if fact.data["paragraph"] != shown:
            shown = fact.data["paragraph"]
            head = self.paragraphs[shown - 1]
            out.append(f"\n  # -- paragraph {shown}: {head[:40]}{'…' if len(head) > 40 else ''}")
        for hint in fact.hints:
            out.append(f"  # {hint}")
        for line in _dump([fact.data]).splitlines():
            out.append("  " + _annotate(self, line))
    out.append("")
    derived = [d for d in self.entries.derived if set(d.data["inputs"]) <= {f.data["id"] for f in self.facts}]
    if derived:
        out.append("# Figures computed from the facts above when the pack loads; each answer shows its formula.")
        out.append("derived:")
        for entry in derived:
            out += [f"  # {hint}" for hint in entry.hints]
            out += ["  " + _annotate(self, line) for line in _dump([entry.data]).splitlines()]
        out.append("")
    out.append(_dump({"not_facts": self.not_facts}) if self.not_facts else "not_facts: []\n")
    if self.set_aside:
        out.append("# Candidates set aside because they do not load as drafted; add them by hand if they are facts:")
        out += [
            f"#   paragraph {f.data['paragraph']}, {f.data.get('written', f.data['id'])}: {why}"
            if "paragraph" in f.data
            else f"#   derived {f.data['id']}: {why}"
            for f, why in self.set_aside
        ]
        out.append("")
    if self.unread:
        out.append("# Sentences the draft could not read (a fault of the drafting tool): draft their facts by hand:")
        out += [f"#   paragraph {number}: {sentence[:60]} ({why})" for number, sentence, why in self.unread]
        out.append("")
    return "\n".join(out)


def _annotate(self: Drafter, line: str) -> str:
    match = re.match(r"^(\s*-?\s*(?:subject|metric): )(\S+)$", line)
    concept = self.concepts.get(match.group(2)) if match else None
    return f"{line}  # {concept['names']['zh-Hant']}" if concept else line


def gazetteer_yaml(self: Drafter) -> str:
    known = sorted(m for m in self.metrics_used if m in self.vocabulary)
    head = [
        "# Concepts of this article found by `assistant draft`: its companies and people, its product lines",
        "# and regions, the topics of its statements and the metrics the vocabulary did not know. Review names",
        "# and aliases; names.en comes from the glossary or pinyin. Metrics that the bundled vocabulary",
        f"# (intents/vocabulary.yaml) defines are used as they are: {', '.join(known) or 'none'}.",
    ]
    return "\n".join(head) + "\n" + _dump({"concepts": self.concepts} if self.concepts else {"concepts": {}})


class _Dumper(yaml.SafeDumper):
    """Block style for entries, flow style for the small maps inside them (change, names, title)."""

    def represent_mapping(self, tag: str, mapping: Any, flow_style: bool | None = None) -> yaml.MappingNode:
        node = super().represent_mapping(tag, mapping, flow_style)
        node.flow_style = all(isinstance(v, yaml.ScalarNode) for _, v in node.value) and self._nested
        return node

    def represent_sequence(self, tag: str, sequence: Any, flow_style: bool | None = None) -> yaml.SequenceNode:
        node = super().represent_sequence(tag, sequence, flow_style)
        node.flow_style = all(isinstance(v, yaml.ScalarNode) for v in node.value) and self._nested
        return node

    def represent_data(self, data: Any) -> yaml.Node:
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            return super().represent_data(data)
        finally:
            self._depth -= 1

    @property
    def _nested(self) -> bool:
        return getattr(self, "_depth", 0) > 2


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _decimal)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)
