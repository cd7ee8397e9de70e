"""A cited, deterministic Q&A assistant over curated fact packs. Public API only; no UI imports."""

from assistant.engine import Assistant, Chat
from assistant.errors import AssistantError, PackError
from assistant.models import Answer, Citation, Fact

__all__ = ["Answer", "Assistant", "AssistantError", "Chat", "Citation", "Fact", "PackError"]
