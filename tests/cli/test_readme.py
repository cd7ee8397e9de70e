"""The README's `assistant ask` examples are what the CLI prints: documentation that cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = re.compile(r'^\$ assistant ask "([^"]+)"\n(.*?)(?=\n\n|\n```)', re.M | re.S)


def _examples() -> list[tuple[str, str]]:
    if not README.exists():
        return []
    return EXAMPLE.findall(README.read_text(encoding="utf-8"))


def test_readme_has_examples_in_three_scripts() -> None:
    questions = [q for q, _ in _examples()]
    assert any("聯" in q for q in questions) and any("联" in q for q in questions)
    assert any(q.isascii() for q in questions)


@pytest.mark.parametrize(("question", "expected"), _examples())
def test_readme_example_matches_cli(question: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", question]) == 0
    assert capsys.readouterr().out.rstrip("\n") == expected.rstrip("\n")


CONTINUED = re.compile(
    r'^\$ assistant ask "([^"]+)" > /dev/null\n\$ assistant ask -c "([^"]+)"\n(.*?)\n```', re.M | re.S
)


def test_readme_follow_up_example(home: object, capsys: pytest.CaptureFixture[str]) -> None:
    found = CONTINUED.search(README.read_text(encoding="utf-8"))
    assert found is not None, "the README shows `assistant ask -c`"
    first, follow, expected = found.groups()
    assert main(["ask", first]) == 0
    capsys.readouterr()
    assert main(["ask", "-c", follow]) == 0
    assert capsys.readouterr().out.rstrip("\n") == expected
