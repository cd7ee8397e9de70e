"""Checks of the pack's concepts against the vocabulary: a pack concept that replaces a vocabulary
concept of the same id (and loses its aliases), and an alias that swallows a metric or segment word
(the longest alias wins when a question is read, so 直流充電樁收入 as a segment hides the metric 收入).

Only an alias that ends with the word swallows it: a question writes the company or the part, then
what it asks (直流充電樁收入多少); a word inside a name (股份 in 聯影醫療科技股份有限公司) is part of it.
A segment's alias is reported whenever it ends with a metric word (the part and the measure are what
questions combine); an entity's or a qualifier's only when facts of the pack combine the two concepts
(Sequoia Capital China does not hide the segment China unless some fact is about Sequoia in China)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from assistant.lang.normalize import fold
from assistant.pack.model import Pack
from assistant.pack.schema import Concept
from assistant.tools.check_files import YamlFile, concept_forms

if TYPE_CHECKING:
    from assistant.tools.check import Checker

SWALLOWED_KINDS = ("metric", "segment")  # words a question needs to keep: what is asked and of which part
SWALLOWING_KINDS = ("entity", "segment", "qualifier")  # names a question puts before what it asks


def shadowed(checker: Checker, pack: Pack) -> None:
    """A pack concept with a vocabulary concept's id replaces it unless it says `extends: <that id>`."""
    vocabulary = {cid: yfile for yfile in checker.intent_files for cid in yfile.mapping("concepts")}
    for yfile in checker.facts_files:
        for cid, raw in yfile.mapping("concepts").items():
            raw = raw if isinstance(raw, dict) else {}
            extends, line = raw.get("extends"), yfile.line("concepts", cid)
            if extends is not None:
                _check_extends(checker, yfile, cid, raw, str(extends), vocabulary)
                _merged(checker, pack, yfile, cid, vocabulary.get(str(extends)))
                continue
            if cid not in vocabulary:
                continue
            home = vocabulary[cid]
            aliases = [text for path, text in concept_forms(_raw(home, cid)) if path[0] == "aliases"]
            shown = ", ".join(aliases[:3]) + (", …" if len(aliases) > 3 else "")
            lost = f": its {len(aliases)} aliases ({shown}) no longer name it" if aliases else ""
            checker.add(
                yfile.rel,
                line,
                f"concept {cid} shadows the vocabulary's {cid} ({home.rel}:"
                f"{home.line('concepts', cid)}); this definition replaces it{lost}. Add `extends: {cid}` to "
                "keep the vocabulary's aliases and add these, or give this concept another id",
                cid,
            )


def _raw(yfile: YamlFile, cid: str) -> dict[str, Any]:
    raw = yfile.mapping("concepts").get(cid)
    return raw if isinstance(raw, dict) else {}


def _check_extends(
    checker: Checker, yfile: YamlFile, cid: str, raw: dict[str, Any], extends: str, vocabulary: dict[str, YamlFile]
) -> None:
    line = yfile.line("concepts", cid, "extends")
    home = vocabulary.get(extends)
    if home is None:
        checker.add(
            yfile.rel,
            line,
            f"extends: {extends} is not a concept of the vocabulary; `extends` names the "
            "vocabulary concept whose aliases this one keeps",
            cid,
        )
    elif extends != cid:
        checker.add(
            yfile.rel,
            line,
            f"extends: {extends} on concept {cid}: a pack concept extends the vocabulary "
            f"concept of its own id; rename it {extends}, or drop `extends` to keep a concept of its own",
            cid,
        )
    elif raw.get("kind") != _raw(home, extends).get("kind"):
        checker.add(
            yfile.rel,
            line,
            f"concept {cid} is a {raw.get('kind')} but extends the vocabulary's "
            f"{_raw(home, extends).get('kind')} {extends} ({home.rel}:{home.line('concepts', extends)})",
            cid,
        )


def _merged(checker: Checker, pack: Pack, yfile: YamlFile, cid: str, home: YamlFile | None) -> None:
    """`extends` only helps when the loader keeps the vocabulary's aliases: say so while it does not."""
    loaded = pack.concepts.get(cid)
    if home is None or loaded is None:
        return
    kept = {fold(a) for a in loaded.aliases}
    aliases = [text for path, text in concept_forms(_raw(home, cid)) if path[0] == "aliases"]
    lost = [a for a in aliases if fold(a) not in kept]
    if lost:
        checker.add(
            yfile.rel,
            yfile.line("concepts", cid, "extends"),
            f"extends: {cid} is not honoured by this "
            f"version's loader: the vocabulary's aliases ({', '.join(lost[:3])}…) are not kept",
            cid,
            "warning",
        )


def swallowed_words(checker: Checker, pack: Pack) -> None:
    """An alias of a pack concept that contains a metric or segment word of another kind of concept."""
    words: dict[str, set[str]] = defaultdict(set)
    for cid, each in pack.concepts.items():
        if each.kind in SWALLOWED_KINDS:
            for form in _forms(each):
                words[fold(form)].add(cid)
    combined = _combined(pack)
    for yfile in checker.facts_files:
        for cid in yfile.mapping("concepts"):
            concept = pack.concepts.get(cid)
            if concept is None or concept.kind not in SWALLOWING_KINDS:
                continue
            reported: set[str] = set()
            for path, text in concept_forms(_raw(yfile, cid)):
                hidden = {
                    word: owner
                    for word, owner in _hidden(fold(text), cid, concept, pack, words).items()
                    if concept.kind == "segment" or (cid, owner) in combined
                }
                if hidden and fold(text) not in reported:
                    reported.add(fold(text))
                    _report(checker, yfile, ("concepts", cid, *path), cid, concept, text, hidden, pack)


def _combined(pack: Pack) -> set[tuple[str, str]]:
    """Pairs of concepts some fact names together: (subject, segment or tag) with (metric or segment)."""
    pairs: set[tuple[str, str]] = set()
    for fact in pack.facts.values():
        for named in (fact.subject, *fact.segment, *fact.tags):
            pairs.update((named, asked) for asked in (fact.metric, *fact.segment) if asked != named)
    return pairs


def _forms(concept: Concept) -> list[str]:
    names = concept.names
    return [form for form in (*concept.aliases, names.zh_Hant, names.zh_Hans or "", names.en) if form]


def _hidden(folded: str, cid: str, concept: Concept, pack: Pack, words: dict[str, set[str]]) -> dict[str, str]:
    """The metric and segment words inside an alias that belong to a concept of another kind: word -> owner."""
    own = {fold(form) for form in _forms(concept)}
    hidden: dict[str, str] = {}
    for word, owners in words.items():
        if len(word) >= len(folded) or word in own or not _ends_with(folded, word):
            continue
        for owner in sorted(owners):
            other = pack.concepts[owner]
            related = owner in concept.implies or cid in other.implies
            if other.kind != concept.kind and not related:
                hidden[word] = owner
                break
    return {w: o for w, o in hidden.items() if not any(w != v and v.endswith(w) for v in hidden)}  # the longest


def _ends_with(text: str, word: str) -> bool:
    """`text` ends with `word`; a Latin word only as a whole word (sales does not end wholesales)."""
    if not text.endswith(word):
        return False
    before = text[-len(word) - 1] if len(text) > len(word) else " "
    return not (word[0].isascii() and word[0].isalnum() and before.isascii() and before.isalnum())


def _report(
    checker: Checker,
    yfile: YamlFile,
    path: tuple[Any, ...],
    cid: str,
    concept: Concept,
    text: str,
    hidden: dict[str, str],
    pack: Pack,
) -> None:
    parts = [f"{word!r} ({pack.concepts[owner].kind} {owner})" for word, owner in sorted(hidden.items())]
    lost = " and ".join(sorted({pack.concepts[owner].kind for owner in hidden.values()}))
    checker.add(
        yfile.rel,
        yfile.line(*path),
        f"alias {text!r} of {concept.kind} {cid} ends with {', '.join(parts)}: "
        f"a question that writes 「{text}」 is read as {cid} alone and loses the {lost}. Keep the alias "
        "without it, or drop it",
        cid,
        "warning",
    )
