"""A question that names a funding round is answered only from a paragraph naming that round."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant import Assistant
from assistant.engine.rounds import Rounds
from assistant.pack.loader import load_pack

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "青禾智控完成B輪融資",
        "青禾智控是一家工業機器人公司,2024年實現營業收入5.2億元。",
        "2025年3月,青禾智控完成B輪融資,融資總額3.6億元,由啟衡資本領投。",
        "其中,啟衡資本出資2.4億元,取得青禾智控12%的股權。",
    ]
)


@pytest.mark.parametrize(
    ("text", "rounds"),
    [
        ("Series A 融資了多少錢?", {"a"}),
        ("完成B輪融資", {"b"}),
        ("B+轮和C轮", {"b+", "c"}),
        ("Pre-A轮", {"prea"}),
        ("天使輪 or the angel round", {"天使"}),
        ("raised a round of funding in a new round", set()),
        ("新一輪融資", set()),
    ],
)
def test_rounds_are_read_by_their_label(text: str, rounds: set[str]) -> None:
    assert Rounds(load_pack().words).named(text) == rounds


@pytest.fixture(scope="module", params=["zh-Hant", "zh-Hans", "full-width"])
def drafted(request: pytest.FixtureRequest, draft_bot: Callable[[str, str], Assistant]) -> Assistant:
    return draft_bot(ARTICLE, request.param)


@pytest.mark.parametrize("question", ["青禾智控B輪融資多少?", "How big was Qinghe Zhikong's Series B round?"])
def test_the_round_the_article_gives_is_answered(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "3.6" in answer.text


@pytest.mark.parametrize(
    "question",
    ["青禾智控A輪融資了多少錢?", "青禾智控 Series A 融资多少", "How much did Qinghe Zhikong raise in its seed round?"],
)
def test_another_round_gets_no_figure(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "no_answer", answer.text
