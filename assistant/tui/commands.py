"""Command palette entries of the chat screen, in the interface language."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assistant.tui.present import LANGUAGES, SCRIPTS, language_name
from assistant.tui.words import say

ACTIONS = (
    "new_conversation",
    "conversations",
    "resume",
    "toggle_sources",
    "export",
    "export_facts",
    "copy_answer",
    "copy_citation",
    "facts",
    "help",
)


def commands(ui: str) -> list[tuple[str, str, str]]:
    """(title, help, action) for every chat command."""
    entries = [(say(f"cmd_{action}", ui), say(f"cmd_{action}_help", ui), action) for action in ACTIONS]
    for language in LANGUAGES:
        name = language_name(language, ui)
        entries.append(
            (
                say("cmd_answer_language", ui, name=name),
                say("cmd_answer_language_help" if language else "cmd_answer_auto_help", ui),
                f"set_language('{language or 'auto'}')",
            )
        )
    for script in SCRIPTS:
        entries.append(
            (
                say("cmd_ui_language", ui, name=language_name(script)),
                say("cmd_ui_language_help", ui),
                f"set_ui_language('{script}')",
            )
        )
    return entries


class ChatCommands(Provider):
    """New conversation, conversations, languages, source pane, exports, copies, facts, help."""

    @property
    def ui(self) -> str:
        return str(getattr(self.screen, "ui", "en"))

    async def discover(self) -> Hits:
        for title, help_text, action in commands(self.ui):
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in commands(self.ui):
            score = matcher.match(f"{title} {help_text}") if query else 1.0
            best = max(score * 0.8, matcher.match(title))
            if best > 0:
                yield Hit(
                    best, matcher.highlight(title), partial(self.screen.run_action, action), text=title, help=help_text
                )
