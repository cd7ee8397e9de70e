"""One Assistant shared by several threads, each with its own chat(), answers exactly as a serial run."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.lang import normalize

THREADS = 8
QUESTIONS = [
    "聯影醫療2024年營收多少?",
    "联影医疗2024年营收多少?",
    "What was UIH's revenue in 2024?",
    "聯影醫療2024年凈利潤是多少?",
    "联影2024年净利润多少亿?",
    "How much net profit did United Imaging make in 2024?",
    "2024年CT業務收入多少?",
    "2024年MR收入是多少",
    "What was the RT revenue in 2024?",
    "聯影醫療2024年海外收入多少?",
    "海外收入占总营收的比重是多少",
    "How many R&D staff did UIH have in 2024?",
    "2024年研發費用是多少",
    "2024年经营性现金流净额是多少?",
    "Operating cash flow in Q1 2025?",
    "聯影智能的估值是多少?",
    "联影智能A轮融资多少钱",
    "聯影醫療2023年營收是多少?",
    "What were accounts receivable at the end of 2024?",
    "联影医疗什么时候成立的?",
    "When did UIH list on the STAR Market?",
    "聯影醫療的核心產品有哪些?",
    "联影智能是一家什么公司?",
    "What is the biggest challenge for imaging AI?",
    "联影医疗为什么没有参与福建集采?",
    "GE醫療2024年營收多少?",
    "联影医疗明年股价会涨吗?",
    "Should I buy United Imaging shares?",
    "聯影醫療現在的股價是多少?",
    "给我写一首关于联影的诗",
    "What was Siemens Healthineers' revenue in 2024?",
    "聯影醫療2019年營收多少?",
    "UIH revnue 2024",
    "waht was united imagng's net proft in 2024",
    "联影医疗 market cap 最高 多少",
    "聯影醫療２０２４年營收多少?",
    "help",
    "這篇文章講什麼?",
    "",
    "?!?!",
    "x" * 5000,
    "聯影",
    "UIH",
    "2024",
    "1",
    "聯影醫療的市場份額",
    "那MR呢?",
    "'; DROP TABLE facts; --",
    "🙂🙂🙂",
    "\u202e2024 revenue",
]
CONVERSATIONS = [
    ["2024年CT業務收入多少?", "那MR呢?", "RT呢?", "2023年呢?"],
    ["联影医疗2024年营收多少?", "净利润呢?", "同比下降了多少?"],
    ["What was UIH's revenue in 2024?", "And net profit?", "What about 2023?"],
    ["Tell me about United Imaging Intelligence", "What is it valued at?", "How much did UIH invest?"],
    ["聯影醫療的市場份額", "1", "磁共振呢?"],
    ["联影医疗2024年海外收入多少?", "占比呢?", "北美呢?"],
    ["聯影", "2", "那凈利潤呢?", "help", "3"],
    ["", "x" * 600, "聯影醫療2024年營收多少?", "那MR呢?"],
]


def _serial(bot: Assistant) -> tuple[list[dict], list[list[dict]]]:
    singles = [bot.ask(q).model_dump() for q in QUESTIONS]
    conversations = []
    for turns in CONVERSATIONS:
        chat = bot.chat()
        conversations.append([chat.ask(q).model_dump() for q in turns])
    return singles, conversations


def _conversation(bot: Assistant, turns: list[str]) -> list[dict]:
    chat = bot.chat()
    return [chat.ask(q).model_dump() for q in turns]


def _run_threaded(bot: Assistant, rounds: int) -> None:
    singles, conversations = _serial(bot)
    jobs: list[tuple[str, int]] = [("q", i) for i in range(len(QUESTIONS))] * rounds
    jobs += [("c", i) for i in range(len(CONVERSATIONS))] * rounds
    random.Random(3).shuffle(jobs)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [
            (
                kind,
                index,
                pool.submit(bot.ask, QUESTIONS[index])
                if kind == "q"
                else pool.submit(_conversation, bot, CONVERSATIONS[index]),
            )
            for kind, index in jobs
        ]
        for kind, index, future in futures:
            if kind == "q":
                assert future.result().model_dump() == singles[index], QUESTIONS[index]
            else:
                assert future.result() == conversations[index], CONVERSATIONS[index]


def test_threads_match_serial(robot: Assistant) -> None:
    _run_threaded(robot, rounds=4)


def test_threads_on_a_fresh_process_state(mini_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """First use under contention: converters not yet built, fold cache empty, a pack loaded just now."""
    monkeypatch.setattr(normalize, "_converters", {})
    normalize.forget_folds()
    bot = Assistant.load(mini_pack, use_cache=False)
    questions = [
        "星湖儲能2024年營收多少?",
        "星湖储能2024年净利润多少?",
        "How many employees did Starlake have?",
        "那海外呢?",
        "星湖",
        "1",
        "Starlake revenue 2023",
    ] * 8
    serial = [bot.ask(q).model_dump() for q in questions]
    monkeypatch.setattr(normalize, "_converters", {})
    normalize.forget_folds()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        threaded = list(pool.map(lambda q: bot.ask(q).model_dump(), questions))
    assert threaded == serial


def test_threads_loading_the_same_pack(mini_pack: Path) -> None:
    """Several threads loading one pack with an empty cache all get a working Assistant."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        bots = list(pool.map(lambda _: Assistant.load(mini_pack), range(4)))
    answers = {b.ask("星湖儲能2024年營收多少?").to_json() for b in bots}
    assert len(answers) == 1
