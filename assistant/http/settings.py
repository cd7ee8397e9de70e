"""What a server is allowed to do: address, packs, workers and every limit, read once from the command
line and the environment, then handed to each worker process as one JSON value."""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from assistant.errors import AssistantError

WORKER_ENV = "ASSISTANT_HTTP_SETTINGS"  # how `serve` hands the settings to uvicorn's worker processes

# environment variable -> (setting, how to read it)
_ENVIRONMENT: dict[str, tuple[str, type]] = {
    "ASSISTANT_API_KEY": ("api_key", str),
    "ASSISTANT_CORS_ORIGINS": ("cors_origins", tuple),
    "ASSISTANT_HTTP_MAX_BODY": ("max_body_bytes", int),
    "ASSISTANT_HTTP_MAX_QUESTION": ("max_question_chars", int),
    "ASSISTANT_HTTP_TIMEOUT": ("request_timeout", float),
    "ASSISTANT_HTTP_CONVERSATIONS": ("max_conversations", int),
    "ASSISTANT_HTTP_CONVERSATION_TTL": ("conversation_ttl", float),
    "ASSISTANT_CONVERSATION_STORE": ("store", str),
}


@dataclass(frozen=True)
class Settings:
    """One server's configuration. Defaults are safe: loopback only, small bodies, bounded memory."""

    host: str = "127.0.0.1"
    port: int = 8000
    packs: tuple[str, ...] = ()  # pack directories; none means $ASSISTANT_PACK or the bundled pack
    workers: int = 1
    api_key: str | None = None  # when set, /v1 requires `Authorization: Bearer <key>`
    cors_origins: tuple[str, ...] = ()  # no cross-origin access unless origins are named
    max_body_bytes: int = 256 * 1024
    max_question_chars: int = 2000
    max_history: int = 20  # previous questions a stateless /v1/ask may replay
    max_conversations: int = 1000  # the least recently used beyond this are dropped
    conversation_ttl: float = 3600.0  # seconds a conversation lives after its last question
    max_turns: int = 20  # turns a conversation keeps (and replays when it moves between workers)
    request_timeout: float = 10.0  # seconds for one request's answering work
    store: str | None = None  # a SQLite file shared by workers; None keeps conversations in memory

    def __post_init__(self) -> None:
        positive = ("port", "workers", "max_body_bytes", "max_question_chars", "max_conversations", "max_turns")
        for name in positive:
            if getattr(self, name) < 1:
                raise AssistantError(f"{name} must be a positive number, not {getattr(self, name)}")
        if self.max_history < 0 or self.conversation_ttl <= 0 or self.request_timeout <= 0:
            raise AssistantError("max_history, conversation_ttl and request_timeout must be positive")
        if self.api_key is not None and not self.api_key.strip():
            raise AssistantError("ASSISTANT_API_KEY is set but empty")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **given: Any) -> Settings:
        """Settings from the command line (`given`) over the environment over the defaults."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for variable, (name, kind) in _ENVIRONMENT.items():
            raw = environ.get(variable)
            if raw is None or (raw == "" and kind is not str):
                continue
            values[name] = _parse(variable, raw, kind)
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)

    def check_binding(self) -> None:
        """Refuse to listen beyond this machine without an API key."""
        if not is_loopback(self.host) and self.api_key is None:
            raise AssistantError(
                f"--host {self.host} is reachable from other machines: set ASSISTANT_API_KEY "
                "so that requests must carry `Authorization: Bearer <key>`"
            )

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Settings:
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        return cls(**values)

    def with_store(self, store: str | None) -> Settings:
        return replace(self, store=store)


def is_loopback(host: str) -> bool:
    """Whether `host` is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def _parse(variable: str, raw: str, kind: type) -> Any:
    if kind is tuple:
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    try:
        return kind(raw)
    except ValueError:
        raise AssistantError(f"{variable}={raw!r}: expected a {kind.__name__}") from None
