"""A cited, deterministic Q&A assistant over curated fact packs. Public API only; no UI imports."""

from assistant.engine.answer import Answer, Citation
from assistant.engine.assistant import Assistant, Chat
from assistant.errors import AssistantError, PackError
from assistant.pack.schema import Fact

__all__ = ["Answer", "Assistant", "AssistantError", "Chat", "Citation", "Fact", "PackError"]
