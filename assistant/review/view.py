"""What the review screen shows, as styled text: the paragraph with the quote highlighted, the fact's
fields numbered by the key that edits them, the check's problems and the question tried."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from assistant.errors import Problem
from assistant.review.fields import FIELDS, KEYS, shown
from assistant.review.pack_files import ConceptItem, FactItem
from assistant.review.trial import Trial

QUOTE_STYLE = "on $warning-muted"
FIGURE_STYLE = "bold underline $text-warning"
MUTED = "$text-muted"
ERROR_STYLE = "bold $text-error"
WARNING_STYLE = "$text-warning"
GOOD_STYLE = "bold $text-success"


def paragraph_view(text: str, fact: FactItem) -> Content:
    """The cited paragraph, the quote on a highlight and the figures in it bold."""
    number = fact.data.get("paragraph")
    if not text:
        return Content.styled(f"paragraph {number} is not in the article (check `paragraph` and `source`)", ERROR_STYLE)
    content = Content(text)
    quote = str(fact.data.get("quote") or "")
    start = text.find(quote) if quote else -1
    if start < 0:
        return Content("\n\n").join(
            [content, Content.styled("the quote is not verbatim in this paragraph", ERROR_STYLE)]
        )
    content = content.stylize(QUOTE_STYLE, start, start + len(quote))
    change = fact.data.get("change")
    for written in (fact.data.get("written"), change.get("written") if isinstance(change, dict) else None):
        at = quote.find(str(written)) if written else -1
        if at >= 0:
            content = content.stylize(FIGURE_STYLE, start + at, start + at + len(str(written)))
    return content


def card_view(fact: FactItem, concepts: dict[str, ConceptItem]) -> Content:
    """The fact's id and state, the draft's note, then its fields numbered 1-9 and 0."""
    state = Content.styled("draft", WARNING_STYLE) if fact.draft else Content.styled("reviewed", GOOD_STYLE)
    lines = [Content.assemble((fact.id, "bold"), f"  ¶{fact.data.get('paragraph')}  ", state)]
    if fact.note:
        lines.append(Content.styled(fact.note, f"italic {MUTED}"))
    lines.append(Content(""))
    for number, field in zip(KEYS, FIELDS, strict=True):
        lines.append(
            Content.assemble(
                (f"{number} ", "bold $text-accent"), (f"{field:<9} ", MUTED), _field_value(field, fact, concepts)
            )
        )
    for extra in ("when", "object"):
        if fact.data.get(extra):
            lines.append(Content.assemble(("  ", ""), (f"{extra:<9} ", MUTED), str(fact.data[extra])))
    return Content("\n").join(lines)


def _field_value(field: str, fact: FactItem, concepts: dict[str, ConceptItem]) -> Content:
    value = fact.data.get(field)
    if field in ("subject", "metric"):
        if value is None:
            return Content.styled("— missing", ERROR_STYLE)
        concept = concepts.get(str(value))
        name = concept.name if concept else "unknown concept"
        origin = "" if concept is None or concept.own else " (vocabulary)"
        return Content.assemble(str(value), (f"  {name}{origin}", ERROR_STYLE if concept is None else MUTED))
    if field in ("segment", "tags"):
        if not value:
            return Content.styled("—", MUTED)
        named = [f"{s} {concepts[s].name}" if s in concepts else f"{s} (unknown)" for s in value]
        return Content(", ".join(named))
    text = shown(field, fact.data)
    return Content(text) if text else Content.styled("—", MUTED)


@dataclass(frozen=True)
class Findings:
    """The check's problems: those of the fact under review, of the pack as a whole (settings, concepts,
    the article's numbers), and how many other facts have."""

    here: list[Problem]
    pack: list[Problem]
    other_facts: int


def split_problems(problems: list[Problem], fact: FactItem, rel: str, fact_ids: set[str]) -> Findings:
    """Problems naming the fact, or lying on its lines, first; drafts' own reminders left out."""
    first, last = fact.entry.start + 1, fact.entry.end
    here: list[Problem] = []
    pack: list[Problem] = []
    others = 0
    for problem in problems:
        if problem.message.startswith("draft fact:"):
            continue
        if problem.entry == fact.id or (problem.file == rel and first <= problem.line <= last):
            here.append(problem)
        elif problem.entry in fact_ids:
            others += 1
        else:
            pack.append(problem)
    pack.sort(key=lambda p: p.severity != "error")
    return Findings(here, pack, others)


def problems_view(findings: Findings | None, summary: str) -> Content:
    if findings is None:
        return Content.styled("checking…", MUTED)
    lines = [Content.styled(summary, MUTED)]
    if not findings.here:
        lines.append(Content.styled("nothing wrong with this fact", GOOD_STYLE))
    lines += [_problem_line(problem, with_entry=False) for problem in findings.here]
    if findings.pack:
        lines.append(Content.styled("the pack:", MUTED))
        lines += [_problem_line(p, with_entry=True) for p in findings.pack]
    if findings.other_facts:
        lines.append(Content.styled(f"and {findings.other_facts} on other facts", MUTED))
    return Content("\n").join(lines)


def _problem_line(problem: Problem, *, with_entry: bool) -> Content:
    style = ERROR_STYLE if problem.severity == "error" else WARNING_STYLE
    entry = f"[{problem.entry}] " if with_entry and problem.entry else ""
    return Content.assemble((f"{problem.severity}: ", style), f"{problem.file}:{problem.line} {entry}", problem.message)


def trial_view(trial: Trial | None) -> Content:
    if trial is None:
        return Content.styled("loading the pack…", MUTED)
    if trial.error:
        return Content.assemble((trial.verdict, ERROR_STYLE), "\n", trial.error)
    good = trial.fact_id in trial.cited and trial.status == "answered"
    verdict = Content.styled(trial.verdict, GOOD_STYLE if good else WARNING_STYLE)
    return Content("\n").join([Content.assemble(("Q ", "bold"), trial.question), verdict, Content(trial.answer)])
