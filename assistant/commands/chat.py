"""`assistant chat` (and `assistant` on a terminal): the Textual chat, imported only here."""

from __future__ import annotations

import argparse
import sys

from assistant.commands import UsageError
from assistant.commands.common import is_terminal, load_bot


def run_chat(args: argparse.Namespace) -> int:
    if not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        raise UsageError('the chat needs a terminal; for one question use assistant ask "…"')
    bot = load_bot(args.pack)
    from assistant.tui.app import run

    return run(bot, resume=args.continue_latest, conversation=args.cid)
