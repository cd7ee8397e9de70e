"""Load benchmark of the HTTP API: requests per second and latency at 1, 4 and 16 concurrent clients,
with one and two uvicorn workers, beside the engine's in-process rate on the same questions.

    python bench/load.py            # about a minute
    python bench/load.py --quick    # shorter runs
    python bench/load.py --json results.json

Bounded and loopback only: the server is started by this script on 127.0.0.1 at a free port, every run
sends at most --max-requests requests for at most --seconds seconds, and the server is stopped at the
end. The clients are keep-alive HTTP/1.1 connections written on asyncio streams (no client library cost
to speak of); they share the machine's CPUs with the server, as a reverse proxy on the same host would.
Caches go to a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from run import child_env, load_questions, machine, percentile  # noqa: E402

TARGET_RATIO = 0.8  # one worker, at every concurrency, against the engine in-process
CONCURRENCY = (1, 4, 16)
WORKERS = (1, 2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bodies() -> list[bytes]:
    singles, _ = load_questions()
    return [json.dumps({"question": entry["q"]}, ensure_ascii=False).encode() for entry in singles]


def in_process_rate(bot: Any, seconds: float) -> dict[str, Any]:
    """Questions per second of `Assistant.ask` in this process, one thread, the same questions; and the
    CPU time per question, which other work on a shared machine disturbs far less than the wall clock."""
    questions = [json.loads(b)["question"] for b in bodies()]
    for question in questions:
        bot.ask(question)
    done, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for question in questions:
            bot.ask(question)
        done += len(questions)
    elapsed = time.perf_counter() - started
    return {"rate": done / elapsed, "questions": done, "cpu_ms": (time.process_time() - cpu) / done * 1000}


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and all its descendants so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


class Server:
    """`assistant serve` in a child process on a free loopback port, stopped on exit."""

    def __init__(self, workers: int, cache: Path) -> None:
        self.port = free_port()
        env = child_env(cache, ASSISTANT_HTTP_MAX_BODY="65536")
        command = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port), "--workers", str(workers)]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start in time")

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


async def client(
    port: int,
    payloads: list[bytes],
    offset: int,
    stop: float,
    budget: list[int],
    latencies: list[float],
    failures: list[int],
) -> None:
    """One keep-alive connection asking question after question until the time or the request budget ends."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    index = offset
    try:
        while time.perf_counter() < stop and budget[0] > 0:
            budget[0] -= 1
            body = payloads[index % len(payloads)]
            index += 1
            head = (
                f"POST /v1/ask HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                f"content-length: {len(body)}\r\n\r\n"
            ).encode()
            sent = time.perf_counter()
            writer.write(head + body)
            status, length = await read_head(reader)
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - sent) * 1000)
            if status != 200:
                failures.append(status)
    finally:
        writer.close()


async def read_head(reader: asyncio.StreamReader) -> tuple[int, int]:
    raw = await reader.readuntil(b"\r\n\r\n")
    lines = raw.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")), 0)
    return status, length


async def load(port: int, clients: int, seconds: float, max_requests: int) -> dict[str, Any]:
    payloads = bodies()
    latencies: list[float] = []
    failures: list[int] = []
    budget = [max_requests]
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(*(client(port, payloads, i * 7, stop, budget, latencies, failures) for i in range(clients)))
    elapsed = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": len(latencies),
        "failed": len(failures),
        "rate": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
    }


def run(seconds: float, max_requests: int) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="assistant-load-"))
    os.environ["ASSISTANT_CACHE_DIR"] = str(tmp / "cache")
    os.environ["ASSISTANT_HOME"] = str(tmp / "home")
    results: dict[str, Any] = {"machine": machine(), "seconds": seconds, "max_requests": max_requests}
    try:
        from assistant import Assistant

        bot = Assistant.load()
        results["in_process"] = in_process_rate(bot, seconds)
        results["http"] = []
        for workers in WORKERS:
            with Server(workers, tmp / "cache") as server:
                asyncio.run(load(server.port, 4, min(seconds, 1.0), 200))  # warm up every worker
                for clients in CONCURRENCY:
                    # the engine's rate measured again just before each run: this machine's load drifts
                    beside = in_process_rate(bot, seconds / 2)
                    cpu = cpu_seconds(server.process.pid)
                    row = asyncio.run(load(server.port, clients, seconds, max_requests))
                    row["cpu_ms"] = (cpu_seconds(server.process.pid) - cpu) / max(1, row["requests"]) * 1000
                    results["http"].append(
                        {
                            "workers": workers,
                            **row,
                            "in_process_rate": beside["rate"],
                            "in_process_cpu_ms": beside["cpu_ms"],
                        }
                    )
                    print(
                        f"  ... {workers} worker(s), {clients} client(s): {row['rate']:.0f} req/s",
                        file=sys.stderr,
                        flush=True,
                    )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def report(results: dict[str, Any]) -> list[str]:
    base = results["in_process"]["rate"]
    lines = [
        f"machine: {results['machine']}",
        f"engine in-process (one thread, {results['in_process']['questions']} questions): {base:.0f} q/s",
        "",
        "| workers | clients | req/s | p50 | p99 | failed | in-process just before | wall ratio "
        "| server CPU per request | engine CPU per question | CPU ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["http"]:
        lines.append(
            f"| {row['workers']} | {row['clients']} | {row['rate']:.0f} | {row['p50_ms']:.2f} ms | "
            f"{row['p99_ms']:.2f} ms | {row['failed']} | {row['in_process_rate']:.0f} q/s | "
            f"{row['rate'] / row['in_process_rate']:.0%} | {row['cpu_ms']:.2f} ms | "
            f"{row['in_process_cpu_ms']:.2f} ms | {row['in_process_cpu_ms'] / row['cpu_ms']:.0%} |"
        )
    one = [r for r in results["http"] if r["workers"] == 1]
    walls = [r["rate"] / r["in_process_rate"] for r in one]
    cpus = [r["in_process_cpu_ms"] / r["cpu_ms"] for r in one]
    lines.append(
        f"\none worker against the engine in-process (target >= {TARGET_RATIO:.0%}): wall-clock rate "
        f"{min(walls):.0%}-{max(walls):.0%}, CPU per request {min(cpus):.0%}-{max(cpus):.0%} "
        f"({'met' if min(cpus) >= TARGET_RATIO else 'missed'} by CPU, "
        f"{'met' if min(walls) >= TARGET_RATIO else 'missed'} by the wall clock on this machine)"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1-second runs instead of 4")
    parser.add_argument("--seconds", type=float, help="length of each run (default 4, --quick 1)")
    parser.add_argument("--max-requests", type=int, default=20_000, help="cap on the requests of one run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    options = parser.parse_args()
    seconds = min(options.seconds or (1.0 if options.quick else 4.0), 30.0)
    results = run(seconds, max(1, options.max_requests))
    print("\n".join(report(results)))
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
