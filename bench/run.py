"""Speed and scale benchmark: engine latency, pack load, one-shot CLI, TUI, and packs 10x and 100x larger.

    python bench/run.py            # the full run (about two minutes)
    python bench/run.py --quick    # fewer repetitions, no 100x pack (about half a minute)
    python bench/run.py --json results.json

Everything runs against the checkout this file lives in, with caches in a temporary directory
(ASSISTANT_CACHE_DIR), so it touches nothing of the user's. Measurements that need a fresh process
(load, CLI, TUI, scale) run in child processes of this script (`--child NAME`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

import yaml  # noqa: E402

TARGETS = {  # the architecture issue's quality bar
    "p99_default_ms": 2.0,
    "p99_100x_ms": 10.0,
    "load_100x_cached_s": 0.3,
    "cli_ratio": 1.5,
    "logs_ratio": 1.2,
    "tui_first_answer_s": 1.0,
}
CLI_QUESTIONS = {"zh-Hant": "聯影醫療2024年營收多少?", "zh-Hans": "联影医疗2024年营收多少?"}
TUI_QUESTION = "聯影醫療2024年營收多少?"
TUI_SECOND = "那凈利潤呢?"
FLOOR = "import msgspec, yaml, rapidfuzz, opencc"


# ----------------------------------------------------------------------------------- helpers


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {
        "n": len(values_ms),
        "p50": percentile(values_ms, 50),
        "p95": percentile(values_ms, 95),
        "p99": percentile(values_ms, 99),
        "max": max(values_ms) if values_ms else float("nan"),
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def rss_mb() -> float:
    try:
        with Path("/proc/self/status").open(encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "loadavg_start": loadavg(),
    }


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def load_questions() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The sample questions of bench/questions.yaml: single questions and conversations."""
    entries = yaml.safe_load((HERE / "questions.yaml").read_text(encoding="utf-8"))
    singles = [e for e in entries if "q" in e]
    conversations = [e for e in entries if "turns" in e]
    return singles, conversations


def hard_inputs() -> list[str]:
    return [
        "聯影醫療2024年營收多少?" * 40,
        "x" * 100_000,
        "聯" * 100_000,
        "UIH revenue 2024 " * 6000,
        "\x00" * 1000 + "聯影醫療2024年營收多少?",
        "🙂" * 20_000,
        "'; DROP TABLE facts; --" * 200,
    ]


def child_env(cache_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["ASSISTANT_CACHE_DIR"] = str(cache_dir)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("ASSISTANT_NO_CACHE", None)
    env.pop("ASSISTANT_PACK", None)
    # Bytecode as an installed wheel has it: compiled once, under a temporary prefix (this environment may
    # set PYTHONDONTWRITEBYTECODE, which would recompile the checkout's modules in every fresh process).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir.parent / "pycache")
    env.update(extra)
    return env


def run_child(name: str, env: dict[str, str], timeout: float = 300, **args: Any) -> dict[str, Any]:
    """Run `bench/run.py --child NAME` and return the JSON it prints last."""
    args["spawned"] = time.perf_counter()  # CLOCK_MONOTONIC: comparable across processes on Linux
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--args", json.dumps(args)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-6:]
        return {"error": f"child {name} failed (exit {done.returncode}): " + " | ".join(tail)}
    return json.loads(lines[-1])


# ----------------------------------------------------------------------------------- latency


def time_questions(
    bot: Any,
    singles: list[str],
    conversations: list[list[str]],
    reps: int,
    kinds: list[str] | None = None,
    by_kind: dict[str, list[float]] | None = None,
) -> list[float]:
    """Milliseconds per question: each single question `reps` times, each conversation `reps` times.

    With `kinds` (one per single question) and `by_kind`, the timings are also filed by kind."""
    timings: list[float] = []
    clock = time.perf_counter_ns
    for _ in range(reps):
        for index, question in enumerate(singles):
            start = clock()
            bot.ask(question)
            timings.append((clock() - start) / 1e6)
            if kinds is not None and by_kind is not None:
                by_kind.setdefault(kinds[index], []).append(timings[-1])
        for turns in conversations:
            chat = bot.chat()
            for question in turns:
                start = clock()
                chat.ask(question)
                timings.append((clock() - start) / 1e6)
                if by_kind is not None:
                    by_kind.setdefault("followup", []).append(timings[-1])
    return timings


def time_once(bot: Any, questions: list[str]) -> list[float]:
    timings = []
    clock = time.perf_counter_ns
    for question in questions:
        start = clock()
        bot.ask(question)
        timings.append((clock() - start) / 1e6)
    return timings


def engine_latency(quick: bool) -> dict[str, Any]:
    from paraphrase import paraphrases

    from assistant import Assistant

    bot = Assistant.load()
    singles, conversations = load_questions()
    single_q = [e["q"] for e in singles]
    turns = [e["turns"] for e in conversations]
    for _ in range(2):  # warm-up: converters built, caches filled, code paths taken once
        time_questions(bot, single_q, turns, 1)
    statuses: dict[str, int] = {}
    expected_ok = 0
    for entry in singles:
        answer = bot.ask(entry["q"])
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
        expect = entry.get("expect", "any")
        expected_ok += expect == "any" or (answer.status == "answered") == (expect == "answered")
    by_kind: dict[str, list[float]] = {}
    kinds = [e.get("kind", "other") for e in singles]
    sample = time_questions(bot, single_q, turns, 5 if quick else 20, kinds, by_kind)
    generated = [q for _, q in paraphrases(bot.pack, 600 if quick else 3000)]
    time_once(bot, generated[:50])
    para = time_once(bot, generated)
    hard = []
    for text in hard_inputs():
        bot.ask(text)
        hard += time_once(bot, [text] * 3)
    return {
        "questions": len(single_q) + sum(len(t) for t in turns),
        "paraphrases": len(generated),
        "statuses": statuses,
        "expect_matched": f"{expected_ok}/{len(singles)}",
        "sample": summary(sample),
        "paraphrase": summary(para),
        "all": summary(sample + para),
        "hard": summary(hard),
        "by_kind": {kind: summary(values) for kind, values in by_kind.items()},
    }


# ----------------------------------------------------------------------------------- children


def child_load(args: dict[str, Any]) -> dict[str, Any]:
    """Import the engine, then load a pack: from the cache, or cold (`use_cache` false / empty cache)."""
    start = time.perf_counter()
    import assistant.engine.assistant as engine
    from assistant import Assistant

    builds = []
    original = getattr(engine, "load_pack", None)
    if original is not None:  # count real builds, so that a load meant to come from the cache is checked
        engine.load_pack = lambda *a, **k: builds.append(1) or original(*a, **k)  # type: ignore[attr-defined]
    imported = time.perf_counter()
    rss_before, peak_before = rss_mb(), peak_rss_mb()
    bot = Assistant.load(args.get("pack"), use_cache=args.get("use_cache", True))
    loaded = time.perf_counter()
    result: dict[str, Any] = {
        "import_s": imported - start,
        "load_s": loaded - imported,
        "facts": len(bot.pack.facts),
        "rss_delta_mb": rss_mb() - rss_before,
        "peak_delta_mb": peak_rss_mb() - peak_before,
        "built": bool(builds) if original is not None else None,
    }
    cache = Path(os.environ["ASSISTANT_CACHE_DIR"])
    result["cache_mb"] = sum(p.stat().st_size for p in cache.glob("*.pickle")) / 2**20 if cache.is_dir() else 0.0
    if args.get("latency"):
        from paraphrase import paraphrases

        singles, conversations = load_questions()
        single_q, turns = [e["q"] for e in singles], [e["turns"] for e in conversations]
        time_questions(bot, single_q, turns, 1)
        sample = time_questions(bot, single_q, turns, args.get("reps", 3))
        generated = [q for _, q in paraphrases(bot.pack, args["latency"])]
        para = time_once(bot, generated)
        result.update(sample=summary(sample), paraphrase=summary(para), all=summary(sample + para))
    return result


async def _tui(args: dict[str, Any]) -> dict[str, Any]:
    spawned = args["spawned"]
    start = time.perf_counter()
    from assistant import Assistant

    bot = Assistant.load()
    loaded = time.perf_counter()
    try:
        from textual.app import App
        from textual.widgets import Input

        import assistant.tui.app as tui_app
    except Exception as exc:
        return {"error": f"cannot import assistant.tui.app: {exc!r}"}
    app_class = getattr(tui_app, "ChatApp", None) or getattr(tui_app, "AssistantApp", None)
    if app_class is None:
        found = [v for v in vars(tui_app).values() if isinstance(v, type) and issubclass(v, App) and v is not App]
        if not found:
            return {"error": "assistant.tui.app exposes no App subclass (looked for ChatApp, AssistantApp)"}
        app_class = found[0]
    try:
        answer_class = __import__("assistant.tui.widgets.answer", fromlist=["AnswerMessage"]).AnswerMessage
    except Exception:
        answer_class = None
    imported = time.perf_counter()
    try:
        app = app_class(bot, cursor_blink=False)
    except TypeError:
        app = app_class(bot)
    result: dict[str, Any] = {"app": app_class.__name__, "import_tui_s": imported - loaded, "load_s": loaded - start}

    def answers() -> int:
        if answer_class is not None:
            return len(app.screen.query(answer_class))
        return sum("answer" in type(w).__name__.lower() for w in app.screen.walk_children())

    begin = time.perf_counter()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        mounted = time.perf_counter()
        result["first_screen_s"] = mounted - begin
        result["spawn_to_screen_s"] = mounted - spawned
        inputs = app.screen.query(Input)
        if not inputs:
            result["error"] = "no Input widget on the first screen"
            return result
        prompt = inputs.first()
        prompt.focus()
        prompt.value = TUI_QUESTION
        before = answers()
        asked = time.perf_counter()
        await pilot.press("enter")
        while answers() <= before and time.perf_counter() - asked < 10:
            await pilot.pause(0.001)
        shown = time.perf_counter()
        if answers() <= before:
            result["error"] = "no answer widget appeared within 10 s"
        result["first_answer_s"] = shown - asked
        result["spawn_to_answer_s"] = shown - spawned
        prompt.value = TUI_SECOND
        before = answers()
        asked = time.perf_counter()
        await pilot.press("enter")
        while answers() <= before and time.perf_counter() - asked < 10:
            await pilot.pause(0.001)
        result["second_answer_s"] = time.perf_counter() - asked
    return result


def child_tui(args: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_tui(args))


CHILDREN = {"load": child_load, "tui": child_tui}


# ----------------------------------------------------------------------------------- parent sections


def load_cached(env: dict[str, str], **args: Any) -> dict[str, Any]:
    """A load meant to come from the cache; retried once when the engine's code changed in between
    (others edit the checkout while this runs, and any edit to assistant/*.py invalidates the cache)."""
    result = run_child("load", env, **args)
    if result.get("built"):
        result = run_child("load", env, **args)
        result["retried"] = True
    return result


def load_times(tmp: Path, reps: int) -> dict[str, Any]:
    """Cold (cache disabled, and empty cache) and cached load of the bundled pack, in fresh processes."""
    out: dict[str, list[float]] = {"nocache": [], "cold": [], "cached": [], "import": []}
    extra: dict[str, float] = {}
    for rep in range(reps):
        cache = tmp / f"load-{rep}"
        nocache = run_child("load", child_env(cache), use_cache=False)
        cold = run_child("load", child_env(cache))
        cached = load_cached(child_env(cache))
        for name, res in (("nocache", nocache), ("cold", cold), ("cached", cached)):
            if "error" in res:
                return {"error": res["error"]}
            out[name].append(res["load_s"])
        out["import"].append(cached["import_s"])
        extra = {"facts": cached["facts"], "cache_mb": cached["cache_mb"], "rss_delta_mb": cached["rss_delta_mb"]}
    return {k: statistics.median(v) for k, v in out.items()} | extra


def cli_times(tmp: Path, reps: int) -> dict[str, Any]:
    """One-shot `assistant ask … --json` beside a bare import of the dependencies, interleaved."""
    env = child_env(tmp / "cli-cache")
    note = ""
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        note = "PYTHONDONTWRITEBYTECODE is set here; both sides ran with bytecode cached under a temp prefix"
    script = Path(sys.executable).parent / "assistant"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "assistant.cli"]
    commands = {"floor": [sys.executable, "-c", FLOOR]}
    commands |= {f"cli {lang}": [*base, "ask", question, "--json"] for lang, question in CLI_QUESTIONS.items()}
    commands["logs"] = [*base, "logs"]  # the conversation log (filled by the asks above), no pack loaded
    times: dict[str, list[float]] = {name: [] for name in commands}
    for rep in range(reps + 2):  # two warm-up rounds: bytecode written, pack cache built
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, check=False)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                return {"error": f"{name} exited {done.returncode}: {done.stderr.decode()[-300:]}"}
            if rep >= 2:
                times[name].append(elapsed)
    result: dict[str, Any] = {name: statistics.median(v) for name, v in times.items()}
    result["note"] = note
    return result


def tui_time(tmp: Path) -> dict[str, Any]:
    """Measured on the second run: the first one builds the pack cache and compiles Textual's bytecode,
    as a user's first start after installing does."""
    env = child_env(tmp / "tui-cache")
    run_child("tui", env, timeout=120)
    result = run_child("tui", env, timeout=120)
    if "error" not in result and result.get("load_s", 0) > 1.0:  # the code changed in between: once more
        result = run_child("tui", env, timeout=120)
    return result


def scale_runs(tmp: Path, factors: list[int], latency_n: int) -> list[dict[str, Any]]:
    from scale import write_scaled_pack

    rows = []
    for factor in factors:
        row: dict[str, Any] = {"factor": factor}
        if factor == 1:
            pack = None
        else:
            started = time.perf_counter()
            info = write_scaled_pack(factor, tmp / f"pack-{factor}x")
            row["generate_s"] = time.perf_counter() - started
            row.update(info)
            pack = str(tmp / f"pack-{factor}x")
        cache = tmp / f"scale-cache-{factor}"
        cold = run_child("load", child_env(cache), pack=pack, timeout=600)
        warm = load_cached(child_env(cache), pack=pack, latency=latency_n, reps=3, timeout=600)
        if "error" in cold or "error" in warm:
            row["error"] = cold.get("error") or warm.get("error")
        else:
            row.update(
                facts=warm["facts"],
                cold_s=cold["load_s"],
                cache_hit=not warm.get("built"),
                cold_peak_mb=cold["peak_delta_mb"],
                cached_s=warm["load_s"],
                rss_mb=warm["rss_delta_mb"],
                cache_mb=warm["cache_mb"],
                latency=warm["all"],
                paraphrase=warm["paraphrase"],
                sample=warm["sample"],
            )
        rows.append(row)
        print(f"  ... {factor}x done", file=sys.stderr, flush=True)
    return rows


# ----------------------------------------------------------------------------------- report


def fmt_lat(s: dict[str, float]) -> str:
    return f"n={s['n']:<5} p50 {s['p50']:7.2f}  p95 {s['p95']:7.2f}  p99 {s['p99']:7.2f}  max {s['max']:8.2f} ms"


def report(results: dict[str, Any]) -> list[str]:
    lines = []
    m = results["machine"]
    lines.append(f"machine: {m['nproc']} CPU ({m['cpu']}), Python {m['python']}, {m['platform']}")
    lines.append(
        f"load average (1, 5, 15 min) at start: {m['loadavg_start']}, at end: {results.get('loadavg_end', '?')}"
        " (other work on the machine inflates every figure)"
    )
    lat = results.get("latency")
    if lat:
        lines += [
            "",
            f"engine latency, bundled pack (after warm-up; {lat['questions']} sample questions x reps, "
            f"{lat['paraphrases']} generated paraphrases once each)",
            f"  sample questions   {fmt_lat(lat['sample'])}",
            f"  paraphrases        {fmt_lat(lat['paraphrase'])}",
            f"  all                {fmt_lat(lat['all'])}",
            f"  hard inputs        {fmt_lat(lat['hard'])}   (500 chars, 100,000 chars, NUL, emoji ...)",
            f"  statuses of the sample: {lat['statuses']}; matching `expect`: {lat['expect_matched']}",
            "  sample by kind (p50 / p99 / max ms): "
            + ", ".join(f"{kind} {s['p50']:.2f}/{s['p99']:.2f}/{s['max']:.1f}" for kind, s in lat["by_kind"].items()),
        ]
    load = results.get("load")
    if load:
        lines.append("")
        if "error" in load:
            lines.append(f"load time: ERROR {load['error']}")
        else:
            lines += [
                f"load time, bundled pack ({load['facts']} facts; fresh process each, median)",
                f"  import assistant       {load['import'] * 1000:7.1f} ms",
                f"  cold, cache disabled   {load['nocache'] * 1000:7.1f} ms",
                f"  cold, empty cache      {load['cold'] * 1000:7.1f} ms   (build + write {load['cache_mb']:.2f} MB)",
                f"  from cache             {load['cached'] * 1000:7.1f} ms   (RSS +{load['rss_delta_mb']:.1f} MB)",
            ]
    cli = results.get("cli")
    if cli:
        lines.append("")
        if "error" in cli:
            lines.append(f"one-shot CLI: ERROR {cli['error']}")
        else:
            lines.append('one-shot CLI (`assistant ask "…" --json`, fresh process, warm pack cache, logged, median)')
            lines.append(f"  import floor ({FLOOR})  {cli['floor'] * 1000:7.1f} ms")
            for lang in CLI_QUESTIONS:
                value = cli[f"cli {lang}"]
                ratio = value / cli["floor"]
                lines.append(
                    f"  ask, {lang:8} question   {value * 1000:7.1f} ms   = {ratio:.2f}x floor   "
                    f"target < {TARGETS['cli_ratio']}x: {verdict(ratio < TARGETS['cli_ratio'])}"
                )
            if "logs" in cli:
                ratio = cli["logs"] / max(cli[f"cli {lang}"] for lang in CLI_QUESTIONS)
                lines.append(
                    f"  logs (recent conversations) {cli['logs'] * 1000:7.1f} ms   = {ratio:.2f}x the ask   "
                    f"target <= {TARGETS['logs_ratio']}x: {verdict(ratio <= TARGETS['logs_ratio'])}"
                )
            if cli.get("note"):
                lines.append(f"  note: {cli['note']}")
    tui = results.get("tui")
    if tui:
        lines.append("")
        if "error" in tui and "first_screen_s" not in tui:
            lines.append(f"TUI: NOT MEASURED: {tui['error']}")
        else:
            lines += [
                f"TUI ({tui['app']}, Textual Pilot run_test, 100x30)",
                f"  import assistant + load   {tui['load_s'] * 1000:7.1f} ms",
                f"  import the TUI             {tui['import_tui_s'] * 1000:7.1f} ms",
                f"  run_test -> first screen   {tui['first_screen_s'] * 1000:7.1f} ms   "
                f"(process spawn -> first screen {tui['spawn_to_screen_s'] * 1000:.0f} ms)",
                f"  Enter -> first answer      {tui['first_answer_s'] * 1000:7.1f} ms   "
                f"(process spawn -> first answer {tui['spawn_to_answer_s'] * 1000:.0f} ms; target <= "
                f"{TARGETS['tui_first_answer_s']:.0f} s: "
                f"{verdict(tui['spawn_to_answer_s'] <= TARGETS['tui_first_answer_s'])})",
                f"  Enter -> second answer     {tui.get('second_answer_s', float('nan')) * 1000:7.1f} ms   "
                "(a follow-up, once the first-use costs are paid)",
            ]
            if "error" in tui:
                lines.append(f"  problem: {tui['error']}")
    rows = results.get("scale")
    if rows:
        lines += [
            "",
            "scale (generated packs; bundled intents; fresh process per load)",
            "  size   facts   cold load   peak RSS   from cache   RSS    cache file"
            "   p50 ms   p95 ms   p99 ms   max ms",
        ]
        for row in rows:
            if "error" in row:
                lines.append(f"  {row['factor']:>3}x  ERROR {row['error']}")
                continue
            s = row["latency"]
            if not row.get("cache_hit", True):
                lines.append(f"  {row['factor']:>3}x  (the cached load rebuilt: the code changed during the run)")
            lines.append(
                f"  {row['factor']:>3}x  {row['facts']:6}  {row['cold_s']:8.2f} s  {row['cold_peak_mb']:6.0f} MB"
                f"  {row['cached_s'] * 1000:8.0f} ms  {row['rss_mb']:4.0f} MB  {row['cache_mb']:7.1f} MB"
                f"  {s['p50']:7.2f}  {s['p95']:7.2f}  {s['p99']:7.2f}  {s['max']:7.1f}"
            )
    lines += ["", "targets"]
    if lat:
        p99 = max(lat["sample"]["p99"], lat["paraphrase"]["p99"])
        lines.append(
            f"  bundled pack p99 < {TARGETS['p99_default_ms']:.0f} ms per question: {p99:.2f} ms  "
            f"{verdict(p99 < TARGETS['p99_default_ms'])}"
        )
    big = next((r for r in rows or [] if r["factor"] == 100 and "error" not in r), None)
    if big:
        p99 = big["latency"]["p99"]
        lines.append(
            f"  100x pack p99 < {TARGETS['p99_100x_ms']:.0f} ms: {p99:.2f} ms  {verdict(p99 < TARGETS['p99_100x_ms'])}"
        )
        lines.append(
            f"  100x pack load from cache < {TARGETS['load_100x_cached_s']:.1f} s: {big['cached_s']:.2f} s  "
            f"{verdict(big['cached_s'] < TARGETS['load_100x_cached_s'])}"
        )
    elif rows is not None:
        lines.append("  100x pack: not measured (--quick)")
    if tui and "spawn_to_answer_s" in tui:
        lines.append(
            f"  chat: first answer <= {TARGETS['tui_first_answer_s']:.0f} s from process start: "
            f"{tui['spawn_to_answer_s']:.2f} s  {verdict(tui['spawn_to_answer_s'] <= TARGETS['tui_first_answer_s'])}"
        )
    if cli and "logs" in cli:
        ratio = cli["logs"] / max(cli[f"cli {lang}"] for lang in CLI_QUESTIONS)
        lines.append(
            f"  `assistant logs` <= {TARGETS['logs_ratio']}x the one-shot ask: {ratio:.2f}x  "
            f"{verdict(ratio <= TARGETS['logs_ratio'])}"
        )
    if cli and "error" not in cli:
        worst = max(cli[f"cli {lang}"] for lang in CLI_QUESTIONS) / cli["floor"]
        lines.append(
            f"  one-shot CLI < {TARGETS['cli_ratio']}x import floor: {worst:.2f}x (worst script)  "
            f"{verdict(worst < TARGETS['cli_ratio'])}"
        )
    lines.append(f"\ntotal benchmark time {results['elapsed_s']:.0f} s")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and no 100x pack")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["latency", "load", "cli", "tui", "scale"],
        help="leave out a section (repeatable)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--args", default="{}", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(CHILDREN[options.child](json.loads(options.args))))
        return 0
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    os.environ["ASSISTANT_CACHE_DIR"] = str(tmp / "cache")
    os.environ["ASSISTANT_HOME"] = str(tmp / "home")
    os.environ.pop("ASSISTANT_PACK", None)
    quick = options.quick
    results: dict[str, Any] = {"machine": machine(), "quick": quick}
    try:
        steps = [
            ("latency", lambda: engine_latency(quick)),
            ("load", lambda: load_times(tmp, 1 if quick else 3)),
            ("cli", lambda: cli_times(tmp, 3 if quick else 7)),
            ("tui", lambda: tui_time(tmp)),
            ("scale", lambda: scale_runs(tmp, [1, 10] if quick else [1, 10, 100], 300 if quick else 1000)),
        ]
        for name, step in steps:
            if name in options.skip:
                continue
            print(f"  ... {name}", file=sys.stderr, flush=True)
            results[name] = step()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["elapsed_s"] = time.perf_counter() - started
    results["loadavg_end"] = loadavg()
    print("\n".join(report(results)))
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
