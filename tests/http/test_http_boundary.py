"""The web stack stays out of everything but `assistant serve`: the one-shot CLI never imports it."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

WEB = ("litestar", "uvicorn", "starlette", "fastapi", "assistant.http")


def test_one_shot_ask_never_imports_the_web_stack() -> None:
    code = (
        "import sys, io, contextlib, assistant.cli; "
        "out = io.StringIO(); "
        "with_ = contextlib.redirect_stdout(out); with_.__enter__(); "
        "code = assistant.cli.main(['ask', '--json', '聯影醫療2024年營收多少?']); with_.__exit__(None, None, None); "
        f"loaded = [m for m in sys.modules if m.split('.')[0] in {WEB!r} or m.startswith('assistant.http')]; "
        "print(loaded); sys.exit(code or bool(loaded) or '103' not in out.getvalue())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_web_page_ships_as_package_data() -> None:
    static = resources.files("assistant.http") / "static"
    for name in ("index.html", "app.css", "app.js", "docs.html", "docs.js"):
        assert static.joinpath(name).is_file(), name
