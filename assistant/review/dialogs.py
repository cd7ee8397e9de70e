"""The review's small dialogs, all keyboard first and each a single line (no focus to move between
fields, so that keys typed quickly all land where they are meant): a line to edit, a concept to pick
(type to filter, arrows, Enter). Each calls back into the review, which saves at once; an error keeps
the dialog open with the message under the line."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from assistant.lang.normalize import fold
from assistant.review.pack_files import ConceptItem

Act = Callable[[str], str | None]  # performs the change; returns an error message, or None when done
MAX_OPTIONS = 200
NEW = "new:"
NONE = "none:"


class Line(Input):
    """An Input whose Ctrl-U clears the whole line, wherever the cursor is (a dialog may open with the
    cursor mid-line)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+u", "clear_line", "Clear", show=False)]

    def action_clear_line(self) -> None:
        self.value = ""
        self.cursor_position = 0


class OneLine(ModalScreen[str | None]):
    """A dialog around one Input: keys that arrive before the Input has the focus (typed right after the
    key that opened the dialog) go to it all the same, in order, replacing its text when it selects all
    on focus (as typing would)."""

    LINE = "#line"

    async def on_key(self, event: events.Key) -> None:
        line = self.query_one(self.LINE, Input)
        if self.focused is line:
            return
        if event.is_printable and event.character:
            if line.select_on_focus:
                line.value = ""
                line.select_on_focus = False  # the rest of the burst is appended, not selected away
            self.set_focus(line)
            line.insert_text_at_cursor(event.character)
            event.stop()
        elif event.key == "enter":
            self.set_focus(line)
            event.stop()
            await line.action_submit()


class EditLine(OneLine):
    """One line of text: Enter saves it (when the review accepts it), Esc leaves it as it was."""

    AUTO_FOCUS = "#line"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, value: str, hint: str, act: Act, cursor: int | None = None) -> None:
        """`cursor`: where typing goes in the line; without it the whole line is selected and typing
        replaces it (End or an arrow keeps it to edit)."""
        super().__init__()
        self.title_text, self.value, self.hint, self.act = title, value, hint, act
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.title_text, "bold"))
            line = Line(value=self.value, id="line", select_on_focus=self.cursor is None)
            line.cursor_position = len(self.value) if self.cursor is None else self.cursor
            yield line
            yield Static(Content.styled(self.hint, "$text-muted"), classes="hint")
            yield Static("", id="error")

    @on(Input.Changed, "#line")
    def forget_error(self) -> None:
        """An error is about the line as it was submitted: typing on makes it stale."""
        self.query_one("#error", Static).update("")

    @on(Input.Submitted, "#line")
    def submit(self, event: Input.Submitted) -> None:
        error = self.act(event.value)
        if error:
            self.query_one("#error", Static).update(Content.styled(error, "$text-error"))
        else:
            self.dismiss(event.value)


class PickConcept(OneLine):
    """Concepts to choose from: type to filter by id, name or alias, arrows to move, Enter to choose.

    The result is a concept id, `new:<typed text>` to define a new concept, or `none:` to clear."""

    AUTO_FOCUS = "#filter"
    LINE = "#filter"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
    ]

    def __init__(
        self,
        title: str,
        choices: list[ConceptItem],
        current: list[str],
        *,
        allow_new: bool = True,
        allow_none: bool = False,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text, self.choices, self.current = title, choices, current
        self.allow_new, self.allow_none, self.hint = allow_new, allow_none, hint
        self.folded = {c.id: frozenset(fold(w) for w in c.words()) for c in choices}  # once, not per key
        self.filled_for: str | None = None  # the filter text the options were last listed for

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(Content.styled(self.title_text, "bold"))
            yield Input(placeholder="type to filter: id, name or alias", id="filter")
            yield OptionList(id="options")
            yield Static(Content.styled(self.hint or "Enter choose · Esc cancel", "$text-muted"), classes="hint")

    def on_mount(self) -> None:
        self.fill("")
        options = self.query_one(OptionList)
        for index in range(options.option_count):
            if options.get_option_at_index(index).id in self.current:
                options.highlighted = index
                break

    def fill(self, typed: str) -> None:
        self.filled_for = typed
        options = self.query_one(OptionList)
        options.clear_options()
        needle = fold(typed.strip())
        ranked = sorted(
            (c for c in self.choices if not needle or any(needle in w for w in self.folded[c.id])),
            key=lambda c: (needle not in self.folded[c.id], not c.own, c.id),
        )
        shown = [
            Option(
                Content.assemble(
                    "✓ " if c.id in self.current else "  ",
                    (c.id, "bold"),
                    f"  {c.name}",
                    ("" if c.own else "  vocabulary", "$text-muted"),
                ),
                id=c.id,
            )
            for c in ranked[:MAX_OPTIONS]
        ]
        exact = any(needle in self.folded[c.id] for c in ranked)
        if self.allow_new and typed.strip() and not exact:
            shown.append(
                Option(Content.styled(f"+ new concept «{typed.strip()}»", "$text-success"), id=NEW + typed.strip())
            )
        if self.allow_none and self.current:
            shown.append(Option(Content.styled("(none: clear)", "$text-muted"), id=NONE))
        options.add_options(shown)
        if shown:
            options.highlighted = 0

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#filter")
    def choose_highlighted(self) -> None:
        typed = self.query_one("#filter", Input).value
        if typed != self.filled_for:  # Enter typed right after the filter, before its change was handled
            self.fill(typed)
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))


def concept_line(typed: str, kind: str) -> tuple[str, int]:
    """The line a new concept starts from, and where the cursor goes (where the English name is typed):
    `zh-Hant | en | kind | aliases` from what was typed in the picker."""
    zh, en = ("", typed) if typed.isascii() else (typed, "")
    line = f"{zh} | {en} | {kind} | {typed}"
    return line, len(f"{zh} | {en}")


def read_concept(line: str) -> dict[str, str]:
    """`zh-Hant | en | kind | aliases [| id]` as the fields of a new concept; the id follows the English
    name (Qinghe Dairy -> qinghe_dairy) unless given."""
    parts = [part.strip() for part in line.split("|")]
    parts += [""] * (5 - len(parts))
    zh, en, kind, aliases, given = parts[:5]
    return {"zh": zh, "en": en, "kind": kind, "aliases": aliases, "id": given or slug(en)}


def concept_problem(values: dict[str, str], kinds: tuple[str, ...]) -> str | None:
    """What is wrong with a concept line, in words that say how to write it; None when it can be saved. An
    English name that is a kind (`staff cost ratio | metric | …`, the Chinese name left out) shifted the
    fields: never an id."""
    if values["kind"] not in kinds:
        return f"kind {values['kind']!r}: one of {', '.join(kinds)}; write Chinese name | English name | kind | aliases"
    if values["en"] in kinds or not values["id"]:
        return "write Chinese name | English name | kind | aliases: the English name gives the id"
    return None


def slug(text: str) -> str:
    """An id from an English name: Lantuo Electric -> lantuo_electric."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def split_aliases(text: str) -> list[str]:
    """Aliases typed with commas between them; 、 belongs to a Chinese alias (电池、配件及智能硬件)."""
    return [a.strip() for a in re.split(r"[,，]", text) if a.strip()]
