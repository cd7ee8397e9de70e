"""The analysis behind `assistant draft`: one article in, candidate facts, not_facts and concepts out.

Which number is a figure, which words name its metric and subject, which date is its period: all of it
is a guess for a person to review, driven by the keyword tables in rules.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from assistant.lang.normalize import detect_language, fold, to_traditional
from assistant.lang.numbers import numbers_in
from assistant.pack.paragraphs import split_paragraphs
from assistant.pack.paths import bundled_root
from assistant.tools.draft.reader import (
    Date,
    Figure,
    attach_changes,
    clause_bounds,
    dates_in,
    find_names,
    read_figure,
    rules,
    scan_words,
    sentences,
    simplified,
    word_table,
)


@dataclass
class DraftFact:
    """A candidate fact with the notes shown above it in facts.yaml."""

    data: dict[str, Any]
    hints: list[str] = field(default_factory=list)


def slugify(name: str) -> str:
    """An id from a file name or a Latin name: lower case, dashes (article when nothing is left)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "article"


class Drafter:
    """Turns one article into draft pack data."""

    def __init__(self, text: str, *, slug: str, outlet: str | None = None, title: str | None = None) -> None:
        self.text, self.slug, self.outlet, self.title = text, slug, outlet, title
        self.skip: list[str] = []
        self.paragraphs: list[str] = []
        self.facts: list[DraftFact] = []
        self.not_facts: list[dict[str, Any]] = []
        self.concepts: dict[str, dict[str, Any]] = {}
        self.vocabulary = _vocabulary()
        self.taken = {fold(a): cid for cid, c in self.vocabulary.items() for a in _forms(c)}
        self.metric_words = word_table(
            {a: cid for cid, c in self.vocabulary.items() if c.get("kind") == "metric"
             for a in c.get("aliases", []) if isinstance(a, str) and not a.isascii() and len(a) >= 2}
            | {w: mid for mid, spec in rules()["metrics"].items() for w in spec["words"]}
        )
        self.entity_words: dict[str, str] = {}
        self.metrics_used: Counter[str] = Counter()
        self.mentions: Counter[str] = Counter()
        self.new_metrics: dict[str, str] = {}
        self.simplified_source = False

    # -- metadata -----------------------------------------------------------------------------------

    def metadata(self) -> None:
        """Outlet line, headline and boilerplate lines become `skip` patterns."""
        r = rules()
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        first = lines[0] if lines else ""
        if self.outlet is None and first and len(first) <= r["outlet_max_chars"] and not re.search(
                r"[\d。,,;;::!?!?]", first):
            self.outlet = first
        if self.outlet and self.outlet in lines:
            self.skip.append(f"^{re.escape(self.outlet)}$")
        for pattern in r["boilerplate"]:
            matched = [line for line in lines if re.search(pattern, line)]
            if any(not any(re.search(p, line) for p in self.skip) for line in matched):
                self.skip.append(pattern)
        body = split_paragraphs(self.text, self.skip)
        head = body[0] if body else ""
        if self.title is None and head and len(head) <= r["title_max_chars"] and not re.search(
                f"[{re.escape(r['sentence_ends'])},,]$|[,,]", head) and len(body) > 1:
            self.title = head
            self.skip.append(f"^{re.escape(head)}$")
        self.paragraphs = split_paragraphs(self.text, self.skip)
        self.simplified_source = detect_language("".join(self.paragraphs)) == "zh-Hans"
        if self.title is None:
            opening = sentences(self.paragraphs[0])[0][1] if self.paragraphs else self.slug
            self.title = opening if len(opening) <= 40 else opening[:38] + "…"
        self.outlet = self.outlet or "(outlet unknown)"

    # -- names --------------------------------------------------------------------------------------

    def entities(self) -> None:
        """Names found in the body become entity concepts; names the vocabulary knows keep its concept."""
        body = "\n".join(self.paragraphs)
        for cid, concept in self.vocabulary.items():
            if concept.get("kind") == "entity":
                for alias in _forms(concept):
                    if len(alias) >= 2:
                        self.entity_words[_plain(alias)] = cid
        for name, _ in find_names(body, set(self.entity_words)).most_common():
            shown = self.traditional(name)
            latin = re.match(r"[A-Za-z][A-Za-z0-9 ]*", name)
            cid = slugify(latin.group()).replace("-", "_") if latin else f"entity_{len(self.concepts) + 1}"
            if cid in self.concepts:  # Voltia and Voltia公司: one concept, two aliases
                aliases = self.concepts[cid]["aliases"]
                aliases += [a for a in dict.fromkeys((name, shown)) if a not in aliases
                            and self.taken.setdefault(fold(a), cid) == cid]
            else:
                self._add_concept(cid, "entity", shown, latin.group().strip() if latin else name,
                                  [name, simplified(name), shown])
            self.entity_words[_plain(name)] = cid

    def traditional(self, text: str) -> str:
        """Names and statements are written in traditional script (zh-Hant); quotes stay as written."""
        return to_traditional(text) if self.simplified_source else text

    def _add_concept(self, cid: str, kind: str, zh: str, en: str, aliases: list[str]) -> None:
        free = []
        for alias in dict.fromkeys(aliases):
            if fold(alias) and self.taken.setdefault(fold(alias), cid) == cid:
                free.append(alias)
        self.concepts[cid] = {"kind": kind, "names": {"zh-Hant": zh, "en": en}, "aliases": free}

    def new_metric(self, words: str) -> str:
        """A metric the tables do not know, named after the words before (or after) the number."""
        words = self.traditional(words) if words else "數值"
        known = self.taken.get(fold(words))
        if known and (self.concepts.get(known) or self.vocabulary.get(known) or {}).get("kind") == "metric":
            return known
        if words in self.new_metrics:
            return self.new_metrics[words]
        cid = f"metric_{len(self.new_metrics) + 1}"
        name = words if not known else f"{words}(指標{len(self.new_metrics) + 1})"
        self._add_concept(cid, "metric", name, name, [name])
        self.new_metrics[words] = cid
        return cid

    # -- the body -----------------------------------------------------------------------------------

    def run(self) -> None:
        self.metadata()
        self.entities()
        numbering = re.compile(rules()["section_numbering"])
        names = word_table(self.entity_words)
        for paragraph in self.paragraphs:
            plain = _plain(paragraph)
            self.mentions.update(h[2] for h in scan_words(plain, names) if _bounded(plain, h))
        for number, paragraph in enumerate(self.paragraphs, 1):
            covered = 0
            heading = numbering.match(paragraph)
            if heading:
                text = paragraph if len(paragraph) <= 40 else paragraph[: heading.end() + 8]
                self.not_facts.append({"paragraph": number, "text": text, "reason": "section numbering"})
                covered = len(text)
            previous: dict[str, Any] = {}
            for offset, sentence in sentences(paragraph):
                if offset + len(sentence) <= covered:
                    continue
                self.sentence(number, sentence, previous, covered - offset)

    def sentence(self, paragraph: int, sentence: str, previous: dict[str, Any], covered: int = 0) -> None:
        """Draft the facts of one sentence; `previous` carries its paragraph's last subject and date.

        Numbers before `covered` belong to a not_facts entry (section numbering)."""
        plain = _plain(sentence)
        dates = dates_in(sentence)
        entity_hits = [h for h in scan_words(plain, word_table(self.entity_words)) if _bounded(plain, h)]
        figures = self.year_events(sentence, plain, dates)
        for found in numbers_in(sentence):
            if found.start >= covered and not any(d.start <= found.start < d.end for d in dates):
                figures.append(read_figure(sentence, plain, found))
        figures = attach_changes(sentence, sorted(figures, key=lambda f: f.start), self._has_metric_word)
        numbered = any(n.start >= covered for n in numbers_in(sentence))
        for figure in figures:
            subject = self.subject(figure.begins, entity_hits, previous)
            date = self.date(figure.begins, dates, previous)
            metric = figure.event or self.metric(sentence, plain, figure)
            self.add_figure(paragraph, sentence, figure, subject, metric, date)
        if numbered and not figures:
            self.add_statement(paragraph, sentence, plain, dates, self.subject(len(sentence), entity_hits, previous))
        if entity_hits:
            previous["subject"] = entity_hits[-1][2]
        if dates:
            previous["date"] = dates[-1]

    def year_events(self, sentence: str, plain: str, dates: list[Date]) -> list[Figure]:
        """A bare year next to 成立 or 上市 (成立于2015年) is a figure of its own: the founding year."""
        events = word_table({w: event for event, words in rules()["year_events"].items() for w in words})
        found = []
        for date in (d for d in dates if d.year_only and d.period):
            start, end = clause_bounds(sentence, date.start)
            hits = scan_words(plain[start:end], events)
            if hits:
                nearest = min(hits, key=lambda h: abs(start + h[0] - date.start))
                number = next((n for n in numbers_in(sentence) if n.start == date.start), None)
                if number is None:
                    continue
                figure = Figure(number, date.start, date.end, Decimal(str(date.period)), "年", event=nearest[2])
                figure.hints.append(f"a year next to {sentence[start + nearest[0]: start + nearest[1]]}")
                found.append(figure)
        return found

    def subject(self, position: int, hits: list[tuple[int, int, Any]], previous: dict[str, Any]) -> str:
        before = [h for h in hits if h[1] <= position]
        if before:
            return str(before[-1][2])
        return str(previous.get("subject") or "")

    def date(self, position: int, dates: list[Date], previous: dict[str, Any]) -> Date | None:
        before = [d for d in dates if d.end <= position]
        after = [d for d in dates if d.start >= position]
        return (before[-1] if before else after[0] if after else None) or previous.get("date")

    def metric(self, sentence: str, plain: str, figure: Figure) -> str:
        hits = scan_words(plain, self.metric_words)
        start, end = clause_bounds(sentence, figure.number.start)
        before = self.context(sentence, start, figure.begins)
        for choice in ([h for h in hits if figure.end <= h[0] <= figure.end + 1 and h[1] <= end][:1],
                       [h for h in hits if start <= h[0] and h[1] <= figure.begins][-1:],
                       [h for h in hits if figure.end <= h[0] and h[1] <= end][:1],
                       [h for h in hits if h[1] <= figure.begins and not before][-1:]):
            if choice:
                figure.hints.append(f"metric from {sentence[choice[0][0]: choice[0][1]]}")
                return str(choice[0][2])
        after = self.context(sentence, figure.end, end, last=False)
        counted = figure.unit not in (None, "元", "美元", "港元", "歐元", "%", "年")
        figure.hints.append("no metric word: a new metric named after the words around it")
        return self.new_metric((after or before) if counted else (before or after))

    def context(self, sentence: str, start: int, end: int, *, last: bool = True) -> str:
        """Up to six characters next to a number, without names, dates, digits and filler words."""
        text = sentence[start:end]
        for date in dates_in(text):
            text = text.replace(date.text, " ")
        for name in sorted({text[a:b] for a, b, _ in scan_words(_plain(text), word_table(self.entity_words))},
                           key=len, reverse=True):
            text = text.replace(name, " ")
        pieces = [p for p in re.split(r"[\s\d.%%,,;;::、()()《》「」\"“”/]+", text) if p]
        fillers = sorted(rules()["filler"], key=len, reverse=True)
        for i, piece in enumerate(pieces):
            changed = True
            while changed:
                changed = False
                for word in fillers:
                    if piece.endswith(word) and len(piece) > len(word):
                        piece, changed = piece[: -len(word)], True
                    if piece.startswith(word) and len(piece) > len(word):
                        piece, changed = piece[len(word):], True
            pieces[i] = "" if piece in fillers else piece
        pieces = [p for p in pieces if len(p) >= 2]
        if not pieces:
            return ""
        return pieces[-1][-6:] if last else pieces[0][:6]

    def _has_metric_word(self, text: str) -> bool:
        return bool(scan_words(_plain(text), self.metric_words))

    def add_figure(self, paragraph: int, sentence: str, figure: Figure, subject: str, metric: str,
                   date: Date | None) -> None:
        subject = subject or self.default_subject()
        self.metrics_used[metric] += 1
        data: dict[str, Any] = {"id": self.fact_id(paragraph, metric), "subject": subject, "metric": metric}
        if date is not None and date.period and not figure.event:
            data["period"] = date.period
        if date is not None and not date.year_only and not figure.event:
            data["when"] = date.text
        data["value"] = figure.value
        for key in ("unit", "scale", "approx"):
            if getattr(figure, key):
                data[key] = getattr(figure, key)
        data["written"] = sentence[figure.start: figure.end]
        if figure.change:
            data["change"] = figure.change
        data.update(quote=sentence.strip(), paragraph=paragraph, draft=True)
        self.facts.append(DraftFact(data, figure.hints))

    def add_statement(self, paragraph: int, sentence: str, plain: str, dates: list[Date], subject: str) -> None:
        """A sentence whose numbers are only dates: a statement to write, or to delete."""
        hits = scan_words(plain, self.metric_words)
        if hits:
            metric = str(hits[0][2])
        else:
            end = dates[0].end if dates else 0
            metric = self.new_metric(self.context(sentence, end, len(sentence), last=False))
        text = sentence.strip()
        data: dict[str, Any] = {"id": self.fact_id(paragraph, metric), "subject": subject or self.default_subject(),
                                "metric": metric}
        dated = next((d for d in dates if d.period), None)
        if dated:
            data["period"] = dated.period
        if dates and not dates[0].year_only:
            data["when"] = dates[0].text
        zh = self.traditional(text)
        data.update(statement={"zh-Hant": zh, "en": text}, quote=text, paragraph=paragraph, draft=True)
        self.facts.append(DraftFact(data, ["its numbers are dates only: write the statement (and statement.en) "
                                           "or delete the fact"]))

    def fact_id(self, paragraph: int, metric: str) -> str:
        count = sum(1 for f in self.facts if f.data["paragraph"] == paragraph) + 1
        return f"p{paragraph}-{count}-{metric.replace('_', '-')}"

    def default_subject(self) -> str:
        """The entity mentioned most; a generic `company` concept when the article names none."""
        if self.mentions:
            return self.mentions.most_common(1)[0][0]
        if "company" not in self.concepts:
            self._add_concept("company", "entity", "本公司", "the company", [])
        return "company"

    # -- YAML -----------------------------------------------------------------------------------------


def _vocabulary() -> dict[str, dict[str, Any]]:
    """The bundled intents' concepts: the vocabulary a new pack is read with."""
    concepts: dict[str, dict[str, Any]] = {}
    for path in sorted((bundled_root() / "intents").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("concepts"), dict):
            concepts.update({k: v for k, v in data["concepts"].items() if isinstance(v, dict)})
    return concepts


def _forms(concept: dict[str, Any]) -> list[str]:
    names = concept.get("names")
    named: dict[str, Any] = names if isinstance(names, dict) else {}
    forms = [*(concept.get("aliases") or []), *named.values()]
    return [f for f in forms if isinstance(f, str) and f]


def _plain(text: str) -> str:
    """Simplified script and lower case, same length as `text`."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in simplified(text))


def _bounded(text: str, hit: tuple[int, int, Any]) -> bool:
    """Latin names match whole words only (GE not inside GENERAL)."""
    start, end, _ = hit
    latin = re.compile(r"[a-z]")
    return not (latin.match(text[start]) and start > 0 and latin.match(text[start - 1])) and not (
        latin.match(text[end - 1]) and end < len(text) and latin.match(text[end]))
