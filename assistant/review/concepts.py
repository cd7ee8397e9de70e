"""A review's changes to the pack's concepts: new ones, their names, kind and aliases, and taking out
those no fact names any more (the metric_3 a draft made up and a better concept replaced)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assistant.errors import AssistantError
from assistant.lang.normalize import fold, to_simplified, to_traditional
from assistant.review.pack_files import ConceptItem, FactItem, concept_file, setting, yaml_files
from assistant.review.yamltext import YamlText

# What a concept says only as the kind it was (a qualifier's restrictive and part, a metric's computed
# and unit): a change of kind drops them.
_KIND_FLAGS = ("restrictive", "part", "computed", "unit", "implies")
_CONCEPT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


class ConceptChanges:
    """Mixed into the review session, which holds the pack, its facts and concepts, and the undo history."""

    root: Path
    facts: list[FactItem]
    concepts: dict[str, ConceptItem]

    def reload(self) -> None:
        raise NotImplementedError

    def _remember(self, paths: list[Path]) -> None:
        raise NotImplementedError

    def guarded(self, change: Callable[[], None]) -> None:
        raise NotImplementedError

    def add_concept(self, concept_id: str, kind: str, zh: str, en: str, aliases: list[str]) -> None:
        """A new concept in the pack's gazetteer, with names in both languages and its aliases."""
        if not _CONCEPT_ID.fullmatch(concept_id):
            raise AssistantError(f"id {concept_id!r}: letters, digits and _, starting with a letter")
        if concept_id in self.concepts:
            raise AssistantError(f"{concept_id} already names a concept ({self.concepts[concept_id].name})")
        if not zh.strip() or not en.strip():
            raise AssistantError("a concept needs a Chinese and an English name")
        names = flow(CommentedMap([*chinese_names(zh.strip()), ("en", en.strip())]))
        body = CommentedMap([("kind", kind), ("names", names)])
        if aliases:
            body["aliases"] = flow(CommentedSeq(dict.fromkeys(a.strip() for a in aliases if a.strip())))
        self._append_concept(concept_id, body)

    def _append_concept(self, concept_id: str, body: CommentedMap) -> None:
        path = concept_file(self.root)

        def add() -> None:
            text = YamlText(path, "" if not path.exists() else None)
            self._remember([path])
            text.append("concepts", concept_id, body)
            text.save()
            self.reload()

        self.guarded(add)

    def add_alias(self, concept_id: str, *aliases: str) -> None:
        """More ways to write a concept of the pack, or of the vocabulary (派息 for dividend): the pack then
        holds a vocabulary concept as extending it, whose names and aliases stay."""
        concept = self.concepts.get(concept_id)
        if concept is None:
            raise AssistantError(f"{concept_id}: no such concept")
        known = {fold(w) for w in concept.words()[1:]}  # names and aliases, not the id
        typed = list(dict.fromkeys(a.strip() for a in aliases if a.strip()))
        new = [a for a in typed if fold(a) not in known]
        if not new:
            raise AssistantError(f"{', '.join(typed)!r} already names {concept_id}" if typed else "type the alias")
        if concept.own:
            self.guarded(lambda: self._edit(concept_id, lambda body: _add_aliases(body, new)))
            return
        names = flow(CommentedMap(list(concept.names.items())))
        body = CommentedMap([("kind", concept.kind), ("names", names), ("extends", concept_id)])
        body["aliases"] = flow(CommentedSeq(new))
        self._append_concept(concept_id, body)

    def edit_concept(self, concept_id: str, kind: str, zh: str, en: str, aliases: list[str]) -> None:
        """New names, kind and aliases for a concept of the pack (its id, which facts cite, stays)."""
        concept = self._own(concept_id)
        if not zh.strip() or not en.strip():
            raise AssistantError("a concept needs a Chinese and an English name")

        def change(body: CommentedMap) -> None:
            names = body.get("names") if isinstance(body.get("names"), dict) else {}
            same = names.get("zh-Hant") == zh.strip() and names.get("zh-Hans")
            chinese = [("zh-Hant", zh.strip()), ("zh-Hans", names["zh-Hans"])] if same else chinese_names(zh.strip())
            if body.get("kind") != kind:  # a qualifier made a segment: its flags were the qualifier's
                for flag in _KIND_FLAGS:
                    body.pop(flag, None)
            body["kind"] = kind
            body["names"] = flow(CommentedMap([*chinese, ("en", en.strip())]))
            kept = [a.strip() for a in aliases if a.strip()]
            folds = {fold(a) for a in kept}  # the other script's twin of a kept alias stays; a deleted one goes
            twins = [str(a) for a in body.get("aliases") or [] if fold(str(a)) in folds]
            kept = list(dict.fromkeys([*kept, *twins]))
            if kept:
                body["aliases"] = flow(CommentedSeq(kept))
            else:
                body.pop("aliases", None)

        self.guarded(lambda: self._edit(concept.id, change))

    def delete_concept(self, concept_id: str) -> None:
        """Take out a concept of the pack that no fact names (a drafted metric_3 a new concept replaced)."""
        self._own(concept_id)
        users = [f.id for f in self.facts if concept_id in _named(f.data)]
        default = setting(self.root, "default_subject")
        if users or (default and default[1] == concept_id):
            named = ", ".join(users[:3]) + (" …" if len(users) > 3 else "") if users else "default_subject"
            raise AssistantError(f"{concept_id} is still named by {named}")
        path = self._concept_path(concept_id)

        def remove() -> None:
            text = YamlText(path)
            self._remember([path])
            text.remove(text.entry("concepts", concept_id))
            text.save()
            self.reload()

        self.guarded(remove)

    def _edit(self, concept_id: str, change: Callable[[CommentedMap], None]) -> None:
        path = self._concept_path(concept_id)
        text = YamlText(path)
        self._remember([path])
        text.edit(text.entry("concepts", concept_id), change)
        text.save()
        self.reload()

    def _own(self, concept_id: str) -> ConceptItem:
        concept = self.concepts.get(concept_id)
        if concept is None:
            raise AssistantError(f"{concept_id}: no such concept")
        if not concept.own:
            raise AssistantError(
                f"{concept_id} is a concept of the vocabulary: it is kept there, for every pack "
                "(a pack concept of the same id would replace it)"
            )
        return concept

    def _concept_path(self, concept_id: str) -> Path:
        for path in yaml_files(self.root / "facts"):
            if concept_id in {e.key for e in YamlText(path).entries("concepts")}:
                return path
        raise AssistantError(f"{concept_id}: not found in the pack's files")


def _named(data: dict[str, Any]) -> set[str]:
    """The concepts a fact names."""
    named = {str(data.get(k)) for k in ("subject", "metric", "object") if data.get(k)}
    for key in ("segment", "tags"):
        named.update(str(v) for v in data.get(key) or [])
    return named


def one_per_script(aliases: Sequence[str]) -> list[str]:
    """Aliases with one form of each (逸骑 for 逸骑 and 逸騎): what a reviewer reads and edits."""
    return list({fold(a): a for a in reversed(aliases)}.values())[::-1]


def chinese_names(typed: str) -> list[tuple[str, str]]:
    """A Chinese name in both scripts, whichever it was typed in (禾鼎央厨 is written 禾鼎央廚, whose
    simplified form the loader derives; zh-Hans is kept only where that derivation would differ)."""
    traditional, simplified = to_traditional(typed), to_simplified(typed)
    derived = to_simplified(traditional)
    return [("zh-Hant", traditional), *([("zh-Hans", simplified)] if derived != simplified else [])]


def flow(node: Any) -> Any:
    """A mapping or list written on one line, as `assistant draft` writes names and aliases."""
    node.fa.set_flow_style()
    return node


def _add_aliases(body: CommentedMap, new: list[str]) -> None:
    aliases = body.get("aliases")
    if isinstance(aliases, CommentedSeq):
        aliases.extend(new)
    else:
        body["aliases"] = flow(CommentedSeq(new))
