"""Command palette entries of the chat screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assistant.tui.present import LANGUAGES

LANGUAGE_ACTIONS = {None: "auto", "zh-Hant": "zh-Hant", "zh-Hans": "zh-Hans", "en": "en"}


def commands() -> list[tuple[str, str, str]]:
    """(title, help, action) for every chat command."""
    entries = [
        ("New conversation", "Clear the conversation and what follow-ups refer to", "new_conversation"),
        ("Toggle source pane", "Show or hide the cited paragraphs (F2)", "toggle_sources"),
        ("Export conversation to Markdown", "Write the conversation to a .md file (Ctrl+S)", "export"),
        ("Copy last answer", "Copy the last answer's text to the clipboard (Ctrl+Y)", "copy_answer"),
        ("Browse facts", "A table of every fact; Enter shows its source (F3)", "facts"),
        ("Help", "Keys, commands and what the assistant knows (F1)", "help"),
    ]
    for language, name in LANGUAGES.items():
        action = f"set_language('{LANGUAGE_ACTIONS[language]}')"
        entries.append(
            (
                f"Answer language: {name}",
                "Answer in this language and script" if language else "Answer in the language of each question",
                action,
            )
        )
    return entries


class ChatCommands(Provider):
    """New conversation, answer language, source pane, export, copy, facts, help."""

    async def discover(self) -> Hits:
        for title, help_text, action in commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in commands():
            score = matcher.match(f"{title} {help_text}") if query else 1.0
            title_score = matcher.match(title)
            best = max(score * 0.8, title_score)
            if best > 0:
                yield Hit(
                    best, matcher.highlight(title), partial(self.screen.run_action, action), text=title, help=help_text
                )
