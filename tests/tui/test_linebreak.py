"""The line-breaking rule: numbers stay whole and with their units, no closing punctuation starts a line,
no opening punctuation ends one, Latin words are not cut, and nothing is lost or reordered."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from assistant.tui.linebreak import break_allowed, lines_of, rules, wrap

QUOTE = "2024年,聯影醫療凈利潤同比下降36.08%,為12.62億元;營業收入103億元,同比下降9.73%。"
INVEST = "聯影醫療擬以自有資金2848.72萬元增資聯影智能,取得其0.29%的股權。"
FIGURES = ("36.08%", "12.62億元", "103億元", "9.73%", "2848.72萬元", "0.29%", "2024年")
CLOSING = "。,、;:?!」』)"
OPENING = "「『("


def cut_inside(lines: list[str], text: str, piece: str) -> bool:
    """Whether some line ends inside an occurrence of `piece` in `text`."""
    ends = []
    position = 0
    for line in lines:
        position = text.index(line, position) + len(line)
        ends.append(position)
    return any(
        start < end < start + len(piece)
        for start in (m.start() for m in re.finditer(re.escape(piece), text))
        for end in ends
    )


@pytest.mark.parametrize("width", range(10, 60))
def test_figures_are_never_split(width: int) -> None:
    for text in (QUOTE, INVEST):
        lines = lines_of(text, width)
        for figure in FIGURES:
            if cell_len(figure) <= width:
                assert not cut_inside(lines, text, figure), (width, lines, figure)


@pytest.mark.parametrize("width", range(12, 50))
def test_punctuation_rules(width: int) -> None:
    """From 12 columns up (below that a figure and the comma after it may not fit on one line together,
    and then the figure is kept whole)."""
    for text in (QUOTE, INVEST, "「聯影醫療」是(一家)公司。他說:「好!」"):
        lines = lines_of(text, width)
        assert not any(line[0] in CLOSING for line in lines[1:]), lines
        assert not any(line[-1] in OPENING for line in lines[:-1]), lines
        assert all(cell_len(line) <= width for line in lines), lines


def test_an_approximation_word_stays_with_its_number_when_it_can() -> None:
    assert lines_of("the article): 約12.25% (about 12.25%).", 16) == ["the article):", "約12.25% (about", "12.25%)."]
    assert lines_of("份額超過35%的公司", 10) == ["份額", "超過35%的", "公司"]
    assert lines_of("降36.08%,為12.62億元;", 10) == ["降36.08%,", "為", "12.62億元;"]  # apart only when it must be


def test_figures_given_are_kept_whole() -> None:
    assert lines_of("營收約一百億元左右", 8) == ["營收約一", "百億元左", "右"]
    assert lines_of("營收約一百億元左右", 12, keep=["約一百億元"]) == ["營收", "約一百億元左", "右"]


def test_full_width_punctuation_and_digits_too() -> None:
    comma, percent, colon, paren = "\uff0c", "\uff05", "\uff1a", "\uff08"
    text = f"營收103億元{comma}同比下降9.73{percent}{colon}原因見{paren}下文)。"
    for width in range(12, 30):
        lines = lines_of(text, width)
        assert not any(line[0] in f"{comma}{percent}{colon})。" for line in lines[1:]), lines
        assert not any(line[-1] == paren for line in lines[:-1]), lines
        assert not cut_inside(lines, text, f"9.73{percent}") and not cut_inside(lines, text, "103億元")


def test_examples() -> None:
    assert lines_of("同比下降9.73%,為", 10) == ["同比下降", "9.73%,為"]
    assert lines_of("資金2848.72萬元增資", 14) == ["資金", "2848.72萬元增", "資"]
    assert lines_of("United Imaging Healthcare's revenue", 20) == ["United Imaging", "Healthcare's revenue"]
    assert lines_of("a  b", 1) == ["a", "b"]
    assert lines_of("一\n\n二", 10) == ["一", "", "二"]


def test_hanging_indent_leaves_room() -> None:
    assert lines_of("1. 聯影醫療成立年份是多少?", 12, indent=3) == ["1. 聯影醫療", "成立年份", "是多少?"]


def test_a_word_longer_than_the_line_is_cut_where_it_overflows() -> None:
    assert lines_of("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert lines_of("聯", 1) == ["聯"]


def test_units_come_from_the_data() -> None:
    assert rules().number_units.fullmatch("2848.72萬元")
    assert rules().number_units.fullmatch("30個百分點")
    assert not rules().number_units.fullmatch("2024年營")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("聯影醫療營收0123456789.%億萬元年 ,。、「」(Ab")), max_size=80),
    st.integers(min_value=4, max_value=40),
)
def test_nothing_is_lost(text: str, width: int) -> None:
    spans = wrap(text, width)
    kept = "".join(text[s:e] for s, e in spans)
    assert kept.replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert all(s <= e for s, e in spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(cell_len(text[s:e]) <= width for s, e in spans)  # Textual never has to wrap a line again


# Pinned from the rule as it stood before _break_levels was split into steps (joiners, combining marks,
# doubled dashes, spaces, Latin words, numbers with prefixes, kept pieces).
PINNED_LEVELS = [
    ("2024年,聯影醫療凈利潤同比下降36.08%,為12.62億元;", "000000222222222222000000210000000"),
    ("the article): 約12.25% (about 12.25%).", "0000200000000021000000200000020000000"),
    ("「聯影醫療」是(一家)公司。他說:「好!」——……", "0022202202022022020002000"),
    (
        "United Imaging's AI-Rad 3.0 e\u0301t\u00e9 👍🏽 👨\u200d👩 1\ufe0f\u20e3 x",
        "000000020000000002000000200020200220200020002",
    ),
    ("營收約一百億元左右, 超過35%的公司\n第二行 a  b", "0222222220020100222022202002"),
]


@pytest.mark.parametrize(("text", "levels"), PINNED_LEVELS)
def test_break_levels_are_pinned(text: str, levels: str) -> None:
    assert "".join(map(str, break_allowed(text))) == levels


def test_break_levels_with_kept_pieces_are_pinned() -> None:
    assert break_allowed("營收約一百億元左右", ["約一百億元", ""]) == [0, 2, 2, 0, 0, 0, 0, 2, 2]
