"""A fact's numbers must say what its source says: `value`, `scale`, `unit` and `approx` are read back from
`written` (103億元 is 103, 億, 元; 超過42% is 42, %, approximately 超過; 三成 is 30 %), the change's value
from `change.written` (同比下降9.73% is -9.73 %), and `written` must stand in the quote as a whole figure
(not the 3億元 inside 13億元, not a bare 42% where the quote says 超過42%).

Answers show `written` but compute with `value`: a disagreement would make every derived figure wrong
while the cited sentence looks right, so it is a load error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from assistant.lang.normalize import chinese_number, to_simplified
from assistant.lang.numbers import Number, numbers_in
from assistant.pack.figures import SCALES, change_scale, range_upper
from assistant.pack.limits import MAX_FIGURE, MAX_FIGURE_DECIMALS
from assistant.pack.schema import Change, Fact

_RATE_UNITS = ("%", "個百分點", "个百分点")
_CHINESE = re.compile(r"[〇零一二兩两三四五六七八九十百]+(?:[點点][〇零一二三四五六七八九]+)?")


@dataclass(frozen=True)
class Words:
    """The words that qualify a figure: approximation words (超過, 約, 多 …) and words of a rise or a fall."""

    approximations: frozenset[str]
    rises: frozenset[str] = frozenset()
    falls: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()  # 為, 達: between an approximation word and its figure (約為4.2%)
    trailing: frozenset[str] = frozenset()  # 多, 餘, 左右: only after a figure (結餘為68.5億: no 餘 before it)
    ranges: frozenset[str] = frozenset()  # 至, 到, ~: between the two ends of a range (26%至27%)
    counters: tuple[str, ...] = ()  # 人名位: counters of one thing, so 9,860名 is written for a unit of 人

    def same_unit(self, written: str, stated: str) -> bool:
        """The unit as written and as the fact states it (scale and unit): equal, or the same scale with
        counters of one thing (萬名 for 萬人)."""
        a, b = _plain(written), _plain(stated)
        same_counter = any(a[-1:] in group and b[-1:] in group for group in self.counters)
        return a == b or (len(a) == len(b) > 0 and a[:-1] == b[:-1] and same_counter)

    @classmethod
    def of(
        cls,
        approximations: Iterable[str],
        rises: Iterable[str] = (),
        falls: Iterable[str] = (),
        links: Iterable[str] = (),
        trailing: Iterable[str] = (),
        ranges: Iterable[str] = (),
        counters: Iterable[str] = (),
    ) -> Words:
        def plain(words: Iterable[str]) -> frozenset[str]:
            return frozenset(_plain(w) for w in words if w)

        return cls(
            plain(approximations),
            plain(rises),
            plain(falls),
            plain(links),
            plain(trailing),
            plain(ranges),
            tuple(_plain(group) for group in counters),
        )

    def ends_qualified(self, text: str) -> tuple[str, int] | None:
        """The approximation word `text` ends with, alone or before a link (超過, 約為: 約), and how many
        characters the two take; None when it ends with none."""
        plain = _plain(text)
        for word in sorted(self.approximations - self.trailing, key=len, reverse=True):
            for link in ("", *sorted(self.links, key=len, reverse=True)):
                if plain.endswith(word + link):
                    return word, len(word + link)
        return None


def _plain(text: str) -> str:
    """Compared forms: NFKC (％ is %), simplified script (億 is 亿, 約 is 约)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def _same(a: str, b: str) -> bool:
    return _plain(a) == _plain(b)


def _one_number(text: str, label: str) -> tuple[Number | None, str | None]:
    found = numbers_in(text) or _chinese_numbers(text)
    if len(found) != 1:
        many = "no figure" if not found else f"{len(found)} figures"
        return None, f"{label} {text!r} has {many}: it must hold exactly one (103億元, 超過42%, 三成)"
    return found[0], None


def _chinese_numbers(text: str) -> list[Number]:
    """A figure written in Chinese numerals (兩億元, 十二萬人), when the text has no Arabic one."""
    found = []
    for match in _CHINESE.finditer(text):
        value = chinese_number(to_simplified(match.group()))
        if value is not None:
            found.append(Number(match.start(), match.end(), match.group(), Decimal(str(value)).normalize()))
    return found


def _split_approx(before: str, after: str, words: Words) -> tuple[str | None, str, str] | None:
    """(approximation word, text before, text after) with the word taken off the end of `before` or
    the start of `after` (or from right after its scale: 28萬多台); None when both hold one."""
    word = None
    qualifier = words.ends_qualified(before)
    if qualifier:
        word, before = qualifier[0], before[: len(before) - qualifier[1]]
    leading = _leading_approx(after, words)
    if leading is not None:
        if word is not None:
            return None
        word, at = leading
        after = after[:at] + after[at + len(word) :]
    trailing = _trailing_approx(after, words)
    if trailing is not None:
        if word is not None:
            return None
        word, after = trailing, after[: len(after) - len(trailing)]
    return word, before, after


def _trailing_approx(after: str, words: Words) -> str | None:
    """An approximation word of two characters or more after the unit (300家以上, 9900家左右)."""
    plain = _plain(after)
    return next(
        (w for w in sorted(words.approximations, key=len, reverse=True) if len(w) >= 2 and plain.endswith(w)), None
    )


def _leading_approx(after: str, words: Words) -> tuple[str, int] | None:
    """The approximation word `after` starts with, right away or after its scale (28多萬台, 28萬多台),
    and where it stands."""
    scale = max((s for s in SCALES if s and after.startswith(s)), key=len, default="")
    for candidate in sorted(words.approximations, key=len, reverse=True):
        for at in dict.fromkeys((0, len(scale))):
            if _plain(after[at:]).startswith(candidate):
                return candidate, at
    return None


def _sane(value: Decimal, label: str) -> str | None:
    if not value.is_finite():
        return f"{label} {value} is not a number"
    if abs(value) > MAX_FIGURE:
        return f"{label} {value} is larger than {MAX_FIGURE:.0e}: write it in a larger scale (萬, 億)"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_FIGURE_DECIMALS:
        return f"{label} {value} has more than {MAX_FIGURE_DECIMALS} decimals"
    return None


def figure_problems(fact: Fact, words: Words) -> list[str]:
    """What disagrees between a figure's value, scale, unit, approx, change and its written forms."""
    if fact.upto is not None and (fact.value is None or not fact.written):
        return ["upto is the upper end of a range: the fact needs value (its lower end) and written (26%至27%)"]
    if fact.value is None or not fact.written:
        return []
    insane = _sane(fact.value, "value")
    if insane:
        return [insane]
    problems = _figure(fact, words, _listed_after(fact.quote, fact.written, fact.approx))
    if fact.change is not None:
        problems += _change(fact, fact.change, words)
    problems += _in_quote(fact.quote, fact.written, fact.approx, words, "written")
    if fact.change is not None:
        problems += _in_quote(fact.quote, fact.change.written, fact.change.approx, words, "change.written")
    return problems


def _listed_after(quote: str, written: str, approx: str | None) -> bool:
    """Whether `written` is a later item of a list the approximation word opens (不低於6000萬元、6800萬元及
    7500萬元: 6800萬元 is 不低於 too), so the fact may give `approx` that `written` lacks."""
    if not approx:
        return False
    item = r"[\d.,]+[^\d、和及与,;。]{0,4}"
    pattern = re.compile(re.escape(_plain(approx)) + rf"(?:{item}(?:、|和|及|与|以及))+$")
    return any(pattern.search(_plain(quote[:start])) for start in _starts(quote, written))


def _figure(fact: Fact, words: Words, listed: bool = False) -> list[str]:
    assert fact.value is not None and fact.written is not None
    text = unicodedata.normalize("NFKC", fact.written)
    if fact.upto is not None:
        text, problems = _range_end(fact, text, words)
        if problems:
            return problems
    number, error = _one_number(text, "written")
    if number is None:
        return [error or ""]
    split = _split_approx(text[: number.start], text[number.end :], words)
    if split is None:
        return [f"written {fact.written!r} has two approximation words"]
    approx, before, after = split
    problems = []
    if before:
        problems.append(f"written {fact.written!r}: {before!r} before the figure is not an approximation word")
    if number.tenths:
        expected_value, unit_text, stated = number.value, after, "%"
        if fact.scale or fact.unit != "%":
            problems.append(f"written {fact.written!r} is a percentage (成): the fact needs unit '%' and no scale")
    else:
        expected_value, unit_text, stated = number.value, after, (fact.scale or "") + (fact.unit or "")
    if fact.value != expected_value:
        problems.append(f"value {fact.value} does not agree with written {fact.written!r} ({expected_value})")
    if not number.tenths and not words.same_unit(unit_text, stated):
        problems.append(f"scale and unit {stated!r} do not agree with written {fact.written!r} ({unit_text!r})")
    if number.tenths and unit_text:
        problems.append(f"written {fact.written!r}: {unit_text!r} after the figure is not understood")
    if not _same(fact.approx or "", approx or "") and not (listed and not approx):
        problems.append(f"approx {fact.approx!r} does not agree with written {fact.written!r} ({approx!r})")
    return problems


def _range_end(fact: Fact, text: str, words: Words) -> tuple[str, list[str]]:
    """A range's written form (26%至27%, 8000至1萬台) with its upper end read and taken off: the lower end,
    with the scale and unit the two ends share, is then read as any figure's. The upper end is in the lower
    end's scale: 1萬 after 8000 is 10000; 6 in 3至6億元 is 6 億, as 3 is."""
    found = numbers_in(text)
    if len(found) != 2:
        return text, [f"written {fact.written!r} has {len(found)} figures: a range (upto) needs two, as 26%至27%"]
    low, high = found
    between = text[low.end : high.start]
    word = next((w for w in sorted(words.ranges, key=len, reverse=True) if _plain(between).endswith(w)), None)
    if word is None:
        return text, [f"written {fact.written!r}: {between!r} between its figures is no range word (至, 到, ~)"]
    own = between[: len(between) - len(word)]  # 26%至27%: the lower end's own unit
    scales = sorted((k for k in SCALES if k), key=len, reverse=True)
    scale = next((k for k in scales if _plain(text[high.end :]).startswith(_plain(k))), "")
    unit = text[high.end + len(scale) :]
    own_scale = own if own in SCALES else None
    shared, _ = range_upper(low.value, own_scale, high.value, scale)
    lower = own + unit if own_scale else own or (shared or "") + unit  # 3億至6億元, 26%至27%, 3至6億元
    expected = (high.value * SCALES[scale] / SCALES[fact.scale]).normalize()
    problems = (
        []
        if fact.upto == expected
        else [f"upto {fact.upto} does not agree with written {fact.written!r} ({expected:f})"]
    )
    return text[: low.end] + lower, problems


def _change(fact: Fact, change: Change, words: Words) -> list[str]:
    insane = _sane(change.value, "change.value")
    if insane:
        return [insane]
    text = unicodedata.normalize("NFKC", change.written)
    number, error = _one_number(text, "change.written")
    if number is None:
        return [error or ""]
    split = _split_approx(text[: number.start], text[number.end :], words)
    if split is None:
        return [f"change.written {change.written!r} has two approximation words"]
    approx, before, after = split
    problems = []
    if abs(change.value) != abs(number.value):
        problems.append(
            f"change.value {change.value} does not agree with change.written {change.written!r} ({abs(number.value)})"
        )
    if _wrong_sign(change.value, number.value, before, words):
        problems.append(f"change.value {change.value} has the wrong sign for change.written {change.written!r}")
    unit = "%" if number.tenths else after
    stated = change.unit if change.unit in _RATE_UNITS else (change_scale(fact) or "") + change.unit
    if not (words.same_unit(unit, stated) or (number.tenths and change.unit == "%")):  # 減少1,320名 of 人
        problems.append(f"change.unit {stated!r} does not agree with change.written {change.written!r} ({unit!r})")
    if not _same(change.approx or "", approx or ""):
        problems.append(
            f"change.approx {change.approx!r} does not agree with change.written {change.written!r} ({approx!r})"
        )
    return problems


def _wrong_sign(value: Decimal, written: Decimal, before: str, words: Words) -> bool:
    """Whether a change's sign contradicts its words: 下降 with a rise, 增長 with a fall."""
    falls = any(w in _plain(before) for w in words.falls)
    rises = any(w in _plain(before) for w in words.rises)
    falling = written < 0 or (falls and not rises)
    rising = written >= 0 and rises and not falls
    return (falling and value > 0) or (rising and value < 0)


def _in_quote(quote: str, written: str, approx: str | None, words: Words, label: str) -> list[str]:
    """`written` must stand in the quote as a whole figure: no digit glued to it, and no approximation
    word beside it that the fact leaves out."""
    if not written or written not in quote:
        return []  # reported by the loader as "not in the quote"
    start = quote.find(written)
    while start >= 0:
        before, after = quote[:start], quote[start + len(written) :]
        if _whole(before, after, written) and (approx or not _qualified(before, after, words)):
            return []
        start = quote.find(written, start + 1)
    if any(_whole(quote[:s], quote[s + len(written) :], written) for s in _starts(quote, written)):
        return [
            f"{label} {written!r} stands in the quote with an approximation word beside it: the figure is "
            "approximate, so give `approx` and write the word in `written` too"
        ]
    return [f"{label} {written!r} is only part of a larger figure in the quote"]


def _starts(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _whole(before: str, after: str, written: str) -> bool:
    digits = "0123456789０１２３４５６７８９"
    last, previous = before[-1:], before[-2:-1]
    glued_before = (
        written[:1] in digits
        and bool(last)
        and (
            last in digits
            or (last in ".," and previous in digits and bool(previous))
            or (last in "-−+" and not (previous and previous in digits))
        )
    )
    glued_after = written[-1:] in digits and (after[:1] in digits or (after[:1] == "." and after[1:2] in digits))
    return not (glued_before or glued_after)


def _qualified(before: str, after: str, words: Words) -> bool:
    """Whether an approximation word stands right before or right after the figure."""
    tail = _plain(after[:2])
    return words.ends_qualified(before[-5:]) is not None or any(tail.startswith(w) for w in words.approximations)
