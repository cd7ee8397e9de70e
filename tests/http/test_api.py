"""Every endpoint, status code and limit of the HTTP API, through Litestar's test client.

Expected answers come from the Python API on the same pack: the HTTP API must say exactly what it says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from assistant import Answer, Assistant
from assistant.http.app import create_app
from assistant.http.settings import Settings

Client = TestClient  # type: ignore[type-arg]
REVENUE = "What was UIH's revenue in 2024?"


def error_of(response: Any, status: int) -> dict[str, Any]:
    """The response is the API's JSON error with this status, and shows no Python internals."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"status", "error", "detail"} and body["status"] == status
    assert "Traceback" not in response.text and ".py" not in response.text
    return body  # type: ignore[no-any-return]


# -- answers -----------------------------------------------------------------------------------


def test_ask_returns_the_python_apis_answer(client: Client, bot: Assistant) -> None:
    response = client.post("/v1/ask", json={"question": REVENUE})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert response.json() == bot.ask(REVENUE).model_dump()
    assert Answer.from_json(response.content).citations[0].paragraph > 0


def test_ask_in_another_language(client: Client, bot: Assistant) -> None:
    question = "聯影醫療2024年凈利潤是多少?"
    response = client.post("/v1/ask", json={"question": question, "language": "zh-Hans"})
    assert response.json() == bot.ask(question, language="zh-Hans").model_dump()
    error_of(client.post("/v1/ask", json={"question": question, "language": "fr"}), 422)


def test_stateless_history_answers_a_follow_up_like_a_chat(client: Client, bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("2024年CT業務收入多少?")
    expected = chat.ask("那MR呢?")
    response = client.post("/v1/ask", json={"question": "那MR呢?", "history": ["2024年CT業務收入多少?"]})
    assert response.json() == expected.model_dump()
    assert response.json()["interpretation"]["inherited"], "the follow-up takes slots from the replayed question"
    assert not client.post("/v1/ask", json={"question": "那MR呢?"}).json()["interpretation"]["inherited"]


@pytest.mark.parametrize("body", [{}, {"questoin": "x"}, {"question": 42}, {"question": "x", "history": "x"}, []])
def test_malformed_asks_are_422_naming_the_problem(client: Client, body: Any) -> None:
    detail = error_of(client.post("/v1/ask", json=body), 422)["detail"]
    assert detail


def test_a_body_that_is_not_json_is_422(client: Client) -> None:
    response = client.post("/v1/ask", content=b"{question: ", headers={"content-type": "application/json"})
    assert "malformed" in error_of(response, 422)["detail"].lower()


def test_unknown_pack_is_404(client: Client) -> None:
    assert "zidan" in error_of(client.post("/v1/ask", json={"question": REVENUE, "pack": "nope"}), 404)["detail"]


# -- conversations -----------------------------------------------------------------------------


def test_a_conversation_answers_follow_ups_in_context(client: Client, bot: Assistant) -> None:
    created = client.post("/v1/conversations")
    assert created.status_code == 201
    cid = created.json()["id"]
    chat = bot.chat()
    for question in ("2024年CT業務收入多少?", "那MR呢?"):
        response = client.post(f"/v1/conversations/{cid}/ask", json={"question": question})
        assert response.status_code == 200
        assert response.json() == chat.ask(question).model_dump()
    assert "31.92億元" in response.json()["figures"]
    turns = client.get(f"/v1/conversations/{cid}").json()["turns"]
    assert [t["question"] for t in turns] == ["2024年CT業務收入多少?", "那MR呢?"]
    assert turns[1]["answer"] == response.json()


def test_a_clarify_option_is_chosen_by_its_number(client: Client, bot: Assistant) -> None:
    chat = bot.chat()
    first = chat.ask("联影医疗的市场份额")
    if first.status != "clarify":
        pytest.skip("the pack no longer asks to clarify this question")
    cid = client.post("/v1/conversations", json={}).json()["id"]
    client.post(f"/v1/conversations/{cid}/ask", json={"question": first.question})
    chosen = client.post(f"/v1/conversations/{cid}/ask", json={"question": "1"}).json()
    assert chosen == chat.ask("1").model_dump() and chosen["status"] == "answered"


def test_deleted_and_unknown_conversations_are_404(client: Client) -> None:
    cid = client.post("/v1/conversations").json()["id"]
    assert client.delete(f"/v1/conversations/{cid}").status_code == 204
    error_of(client.delete(f"/v1/conversations/{cid}"), 404)
    error_of(client.get(f"/v1/conversations/{cid}"), 404)
    error_of(client.post(f"/v1/conversations/{cid}/ask", json={"question": REVENUE}), 404)
    error_of(client.post("/v1/conversations", json={"pack": "nope"}), 404)
    error_of(client.post("/v1/conversations", json={"id": "mine"}), 422)


def test_conversations_are_capped_least_recently_used_first(bots: dict[str, Assistant]) -> None:
    with TestClient(create_app(Settings(max_conversations=2), bots)) as capped:
        first, second = (capped.post("/v1/conversations").json()["id"] for _ in range(2))
        capped.post(f"/v1/conversations/{first}/ask", json={"question": REVENUE})  # first is now the most recent
        capped.post("/v1/conversations")
        assert capped.get(f"/v1/conversations/{first}").status_code == 200
        error_of(capped.get(f"/v1/conversations/{second}"), 404)


def test_conversations_in_a_shared_file_continue_after_a_restart(
    bots: dict[str, Assistant], bot: Assistant, tmp_path: Path
) -> None:
    settings = Settings(store=str(tmp_path / "conversations.sqlite"))
    with TestClient(create_app(settings, bots)) as one:
        cid = one.post("/v1/conversations").json()["id"]
        one.post(f"/v1/conversations/{cid}/ask", json={"question": "2024年CT業務收入多少?"})
    with TestClient(create_app(settings, bots)) as other:  # another worker: replays the turns it never saw
        follow_up = other.post(f"/v1/conversations/{cid}/ask", json={"question": "那MR呢?"}).json()
    chat = bot.chat()
    chat.ask("2024年CT業務收入多少?")
    assert follow_up == chat.ask("那MR呢?").model_dump()


# -- what the packs hold -------------------------------------------------------------------------


def test_packs_list_sources_and_examples(client: Client, bot: Assistant) -> None:
    (pack,) = client.get("/v1/packs").json()
    assert pack["default"] and pack["facts"] == len(bot.pack.facts)
    assert [s["id"] for s in pack["sources"]] == list(bot.pack.sources)
    assert pack["sources"][0]["paragraphs"] == len(next(iter(bot.pack.paragraphs.values())))
    assert pack["examples"]["en"] == bot.example_questions("en", 8)


def test_facts_filter_by_words_subject_metric_and_period(client: Client, bot: Assistant) -> None:
    everything = client.get("/v1/facts", params={"limit": 1000}).json()
    assert everything["total"] == len(bot.pack.facts) == len(everything["facts"])
    revenue = client.get("/v1/facts", params={"metric": "revenue", "period": "2024", "subject": "uih"}).json()
    by_name = client.get("/v1/facts", params={"metric": "營收", "period": "2024", "subject": "聯影醫療"}).json()
    assert revenue == by_name and revenue["total"] >= 1
    assert all(f["metric"] == "revenue" and f["period"] == "2024" for f in revenue["facts"])
    searched = client.get("/v1/facts", params={"search": "CT"}).json()
    assert 0 < searched["total"] < everything["total"]
    page = client.get("/v1/facts", params={"offset": 1, "limit": 2}).json()
    assert [f["id"] for f in page["facts"]] == [f["id"] for f in everything["facts"][1:3]]
    assert client.get("/v1/facts", params={"search": "沒有這種詞zzz"}).json()["total"] == 0
    error_of(client.get("/v1/facts", params={"limit": 0}), 422)
    error_of(client.get("/v1/facts", params={"limit": "many"}), 422)
    error_of(client.get("/v1/facts", params={"pack": "nope"}), 404)


def test_paragraphs_as_cited(client: Client, bot: Assistant) -> None:
    citation = bot.ask(REVENUE).citations[0]
    response = client.get(f"/v1/sources/{citation.source}/paragraphs/{citation.paragraph}")
    assert response.status_code == 200 and citation.quote in response.json()["text"]
    outlet = client.get(f"/v1/sources/{citation.source}/paragraphs/0").json()
    assert outlet["text"] == bot.pack.sources[citation.source].outlet
    count = len(bot.pack.paragraphs[citation.source])
    error_of(client.get(f"/v1/sources/{citation.source}/paragraphs/{count + 1}"), 404)
    error_of(client.get(f"/v1/sources/{citation.source}/paragraphs/-1"), 404)
    error_of(client.get("/v1/sources/nope/paragraphs/1"), 404)
    error_of(client.get(f"/v1/sources/{citation.source}/paragraphs/one"), 404)


# -- the server itself ---------------------------------------------------------------------------


def test_health_pages_and_unknown_paths(client: Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "packs": ["zidan-uih-2024"]}
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for asset in ("/static/app.js", "/static/app.css", "/docs"):
        assert client.get(asset).status_code == 200, asset
    assert "https://" not in page.text and "http://" not in client.get("/static/app.js").text, "no CDN"
    error_of(client.get("/static/../settings.py"), 404)
    error_of(client.get("/nowhere"), 404)
    error_of(client.put("/v1/ask"), 405)


def test_interactive_docs_are_served_from_this_machine(client: Client) -> None:
    docs = client.get("/docs").text
    assert "/docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    bundle = client.get("/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert client.get("/docs/swagger-ui.css").headers["content-type"].startswith("text/css"), "else browsers ignore it"
    assert "SwaggerUIBundle" in client.get("/static/docs.js").text


def test_no_stack_trace_when_the_engine_fails(
    client: Client, bot: Assistant, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(bot, "answer", broken)
    body = error_of(client.post("/v1/ask", json={"question": REVENUE}), 500)
    assert "secret" not in str(body) and body["error"] == "error"
    assert any("secret internal detail" in str(r.exc_info) for r in caplog.records), "the cause is logged instead"
