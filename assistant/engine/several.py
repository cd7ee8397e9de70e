"""One answer to a message that asks several questions (研發花了多少?佔營收多少?): each answered in turn,
merged so that a front end shows them as one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import msgspec

from assistant.engine.answer import Answer, Citation

T = TypeVar("T")


def merged(questions: list[str], answers: list[Answer], notes: list[str]) -> Answer:
    """The answers to the questions of one message as one answer: their texts in turn, every figure,
    fact, citation and option, and the least confidence."""
    first = answers[0]
    status = "answered" if any(a.status == "answered" for a in answers) else first.status
    return msgspec.structs.replace(
        first,
        question=" ".join(questions),
        status=status,
        text="\n".join([*(a.text for a in answers), *notes]),
        headline="\n".join(a.headline for a in answers),
        understood=" / ".join(a.understood for a in answers if a.understood),
        figures=_every(answers, lambda a: a.figures),
        facts=_every(answers, lambda a: a.facts),
        citations=_distinct_citations(answers),
        notes=[*notes, *_every(answers, lambda a: a.notes)],
        derivation=next((a.derivation for a in answers if a.derivation), None),
        options=_every(answers, lambda a: a.options),
        confidence=min(a.confidence for a in answers),
    )


def _every(answers: list[Answer], part: Callable[[Answer], list[T]]) -> list[T]:
    """One part of every answer, in order."""
    return [item for answer in answers for item in part(answer)]


def _distinct_citations(answers: list[Answer]) -> list[Citation]:
    """The answers' citations, each sentence once."""
    return list({(c.source, c.paragraph, c.quote): c for a in answers for c in a.citations}.values())
