"""The endpoints: thin Litestar handlers over `Service`.

Work that grows with the request (replaying a history or a conversation, searching facts) runs in a
worker thread under the request time limit: past it the client gets a 503 and the event loop keeps
serving everyone else. A single question is answered on the event loop: its cost is bounded by the
question cap (the engine reads at most 500 characters; milliseconds even for the hardest inputs), and
a thread hop would cost about a sixth of an answer's time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from litestar import Request, delete, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, FromPath, FromQuery, JSONBody, QueryParameter

from assistant.engine.answer import Answer
from assistant.http.schemas import (
    AskRequest,
    Conversation,
    ConversationRequest,
    Created,
    Error,
    FactsPage,
    Health,
    PackInfo,
    Paragraph,
    TurnRequest,
)
from assistant.http.service import Service

T = TypeVar("T")

ERRORS = {
    422: "Invalid request (fields, lengths)",
    404: "Not found",
    413: "Body too large",
    401: "Missing or wrong API key",
    503: "Over the time limit",
}


def _responses(*codes: int) -> dict[int, ResponseSpec]:
    return {code: ResponseSpec(data_container=Error, description=ERRORS[code]) for code in codes}


async def within(request: Request[Any, Any, Any], work: Callable[..., T], *args: Any) -> T:
    """`work(*args)` in a thread, abandoned (and answered with 503) past the request time limit."""
    service: Service = request.app.state.service
    with anyio.fail_after(service.settings.request_timeout):
        return await anyio.to_thread.run_sync(work, *args, abandon_on_cancel=True)


def _service(request: Request[Any, Any, Any]) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


_ASK_EXAMPLES = [
    Example(summary="A question", value={"question": "What was UIH's revenue in 2024?"}),
    Example(summary="A follow-up, stateless", value={"question": "那MR呢?", "history": ["2024年CT業務收入多少?"]}),
    Example(summary="In another script", value={"question": "联影医疗2024年净利润是多少?", "language": "en"}),
]


@post("/v1/ask", status_code=200, tags=["answers"], responses=_responses(401, 404, 413, 422, 503))
async def ask(request: Request[Any, Any, Any], data: Annotated[AskRequest, Body(examples=_ASK_EXAMPLES)]) -> Answer:
    """Answer one question. With `history`, earlier questions are replayed first (no server-side state)."""
    service = _service(request)
    if not data.history:
        return service.ask(data)
    return await within(request, service.ask, data)


@post("/v1/conversations", status_code=201, tags=["conversations"], responses=_responses(401, 404, 413, 422))
async def create_conversation(
    request: Request[Any, Any, Any], data: JSONBody[ConversationRequest | None] = None
) -> Created:
    """Start a conversation; follow-ups asked in it take what they leave out from earlier turns."""
    return _service(request).create(data.pack if data else None)


@post(
    "/v1/conversations/{conversation_id:str}/ask",
    status_code=200,
    tags=["conversations"],
    responses=_responses(401, 404, 413, 422, 503),
)
async def ask_in_conversation(
    request: Request[Any, Any, Any],
    conversation_id: FromPath[str],
    data: Annotated[TurnRequest, Body(examples=[Example(summary="A follow-up", value={"question": "那MR呢?"})])],
) -> Answer:
    """Answer the next question of a conversation, in its context."""
    return await within(request, _service(request).ask_in, conversation_id, data)


@get("/v1/conversations/{conversation_id:str}", tags=["conversations"], responses=_responses(401, 404))
async def get_conversation(request: Request[Any, Any, Any], conversation_id: FromPath[str]) -> Conversation:
    """A conversation's turns, oldest first."""
    return _service(request).conversation(conversation_id)


@delete("/v1/conversations/{conversation_id:str}", tags=["conversations"], responses=_responses(401, 404))
async def delete_conversation(request: Request[Any, Any, Any], conversation_id: FromPath[str]) -> None:
    """Forget a conversation now (conversations also expire on their own)."""
    _service(request).delete(conversation_id)


@get("/v1/packs", tags=["packs"], responses=_responses(401))
async def packs(request: Request[Any, Any, Any]) -> list[PackInfo]:
    """The packs this server answers from, with their sources and example questions."""
    return _service(request).packs()


@get("/v1/facts", tags=["packs"], responses=_responses(401, 404, 422))
async def facts(
    request: Request[Any, Any, Any],
    pack: FromQuery[str | None] = None,
    search: Annotated[str | None, QueryParameter(description="Words every listed fact holds")] = None,
    subject: Annotated[str | None, QueryParameter(description="Entity id or name (uih, 聯影醫療)")] = None,
    metric: Annotated[str | None, QueryParameter(description="Metric id or name (revenue, 營收)")] = None,
    period: Annotated[str | None, QueryParameter(description="Canonical period (2024, 2025Q1)")] = None,
    offset: FromQuery[int] = 0,
    limit: FromQuery[int] = 100,
) -> FactsPage:
    """The pack's facts in file order, filtered."""
    return await within(request, _service(request).facts, pack, search, subject, metric, period, offset, limit)


@get("/v1/sources/{source:str}/paragraphs/{number:int}", tags=["packs"], responses=_responses(401, 404))
async def paragraph(
    request: Request[Any, Any, Any], source: FromPath[str], number: FromPath[int], pack: FromQuery[str | None] = None
) -> Paragraph:
    """A paragraph of a source, as cited by answers (`citations[].paragraph`)."""
    return _service(request).paragraph(pack, source, number)


@get("/healthz", tags=["server"])
async def healthz(request: Request[Any, Any, Any]) -> Health:
    """Whether the server answers, and from which packs (for load balancers; no API key needed)."""
    return Health(status="ok", packs=list(_service(request).bots))


API = [
    ask,
    create_conversation,
    ask_in_conversation,
    get_conversation,
    delete_conversation,
    packs,
    facts,
    paragraph,
    healthz,
]
