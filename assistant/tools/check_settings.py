"""Checks of a pack's settings that questions fall back to: the default subject (the article's main
company) and the year the article was written, against which every fact's date is checked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.lang.normalize import fold
from assistant.pack.model import Pack
from assistant.pack.schema import Concept
from assistant.tools.check_files import YamlFile

if TYPE_CHECKING:
    from assistant.tools.check import Checker

RARELY = 0.1  # the main company is named in more than a tenth of the paragraphs
_YEAR = re.compile(r"^(\d{4})(?!\d)")


def setting(checker: Checker, key: str) -> tuple[YamlFile, object] | None:
    """The facts file that sets a top-level setting (the last one wins, as in the loader) and its value."""
    found = None
    for yfile in checker.facts_files:
        if isinstance(yfile.data, dict) and yfile.data.get(key) is not None:
            found = (yfile, yfile.data[key])
    return found


def default_subject(checker: Checker, pack: Pack) -> None:
    """The default subject is an entity of the pack itself, and the one the article names most."""
    found = setting(checker, "default_subject")
    if found is None:
        return
    yfile, value = found
    subject, line = str(value), yfile.line("default_subject")
    concept = pack.concepts.get(subject)
    own = {cid for f in checker.facts_files for cid in f.mapping("concepts")}
    if concept is None:
        checker.add(
            yfile.rel,
            line,
            f"default_subject {subject} is not a concept: define the article's main company "
            "in facts/gazetteer.yaml (kind: entity, its names and aliases)",
            subject,
        )
        return
    if concept.kind != "entity":
        checker.add(
            yfile.rel,
            line,
            f"default_subject {subject} is a {concept.kind}, not an entity (organisation): "
            "questions that name no company fall back to it; give the article's main company",
            subject,
        )
        return
    if subject not in own:
        checker.add(
            yfile.rel,
            line,
            f"default_subject {subject} is a concept of the vocabulary, not of this pack: "
            "the article's main company belongs in facts/gazetteer.yaml with the article's names for it",
            subject,
        )
        return
    _named_most(checker, pack, yfile, line, subject, own)


def _named_most(checker: Checker, pack: Pack, yfile: YamlFile, line: int, subject: str, own: set[str]) -> None:
    """A warning when the article names another entity of the pack in more paragraphs than the default."""
    paragraphs = [fold(p) for texts in pack.paragraphs.values() for p in texts]
    counts = {
        cid: _paragraphs_naming(pack.concepts[cid], paragraphs)
        for cid in own
        if cid in pack.concepts and pack.concepts[cid].kind == "entity"
    }
    mine, total = counts.get(subject, 0), len(paragraphs)
    rival = max((cid for cid in counts if cid != subject), key=lambda c: (counts[c], c), default=None)
    name = pack.concepts[subject].names.zh_Hant
    if mine == 0:
        checker.add(
            yfile.rel,
            line,
            f"default_subject {subject} ({name}): none of its names or aliases occurs in "
            "the article; is it the article's main company? Add the name the article uses as an alias",
            subject,
            "warning",
        )
    elif mine < max(2, total * RARELY):
        checker.add(
            yfile.rel,
            line,
            f"default_subject {subject} ({name}) is named in only {mine} of the article's "
            f"{total} paragraphs: is it the article's main company? Questions that name no company ask "
            "about it",
            subject,
            "warning",
        )
    elif rival is not None and counts[rival] > mine:
        other = pack.concepts[rival].names.zh_Hant
        checker.add(
            yfile.rel,
            line,
            f"default_subject {subject} ({name}) is named in {mine} paragraph"
            f"{'s' * (mine != 1)}, {rival} ({other}) in {counts[rival]}: is {rival} the article's main "
            "company?",
            subject,
            "warning",
        )


def _paragraphs_naming(concept: Concept, paragraphs: list[str]) -> int:
    names = [concept.names.zh_Hant, concept.names.zh_Hans or "", concept.names.en, *concept.aliases]
    forms = {fold(n) for n in names if len(fold(n)) >= 2}
    return sum(any(form in paragraph for form in forms) for paragraph in paragraphs)


def dates(checker: Checker, pack: Pack) -> None:
    """Facts are not dated after the year the article was written (a misread date, or 今年 read wrongly),
    unless their sentence states a plan or a target (计划2026年新开影院15至20家)."""
    found = setting(checker, "current_year")
    if found is None or not isinstance(found[1], int):
        home = next((f for f in checker.facts_files if (f.data or {}).get("sources")), None)
        if found is None and home is not None and pack.facts:
            checker.add(
                home.rel,
                home.line("default_subject") or home.line("sources"),
                "current_year is not set: "
                "the article's own 今年 and 去年, and questions that use them, cannot be dated; add "
                "`current_year: <the year the article was written>`",
                "current_year",
                "warning",
            )
        return
    yfile, year = found
    assert isinstance(year, int)
    plan_words = [fold(w) for w in pack.words.get("stated_plan_words", [])]
    for fact_file in checker.facts_files:
        for section in ("facts", "derived"):
            for index, item in fact_file.items(section):
                period = item.get("period")
                match = _YEAR.match(str(period)) if period is not None else None
                planned = any(w in fold(str(item.get("quote", ""))) for w in plan_words)  # 计划2026年: a plan's year
                if match and int(match.group(1)) > year and not planned:
                    checker.add(
                        fact_file.rel,
                        fact_file.line(section, index, "period"),
                        f"period {period} is after current_year {year} ({yfile.rel}:"
                        f"{yfile.line('current_year')}), the year the article was written: a figure the "
                        "article states cannot be dated later. Check the date in the quote (今年, 明年, a "
                        "two-digit year), or current_year",
                        str(item.get("id", f"#{index + 1}")),
                    )
