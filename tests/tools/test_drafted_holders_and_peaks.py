"""Answers on a raw draft (no review), in every script: who holds a stake (远澄资本持股8.7%: 远澄资本), a
subsidiary named in a legal name with its place and pointed at by 该研究所, a line left out in brackets, numbers
that name things (双11) or reckon (每赚100元), a dividend per share beside the total paid, a value compared
with (高于2023年度的2.0元) of the measure compared, the highest a figure reached, a rival introduced by 同业, and
a round named by its label among other money raised."""

from __future__ import annotations

import pytest

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "砚台财经",
        "澜序美妆上半年营收增长,霁川高端线提速",
        "港股上市的国货美妆集团澜序美妆2024年营收为52.36亿元。",
        "截至2025年6月30日,早期投资方远澄资本持股8.7%,为第二大股东。",
        "2024年,护肤业务(不含霁川)实现收入36.02亿元;霁川实现收入5.03亿元。",
        "2021年,澜序美妆在日本横滨设立全资子公司澜序(日本)研究所株式会社,目前拥有研发人员46人。",
        "2024年,该研究所研发投入约4600万元。",
        "公司表示,存货增加主要是为“双11”提前备货,公司每赚100元营收就有超过一半花在营销上。",
        "公司宣布派发2024年末期股息每股0.28元,派息总额约2.47亿元,派息率约40%,高于2023年度的0.21元。",
        "澜序美妆市值在2021年9月一度逼近380亿港元,截至2025年8月29日市值约为96亿港元。",
        "另一家同业卉研集团2024年营收68.9亿元。",
        "2021年,澜序美妆完成5亿元C轮融资;2023年11月上市时募资净额约18.4亿港元。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("远澄资本持股多少?", "8.7"),
        ("日本研究所2024年的研发投入是多少?", "4600"),
        ("横滨那个研究所有多少研发人员?", "46"),
        ("霁川2024年收入多少?", "5.03"),
        ("2024年末期股息每股多少钱?", "0.28"),
        ("2024年派息总额多少?", "2.47"),
        ("2023年度每股股息是多少?", "0.21"),
        ("澜序美妆市值最高到过多少?", "380"),
        ("澜序美妆2025年8月29日市值多少?", "96"),
        ("卉研集团2024年营收多少?", "68.9"),
        ("C轮融了多少钱?", "5亿"),
    ],
)
def test_each_figure_belongs_to_what_the_article_says(drafted: Assistant, question: str, figure: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.headline.replace("億", "亿"), answer.text


@pytest.mark.parametrize("written", ["11", "100元"])
def test_a_number_that_names_or_reckons_is_no_figure(drafted: Assistant, written: str) -> None:
    """“双11” names a shopping festival; 每赚100元营收 is a unit of reckoning."""
    assert not any(f.written == written for f in drafted.pack.facts.values())
