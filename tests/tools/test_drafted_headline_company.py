"""A raw draft of an article whose headline opens with a phrase (去庫存告一段落) and names the company in its
second part, whose body names the company in full only once (after 的, with a Latin gloss) and otherwise
by the short name it shares with a subsidiary named more often (澄帆歐洲). The company the article is about
is still the default subject and owns the short name, in Chinese and in English; the subsidiary keeps its
own figures. Also: a line narrowed by a word the article never writes (寵物自行車) is not answered with the
whole line's figure. Asked in every script; the article is written for these tests."""

from __future__ import annotations

import pytest
from answers import answered

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "去庫存告一段落 澄帆車業押注電輔車 能否重回成長？",
        "《財經新視界週刊》記者 林怡萱/台中報導",
        "疫情期間搭上全球自行車熱潮的澄帆車業(Chengfan Cycles),過去兩年吃足了去庫存的苦頭。",
        "根據公司公布的年報,澄帆2024年合併營收為218.6億元,年減12.4%;稅後淨利9.82億元。",
        "澄帆目前的業務以自有品牌為主。2024年電輔車營收為96.3億元,年增5.1%。",
        "在歐洲的布局,主要由子公司澄帆歐洲負責。澄帆歐洲位於荷蘭蒂爾堡,成立於2016年。",
        "澄帆歐洲2024年營收為2.46億歐元,年減4.3%,員工約640人。",
        "澄帆歐洲的產能約25萬台,澄帆計劃再擴充。",
        "澄帆2024年底員工總數為3,850人。",
    ]
)


def test_the_company_named_in_the_second_part_of_the_headline_is_the_default_subject(drafted: Assistant) -> None:
    subject = drafted.pack.default_subject
    assert subject and to_simplified(drafted.pack.concepts[subject].names.zh_Hant) == "澄帆车业"
    assert not any(to_simplified(c.names.zh_Hant) == "去库存" for c in drafted.pack.concepts.values())


@pytest.mark.parametrize(
    "question", ["澄帆2024年營收多少?", "澄帆2024年营收多少?", "Chengfan revenue 2024?", "澄帆 FY24 revenue?"]
)
def test_the_short_name_shared_with_a_subsidiary_is_the_company_itself(drafted: Assistant, question: str) -> None:
    text = answered(drafted, question)
    assert "218.6" in text
    assert "2.46" not in text


@pytest.mark.parametrize("question", ["澄帆歐洲2024年營收多少?", "澄帆欧洲营收多少", "Chengfan Europe revenue 2024?"])
def test_the_subsidiary_keeps_its_own_figures(drafted: Assistant, question: str) -> None:
    text = answered(drafted, question)
    assert "2.46" in text
    assert "218.6" not in text


def test_the_latin_gloss_after_a_phrase_ending_in_de_names_the_company(drafted: Assistant) -> None:
    text = answered(drafted, "What was Chengfan Cycles' revenue in 2024?")
    assert "Chengfan Cycles" in text and "218.6" in text


@pytest.mark.parametrize("question", ["澄帆寵物電輔車營收多少?", "澄帆宠物电辅车营收多少?"])
def test_a_line_narrowed_by_a_word_the_article_never_writes_is_notanswered(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status != "answered", answer.text
    assert "宠物" in to_simplified(answer.text)  # the answer names the word it did not understand


def test_the_line_itself_isanswered(drafted: Assistant) -> None:
    assert "96.3" in answered(drafted, "澄帆電輔車營收多少?")
