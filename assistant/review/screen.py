"""The review screen: the paragraph beside the fact, the check's problems and a question tried below,
one key per decision (Prodigy-style: accept, delete, skip), and 1-9 to edit a field."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from assistant.errors import AssistantError
from assistant.review import view
from assistant.review.dialogs import NEW, NONE, EditLine, PickConcept, read_concept
from assistant.review.fields import CONCEPT_KINDS, FIELDS, KEYS, parse, shown
from assistant.review.pack_actions import PackActions
from assistant.review.pack_files import FactItem
from assistant.review.session import ReviewSession
from assistant.review.trial import Trial, Trials
from assistant.tools.check import CheckResult, check_pack

SETTLE = 0.4  # seconds without a change before the pack is checked and loaded again
WATCH = 1.0  # seconds between looks at the files for an edit made outside the review
HINTS = {
    "period": "2024, 2025Q1, 2024H2, 2024-12, 2025-06-10; empty for none",
    "value": "[approx] number [scale] [unit] | as written, e.g. 約 6 億 元 | 約6億元",
    "change": "[approx] number [scale] [unit] | as written: -18.45 % | 同比下降18.45%, 約 4.2 % | 增幅約4.2%; "
    "empty: none",
    "label": "zh-Hant | en, e.g. 2024年營業收入 | revenue in 2024; empty for none",
    "statement": "zh-Hant | en: what the fact says, the English written in English",
    "quote": "the sentence, copied exactly from the paragraph",
}
LISTS = ("segment", "tags")  # fields holding several concepts: choosing one again takes it out


class ReviewScreen(PackActions):
    """One draft fact at a time, in file order, starting with the first draft."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept"),
        Binding("x", "delete", "Delete"),
        Binding("space", "skip", "Skip"),
        Binding("u", "undo", "Undo"),
        Binding("c", "new_concept", "New concept"),
        Binding("plus", "add_alias", "Alias"),
        Binding("t", "ask", "Ask"),
        Binding("e", "edit_concept", "Edit concept"),
        Binding("d", "default_subject", "Default subject"),
        Binding("y", "current_year", "Year", show=False),
        Binding("g", "go_to", "Go to", show=False),
        Binding("right", "step(1)", "Next fact", show=False),
        Binding("left", "step(-1)", "Previous fact", show=False),
        Binding("q", "app.quit", "Quit"),
        Binding("n", "copy_fact", "New fact", show=False),
        *(
            Binding(key, f"edit('{field}')", f"Edit {field}", show=False)
            for key, field in zip(KEYS, FIELDS, strict=True)
        ),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        first = session.next_draft(-1) if session.facts else None
        self.index = first if first is not None else 0
        self.checked: CheckResult | None = None
        self.trials: Trials | None = None
        self.trial: Trial | None = None
        self.timer: Timer | None = None
        self.busy = threading.Lock()
        self.last = ""  # the last decision, shown until the next: a key that did something says so

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="top"):
            with VerticalScroll(id="paragraph-pane", can_focus=False):
                yield Static(id="paragraph")
            with VerticalScroll(id="card-pane", can_focus=False):
                yield Static(id="card")
        with Horizontal(id="bottom"):
            with VerticalScroll(id="problems-pane", can_focus=False):
                yield Static(id="problems")
            with VerticalScroll(id="trial-pane", can_focus=False):
                yield Static(id="trial")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#paragraph-pane").border_title = "Paragraph"
        self.query_one("#card-pane").border_title = "Fact · 1-9, 0 edit a field · n new fact"
        self.query_one("#problems-pane").border_title = "Check"
        self.query_one("#trial-pane").border_title = "Question tried"
        self.show()
        self.refresh_pack()
        self.set_interval(WATCH, self.notice_edits)

    def notice_edits(self) -> None:
        """Read the files again when an editor or a script changed them, so that the screen never shows
        (or writes back) what they no longer hold."""
        if self.session.stale():
            fact_id = self.fact.id if self.fact else ""
            self.session.reload()
            found = next((i for i, f in enumerate(self.session.facts) if f.id == fact_id), self.index)
            self.last = "the files changed outside the review: read again"
            self.changed(found)

    # -- what is shown ----------------------------------------------------------------------------

    @property
    def fact(self) -> FactItem | None:
        facts = self.session.facts
        return facts[self.index] if 0 <= self.index < len(facts) else None

    def show(self) -> None:
        fact = self.fact
        reviewed, total = self.session.progress
        check = self.checked.summary().split(";")[0] if self.checked else "checking…"
        drafts = sum(f.draft for f in self.session.facts)
        left = f"{drafts} drafts left" if drafts else "all reviewed: `assistant check` to finish"
        place = f"fact {self.index + 1}/{len(self.session.facts)}" if fact else "no facts"
        parts = [f"Review {self.session.root.name}", place, f"{reviewed}/{total} reviewed", left, f"check: {check}"]
        parts.append(self.last)
        self.query_one("#status", Static).update(Content(" · ".join(p for p in parts if p)))
        if fact is None:
            for pane in ("#paragraph", "#card", "#problems", "#trial"):
                self.query_one(pane, Static).update("")
            return
        self.query_one("#paragraph", Static).update(view.paragraph_view(self.session.paragraph(fact), fact))
        self.query_one("#card", Static).update(view.card_view(fact, self.session.concepts))
        findings = None
        if self.checked is not None:
            rel = str(fact.path.relative_to(self.session.root))
            ids = {f.id for f in self.session.facts}
            findings = view.split_problems(self.checked.problems, fact, rel, ids)
        self.query_one("#problems", Static).update(view.problems_view(findings, check))
        self.query_one("#trial", Static).update(view.trial_view(self.trial))

    @work(thread=True, exclusive=True, group="pack", exit_on_error=False)
    def refresh_pack(self) -> None:
        """Check the saved pack and load it afresh, away from the keyboard; the newest save wins, and one
        check runs at a time (a stale one finishes first, its result dropped)."""
        worker = get_current_worker()
        with self.busy:
            if worker.is_cancelled:
                return
            checked: CheckResult | None = None
            trials = Trials(self.session.root)
            try:
                checked = check_pack(self.session.root)
                trials.reload()
            except Exception as exc:  # a review never dies of a pack it cannot read
                trials.error = f"the pack cannot be checked or loaded: {exc}"
            if not worker.is_cancelled:
                self.app.call_from_thread(self.pack_ready, checked, trials)

    def pack_ready(self, checked: CheckResult | None, trials: Trials) -> None:
        self.checked, self.trials = checked, trials
        self.try_fact()
        self.show()

    def try_fact(self) -> None:
        fact = self.fact
        try:
            self.trial = self.trials.try_fact(fact.id) if self.trials and fact else None
        except Exception as exc:  # an engine error is shown, not raised
            self.trial = Trial("", error=f"the question failed: {exc}", fact_id=fact.id if fact else "")

    def changed(self, index: int | None = None) -> None:
        """After a save: move where asked, show at once, then check and try again in the background."""
        if index is not None:
            self.index = index
        self.index = max(0, min(self.index, len(self.session.facts) - 1))
        self.trial = None
        self.show()
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(SETTLE, self.refresh_pack)  # a burst of keys runs one check

    # -- decisions ----------------------------------------------------------------------------------

    def _guarded(self, action: str) -> bool:
        if self.fact is None:
            self.notify(f"no fact to {action}", severity="warning")
            return False
        return True

    def action_accept(self) -> None:
        if self._guarded("accept") and self.fact is not None:
            accepted = self.fact.id
            if self.attempt(lambda: self.session.accept(self.index)):
                after = self.session.next_draft(self.index)
                self.last = f"accepted {accepted}"
                self.changed(after if after is not None else self.index)

    def action_delete(self) -> None:
        if self._guarded("delete"):
            removed = self.fact.id if self.fact else ""
            if self.attempt(lambda: self.session.delete(self.index)):
                after = self.session.next_draft(self.index - 1) if self.session.facts else None
                self.last = f"deleted {removed} (u to undo)"
                self.changed(after if after is not None else self.index)

    def action_skip(self) -> None:
        after = self.session.next_draft(self.index) if self.session.facts else None
        self.move(after if after is not None else self.index)

    def action_step(self, step: int) -> None:
        if self.session.facts:
            self.move((self.index + step) % len(self.session.facts))

    def move(self, index: int) -> None:
        self.index = index
        self.try_fact()
        self.show()

    def action_copy_fact(self) -> None:
        """A new draft beside this one, from its sentence: a figure or statement the draft missed."""
        if self._guarded("copy") and self.fact is not None:
            copied: list[int] = []
            if self.attempt(lambda: copied.append(self.session.copy_fact(self.index))):
                self.last = f"new fact {self.session.facts[copied[0]].id}: edit what differs (0 edits the quote)"
                self.changed(copied[0])

    def action_undo(self) -> None:
        done: list[bool] = []
        if not self.attempt(lambda: done.append(self.session.undo())):
            return
        self.last = "undone" if done[0] else "nothing to undo"
        self.changed()

    def attempt(self, change: Callable[[], object]) -> bool:
        """Run a decision; a refusal (the files changed outside, an edit that breaks the pack) is said."""
        try:
            change()
        except AssistantError as exc:
            self.notify(str(exc), severity="error")
            self.last = f"not saved: {exc}"  # kept in the status line: a toast is gone before it is read
            self.changed()
            return False
        return True

    def action_go_to(self) -> None:
        def go(typed: str) -> str | None:
            wanted = typed.strip()
            ids = [f.id for f in self.session.facts]
            found = next((i for i, fid in enumerate(ids) if fid == wanted), None)
            if found is None:
                found = next((i for i, fid in enumerate(ids) if fid.startswith(wanted)), None) if wanted else None
            if found is None:
                return f"no fact {wanted!r}: an id such as {ids[0] if ids else 'p3-1'} or its start"
            self.move(found)
            return None

        self.app.push_screen(EditLine("Go to fact", "", "a fact's id, or its start (p12 goes to p12-1)", go))

    # -- edits ------------------------------------------------------------------------------------

    def action_edit(self, field: str) -> None:
        fact = self.fact
        if not self._guarded("edit") or fact is None:
            return
        if field in CONCEPT_KINDS:
            current = fact.data.get(field) or []
            current = [current] if isinstance(current, str) else [str(c) for c in current]
            picker = PickConcept(
                f"{field} of {fact.id}",
                self.session.choices(field),
                current,
                allow_none=field in LISTS,
                hint="Enter choose · type a new name to add a concept · Esc cancel"
                + (" · one chosen again is removed" if field in LISTS else ""),
            )
            self.app.push_screen(picker, lambda chosen: self.concept_chosen(field, chosen))
            return
        editor = EditLine(
            f"{field} of {fact.id}", shown(field, fact.data), HINTS[field], lambda text: self.save_field(field, text)
        )
        self.app.push_screen(editor, lambda done: self.changed() if done is not None else None)

    def save_field(self, field: str, text: str) -> str | None:
        fact = self.fact
        if fact is None:
            return "no fact"
        try:
            self.session.update(self.index, parse(field, text, fact.data))
        except AssistantError as exc:
            return str(exc)
        return None

    def concept_chosen(self, field: str, chosen: str | None) -> None:
        fact = self.fact
        if chosen is None or fact is None:
            return
        if chosen.startswith(NEW):
            self.app.push_screen(
                self.concept_editor(chosen.removeprefix(NEW), CONCEPT_KINDS[field]),
                lambda line: self.concept_chosen(field, read_concept(line)["id"]) if line else None,
            )
            return
        if field in LISTS:
            now = [str(s) for s in fact.data.get(field) or []]
            removed = chosen == NONE or chosen in now
            value: str | list[str] = (
                [] if chosen == NONE else ([s for s in now if s != chosen] if chosen in now else [*now, chosen])
            )
            done = f"{field} of {fact.id}: " + (
                f"removed {', '.join(now) if chosen == NONE else chosen}" if removed else f"added {chosen}"
            )
        else:
            value, done = chosen, f"{field} of {fact.id}: {chosen}"
        if self.attempt(lambda: self.session.set_concept(self.index, field, value)):
            self.last = done
            self.changed()

    def action_ask(self) -> None:
        def ask(question: str) -> str | None:
            if self.trials is None or self.trials.bot is None:
                return self.trials.error if self.trials and self.trials.error else "the pack is still loading"
            self.trial = self.trials.ask(question)
            return None

        self.app.push_screen(
            EditLine("Ask the pack", "", "a question, as a reader would ask it", ask),
            lambda done: self.show() if done is not None else None,
        )
