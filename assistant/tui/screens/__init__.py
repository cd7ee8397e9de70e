"""Screens of the chat: they own state and do the I/O their widgets ask for."""
