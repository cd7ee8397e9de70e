"""When a drafted figure is: the periods a sentence names (read by the period grammar), the one each figure takes
(its clause, its sentence, the paragraph's running date), a year earlier after 去年同期 or 较上年, none for 目前 or a
plan of no later year, and an event's year (成立于2015年). Words are data (rules.yaml, intents/language.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from assistant.lang.numbers import numbers_in
from assistant.lang.periods import Period, PeriodGrammar, PeriodMention
from assistant.tools.draft.dated import Dated, fiscal_year_end, same_part_of, spans_glossed
from assistant.tools.draft.figure import Figure
from assistant.tools.draft.reader import (
    clause_bounds,
    moved_to,
    rules,
    scan_words,
    simplified,
    word_table,
)
from assistant.tools.draft.writing import PROBE as _PROBE
from assistant.tools.draft.writing import Writing, first_future, year_to

PRIOR_ROLES = ("same_prior", "same_prior_base", "prior", "prior_base")
# 较A轮时的18亿元: a value of an earlier moment the article does not date
_EARLIER_HINT = "an earlier value the figure before it is compared with: give its period"


def _unplaced(date: Dated) -> bool:
    """A period named for itself (2024年, 第一季), not a year before another, a base nor a beginning."""
    return date.period is not None and not (date.prior or date.base or date.since)


def _an_act(plain: str, mention: PeriodMention) -> bool:
    """于2023年5月取得注册证: a month, day or quarter in which a one-off act happened dates only its own clause (the
    revenue of the first full year after it is no figure of that month)."""
    period = mention.period
    if period is not None and plain.startswith(tuple(rules()["clause_only_after"]), mention.end):
        return True  # 连同中期息8港仙: the interim dividend's half, not the period of the sentences after it
    if period is None or (period.month is None and period.day is None and not period.sub_year):
        return False  # 去年第二季推出的中型SUV: a quarter an act happened in, too
    _, end = clause_bounds(plain, mention.start)
    return any(simplified(w) in plain[mention.end : end] for w in rules()["one_off_acts"])


class Dating:
    """The periods of one article's figures."""

    def __init__(self, grammar: PeriodGrammar, writing: Writing, paragraphs: Iterable[str] = ()) -> None:
        self.grammar = grammar
        self.writing = writing
        self.current_year = writing.year
        self.year_end = fiscal_year_end(paragraphs)
        self.events = word_table({w: event for event, words in rules()["year_events"].items() for w in words})

    def past_reported(self, date: Dated) -> bool:
        """Whether a date falls after the year the article reports (2026年6月 in an article on 2025's results
        written in 2026; 2025年 is not, in one written in 2025 on its first nine months)."""
        reported = (self.current_year or _PROBE) - (1 if self.writing.after and not self.writing.reached else 0)
        return _year_of(date) > reported

    def later(self, date: Dated | None) -> bool:
        """Whether a date falls in a year after the article was written (a plan's, a payment's): it dates
        only its own clause."""
        return _year_of(date) > (self.current_year or _PROBE)

    def dates(self, plain: str, sentence: str) -> list[Dated]:
        """The periods a sentence names; a comparison base (较2022年的高点) is the period only of a value
        written right after it (较2023年的7.35亿元)."""
        found: list[Dated] = []
        for mention in self.grammar.scan(plain):
            if mention.problem or _in_code(plain[: mention.start]):
                continue
            if mention.role == "same_prior" and sentence[mention.start : mention.end] in rules()["bare_same_period"]:
                year = found[-1] if found and found[-1].end == mention.start else None
                if year is not None and year.period is not None and not year.period.sub_year:
                    found[-1] = replace(year, end=mention.end, text=year.text + "同期", same_part=True)  # 2024年同期
                continue  # 华新水泥同期归母净利润为…: 同期 alone, compared with nothing, is the period just named
            period = mention.period
            if period is not None and period.year and (period.month, period.day) == self.year_end:
                period = Period(period.year)  # 截至2025年8月31日 in a year ending on 31 August: that year
            found.append(
                Dated(
                    mention.start,
                    mention.end,
                    Period(period.year) if period is not None and year_to(plain, period, mention.end) else period,
                    sentence[mention.start : mention.end],
                    prior=mention.role in PRIOR_ROLES,
                    same_part=mention.role.startswith("same_prior"),
                    since=_since(plain, mention.start, mention.end),
                    base=mention.role == "base" or _opens_base(plain, mention.start, mention.end),
                    event=_an_act(plain, mention),
                )
            )
        return spans_glossed(plain, found)

    def _compared(self, plain: str, start: int, figure: Figure) -> tuple[bool, Dated | None]:
        """Whether the figure is a value another is compared with, and its period: the dated base written
        right before it (较2023年的7.35亿元: 2023), or none for an earlier moment the article does not date
        (较A轮时的18亿元)."""
        between = plain[start : figure.begins]
        for date in self.dates(between, between):  # 较第二季平均的2,187点: a quarter of the running year
            dated = date.period is not None and (date.period.year is not None or date.period.sub_year)
            if date.base and dated and between[date.end :] in rules()["base_value_links"]:
                return True, replace(date, base=False, compared=True, start=start + date.start, end=start + date.end)
        return bool(re.search(rules()["earlier_base"], between)), None

    def year_events(self, sentence: str, plain: str, dates: list[Dated]) -> list[Figure]:
        """A year next to 成立 or 上市 (成立于2015年, 2021年7月在港交所挂牌) is a figure of its own: the founding or
        listing year."""
        found = []
        for date in dates:
            period = date.period
            if period is None or period.year is None or not date.text[:4].isdigit():
                continue
            start, end = clause_bounds(sentence, date.start)
            if not plain[start:end].replace(plain[date.start : date.end], "").strip():
                end = clause_bounds(sentence, min(len(sentence) - 1, end + 1))[1]  # 2016年,禾煜乳業登陸上交所
            attributive = rules()["event_attributive"]
            hits = [
                h
                for h in scan_words(plain[start:end], self.events)
                if not (start + h[1] <= date.start and re.match(attributive, plain[start + h[1] :]))
            ]  # 港股上市的逸骑…交出了2025年中期成绩单: 上市的 describes the company; it dates no later year
            number = next((n for n in numbers_in(sentence) if n.start == date.start), None)
            if hits and number is not None:
                nearest = min(hits, key=lambda h: abs(start + h[0] - date.start))
                end = date.start + 4 + (sentence[date.start + 4 : date.start + 5] == "年")
                figure = Figure(number, date.start, end, Decimal(period.year), "年", event=nearest[2])
                figure.hints.append(f"a year next to {sentence[start + nearest[0] : start + nearest[1]]}")
                found.append(figure)
        return found

    def date(self, plain: str, figure: Figure, dates: list[Dated], state: dict[str, Any]) -> Dated | None:
        """The period of a figure: its clause, then its sentence, then the paragraph's last date; none for
        a figure of now (目前) or of a plan; the year of its place in a list given respectively."""
        if figure.listed_date is not None:
            return figure.listed_date
        start, end = clause_bounds(plain, figure.begins)
        compared, base = self._compared(plain, start, figure)
        if compared and base is not None:
            return self._with_year(base, [d for d in dates if d.end <= figure.begins], state)
        if self._now(plain, figure, start, end, dates):
            return None  # 目前: the time of writing, not the last date mentioned
        if plain[figure.end :].startswith(tuple(rules()["threshold_after"])):
            figure.hints.append("a level to reach (营收突破300亿元之前): no period of its own")
            return None
        if compared:
            figure.hints.append(_EARLIER_HINT)
            return None
        bare = rules()["bare_same_period"]  # 同期 alone says no year: it dates no clause after its own
        # 自2023年起: where a stretch begins, no figure's period; 于2013年创立: an event's year, only its clause's
        dates = [
            d
            for d in dates
            if not d.since
            and not d.base
            and not (d.event and not start <= d.start < end)
            and not (d.prior and d.start < start and (_figure_after(plain, d) or d.text in bare))  # 去年同期为…
            and not (d.start < start and _a_part(plain, d))  # 其中一季度 of the clause before: only its own
            and not (d.start < start and in_passing(plain, d, dates))  # 2023年这一数字为170.7亿元;净利润…
        ]
        before = [d for d in dates if d.end <= figure.begins]
        own = [d for d in before if start <= d.start]
        after = [d for d in dates if d.start >= figure.end and d.end <= end]
        # 从上年的128天拉长至156天: the words after the clause's last figure are this one's
        numbers = [m.end() for m in re.finditer(r"\d", plain[start : figure.begins])]
        since_last = start + numbers[-1] if numbers else start
        if numbers and moved_to(plain[since_last : figure.begins]):
            own = [d for d in own if d.dated]  # the level reached is of the running period, not the base's
        chosen = own[-1] if own else before[-1] if before else after[0] if after else state["date"]
        if chosen is None:
            return None
        if first_future(plain) < figure.begins:
            planned = self._with_year(own[-1], before, state) if own else None
            if planned and self.later(planned):
                figure.hints.append("a plan for a later year: dated by the year its own clause names")
                return replace(planned, event=True)  # 计划2026年新开影院15至20家: 2026's plan, dating no other clause
            figure.hints.append("a plan or forecast: no period of its own (the year it names is in the quote)")
            return None
        chosen = self._with_year(chosen, before, state)
        if chosen.same_part and not chosen.prior:
            chosen = same_part_of(chosen, before, state)
        if not own:  # 全年路费收入…,占总收入约81.4%: the whole year the sentence opens with, no date since
            opens = any(plain.lstrip(" ,，").startswith(w) for w in rules()["whole_year_words"])
            since = 0 if opens and not any(d.start < figure.begins for d in dates) else start
            chosen = _whole_year(plain[since : figure.begins], figure, chosen)
        if _moved_from(plain, figure) and chosen.period and chosen.period.month is None and chosen.period.day is None:
            figure.hints.append("the level a measure moved from: the period a year before")
            return self._year_before(chosen, None)  # 佔收益比重由39.1%降至37.8%: 39.1% is the year before's
        if not (own or before or after) and self.later(chosen):
            figure.hints.append("a later year of an earlier sentence (a plan's): no period of its own")
            return None  # …计划2027年…。对手门店数已超过11000家: a figure stated now, not in 2027
        if chosen.prior or any(word in plain[since_last : figure.begins] for word in rules()["prior_words"]):
            # 2024年…,上年为…: a year before this sentence's date; 一季度…上年同期: its quarter a year before
            running = [
                self._with_year(d, before, state) for d in before if d.period and not (d.prior or d.base or d.since)
            ]
            return self._year_before(chosen, running[-1] if running else state["date"])
        return chosen

    @staticmethod
    def _now(plain: str, figure: Figure, start: int, end: int, dates: list[Dated]) -> bool:
        """目前 in the figure's clause, or earlier in its sentence with no date between it and the figure."""
        words = rules()["now_words"]
        if any(word in plain[start:end] for word in words):
            return True
        at = max((plain.rfind(w, 0, figure.begins) for w in words), default=-1)
        return at >= 0 and not any(at < d.start < figure.begins and d.dated for d in dates)

    def _with_year(self, chosen: Dated, before: list[Dated], state: dict[str, Any]) -> Dated:
        """一季度 in an article about 2025: the year of the dates before it, else the article's; a date carried
        from an earlier paragraph (a history of 2021 before 上半年…) gives no year to a part of a year."""
        if chosen.period is None or chosen.period.year is not None:
            return chosen
        year = next((d.period.year for d in reversed(before) if d.period and d.period.year), None)
        carried = state["date"].period if state["date"] and state["date"].period else None
        if chosen.period.sub_year and state.get("dated_in") != state.get("paragraph"):
            carried = None
        if year is None and carried is not None and carried.year is not None:
            year = min(carried.year, self.current_year or carried.year)  # 承诺2025年至2027年…。截至6月13日: not 2027
            later = carried.month is not None and chosen.period.with_year(year).closes < carried.closes
            if later and self.current_year and self.current_year > year:
                year = self.current_year  # 2024年12月…。上半年: a half after December is next year's
        return replace(chosen, period=chosen.period.with_year(year or self._bare_year(chosen.period)))

    def _bare_year(self, period: Period) -> int | None:
        """單計第四季 with no year, in an article written early in 2025 on 2024's results: the quarter of the
        year reported, since the year of writing has not reached it (it reports up to 今年首两个月)."""
        year, reached = self.writing.year, self.writing.reached
        if year is None or not self.writing.after or not period.sub_year:
            return year
        return year - 1 if reached is None or period.with_year(year).closes > reached.closes else year

    @staticmethod
    def _year_before(chosen: Dated, running: Dated | None) -> Dated:
        """去年同期 on its own is the running period a year earlier, 上年 the whole year before it; 较上年的
        after a date, that date's year before. The running period is the sentence's last date before the
        figure, else the one carried from earlier sentences. A year before is never the running period
        (毛利率由上年的35.2%…: the next figure is not of 上年)."""
        base = chosen.period if chosen.period is not None else (running.period if running else None)
        if base is None or base.year is None:
            return chosen
        before = base.with_year(base.year - 1) if chosen.same_part or not chosen.prior else Period(base.year - 1)
        return replace(chosen, period=before, compared=True)

    def following(
        self, plain: str, figure: Figure, other: tuple[Figure, Dated | None], dates: list[Dated], state: dict[str, Any]
    ) -> Dated | None:
        """The period of a figure that follows another of the same measure: its own when it names one; the
        running period when it is the level the other moved to (由上年的24.5%升至25.9%), the year after when
        the other's year is the only one (由2023年的6.84萬元降至6.15萬元); a year before the other's after a
        prior word (上年为, 较上年的, 而去年同期为); else the other's. Only the words after the other count."""
        earlier_figure, earlier = other
        if figure.listed_date is not None:  # 分别为98.6亿元、112.4亿元和121.73亿元 after 2022年至2024年
            return figure.listed_date
        start = max(clause_bounds(plain, figure.begins)[0], earlier_figure.end)
        if moved_to(plain[start : figure.begins]) and not any(
            _unplaced(d) and start <= d.start < figure.begins for d in dates
        ):
            running = [d for d in dates if d.dated and d.end <= figure.begins]
            reached, moved = running[-1] if running else state["date"], earlier.period if earlier else None
            year = moved.year if moved and not moved.sub_year and reached and reached.period == moved else None
            if earlier and earlier.text[:4].isdigit() and moved and year:  # 由2023年的6.84萬元降至6.15萬元: 2024
                return replace(earlier, period=moved.with_year(year + 1), text="", compared=False)
            return reached
        dates = self.dates(plain[start : figure.begins], plain[start : figure.begins])
        # 上半年…為147.1億港元,當中第一季為74.2億港元: a quarter named without its year takes the other's
        own = [self._with_year(d, [earlier] if earlier else [], state) for d in dates if _unplaced(d)]
        own = [d for d in own if d.dated]
        compared, base = self._compared(plain, start, figure)
        if base is not None:
            return base
        if own:
            chosen = replace(own[-1], start=start + own[-1].start, end=start + own[-1].end)
            if chosen.same_part and earlier is not None:  # …,2024年同期则为22.06亿元: the other's part of 2024
                return same_part_of(chosen, [earlier], state)
            return chosen
        if compared:
            figure.hints.append(_EARLIER_HINT)
            return None
        since = re.split(r"\d", plain[earlier_figure.end : figure.begins])[-1]  # …86%;一年前,这个数字是51座
        prior = any(d.prior for d in dates) or any(simplified(w) in since for w in rules()["prior_words"])
        if prior and earlier is not None and earlier.period is not None and earlier.period.year is not None:
            figure.hints.append("a year before the figure it follows")
            before = earlier.period.with_year(earlier.period.year - 1)
            return replace(earlier, period=before, text="", prior=False, compared=True)
        return _whole_year(plain[start : figure.begins], figure, earlier) if earlier is not None else None


def _whole_year(words: str, figure: Figure, date: Dated) -> Dated:
    """上半年…,全年为86.2%: a figure whose own words say the whole year, after a part of it, is the year's."""
    period = date.period
    if not (period and period.year and period.sub_year and any(w in words for w in rules()["whole_year_words"])):
        return date
    figure.hints.append("a whole year's figure after a part of it: the year")
    return replace(date, period=Period(period.year), text=f"{period.year}年")


def _year_of(date: Dated | None) -> int:
    """The year of a date, 0 when it has none."""
    return (date.period.year if date is not None and date.period is not None else None) or 0


def _moved_from(plain: str, figure: Figure) -> bool:
    """由39.1%降至37.8%: a level written with no year of its own that a measure moved from."""
    r = rules()
    return bool(re.search(r["moved_from_before"], plain[: figure.begins])) and bool(
        re.match(r["moved_from_next"], plain[figure.end :])
    )


def _in_code(before: str) -> bool:
    """A year inside a code (GB 17761-2024, ISO 9001-2015): after a number that is no year and a hyphen."""
    found = re.search(r"(\d+)[-‐–]$", before)
    return found is not None and re.fullmatch(r"(?:19|20)\d\d", found.group(1)) is None


def _figure_after(plain: str, date: Dated) -> bool:
    """Whether a number follows the date in its own clause (去年同期为23.1亿元); a date that opens a clause
    of its own (去年同期,公司净利润…) dates the sentence after it."""
    _, end = clause_bounds(plain, date.start)
    return bool(re.search(r"\d", plain[date.end : end]))


def in_passing(plain: str, date: Dated, dates: list[Dated]) -> bool:
    """2024年…,2023年这一数字为170.7亿元: a year before one named earlier, with a figure, dates only its clause."""
    year = (date.period.year if date.period else None) or _PROBE
    later = (d for d in dates if d.end <= date.start and d.period and not d.event)
    return _figure_after(plain, date) and any((d.period.year or 0) > year for d in later if d.period)


def _a_part(plain: str, date: Dated) -> bool:
    """A date that opens a clause with 其中 (上半年营收36.87亿元,其中一季度21.45亿元) is a part of the period
    before it: it dates its own clause, not the clauses after it."""
    start, _ = clause_bounds(plain, date.start)
    return plain[start : date.start].strip().startswith(tuple(rules()["part_words"]))


def _opens_base(plain: str, start: int, end: int) -> bool:
    """由2023年的98天(拉长至112天), 低于2023年的6.35亿元: the period of the value a change starts from or
    one is compared with, written right after it; not the period of the clauses after it."""
    r = rules()
    return plain[:start].endswith(tuple(r["base_openers"])) and bool(re.match(r["base_value_next"], plain[end:]))


def _since(plain: str, start: int, end: int) -> bool:
    """自2023年起, 2018年业绩披露以来: the year a stretch of time begins (the words are draft rules)."""
    r = rules()
    after = re.split(f"[{re.escape(r['clause_ends'])}]", plain[end : end + r["since_gap"] + 2])[0]
    opened = plain[:start].endswith(tuple(r["since_before"]))
    right_after = after.startswith(tuple(r["since_right_after"]))  # 2024年起,商务部…: from 2024 on
    return (
        any(w in after for w in r["since_after"])
        or right_after
        or (opened and after.startswith(tuple(r["since_begins"])))
    )
