"""Generated broken packs: random mutations of the bundled pack's YAML (values replaced by hostile tokens,
lines deleted, repeated, swapped or inserted, files cut short or replaced by bytes). `check_pack` and
`Assistant.load` either succeed (and the assistant answers) or report problems that name their file, and
the line where the file has one; they never raise anything else, and never hang."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.errors import AssistantError, PackError, Problem
from assistant.pack.paths import bundled_root
from assistant.tools.check import check_pack

FILES = sorted(
    str(p.relative_to(bundled_root()))
    for folder in ("facts", "intents")
    for p in (bundled_root() / folder).glob("*.yaml")
)
TOKENS = [
    "999",
    "-1",
    "0",
    "1e40",
    ".nan",
    "-.inf",
    "'{what.__class__}'",
    "'{what:>1500000000}'",
    "/etc/passwd",
    "../../outside/secret.txt",
    "[",
    "]",
    "{",
    "}",
    "&a [*a, *a]",
    "*nope",
    "!!python/object/apply:os.system",
    "null",
    "~",
    "''",
    "9" * 60,
    "'" + "長" * 12_000 + "'",
    "[1, 2]",
    "{a: 1}",
    "yes",
    "2024-01-01",
    "\t",
    "|",
    ">",
    "'(x+x+)+y'",
    "'(a|aa)+$'",
    "'^(a+)+$'",
    "<<: *a",
    "---",
    "...",
    "'%'",
    "'億'",
    "'超過'",
    "-100",
    "1.0e+3",
    "0x1F",
    "'2024Q9'",
    "[*a]",
    "&a x",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
]
LINES = [
    "  - &a [*a]",
    "a: *undefined",
    "\t- x",
    "key: [",
    "<<: *x",
    "  value: 1\n  value: 2",
    "facts: {}",
    "sources: [{id: x, file: /etc/passwd}]",
    "x: " + "[" * 200 + "]" * 200,
    "templates: {figure: 3}",
    "- just a list item",
    "? [complex, key]\n: value",
    "%YAML 1.1",
    "\ufeffbom: true",
    "periods: {ordinals: 3}",
    "precision: {zh: '(a+)+$'}",
    "current_year: 99999",
    "examples: " + "[q, " * 50 + "q" + "]" * 50,
]


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, int, str]:
    kind = draw(st.sampled_from(["value", "delete", "repeat", "swap", "insert", "cut", "bytes"]))
    token = (
        draw(st.sampled_from(TOKENS) | st.text(max_size=30))
        if kind == "value"
        else draw(st.sampled_from(LINES))
        if kind == "insert"
        else ""
    )
    return draw(st.sampled_from(FILES)), kind, draw(st.integers(min_value=0, max_value=10**6)), token


def mutate(path: Path, kind: str, where: int, token: str) -> None:
    data = path.read_bytes()
    if kind == "bytes":
        path.write_bytes(bytes((where * (i + 7)) % 256 for i in range(200)))
        return
    if kind == "cut":
        path.write_bytes(data[: where % max(1, len(data))])
        return
    lines = data.decode("utf-8", errors="surrogateescape").split("\n")
    at = where % len(lines)
    if kind == "value":
        head, colon, _ = lines[at].partition(": ")
        lines[at] = f"{head}{colon or ': '}{token}"
    elif kind == "delete":
        del lines[at]
    elif kind == "repeat":
        lines.insert(at, lines[at])
    elif kind == "swap":
        other = (where // 7) % len(lines)
        lines[at], lines[other] = lines[other], lines[at]
    else:
        lines.insert(at, token)
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape"))


# problems about a whole file, or about something absent from every file (a template no file defines)
FILE_LEVEL = ("not UTF-8", "bytes", "leaves the pack", "not a regular file", "is missing")


def _reported(problems: list[Problem]) -> None:
    """Every problem names its file; one about a YAML file names its line too, unless it is about the
    whole file (not UTF-8, over a size limit) or about something no file has (a missing template)."""
    for problem in problems:
        assert problem.file, problem
        if problem.file.endswith((".yaml", ".yml")) and problem.line == 0:
            assert any(word in problem.message for word in FILE_LEVEL), problem


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="pack-mutations-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(mutations=st.lists(mutation(), min_size=1, max_size=3))
def test_mutated_pack_is_loaded_or_refused_with_locations(
    workdir: Path, mutations: list[tuple[str, str, int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = workdir / "pack"
    shutil.rmtree(pack, ignore_errors=True)
    for folder in ("facts", "intents"):
        shutil.copytree(bundled_root() / folder, pack / folder)
    for file, kind, where, token in mutations:
        mutate(pack / file, kind, where, token)
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(workdir / "cache"))
    result = check_pack(pack)
    _reported(result.problems)
    try:
        bot = Assistant.load(pack)
    except PackError as error:
        assert error.problems
        _reported(error.problems)
        return
    except AssistantError:
        return
    assert bot.ask("聯影醫療2024年營收多少?").status in {"answered", "clarify", "no_answer"}
