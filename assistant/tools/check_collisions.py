"""Checks of words that point two ways: one alias (or name) for two concepts, one cue for two intents.

After folding, the reader finds a word once; when two concepts or two intents own it, which one wins is
arbitrary (same kind or priority: an error) or one of them never wins (a warning: a word may on purpose
name a metric and a qualifier, 科創板).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from assistant.lang.normalize import fold
from assistant.pack.model import Pack
from assistant.tools.check_files import Use, YamlFile, concept_forms

if TYPE_CHECKING:
    from assistant.tools.check import Checker


def aliases(checker: Checker, pack: Pack) -> None:
    """After folding, one alias (or name) stands for one concept, across pack and vocabulary.

    Two concepts of one kind sharing an alias is an error (the matcher cannot tell them apart); across
    kinds it is a warning.
    """
    defined = _concept_files(checker)
    seen, kinds = _alias_uses(defined)
    for folded, uses in seen.items():
        if len({u.owner for u in uses}) < 2:
            continue
        use = max(uses, key=lambda u: (u.yfile in checker.facts_files, u.yfile.rel, u.line))
        others = {u.owner: f"{u.owner} ({kinds[u.owner]}, {u.where})" for u in uses if u.owner != use.owner}
        same_kind = any(kinds[other] == kinds[use.owner] for other in others)
        checker.add(
            use.yfile.rel,
            use.line,
            f"alias {use.text!r} (folded {folded!r}) names both {use.owner} "
            f"({kinds[use.owner]}) and {', '.join(others.values())}",
            use.owner,
            "error" if same_kind else "warning",
        )


def _concept_files(checker: Checker) -> dict[str, YamlFile]:
    """The file that defines each concept (the last one wins); a concept defined twice in the pack's own
    files is a warning."""
    defined: dict[str, YamlFile] = {}
    for yfile in [*checker.intent_files, *checker.facts_files]:
        for concept_id in yfile.mapping("concepts"):
            earlier = defined.get(concept_id)
            if earlier in checker.facts_files and yfile in checker.facts_files:
                checker.add(
                    yfile.rel,
                    yfile.line("concepts", concept_id),
                    f"concept {concept_id} is defined twice "
                    f"(also {earlier.rel}:{earlier.line('concepts', concept_id)}); the later one wins",
                    concept_id,
                    "warning",
                )
            defined[concept_id] = yfile
    return defined


def _alias_uses(defined: dict[str, YamlFile]) -> tuple[dict[str, list[Use]], dict[str, str]]:
    """Every folded alias and name with the concepts that use it, and each concept's kind."""
    seen: dict[str, list[Use]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for concept_id, yfile in defined.items():
        concept = yfile.mapping("concepts").get(concept_id)
        concept = concept if isinstance(concept, dict) else {}
        kinds[concept_id] = str(concept.get("kind"))
        for path, form in concept_forms(concept):
            if fold(form):
                seen[fold(form)].append(Use(concept_id, yfile, ("concepts", concept_id, *path), form))
    return seen, kinds


def cues(checker: Checker, pack: Pack) -> None:
    """A cue word (after folding) signals one operation: an error between intents of equal priority (the
    choice is arbitrary), a warning otherwise (the cue is dead in the intent of lower priority). Intents
    that only say the unit wanted (ask_percent: 增幅) add to whichever operation wins, so they compete
    with none."""
    priority = {i: intent.priority for i, intent in pack.intents.items()}
    hints = {i for i, intent in pack.intents.items() if intent.unit}  # a unit asked adds to any operation
    for folded, all_uses in _cue_uses(checker).items():
        uses = [u for u in all_uses if u.owner not in hints]
        if len({u.owner for u in uses}) < 2:
            continue
        use = min(uses, key=lambda u: (priority.get(u.owner, 0), -u.line))
        others = [u for u in uses if u.owner != use.owner]
        tie = any(priority.get(u.owner, 0) == priority.get(use.owner, 0) for u in others)
        listed = ", ".join(f"{u.owner} ({u.where})" for u in others)
        outcome = "with equal priority" if tie else "and never wins here: a higher priority takes it"
        checker.add(
            use.yfile.rel,
            use.line,
            f"cue {use.text!r} (folded {folded!r}) signals both intent {use.owner} and {listed} {outcome}",
            use.owner,
            "error" if tie else "warning",
        )


def _cue_uses(checker: Checker) -> dict[str, list[Use]]:
    """Every folded cue with the intents whose cue it is."""
    seen: dict[str, list[Use]] = defaultdict(list)
    for yfile in checker.intent_files:
        for intent_id, intent in yfile.mapping("intents").items():
            for index, cue in enumerate((intent if isinstance(intent, dict) else {}).get("cues") or []):
                if isinstance(cue, str) and fold(cue):
                    seen[fold(cue)].append(Use(intent_id, yfile, ("intents", intent_id, "cues", index), cue))
    return seen
