"""The published output: what `Assistant.ask` returns, and its JSON schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.lang.normalize import Language
from assistant.pack.schema import Derivation, Fact

Status = Literal["answered", "clarify", "no_answer"]


class Citation(BaseModel):
    """Where a figure comes from."""

    model_config = ConfigDict(defer_build=True)

    source: str = Field(description="Source id.")
    title: str = Field(default="", description="Source title.")
    paragraph: int = Field(description="Paragraph number in the source; 0 for the source's metadata (its outlet).")
    quote: str = Field(description="The verbatim source sentence.")


class Answer(BaseModel):
    """What `Assistant.ask` returns: the published output schema."""

    model_config = ConfigDict(defer_build=True)

    question: str = Field(default="", description="The question as asked (possibly cut).")
    status: Status = Field(description="answered, clarify (see suggestions) or no_answer.")
    text: str = Field(description="The answer to show, in the question's language and script.")
    language: Language = Field(description="Language and script of the question and the answer.")
    intent: str = Field(description="Recognised intent id.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the match is.")
    facts: list[Fact] = Field(default_factory=list, description="The fact records used.")
    citations: list[Citation] = Field(default_factory=list, description="Source sentences of those facts.")
    derivation: Derivation | None = Field(default=None, description="Arithmetic of a derived answer.")
    suggestions: list[str] = Field(default_factory=list, description="Questions to ask next or options.")
    notes: list[str] = Field(default_factory=list, description="Remarks such as a cut question.")

