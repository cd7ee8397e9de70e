"""Exports: a conversation as Markdown or JSON, a citation on its own, a pack's facts as CSV.

Files go to ASSISTANT_HOME/exports unless a path is chosen; a chosen directory gets a fresh file name,
a chosen file name is written as given. Exports carry the answers and their citations, never UI hints.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.engine.answer import Answer
from assistant.history.home import exports_dir
from assistant.history.layout import layout
from assistant.history.markdown import conversation_markdown
from assistant.history.plain import iso
from assistant.history.words import word
from assistant.pack.model import Pack
from assistant.pack.schema import Fact

FORMATS = {"md": ".md", "markdown": ".md", "json": ".json"}


@dataclass(frozen=True)
class ExportTurn:
    """One turn to export: the answer and, when it was logged, when it was asked."""

    answer: Answer
    asked: float | None = None


@dataclass(frozen=True)
class ExportMeta:
    """Who the conversation was with: its log id and title when logged, the pack and its articles."""

    pack: str
    articles: tuple[str, ...] = ()
    conversation: int | None = None
    title: str | None = None


def conversation_md(meta: ExportMeta, turns: Sequence[ExportTurn], language: str | None, now: datetime) -> str:
    """The conversation as Markdown, headed in the language of its first answer unless one is given."""
    language = language or (turns[0].answer.language if turns else "en")
    header = [f"{word('export_article', language)}: {article}" for article in meta.articles]
    header += [
        f"{word('export_pack', language)}: {meta.pack}",
        f"{word('export_when', language)}: {now:%Y-%m-%d %H:%M}",
    ]
    title = meta.title or word("export_title", language)
    return conversation_markdown(title, header, [layout(t.answer) for t in turns])


def conversation_json(meta: ExportMeta, turns: Sequence[ExportTurn], now: datetime) -> str:
    """The conversation as JSON: its metadata, then each turn with the full Answer."""
    data = {
        "conversation": meta.conversation,
        "title": meta.title,
        "pack": meta.pack,
        "articles": list(meta.articles),
        "exported": now.astimezone().isoformat(timespec="seconds"),
        "turns": [
            {"number": n, "asked": iso(t.asked) if t.asked else None, "answer": t.answer.model_dump()}
            for n, t in enumerate(turns, 1)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, meta: ExportMeta, turns: Sequence[ExportTurn], now: datetime | None = None) -> str:
    now = now or datetime.now()
    if FORMATS[fmt] == ".json":
        return conversation_json(meta, turns, now)
    return conversation_md(meta, turns, None, now)


def target(out: str | Path | None, stem: str, suffix: str, now: datetime | None = None) -> Path:
    """Where an export goes: the chosen file, a fresh name in the chosen directory, else in the exports folder."""
    if out is not None:
        chosen = Path(out).expanduser()
        if not chosen.is_dir() and not str(out).endswith(("/", "\\")):
            return chosen
        folder = chosen
    else:
        folder = exports_dir()
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = folder / f"{stem}-{stamp}{suffix}"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{stamp}-{counter}{suffix}"
        counter += 1
    return path


def write(text: str, path: Path) -> Path:
    """Write an export (creating its folder); raises OSError with the path in the message."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- facts as CSV ---------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "subject",
    "subject_name",
    "metric",
    "metric_name",
    "period",
    "when",
    "segments",
    "value",
    "unit",
    "scale",
    "approx",
    "written",
    "change",
    "derived",
    "label_zh",
    "label_en",
    "statement_zh",
    "statement_en",
    "source",
    "paragraph",
    "quote",
)


def _name(pack: Pack, concept_id: str | None) -> str:
    concept = pack.concepts.get(concept_id or "")
    return concept.names.en if concept is not None else ""


def _row(pack: Pack, fact: Fact) -> list[str]:
    label, statement = fact.label, fact.statement
    return [
        fact.id,
        fact.subject,
        _name(pack, fact.subject),
        fact.metric,
        _name(pack, fact.metric),
        fact.period or "",
        fact.when or "",
        " ".join(fact.segment),
        "" if fact.value is None else str(fact.value),
        fact.unit or "",
        fact.scale or "",
        fact.approx or "",
        fact.written or "",
        fact.change.written if fact.change else "",
        fact.derivation.expression if fact.derivation else "",
        label.zh_Hant if label else "",
        label.en if label else "",
        statement.zh_Hant if statement else "",
        statement.en if statement else "",
        pack.source_of(fact).id,
        str(fact.paragraph),
        fact.quote,
    ]


def facts_csv(pack: Pack, facts: Sequence[Fact] | None = None) -> str:
    """The facts (all of the pack's by default) as CSV with a header row, UTF-8 text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for fact in pack.facts.values() if facts is None else facts:
        writer.writerow(_row(pack, fact))
    return buffer.getvalue()
