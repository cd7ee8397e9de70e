"""Funding rounds named by their label (A轮, B+轮, Series C, 天使轮, seed round).

A question about one round must not be answered with another round's figures: "Series A 融了多少" on an
article that gives only the B round is no answer. The marks and labels are words of language.yaml.
"""

from __future__ import annotations

import re

from assistant.lang.normalize import fold

_LETTER = r"pre[- ]?[a-h]\+*|[a-h]\+*"


class Rounds:
    """Reads the rounds a text names, as canonical labels ("a", "b+", "prea", "angel")."""

    def __init__(self, words: dict[str, list[str]]) -> None:
        labels = sorted((fold(w) for w in words.get("round_labels", [])), key=len, reverse=True)
        label = "|".join([*(re.escape(w) for w in labels), _LETTER])
        marks = "|".join(re.escape(fold(w)) for w in sorted(words.get("round_marks", []), key=len, reverse=True))
        openers = "|".join(re.escape(fold(w)) for w in words.get("round_openers", []))
        parts = []
        if marks:
            parts.append(rf"(?<![a-z])(?P<before>{label})\s*(?:{marks})(?![a-z])")
        if openers:
            parts.append(rf"(?<![a-z])(?:{openers})\s*(?P<after>{label})(?![a-z+])")
        self._pattern = re.compile("|".join(parts)) if parts else None
        self._same: dict[str, str] = {}
        for pair in words.get("round_same", []):
            first, *others = (re.sub(r"[- ]", "", fold(w)) for w in pair.split())
            for other in others:
                self._same[other] = first

    def named(self, text: str) -> set[str]:
        """The rounds a text names."""
        return set(self.spans(text))

    def spans(self, text: str) -> dict[str, tuple[int, int]]:
        """Each round a text names, with where the folded text names it first; a bare "a round" (the
        English article) is no round."""
        if self._pattern is None:
            return {}
        found: dict[str, tuple[int, int]] = {}
        for match in self._pattern.finditer(fold(text)):
            label = re.sub(r"[- ]", "", match.group("before") or match.group("after") or "")
            if label == "a" and match.group("before") and not re.match(r"a\s*轮", match.group(0)):
                continue  # "raised a round of funding"
            found.setdefault(self._same.get(label, label), match.span())
        return found
