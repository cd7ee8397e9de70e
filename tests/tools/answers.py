"""What the drafted-article tests read of an answer."""

from __future__ import annotations


def figure_lines(text: str) -> str:
    """The answer's own lines, before the quoted source (来源, 來源, Source)."""
    return text.split("來源")[0].split("来源")[0].split("Source")[0]
