"""Run evaluation cases (id, lang, kind, q or turns, expect, must, cite) and judge the answers.

The rules: status must match (`no_answer` passes on anything but "answered"), every `must` item is in
the text (numbers compared as numbers), the text is an answer and not a dump, and a `cite` lies inside
a citation quote that is verbatim in one paragraph of the pack's sources.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.engine.answer import Answer
from assistant.engine.assistant import Assistant
from assistant.errors import AssistantError
from assistant.lang.normalize import to_simplified

MAX_ANSWER_CHARS = 800
_TEXT_NUMBER = re.compile(r"(?<![\d.])([-+]?)(\d+(?:\.\d+)?)(%?)")
_ITEM_NUMBER = re.compile(r"([-+]?)(\d+(?:\.\d+)?)(%?)")


def norm(text: str | None) -> str:
    """Both sides of every comparison: simplified script, NFKC, no whitespace, lower case."""
    return "".join(to_simplified(unicodedata.normalize("NFKC", text or "")).split()).lower()


def number_in(item: str, text: str) -> bool:
    """A number in `text` equals `item` or only adds decimals (19.7 ~ 19.74), never inside a longer integer."""
    match = _ITEM_NUMBER.fullmatch(item)
    if match is None:
        return False
    sign, core, pct = match.groups()
    for t_sign, t_core, t_pct in _TEXT_NUMBER.findall(text):
        if (sign and t_sign != sign) or (pct and not t_pct):
            continue
        if t_core == core or (t_core.startswith(core) and ("." in core or t_core[len(core)] == ".")):
            return True
    return False


def contains(text: str, item: object) -> bool:
    """`item` in normalised `text`; numbers compared as numbers."""
    needle = norm(str(item))
    if _ITEM_NUMBER.fullmatch(needle):
        return number_in(needle, text)
    return needle in text


def judge(turn: dict[str, Any], answer: Answer, kind: str | None, paragraphs: list[str]) -> tuple[bool, str]:
    """(passed, why not) for one question."""
    if turn.get("expect") == "no_answer":
        return answer.status != "answered", "answered a question it should have declined"
    if answer.status != "answered":
        return False, f"status {answer.status}"
    text = norm(answer.text)
    for item in turn.get("must") or []:
        options = item if isinstance(item, list) else [item]
        if not any(contains(text, option) for option in options):
            return False, f"missing {item}"
    if kind != "meta" and len(text) > MAX_ANSWER_CHARS:
        return False, f"answer of {len(text)} characters is a dump"
    cite = turn.get("cite")
    if cite:
        quotes = [norm(c.quote) for c in answer.citations if norm(str(cite)) in norm(c.quote)]
        if not quotes:
            return False, "no citation quote contains the cited text"
        if not any(q in p for q in quotes for p in paragraphs):
            return False, "the citation quote is not verbatim in one paragraph"
    return True, ""


@dataclass
class Failure:
    case: str
    question: str
    why: str
    answer: str


@dataclass
class Report:
    """Pass counts by group, latencies and failures of one evaluation run."""

    tally: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def rate(self, key: str = "overall") -> float:
        passed, total = self.tally.get(key, [0, 0])
        return passed / total if total else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "groups": {
                k: {"passed": p, "total": n, "rate": round(p / n, 4)} for k, (p, n) in sorted(self.tally.items())
            },
            "latency_ms": {"p50": round(self.percentile(0.5), 3), "p99": round(self.percentile(0.99), 3)},
            "failures": [f.__dict__ for f in self.failures],
        }


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """Read a case file; a clear error when it is not a YAML list of cases."""
    try:
        cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"{path}: cannot read cases: {exc}") from exc
    if not isinstance(cases, list) or not all(isinstance(c, dict) and ("q" in c or "turns" in c) for c in cases):
        raise AssistantError(f"{path}: expected a YAML list of cases with `q` or `turns`")
    return cases


def paragraphs_of(bot: Assistant) -> list[str]:
    """Every non-empty line of every source file, metadata lines included, as the case format reads them."""
    lines = []
    for source in bot.pack.sources.values():
        path = bot.pack.root / "facts" / source.file
        try:
            lines += [norm(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        except OSError:
            lines += [norm(p) for p in bot.pack.paragraphs.get(source.id, [])]
    return lines


def run_cases(bot: Assistant, cases: list[dict[str, Any]]) -> Report:
    """Ask every case (each in a fresh chat) and judge the answers."""
    report = Report()
    paragraphs = paragraphs_of(bot)
    for case in cases:
        chat = bot.chat()
        for turn in case.get("turns") or [case]:
            start = time.perf_counter()
            answer = chat.ask(str(turn.get("q", "")))
            report.latencies_ms.append((time.perf_counter() - start) * 1000)
            ok, why = judge(turn, answer, case.get("kind"), paragraphs)
            expect = turn.get("expect", "answered")
            for key in ("overall", f"expect:{expect}", f"kind:{case.get('kind')}", f"lang:{case.get('lang')}"):
                report.tally[key][0] += ok
                report.tally[key][1] += 1
            if not ok:
                report.failures.append(Failure(str(case.get("id")), str(turn.get("q")), why, answer.text[:160]))
    return report
