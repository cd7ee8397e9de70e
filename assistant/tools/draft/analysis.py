"""The analysis behind `assistant draft`: one article in, candidate facts, not_facts and concepts out.

For every number it decides the company (named in its clause, or the one 其/該公司 points back to, else the
article's own), the measure (measures.py), the period (dating.py), the line or region (topics.py) and the
change next to it; sentences without figures become statements. Every choice is a guess for a person to
review, driven by draft rules and the glossary (YAML).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from assistant.lang.normalize import detect_language, fold, to_traditional
from assistant.lang.numbers import numbers_in
from assistant.lang.periods import PeriodGrammar
from assistant.pack.paragraphs import split_paragraphs
from assistant.pack.paths import bundled_root
from assistant.tools.draft import parts
from assistant.tools.draft.dated import Dated, period_of
from assistant.tools.draft.dating import Dating, in_passing
from assistant.tools.draft.english import English
from assistant.tools.draft.entries import DraftFact, Entries, statement_topics
from assistant.tools.draft.figure import Figure
from assistant.tools.draft.holdings import with_objects
from assistant.tools.draft.measures import Drafted, Measures, Mention, list_goes_on, metric_table
from assistant.tools.draft.names import Names
from assistant.tools.draft.parts import list_item_named, remainder_word, revenue_ratios, shares_named, shares_of_parts
from assistant.tools.draft.reader import (
    attach_changes,
    clause_bounds,
    join_ranges,
    plain_form,
    read_figure,
    rules,
    scan_words,
    sentences,
    simplified,
    word_table,
)
from assistant.tools.draft.reader import (
    language as language_data,
)
from assistant.tools.draft.respectively import respectively
from assistant.tools.draft.subjects import glosses_as_named, no_subject, subject_of, through_subsidiaries
from assistant.tools.draft.subsidiaries import regions
from assistant.tools.draft.topics import Segments
from assistant.tools.draft.variants import Variants, without_restatements
from assistant.tools.draft.writing import first_future, writing_time


def slugify(name: str) -> str:
    """An id from a file name or a Latin name: lower case, dashes (article when nothing is left)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "article"


class Drafter:
    """Turns one article into draft pack data."""

    def __init__(self, text: str, *, slug: str, outlet: str | None = None, title: str | None = None) -> None:
        self.text, self.slug, self.outlet, self.title = text, slug, outlet, title
        self.byline: str | None = None  # the byline line as printed (writer, editors)
        self.skip: list[str] = []
        self.paragraphs: list[str] = []
        self.not_facts: list[dict[str, Any]] = []
        self.concepts: dict[str, dict[str, Any]] = {}
        self.vocabulary = _vocabulary()
        self.ratios = revenue_ratios(self.vocabulary)
        self.simplified_source = False
        self.entries = Entries(self.concepts, self.traditional)
        self.facts = self.entries.facts
        self.set_aside: list[tuple[DraftFact, str]] = []  # candidates the loader rejected, with its reason
        self.unread: list[tuple[int, str, str]] = []  # (paragraph, sentence, error) the draft could not read
        self.metrics_used = self.entries.metrics_used
        english = English()
        self.measures = Measures(
            metric_table(self.vocabulary), self.vocabulary, self.concepts, english, self.traditional
        )
        whole = frozenset(simplified(w) for w in rules()["whole_words"])
        self.variants = Variants(self.concepts, english, whole, frozenset(self.vocabulary))
        self.figures_drafted: list[tuple[Drafted, DraftFact]] = []  # every figure with the fact it became
        self.current_year: int | None = None
        self.main = ""

    # -- metadata -----------------------------------------------------------------------------------

    def metadata(self) -> None:
        """Outlet line, headline and boilerplate lines become `skip` patterns."""
        r = rules()
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        first = lines[0] if lines else ""
        short = bool(first) and len(first) <= r["outlet_max_chars"] and not re.search(r"[\d。,,;;::!?!?]", first)
        self._byline(lines[: r["byline_lines"]])  # a byline names the outlet; a short first line may be the headline
        if self.outlet is None and short:
            self.outlet = first
        if self.outlet and self.outlet in lines:
            self.skip.append(f"^{re.escape(self.outlet)}$")
        for pattern in r["boilerplate"]:
            matched = [line for line in lines if re.search(pattern, line)]
            if any(not any(re.search(p, line) for p in self.skip) for line in matched):
                self.skip.append(pattern)
        self._title(split_paragraphs(self.text, self.skip))
        self.paragraphs = split_paragraphs(self.text, self.skip)
        self.simplified_source = detect_language("".join(self.paragraphs)) == "zh-Hans"
        self.outlet = self.outlet or "(outlet unknown)"

    def _byline(self, lines: list[str]) -> None:
        """文|澄觀財經 顧以寧: the outlet named in a byline near the top, and the line is no paragraph."""
        for number, line in enumerate(lines):
            match = next((m for p in rules()["bylines"] if (m := re.search(p, line))), None)
            if match is not None:
                self.outlet = self.outlet or match.group("outlet")
                self.byline = line.strip()
                self.skip.append(f"^{re.escape(line)}$")
                above = lines[number - 1] if number and lines[number - 1] != self.outlet else ""
                ends = "[。.]$"  # a headline may ask (…靠换电和出海翻身?) or exclaim, never end a sentence
                if self.title is None and 0 < len(above) <= rules()["title_max_chars"] and not re.search(ends, above):
                    self.title = above  # the line above a byline is the headline, commas and all
                    self.skip.append(f"^{re.escape(above)}$")
                return

    def _title(self, body: list[str]) -> None:
        """The first line, when short and not a sentence, is the headline."""
        r = rules()
        head = body[0] if body else ""
        if (
            self.title is None
            and head
            and len(head) <= r["title_max_chars"]
            and not re.search(f"[{re.escape(r['sentence_ends'])},,]$|[,,]", head)
            and len(body) > 1
        ):
            self.title = head
            self.skip.append(f"^{re.escape(head)}$")

    def traditional(self, text: str) -> str:
        """Names and statements are written in traditional script (zh-Hant); quotes stay as written."""
        return to_traditional(text) if self.simplified_source else text

    # -- the article --------------------------------------------------------------------------------

    def run(self) -> None:
        self.metadata()
        language = language_data()
        words = language["periods"]
        self.range_words: list[str] = language["words"]["range_words"]
        lines = [line.strip() for line in self.text.splitlines()]
        metadata = [
            line
            for line in lines
            if line and line != self.outlet and line != self.title and any(re.search(p, line) for p in self.skip)
        ]
        self.current_year = (writing := writing_time(self.paragraphs, words, metadata)).year
        self.dating = Dating(PeriodGrammar(words, self.current_year), writing, self.paragraphs)
        known = {
            simplified(a).lower(): cid
            for cid, c in self.vocabulary.items()
            if c.get("kind") == "entity"
            for a in _forms(c)
        }
        places = regions(self.vocabulary)
        self.names = Names(self.paragraphs, self.title or "", known, to_traditional, list(self.measures.words), places)
        self.main = self.names.main or self.default_subject()
        self.known = frozenset(i for i, e in self.names.entities.items() if e.known)  # the vocabulary's companies
        self.concepts.update(self.names.concepts(self.vocabulary))
        self.entity_table = word_table(self.names.table())
        self.segments = Segments(
            self.paragraphs,
            self.measures.words,
            self.measures.english,
            to_traditional,  # a line's name is read in simplified form, whatever the script
            self.vocabulary,
            set(self.entity_table),
        )
        self.measures.reserved = set(self.segments.found)  # a new measure never takes a line's id
        platforms = self.segments.platforms(self.entity_table, self.known)  # 抖音 of 抖音渠道: a channel here
        self.names.forget(platforms)
        self.entity_table = word_table(self.names.table())
        numbering = re.compile(rules()["section_numbering"])
        state: dict[str, Any] = {"org": self.main, "date": None, "segment": None, "measures": [], "measured": []}
        state |= {"person": None, "topic": None, "opening": False}  # the officer just named, the paragraph's line
        for number, paragraph in enumerate(self.paragraphs, 1):
            covered = 0
            heading = numbering.match(paragraph)
            if heading:
                text = paragraph if len(paragraph) <= 40 else paragraph[: heading.end() + 8]
                self.not_facts.append({"paragraph": number, "text": text, "reason": "section numbering"})
                covered = len(text)
            state["topic"], state["paragraph"] = None, number
            for offset, sentence in sentences(paragraph):
                if offset + len(sentence) > covered:
                    state["opening"] = offset <= covered
                    try:
                        self.sentence(number, sentence, state, max(0, covered - offset))
                    except Exception as error:  # one unreadable sentence must not lose the whole draft
                        self.unread.append((number, sentence.strip(), f"{type(error).__name__}: {error}"))
            state["segment"], state["measures"], state["measured"], state["person"] = None, [], [], None
            state["org"] = self.main  # a new paragraph speaks of the article's company unless it names another
        self.concepts.update(self.segments.concepts())  # before the measures' short names, which must not take theirs
        self.measures.add_heads()
        self.measures.glossed(self.text)
        self.variants.across([d for d, _ in self.figures_drafted], [f for _, f in self.figures_drafted])

    # -- one sentence -------------------------------------------------------------------------------

    def sentence(self, paragraph: int, sentence: str, state: dict[str, Any], covered: int = 0) -> None:
        """Draft the facts of one sentence; `state` carries the company, date and segment in question."""
        plain = plain_form(sentence)
        dates = self.dating.dates(plain, sentence)
        mentions = [
            (s, e, ident)
            for s, e, ident in scan_words(plain, self.entity_table)
            if _bounded(plain, s, e) and not no_subject(plain, s, e)
        ]
        orgs = glosses_as_named(plain, [m for m in mentions if self.names.entities[m[2]].kind == "org"])
        figures = self._figures(sentence, plain, dates, covered)
        events = {f.start for f in figures if f.event}
        dates = [replace(d, event=True) if d.start in events else d for d in dates]
        drafted = with_objects(plain, self._read(sentence, plain, figures, dates, orgs, state), orgs, state["org"])
        drafted = shares_named(shares_of_parts(plain, drafted, self.measures, self.ratios, orgs), self.ratios)
        drafted = without_restatements(self.variants.tagged(drafted, self.main))
        self.entries.implied([self.entries.figure(paragraph, sentence, one) for one in drafted])
        self.figures_drafted += zip(drafted, self.entries.facts[len(self.entries.facts) - len(drafted) :], strict=True)
        if drafted:
            state["measures"] = list(dict.fromkeys(d.metric for d in drafted if d.metric))
            # 较2023年的18.9%: a value compared with dates no reason given after it
            state["measured"] = [
                d.date for d in drafted if d.date is not None and d.date.dated and not d.date.compared
            ][-1:]
        topics: list[str | None] = list(statement_topics(plain))
        if figures:
            topics = [t for t in topics if t != "plans"]  # a plan with a figure is that figure
        elif not topics:
            topics = [None]
        for topic in topics:
            companies = [m for m in orgs if m[2] not in self.known]  # 营运长曾在亚马逊任职: the article's company's
            subject = through_subsidiaries(plain, companies) if companies else state["org"] or self.main
            if topic and rules()["statement_topics"][topic].get("about_main") and self.main:
                subject = self.main  # 競爭對手方面,霜域物流…: the article's company has the rival
            others = list(dict.fromkeys(i for _, _, i in orgs if i != subject))  # 何知远已进入澄岳视觉董事会: both
            told = dates
            if topic == "reasons" and not figures:  # 毛利率下降4.6个百分点。公司解释称…: why that measure moved
                named = [str(hit[2]) for hit in scan_words(plain, self.measures.words)]  # 对于净利润下滑,…
                others += [m for m in dict.fromkeys([*named, *state["measures"]]) if m not in others]
                told = [d for d in dates if d.dated] or state["measured"]  # …in the period of that figure
            year = self.dating.current_year  # 力爭2026年…: a plan's year dates no statement of the article
            told = [d for d in told if not (year and d.period and d.period.year and d.period.year > year)]
            self.entries.statement(paragraph, sentence, subject, topic, told, others)
        people = [self.names.entities[i] for _, _, i in mentions if self.names.entities[i].kind == "person"]
        if not people and state.get("person") and re.match(rules()["person_pointer"], plain):
            people = [state["person"]]  # 这位2021年从家电行业转投逸骑的职业经理人: the person just named
        for entity in people:
            self.entries.person(paragraph, sentence, entity, self.main)
        state["person"] = people[-1] if people else None
        self._remember(plain, dates, drafted, orgs, state)

    def _figures(self, sentence: str, plain: str, dates: list[Dated], covered: int) -> list[Figure]:
        """The numbers of a sentence that are figures (not its dates), with their changes folded in."""
        figures = self.dating.year_events(sentence, plain, dates)
        code, spec, named = (re.compile(rules()[k]) for k in ("code_name_before", "spec_after", "quoted_name_after"))
        conversion, reckoning = re.compile(rules()["conversion_before"]), re.compile(rules()["reckoning_before"])
        for found in numbers_in(sentence):
            quoted = plain[: found.start].endswith(tuple('“"「『')) and named.search(plain[found.end :])
            alone = sentence[: found.start].endswith(("(", "（")) and re.match(r"[日号號]?[)）]", sentence[found.end :])
            if code.search(sentence[: found.start]) or spec.search(sentence[found.end :]) or quoted or alone:
                continue  # KH-217, “6000亿元俱乐部”: a name; 12英寸: a size; 瀚興海運(2659), (26日): a code, a day
            if conversion.search(sentence[: found.start]) or reckoning.search(plain[: found.start]):
                continue  # (约合新台币1370亿元): the figure before in another currency; 双11, 每赚100元: no figure
            if found.start >= covered and not any(d.start <= found.start < d.end for d in dates):
                figures.append(read_figure(sentence, plain, found))
        figures = join_ranges(plain, sorted(figures, key=lambda f: f.start), self.range_words)
        figures = respectively(plain, figures, self.measures.words, dates)
        return attach_changes(sentence, figures, self.measures.named_in)

    def _read(
        self,
        sentence: str,
        plain: str,
        figures: list[Figure],
        dates: list[Dated],
        orgs: list[Mention],
        state: dict[str, Any],
    ) -> list[Drafted]:
        """What each figure is about; one that names no measure takes the one before it (较上年的6.08亿元)."""
        drafted: list[Drafted] = []
        for figure in figures:
            earlier = (
                None if figure.named_metric else self.measures.parallel(sentence, figure, drafted, orgs, self.segments)
            )
            unnamed = list_goes_on(drafted) or not (earlier or figure.named_metric)  # 其中…,…,票据贴现166.85亿元
            part = self.measures.part_of(sentence, figure, drafted, self.segments, orgs) if unnamed else None
            if part:  # 其中自有9架: a variant of the count before it
                (figure.modifier, earlier), figure.a_part = part, True
            if earlier is not None:
                date = self.dating.following(plain, figure, (earlier.figure, earlier.date), dates, state)
                figure.hints.append("the same measure as the figure before it")
                # 刻蚀设备约40%,沉积设备约30%: the line its own clause names, else the other's
                segment = self.segments.in_clause(plain, figure.begins)
                if segment is None:  # 加盟店…约80平方米；自营店则…,平均面积约120平方米: the line named between the two
                    between = scan_words(plain[earlier.figure.end : figure.begins], self.segments.table)
                    segment = between[-1][2] if between else None
                if segment is None and not list_item_named(plain, figure.begins):
                    segment = earlier.segment  # 其他市场131家 after 马来西亚143家: its own item, no Malaysia
                metric = self.measures.flow(plain, figure, earlier.metric)  # 新开1102家、关闭389家
                if not part and segment == earlier.segment and period_of(date) != period_of(earlier.date):
                    figure.modifier = earlier.figure.modifier  # 汽車毛利率為14.8%,較2023年的9.6%: 2023's 汽車毛利率
                drafted.append(Drafted(figure, earlier.subject, metric, date, segment))
                continue
            subject = subject_of(plain, figure.begins, orgs, state, self.main, self.known)
            date = self.dating.date(plain, figure, dates, state)
            metric = (
                figure.event
                or figure.named_metric
                or self.measures.metric(sentence, plain, figure, self.segments, frozenset(self.entity_table))
            )
            metric = parts.part_of_the_last(plain, metric, self.measures.new_metrics.get("數值"), state["measures"])
            far = not parts.company_wide(plain, figure.begins, metric)  # no line carried to a company's measure
            segment = None if figure.event else self.segments.at(plain, figure.begins, state, subject == self.main, far)
            rest = "" if segment else remainder_word(plain, figure.begins)
            qualifier = self.segments.also_named(plain, figure.begins, segment)  # the road of 衡岳高速…路费收入
            if rest:  # 其余2.23亿元收入来自…等业务: the line named after it, else the rest: never the whole
                segment = self.segments.after_in_clause(plain, figure.end)
                qualifier = None if segment else self.variants.qualifier(rest)
            metric = self.measures.flow(plain, figure, metric)
            drafted.append(Drafted(figure, subject, metric, date, segment, of=figure.share_base, qualifier=qualifier))
        return drafted

    def _remember(
        self, plain: str, dates: list[Dated], drafted: list[Drafted], orgs: list[Mention], state: dict[str, Any]
    ) -> None:
        """The company, date and product line the next sentence speaks of unless it names its own."""
        reason = min((plain.find(w) for w in rules()["reason_openers"] if w in plain), default=len(plain))
        running = [m for m in orgs if m[2] not in self.known and m[0] < reason]  # not Amazon, nor one in a reason
        # 禾沛旗下還有子公司禾沛生技,以及…禾沛數位: the sentence is about 禾沛, not the subsidiaries it lists
        links = "|".join(simplified(w) for w in [*rules()["subsidiary_links"], *rules()["listing_links"]])
        listed = [m for m in running if re.search(rf"(?:{links})[^,，。;；]{{0,12}}$", plain[: m[0]])]
        if running:  # the company its figures are about (设立子公司X,…拥有研发人员46人), else the last not listed
            spoken = [m for m in running if any(d.subject == m[2] for d in drafted)]
            state["org"] = state["named"] = (spoken or [m for m in running if m not in listed] or running)[-1][2]
        future, past = first_future(plain), self.dating.past_reported  # 預計於2026年6月派發 after 2025's results
        explicit = [d for d in dates if d.dated and not d.event and not (d.start > future and past(d))]
        resolved = [
            d.date for d in drafted if d.date is not None and d.date.dated and not (d.date.compared or d.date.event)
        ]
        known = [*explicit, *resolved]
        contrast = tuple(simplified(w) for w in [*rules()["contrast_words"], *rules()["part_words"]])  # 而, 其中…
        leading = [  # a date carried from an earlier sentence has no clause here and is no contrast
            d
            for d in known
            if not any((e.start, e.end) == (d.start, d.end) for e in dates)
            or not (
                plain[clause_bounds(plain, d.start)[0] : d.start].startswith(contrast) or in_passing(plain, d, dates)
            )
        ]
        if known:  # 一季度 read as 2025年一季度 is the period 同期 means next
            state["date"], state["dated_in"] = max(leading or known, key=lambda d: d.start), state.get("paragraph")
        self.segments.remember(plain, state, state.get("opening", False))

    def default_subject(self) -> str:
        """The article's own company; a generic `company` concept when the article names none."""
        if self.main:
            return self.main
        if "company" not in self.concepts:
            self.concepts["company"] = {
                "kind": "entity",
                "names": {"zh-Hant": "本公司", "en": "the company"},
                "aliases": [],
            }
        return "company"


def _vocabulary() -> dict[str, dict[str, Any]]:
    """The bundled intents' concepts: the vocabulary a new pack is read with."""
    concepts: dict[str, dict[str, Any]] = {}
    for path in sorted((bundled_root() / "intents").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("concepts"), dict):
            concepts.update({k: v for k, v in data["concepts"].items() if isinstance(v, dict)})
    return concepts


def _forms(concept: dict[str, Any]) -> list[str]:
    named: dict[str, Any] = concept["names"] if isinstance(concept.get("names"), dict) else {}
    forms = [*(concept.get("aliases") or []), *named.values()]
    return [f for f in forms if isinstance(f, str) and f]


def _bounded(text: str, start: int, end: int) -> bool:
    """Latin names match whole words only (GE not inside GENERAL)."""
    latin = re.compile(r"[a-z]")
    return not (latin.match(text[start]) and start > 0 and latin.match(text[start - 1])) and not (
        latin.match(text[end - 1]) and end < len(text) and latin.match(text[end])
    )


__all__ = ["DraftFact", "Drafter", "fold", "slugify"]
