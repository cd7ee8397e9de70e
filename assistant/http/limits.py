"""What keeps a server safe to leave running, as plain ASGI layers around the whole app (so they also
cover paths no route matches): the API key, the request body cap and a structured access log.

Each layer answers a refused request itself with the API's JSON error and never reads more of a body
than the cap allows.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import msgspec

from assistant.http.schemas import Error

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ACCESS_LOG = logging.getLogger("assistant.http.access")
PROTECTED = "/v1/"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def send_error(
    send: Send, status: int, error: str, detail: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    """A complete JSON error response, in the same shape as every other error of the API."""
    body = msgspec.json.encode(Error(status=status, error=error, detail=detail))
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequireKey:
    """With a key configured, /v1 answers only requests carrying `Authorization: Bearer <key>`."""

    def __init__(self, app: ASGIApp, key: str | None) -> None:
        self.app, self.key = app, (key.encode() if key else None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.key is None or scope["type"] != "http" or not scope["path"].startswith(PROTECTED):
            return await self.app(scope, receive, send)
        if scope["method"] == "OPTIONS":  # CORS preflights carry no credentials
            return await self.app(scope, receive, send)
        given = dict(scope["headers"]).get(b"authorization", b"")
        scheme, _, token = given.partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(token.strip(), self.key):
            return await self.app(scope, receive, send)
        await send_error(
            send,
            401,
            "unauthorized",
            "this server needs `Authorization: Bearer <key>` (the value of its ASSISTANT_API_KEY)",
            [(b"www-authenticate", b"Bearer")],
        )


class LimitBody:
    """Bodies over `limit` bytes get 413 before the app sees them: by their Content-Length when they
    give one, else once the bytes read pass the limit. A body within the limit is handed on whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(send)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await self._refuse(send)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # after the body: only a disconnect can come
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        await send_error(
            send,
            413,
            "too_large",
            f"the request body is over {self.limit} bytes; send a shorter question or a shorter history",
        )


class AccessLog:
    """One JSON line per request on the `assistant.http.access` logger: when, who, what, status, how long.
    Questions are not logged; each response carries its request id in `x-request-id`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        request_id = uuid.uuid4().hex[:16]
        seen: dict[str, int] = {"status": 500, "bytes": 0}

        async def logged_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            if ACCESS_LOG.isEnabledFor(logging.INFO):
                client = scope.get("client") or ("", 0)
                ACCESS_LOG.info(
                    json.dumps(
                        {
                            "time": round(time.time(), 3),
                            "id": request_id,
                            "client": client[0],
                            "method": scope["method"],
                            "path": scope["path"],
                            "status": seen["status"],
                            "bytes": seen["bytes"],
                            "ms": round((time.perf_counter() - started) * 1000, 2),
                        }
                    )
                )
