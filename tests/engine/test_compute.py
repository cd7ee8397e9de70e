"""Arithmetic on demand through the public API: the formula shown, every input cited, rounding and
units right, and a refusal naming the operand that is missing or only approximate."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Answer, Assistant

TESTS = Path(__file__).resolve().parents[1]


def computed(answer: Answer) -> None:
    assert answer.status == "answered", answer.text
    assert answer.derivation is not None, "a computed figure shows its arithmetic"
    quoted = {c.quote for c in answer.citations}
    assert len(quoted) >= 1 and all(q in answer.text for q in quoted)


@pytest.mark.parametrize(
    ("question", "result", "inputs"),
    [
        ("What was UIH's net margin in 2024?", "12.25%", 1),
        ("聯影醫療2024年淨利率是多少?保留一位小數", "12.3%", 1),
        ("研發費用是凈利潤的幾倍?", "1.79倍", 2),
        ("CT收入比MR少多少?", "-1.44億元", 1),
        ("What share of UIH's 2024 revenue came from software?", "0.81%", 2),
        ("聯影醫療二〇二三年營收多少?", "114.10億元", 1),
        ("FY23 revenue of UIH?", "114.10億元", 1),
        ("用增速倒推,聯影2023年營收大約多少億元?", "114.10億元", 1),  # the growth rate is the means, not the question
        ("Back out UIH FY23 revenue from the growth rate", "114.10", 1),
        ("By how much did UIH's overseas revenue increase in absolute terms in 2024?", "5.87億元", 1),
        ("联影研发人员数量同比增长了百分之几?", "10.66%", 1),
        ("聯影醫療從成立到上市用了幾年?", "11年", 2),
        ("How many percentage points larger was UIH's 2024 net profit decline than its revenue decline?", "26.35", 1),
        ("按研发费用除以研发人员数,联影2024年人均研发投入约多少万元?", "69.09萬元/人", 1),
    ],
)
def test_computed_figures(bot: Assistant, question: str, result: str, inputs: int) -> None:
    answer = bot.ask(question)
    computed(answer)
    assert result in answer.text.replace("万", "萬").replace("亿", "億")
    assert len({c.quote for c in answer.citations}) >= inputs


def test_the_inputs_of_a_margin_are_cited_and_named_in_the_formula(bot: Assistant) -> None:
    answer = bot.ask("What was UIH's net margin in 2024?")
    assert answer.derivation is not None
    assert answer.derivation.expression.startswith("12.62億元 ÷ 103億元")
    assert any("12.62億元" in c.quote and "103億元" in c.quote for c in answer.citations)


def test_an_approximate_operand_is_named_not_computed(bot: Assistant) -> None:
    answer = bot.ask("按CT業務的降幅推算,2023年CT收入是多少?")
    assert answer.status == "no_answer" and "超過25%" in answer.text


def test_a_missing_operand_is_named(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年研發費用是毛利的幾倍?")
    assert answer.status == "no_answer"


def test_a_comparison_names_the_larger_and_cites_both(bot: Assistant) -> None:
    answer = bot.ask("2024年CT和MR哪個收入更高?")
    assert answer.status == "answered" and "31.92" in answer.text and "30.48" in answer.text
    assert answer.headline.splitlines()[-1].startswith("比較")


def test_the_interpretation_is_returned_and_shown(bot: Assistant) -> None:
    answer = bot.ask("What was UIH's net margin in 2024?")
    assert answer.interpretation is not None
    assert answer.interpretation.operation == "compute" and answer.interpretation.detail == "ratio"
    assert answer.understood.startswith("Understood as:") and answer.understood in answer.text


DEAL = "2025年5月,星湖儲能子公司星湖智控完成2億元A輪融資,投後估值12億元;星湖儲能2024年綜合毛利率為21.5%。"
DEAL_FACTS = """facts:
  - id: zk-round
    subject: starlake_control
    metric: funding_round
    period: "2025-05"
    value: 2
    unit: 元
    scale: 億
    written: 2億元
    quote: 2025年5月,星湖儲能子公司星湖智控完成2億元A輪融資,投後估值12億元;
    paragraph: 6
  - id: zk-valuation
    subject: starlake_control
    metric: valuation
    period: "2025-05"
    value: 12
    unit: 元
    scale: 億
    written: 12億元
    quote: 2025年5月,星湖儲能子公司星湖智控完成2億元A輪融資,投後估值12億元;
    paragraph: 6
  - id: sl-gross-margin
    subject: starlake
    metric: gross_margin
    period: "2024"
    value: 21.5
    unit: "%"
    written: 21.5%
    quote: 星湖儲能2024年綜合毛利率為21.5%。
    paragraph: 6
"""


@pytest.fixture(scope="module")
def deal_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The small test pack with a funding round and a gross margin added (a paragraph written for it)."""
    pack = tmp_path_factory.mktemp("deal") / "pack"
    shutil.copytree(TESTS / "packs" / "mini", pack)
    article = pack / "facts" / "sources" / "starlake-2024.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("本文僅供參考", DEAL + "\n本文僅供參考"), encoding="utf-8"
    )
    (pack / "facts" / "deal.yaml").write_text(DEAL_FACTS, encoding="utf-8")
    gazetteer = pack / "facts" / "gazetteer.yaml"
    gazetteer.write_text(
        gazetteer.read_text(encoding="utf-8").replace(
            "concepts:\n",
            (
                "concepts:\n  starlake_control:\n    kind: entity\n"
                "    names: {zh-Hant: 星湖智控, en: Starlake Control}\n"
                "    aliases: [星湖智控, Starlake Control]\n"
            ),
            1,
        ),
        encoding="utf-8",
    )
    return Assistant.load(pack, use_cache=False)


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("星湖智控A輪投前估值多少?", "10.00億元"),
        ("What was Starlake Control's pre-money valuation?", "10.00億元"),
        ("星湖儲能2024年毛利大約多少億元?", "10.43億元"),
        ("From revenue and gross margin, how much gross profit did Starlake make in 2024?", "10.43億元"),
    ],
)
def test_measures_defined_by_others_are_computed(deal_bot: Assistant, question: str, result: str) -> None:
    """Pre-money valuation = post-money − the round; gross profit = revenue × gross margin."""
    answer = deal_bot.ask(question)
    computed(answer)
    assert result in answer.text.replace("亿", "億")


def test_inputs_of_two_dates_make_no_computed_measure(bot: Assistant) -> None:
    """联影智能's 100億 valuation is of December 2024, the 10億 round of 2025: no pre-money of the round."""
    answer = bot.ask("联影智能A轮投前估值多少")
    assert answer.status == "no_answer" and "90" not in answer.text


MARGINS = """
  - id: starlake-margin-2024
    subject: starlake
    metric: gross_margin
    period: "2024"
    value: 21.5
    unit: "%"
    written: 21.5%
    change: {value: -1.8, unit: 個百分點, written: 較上年下降1.8個百分點}
    quote: 2024年,星湖儲能綜合毛利率為21.5%,較上年下降1.8個百分點。
    paragraph: 6
  - id: starlake-overseas-margin-2023
    subject: starlake
    metric: gross_margin
    segment: [overseas]
    period: "2023"
    value: 17.2
    unit: "%"
    written: 17.2%
    quote: 2023年,星湖儲能海外業務毛利率為17.2%。
    paragraph: 7
"""


def test_a_stated_change_answers_how_much_a_figure_changed_and_no_other_line_stands_in(
    mini_pack: Path, tmp_path: Path
) -> None:
    """The change the article states (下降1.8個百分點) answers "by how many points did it fall"; the
    overseas margin of the year before is another line's figure and is never subtracted from the whole."""
    pack = tmp_path / "pack"
    shutil.copytree(mini_pack, pack)
    article = pack / "facts" / "sources" / "starlake-2024.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "本文僅供參考",
            "2024年,星湖儲能綜合毛利率為21.5%,較上年下降1.8個百分點。\n"
            "2023年,星湖儲能海外業務毛利率為17.2%。\n本文僅供參考",
        ),
        encoding="utf-8",
    )
    (pack / "facts" / "margins.yaml").write_text("facts:" + MARGINS, encoding="utf-8")
    bot = Assistant.load(pack, use_cache=False)
    for question in ("星湖儲能的綜合毛利率較上年下降了幾個百分點?", "星湖储能2024年毛利率比2023年下降了多少个百分点?"):
        answer = bot.ask(question)
        assert answer.status == "answered", answer.text
        assert "1.8個百分點" in answer.text or "1.8个百分点" in answer.text
        assert "17.2" not in answer.text and "4.3" not in answer.text
