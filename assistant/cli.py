"""Command line: a thin layer over `Assistant`. Data goes to stdout, diagnostics to stderr.

Exit codes: 0 when the command ran (an answer's status is in its output), 1 when a check or an
evaluation fails, 2 on usage errors or a pack that cannot be loaded. Textual is imported only by `chat`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.engine.assistant import Assistant

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
    check = sub.add_parser("check", help="validate a pack; problems as file:line: message (exit 1 on errors)")
    check.add_argument("pack_dir", nargs="?", metavar="PACK", help="the pack directory (same as --pack)")
    check.add_argument("--json", action="store_true", help="print the problems as a JSON list")
    evaluate = sub.add_parser("eval", help="run evaluation cases and print pass rates (exit 1 below --min)")
    evaluate.add_argument("cases", metavar="CASES.yaml", help="a YAML list of cases (id, lang, kind, q, expect ...)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--min", metavar="RATE", help="fail when the overall pass rate is below RATE (0.9, 90%%)")
    facts = sub.add_parser("facts", help="list the pack's facts as a table")
    facts.add_argument("--search", metavar="TEXT", help="only facts whose id, labels, quote or concepts match")
    facts.add_argument("--subject", metavar="NAME", help="only facts about this entity (id, name or alias)")
    facts.add_argument("--metric", metavar="NAME", help="only facts of this metric (id, name or alias)")
    facts.add_argument("--period", metavar="PERIOD", help="only facts of this period (2024 includes 2024Q1, 2024-12)")
    facts.add_argument("--json", action="store_true", help="print the facts as JSON")
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
        if args.command in TOOLS:
            return TOOLS[args.command](args)
    except AssistantError as exc:
        print(f"assistant: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `assistant facts | head`: the reader has gone, nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return EXIT_OK
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _load(pack: str | None) -> Assistant:
    from assistant.engine.assistant import Assistant

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
            print(answer.to_json(), flush=True)
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
        print(answer.to_json(indent=2))
    else:
        print(answer.text)
        if answer.status != "answered" and answer.suggestions:
            for suggestion in answer.suggestions:
                print(f"  → {suggestion}")
    return EXIT_OK


def _chat(args: argparse.Namespace) -> int:
    bot = _load(args.pack)
    from assistant.tui.app import run

    run(bot)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from assistant.tools.check import check_pack, format_problem

    if args.pack_dir and args.pack and args.pack_dir != args.pack:
        print("assistant check: give the pack once, as PACK or as --pack", file=sys.stderr)
        return EXIT_USAGE
    result = check_pack(args.pack_dir or args.pack)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            print(format_problem(problem))
        print(result.summary())
    return EXIT_FAILED if result.failed else EXIT_OK


def _rate(text: str | None) -> float | None:
    """--min as a fraction: 0.9, 90 and 90% all mean 90%."""
    if text is None:
        return None
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise AssistantError(f"--min {text!r}: expected a rate such as 0.9 or 90%") from None
    if text.endswith("%") or value > 1:
        value /= 100
    if value < 0:
        raise AssistantError(f"--min {text!r}: a rate is not negative")
    return value


def _eval(args: argparse.Namespace) -> int:
    from assistant.tools.evaluate import load_cases, run_cases

    minimum = _rate(args.min)
    cases = load_cases(args.cases)
    report = run_cases(_load(args.pack), cases)
    passed = minimum is None or report.rate() >= minimum
    if args.json:
        data = {"cases": len(cases), **report.as_dict(), "min": minimum, "passed": passed}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK if passed else EXIT_FAILED
    groups = sorted(report.tally, key=lambda k: (k != "overall", k.split(":")[0] != "expect", k))
    print(f"{len(cases)} cases, {report.tally['overall'][1]} questions")
    for key in groups:
        ok, total = report.tally[key]
        print(f"  {key:<20} {ok:>4}/{total:<4} {report.rate(key):7.1%}")
    print(f"latency: p50 {report.percentile(0.5):.1f} ms, p99 {report.percentile(0.99):.1f} ms")
    if report.failures:
        print(f"failures ({len(report.failures)}):")
        for failure in report.failures:
            print(f"  {failure.case}: {failure.question}\n    why: {failure.why}")
            print(f"    answered: {' '.join(failure.answer.split())}")
    if minimum is not None:
        verdict = "meets" if passed else "is below"
        print(f"pass rate {report.rate():.1%} {verdict} --min {minimum:.1%}")
    return EXIT_OK if passed else EXIT_FAILED


def _facts(args: argparse.Namespace) -> int:
    from assistant.tools.catalog import FactFilter, fact_row, facts_json, find_facts, table

    where = FactFilter(search=args.search, subject=args.subject, metric=args.metric, period=args.period)
    pack = _load(args.pack).pack
    found = find_facts(pack, where)
    if args.json:
        print(json.dumps(facts_json(found), ensure_ascii=False, indent=2))
    elif found:
        print(table([fact_row(pack, f) for f in found]))
    else:
        asked = ", ".join(f"{k} {v!r}" for k, v in vars(where).items() if v is not None)
        print(f"assistant facts: no fact matches {asked or 'this pack'}", file=sys.stderr)
    return EXIT_OK


def _source(args: argparse.Namespace) -> int:
    from assistant.tools.catalog import paragraphs, pick_source

    pack = _load(args.pack).pack
    source_id = pick_source(pack, args.source)
    shown = paragraphs(pack, source_id, args.number)
    if args.json:
        print(json.dumps([{"source": source_id, "paragraph": n, "text": t} for n, t in shown], ensure_ascii=False))
    else:
        for number, text in shown:
            print(f"{number:>3}  {text}")
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from assistant.review.app import run

    run(args.pack_dir)
    return EXIT_OK


def _draft(args: argparse.Namespace) -> int:
    from assistant.tools.draft.writer import write_draft

    result = write_draft(args.article, args.out, outlet=args.outlet, title=args.title, force=args.force)
    print(result.summary())
    return EXIT_OK if result.loads else EXIT_FAILED


def _serve(args: argparse.Namespace) -> int:
    from assistant.http.server import main as serve  # the web stack is imported by `serve` only

    return serve(args.host, args.port, args.pack, args.workers)


TOOLS = {"check": _check, "eval": _eval, "facts": _facts, "source": _source, "draft": _draft, "review": _review,
         "serve": _serve}


if __name__ == "__main__":
    sys.exit(main())
