"""Limits and safety: body and question caps, history cap, time limit, API key, CORS, access log."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import pytest
from litestar.testing import TestClient

from assistant import Assistant
from assistant.errors import AssistantError
from assistant.http.app import create_app
from assistant.http.settings import Settings, is_loopback

REVENUE = "What was UIH's revenue in 2024?"


def make(bots: dict[str, Assistant], **settings: Any) -> TestClient:  # type: ignore[type-arg]
    return TestClient(create_app(Settings(**settings), bots))


def test_a_large_body_is_413_and_the_server_keeps_answering(client: Any) -> None:
    huge = b'{"question": "' + b"x" * 5_000_000 + b'"}'
    response = client.post("/v1/ask", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"] == "too_large"
    assert client.post("/v1/ask", json={"question": REVENUE}).status_code == 200


def test_a_body_without_length_is_cut_at_the_cap(bots: dict[str, Assistant]) -> None:
    def chunks() -> Any:
        for _ in range(100):
            yield b"x" * 10_000

    with make(bots, max_body_bytes=50_000) as small:
        response = small.post("/v1/ask", content=chunks(), headers={"content-type": "application/json"})
        assert response.status_code == 413


def test_question_and_history_caps_are_422(bots: dict[str, Assistant]) -> None:
    with make(bots, max_question_chars=100, max_history=2) as small:
        too_long = small.post("/v1/ask", json={"question": "聯" * 101})
        assert too_long.status_code == 422 and "at most 100" in too_long.json()["detail"]
        assert small.post("/v1/ask", json={"question": "聯" * 100}).status_code == 200
        many = small.post("/v1/ask", json={"question": REVENUE, "history": ["a", "b", "c"]})
        assert many.status_code == 422 and "at most 2" in many.json()["detail"]
        long_history = small.post("/v1/ask", json={"question": REVENUE, "history": ["x" * 101]})
        assert long_history.status_code == 422
        cid = small.post("/v1/conversations").json()["id"]
        assert small.post(f"/v1/conversations/{cid}/ask", json={"question": "x" * 101}).status_code == 422


def test_work_over_the_time_limit_is_503(
    bots: dict[str, Assistant], bot: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = bot.answer

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return real(*args, **kwargs)

    with make(bots, request_timeout=0.1) as limited:
        monkeypatch.setattr(bot, "answer", slow)
        started = time.perf_counter()
        response = limited.post("/v1/ask", json={"question": REVENUE, "history": ["2024年CT業務收入多少?"]})
        assert response.status_code == 503 and response.json()["error"] == "timeout"
        assert time.perf_counter() - started < 0.3, "the client is answered at the limit, not when the work ends"
        monkeypatch.setattr(bot, "answer", real)
        assert limited.get("/healthz").status_code == 200


def test_an_api_key_guards_v1_only(bots: dict[str, Assistant]) -> None:
    with make(bots, api_key="s3cret") as guarded:
        missing = guarded.post("/v1/ask", json={"question": REVENUE})
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        wrong = guarded.get("/v1/packs", headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401 and "s3cret" not in wrong.text
        right = guarded.post("/v1/ask", json={"question": REVENUE}, headers={"authorization": "Bearer s3cret"})
        assert right.status_code == 200
        for open_path in ("/healthz", "/", "/openapi.json"):
            assert guarded.get(open_path).status_code == 200, open_path


def test_listening_beyond_loopback_needs_a_key() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("example.org")
    Settings().check_binding()
    with pytest.raises(AssistantError, match="ASSISTANT_API_KEY"):
        Settings(host="0.0.0.0").check_binding()
    Settings(host="0.0.0.0", api_key="k").check_binding()


def test_settings_from_the_environment_and_bad_values() -> None:
    settings = Settings.from_env(
        {
            "ASSISTANT_API_KEY": "k",
            "ASSISTANT_CORS_ORIGINS": "https://a.example, https://b",
            "ASSISTANT_HTTP_TIMEOUT": "2.5",
        },
        port=9000,
    )
    assert (settings.api_key, settings.cors_origins, settings.request_timeout, settings.port) == (
        "k",
        ("https://a.example", "https://b"),
        2.5,
        9000,
    )
    assert Settings.from_json(settings.to_json()) == settings
    with pytest.raises(AssistantError, match="ASSISTANT_HTTP_TIMEOUT"):
        Settings.from_env({"ASSISTANT_HTTP_TIMEOUT": "soon"})
    with pytest.raises(AssistantError, match="workers"):
        Settings(workers=0)


def test_cors_is_off_unless_origins_are_named(client: Any, bots: dict[str, Assistant]) -> None:
    preflight = {"origin": "https://app.example", "access-control-request-method": "POST"}
    plain = client.post("/v1/ask", json={"question": REVENUE}, headers={"origin": "https://app.example"})
    assert "access-control-allow-origin" not in plain.headers
    with make(bots, cors_origins=("https://app.example",)) as shared:
        allowed = shared.options("/v1/ask", headers=preflight)
        assert allowed.headers.get("access-control-allow-origin") == "https://app.example"
        other = shared.post("/v1/ask", json={"question": REVENUE}, headers={"origin": "https://evil.example"})
        assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def test_every_request_is_one_json_access_log_line(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="assistant.http.access"):
        answered = client.post("/v1/ask", json={"question": REVENUE})
        client.get("/nowhere")
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "assistant.http.access"]
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("POST", "/v1/ask", 200),
        ("GET", "/nowhere", 404),
    ]
    assert lines[0]["id"] == answered.headers["x-request-id"] and lines[0]["ms"] >= 0
    assert REVENUE not in caplog.text, "questions are not logged"
