"""The YAML schema of a fact pack, as msgspec Structs: the loader validates each file entry by entry
against these types (every entry's error reported with its file and line) and the engine uses the same
records at run time, so there is one definition of each shape.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

ConceptKind = Literal["entity", "metric", "segment", "qualifier", "unit"]


def _doc(text: str) -> Meta:
    return Meta(description=text)


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=False, gc=False):
    """Base of every data record: unknown keys are errors, so typos in YAML surface at load."""


class Localized(Record, frozen=True, kw_only=True):
    """Text in the three scripts; zh-Hans may be omitted and is then converted from zh-Hant."""

    zh_Hant: Annotated[str, _doc("Traditional Chinese text.")] = msgspec.field(name="zh-Hant")
    zh_Hans: Annotated[str | None, _doc("Simplified Chinese text.")] = msgspec.field(name="zh-Hans", default=None)
    en: Annotated[str, _doc("English text.")]


class Source(Record, frozen=True, kw_only=True):
    """An article: a text file whose kept non-empty lines are its numbered paragraphs (from 1)."""

    id: Annotated[str, _doc("Stable id that facts cite.")]
    file: Annotated[str, _doc("Path of the article text, relative to the pack's facts/ directory.")]
    title: Annotated[Localized, _doc("Title shown in citations.")]
    outlet: Annotated[str, _doc("Who published it (metadata, not content).")]
    skip: Annotated[
        list[str],
        Meta(max_length=100, description="Lines matching any of these regular expressions are not paragraphs."),
    ] = []
    summary: Annotated[Localized | None, _doc("What the article is about.")] = None
    byline: Annotated[
        str | None, _doc("The byline as the article prints it (writer, editors); told with the outlet.")
    ] = None


Basis = Literal["year", "previous", "quarter", "month", "year_start"]  # what a change compares with


class Change(Record, frozen=True, kw_only=True):
    """A stated change of a figure, usually year on year."""

    value: Annotated[Decimal, _doc("Signed amount of the change (-9.73 for a 9.73% fall).")]
    unit: Annotated[str, _doc("Unit of the change: % (a rate), 個百分點 (points) or the figure's own unit.")] = "%"
    scale: Annotated[
        str | None, _doc("Scale of an amount change when it is not the figure's ('' for none: 減少1500家 on 1.8萬家).")
    ] = None
    approx: Annotated[str | None, _doc("Approximation word of the source (超過, 接近 ...).")] = None
    written: Annotated[str, _doc("The change as the source writes it, verbatim in the quote.")]
    basis: Annotated[
        Basis | None,
        _doc(
            "What the change compares with: the same period a year before, the period just before (环比), the"
            " quarter or month before, the end of the last year (较年初). Read from the words when not given."
        ),
    ] = None


class Derivation(Record, frozen=True, kw_only=True):
    """How a computed figure follows from stated ones; shown to the reader with every input cited."""

    formula: Annotated[str, _doc("Name of the operation (ratio, difference, prior_from_change ...).")]
    inputs: Annotated[list[str], _doc("Ids of the facts used.")]
    expression: Annotated[str, _doc("The arithmetic, written out with the source's figures.")] = ""


class Fact(Record, frozen=True, kw_only=True):
    """One curated fact: a figure (value) or a statement, always with its verbatim source sentence."""

    id: Annotated[str, _doc("Stable, unique id.")]
    subject: Annotated[str, _doc("Entity concept the fact is about.")]
    metric: Annotated[str, _doc("Metric or topic concept: what is measured or stated.")]
    period: Annotated[str | None, _doc("Canonical period: 2024, 2025Q1, 2024H1, 2024-12, 2025-06-10.")] = None
    when: Annotated[str | None, _doc("The time as the source writes it (2023年底).")] = None
    segment: Annotated[list[str], _doc("Segment concepts: product line, region ...")] = []
    object: Annotated[str | None, _doc("Second entity involved (the company invested in).")] = None
    tags: Annotated[list[str], _doc("Further concepts a question may name.")] = []
    value: Annotated[Decimal | None, _doc("The figure as a number in its scale and unit.")] = None
    unit: Annotated[str | None, _doc("元, %, 人, 張, 個, 款, 年 ...")] = None
    scale: Annotated[str | None, _doc("億 or 萬 when the value is in those units.")] = None
    approx: Annotated[str | None, _doc("Approximation word of the source: 超過, 接近, 約 ...")] = None
    upto: Annotated[
        Decimal | None, _doc("The upper end of a range (26%至27%, 8000至1萬台); value is its lower end, same scale.")
    ] = None
    written: Annotated[str | None, _doc("The figure as the source writes it, verbatim in the quote.")] = None
    change: Annotated[Change | None, _doc("Year-on-year or other stated change.")] = None
    statement: Annotated[Localized | None, _doc("What the fact says, for non-numeric facts.")] = None
    figure_not_given: Annotated[bool, _doc("A statement that mentions a figure without giving it.")] = False
    label: Annotated[Localized | None, _doc("Short name of the fact for answers.")] = None
    quote: Annotated[str, _doc("The source sentence, verbatim inside the paragraph.")]
    paragraph: Annotated[int, Meta(ge=1, description="Paragraph number in the source.")]
    source: Annotated[str | None, _doc("Source id; may be omitted when the pack has one source.")] = None
    draft: Annotated[bool, _doc("True until a person has reviewed a drafted fact.")] = False
    derivation: Annotated[Derivation | None, _doc("Set on facts computed from other facts.")] = None


Formula = Literal[
    "prior_from_change", "prior_from_absolute_change", "sum", "difference", "percent_of", "divide_by_percent"
]


class DerivedSpec(Record, frozen=True, kw_only=True):
    """A figure the article itself states as a derivation: computed at load time from cited facts."""

    id: str
    subject: str
    metric: str
    period: str | None = None
    when: str | None = None
    segment: list[str] = []
    object: str | None = None
    tags: list[str] = []
    formula: Formula
    inputs: Annotated[list[str], Meta(min_length=1)]
    unit: str
    scale: str | None = None
    decimals: Annotated[int, Meta(ge=0, le=6)] = 2
    label: Localized | None = None


class NotAFact(Record, frozen=True, kw_only=True):
    """A number in the source body that is deliberately not a fact, such as section numbering."""

    paragraph: Annotated[int, Meta(ge=1)]
    text: Annotated[str, _doc("The text around the number, verbatim in the paragraph.")]
    reason: str


class Computed(Record, frozen=True, kw_only=True):
    """How a metric follows from others when the article does not state it: a ratio (net margin = net
    profit ÷ revenue), a share (a segment's revenue ÷ all revenue), a difference (pre-money valuation =
    post-money valuation − the round), a part (gross profit = revenue × gross margin) or the years
    between two events (founding and listing), computed on demand for any subject and period that has
    the inputs."""

    operation: Literal["ratio", "share", "difference", "part", "years_between"]
    of: Annotated[str | None, _doc("The numerator metric (a share: the metric the question names).")] = None
    over: Annotated[str | None, _doc("The denominator metric (a share: the same metric without segments).")] = None


class Concept(Record, frozen=True, kw_only=True):
    """A slot value with its names and the aliases that people type for it."""

    kind: ConceptKind
    names: Annotated[Localized, _doc("How answers name the concept.")]
    aliases: Annotated[list[str], Meta(max_length=1000, description="Surface forms in any script or language.")] = []
    implies: Annotated[list[str], Meta(max_length=100, description="Concepts a mention of this one also covers.")] = []
    restrictive: Annotated[bool, _doc("A fact tagged with this qualifier answers only questions naming it.")] = False
    part: Annotated[
        bool,
        _doc(
            "A qualifier naming a part of the whole (香港 of the store count): a question naming it gets no figure"
            " of the whole."
        ),
    ] = False
    computed: Annotated[Computed | None, _doc("How to compute this metric from others.")] = None
    extends: Annotated[str | None, _doc("A vocabulary concept this pack concept adds aliases to.")] = None
    unit: Annotated[str | None, _doc("The unit this metric's figures are in (元 for a price or an amount).")] = None


class FactFile(Record, frozen=True, kw_only=True):
    """A YAML file under facts/: any of these sections."""

    sources: list[Source] = []
    facts: list[Fact] = []
    derived: list[DerivedSpec] = []
    not_facts: list[NotAFact] = []
    concepts: dict[str, Concept] = {}
    default_subject: str | None = None
    default_period: str | None = None
    examples: Annotated[list[str], _doc("Example questions for help and welcome screens.")] = []
    current_year: Annotated[
        int | None, Meta(ge=1900, le=2100, description="The year the article was written: what 今年 and 去年 mean.")
    ] = None
    yuan_en: Annotated[
        str | None,
        Meta(
            max_length=10, description="How 元 reads in English for this article: NT$ for a Taiwan one (RMB if unset)."
        ),
    ] = None


class Intent(Record, frozen=True, kw_only=True):
    """What kind of answer a question wants; recognised from cue words and example phrasings."""

    kind: Literal["figure", "meta", "refuse"] = "figure"
    operation: Annotated[str | None, _doc("The operation the intent asks for (lookup, change, compute ...).")] = None
    description: str = ""
    cues: Annotated[list[str], Meta(max_length=1000, description="Words that signal the intent.")] = []
    examples: Annotated[list[str], Meta(max_length=1000, description="Whole phrasings, matched fuzzily.")] = []
    priority: Annotated[int, _doc("Higher wins when several intents are signalled.")] = 0
    unit: Annotated[str | None, _doc("For answer-unit hints: facts in this unit are preferred.")] = None


class IntentFile(Record, frozen=True, kw_only=True):
    """A YAML file under intents/: intents, general vocabulary, templates, unit names and language words."""

    intents: dict[str, Intent] = {}
    concepts: dict[str, Concept] = {}
    templates: dict[str, Localized] = {}
    units: dict[str, Localized] = {}
    approximations: dict[str, Localized] = {}
    stopwords: Annotated[list[str], Meta(max_length=10_000)] = []
    periods: Annotated[dict[str, object], _doc("Words of the period grammar (language.yaml).")] = {}
    words: Annotated[
        dict[str, Annotated[list[str], Meta(max_length=1000)]],
        _doc("Named word lists of the engine (cue tables, markers)."),
    ] = {}
    precision: Annotated[dict[str, object], _doc("Patterns for the rounding a question asks for.")] = {}


Word = Annotated[str, Meta(min_length=1)]
Words = Annotated[list[Word], Meta(max_length=1000)]  # each list becomes one regular expression of the grammar


class PeriodWords(msgspec.Struct, frozen=True, kw_only=True):
    """The words of the period grammar (`periods:` in intents/language.yaml), checked at load so that a
    pack with its own language file cannot hand the grammar a shape it does not expect."""

    year_marks: Words
    plain_year_marks: Words = []  # 年: marks that do not make 2024/25 a fiscal or school year
    fiscal_prefixes: Words
    year_end: Words
    year_end_en: Words
    quarter_end: Words
    ordinals: Annotated[dict[str, int], Meta(max_length=1000)]
    quarter_ordinals: Annotated[dict[str, Annotated[int, Meta(ge=1, le=4)]], Meta(max_length=100)] = {}
    quarter_words: Words
    quarter_words_en: Words
    halves: Annotated[dict[str, Words], Meta(max_length=10)]
    half_codes: Annotated[dict[str, str], Meta(max_length=100)]
    nine_months: Words
    first_months_from: Words = []
    first_months_marks: Words = []
    first_months_en: Words = []
    month_marks: Words
    day_marks: Words
    months_en: Annotated[dict[str, Annotated[int, Meta(ge=1, le=12)]], Meta(max_length=1000)]
    months_en_not_alone: Words = []  # "may": a month only with its year, else a word of its own
    relative_years: Annotated[dict[str, Annotated[int, Meta(ge=-100, le=100)]], Meta(max_length=1000)]
    prior_year: Words
    same_period_prior: Words
    comparison: Words
    range_from: Words
    range_to: Words
    duration_after: Words
    duration_before: Words
    period_ended: Annotated[dict[str, Annotated[int, Meta(ge=1, le=12)]], Meta(max_length=1000)] = {}
    period_ended_en: Annotated[dict[str, Annotated[int, Meta(ge=1, le=12)]], Meta(max_length=1000)] = {}
    period_ended_en_words: Words = msgspec.field(default_factory=lambda: ["ended", "ending"])
    two_digit_future: Annotated[int, Meta(ge=0, le=99)]
    earliest_year: Annotated[int, Meta(ge=1000, le=9999)]
    latest_year: Annotated[int, Meta(ge=1000, le=9999)]


class PrecisionWords(msgspec.Struct, frozen=True, kw_only=True):
    """The rounding a question asks for (`precision:` in intents/language.yaml): regular expressions that
    run on every question, so the loader holds them to a safe subset (see `patterns`)."""

    zh: str | None = None
    en: str | None = None
    whole: str | None = None
    numbers: dict[str, int] = {}
