"""The published OpenAPI document: Litestar's paths, with the answer records' schemas exactly as the
Python API publishes them (`Answer.model_json_schema()`), and examples computed from a real answer."""

from __future__ import annotations

from typing import Any

import msgspec

from assistant.engine.answer import Answer
from assistant.http.schemas import Error

REF = "#/components/schemas/{name}"
DESCRIPTION = """Cited, deterministic answers about the articles of fact packs: the exact figure, the
interpretation of the question, and the paragraph and verbatim sentence it comes from.

Every `/v1` endpoint takes and returns JSON. When the server has an API key (`ASSISTANT_API_KEY`), `/v1`
requests must carry `Authorization: Bearer <key>`. Errors are `{"status", "error", "detail"}`."""


def answer_components() -> dict[str, Any]:
    """The answer and every record it uses, as `Answer.model_json_schema()` has them, referenced the OpenAPI way."""
    _, components = msgspec.json.schema_components([Answer, Error], ref_template=REF)
    return components


def publish(generated: dict[str, Any], example: Answer | None) -> dict[str, Any]:
    """Litestar's document with the answer schemas replaced by the published ones and examples added."""
    document = dict(generated)
    components = dict(document.get("components", {}))
    schemas = dict(components.get("schemas", {}))
    schemas.update(answer_components())
    if example is not None:
        data = example.model_dump()
        schemas["Answer"] = {**schemas["Answer"], "examples": [data]}
        if example.citations:
            schemas["Citation"] = {**schemas["Citation"], "examples": [data["citations"][0]]}
        if example.interpretation is not None:
            schemas["Interpretation"] = {**schemas["Interpretation"], "examples": [data["interpretation"]]}
    components["schemas"] = schemas
    components["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "Needed only when the server has ASSISTANT_API_KEY (always when it is not on loopback).",
        }
    }
    document["components"] = components
    for path, item in document.get("paths", {}).items():
        if path.startswith("/v1/"):
            for operation in item.values():
                if isinstance(operation, dict):
                    operation["security"] = [{"bearer": []}, {}]
    return document
