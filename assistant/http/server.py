"""`assistant serve`: the app on uvicorn, one process or several workers sharing one port.

The packs are loaded (and their compiled cache written) before the port is opened, so a broken pack is
a clear message, not a server that fails on its first request; workers then load from that cache. With
several workers, conversations live in a SQLite file they share, so any worker can continue any
conversation.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant.http.service import load_packs
from assistant.http.settings import WORKER_ENV, Settings


def log_config() -> dict[str, Any]:
    """uvicorn's own messages on stderr, and the access log as JSON lines on stdout (in every worker)."""
    plain = {"format": "%(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": plain, "server": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "handlers": {
            "access": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"},
            "server": {"class": "logging.StreamHandler", "formatter": "server", "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "assistant.http.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
            "assistant.http": {"handlers": ["server"], "level": "INFO", "propagate": False},
            "uvicorn": {"handlers": ["server"], "level": "INFO", "propagate": False},
        },
    }


def serve(settings: Settings) -> int:
    """Run the server until interrupted; returns the exit code."""
    import uvicorn

    settings.check_binding()
    bots = load_packs(settings.packs or [None])  # fails here, before listening, on a broken pack
    print(
        f"assistant: serving {', '.join(bots)} on http://{_url_host(settings.host)}:{settings.port}/ "
        f"(API docs at /docs, {settings.workers} worker(s))",
        file=sys.stderr,
        flush=True,
    )
    common: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "access_log": False,
        "log_config": log_config(),
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }
    if settings.workers == 1:
        from assistant.http.app import create_app

        uvicorn.run(create_app(settings, bots), **common)
        return 0
    shared = None
    if settings.store is None:
        shared = tempfile.mkdtemp(prefix="assistant-conversations-")
        settings = settings.with_store(str(Path(shared) / "conversations.sqlite"))
    os.environ[WORKER_ENV] = settings.to_json()
    try:
        uvicorn.run("assistant.http.app:app_from_env", factory=True, workers=settings.workers, **common)
    finally:
        if shared is not None:
            shutil.rmtree(shared, ignore_errors=True)
    return 0


def main(host: str, port: int, packs: list[str], workers: int) -> int:
    """The `serve` subcommand: command-line values over the environment's."""
    return serve(Settings.from_env(host=host, port=port, packs=tuple(packs) or None, workers=workers))


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
