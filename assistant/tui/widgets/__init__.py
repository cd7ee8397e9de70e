"""Widgets of the chat: each in its own module, none doing I/O."""
