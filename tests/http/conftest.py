"""Fixtures for the HTTP API: the app under Litestar's test client, and the real server in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from litestar.testing import TestClient

from assistant import Assistant
from assistant.http.app import create_app
from assistant.http.settings import Settings


@pytest.fixture(scope="session")
def bots(bot: Assistant) -> dict[str, Assistant]:
    return {next(iter(bot.pack.sources)): bot}


@pytest.fixture
def client(bots: dict[str, Assistant]) -> Iterator[TestClient]:  # type: ignore[type-arg]
    with TestClient(create_app(Settings(), bots)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


def start_server(tmp: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Server:
    """`assistant serve` on a free loopback port, waiting until /healthz answers."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    environment = {
        **os.environ,
        "ASSISTANT_CACHE_DIR": str(tmp / "cache"),
        "ASSISTANT_HOME": str(tmp / "home"),
        **(env or {}),
    }
    command = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), *args]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=environment, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise AssertionError(f"the server did not answer in {timeout} s: {log.read_text()[-2000:]}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """A factory of real servers (`start("--workers", "2", env={...})`), all stopped after the test."""
    started: list[Server] = []

    def make(*args: str, env: dict[str, str] | None = None) -> Server:
        started.append(start_server(tmp_path, *args, env=env))
        return started[-1]

    yield make
    for server in started:
        stop_server(server)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One real server for the tests that talk HTTP over a socket (and the browser)."""
    server = start_server(tmp_path_factory.mktemp("server"))
    yield server
    stop_server(server)
