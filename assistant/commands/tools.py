"""The pack tools' subcommands: check, eval, facts, source, draft, review, serve (their work is in
assistant.tools, assistant.review and assistant.http)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.engine.assistant import Assistant
    from assistant.pack.model import Pack
    from assistant.pack.schema import Fact


def _load(pack: str | None) -> Assistant:
    from assistant.commands.common import load_bot

    return load_bot(pack)


def _check(args: argparse.Namespace) -> int:
    from assistant.tools.check import check_pack, format_problem

    if args.pack_dir and args.pack and args.pack_dir != args.pack:
        print("assistant check: give the pack once, as PACK or as --pack", file=sys.stderr)
        return 2
    result = check_pack(args.pack_dir or args.pack)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            print(format_problem(problem))
        print(result.summary())
    return 1 if result.failed else 0


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
        return 0 if passed else 1
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
    return 0 if passed else 1


def _facts(args: argparse.Namespace) -> int:
    from assistant.commands.common import table_width
    from assistant.tools.catalog import FactFilter, fact_row, facts_json, find_facts, table

    if args.out and not args.csv:
        print("assistant facts: --out goes with --csv", file=sys.stderr)
        return 2
    where = FactFilter(search=args.search, subject=args.subject, metric=args.metric, period=args.period)
    pack = _load(args.pack).pack
    found = find_facts(pack, where)
    if args.csv:
        return _facts_csv(pack, found, args.out)
    if args.json:
        print(json.dumps(facts_json(found), ensure_ascii=False, indent=2))
    elif found:
        print(table([fact_row(pack, f) for f in found], limit=table_width()))
    else:
        asked = ", ".join(f"{k} {v!r}" for k, v in vars(where).items() if v is not None)
        print(f"assistant facts: no fact matches {asked or 'this pack'}", file=sys.stderr)
    return 0


def _facts_csv(pack: Pack, found: list[Fact], out: str | None) -> int:
    from pathlib import Path

    from assistant.history.export import facts_csv, write

    text = facts_csv(pack, found)
    if out is None:
        sys.stdout.write(text)
    else:
        print(write(text, Path(out).expanduser()))
    return 0


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
    return 0


def _draft(args: argparse.Namespace) -> int:
    from assistant.tools.draft.writer import write_draft

    result = write_draft(args.article, args.out, outlet=args.outlet, title=args.title, force=args.force)
    print(result.summary())
    return 0 if result.loads else 1


def _review(args: argparse.Namespace) -> int:
    from assistant.review.app import run

    run(args.pack_dir)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from assistant.http.server import main as serve  # the web stack is imported by `serve` only

    return serve(args.host, args.port, args.pack, args.workers)


TOOLS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _check,
    "eval": _eval,
    "facts": _facts,
    "source": _source,
    "draft": _draft,
    "review": _review,
    "serve": _serve,
}
