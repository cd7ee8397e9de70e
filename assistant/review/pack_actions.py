"""The review's actions on the pack rather than on one fact: new concepts, their names and aliases, and
the settings questions fall back to (default subject, the year the article was written)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from assistant.errors import AssistantError
from assistant.review.concepts import one_per_script
from assistant.review.dialogs import (
    EditLine,
    PickConcept,
    concept_line,
    concept_problem,
    read_concept,
    split_aliases,
)
from assistant.review.pack_files import KINDS, FactItem
from assistant.review.session import ReviewSession

CONCEPT_HINT = (
    "Chinese name | English name | kind (entity, metric, segment, qualifier) | aliases, separated by "
    "commas [| id]; the id follows the English name: Qinghe Dairy -> qinghe_dairy. Traditional and "
    "simplified forms are one alias"
)
EDIT_HINT = (
    "Chinese name | English name | kind | aliases; the id stays. Empty the line to delete a concept no fact names"
)


def attempt(change: Callable[[], None]) -> str | None:
    """Run a change of the pack; its error message, or None when it is saved."""
    try:
        change()
    except AssistantError as exc:
        return str(exc)
    return None


class PackActions(Screen[None]):
    """Concepts and settings, for the review screen (which holds the session and the fact shown)."""

    session: ReviewSession

    @property
    def fact(self) -> FactItem | None:
        raise NotImplementedError

    def changed(self, index: int | None = None) -> None:
        raise NotImplementedError

    @property
    def subject(self) -> str:
        return str(self.fact.data.get("subject", "")) if self.fact else ""

    def own_concepts(self, title: str) -> PickConcept:
        own = [c for c in self.session.concepts.values() if c.own]
        return PickConcept(title, own, [self.subject], allow_new=False)

    def after_saved(self, done: str | None) -> None:
        if done is not None:
            self.changed()

    def concept_editor(self, typed: str, kind: str) -> EditLine:
        line, cursor = concept_line(typed, kind)
        return EditLine("New concept", line, CONCEPT_HINT, self.create_concept, cursor)

    def create_concept(self, line: str) -> str | None:
        values = read_concept(line)
        problem = concept_problem(values, KINDS)
        if problem:
            return problem
        return attempt(
            lambda: self.session.add_concept(
                values["id"], values["kind"], values["zh"], values["en"], split_aliases(values["aliases"])
            )
        )

    def action_new_concept(self) -> None:
        self.app.push_screen(self.concept_editor("", "entity"), self.concept_added)

    def concept_added(self, line: str | None) -> None:
        if line:
            self.notify(f"added {read_concept(line)['id']}")
            self.changed()

    def action_add_alias(self) -> None:
        everything = list(self.session.concepts.values())  # the vocabulary's too: 派息 for dividend
        picker = PickConcept("Add an alias to", everything, [self.subject], allow_new=False)
        self.app.push_screen(picker, self.alias_for)

    def alias_for(self, concept_id: str | None) -> None:
        if concept_id is None:
            return
        concept = self.session.concepts[concept_id]
        editor = EditLine(
            f"New alias of {concept_id} ({concept.name})",
            "",
            "as people write it, any script",
            lambda text: attempt(lambda: self.session.add_alias(concept_id, *split_aliases(text))),
        )
        self.app.push_screen(editor, self.after_saved)

    def action_edit_concept(self) -> None:
        self.app.push_screen(self.own_concepts("Edit the concept"), self.edit_concept)

    def edit_concept(self, concept_id: str | None) -> None:
        if concept_id is None:
            return
        concept = self.session.concepts[concept_id]
        names = concept.names
        shown = ", ".join(one_per_script(concept.aliases))  # 逸骑, not 逸骑 and 逸騎: one deletion takes both
        line = f"{names.get('zh-Hant', '')} | {names.get('en', '')} | {concept.kind} | {shown}"

        def save(text: str) -> str | None:
            if not text.strip():  # a refused delete closes the dialog: typing more would change the concept
                refused = attempt(lambda: self.session.delete_concept(concept_id))
                if refused:
                    self.notify(refused, severity="error")
                return None
            values = read_concept(text)
            if values["kind"] not in KINDS:
                return f"kind {values['kind']!r}: one of {', '.join(KINDS)}"
            if values["en"] in KINDS:
                return "write Chinese name | English name | kind | aliases (the fields have shifted)"
            return attempt(
                lambda: self.session.edit_concept(
                    concept_id, values["kind"], values["zh"], values["en"], split_aliases(values["aliases"])
                )
            )

        self.app.push_screen(EditLine(f"Concept {concept_id}", line, EDIT_HINT, save, len(line)), self.after_saved)

    def action_default_subject(self) -> None:
        if self.subject:
            refused = attempt(lambda: self.session.set_default_subject(self.subject))
            self.notify(refused or f"default_subject: {self.subject}", severity="error" if refused else "information")
            self.changed()

    def action_current_year(self) -> None:
        def save(text: str) -> str | None:
            if not text.strip().isdigit():
                return "the year the article was written, such as 2025"
            return attempt(lambda: self.session.set_current_year(int(text)))

        found = self.session.current_year
        self.app.push_screen(
            EditLine(
                "current_year: the year the article was written (今年)",
                str(found or ""),
                "what 今年 and 去年 mean, in the article and in questions",
                save,
            ),
            self.after_saved,
        )
