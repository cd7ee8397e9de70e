"""A broken pack fails at load with a PackError that names the file and the entry, and the CLI says so
in one clear message on stderr, exit code 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import AssistantError, PackError

CopyPack = Callable[[Path], Path]


def _edit(pack: Path, name: str, old: str, new: str) -> None:
    path = pack / "facts" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the mini pack changed: {old!r} is no longer in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (id, file, old text, new text, what the message must name)
BREAKAGES = [
    (
        "bad-yaml",
        "facts.yaml",
        "  - id: starlake-net-profit-2024\n",
        "  - id: [starlake-net-profit-2024\n",
        ["facts/facts.yaml", "YAML"],
    ),
    ("tab-indent", "facts.yaml", "    metric: net_profit\n", "\tmetric: net_profit\n", ["facts/facts.yaml"]),
    (
        "wrong-type-paragraph",
        "facts.yaml",
        "    quote: 凈利潤為3.2億元,同比下降8.6%。\n    paragraph: 1",
        "    quote: 凈利潤為3.2億元,同比下降8.6%。\n    paragraph: first",
        ["facts/facts.yaml", "starlake-net-profit-2024", "paragraph"],
    ),
    (
        "wrong-type-value",
        "facts.yaml",
        "    value: 48.5\n",
        "    value: lots\n",
        ["facts/facts.yaml", "starlake-revenue-2024", "value"],
    ),
    (
        "wrong-type-list",
        "facts.yaml",
        "    segment: [overseas]\n",
        "    segment: {a: 1}\n",
        ["facts/facts.yaml", "starlake-overseas-revenue-2024", "segment"],
    ),
    (
        "unknown-key",
        "facts.yaml",
        "    value: 3.2\n",
        "    vlaue: 3.2\n",
        ["facts/facts.yaml", "starlake-net-profit-2024"],
    ),
    (
        "missing-source-file",
        "sources.yaml",
        "file: sources/starlake-2024.txt",
        "file: sources/missing.txt",
        ["facts/sources.yaml", "starlake-2024", "not found"],
    ),
    (
        "quote-not-in-source",
        "facts.yaml",
        "    quote: 星湖儲能2024年營業收入為48.5億元,同比增長12.3%;",
        "    quote: 星湖儲能2024年營業收入為48.6億元,同比增長12.3%;",
        ["facts/facts.yaml", "starlake-revenue-2024", "quote"],
    ),
    (
        "paragraph-out-of-range",
        "facts.yaml",
        "    quote: 2025年3月,公司宣布投資不足5億元建設第二座電池工廠。\n    paragraph: 5",
        "    quote: 2025年3月,公司宣布投資不足5億元建設第二座電池工廠。\n    paragraph: 99",
        ["facts/facts.yaml", "starlake-factory-2025", "paragraph"],
    ),
    (
        "unknown-concept",
        "facts.yaml",
        "    subject: starlake\n    metric: employees",
        "    subject: nobody\n    metric: employees",
        ["facts/facts.yaml", "starlake-headcount-2024", "nobody"],
    ),
    (
        "duplicate-id",
        "facts.yaml",
        "  - id: starlake-net-profit-2024\n",
        "  - id: starlake-revenue-2024\n",
        ["facts/facts.yaml", "starlake-revenue-2024", "duplicate"],
    ),
    (
        "written-not-in-quote",
        "facts.yaml",
        "    written: 3.2億元\n",
        "    written: 3.3億元\n",
        ["facts/facts.yaml", "starlake-net-profit-2024", "3.3億元"],
    ),
    (
        "derive-unknown-input",
        "facts.yaml",
        "    inputs: [starlake-revenue-2024]",
        "    inputs: [starlake-revenue-1999]",
        ["facts/facts.yaml", "starlake-revenue-2023"],
    ),
    ("top-level-list", "gazetteer.yaml", "concepts:\n", "- concepts:\n", ["facts/gazetteer.yaml"]),
]


@pytest.mark.parametrize(("file", "old", "new", "named"), [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES])
def test_broken_pack_names_file_and_entry(
    mini_pack: Path, copy_pack: CopyPack, file: str, old: str, new: str, named: list[str]
) -> None:
    pack = copy_pack(mini_pack)
    _edit(pack, file, old, new)
    with pytest.raises(PackError) as caught:
        Assistant.load(pack)
    message = str(caught.value)
    for word in named:
        assert word in message, f"{word!r} not in {message!r}"
    assert all(p.file for p in caught.value.problems)


def test_not_utf8_file(mini_pack: Path, copy_pack: CopyPack) -> None:
    pack = copy_pack(mini_pack)
    path = pack / "facts" / "facts.yaml"
    path.write_bytes(path.read_bytes().replace("星湖".encode(), "星湖".encode("gb18030"), 1))
    with pytest.raises(PackError, match=r"facts/facts\.yaml.*UTF-8"):
        Assistant.load(pack)


def test_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(AssistantError, match="not a fact pack"):
        Assistant.load(tmp_path / "nowhere")
    (tmp_path / "empty" / "facts").mkdir(parents=True)
    with pytest.raises(PackError, match="no source"):
        Assistant.load(tmp_path / "empty")


def test_broken_pack_is_not_cached_and_its_fix_loads(mini_pack: Path, copy_pack: CopyPack, _cache_in_tmp: Path) -> None:
    pack = copy_pack(mini_pack)
    _edit(pack, "facts.yaml", "    value: 48.5\n", "    value: lots\n")
    with pytest.raises(PackError):
        Assistant.load(pack)
    assert not list(_cache_in_tmp.glob("*.pickle"))
    _edit(pack, "facts.yaml", "    value: lots\n", "    value: 48.5\n")
    assert Assistant.load(pack).ask("星湖儲能2024年營收多少?").status == "answered"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("breakage", ["bad-yaml", "quote-not-in-source", "missing-source-file", "wrong-type-value"])
@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["text", "json"])
def test_cli_on_broken_pack(mini_pack: Path, copy_pack: CopyPack, breakage: str, json_flag: list[str]) -> None:
    _, file, old, new, named = next(b for b in BREAKAGES if b[0] == breakage)
    pack = copy_pack(mini_pack)
    _edit(pack, file, old, new)
    done = _cli("ask", "--pack", str(pack), *json_flag, "星湖儲能2024年營收多少?")
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert done.stdout == ""
    assert done.stderr.startswith("assistant:")
    assert named[0] in done.stderr and named[-1] in done.stderr


def test_cli_on_missing_pack(tmp_path: Path) -> None:
    done = _cli("ask", "--pack", str(tmp_path / "nowhere"), "q")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "not a fact pack" in done.stderr


def test_cli_with_undecodable_argument() -> None:
    """Bytes that are not UTF-8 on the command line (they arrive as lone surrogates) are no crash."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ask", "--json", b"\xff\xfe UIH revenue 2024"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
