"""`assistant ask`: one question (argument or stdin), or `--jsonl` from stdin; `-c` / `--cid` continue a
logged conversation. Every turn is logged unless --no-log or ASSISTANT_NO_LOG.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from assistant.commands import CommandError, UsageError
from assistant.commands.common import load_bot, logging_off, open_store, palette, stdin_lines, stdin_question

if TYPE_CHECKING:
    from assistant.engine.answer import Answer
    from assistant.history.session import LoggedChat
    from assistant.history.store import Conversation, Store

EXAMPLE = 'assistant ask "聯影醫療2024年營收多少?"'


def run_ask(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _jsonl(args)
    if args.chat:
        raise UsageError("--chat only applies with --jsonl")
    question = " ".join(args.question) or stdin_question()
    if not question.strip():
        raise UsageError(f"give a question, e.g. {EXAMPLE}, or pipe one on stdin")
    store, conversation = _continued(args)
    try:
        session = _session(args, store, conversation)
        answer = session.ask(question, args.lang)
    finally:
        if store is not None:
            store.close()
    _print(answer, args.json)
    _warn_not_logged(session)
    return 0


def _continued(args: argparse.Namespace) -> tuple[Store | None, Conversation | None]:
    """The log (None when logging is off and nothing is continued) and the conversation to continue."""
    continuing = args.continue_latest or args.cid is not None
    if logging_off(args.no_log) and not continuing:
        return None, None
    if not continuing:
        return _store_or_warn(), None
    store = open_store()
    conversation = store.latest() if args.cid is None else store.conversation(args.cid)
    if conversation is None:
        store.close()
        which = "in the log" if args.cid is None else f"{args.cid} in the log"
        raise CommandError(f"no conversation {which} to continue (see `assistant logs`)")
    return store, conversation


def _store_or_warn() -> Store | None:
    try:
        return open_store()
    except CommandError as exc:
        print(f"assistant: not logged: {exc}", file=sys.stderr)
        return None


def _session(args: argparse.Namespace, store: Store | None, conversation: Conversation | None) -> LoggedChat:
    from assistant.history.session import LoggedChat, pack_argument, pack_key

    pack = args.pack
    if conversation is not None and pack is None:
        pack = pack_argument(conversation.pack)
    bot = load_bot(pack)
    if conversation is not None and pack_key(bot) != conversation.pack:
        raise UsageError(
            f"conversation {conversation.id} was with the pack {conversation.pack}; "
            "continue it without --pack or with that pack"
        )
    session = LoggedChat(bot, store, "ask")
    if conversation is not None:
        session.resume(conversation.id)
        if logging_off(args.no_log):
            session.store = None
    return session


def _print(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(answer.to_json(indent=2))
        return
    from assistant.history.layout import layout
    from assistant.history.plain import answer_text

    print(answer_text(layout(answer), palette()))


def _warn_not_logged(session: LoggedChat) -> None:
    if session.problem:
        print(f"assistant: not logged: {session.problem}", file=sys.stderr)


def _jsonl(args: argparse.Namespace) -> int:
    """One question per stdin line, one JSON answer per line as soon as it is answered."""
    if args.question:
        raise UsageError("--jsonl reads questions from stdin; give no question argument")
    if sys.stdin is None:
        raise UsageError("--jsonl reads questions from stdin, which is closed")
    if args.continue_latest or args.cid is not None:
        raise UsageError("--jsonl starts its own conversation; -c and --cid do not apply")
    from assistant.history.session import LoggedChat

    store = None if logging_off(args.no_log) else _store_or_warn()
    try:
        bot = load_bot(args.pack)
        session = LoggedChat(bot, store, "ask")
        for _, question in stdin_lines():
            if not args.chat:
                session = LoggedChat(bot, store, "ask")  # stateless: each line its own conversation
            answer = session.ask(question, args.lang)
            print(answer.to_json(), flush=True)
    finally:
        if store is not None:
            store.close()
    _warn_not_logged(session)
    return 0
