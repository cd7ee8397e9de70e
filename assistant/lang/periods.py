"""Periods as a grammar: the years, halves, quarters, months, dates and relative periods people write.

A question names periods in many forms (2023年, 二〇二三年, 23年, FY23, '23, 1H24, Q1 2025, 25Q1,
2025年一季度末, 前三季度, 2024年12月, end-2024, 去年, 去年同期, a year earlier). The words are data
(`periods:` in intents/language.yaml); this module is the grammar that combines them. Every mention is
kept with its span, so the engine can account for each part of a question, and a mention that is
well-formed but impossible (13月, 第五季度, 9999年) carries a problem instead of a period: the question
is then refused as not understood, never answered with a default year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from assistant.lang.period import DAYS, Period, fits
from assistant.lang.periods_en import EnglishHandlers

__all__ = ["Period", "PeriodGrammar", "PeriodMention", "fits"]

_NOT_A_YEAR_AFTER = re.compile(r"\s*(?:[万亿元千百%个家款张台项件倍人名]|\.\d)")  # 2000万元, 2011人
_CN_DIGITS = dict(zip("〇零一二三四五六七八九", (0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))


@dataclass(frozen=True)
class PeriodMention:
    """One period named in a question: its span, what it means and what role it plays.

    role: "asked" (the period the question is about), "base" (what it is compared with: 比2023年),
    "prior" (a year before the period in question: 前一年) or "same_prior" (the same part of the year a
    year earlier: 去年同期). `problem` is set, and `period` None, when the words cannot be a period.
    """

    start: int
    end: int
    text: str
    period: Period | None
    role: str = "asked"
    problem: str | None = None


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _latin(pattern: str) -> str:
    """A pattern that does not start or end inside a Latin word."""
    return rf"(?<![a-z0-9])(?:{pattern})(?![a-z])"


Handler = Callable[[re.Match[str]], tuple[Period | None, str | None]]


class PeriodGrammar(EnglishHandlers):
    """Finds period mentions in folded text; built once per pack from its language words."""

    def __init__(self, words: Mapping[str, Any], current_year: int | None = None) -> None:
        self.words = words
        self.current_year = current_year
        self.ordinals: dict[str, int] = {str(k): int(v) for k, v in words["ordinals"].items()}
        quarterly = {str(k): int(v) for k, v in (words.get("quarter_ordinals") or {}).items()}  # 首季 (首月: no)
        self.quarter_ordinals: dict[str, int] = {**self.ordinals, **quarterly}
        self.months_en: dict[str, int] = {str(k): int(v) for k, v in words["months_en"].items()}
        self.relative: dict[str, int] = {str(k): int(v) for k, v in words["relative_years"].items()}
        self.span_counts: dict[str, int] = {str(k): int(v) for k, v in (words.get("span_counts") or {}).items()}
        self.halves: dict[str, str] = {w: code for code, ws in words["halves"].items() for w in ws}
        self.half_codes: dict[str, str] = dict(words["half_codes"])
        self.earliest, self.latest = int(words["earliest_year"]), int(words["latest_year"])
        self.ended: dict[str, int] = {str(k): int(v) for k, v in (words.get("period_ended") or {}).items()}
        self.ended_en: dict[str, int] = {str(k): int(v) for k, v in (words.get("period_ended_en") or {}).items()}
        self._build()

    # -- patterns ---------------------------------------------------------------------------------

    def _build(self) -> None:
        w = self.words
        ordinal_zh = _alternation(k for k in self.ordinals if not k.isascii())
        quarter_zh_ordinal = _alternation(k for k in self.quarter_ordinals if not k.isascii())
        year_mark = _alternation(w["year_marks"])
        year4 = r"(?<!\d)(?<!\d[.,])(?P<y4>\d{4})(?!\d|[.,]\d)"
        year_zh = r"(?P<yzh>(?:一九|二〇|二零)[〇零一二三四五六七八九]{2})"
        year2 = rf"(?<![\d.])(?P<y2>\d{{2}})(?=\s*(?:{year_mark}))"
        fiscal = rf"(?<![a-z])(?:{_alternation(w['fiscal_prefixes'])})\s*'?(?P<yfy>\d{{4}}|\d{{2}})(?!\d)"
        apostrophe = r"'(?P<yap>\d{2})(?![\d%])"
        relative = rf"(?P<yrel>{_alternation(self.relative)})"
        # 2024/25财年, FY2024/25, 2023-24学年: a year across two, named by the one it ends in
        split = (
            rf"(?<![\d.])(?:(?:{_alternation(w['fiscal_prefixes'])})\s*)?(?P<sy1>(?:19|20)\d\d)\s*[/／\-–]\s*"
            r"(?P<sy2>(?:19|20)\d\d|\d\d)(?![\d%.])"
        )
        year = f"(?:{fiscal}|{year4}|{year_zh}|{year2}|{apostrophe}|{relative})(?:\\s*(?:{year_mark}))?"
        quarter_zh = (
            rf"第?\s*(?P<qzh>{quarter_zh_ordinal}|\d{{1,2}})\s*(?:{_alternation(w['quarter_words'])})"
            rf"(?:{_alternation(w['quarter_end'])})?"
        )
        quarter_code = r"(?<![a-z0-9])q(?P<qc>\d{1,2})(?![\d])"
        half = rf"(?P<half>{_alternation(self.halves)})"
        half_code = rf"(?<![a-z0-9])(?P<hc>{_alternation(self.half_codes)})(?![a-z0-9])"
        nine = rf"(?P<nine>{_alternation(w['nine_months'])})"
        spans = _alternation(w.get("first_months_marks", ["月"]))  # 1至10月, 前十个月: the first months of a year
        counts = _alternation(self.span_counts) or "(?!)"  # 首两个月: a count that is no ordinal
        since_start = _alternation(w.get("first_months_from", ["1至"]))
        nine += rf"|(?:{since_start})\s*(?P<fm>\d{{1,2}}|{ordinal_zh}|{counts})\s*(?:{spans})"
        month = (
            rf"(?P<m>\d{{1,2}}|{ordinal_zh})\s*(?:{_alternation(w['month_marks'])})"
            rf"(?:\s*(?P<d>\d{{1,2}})\s*(?:{_alternation(w['day_marks'])}))?(?:底|末|初)?"
        )
        end = rf"(?P<end>{_alternation(w['year_end'])})"
        part = f"(?:{quarter_zh}|{quarter_code}|{half}|{half_code}|{nine}|{month}|{end})"
        lone_end = rf"(?P<end>{_alternation(e for e in w['year_end'] if len(e) > 1)})"
        lone_part = f"(?:{quarter_zh}|{quarter_code}|{half}|{half_code}|{nine}|{month}|{lone_end})"
        ordinal_en = _alternation(k for k in self.ordinals if k.isascii())
        month_en = _alternation(self.months_en)
        first_en = _alternation(w.get("first_months_en") or ["jan-"])
        lone_month_en = _alternation(m for m in self.months_en if m not in w.get("months_en_not_alone", ()))
        tail_year = r"(?:\s*(?:of|in)?\s*(?:the\s*)?(?:fy|cy)?\s*(?P<ty>'?\d{4}|'\d{2}|\d{2}(?![\d%])))?"
        ended = rf"(?:\s*(?P<ended>{_alternation(self.ended)}))?" if self.ended else ""
        ending = w.get("period_ended_en_words") or ["ended", "ending"]  # the six months ended (to) June 30
        ended_en = (
            rf"(?:(?:the\s+)?(?P<eended>{_alternation(self.ended_en)})\s+(?:{_alternation(ending)})\s+(?:on\s+)?)?"
            if self.ended_en
            else ""
        )
        self.patterns: list[tuple[re.Pattern[str], Handler]] = [
            # 2025年一季度末, 2024年12月5日, 2024H1, 25Q1, FY24, 去年底, 2023年; 截至2024年12月31日止年度
            (re.compile(f"{year}(?:\\s*(?:{part}){ended})?"), self._year_first),
            (re.compile(f"{split}(?:\\s*(?:{year_mark}))?(?:\\s*(?:{part}){ended})?"), self._year_first),
            # 25Q1, 2025Q1, 24H1
            (
                re.compile(r"(?<![\d.])(?P<cy>\d{4}|\d{2})\s*(?:q(?P<cq>\d{1,2})|(?P<ch>h[12]))(?![\da-z])"),
                self._code_first,
            ),
            # Q1 2025, 1Q25, H1'24, 1H 2024
            (
                re.compile(
                    rf"(?<![a-z0-9])(?:q(?P<cq>\d{{1,2}})|(?P<cqn>\d)q|(?P<ch>{_alternation(self.half_codes)}))"
                    rf"\s*(?:(?:of|in)\s+(?:the\s+)?)?(?:fy)?\s*'?(?P<cy>\d{{4}}|\d{{2}})(?![\d%])"
                ),
                self._code_first,
            ),
            # first quarter of 2025, second half of 2024, nine months of 2024
            (
                re.compile(
                    _latin(rf"(?:the\s+)?(?P<eo>{ordinal_en})[\s-]*(?:{_alternation(w['quarter_words_en'])})")
                    + tail_year
                ),
                self._english_quarter,
            ),
            (
                re.compile(
                    _latin(rf"(?:the\s+)?(?P<eh>{_alternation(h for h in self.halves if h.isascii())})") + tail_year
                ),
                self._english_half,
            ),
            (
                re.compile(
                    _latin(rf"(?:the\s+)?(?P<en9>{_alternation(n for n in w['nine_months'] if n.isascii())})")
                    + tail_year
                ),
                self._english_nine,
            ),
            # January through October 2025, Jan-Oct: the first months of a year
            (
                re.compile(_latin(rf"(?:{first_en})\s*(?P<fme>{month_en})") + tail_year),
                self._english_first_months,
            ),
            # December 2024, Dec. 2024, May 30, 2025, 30 May 2025
            (
                re.compile(
                    _latin(
                        rf"{ended_en}(?:(?P<dd>\d{{1,2}})\s+)?(?P<me>{month_en})\.?"
                        rf"(?:\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?)?"
                    )
                    + r",?\s*(?P<my>\d{4})(?!\d)"
                ),
                self._english_month,
            ),
            # end of 2024, year-end 2024
            (
                re.compile(
                    _latin(f"(?:{_alternation(w['year_end_en'])})") + r"\s*(?:of\s*)?(?:fy\s*)?(?P<ey>\d{4})(?!\d)"
                ),
                self._english_year_end,
            ),
            # 2024-12, 2024/12
            (re.compile(r"(?<![\d.])(?P<iy>\d{4})[-/](?P<im>\d{1,2})(?:[-/](?P<id>\d{1,2}))?(?![\d.%])"), self._iso),
            # October; 一季度, 第五季度, 上半年, 12月, 前三季度, Q1, H1: a part of a year that is not named
            (re.compile(_latin(rf"(?P<me>{lone_month_en})") + r"\.?"), self._english_month),
            (re.compile(lone_part), self._part_only),
        ]
        self.prior = re.compile(self._mixed(w["prior_year"]))
        self.same_prior = re.compile(self._mixed(w["same_period_prior"]))
        self.comparison = re.compile(rf"(?:{self._mixed(w['comparison'])})\s*(?:the\s+|in\s+|于\s*)?$")
        self.range_from = re.compile(rf"(?:{self._mixed(w['range_from'])})\s*(?:the\s+)?$")
        self.range_to = re.compile(rf"^\s*(?:{self._mixed(w['range_to'])})\s*")
        self.duration_after = re.compile(rf"^\s*(?:{_alternation(w['duration_after'])})")
        self.duration_before = re.compile(rf"(?:{_alternation(w['duration_before'])})\s*$")
        self.two_digit_future = int(w["two_digit_future"])
        self.relative_pattern = re.compile(self._mixed(self.relative))

    @staticmethod
    def _mixed(words: Iterable[str]) -> str:
        """Chinese words as they are, English words on word boundaries."""
        words = list(words)
        latin = [x for x in words if x.isascii()]
        other = [x for x in words if not x.isascii()]
        parts = [_alternation(other)] if other else []
        if latin:
            parts.append(_latin(_alternation(latin)))
        return "|".join(parts)

    # -- reading numbers --------------------------------------------------------------------------

    def _number(self, text: str | None) -> int | None:
        if text is None:
            return None
        return int(text) if text.isdigit() else self.ordinals.get(text)

    def _two_digit(self, text: str) -> int:
        value = int(text)
        base = self.current_year if self.current_year is not None else 2025
        return 2000 + value if 2000 + value <= base + self.two_digit_future else 1900 + value

    def _year(self, g: dict[str, str | None]) -> tuple[int | None, str | None]:
        """The year of a match and a problem when it cannot be one."""
        if g.get("sy1"):
            year = int(str(g["sy1"])) + 1
        elif g.get("yfy"):
            text = str(g["yfy"])
            year = int(text) if len(text) == 4 else self._two_digit(text)
        elif g.get("y4"):
            year = int(str(g["y4"]))
        elif g.get("yzh"):
            year = int("".join(str(_CN_DIGITS[c]) for c in str(g["yzh"])))
        elif g.get("y2"):
            year = self._two_digit(str(g["y2"]))
        elif g.get("yap"):
            year = self._two_digit(str(g["yap"]))
        elif g.get("yrel"):
            if self.current_year is None:
                return None, "relative_unknown"
            return self.current_year + self.relative[str(g["yrel"])], None
        else:
            return None, None
        if not self.earliest <= year <= self.latest:
            return None, "impossible_year"
        return year, None

    def _part(self, g: dict[str, str | None], year: int | None) -> tuple[Period | None, str | None]:
        """The part of the year a match names (quarter, half, nine months, month, date, year end)."""
        if g.get("qzh") or g.get("qc"):
            text = g.get("qzh") or g.get("qc")
            quarter = int(text) if text and text.isdigit() else self.quarter_ordinals.get(str(text))
            if quarter is None or not 1 <= quarter <= 4:
                return None, "impossible_quarter"
            return Period(year, quarter=quarter), None
        if g.get("half"):
            return Period(year, part=self.halves[str(g["half"])]), None
        if g.get("hc"):
            return Period(year, part=self.half_codes[str(g["hc"])]), None
        if g.get("nine"):
            return Period(year, part="9M"), None
        if g.get("fm"):
            months = self._number(g["fm"]) or self.span_counts.get(str(g["fm"]))
            ok = months is not None and 1 <= months <= 12
            return (Period.first_months(year, months), None) if months and ok else (None, "impossible_month")
        if g.get("m"):
            return self._date(year, self._number(g["m"]), self._number(g.get("d")))
        return Period(year), None

    @staticmethod
    def _date(year: int | None, month: int | None, day: int | None) -> tuple[Period | None, str | None]:
        if month is None or not 1 <= month <= 12:
            return None, "impossible_month"
        if day is not None and not 1 <= day <= DAYS[month]:
            return None, "impossible_day"
        return Period(year, month=month, day=day), None

    # -- handlers ---------------------------------------------------------------------------------

    def _year_first(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        g = match.groupdict()
        year, problem = self._year(g)
        if problem:
            return None, problem
        period, problem = self._part(g, year)
        if g.get("ended") and period is not None:
            return period.ending(self.ended[str(g["ended"])]), None
        return period, problem

    def _code_first(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        g = match.groupdict()
        text = str(g["cy"])
        year = int(text) if len(text) == 4 else self._two_digit(text)
        if not self.earliest <= year <= self.latest:
            return None, "impossible_year"
        if g.get("ch"):
            return Period(year, part=self.half_codes[str(g["ch"])]), None
        quarter = int(str(g.get("cq") or g.get("cqn")))
        return (Period(year, quarter=quarter), None) if 1 <= quarter <= 4 else (None, "impossible_quarter")

    def _iso(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        year = int(match.group("iy"))
        if not self.earliest <= year <= self.latest:
            return None, "impossible_year"
        day = match.group("id")
        return self._date(year, int(match.group("im")), int(day) if day else None)

    def _part_only(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        g = match.groupdict()
        if g.get("end"):
            return Period(None), None  # 年底 alone: the end of the year in question
        return self._part(g, None)

    # -- scanning ---------------------------------------------------------------------------------

    def scan(self, folded: str) -> list[PeriodMention]:
        """Every period mention of a folded question, left to right, without overlaps."""
        found: list[PeriodMention] = []
        for pattern, handler in self.patterns:
            for match in pattern.finditer(folded):
                if match.end() == match.start() or not self._plausible(folded, match):
                    continue
                period, problem = handler(match)
                found.append(PeriodMention(match.start(), match.end(), match.group(), period, problem=problem))
        for pattern, role in ((self.same_prior, "same_prior"), (self.prior, "prior")):
            for match in pattern.finditer(folded):
                found.append(PeriodMention(match.start(), match.end(), match.group(), None, role=role))
        chosen: list[PeriodMention] = []
        for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
            if all(mention.start >= c.end or mention.end <= c.start for c in chosen):
                chosen.append(mention)
        chosen.sort(key=lambda m: m.start)
        return self._roles(folded, chosen)

    def _plausible(self, folded: str, match: re.Match[str]) -> bool:
        """Rules out numbers that only look like years: 2000万元, 23年来 (a span), 1500亿."""
        g = match.groupdict()
        after = folded[match.end() :]
        if g.get("sy1"):
            return self._split_year(match)
        bare_year = g.get("y4") and match.group().strip() == g["y4"]
        if bare_year and (not str(g["y4"]).startswith(("19", "20")) or _NOT_A_YEAR_AFTER.match(after)):
            return False
        if g.get("y2") and (
            self.duration_after.match(folded[match.end() :]) or self.duration_before.search(folded[: match.start()])
        ):
            return False
        if g.get("m") and not g.get("y4") and re.search(r"个\s*$", folded[: match.start() + len(g["m"])]):
            return False  # 3个月: a span of months
        return not (g.get("m") and re.search(r"[个个]$", folded[: match.start()]))

    def _split_year(self, match: re.Match[str]) -> bool:
        """2024/25 is a year across two when its second number is the year after the first, and, when that
        could be a month (2011/12) or a span (2024-2025年), FY or a fiscal mark (财年, 学年) says so."""
        first, second = int(match.group("sy1")), match.group("sy2")
        if int(second) != (first + 1 if len(second) == 4 else (first + 1) % 100):
            return False
        mark = match.group()[match.end("sy2") - match.start() :].strip()
        fiscal = match.start("sy1") > match.start() or mark not in ("", *self.words["plain_year_marks"])
        slash = "/" in match.group() or "／" in match.group()
        return fiscal or (slash and int(second[-2:]) > 12)

    def _roles(self, folded: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
        """Comparison bases (比2023年, than 2023, from 2023 to 2024) are not the period asked."""
        out: list[PeriodMention] = []
        for index, mention in enumerate(mentions):
            before = folded[: mention.start]
            role = mention.role
            if self.comparison.search(before) and not re.search(r"[占佔]\s*比\s*$", before):
                role = "base" if role == "asked" else f"{role}_base"
            elif role == "asked" and index + 1 < len(mentions) and self.range_from.search(before):
                between = folded[mention.end : mentions[index + 1].start]
                if self.range_to.match(between) and len(between.strip()) <= 4:
                    role = "base"
            out.append(replace(mention, role=role))
        return out

    def with_years(self, folded: str) -> str:
        """Relative years (今年, 去年) written as the years they are, for matching a fact's sentence."""
        year = self.current_year
        if year is None:
            return folded
        return self.relative_pattern.sub(lambda m: f"{year + self.relative[m.group()]}年", folded)

    def looks_like_period(self, text: str) -> bool:
        """Whether a piece of a question the grammar could not read still looks like a period."""
        return bool(
            re.search(
                r"\d\s*(?:年|月|日|号|季)|[〇零一二三四五六七八九十]{2,}\s*年|第.{1,3}季|"
                r"(?<![a-z])(?:fy|q|h)\d|\d(?:q|h)(?![a-z])|"
                r"[〇零][〇零一二三四五六七八九]|[一二三四五六七八九][〇零]",  # 二零二四, never 零部件 or 零售
                text,
            )
        )
