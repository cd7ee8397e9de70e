"""The ASGI application: the routes and pages on Litestar, errors as JSON without stack traces, and the
limits around it all. `create_app` builds it in-process; `app_from_env` is what each uvicorn worker runs.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from litestar import Litestar, MediaType, Request, Response
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin

from assistant.engine.answer import Answer
from assistant.engine.assistant import Assistant
from assistant.errors import AssistantError
from assistant.http.limits import AccessLog, ASGIApp, LimitBody, RequireKey
from assistant.http.openapi import DESCRIPTION
from assistant.http.pages import PAGES
from assistant.http.routes import API
from assistant.http.schemas import Error
from assistant.http.service import Invalid, NotFound, Service, load_packs
from assistant.http.settings import WORKER_ENV, Settings
from assistant.http.store import MemoryStore, SqliteStore, Store

LOG = logging.getLogger("assistant.http")
_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    503: "timeout",
}


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> Response[Error]:
    return Response(
        Error(status=status, error=_CODES.get(status, "error"), detail=detail),
        status_code=status,
        media_type=MediaType.JSON,
        headers=headers,
    )


def _invalid(_: Request[Any, Any, Any], exc: Exception) -> Response[Error]:
    if isinstance(exc, ValidationException) and isinstance(exc.extra, list):
        parts = [f"{e.get('key') or 'body'}: {e.get('message')}" if isinstance(e, dict) else str(e) for e in exc.extra]
        return _error(422, "; ".join(parts) or str(exc.detail))
    return _error(422, str(exc.detail) if isinstance(exc, ValidationException) else str(exc))


def _http(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Error]:
    status = exc.status_code if exc.status_code != 400 else 422
    return _error(status, str(exc.detail), exc.headers)


def _internal(request: Request[Any, Any, Any], exc: Exception) -> Response[Error]:
    if isinstance(exc, TimeoutError):
        return _error(
            503, "the answer took longer than this server's time limit; try a shorter question", {"retry-after": "1"}
        )
    LOG.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return _error(500, "the server met an unexpected error; it has been logged")


HANDLERS: dict[int | type[Exception], Any] = {
    NotFound: lambda _, exc: _error(404, str(exc)),
    Invalid: _invalid,
    ValidationException: _invalid,
    HTTPException: _http,
    Exception: _internal,
}


def make_store(settings: Settings) -> Store:
    if settings.store:
        return SqliteStore(settings.store, settings.max_conversations, settings.conversation_ttl)
    return MemoryStore(settings.max_conversations, settings.conversation_ttl)


def create_app(settings: Settings | None = None, bots: dict[str, Assistant] | None = None) -> ASGIApp:
    """The whole server as one ASGI app: limits (access log, body cap, API key) around Litestar."""
    settings = settings or Settings()
    bots = bots if bots is not None else load_packs(settings.packs or [None])
    service = Service(bots, settings, make_store(settings))
    example = _example(bots[service.default])
    cors = (
        CORSConfig(
            allow_origins=list(settings.cors_origins),
            allow_headers=["authorization", "content-type"],
            allow_methods=["GET", "POST", "DELETE"],
        )
        if settings.cors_origins
        else None
    )
    openapi = OpenAPIConfig(
        title="uih-assistant", version="1", description=DESCRIPTION, path="/schema", render_plugins=[JsonRenderPlugin()]
    )
    litestar = Litestar(
        route_handlers=[*API, *PAGES],
        exception_handlers=HANDLERS,
        cors_config=cors,
        openapi_config=openapi,
        request_max_body_size=settings.max_body_bytes,
        debug=False,
        state=_state(service, example),
        logging_config=None,
    )
    inner: ASGIApp = litestar  # type: ignore[assignment]  # Litestar's scope types are narrower than ASGI's
    return AccessLog(LimitBody(RequireKey(inner, settings.api_key), settings.max_body_bytes))


def app_from_env() -> ASGIApp:
    """The app of one uvicorn worker: the settings `assistant serve` put in the environment."""
    raw = os.environ.get(WORKER_ENV)
    if raw is None:
        raise AssistantError(f"{WORKER_ENV} is not set: start the server with `assistant serve`")
    return create_app(Settings.from_json(raw))


def _example(bot: Assistant) -> Answer | None:
    """An answer to the pack's first English example question, shown in the OpenAPI document."""
    questions = bot.example_questions("en", 1)
    return bot.ask(questions[0]) if questions else None


def _state(service: Service, example: Answer | None) -> State:
    return State({"service": service, "example": example, "openapi": None})
