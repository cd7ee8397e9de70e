"""Conversations as edits: a follow-up replaces the slots it names and keeps the rest of the last question.

"那2024年呢?" keeps the company and the metric and changes the year; "MR的呢?" after a change question
asks MR's change; "its valuation?" keeps the company. A company the reader named is kept firmly when
the follow-up leans on the last question (it names no metric of its own, or says 那…呢, and, what about):
the answer is then that company's figure or a refusal, never another company's. The period, segments
and qualifiers are kept softly: dropped again when nothing fits with them. The context is an immutable
value that only `Chat` holds; deciding an answer never changes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from assistant.engine.answer import Token
from assistant.engine.frame import Frame
from assistant.lang.normalize import Language
from assistant.lang.periods import Period
from assistant.lang.scripts import CJK_RUN
from assistant.pack.schema import Fact

SOFT = ("periods", "segments", "qualifiers")
KEPT_OPERATIONS = ("lookup", "change", "when")
RECENT_TURNS = 3
UNREAD_CJK = 4  # characters, or
UNREAD_WORDS = 2  # Latin words, unread in a question that names nothing: a new question, not a follow-up


@dataclass(frozen=True)
class Context:
    """What the conversation has settled so far: the last frame, the subject and facts it answered with,
    the options it offered, and the reader's script."""

    frame: Frame | None = None
    fact_ids: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    option_facts: tuple[str, ...] = ()  # the fact each option stands for, so that a pick is that fact
    language: Language | None = None
    subject: str | None = None
    recent: tuple[tuple[Fact, ...], ...] = ()  # the figures of the last answers, oldest first ("the two")
    unsettled: bool = False  # the last question asked which company (who leads) and no answer named one


@dataclass(frozen=True)
class Edit:
    """The frame to answer, and the slots inherited softly (dropped in this order when nothing fits)."""

    frame: Frame
    soft: tuple[str, ...] = field(default_factory=tuple)
    asked: Frame | None = None  # the question's own frame, before the edit


def needs_context(frame: Frame) -> bool:
    """A question that only makes sense after another ("那2024年呢?", "and the year-on-year change?",
    "它的估值呢?"): it names no topic of its own, or refers back with a pronoun or a relative period."""
    if frame.operation in ("meta", "refuse"):
        return False
    if frame.pronoun and not frame.entities:  # "FY24 diagnostics revenue and its margin?": "its" points inside
        return not (frame.has_topic and (frame.periods or frame.segments))
    if frame.relative and not frame.periods:
        return True
    return frame.follow_up and not (frame.metrics or frame.segments) and not frame.entities


def stands_alone(frame: Frame, tokens: list[Token]) -> bool:
    """A question that names nothing the engine knows but says something it cannot read ("匈牙利工厂计划
    总投资多少?" after a why-question) asks about something new: nothing is taken from the conversation,
    so it is answered (or refused) on its own instead of as the question before."""
    if frame.has_topic or frame.entities or frame.periods or frame.pronoun or frame.relative or frame.follow_up:
        return False
    unread = [t.text for t in tokens if t.role == "unknown"]
    cjk = sum(1 for piece in unread for ch in piece if CJK_RUN.match(ch))
    latin = sum(1 for piece in unread if piece.isascii() and len(piece) > 2)
    return cjk >= UNREAD_CJK or latin >= UNREAD_WORDS


def prior_period(period: Period | None, default: str | None) -> Period | None:
    """A year before the period in question (or before the pack's default period)."""
    if period is None or period.year is None:
        base = Period.parse(default)
        return Period(base.year - 1) if base and base.year else None
    return replace(period, year=period.year - 1)


def edit(
    frame: Frame,
    context: Context,
    *,
    default_period: str | None,
    has_figures: Callable[[str], bool] = lambda _: True,
    computed: frozenset[str] = frozenset(),
    qualified: Mapping[str, frozenset[str]] | None = None,
) -> Edit:
    """The frame of a follow-up: its own slots, the rest from the last question.

    `has_figures(entity)` tells whether the pack gives figures about an entity (a company) rather than
    only mentioning it (a regulator, a person): a company is kept firmly, a mention only softly.
    `qualified` maps each qualifier to the measures of the facts that carry it: a follow-up that names a
    qualifier no fact of the inherited measure has ("哪年上的科创板?" after the founding year) asks about
    whatever carries that qualifier, not about the measure before.
    """
    previous = context.frame
    if previous is None or frame.operation in ("meta", "refuse"):
        return Edit(_relative(frame, None, default_period), asked=frame)
    merged = replace(frame, inherited=set(frame.inherited), hits=list(frame.hits))
    soft = _inherit_entities(merged, frame, previous, context.subject, has_figures)
    _inherit_metrics(merged, frame, previous, computed)
    if qualified is not None and "metrics" in merged.inherited and not frame.metrics:
        _drop_unqualified_metrics(merged, frame, qualified)
    soft += _inherit_soft_slots(merged, frame, previous)
    _inherit_operation(merged, frame, previous)
    previous_period = previous.periods[0] if previous.periods else None
    merged = _relative(merged, previous_period, default_period)
    return Edit(merged, tuple(soft), asked=frame)


def _inherit_entities(
    merged: Frame, frame: Frame, previous: Frame, subject: str | None, has_figures: Callable[[str], bool]
) -> list[str]:
    """The companies of the last question (or the one it turned out to be about), unless the follow-up
    names its own; returns ["entities"] when they are kept only softly."""
    if frame.entities or frame.unknown_names:  # "GE醫療呢?" asks about another company
        return []
    if previous.unknown_names and not previous.entities:  # "恒晟微电子营收多少?" then "它的毛利率呢?"
        merged.unknown_names = list(previous.unknown_names)  # still the company the pack knows nothing of
        merged.inherited.add("unknown_names")
        return []
    named = list(previous.entities)
    entities = [subject] if (frame.pronoun or not named) and subject else named
    if not entities:
        return []
    merged.entities = entities
    merged.inherited.add("entities")
    firm = frame.pronoun or (bool(named) and not frame.metrics and all(has_figures(e) for e in entities))
    return [] if firm else ["entities"]


def _inherit_metrics(merged: Frame, frame: Frame, previous: Frame, computed: frozenset[str]) -> None:
    """The measures of the last question when the follow-up names none; a computed measure alone ("how much
    of it", "net margin 呢?") is taken of the last question's measures and segments, but not one the question
    names with its own measures (R&D expense 占 revenue: R&D intensity)."""
    own_statement = frame.operation == "statement" and frame.entities
    if not frame.metrics and previous.metrics and not own_statement:
        merged.metrics = list(previous.metrics)
        merged.inherited.add("metrics")
        merged.focus = merged.focus or previous.focus
    elif frame.metrics and set(frame.metrics) | _named_metrics(frame) <= computed and previous.metrics:
        # "How much of it came from equipment?": a share of what was just asked about; after a computation
        # between two measures (研發費用是淨利潤的幾倍?佔總營收的比例), of the first: the other was only its base
        parts = previous.metrics[:1] if previous.operation in ("compute", "compare") else previous.metrics
        merged.metrics = [*frame.metrics, *(m for m in parts if m not in frame.metrics)]
        merged.segments = [*frame.segments, *(s for s in previous.segments if s not in frame.segments)]
        merged.inherited |= {"metrics", "segments"}


def _named_metrics(frame: Frame) -> set[str]:
    """The measures the question's own words name."""
    return {h.target.id for h in frame.hits if h.target.kind == "metric"}


def _drop_unqualified_metrics(merged: Frame, frame: Frame, qualified: Mapping[str, frozenset[str]]) -> None:
    """Forget the inherited measures when the follow-up's own qualifiers belong to other measures only."""
    own = [q for q in frame.qualifiers if q in qualified]
    if own and not any(m in qualified[q] for m in merged.metrics for q in own):
        merged.metrics = []
        merged.focus = None
        merged.inherited.discard("metrics")


def _inherit_soft_slots(merged: Frame, frame: Frame, previous: Frame) -> list[str]:
    """The period, segments and qualifiers of the last question that the follow-up leaves open; all
    kept softly, so the names of those taken are returned."""
    taken: list[str] = []
    for slot in SOFT:
        if _lends(slot, merged, frame, previous):
            setattr(merged, slot, list(getattr(previous, slot)))
            merged.inherited.add(slot)
            if not (slot == "segments" and frame.points_at_part):
                taken.append(slot)  # "這塊業務的毛利率": that line's, never the whole company's
    return taken


def _lends(slot: str, merged: Frame, frame: Frame, previous: Frame) -> bool:
    """Whether the last question's value of a soft slot carries over to the follow-up."""
    if getattr(merged, slot) or not getattr(previous, slot) or (slot == "periods" and frame.relative):
        return False
    if slot == "qualifiers" and (frame.segments or frame.metrics or frame.now):
        return False  # "國內呢?" after foreign competitors asks for the domestic ones; "現在呢?" after the peak, now
    # a new company does not take the last one's product lines
    return slot == "periods" or not frame.entities or set(frame.entities) == set(previous.entities)


def _inherit_operation(merged: Frame, frame: Frame, previous: Frame) -> None:
    """A follow-up with no cue of its own ("MR的呢?") asks what the last question asked."""
    if frame.detail == "lookup" and not frame.cues and previous.operation in KEPT_OPERATIONS:
        merged.operation, merged.detail = previous.operation, previous.detail
        merged.unit = merged.unit or previous.unit


def _relative(frame: Frame, period: Period | None, default: str | None) -> Frame:
    """前一年 / a year earlier and 去年同期: a year before the period in question."""
    if not frame.relative or frame.periods:
        return frame
    shifted = prior_period(period, default)
    if shifted is None:
        return frame
    return replace(frame, periods=[shifted], inherited=frame.inherited | {"periods"})


def names_another(frame: Frame, facts: list[Fact], company_topics: list[str]) -> bool:
    """Whether the answer is a statement of the company topic asked (行业龙头: who leads), so that its
    subject is the company the question was after."""
    return bool(facts) and facts[0].value is None and facts[0].metric in set(frame.metrics) & set(company_topics)


def after(
    frame: Frame,
    facts_subjects: list[str],
    fact_ids: list[str],
    *,
    options: list[str] | None = None,
    option_facts: list[str] | None = None,
    language: Language | None = None,
    recent: tuple[tuple[Fact, ...], ...] = (),
    names_another: bool = False,
    asked_company: bool = False,
) -> Context:
    """The context after an answer: its frame, and the company it turned out to be about: the one the answer
    names when the question asked for a company (`names_another`: who leads the market Jifan is in)."""
    subjects = list(dict.fromkeys(facts_subjects))
    subject = frame.entities[0] if len(frame.entities) == 1 else (subjects[0] if len(subjects) == 1 else None)
    if names_another and len(subjects) == 1 and subjects[0] not in frame.entities:
        subject = subjects[0]
    # who leads the market? with no answer, or with several companies named: "it" is no one yet
    unsettled = (asked_company and not names_another) or (names_another and len(subjects) > 1)
    return Context(
        frame=frame,
        fact_ids=tuple(fact_ids),
        options=tuple(options or ()),
        option_facts=tuple(option_facts or ()),
        language=language,
        subject=None if unsettled else subject,
        recent=recent[-RECENT_TURNS:],
        unsettled=unsettled,
    )


_OPTION = re.compile(r"[0-9]{1,2}")


def picked_option(text: str, context: Context) -> tuple[str, bool, str | None]:
    """An option of the last answer chosen by its number: its question, True, and the fact it stands for
    (if any); else the text as asked, False and None."""
    if not (context.options and _OPTION.fullmatch(text) and 0 < int(text) <= len(context.options)):
        return text, False, None
    number = int(text) - 1
    chosen = context.option_facts[number] if number < len(context.option_facts) else None
    return context.options[number], True, chosen
