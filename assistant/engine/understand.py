"""Question -> Frame: the concepts, periods, numbers and intent cues a question names.

The frame is plain data; deciding which fact answers it is the matcher's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.engine.lexicon import Hit, Lexicon, content_units
from assistant.lang.numbers import plain_decimals, strip_decimals
from assistant.lang.periods import Period, PeriodGrammar

_CJK = re.compile(r"[\u3400-\u9fff]")
_ORG_SUFFIX = re.compile(
    r"[\u4e00-\u9fff]{2,6}?(?:医疗|集团|公司|科技|股份|控股|银行|汽车|电子|制药|生物|器械)"
)
_CAPITALISED = re.compile(r"(?<![A-Za-z])([a-z]?[A-Z][A-Za-z0-9&\-]+(?:\s+[A-Z][A-Za-z&\-]+)*)('s|’s)?")


@dataclass
class Frame:
    """What a question names, in order of appearance."""

    folded: str
    entities: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    numbers: set[Decimal] = field(default_factory=set)
    cues: dict[str, int] = field(default_factory=dict)
    unknown_names: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    inherited: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    focus: str | None = None
    unreadable: list[str] = field(default_factory=list)

    @property
    def has_topic(self) -> bool:
        """Whether the question names something to look up beyond an entity or a period."""
        return bool(self.metrics or self.segments or self.qualifiers)

    def concepts(self) -> list[str]:
        return self.entities + self.metrics + self.segments + self.qualifiers


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def understand(
    question: str, folded: str, lexicon: Lexicon, cues: Lexicon, stopwords: set[str], known: set[str],
    grammar: PeriodGrammar,
) -> Frame:
    """Build the frame of a question (`folded` is `fold(question)`)."""
    frame = Frame(folded=folded)
    spans: list[tuple[int, int]] = []
    for mention in grammar.scan(folded):
        if mention.problem:
            frame.unreadable.append(mention.text)
        elif mention.role == "asked" and mention.period is not None and mention.period not in frame.periods:
            frame.periods.append(mention.period)
        if mention.role in ("asked", "base") or mention.problem:
            spans.append((mention.start, mention.end))
    exact = lexicon.exact(folded)
    names = [(h.start, h.end) for h in exact if h.target.kind == "entity"]
    cue_spans = []
    for hit in cues.scan(folded):
        if any(hit.start < e and s < hit.end and (hit.start < s or hit.end > e) for s, e in names):
            continue  # 对联 inside 联影医疗对联影智能 is no couplet
        frame.cues[hit.target.id] = frame.cues.get(hit.target.id, 0) + 1
        cue_spans.append((hit.start, hit.end))
    concept_hits = sorted(lexicon.with_typos(folded, exact, cue_spans), key=lambda h: h.start)
    for hit in concept_hits:
        if any(s <= hit.start < e for s, e in spans):
            continue
        frame.hits.append(hit)
        kind, ident = hit.target.kind, hit.target.id
        _add({"entity": frame.entities, "metric": frame.metrics, "segment": frame.segments}.get(kind, frame.qualifiers),
             ident)
        spans.append((hit.start, hit.end))
    masked = list(folded)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    rest = "".join(masked)
    frame.numbers.update(plain_decimals(rest))
    frame.unknown_names = _unknown_names(question, rest, stopwords, known)
    wording = list(folded)
    for hit in frame.hits:
        if hit.target.kind == "entity":
            wording[hit.start : hit.end] = " " * (hit.end - hit.start)
    frame.units = content_units(strip_decimals("".join(wording)), frozenset(stopwords))
    frame.focus = _focus([h for h in frame.hits if h.target.kind == "metric"], cue_spans, folded)
    return frame


def _focus(metric_hits: list[Hit], cue_spans: list[tuple[int, int]], folded: str) -> str | None:
    """The metric a question asks about: the one nearest its question words (多少家医院, "how much of its
    revenue"), else the last in Chinese and the first in English."""
    if not metric_hits:
        return None
    if cue_spans:

        def distance(hit: Hit) -> int:
            return min(max(s - hit.end, hit.start - e, 0) for s, e in cue_spans)

        return min(metric_hits, key=distance).target.id
    return (metric_hits[-1] if _CJK.search(folded) else metric_hits[0]).target.id


def _unknown_names(question: str, rest: str, stopwords: set[str], known: set[str]) -> list[str]:
    """Company-like names that no alias covers: the question is then about something else."""
    names = []
    for match in _ORG_SUFFIX.finditer(rest):
        before = rest[: match.start()].rstrip()
        if not before or not before[-1].isalnum():
            names.append(match.group())
    for match in _CAPITALISED.finditer(question):
        words = match.group(1)
        lowered = words.lower()
        if lowered in known or any(w.lower() in stopwords or w.lower() in known for w in words.split()):
            continue
        if lowered not in rest:
            continue
        is_first = question[: match.start()].strip() == ""
        if match.group(2) or not is_first or words[0].islower():  # iPhone, eBay: a name wherever it stands
            names.append(words)
    return names
