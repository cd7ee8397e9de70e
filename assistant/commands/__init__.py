"""The bodies of the CLI's subcommands that talk to people: ask, logs, chat (`assistant.cli` parses and
dispatches). Each raises UsageError (exit 2) or CommandError (exit 1) with a one-line message.
"""

from assistant.errors import AssistantError


class UsageError(AssistantError):
    """The command was called wrongly: exit 2."""


class CommandError(AssistantError):
    """The command could not do its job (a file, the log, stdin): exit 1."""
