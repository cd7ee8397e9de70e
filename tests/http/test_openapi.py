"""/openapi.json: every endpoint, and the answer schemas exactly as the Python API publishes them."""

from __future__ import annotations

import json
from typing import Any

from assistant import Answer, Assistant


def openapi_refs(schema: Any) -> Any:
    """`Answer.model_json_schema()`'s references, written the OpenAPI way."""
    return json.loads(json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/'))


def test_the_answer_schema_is_the_python_apis(client: Any) -> None:
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    schemas = document["components"]["schemas"]
    published = openapi_refs(Answer.model_json_schema())
    definitions = published.pop("$defs")
    published.pop("$schema")
    assert {k: v for k, v in schemas["Answer"].items() if k != "examples"} == published
    for name in ("Interpretation", "Citation", "Fact", "Selector", "Token", "Derivation"):
        assert {k: v for k, v in schemas[name].items() if k != "examples"} == definitions[name], name


def test_examples_are_real_answers(client: Any, bot: Assistant) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    example = schemas["Answer"]["examples"][0]
    assert example == bot.ask(example["question"]).model_dump() and example["status"] == "answered"
    assert schemas["Citation"]["examples"] == [example["citations"][0]]
    assert schemas["Interpretation"]["examples"] == [example["interpretation"]]


def test_every_endpoint_is_documented_with_its_errors(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/v1/ask",
        "/v1/conversations",
        "/v1/conversations/{conversation_id}/ask",
        "/v1/conversations/{conversation_id}",
        "/v1/packs",
        "/v1/facts",
        "/v1/sources/{source}/paragraphs/{number}",
        "/healthz",
    }
    ask = paths["/v1/ask"]["post"]
    assert ask["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Answer"}
    assert {"413", "422", "401", "503"} <= set(ask["responses"])
    assert ask["security"] == [{"bearer": []}, {}]
    facts = {p["name"] for p in paths["/v1/facts"]["get"]["parameters"]}
    assert {"search", "subject", "metric", "period"} <= facts
