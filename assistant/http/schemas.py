"""The API's request and response records. Answers are the Python API's own `Answer`; the rest is here.

Requests forbid unknown fields, so a misspelt field ("questoin") is a 422 that names it, not a silent
default. Length limits that a server may change (question length, history size) are checked by the
service against its settings; the schema describes them.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from assistant.engine.answer import Answer
from assistant.pack.schema import Fact, Localized

Language = Literal["zh-Hant", "zh-Hans", "en"]


def _doc(text: str) -> Meta:
    return Meta(description=text)


class AskRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One question, answered on its own or after replaying earlier questions of the same conversation."""

    question: Annotated[str, _doc("The question, in any script (at most max_question_chars characters).")]
    language: Annotated[Language | None, _doc("Answer language; default: the question's.")] = None
    pack: Annotated[str | None, _doc("Pack name from GET /v1/packs; default: the server's first.")] = None
    history: Annotated[
        list[str],
        _doc(
            "Earlier questions of the conversation, oldest first: replayed in a "
            "fresh chat before this one, so no server keeps state."
        ),
    ] = []


class ConversationRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new conversation, on one pack."""

    pack: Annotated[str | None, _doc("Pack name; default: the server's first.")] = None


class TurnRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The next question of a conversation; follow-ups such as 那MR呢? take what they leave out from it."""

    question: Annotated[str, _doc("The question; a clarify option may be chosen by its number (1, 2 ...).")]
    language: Annotated[Language | None, _doc("Answer language; default: the question's.")] = None


class Created(msgspec.Struct, kw_only=True):
    id: Annotated[str, _doc("The conversation's id, for /v1/conversations/{id}/ask.")]
    pack: Annotated[str, _doc("The pack it answers from.")]


class Turn(msgspec.Struct, kw_only=True):
    question: str
    answer: Answer


class Conversation(msgspec.Struct, kw_only=True):
    """A conversation's turns, oldest first (the last max_turns of them)."""

    id: str
    pack: str
    created: Annotated[float, _doc("Unix time of creation.")]
    updated: Annotated[float, _doc("Unix time of the last question; it expires conversation_ttl after.")]
    turns: list[Turn] = []


class SourceInfo(msgspec.Struct, kw_only=True):
    id: str
    title: Localized
    outlet: str
    paragraphs: Annotated[int, _doc("Number of paragraphs (1 … paragraphs; 0 is the outlet line).")]
    summary: Localized | None = None


class PackInfo(msgspec.Struct, kw_only=True):
    """A pack this server answers from."""

    name: Annotated[str, _doc("What requests name it by (its first source's id).")]
    default: Annotated[bool, _doc("Whether requests without `pack` use it.")]
    facts: Annotated[int, _doc("Number of facts.")]
    sources: list[SourceInfo]
    examples: Annotated[dict[str, list[str]], _doc("Example questions by language (zh-Hant, zh-Hans, en).")]


class FactsPage(msgspec.Struct, kw_only=True):
    total: Annotated[int, _doc("Facts matching the filters, before offset and limit.")]
    offset: int
    facts: list[Fact]


class Paragraph(msgspec.Struct, kw_only=True):
    source: str
    title: str
    paragraph: Annotated[int, _doc("1-based; 0 is the source's metadata line (its outlet).")]
    text: str


class Health(msgspec.Struct, kw_only=True):
    status: Literal["ok"]
    packs: list[str]


class Error(msgspec.Struct, kw_only=True):
    """Every error response: no stack trace, a message written for people."""

    status: Annotated[int, _doc("The HTTP status code.")]
    error: Annotated[str, _doc("A short code: invalid_request, too_large, not_found, unauthorized, timeout ...")]
    detail: Annotated[str, _doc("What went wrong and what to do about it.")]
