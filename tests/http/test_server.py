"""The real server: `assistant serve` in a subprocess on a free loopback port, spoken to over HTTP."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import pytest

from assistant import Assistant, cli

Server = Any  # tests/http/conftest.py's Server: a url, the process and its log


def call(
    server: Server, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        server.url + path, data=data, method=method, headers={"content-type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_curl_style_ask_returns_the_answer_with_its_citation(live_server: Server, bot: Assistant) -> None:
    question = "What was UIH's revenue in 2024?"
    status, answer = call(live_server, "POST", "/v1/ask", {"question": question})
    expected = bot.ask(question)
    assert status == 200 and answer == expected.model_dump()
    assert "103億元" in answer["figures"] and answer["citations"][0]["quote"] in answer["text"]


def test_a_5_mb_body_is_refused_and_the_server_keeps_answering(live_server: Server) -> None:
    address = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    body = b'{"question": "' + "聯".encode() * (5 * 1024 * 1024 // 3) + b'"}'
    try:
        connection.request("POST", "/v1/ask", body=body, headers={"content-type": "application/json"})
        response = connection.getresponse()
        status, payload = response.status, json.loads(response.read())
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("the server must answer 413, not drop the connection")
    finally:
        connection.close()
    assert 400 <= status < 500 and payload["error"] == "too_large"
    assert call(live_server, "GET", "/healthz")[0] == 200
    assert call(live_server, "POST", "/v1/ask", {"question": "聯影醫療2024年營收多少?"})[1]["status"] == "answered"


def test_access_log_is_json_lines(live_server: Server) -> None:
    call(live_server, "GET", "/healthz")
    lines = [json.loads(line) for line in live_server.log.read_text().splitlines() if line.startswith("{")]
    assert any(line["path"] == "/healthz" and line["status"] == 200 for line in lines)


def test_two_workers_share_conversations(start: Any, bot: Assistant) -> None:
    server = start("--workers", "2")
    chat = bot.chat()
    first, follow_up = chat.ask("2024年CT業務收入多少?"), chat.ask("那MR呢?")
    for _ in range(6):  # connections land on either worker; every conversation must continue on both
        status, created = call(server, "POST", "/v1/conversations", {})
        assert status == 201
        path = f"/v1/conversations/{created['id']}/ask"
        assert call(server, "POST", path, {"question": "2024年CT業務收入多少?"})[1]["figures"] == first.figures
        status, answer = call(server, "POST", path, {"question": "那MR呢?"})
        assert status == 200 and answer["figures"] == follow_up.figures and "31.92億元" in answer["figures"]


def test_an_api_key_is_required_over_the_wire(start: Any) -> None:
    server = start(env={"ASSISTANT_API_KEY": "wire-key"})
    assert call(server, "GET", "/v1/packs")[0] == 401
    assert call(server, "GET", "/v1/packs", headers={"authorization": "Bearer wire-key"})[0] == 200


def test_serving_beyond_loopback_without_a_key_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ASSISTANT_API_KEY", raising=False)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "9"]) == 2
    assert "ASSISTANT_API_KEY" in capsys.readouterr().err


def test_a_broken_pack_fails_before_listening(tmp_path: Any) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "facts.yaml").write_text("facts: [", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "serve", "--pack", str(tmp_path), "--port", "9"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "ASSISTANT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.startswith("assistant:")
