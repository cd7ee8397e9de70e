"""Text that wraps by the chat's line-breaking rule (assistant.tui.linebreak) instead of Textual's.

`Wrapped` is a Textual Visual: asked for a width, it cuts its Content into lines by the rule and hands
Textual lines that already fit, so Textual never re-wraps them. `WrappedText` is a Static showing one,
with text selection copying the lines as shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from assistant.tui.linebreak import wrap


class Wrapped(Visual):
    """Content wrapped by the line-breaking rule; continuation lines indented by `hang` cells."""

    def __init__(self, content: Content | str, hang: int = 0, keep: Sequence[str] = ()) -> None:
        self.content = content if isinstance(content, Content) else Content(content)
        self.hang = hang
        self.keep = tuple(keep)
        self._cache: tuple[int, list[Content]] | None = None

    @property
    def plain(self) -> str:
        return self.content.plain

    def lines(self, width: int) -> list[Content]:
        """The lines at `width` cells."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        hang = self.hang if width > self.hang + 8 else 0
        spans = wrap(self.content.plain, width, hang, self.keep)
        lines: list[Content] = []
        for start, end in spans:
            line = self.content[start:end]
            if hang and lines and start > 0 and self.content.plain[start - 1] != "\n":
                line = Content(" " * hang) + line
            lines.append(line)
        self._cache = (width, lines)
        return lines

    def text(self, width: int) -> str:
        return "\n".join(line.plain for line in self.lines(width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if not width:
            return []
        joined = Content("\n").join(self.lines(width))
        return joined.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width)) if width > 0 else 0


class WrappedText(Static):
    """A Static whose text wraps by the line-breaking rule."""

    def __init__(
        self, content: Content | str = "", *, hang: int = 0, keep: Sequence[str] = (), **kwargs: object
    ) -> None:
        super().__init__(Wrapped(content, hang, keep), **kwargs)  # type: ignore[arg-type]
        self.hang = hang

    def set(self, content: Content | str, keep: Sequence[str] = ()) -> None:
        """Show other text (`keep`: strings never to break)."""
        self.update(Wrapped(content, self.hang, keep))

    @property
    def wrapped(self) -> Wrapped:
        visual = self.visual
        assert isinstance(visual, Wrapped)
        return visual

    @property
    def plain(self) -> str:
        return self.wrapped.plain

    def shown_lines(self) -> list[str]:
        """The lines as currently shown (for tests and copying)."""
        return [line.plain for line in self.wrapped.lines(self.content_region.width)]

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(self.wrapped.text(self.content_region.width)), "\n"
