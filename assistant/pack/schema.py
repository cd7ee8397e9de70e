"""Pydantic models: the YAML schema of a fact pack, validated at load with every error reported."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ConceptKind = Literal["entity", "metric", "segment", "qualifier"]


class Strict(BaseModel):
    """Base for every data file model: unknown keys are errors, so typos in YAML surface at load."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Localized(Strict):
    """Text in the three scripts; zh-Hans may be omitted and is then converted from zh-Hant."""

    zh_Hant: str = Field(alias="zh-Hant", description="Traditional Chinese text.")
    zh_Hans: str | None = Field(default=None, alias="zh-Hans", description="Simplified Chinese text.")
    en: str = Field(description="English text.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Source(Strict):
    """An article: a text file whose kept non-empty lines are its numbered paragraphs (from 1)."""

    id: str = Field(description="Stable id that facts cite.")
    file: str = Field(description="Path of the article text, relative to the pack's facts/ directory.")
    title: Localized = Field(description="Title shown in citations.")
    outlet: str = Field(description="Who published it (metadata, not content).")
    skip: list[str] = Field(
        default_factory=list,
        description="Regular expressions: lines matching any are metadata or boilerplate, not paragraphs.",
    )
    summary: Localized | None = Field(default=None, description="What the article is about.")


class Change(Strict):
    """A stated change of a figure, usually year on year."""

    value: Decimal = Field(description="Signed amount of the change (-9.73 for a 9.73% fall).")
    unit: str = Field(default="%", description="Unit of the change: % or the figure's own unit.")
    approx: str | None = Field(default=None, description="Approximation word of the source (超過, 接近 ...).")
    written: str = Field(description="The change as the source writes it, verbatim in the quote.")


class Derivation(Strict):
    """How a derived figure follows from stated ones; shown to the reader with every input cited."""

    formula: str = Field(description="Name of the formula.")
    inputs: list[str] = Field(description="Ids of the facts used.")
    expression: str = Field(default="", description="The arithmetic, written out.")


class Fact(Strict):
    """One curated fact: a figure (value) or a statement, always with its verbatim source sentence."""

    id: str = Field(description="Stable, unique id.")
    subject: str = Field(description="Entity concept the fact is about.")
    metric: str = Field(description="Metric or topic concept: what is measured or stated.")
    period: str | None = Field(default=None, description="Canonical period: 2024, 2025Q1, 2024-12, 2025-06-10.")
    when: str | None = Field(default=None, description="The time as the source writes it (2023年底).")
    segment: list[str] = Field(default_factory=list, description="Segment concepts: product line, region ...")
    object: str | None = Field(default=None, description="Second entity involved (the company invested in).")
    tags: list[str] = Field(default_factory=list, description="Further concepts a question may name.")
    value: Decimal | None = Field(default=None, description="The figure as a number in its scale and unit.")
    unit: str | None = Field(default=None, description="元, %, 人, 張, 個, 款, 年 ...")
    scale: str | None = Field(default=None, description="億 or 萬 when the value is in those units.")
    approx: str | None = Field(default=None, description="Approximation word of the source: 超過, 接近, 約 ...")
    written: str | None = Field(default=None, description="The figure as the source writes it, verbatim in quote.")
    change: Change | None = Field(default=None, description="Year-on-year or other stated change.")
    statement: Localized | None = Field(default=None, description="What the fact says, for non-numeric facts.")
    figure_not_given: bool = Field(
        default=False, description="A statement that mentions a figure without giving it (MI revenue 'also fell')."
    )
    label: Localized | None = Field(default=None, description="Short name of the fact for answers.")
    quote: str = Field(description="The source sentence, verbatim inside the paragraph.")
    paragraph: int = Field(ge=1, description="Paragraph number in the source.")
    source: str | None = Field(default=None, description="Source id; may be omitted when the pack has one source.")
    draft: bool = Field(default=False, description="True until a person has reviewed a drafted fact.")
    derivation: Derivation | None = Field(default=None, description="Set on facts computed from other facts.")


class DerivedSpec(Strict):
    """A figure the article implies: the engine computes it at load time from cited facts."""

    id: str
    subject: str
    metric: str
    period: str | None = None
    when: str | None = None
    segment: list[str] = Field(default_factory=list)
    object: str | None = None
    tags: list[str] = Field(default_factory=list)
    formula: Literal["prior_from_change", "prior_from_absolute_change", "sum", "difference", "percent_of",
                     "divide_by_percent"]
    inputs: list[str] = Field(min_length=1)
    unit: str
    scale: str | None = None
    decimals: int = Field(default=2, ge=0, le=6)
    label: Localized | None = None


class NotAFact(Strict):
    """A number in the source body that is deliberately not a fact, such as section numbering."""

    paragraph: int = Field(ge=1)
    text: str = Field(description="The text around the number, verbatim in the paragraph.")
    reason: str


class Concept(Strict):
    """A slot value with its names and the aliases that people type for it."""

    kind: ConceptKind
    names: Localized = Field(description="How answers name the concept.")
    aliases: list[str] = Field(default_factory=list, description="Surface forms in any script or language.")
    implies: list[str] = Field(default_factory=list, description="Concepts a mention of this one also covers.")
    restrictive: bool = Field(
        default=False,
        description="A fact tagged with this qualifier answers only questions naming it (a peak is no current value).",
    )


class FactFile(Strict):
    """A YAML file under facts/: any of these sections."""

    sources: list[Source] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    derived: list[DerivedSpec] = Field(default_factory=list)
    not_facts: list[NotAFact] = Field(default_factory=list)
    concepts: dict[str, Concept] = Field(default_factory=dict)
    default_subject: str | None = None
    default_period: str | None = None
    examples: list[str] = Field(default_factory=list, description="Example questions for help and welcome screens.")
    current_year: int | None = Field(
        default=None, description="The year the article was written: what 今年 (this year) and 去年 (last year) mean."
    )


class Intent(Strict):
    """What kind of answer a question wants; recognised from cue words and example phrasings."""

    kind: Literal["figure", "meta", "refuse"] = "figure"
    description: str = ""
    cues: list[str] = Field(default_factory=list, description="Words that signal the intent.")
    examples: list[str] = Field(default_factory=list, description="Whole phrasings, matched fuzzily.")
    priority: int = Field(default=0, description="Higher wins when several intents are signalled.")
    unit: str | None = Field(default=None, description="For answer-unit hints: facts in this unit are preferred.")


class IntentFile(Strict):
    """A YAML file under intents/: intents, general vocabulary, templates and unit names."""

    intents: dict[str, Intent] = Field(default_factory=dict)
    concepts: dict[str, Concept] = Field(default_factory=dict)
    templates: dict[str, Localized] = Field(default_factory=dict)
    units: dict[str, Localized] = Field(default_factory=dict)
    approximations: dict[str, Localized] = Field(default_factory=dict)
    stopwords: list[str] = Field(default_factory=list)
