"""A cited, deterministic Q&A assistant over curated fact packs. Public API only; no UI imports.

The names are loaded on first use, so that `import assistant.cli` (and `assistant --help`, or a Ctrl-C
during start-up) does not pay for the engine before it is needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.engine.answer import Answer, Citation
    from assistant.engine.assistant import Assistant, Chat
    from assistant.errors import AssistantError, PackError
    from assistant.pack.schema import Fact

_WHERE = {
    "Answer": "assistant.engine.answer",
    "Citation": "assistant.engine.answer",
    "Assistant": "assistant.engine.assistant",
    "Chat": "assistant.engine.assistant",
    "AssistantError": "assistant.errors",
    "PackError": "assistant.errors",
    "Fact": "assistant.pack.schema",
}

__all__ = ["Answer", "Assistant", "AssistantError", "Chat", "Citation", "Fact", "PackError"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
