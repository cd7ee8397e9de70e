"""Hostile and careless packs: each class of breakage is refused at load and by `check`, with the file and
line of the cause, in bounded time, and never with anything but a PackError (no traceback, no hang, no
file read from outside the pack, no template that reaches into Python objects)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import assistant.pack.loader as loader
from assistant import Assistant
from assistant.errors import PackError
from assistant.pack.paths import bundled_root
from assistant.tools.check import check_pack

Breakage = Callable[[Path], None]
POSIX = pytest.mark.skipif(os.name != "posix", reason="symlinks, pipes and modes as on POSIX")
FACTS = "facts/facts.yaml"
SOURCES = "facts/sources.yaml"
ARTICLE = "facts/sources/starlake-2024.txt"
TEMPLATES = "intents/templates.yaml"
LANGUAGE = "intents/language.yaml"
BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def edit(pack: Path, file: str, old: str, new: str) -> None:
    path = pack / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(pack: Path, file: str, text: str) -> None:
    (pack / file).parent.mkdir(parents=True, exist_ok=True)
    (pack / file).write_text(text, encoding="utf-8")


def own_intents(pack: Path) -> None:
    if not (pack / "intents").is_dir():
        shutil.copytree(bundled_root() / "intents", pack / "intents")


def template(text: str) -> Breakage:
    """The zh-Hant text of the `figure` template replaced."""

    def breakage(pack: Path) -> None:
        own_intents(pack)
        edit(
            pack,
            TEMPLATES,
            '    zh-Hant: "{what}:{figure}{change}。"',
            f"    zh-Hant: {json.dumps(text, ensure_ascii=False)}",
        )

    return breakage


def missing_template(pack: Path) -> None:
    own_intents(pack)
    edit(pack, TEMPLATES, "\n  figure: ", "\n  renamed_figure: ")


def outside(pack: Path) -> Path:
    secret = pack.parent / "outside" / "secret.txt"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("晨光財訊\n機密:帳號 root,密碼 12345。\n", encoding="utf-8")
    return secret


def symlinked_source(pack: Path) -> None:
    (pack / "facts" / "sources" / "link.txt").symlink_to(outside(pack))
    edit(pack, SOURCES, "file: sources/starlake-2024.txt", "file: sources/link.txt")


def symlinked_yaml(pack: Path) -> None:
    secret = outside(pack).with_name("more.yaml")
    secret.write_text("not_facts: []\n", encoding="utf-8")
    (pack / "facts" / "more.yaml").symlink_to(secret)


def pipe_source(pack: Path) -> None:
    os.mkfifo(pack / "facts" / "sources" / "pipe.txt")
    edit(pack, SOURCES, "file: sources/starlake-2024.txt", "file: sources/pipe.txt")


def skip(pattern: str, line: str = "") -> Breakage:
    def breakage(pack: Path) -> None:
        edit(pack, SOURCES, 'skip: ["^晨光財訊$", "^本文僅供參考$"]', f"skip: [{json.dumps(pattern)}]")
        if line:
            edit(pack, ARTICLE, "本文僅供參考", f"本文僅供參考\n{line}")

    return breakage


def language(old: str, new: str) -> Breakage:
    def breakage(pack: Path) -> None:
        own_intents(pack)
        edit(pack, LANGUAGE, old, new)

    return breakage


# (id, breakage, file of the problem, whether it names a line, words of the message)
CASES: list[tuple[str, Breakage, str, bool, list[str]]] = [
    (
        "value-vs-written",
        lambda p: edit(p, FACTS, "value: 48.5\n", "value: 999\n"),
        FACTS,
        True,
        ["value 999", "48.5億元"],
    ),
    (
        "scale-vs-written",
        lambda p: edit(p, FACTS, "scale: 億\n    written: 48.5億元", "scale: 萬\n    written: 48.5億元"),
        FACTS,
        True,
        ["scale and unit", "萬元"],
    ),
    (
        "unit-vs-written",
        lambda p: edit(p, FACTS, "unit: 人\n    approx: 超過", "unit: 個\n    approx: 超過"),
        FACTS,
        True,
        ["scale and unit"],
    ),
    (
        "approx-left-out",
        lambda p: edit(p, FACTS, "    approx: 超過\n    written: 超過2600人", "    written: 超過2600人"),
        FACTS,
        True,
        ["approx None", "超過"],
    ),
    (
        "approx-word-dropped",
        lambda p: edit(p, FACTS, "approx: 約\n    written: 約6億元", "written: 6億元"),
        FACTS,
        True,
        ["approximation word"],
    ),
    (
        "part-of-a-figure",
        lambda p: edit(
            p,
            FACTS,
            "value: 15.2\n    unit: 元\n    scale: 億\n    written: 15.2億元",
            "value: 5.2\n    unit: 元\n    scale: 億\n    written: 5.2億元",
        ),
        FACTS,
        True,
        ["part of a larger figure"],
    ),
    (
        "change-value",
        lambda p: edit(p, FACTS, "change: {value: 12.3,", "change: {value: 21.3,"),
        FACTS,
        True,
        ["change.value 21.3"],
    ),
    (
        "change-sign",
        lambda p: edit(p, FACTS, "change: {value: -8.6,", "change: {value: 8.6,"),
        FACTS,
        True,
        ["wrong sign"],
    ),
    ("tenths", lambda p: edit(p, FACTS, "value: 30\n", "value: 40\n"), FACTS, True, ["value 40", "接近三成"]),
    ("value-1e40", lambda p: edit(p, FACTS, "value: 48.5\n", "value: 1e40\n"), FACTS, True, ["larger than"]),
    ("value-nan", lambda p: edit(p, FACTS, "value: 48.5\n", "value: .nan\n"), FACTS, True, ["value"]),
    (
        "absolute-path",
        lambda p: edit(p, SOURCES, "file: sources/starlake-2024.txt", "file: /etc/passwd"),
        SOURCES,
        True,
        ["absolute path"],
    ),
    (
        "dot-dot",
        lambda p: edit(p, SOURCES, "file: sources/starlake-2024.txt", "file: ../../outside/secret.txt"),
        SOURCES,
        True,
        ["'..'"],
    ),
    (
        "windows-path",
        lambda p: edit(p, SOURCES, "file: sources/starlake-2024.txt", "file: 'C:\\Windows\\win.ini'"),
        SOURCES,
        True,
        ["absolute path"],
    ),
    (
        "duplicate-key",
        lambda p: edit(p, FACTS, "    value: 48.5\n", "    value: 48.5\n    value: 49\n"),
        FACTS,
        True,
        ["duplicate key 'value'", "first at line"],
    ),
    ("alias-bomb", lambda p: write(p, "facts/bomb.yaml", BOMB), "facts/bomb.yaml", True, ["aliases"]),
    (
        "deep-flow",
        lambda p: write(p, "facts/deep.yaml", "a: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        "facts/deep.yaml",
        True,
        ["YAML"],
    ),
    (
        "deep-block",
        lambda p: write(p, "facts/deep.yaml", "".join("  " * i + "a:\n" for i in range(200))),
        "facts/deep.yaml",
        True,
        ["nested more than"],
    ),
    (
        "long-text",
        lambda p: edit(p, FACTS, "label: {zh-Hant: 2024年營業收入,", "label: {zh-Hant: " + "長" * 20_000 + ","),
        FACTS,
        True,
        ["20,000 characters"],
    ),
    (
        "long-number",
        lambda p: edit(p, FACTS, "paragraph: 5\n", "paragraph: " + "9" * 5000 + "\n"),
        FACTS,
        True,
        ["5,000 characters"],
    ),
    (
        "big-file",
        lambda p: write(p, "facts/examples.yaml", "examples:\n" + "  - 星湖儲能2024年營收多少?\n" * 120_000),
        "facts/examples.yaml",
        False,
        ["bytes"],
    ),
    (
        "many-examples",
        lambda p: write(p, "facts/examples.yaml", "examples:\n" + "  - 營收多少?\n" * 500),
        "facts/examples.yaml",
        True,
        ["example questions"],
    ),
    ("skip-backtracks", skip("(x+x+)+y", "x" * 5_000), SOURCES, True, ["ran out of time"]),
    ("skip-not-a-regex", skip("(unclosed"), SOURCES, True, ["not a regular expression"]),
    ("skip-repeat-bomb", skip("((a{1000}){1000}){10}"), SOURCES, True, ["repeats too much"]),
    ("precision-backtracks", language(r"zh: '保留\s*", r"zh: '(a+)+$|保留\s*"), LANGUAGE, True, ["precision.zh"]),
    ("periods-shape", language('ordinals: {"一": 1,', 'ordinals: {"一": "one",'), LANGUAGE, True, ["periods"]),
    ("template-index", template("{what[9999]}"), TEMPLATES, True, ["not a plain field name"]),
    ("template-attribute", template("{what.__class__.__mro__}"), TEMPLATES, True, ["not a plain field name"]),
    ("template-format", template("{what:d}"), TEMPLATES, True, ["format spec"]),
    ("template-huge", template("{what:>1500000000}"), TEMPLATES, True, ["format spec"]),
    ("template-conversion", template("{what!z}"), TEMPLATES, True, ["conversion"]),
    ("template-positional", template("{0}"), TEMPLATES, True, ["not a plain field name"]),
    ("template-unknown-field", template("{secret}"), TEMPLATES, True, ["does not fill"]),
    ("template-braces", template("{what"), TEMPLATES, True, ["braces"]),
    ("template-missing", missing_template, TEMPLATES, True, ["template figure is missing"]),
    (
        "prior-of-minus-100",
        lambda p: (
            edit(p, ARTICLE, "同比增長12.3%", "同比下降100%"),
            edit(
                p,
                FACTS,
                '{value: 12.3, unit: "%", written: 同比增長12.3%}',
                '{value: -100, unit: "%", written: 同比下降100%}',
            ),
            edit(p, FACTS, "48.5億元,同比增長12.3%;", "48.5億元,同比下降100%;"),
        ),
        FACTS,
        True,
        ["cannot derive", "100%"],
    ),
]
POSIX_CASES: list[tuple[str, Breakage, str, bool, list[str]]] = [
    ("symlinked-source", symlinked_source, SOURCES, True, ["leaves the pack"]),
    ("symlinked-yaml", symlinked_yaml, "facts/more.yaml", False, ["leaves the pack"]),
    ("pipe-as-source", pipe_source, "facts/sources/pipe.txt", False, ["not a regular file"]),
]
ALL = CASES + [(n, b, f, line, w) for n, b, f, line, w in POSIX_CASES]
BOUNDED = {"alias-bomb", "deep-flow", "skip-backtracks", "skip-repeat-bomb", "big-file", "long-number"}


def _broken(mini_pack: Path, tmp_path: Path, breakage: Breakage) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(mini_pack, pack, ignore=shutil.ignore_patterns("cases.yaml"))
    breakage(pack)
    return pack


def _check_outcome(pack: Path, file: str, lined: bool, words: list[str]) -> None:
    result = check_pack(pack)
    assert result.failed
    errors = [p for p in result.problems if p.severity == "error" and p.file == file and (p.line > 0) == lined]
    assert any(all(w in p.message for w in words) for p in errors), "\n".join(map(str, result.problems))
    with pytest.raises(PackError) as caught:
        Assistant.load(pack, use_cache=False)
    located = [p for p in caught.value.problems if p.file == file and all(w in p.message for w in words)]
    assert located, str(caught.value)
    assert all(p.file for p in caught.value.problems)
    if lined:
        assert f"{file}:{located[0].line}:" in str(caught.value)


@pytest.mark.parametrize(("name", "breakage", "file", "lined", "words"), CASES, ids=[c[0] for c in CASES])
def test_broken_pack_is_refused_with_file_and_line(
    mini_pack: Path, tmp_path: Path, name: str, breakage: Breakage, file: str, lined: bool, words: list[str]
) -> None:
    _check_outcome(_broken(mini_pack, tmp_path, breakage), file, lined, words)


@POSIX
@pytest.mark.parametrize(("name", "breakage", "file", "lined", "words"), POSIX_CASES, ids=[c[0] for c in POSIX_CASES])
def test_nothing_is_read_from_outside_the_pack(
    mini_pack: Path, tmp_path: Path, name: str, breakage: Breakage, file: str, lined: bool, words: list[str]
) -> None:
    pack = _broken(mini_pack, tmp_path, breakage)
    _check_outcome(pack, file, lined, words)
    problems = check_pack(pack).problems
    assert not any("密碼" in p.message or "12345" in p.message for p in problems), "the outside file was read"


def test_too_many_facts(mini_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FACTS", 5)
    _check_outcome(_broken(mini_pack, tmp_path, lambda p: None), FACTS, True, ["more than 5 facts"])


@pytest.mark.parametrize("name", sorted(BOUNDED))
def test_hostile_pack_takes_bounded_time(mini_pack: Path, tmp_path: Path, name: str) -> None:
    """The classes that hang, crash or blow up time or memory without the limits, in a child process that
    must finish (a hang guard with a generous bound, not a speed measurement: see bench/ for speed)."""
    breakage = next(c[1] for c in CASES if c[0] == name)
    pack = _broken(mini_pack, tmp_path, breakage)
    script = (
        "import sys; from assistant.tools.check import check_pack; from assistant import Assistant\n"
        "from assistant.errors import PackError\n"
        "assert check_pack(sys.argv[1]).failed\n"
        "try:\n    Assistant.load(sys.argv[1], use_cache=False)\nexcept PackError:\n    print('refused')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(pack)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "ASSISTANT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode == 0 and done.stdout.strip() == "refused", done.stderr[-2000:]


def test_a_zero_divisor_is_no_crash(
    mini_pack: Path, tmp_path: Path, valid: Callable[[Assistant, object], None]
) -> None:
    """Revenue stated as 0億元: the pack loads, and every share or margin over it is refused, not raised."""

    def zero(pack: Path) -> None:
        edit(pack, ARTICLE, "營業收入為48.5億元", "營業收入為0億元")
        edit(pack, FACTS, "value: 48.5\n", "value: 0\n")
        edit(pack, FACTS, "written: 48.5億元", "written: 0億元")
        edit(pack, FACTS, "quote: 星湖儲能2024年營業收入為48.5億元", "quote: 星湖儲能2024年營業收入為0億元")

    bot = Assistant.load(_broken(mini_pack, tmp_path, zero), use_cache=False)
    for question in [
        "海外收入占比多少?",
        "星湖儲能2024年凈利率多少?",
        "凈利潤占營收多少?",
        "海外收入是營收的幾倍?",
        "What share of revenue came from overseas?",
        "星湖儲能2023年營收多少?",
    ]:
        answer = bot.ask(question)
        valid(bot, answer)
        assert "÷ 0億元" not in answer.text


BUNDLED_ATTACKS: dict[str, tuple[str, str, str, str]] = {
    "revenue-value": (FACTS, "    value: 103\n", "    value: 999\n", "value 999 does not agree"),
    "etc-passwd": (SOURCES, "file: sources/zidan-uih-2024.txt", "file: /etc/passwd", "absolute path"),
    "template-class": (
        TEMPLATES,
        '"{what}:{figure}{change}。"',
        '"{what.__class__}:{figure}{change}。"',
        "not a plain field name",
    ),
}


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
        env=env,
    )


@pytest.mark.parametrize("attack", list(BUNDLED_ATTACKS))
def test_attacked_bundled_pack_fails_check_and_never_answers(tmp_path: Path, attack: str) -> None:
    file, old, new, message = BUNDLED_ATTACKS[attack]
    pack = tmp_path / "pack"
    shutil.copytree(bundled_root() / "facts", pack / "facts")
    shutil.copytree(bundled_root() / "intents", pack / "intents")
    edit(pack, file, old, new)
    env = {**os.environ, "ASSISTANT_CACHE_DIR": str(tmp_path / "cache"), "ASSISTANT_HOME": str(tmp_path / "home")}
    checked = _cli("check", str(pack), env=env)
    assert checked.returncode == 1
    located = [line for line in checked.stdout.splitlines() if message in line]
    assert located and located[0].startswith(f"{file}:") and located[0].split(":")[1].isdigit(), checked.stdout
    asked = _cli("ask", "--pack", str(pack), "聯影醫療2024年營收多少?", env=env)
    assert asked.returncode == 2 and asked.stdout == ""
    assert message in asked.stderr
    for done in (checked, asked):
        assert "Traceback" not in done.stdout + done.stderr
        assert "root:x:0:0" not in done.stdout + done.stderr


TINY, HUGE = "0.00000001", "999999999999999"
EXTREMES = [
    (TINY, "0", HUGE),
    (HUGE, HUGE, TINY),
    ("0", TINY, HUGE),
    (HUGE, "0", "0"),
    (TINY, HUGE, TINY),
    ("1", TINY, HUGE),
]
COMPUTED = [
    "星湖儲能2024年營收多少?",
    "2023年營收多少?",
    "凈利率多少?",
    "凈利潤占營收多少?",
    "營收是凈利潤的幾倍?",
    "營收比凈利潤多多少?",
    "營收增加了多少億元?",
    "營收和凈利潤合計多少?",
    "What was the net margin in 2024?",
    "2023年營收是多少?保留6位小數",
]


@pytest.mark.parametrize(("revenue", "rate", "profit"), EXTREMES, ids=["-".join(e) for e in EXTREMES])
def test_extreme_figures_are_no_crash(
    mini_pack: Path, tmp_path: Path, valid: Callable[[Assistant, object], None], revenue: str, rate: str, profit: str
) -> None:
    """The largest and smallest figures the loader accepts, and zero, in every computation a question asks."""

    def extreme(pack: Path) -> None:
        edit(
            pack,
            ARTICLE,
            "營業收入為48.5億元,同比增長12.3%;凈利潤為3.2億元",
            f"營業收入為{revenue}億元,同比增長{rate}%;凈利潤為{profit}億元",
        )
        for old, new in [
            ("value: 48.5\n", f"value: {revenue}\n"),
            ("written: 48.5億元", f"written: {revenue}億元"),
            ("營業收入為48.5億元,同比增長12.3%;", f"營業收入為{revenue}億元,同比增長{rate}%;"),
            (
                '{value: 12.3, unit: "%", written: 同比增長12.3%}',
                f'{{value: {rate}, unit: "%", written: 同比增長{rate}%}}',
            ),
            ("value: 3.2\n", f"value: {profit}\n"),
            ("written: 3.2億元", f"written: {profit}億元"),
            ("quote: 凈利潤為3.2億元", f"quote: 凈利潤為{profit}億元"),
        ]:
            edit(pack, FACTS, old, new)

    bot = Assistant.load(_broken(mini_pack, tmp_path, extreme), use_cache=False)
    for question in COMPUTED:
        valid(bot, bot.ask(question))
