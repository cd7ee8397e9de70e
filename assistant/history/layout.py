"""An Answer laid out for people, from its fields alone: the chat, the CLI and exports all start here.

Nothing is read back from `answer.text`, so editing a template can never break a screen. The headline's
figures and arithmetic are marked as runs (each front end styles them its own way); a clarify answer's
options are shown once, as choices (answers logged by earlier versions also had them numbered in their
headline: those lines are left out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.engine.answer import Answer, Citation
from assistant.history.words import word

FIGURE, EXPRESSION = "figure", "expression"


@dataclass(frozen=True)
class Run:
    """A piece of a line: plain text, a figure to emphasise, or arithmetic."""

    text: str
    kind: str = ""


Line = tuple[Run, ...]


@dataclass(frozen=True)
class CitedLine:
    """One citation: the line as shown ("來源:第21段「…」") and its quote with the figures marked."""

    citation: Citation
    text: str
    runs: Line


@dataclass(frozen=True)
class Layout:
    """What every front end shows for one answer."""

    question: str
    kind: str  # answered, derived, clarify or no_answer
    language: str
    caption: str
    understood: str
    headline: tuple[Line, ...]
    notes: tuple[str, ...]
    citations: tuple[CitedLine, ...]
    cited: str  # the paragraphs cited, in short ("來源:第21段")
    choices: tuple[str, ...]  # the clarify options, or the suggestions of an answer that did not answer
    choices_kind: str  # "options", "suggestions" or ""

    @property
    def choices_title(self) -> str:
        return word(self.choices_kind, self.language) if self.choices_kind else ""


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of the needles in text, longest needles first, in text order."""
    taken: list[tuple[int, int]] = []
    for needle in sorted({n for n in needles if n}, key=len, reverse=True):
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
            start = text.find(needle, end)
    return sorted(taken)


def runs(text: str, figures: Iterable[str], expression: str = "") -> Line:
    """The text cut into runs: the expression (when the line holds it), figures, and plain text between."""
    if expression and expression in text:
        before, _, after = text.partition(expression)
        return (*runs(before, figures), Run(expression, EXPRESSION), *runs(after, figures))
    out: list[Run] = []
    position = 0
    for start, end in find_spans(text, figures):
        if start > position:
            out.append(Run(text[position:start]))
        out.append(Run(text[start:end], FIGURE))
        position = end
    if position < len(text):
        out.append(Run(text[position:]))
    return tuple(out)


def plain(line: Line) -> str:
    return "".join(run.text for run in line)


def kind_of(answer: Answer) -> str:
    return "derived" if answer.status == "answered" and answer.derivation is not None else answer.status


def citation_line(citation: Citation, language: str) -> str:
    """A citation on its own line, in the answer's language; the quote stays verbatim."""
    key = "citation_meta" if citation.paragraph == 0 else "citation"
    return word(key, language, paragraph=citation.paragraph, quote=citation.quote, title=citation.title)


def citation_copy(citation: Citation, language: str) -> str:
    """A citation to paste elsewhere: title, paragraph and the verbatim quote."""
    return word("citation_copy", language, paragraph=citation.paragraph, quote=citation.quote, title=citation.title)


def _headline(answer: Answer, figures: list[str], expression: str) -> list[Line]:
    numbered = {f"{n}. {option}" for n, option in enumerate(answer.options, 1)}
    lines = [line for line in answer.headline.splitlines() if line.strip() and line.strip() not in numbered]
    if not lines and not answer.headline.strip() and answer.text.strip() and not answer.citations:
        lines = [answer.text.strip()]  # an answer logged before headlines existed
    out = [runs(line, figures, expression) for line in lines]
    if expression and not any(expression in line for line in lines):
        out.append(
            (Run(word("arithmetic", answer.language) + word("colon", answer.language)), Run(expression, EXPRESSION))
        )
    return out


def _quote_figures(answer: Answer) -> list[str]:
    """Figures to mark in quotes: as the source writes them (the answer's own may be in simplified)."""
    found = [f.written for f in answer.facts if f.written]
    if answer.derivation is not None:
        found += [piece for piece in answer.derivation.expression.split() if any(c.isdigit() for c in piece)]
    return [*answer.figures, *found]


def _cited(answer: Answer) -> str:
    numbers = list(dict.fromkeys(c.paragraph for c in answer.citations if c.paragraph))
    if not numbers:
        return ""
    language = answer.language
    listed = word("sources_joiner", language).join(word("paragraph", language, n=n) for n in numbers)
    return word("source", language) + word("colon", language) + listed


def layout(answer: Answer) -> Layout:
    """The answer's parts as every front end shows them."""
    expression = answer.derivation.expression if answer.derivation else ""
    figures = list(answer.figures)
    quote_figures = _quote_figures(answer)
    cited = tuple(
        CitedLine(c, citation_line(c, answer.language), runs(c.quote, quote_figures)) for c in answer.citations
    )
    if answer.status == "clarify":
        choices, choices_kind = tuple(answer.options or answer.suggestions), "options"
    elif answer.status == "no_answer" and answer.suggestions:
        choices, choices_kind = tuple(answer.suggestions), "suggestions"
    else:
        choices, choices_kind = (), ""
    return Layout(
        question=answer.question,
        kind=kind_of(answer),
        language=answer.language,
        caption=word(kind_of(answer), answer.language),
        understood=answer.understood,
        headline=tuple(_headline(answer, figures, expression)),
        notes=tuple(n for n in answer.notes if n.strip()),
        citations=cited,
        cited=_cited(answer),
        choices=choices,
        choices_kind=choices_kind,
    )
