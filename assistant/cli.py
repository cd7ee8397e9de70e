"""Command line: a thin layer over `Assistant`. Data goes to stdout, diagnostics to stderr.

Exit codes: 0 when the command ran (an answer's status is in its output), 1 when a check or an
evaluation fails, 2 on usage errors or a pack that cannot be loaded. Textual is imported only by `chat`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from assistant.errors import AssistantError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Cited answers about a fact pack's articles.")
    sub = parser.add_subparsers(dest="command")
    ask = sub.add_parser("ask", help="answer one question (or --jsonl from stdin)")
    ask.add_argument("question", nargs="*", help="the question")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument("--jsonl", action="store_true", help="read one question per line from stdin, one JSON per line")
    ask.add_argument("--chat", action="store_true", help="with --jsonl: the lines are one conversation")
    ask.add_argument("--lang", choices=["zh-Hant", "zh-Hans", "en"], help="answer language (default: the question's)")
    chat = sub.add_parser("chat", help="open the terminal chat (the default with no command)")
    for command in (ask, chat):
        command.add_argument("--pack", help="fact pack directory (with facts/ and optional intents/)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `assistant` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not args_list or args_list[0].startswith("--pack"):
        args_list = ["chat", *args_list]
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        if args.command == "ask":
            return _ask(args)
        if args.command == "chat":
            return _chat(args)
    except AssistantError as exc:
        print(f"assistant: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _load(pack: str | None):  # noqa: ANN202
    from assistant.engine import Assistant

    return Assistant.load(pack)


def _ask(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.question:
            print("assistant ask: --jsonl reads questions from stdin; give no question argument", file=sys.stderr)
            return EXIT_USAGE
        bot = _load(args.pack)
        chat = bot.chat() if args.chat else None
        for line in sys.stdin:
            question = line.rstrip("\n")
            answer = chat.ask(question, language=args.lang) if chat else bot.ask(question, language=args.lang)
            print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False), flush=True)
        return EXIT_OK
    if args.chat:
        print("assistant ask: --chat only applies with --jsonl", file=sys.stderr)
        return EXIT_USAGE
    question = " ".join(args.question)
    if not question.strip():
        print("assistant ask: give a question, e.g. assistant ask \"聯影醫療2024年營收多少?\"", file=sys.stderr)
        return EXIT_USAGE
    answer = _load(args.pack).ask(question, language=args.lang)
    if args.json:
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(answer.text)
        if answer.status != "answered" and answer.suggestions:
            print()
            for suggestion in answer.suggestions:
                print(f"  → {suggestion}")
    return EXIT_OK


def _chat(args: argparse.Namespace) -> int:
    bot = _load(args.pack)
    from assistant.tui.app import run

    run(bot)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
