"""Footer labels in the interface language: a node's shown bindings get their descriptions from the words
file (`key_<action>`), so the footer speaks the same language as help and the command palette."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from assistant.tui.words import say, ui_words


def localize_bindings(node: DOMNode, ui: str) -> None:
    """Re-label `node`'s bindings for `ui` (call `refresh_bindings` after a change at run time)."""
    table = ui_words().table
    bindings = node._bindings.key_to_bindings
    for key, listed in bindings.items():
        relabelled = []
        for binding in listed:
            name = f"key_{binding.action.split('(')[0].split('.')[-1]}"
            relabelled.append(replace(binding, description=say(name, ui)) if name in table else binding)
        bindings[key] = relabelled
