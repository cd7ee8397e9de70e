"""Saved conversations and how answers are laid out for every front end.

Between the tools and the front ends: a SQLite store of conversations, turns and input history under
ASSISTANT_HOME, the user's settings, the layout of an Answer from its fields (used by the chat, the CLI
and exports), and exports to Markdown, JSON and CSV. No UI framework is imported here.
"""
