"""Command line: a thin layer over `Assistant`. Data goes to stdout, diagnostics to stderr, one line each.

Exit codes: 0 when the command ran (an answer's status is in its output), 1 on an error (a check or an
evaluation that fails, a file or the conversation log that cannot be read or written, stdin that is not
UTF-8), 2 on usage errors or a pack that cannot be loaded, 130 when interrupted (Ctrl-C). Never a
traceback (set ASSISTANT_DEBUG=1 to see one for an unexpected error). Textual is imported only by `chat`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from assistant.commands.common import GuardedOutput, OutputError
from assistant.commands.parsing import ParseError, Parser, Version, conversation_id, usage_line
from assistant.errors import AssistantError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
CHAT_OPTIONS = ("--pack", "-c", "--continue", "--cid")
EPILOG = """\
exit codes:
  0    the command ran (an answer's status is in its output)
  1    an error: a failed check or evaluation, a file or the conversation log that cannot be
       read or written, stdin that is not UTF-8
  2    usage: an unknown command or option, a missing argument, a pack that cannot be loaded
  130  interrupted (Ctrl-C)

environment: ASSISTANT_PACK, ASSISTANT_HOME, ASSISTANT_CACHE_DIR, ASSISTANT_NO_CACHE,
ASSISTANT_NO_LOG, NO_COLOR, FORCE_COLOR (see the README)
"""


def _parser() -> Parser:
    parser = Parser(
        prog="assistant",
        description="Cited answers about a fact pack's articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ask = sub.add_parser(
        "ask",
        help="answer one question (argument or stdin), or --jsonl from stdin",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ask.add_argument("question", nargs="*", help="the question (else read from stdin when it is not a terminal)")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument("--jsonl", action="store_true", help="read one question per line from stdin, one JSON per line")
    ask.add_argument("--chat", action="store_true", help="with --jsonl: the lines are one conversation")
    ask.add_argument("--lang", choices=["zh-Hant", "zh-Hans", "en"], help="answer language (default: the question's)")
    chat = sub.add_parser("chat", help="open the terminal chat (the default on a terminal)")
    for command in (ask, chat):
        command.add_argument(
            "-c",
            "--continue",
            dest="continue_latest",
            action="store_true",
            help="continue the latest logged conversation",
        )
        command.add_argument("--cid", type=int, metavar="ID", help="continue the logged conversation ID")
    ask.add_argument("--no-log", action="store_true", help="do not log this question (also: ASSISTANT_NO_LOG=1)")
    _logs_parser(sub)
    check = sub.add_parser("check", help="validate a pack; problems as file:line: message (exit 1 on errors)")
    check.add_argument("pack_dir", nargs="?", metavar="PACK", help="the pack directory (same as --pack)")
    check.add_argument("--json", action="store_true", help="print the problems as a JSON list")
    evaluate = sub.add_parser("eval", help="run evaluation cases and print pass rates (exit 1 below --min)")
    evaluate.add_argument("cases", metavar="CASES.yaml", help="a YAML list of cases (id, lang, kind, q, expect ...)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--min", metavar="RATE", help="fail when the overall pass rate is below RATE (0.9, 90%%)")
    facts = sub.add_parser("facts", help="list the pack's facts as a table (or JSON, or CSV)")
    facts.add_argument("--search", metavar="TEXT", help="only facts whose id, labels, quote or concepts match")
    facts.add_argument("--subject", metavar="NAME", help="only facts about this entity (id, name or alias)")
    facts.add_argument("--metric", metavar="NAME", help="only facts of this metric (id, name or alias)")
    facts.add_argument("--period", metavar="PERIOD", help="only facts of this period (2024 includes 2024Q1, 2024-12)")
    facts.add_argument("--json", action="store_true", help="print the facts as JSON")
    facts.add_argument("--csv", action="store_true", help="print the facts as CSV (every field, for spreadsheets)")
    facts.add_argument("--out", metavar="FILE", help="with --csv: write to FILE instead of stdout")
    source = sub.add_parser("source", help="print a source's numbered paragraphs, or paragraph N")
    source.add_argument("number", nargs="?", type=int, metavar="N", help="the paragraph to print")
    source.add_argument("--source", metavar="ID", help="which source (default: the pack's first)")
    source.add_argument("--json", action="store_true", help="print the paragraphs as JSON")
    review = sub.add_parser("review", help="review a drafted pack fact by fact (keyboard first; saves as you go)")
    review.add_argument("pack_dir", metavar="PACK", help="the pack directory, as written by `assistant draft`")
    draft = sub.add_parser("draft", help="draft a new pack from an article: candidate facts marked draft: true")
    draft.add_argument("article", metavar="ARTICLE.txt", help="the article, one paragraph per line (UTF-8)")
    draft.add_argument("--out", required=True, metavar="DIR", help="directory of the new pack")
    draft.add_argument("--outlet", metavar="NAME", help="who published the article (default: guessed)")
    draft.add_argument("--title", metavar="TEXT", help="the article's title (default: guessed)")
    draft.add_argument("--force", action="store_true", help="overwrite the files of an existing DIR/facts")
    for command in (ask, chat, check, evaluate, facts, source):
        command.add_argument("--pack", help="fact pack directory (with facts/ and optional intents/)")
    serve = sub.add_parser("serve", help="serve the HTTP API and the web page (docs at /docs)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--pack", action="append", default=[], help="a pack to serve; repeat for several")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    return parser


def _logs_parser(sub: argparse._SubParsersAction[Parser]) -> None:
    logs = sub.add_parser("logs", help="the conversation log: list, show, search, delete, rename, export")
    logs.add_argument("--json", action="store_true", help="print as JSON")
    logs.add_argument("--limit", type=int, default=20, metavar="N", help="at most N conversations (default 20)")
    actions = logs.add_subparsers(dest="logs_command", metavar="ACTION")
    show = actions.add_parser("show", help="a conversation's questions and answers (ID or latest)")
    search = actions.add_parser("search", help="conversations whose questions or answers contain TEXT")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="at most N conversations (default 50)")
    delete = actions.add_parser("delete", help="delete a conversation")
    rename = actions.add_parser("rename", help="give a conversation a title")
    export = actions.add_parser("export", help="write a conversation as Markdown or JSON (to ASSISTANT_HOME/exports)")
    for action in (show, delete, rename, export):
        action.add_argument("id", type=conversation_id, metavar="ID", help="a conversation id, or latest")
    rename.add_argument("title", metavar="TITLE")
    export.add_argument("--format", choices=["md", "json"], default="md", help="md (default) or json")
    export.add_argument("--out", metavar="PATH", help="a file, a directory, or - for stdout")
    for action in (show, search, delete, rename, export):
        action.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print as JSON")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `assistant` command."""
    original = sys.stdout
    try:
        if original is not None:
            sys.stdout = GuardedOutput(original)
        code = _main(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `assistant facts | head`: the reader has gone, nothing left to say
        _silence_stdout()
        return EXIT_OK
    except OutputError as exc:  # the output itself cannot be written (a full disk, /dev/full)
        _silence_stdout()
        _say(f"assistant: cannot write the output: {exc.strerror or exc}")
        return EXIT_FAILED
    finally:
        sys.stdout = original
        if argv is None:  # the command itself: a Ctrl-C while Python shuts down must not undo a finished run
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _main(args_list: list[str]) -> int:
    from assistant.commands import CommandError, UsageError
    from assistant.commands.common import is_terminal

    parser = _parser()
    if not args_list or args_list[0].split("=")[0] in CHAT_OPTIONS:
        if not args_list and not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        args_list = ["chat", *args_list]
    try:
        args = parser.parse_args(args_list)
    except ParseError as exc:
        _say(usage_line(parser, exc, args_list))
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return EXIT_USAGE if exc.code else EXIT_OK
    name = f"assistant {args.command}" if args.command else "assistant"
    try:
        return _dispatch(parser, args)
    except (CommandError, _store_error()) as exc:
        _say(f"{name}: {exc}")
        return EXIT_FAILED
    except UsageError as exc:
        _say(f"{name}: {exc}")
        return EXIT_USAGE
    except AssistantError as exc:  # a pack that cannot be loaded, a tool's refusal
        _say(f"assistant: {exc}")
        return EXIT_USAGE
    except (KeyboardInterrupt, BrokenPipeError, OutputError):
        raise
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        _say(f"{name}: cannot use{where}: {exc.strerror or exc}")
        return EXIT_FAILED
    except Exception as exc:
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        _say(f"{name}: unexpected error: {exc!r} (set ASSISTANT_DEBUG=1 to see where)")
        return EXIT_FAILED


COMPILED_LIBRARIES = ("msgspec", "yaml", "rapidfuzz", "ahocorasick", "regex")


def _import_compiled_libraries() -> None:
    """Import the compiled libraries with Ctrl-C held back: an interrupt inside a C library's own start-up
    leaves it half-built (msgspec then crashed with a segmentation fault when the chat was interrupted just as
    it began). The held signal is raised as KeyboardInterrupt once they are in."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for name in COMPILED_LIBRARIES:
            importlib.import_module(name)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _dispatch(parser: Parser, args: argparse.Namespace) -> int:
    _import_compiled_libraries()
    if args.command == "ask":
        from assistant.commands.ask import run_ask

        return run_ask(args)
    if args.command == "chat":
        from assistant.commands.chat import run_chat

        return run_chat(args)
    if args.command == "logs":
        from assistant.commands.logs import run_logs

        return run_logs(args)
    from assistant.commands.tools import TOOLS

    if args.command in TOOLS:
        return TOOLS[args.command](args)
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _store_error() -> type[Exception]:
    from assistant.history.migrations import StoreError

    return StoreError


def _say(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
