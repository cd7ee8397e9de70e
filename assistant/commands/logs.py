"""`assistant logs`: the conversation log. Recent conversations newest first, `show`, `search`, `delete`,
`rename` and `export`; `--json` on each. Reading the log never loads a pack.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from assistant.commands import CommandError
from assistant.commands.common import open_store, palette, table_width
from assistant.history.plain import conversation_json, fit_table, iso, pack_name, when
from assistant.history.store import Conversation, Store

HEADER = ("id", "time", "pack", "turns", "first question")


def run_logs(args: argparse.Namespace) -> int:
    action = args.logs_command or "list"
    with open_store() as store:
        if action == "list":
            return _listing(store, store.conversations(args.limit), args.json)
        if action == "search":
            return _listing(store, store.search(args.text, args.limit), args.json)
        conversation = _find(store, args.id)
        if action == "show":
            return _show(store, conversation, args.json)
        if action == "delete":
            store.delete(conversation.id)
            _done({"deleted": conversation.id}, f"deleted conversation {conversation.id}", args.json)
        elif action == "rename":
            store.rename(conversation.id, args.title)
            _done(
                {"renamed": conversation.id, "title": args.title.strip() or None},
                f"renamed conversation {conversation.id}",
                args.json,
            )
        elif action == "export":
            return _export(store, conversation, args)
    return 0


def _find(store: Store, wanted: int | str) -> Conversation:
    found = store.latest() if wanted == "latest" else store.conversation(int(wanted))
    if found is None:
        raise CommandError(
            "the log holds no conversation yet"
            if wanted == "latest"
            else f"no conversation {wanted} in the log (see `assistant logs`)"
        )
    return found


def _done(data: dict[str, object], message: str, as_json: bool) -> None:
    print(json.dumps(data, ensure_ascii=False) if as_json else message)


def _listing(store: Store, found: list[Conversation], as_json: bool) -> int:
    if as_json:
        listed = [conversation_json(c, [t.shown for t in store.turns(c.id)]) for c in found]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("assistant logs: no conversation found", file=sys.stderr)
        return 0
    rows = [(str(c.id), when(c.updated), pack_name(c.pack), str(c.turns), " ".join(c.name.split())) for c in found]
    print(fit_table(HEADER, rows, table_width(), flexible=(2, 4)))
    return 0


def _show(store: Store, conversation: Conversation, as_json: bool) -> int:
    from assistant.history.layout import layout
    from assistant.history.plain import answer_text

    turns = store.turns(conversation.id)
    if as_json:
        data = {
            "conversation": conversation_json(conversation),
            "turns": [
                {
                    "number": t.number,
                    "question": t.question,
                    "asked": iso(t.asked),
                    "language": t.language,
                    "answer": json.loads(t.answer_json),
                }
                for t in turns
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    colours = palette()
    title = f" · {conversation.title}" if conversation.title else ""
    print(
        colours.paint(
            f"conversation {conversation.id}{title} · {pack_name(conversation.pack)} · "
            f"{conversation.turns} turns · {when(conversation.created)}",
            colours.heading,
        )
    )
    for turn in turns:
        answer = turn.answer()
        heading = colours.paint(f"{turn.number}. {turn.shown}", colours.heading)
        print(f"\n{heading}  {colours.paint(when(turn.asked), colours.dim)}")
        print(answer_text(layout(answer), colours) if answer is not None else "(this answer could not be read)")
    return 0


def _export(store: Store, conversation: Conversation, args: argparse.Namespace) -> int:
    from assistant.history import export

    turns = [export.ExportTurn(a, t.asked) for t in store.turns(conversation.id) if (a := t.answer()) is not None]
    meta = export.ExportMeta(pack=conversation.pack, conversation=conversation.id, title=conversation.title)
    fmt = args.format
    text = export.render(fmt, meta, turns)
    if args.out == "-":
        sys.stdout.write(text)
        return 0
    path = export.target(args.out, f"conversation-{conversation.id}", export.FORMATS[fmt], datetime.now())
    try:
        export.write(text, path)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(path)
    return 0
