"""The automaton's alias look-up cuts every question exactly as a slow, obviously correct scan does.

The reference below tries every alias at every position: leftmost-longest from the left and from the
right, Latin aliases only as whole words, the cut with fewer pieces (then the longer alias, then the
backward cut) winning. It is the definition; the automaton is the fast way to the same tokens.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.engine.lexicon import Hit, Lexicon, Target
from assistant.lang.normalize import fold

CASES = Path(__file__).resolve().parents[1] / "cases"
_LATIN = re.compile(r"[a-z0-9]")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_CJK = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORDS = re.compile(r"[a-z][a-z0-9&\-]{2,}")

Token = tuple[int, int, str, str, str]


def _questions() -> list[str]:
    questions = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            questions += [turn["q"] for turn in case["turns"]] if "turns" in case else [case["q"]]
    return questions


QUESTIONS = _questions()


def _whole_word(text: str, start: int, end: int) -> bool:
    if start > 0 and _LATIN.match(text[start]) and _LATIN.match(text[start - 1]):
        return False
    return not (end < len(text) and _LATIN.match(text[end - 1]) and _LATIN.match(text[end]))


def _in_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and bool(_ASCII_ALNUM.match(text[i]) and _ASCII_ALNUM.match(text[i - 1]))


def _occurrences(lexicon: Lexicon, text: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of every alias, found by trying each alias at each position."""
    found = []
    for alias in lexicon.entries:
        if alias not in text:
            continue
        for start in range(len(text)):
            end = start + len(alias)
            if text.startswith(alias, start) and _whole_word(text, start, end):
                found.append((start, end))
    return found


def _forward(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, i = [], 0
    while i < len(text):
        here = [end for start, end in found if start == i]
        if here and not _in_word(text, i):
            spans.append((i, max(here)))
            i = max(here)
        else:
            i += 1
    return spans


def _backward(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, i = [], len(text)
    while i > 0:
        here = [start for start, end in found if end == i]
        if here and not _in_word(text, i):
            spans.insert(0, (min(here), i))
            i = min(here)
        else:
            i -= 1
    return spans


def _quality(text: str, spans: list[tuple[int, int]]) -> tuple[int, int, int]:
    rest = "".join(" " if any(s <= k < e for s, e in spans) else ch for k, ch in enumerate(text))
    pieces = len(spans) + len(_CJK.findall(rest)) + len(_LATIN_WORDS.findall(rest))
    covered = sum(1 for k, ch in enumerate(text) if "\u3400" <= ch <= "\u9fff" and rest[k] == " ")
    return covered, -pieces, max((e - s for s, e in spans), default=0)


def _tokens(lexicon: Lexicon, text: str, spans: list[tuple[int, int]]) -> list[Token]:
    return [(s, e, text[s:e], t.kind, t.id) for s, e in spans for t in lexicon.entries[text[s:e]]]


def reference_exact(lexicon: Lexicon, text: str) -> list[Token]:
    found = _occurrences(lexicon, text)
    forward, backward = _forward(text, found), _backward(text, found)
    best = forward if _quality(text, forward) > _quality(text, backward) else backward
    return _tokens(lexicon, text, best)


def reference_overlapping(lexicon: Lexicon, text: str) -> list[Token]:
    found = _occurrences(lexicon, text)
    longest = []
    for i in range(len(text)):
        here = [end for start, end in found if start == i]
        if here and not _in_word(text, i):
            longest.append((i, max(here)))
    kept = [(s, e) for s, e in longest if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in longest)]
    return _tokens(lexicon, text, kept)


def tokens(hits: list[Hit]) -> list[Token]:
    return [(h.start, h.end, h.surface, h.target.kind, h.target.id) for h in hits]


def test_every_case_question_is_cut_as_the_reference_cuts_it(bot: Assistant) -> None:
    differing = []
    for question in QUESTIONS:
        text = fold(question)
        if tokens(bot.lexicon.exact(text)) != reference_exact(bot.lexicon, text):
            differing.append(("concepts", question))
        if tokens(bot.cue_lexicon.overlapping(text)) != reference_overlapping(bot.cue_lexicon, text):
            differing.append(("cues", question))
    assert len(QUESTIONS) > 500
    assert differing == []


TOY = Lexicon.build(
    [
        (alias, Target("metric", alias))
        for alias in ["总负债", "负债率", "总负债率", "mr", "share", "share of", "shipment share", "of", "年"]
    ]
)


@pytest.mark.parametrize(
    "text", ["总负债率", "总负债率多少", "more mr shares", "shipment share of mr", "mr2024年", "MRmr", "", "年年"]
)
def test_toy_lexicon_agrees_with_the_reference(text: str) -> None:
    assert tokens(TOY.exact(text)) == reference_exact(TOY, text)
    assert tokens(TOY.overlapping(text)) == reference_overlapping(TOY, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["总", "负债", "率", "mr", "more", " ", "share", " of", "shipment", "年", "x", "2"]),
        max_size=10,
    )
)
def test_any_text_of_alias_pieces_agrees_with_the_reference(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert tokens(TOY.exact(text)) == reference_exact(TOY, text)
    assert tokens(TOY.overlapping(text)) == reference_overlapping(TOY, text)


@pytest.mark.parametrize(
    ("text", "cut"),
    [("的药品销售收入多少", ["药品销售", "收入"]), ("藥品銷售收入", ["藥品銷售", "收入"]), ("总负债率", ["负债率"])],
)
def test_the_cut_that_leaves_fewer_chinese_characters_unread_wins(text: str, cut: list[str]) -> None:
    """药品销售|收入 reads the line and the measure; 药品|销售收入 would leave the line unread."""
    lexicon = Lexicon.build(
        [("药品销售", Target("segment", "drug_sales"))]
        + [(a, Target("metric", a)) for a in ["销售收入", "收入", "总负债", "负债率"]]
    )
    assert [t[2] for t in tokens(lexicon.exact(fold(text)))] == [fold(w) for w in cut]


def test_latin_aliases_are_whole_words_only() -> None:
    assert tokens(TOY.exact("more")) == []
    assert [t[2] for t in tokens(TOY.exact("mr more"))] == ["mr"]


def test_a_pickled_lexicon_looks_up_the_same() -> None:
    """The compiled-pack cache pickles the lexicon; the automaton comes back rebuilt from its aliases."""
    copy = pickle.loads(pickle.dumps(TOY))
    assert tokens(copy.exact("shipment share of mr")) == tokens(TOY.exact("shipment share of mr"))
    assert b"ahocorasick" not in pickle.dumps(TOY)


def test_an_empty_lexicon_finds_nothing() -> None:
    empty = Lexicon.build([])
    assert empty.exact("聯影醫療 revenue") == []
    assert pickle.loads(pickle.dumps(empty)).overlapping("x") == []
