"""The published output: what `Assistant.ask` returns, its parts for front ends, and its JSON schema.

Every front end (the chat, the CLI, the HTTP API) renders from these fields; `text` is the whole answer
as one string for those who want just that. The records are msgspec Structs: cheap to build and to
serialise, with the JSON schema generated from the same classes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta

from assistant.lang.normalize import Language
from assistant.pack.schema import Derivation, Fact

Status = Literal["answered", "clarify", "no_answer"]
Operation = Literal["lookup", "change", "when", "statement", "compare", "compute", "list", "meta", "refuse"]
Role = Literal["entity", "metric", "segment", "qualifier", "unit", "period", "number", "cue", "stop", "unknown"]


def _doc(text: str) -> Meta:
    return Meta(description=text)


class Citation(msgspec.Struct, frozen=True, kw_only=True):
    """Where a figure comes from."""

    source: Annotated[str, _doc("Source id.")]
    title: Annotated[str, _doc("Source title.")] = ""
    paragraph: Annotated[int, _doc("Paragraph number in the source; 0 for the source's metadata (its outlet).")]
    quote: Annotated[str, _doc("The verbatim source sentence.")]


class Selector(msgspec.Struct, frozen=True, kw_only=True):
    """One operand of a question: what identifies the fact (or computed figure) it needs."""

    entity: Annotated[str | None, _doc("Entity concept id.")] = None
    metric: Annotated[str | None, _doc("Metric or topic concept id.")] = None
    period: Annotated[str | None, _doc("Canonical period (2024, 2025Q1, 2024-12); ???? for an unnamed year.")] = None
    segments: Annotated[list[str], _doc("Segment concept ids.")] = []
    qualifiers: Annotated[list[str], _doc("Qualifier concept ids.")] = []
    numbers: Annotated[list[str], _doc("Numbers the question quotes to single out a fact.")] = []


class Token(msgspec.Struct, frozen=True, kw_only=True):
    """A piece of the (folded) question and what the engine made of it."""

    text: str
    start: int
    end: int
    role: Annotated[Role, _doc("What the piece is: a slot value, an intent cue, a stop word, or unknown.")]
    value: Annotated[str, _doc("The concept id, cue id or canonical period it stands for.")] = ""


class Interpretation(msgspec.Struct, kw_only=True):
    """What the engine understood a question to ask: the operation, its operands, and every token."""

    operation: Annotated[Operation, _doc("What is asked: look up, change, when, statement, compare ...")]
    detail: Annotated[str, _doc("Kind of operation: ratio, difference, why, help, a refusal's reason ...")] = ""
    operands: Annotated[list[Selector], _doc("The facts (or computed figures) the operation needs.")] = []
    unit: Annotated[str | None, _doc("Unit or currency the answer must be in (元, %, 人, USD).")] = None
    decimals: Annotated[int | None, _doc("Decimals asked for (保留一位小數, to one decimal).")] = None
    tokens: Annotated[list[Token], _doc("Every piece of the question with its role.")] = []
    not_understood: Annotated[list[str], _doc("Pieces that look like a period, name or metric but were not read.")] = []
    inherited: Annotated[list[str], _doc("Slots taken from the conversation (entity, metric, period ...).")] = []


class Answer(msgspec.Struct, kw_only=True):
    """What `Assistant.ask` returns: the published output schema."""

    question: Annotated[str, _doc("The question as asked (possibly cut).")] = ""
    status: Annotated[Status, _doc("answered, clarify (see options) or no_answer.")]
    text: Annotated[str, _doc("The whole answer as shown, in the question's language and script.")]
    language: Annotated[Language, _doc("Language and script of the question and the answer.")]
    intent: Annotated[str, _doc("Recognised intent id.")]
    confidence: Annotated[float, Meta(ge=0.0, le=1.0, description="How sure the match is.")]
    headline: Annotated[str, _doc("The main line of the answer, without citations or notes.")] = ""
    understood: Annotated[str, _doc("The interpretation as one line in the reader's script.")] = ""
    interpretation: Annotated[Interpretation | None, _doc("The typed interpretation of the question.")] = None
    figures: Annotated[list[str], _doc("The figures of the answer as written in it (to emphasise).")] = []
    facts: Annotated[list[Fact], _doc("The fact records used.")] = []
    citations: Annotated[list[Citation], _doc("Source sentences of those facts.")] = []
    derivation: Annotated[Derivation | None, _doc("Arithmetic of a computed answer.")] = None
    options: Annotated[list[str], _doc("For clarify: the questions to choose from.")] = []
    suggestions: Annotated[list[str], _doc("Questions to ask next (the options, for clarify).")] = []
    notes: Annotated[list[str], _doc("Remarks such as a cut question or a part not in the fact base.")] = []

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        """The answer as plain JSON-compatible data (the same shape as the JSON output)."""
        return msgspec.to_builtins(self)  # type: ignore[no-any-return]

    def to_json(self, *, indent: int | None = None) -> str:
        data = msgspec.json.encode(self)
        return (msgspec.json.format(data, indent=indent) if indent else data).decode()

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        """The published JSON schema of an answer: the Answer object at the top, the records it uses in $defs."""
        schema: dict[str, Any] = msgspec.json.schema(cls)
        definitions = schema["$defs"]
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **definitions[cls.__name__],
            "$defs": definitions,
        }

    @classmethod
    def from_json(cls, data: str | bytes) -> Answer:
        return msgspec.json.decode(data, type=cls)
