"""The analysis behind `assistant draft`: one article in, candidate facts, not_facts and concepts out.

For every number of the body it decides what the figure is about: the company (named in its clause, or
the one 其/該公司 points back to, else the article's own company), the metric (the bundled vocabulary's
words first), the period (its clause, its sentence, its paragraph; 去年同期 a year before), the product
line or region, and the change stated next to it. Sentences without figures become statements. Every
choice is a guess for a person to review, driven by draft rules and the glossary (YAML).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import yaml

from assistant.lang.normalize import detect_language, fold, to_traditional
from assistant.lang.numbers import numbers_in
from assistant.lang.periods import Period, PeriodGrammar
from assistant.pack.paragraphs import split_paragraphs
from assistant.pack.paths import bundled_root
from assistant.tools.draft.english import English
from assistant.tools.draft.names import Names, slug
from assistant.tools.draft.reader import (
    Figure,
    attach_changes,
    clause_bounds,
    read_figure,
    rules,
    scan_words,
    sentences,
    simplified,
    unit_kind,
    word_table,
)
from assistant.tools.draft.topics import Segments, statement_topic


@dataclass
class DraftFact:
    """A candidate fact with the notes shown above it in facts.yaml."""

    data: dict[str, Any]
    hints: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Dated:
    """A period named in a sentence, with its span."""

    start: int
    end: int
    period: Period | None
    text: str
    prior: bool = False  # 去年同期: a year before the period in question


@dataclass(frozen=True)
class Drafted:
    """What one figure of a sentence was read to be about."""

    figure: Figure
    subject: str
    metric: str
    date: Dated | None
    segment: str | None


def slugify(name: str) -> str:
    """An id from a file name or a Latin name: lower case, dashes (article when nothing is left)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "article"


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
        self.metric_words = word_table(
            {a: cid for cid, c in self.vocabulary.items() if c.get("kind") == "metric"
             for a in c.get("aliases", []) if isinstance(a, str) and not a.isascii() and len(a) >= 2}
            | {w: mid for mid, spec in rules()["metrics"].items() for w in spec["words"]}
        )
        self.metrics_used: Counter[str] = Counter()
        self.new_metrics: dict[str, str] = {}
        self.simplified_source = False
        self.english = English()
        self.current_year: int | None = None
        self.main = ""

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
        self.outlet = self.outlet or "(outlet unknown)"

    def traditional(self, text: str) -> str:
        """Names and statements are written in traditional script (zh-Hant); quotes stay as written."""
        return to_traditional(text) if self.simplified_source else text

    # -- the article --------------------------------------------------------------------------------

    def run(self) -> None:
        self.metadata()
        words = _language()["periods"]
        self.current_year = self._current_year(PeriodGrammar(words, None))
        self.grammar = PeriodGrammar(words, self.current_year)
        known = {simplified(a).lower() for c in self.vocabulary.values() if c.get("kind") == "entity"
                 for a in _forms(c)}
        self.names = Names(self.paragraphs, self.title or "", known, to_traditional)
        self.main = self.names.main
        self.concepts.update(self.names.concepts())
        self.entity_table = word_table(self.names.table())
        self.segments = Segments(self.paragraphs, self.metric_words, self.english, self.traditional, self.vocabulary,
                                 set(self.entity_table))
        numbering = re.compile(rules()["section_numbering"])
        state: dict[str, Any] = {"org": self.main, "date": None, "segment": None}
        for number, paragraph in enumerate(self.paragraphs, 1):
            covered = 0
            heading = numbering.match(paragraph)
            if heading:
                text = paragraph if len(paragraph) <= 40 else paragraph[: heading.end() + 8]
                self.not_facts.append({"paragraph": number, "text": text, "reason": "section numbering"})
                covered = len(text)
            for offset, sentence in sentences(paragraph):
                if offset + len(sentence) > covered:
                    self.sentence(number, sentence, state, max(0, covered - offset))
            state["segment"] = None
            state["org"] = self.main  # a new paragraph speaks of the article's company unless it names another
        self.concepts.update(self.segments.concepts())

    def _current_year(self, grammar: PeriodGrammar) -> int | None:
        """The year the article was written: the latest year it reports about (not one it forecasts)."""
        future = rules()["future_words"]
        years = []
        for paragraph in self.paragraphs:
            for _, sentence in sentences(paragraph):
                if any(simplified(w) in simplified(sentence) for w in future):
                    continue
                years += [m.period.year for m in grammar.scan(_plain(sentence))
                          if m.period is not None and m.period.year is not None and m.role == "asked"]
        return max(years) if years else None

    # -- one sentence -------------------------------------------------------------------------------

    def sentence(self, paragraph: int, sentence: str, state: dict[str, Any], covered: int = 0) -> None:
        """Draft the facts of one sentence; `state` carries the company, date and segment in question."""
        plain = _plain(sentence)
        dates = self.dates(plain, sentence)
        mentions = [(s, e, ident) for s, e, ident in scan_words(plain, self.entity_table)
                    if _bounded(plain, s, e) and not _is_source(plain, s, e)]
        orgs = [m for m in mentions if self.names.entities[m[2]].kind == "org"]
        figures = self.year_events(sentence, plain, dates)
        for found in numbers_in(sentence):
            if found.start >= covered and not any(d.start <= found.start < d.end for d in dates):
                figures.append(read_figure(sentence, plain, found))
        figures = attach_changes(sentence, sorted(figures, key=lambda f: f.start), self._has_metric_word)
        drafted: list[Drafted] = []
        for figure in figures:
            earlier = self.parallel(sentence, plain, figure, drafted, orgs)
            if earlier is not None:  # 较上年的6.08亿元, 而去年同期为9186万元: the figure before, another period
                drafted.append(self.follow(plain, figure, earlier))
                continue
            subject = self.subject(plain, figure.begins, orgs, state)
            date = self.date(plain, figure, dates, state)
            metric = figure.event or self.metric(sentence, plain, figure)
            segment = None if figure.event else self.segments.at(plain, figure.begins, state)
            drafted.append(Drafted(figure, subject, metric, date, segment))
        for one in drafted:
            self.add_figure(paragraph, sentence, one.figure, one.subject, one.metric, one.date, one.segment)
        resolved = [d.date for d in drafted if d.date is not None and d.date.period is not None
                    and d.date.period.year is not None and not d.date.prior]
        topic = statement_topic(plain)
        if not figures or (topic and topic != "plans"):
            subject = orgs[0][2] if orgs else state["org"] or self.main
            self.add_statement(paragraph, sentence, subject, topic, dates)
        for s, _, ident in mentions:
            entity = self.names.entities[ident]
            if entity.kind == "person":
                self.add_person(paragraph, sentence, entity, plain[max(0, s - 8): s])
        if orgs:
            state["org"] = orgs[-1][2]
        explicit = [d for d in dates if d.period is not None and d.period.year is not None and not d.prior]
        if explicit or resolved:  # 一季度 read as 2025年一季度 is the period 同期 means next
            state["date"] = max([*explicit, *resolved], key=lambda d: d.start)
        self.segments.remember(plain, state)

    def dates(self, plain: str, sentence: str) -> list[Dated]:
        found = []
        for mention in self.grammar.scan(plain):
            if mention.problem or mention.role == "base":
                continue  # 较2022年的高点: what a figure is compared with, not its period
            text = sentence[mention.start: mention.end]
            found.append(Dated(mention.start, mention.end, mention.period, text,
                               prior=mention.role in ("same_prior", "same_prior_base", "prior", "prior_base")))
        return found

    def year_events(self, sentence: str, plain: str, dates: list[Dated]) -> list[Figure]:
        """A bare year next to 成立 or 上市 (成立于2015年) is a figure of its own: the founding year."""
        events = word_table({w: event for event, words in rules()["year_events"].items() for w in words})
        found = []
        for date in dates:
            period = date.period
            if period is None or period.year is None or period.sub_year or not date.text[:4].isdigit():
                continue
            start, end = clause_bounds(sentence, date.start)
            if not plain[start:end].replace(plain[date.start: date.end], "").strip():
                end = clause_bounds(sentence, min(len(sentence) - 1, end + 1))[1]  # 2016年,禾煜乳業登陸上交所
            hits = scan_words(plain[start:end], events)
            number = next((n for n in numbers_in(sentence) if n.start == date.start), None)
            if hits and number is not None:
                nearest = min(hits, key=lambda h: abs(start + h[0] - date.start))
                end = date.start + 4 + (sentence[date.start + 4: date.start + 5] == "年")
                figure = Figure(number, date.start, end, Decimal(period.year), "年", event=nearest[2])
                figure.hints.append(f"a year next to {sentence[start + nearest[0]: start + nearest[1]]}")
                found.append(figure)
        return found

    def subject(self, plain: str, position: int, orgs: list[tuple[int, int, str]], state: dict[str, Any]) -> str:
        """The company a figure is about: named before it in its clause; 公司 is the article's own company;
        else the company the sentence opens with, else one named after the figure; 其, 該公司, 它 and an
        unnamed subject are the company in question."""
        start, _ = clause_bounds(plain, position)
        own = [ident for s, e, ident in orgs if start <= s and e <= position]
        if own:
            return own[-1]
        head = plain[start:position]
        if any(word in head for word in rules()["own_company_words"]) and not any(
                word in head for word in rules()["pointing_words"]):
            return self.main
        before = [ident for s, e, ident in orgs if e <= position]
        if before:
            return before[0]
        if any(word in plain[:position] for word in rules()["pointing_words"]):
            return str(state["org"] or self.main)
        after = [ident for s, e, ident in orgs if s >= position]
        return after[0] if after else str(state["org"] or self.main)

    def date(self, plain: str, figure: Figure, dates: list[Dated], state: dict[str, Any]) -> Dated | None:
        """The period of a figure: its clause, then its sentence, then the paragraph's last date."""
        start, end = clause_bounds(plain, figure.begins)
        if any(word in plain[start:end] for word in rules()["now_words"]):
            return None  # 目前: the time of writing, not the last date mentioned
        own = [d for d in dates if start <= d.start and d.end <= figure.begins]
        before = [d for d in dates if d.end <= figure.begins]
        after = [d for d in dates if d.start >= figure.end and d.end <= end]
        chosen = own[-1] if own else before[-1] if before else after[0] if after else state["date"]
        if chosen is None:
            return None
        if any(simplified(w) in plain[: figure.begins] for w in rules()["future_words"]):
            figure.hints.append("a plan or forecast: no period of its own (the year it names is in the quote)")
            return None
        if chosen.period is not None and chosen.period.year is None:
            year = next((d.period.year for d in reversed(before) if d.period and d.period.year), None)
            year = year or (state["date"].period.year if state["date"] and state["date"].period else None)
            chosen = replace(chosen, period=chosen.period.with_year(year or self.current_year))
        if chosen.prior or any(word in plain[start: figure.begins] for word in rules()["prior_words"]):
            base = chosen.period if chosen.period is not None else (state["date"].period if state["date"] else None)
            if base is not None and base.year is not None:
                chosen = replace(chosen, period=base.with_year(base.year - (0 if chosen.prior and
                                                                         chosen.period is None else 1)))
        return chosen

    def metric(self, sentence: str, plain: str, figure: Figure) -> str:
        hits = [h for h in scan_words(plain, self.metric_words) if self.fits(h[2], figure)]
        start, end = clause_bounds(sentence, figure.number.start)
        own_words = self.segments.words_before(sentence, start, figure.begins)
        for choice in ([h for h in hits if figure.end <= h[0] <= figure.end + 1 and h[1] <= end][:1],
                       [h for h in hits if start <= h[0] and h[1] <= figure.begins][-1:],
                       [h for h in hits if figure.end <= h[0] and h[1] <= end][:1],
                       [h for h in hits if h[1] <= figure.begins][-1:] if not own_words else []):
            if choice:
                figure.hints.append(f"metric from {sentence[choice[0][0]: choice[0][1]]}")
                return self.share_of(str(choice[0][2]), figure)
        words = own_words or "數值"
        figure.hints.append("no metric word: a new metric named after the words before it")
        return self.new_metric(words)

    def fits(self, metric: str, figure: Figure) -> bool:
        """A metric word names a figure of its kind: 股权 a percentage, 营收 an amount (or its share)."""
        r = rules()
        wanted = r["metric_units"].get(metric)
        kind = unit_kind(figure.unit)
        return wanted is None or wanted == kind or (kind == "%" and wanted == "money" and metric in r["share_of"])

    def share_of(self, metric: str, figure: Figure) -> str:
        """A percentage of an amount (贡献了海外收入的约62%) is its share."""
        shares = rules()["share_of"]
        if unit_kind(figure.unit) == "%" and rules()["metric_units"].get(metric) == "money" and metric in shares:
            figure.hints.append(f"a percentage of {metric}: its share")
            return str(shares[metric])
        return metric

    def parallel(self, sentence: str, plain: str, figure: Figure, drafted: list[Drafted],
                 orgs: list[tuple[int, int, str]]) -> Drafted | None:
        """The figure before this one in its sentence, when this one names no metric of its own and is of
        the same unit: a prior value (较上年的6.08亿元) or the other end of a range (从0.8元降至0.4元)."""
        start, end = clause_bounds(sentence, figure.number.start)
        kind = unit_kind(figure.unit)
        same = [d for d in drafted if d.figure.event is None and kind is not None and unit_kind(d.figure.unit) == kind]
        if figure.event or not same or self._has_metric_word(sentence[same[-1].figure.end: figure.begins]) or \
                self._has_metric_word(sentence[figure.end: min(end, figure.end + 2)]):
            return None
        named = [ident for s, e, ident in orgs if start <= s and e <= figure.begins]
        if same and named and named[-1] != same[-1].subject:
            return None  # another company's figure of its own
        return same[-1] if same else None

    def follow(self, plain: str, figure: Figure, earlier: Drafted) -> Drafted:
        """Another figure of the same measure: a year before when a prior word stands before it, else of
        its own period when it names one."""
        start, _ = clause_bounds(plain, figure.begins)
        date = earlier.date
        dates = self.dates(plain[start: figure.begins], plain[start: figure.begins])
        own = [d for d in dates if d.period is not None and d.period.year is not None and not d.prior]
        prior = any(d.prior for d in dates) or any(simplified(w) in plain[start: figure.begins]
                                                     for w in rules()["prior_words"])
        if own:
            date = replace(own[-1], start=start + own[-1].start, end=start + own[-1].end)
        elif prior and date is not None and date.period is not None and date.period.year is not None:
            date = replace(date, period=date.period.with_year(date.period.year - 1), text="", prior=False)
            figure.hints.append("a year before the figure it follows")
        figure.hints.append("the same measure as the figure before it")
        return Drafted(figure, earlier.subject, earlier.metric, date, earlier.segment)

    def _has_metric_word(self, text: str) -> bool:
        return bool(scan_words(_plain(text), self.metric_words))

    def new_metric(self, words: str) -> str:
        """A metric the vocabulary lacks, named after the article's own words, with a readable id."""
        zh = self.traditional(words)
        if zh in self.new_metrics:
            return self.new_metrics[zh]
        english, _complete = self.english.phrase(words)
        ident = slug(english) if english.isascii() else f"metric_{len(self.new_metrics) + 1}"
        while ident in self.concepts or ident in self.vocabulary:
            ident += "_2"
        self.concepts[ident] = {"kind": "metric", "names": {"zh-Hant": zh, "zh-Hans": simplified(words),
                                                            "en": english}, "aliases": [words, zh, english]}
        self.new_metrics[zh] = ident
        return ident

    # -- facts --------------------------------------------------------------------------------------

    def add_figure(self, paragraph: int, sentence: str, figure: Figure, subject: str, metric: str,
                   date: Dated | None, segment: str | None) -> None:
        self.metrics_used[metric] += 1
        data: dict[str, Any] = {"id": self.fact_id(paragraph, metric), "subject": subject, "metric": metric}
        if date is not None and date.period is not None and date.period.year is not None and not figure.event:
            data["period"] = date.period.canonical()
            if date.period.sub_year or not date.text[:4].isdigit():
                data["when"] = date.text
        if segment:
            data["segment"] = [segment]
        data["value"] = figure.value
        for key in ("unit", "scale", "approx"):
            if getattr(figure, key):
                data[key] = getattr(figure, key)
        data["written"] = sentence[figure.start: figure.end]
        if figure.change:
            data["change"] = figure.change
        data.update(quote=sentence.strip(), paragraph=paragraph, draft=True)
        self.facts.append(DraftFact(data, figure.hints))

    def add_statement(self, paragraph: int, sentence: str, subject: str, topic: str | None,
                      dates: list[Dated]) -> None:
        """A sentence worth asking about that states no figure: who led, why, what a rule says ..."""
        metric = self.topic_concept(topic)
        text = sentence.strip()
        data: dict[str, Any] = {"id": self.fact_id(paragraph, metric), "subject": subject, "metric": metric}
        dated = next((d for d in dates if d.period is not None and d.period.year is not None), None)
        if dated is not None and dated.period is not None:
            data["period"] = dated.period.canonical()
            data["when"] = dated.text
        data.update(statement={"zh-Hant": self.traditional(text), "en": text}, quote=text, paragraph=paragraph,
                    draft=True)
        self.facts.append(DraftFact(data, [f"a statement ({topic or 'no particular topic'}): check the subject; "
                                           "write statement.en in English"]))

    def add_person(self, paragraph: int, sentence: str, person: Any, before: str) -> None:
        """董事長陸承澤: the person holds that title at the company named before it, else the article's."""
        titles = {simplified(k): v for k, v in rules()["title_metrics"].items()}
        metric = titles.get(simplified(person.title)) or self.topic_concept("views")
        subject = person.employer or self.main
        text = sentence.strip()
        data = {"id": self.fact_id(paragraph, metric), "subject": subject, "metric": metric, "tags": [person.id],
                "statement": {"zh-Hant": self.traditional(text), "en": text}, "quote": text,
                "paragraph": paragraph, "draft": True}
        self.facts.append(DraftFact(data, [f"{person.title}{person.name} ({person.english}): check the company"]))

    def topic_concept(self, topic: str | None) -> str:
        spec = rules()["statement_topics"].get(topic or "") if topic else None
        if spec is None:
            generic = rules()["generic_topic"]
            ident, names, aliases = str(generic["id"]), generic["names"], []
        else:
            ident, names, aliases = str(topic), spec["names"], list(spec["aliases"])
        if ident not in self.concepts:
            self.concepts[ident] = {"kind": "metric", "names": dict(names), "aliases": aliases}
        return ident

    def fact_id(self, paragraph: int, metric: str) -> str:
        count = sum(1 for f in self.facts if f.data["paragraph"] == paragraph) + 1
        return f"p{paragraph}-{count}-{metric.replace('_', '-')}"

    def default_subject(self) -> str:
        """The article's own company; a generic `company` concept when the article names none."""
        if self.main:
            return self.main
        if "company" not in self.concepts:
            self.concepts["company"] = {"kind": "entity", "names": {"zh-Hant": "本公司", "en": "the company"},
                                        "aliases": []}
        return "company"


def _vocabulary() -> dict[str, dict[str, Any]]:
    """The bundled intents' concepts: the vocabulary a new pack is read with."""
    concepts: dict[str, dict[str, Any]] = {}
    for path in sorted((bundled_root() / "intents").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("concepts"), dict):
            concepts.update({k: v for k, v in data["concepts"].items() if isinstance(v, dict)})
    return concepts


def _language() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((bundled_root() / "intents" / "language.yaml").read_text(encoding="utf-8"))
    return loaded


def _forms(concept: dict[str, Any]) -> list[str]:
    names = concept.get("names")
    named: dict[str, Any] = names if isinstance(names, dict) else {}
    forms = [*(concept.get("aliases") or []), *named.values()]
    return [f for f in forms if isinstance(f, str) and f]


def _plain(text: str) -> str:
    """Simplified script and lower case, same length as `text`."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in simplified(text))


def _bounded(text: str, start: int, end: int) -> bool:
    """Latin names match whole words only (GE not inside GENERAL)."""
    latin = re.compile(r"[a-z]")
    return not (latin.match(text[start]) and start > 0 and latin.match(text[start - 1])) and not (
        latin.match(text[end - 1]) and end < len(text) and latin.match(text[end]))


def _is_source(plain: str, start: int, end: int) -> bool:
    """据智研研究院统计, 企查查显示: a name that only tells where something comes from."""
    r = rules()
    return any(plain[:start].endswith(w) for w in r["source_before"]) or any(
        plain.startswith(w, end) for w in r["source_after"])


__all__ = ["DraftFact", "Drafter", "fold", "slugify"]
