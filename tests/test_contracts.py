"""The architecture and the code's hygiene are held by tools: import layers, strict types, lint, format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_layers_and_frameworks_follow_the_import_contracts() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_types_are_strict() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout[-3000:]


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout[-3000:]


def test_no_module_is_over_400_lines() -> None:
    """A module that grows past this has more than one job: split it by job, as engine/ and pack/ are."""
    sizes = {
        p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in (ROOT / "assistant").rglob("*.py")
    }
    assert {name: lines for name, lines in sizes.items() if lines > 400} == {}


def test_the_code_is_formatted() -> None:
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout[-3000:]
