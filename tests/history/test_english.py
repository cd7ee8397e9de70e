"""Every English question the front ends offer (suggestions, clarify options, examples) reads as English.

The questions come from templates (intents/templates.yaml) filled with each fact's label (facts/*.yaml);
these tests read every one generated for the bundled pack and for tests/packs/mini, check rules a reader
would notice, and compare the whole list with a reviewed copy so that any change is seen in review.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import Assistant

HERE = Path(__file__).resolve().parent
STARTS = ("What was ", "What does the article say about ", "When ", "How ", "Which ", "Who ", "Why ")
WORD_AFTER_WHAT_WAS = re.compile(r"^What was (\S+)")
DETERMINERS = {"the", "a", "an"}


def questions(bot: Assistant) -> list[str]:
    return [bot.renderer.question_for(fact, "en") for fact in bot.pack.facts.values()]


def problems(question: str) -> list[str]:
    """What a reader would stumble on in one generated question."""
    found = []
    if not question.startswith(STARTS):
        found.append("does not start like an English question")
    if not question.endswith("?") or question.count("?") != 1:
        found.append("needs exactly one question mark, at the end")
    match = WORD_AFTER_WHAT_WAS.match(question)
    if match:
        word = match.group(1)
        possessive = re.match(r"^What was ([A-Z][\w&()]*(?: [A-Z(][\w&()]*)*)'s ", question)
        if word not in DETERMINERS and not possessive:
            found.append(f"'What was {word}' needs a determiner or a possessive")
    if re.search(r"'s (the|a|an|why|what|whether|how|when|who|which)\b", question):
        found.append("a possessive followed by a determiner or a question word")
    if re.search(r"\b(\w+) \1\b", question, flags=re.IGNORECASE):
        found.append("a doubled word")
    if re.search(r"\b(is|are|was|were)\?$", question):
        found.append("a question word without inversion (What X is?)")
    if re.search(r"'s [\w ]+'s ", question) and "article" not in question:
        found.append("two possessives in a row")
    if any(ord(c) > 0x2E7F for c in question):
        found.append("Chinese characters in an English question")
    return found


@pytest.mark.parametrize("pack", ["bundled", "mini"])
def test_every_english_question_reads_as_english(pack: str, bot: Assistant, mini_bot_loaded: Assistant) -> None:
    chosen = bot if pack == "bundled" else mini_bot_loaded
    bad = {q: p for q in questions(chosen) if (p := problems(q))}
    assert not bad, "\n".join(f"{q}: {', '.join(p)}" for q, p in bad.items())


@pytest.mark.parametrize("pack", ["bundled", "mini"])
def test_english_questions_match_the_reviewed_list(pack: str, bot: Assistant, mini_bot_loaded: Assistant) -> None:
    """The reviewed list is english_questions_<pack>.txt (`python tests/history/test_english.py` rewrites both)."""
    chosen = bot if pack == "bundled" else mini_bot_loaded
    generated = "\n".join(questions(chosen)) + "\n"
    assert generated == (HERE / f"english_questions_{pack}.txt").read_text(encoding="utf-8")


def test_the_rules_catch_what_they_should() -> None:
    assert problems("What was year United Imaging Intelligence was founded?")
    assert problems("What United Imaging Intelligence is?")
    assert problems("Imaging AI's why AI matters to imaging equipment makers?")
    assert problems("What was United Imaging Healthcare's the company's explanation?")
    assert not problems("What was United Imaging Healthcare's revenue in 2024?")
    assert not problems("What does the article say about why imaging AI matters to equipment makers?")


@pytest.fixture(scope="session")
def mini_bot_loaded(mini_pack: Path) -> Assistant:
    return Assistant.load(mini_pack)


if __name__ == "__main__":  # rewrite the reviewed lists after a label or template change, then review the diff
    for name, root in (("bundled", None), ("mini", HERE.parent / "packs" / "mini")):
        listed = "\n".join(questions(Assistant.load(root))) + "\n"
        (HERE / f"english_questions_{name}.txt").write_text(listed, encoding="utf-8")
