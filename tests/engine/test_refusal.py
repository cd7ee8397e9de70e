"""Refuse rather than guess: mismatched entity, period or metric is never answered with a nearby figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant


@pytest.mark.parametrize(
    "question",
    [
        "GE醫療2024年營收多少?",  # another company named in the article
        "西门子医疗2024年营收",
        "Mindray's 2024 revenue",  # a company the article never names
        "What was Stryker's revenue in 2024?",
        "聯影醫療2025年全年營收",  # a year the base has no full-year figure for
        "联影医疗2021年净利润",
        "联影智能2024年营收是多少",  # a subject-period pair the base lacks
        "UIH gross margin 2024",  # a metric no fact holds
        "联影医疗CEO是谁",
        "联影医疗MI业务2024年收入多少亿",  # described in words, no figure given
        "联影医疗研发费用同比增长多少",  # the change is not stated
        "Write a poem about United Imaging",
        "幫聯影醫療想一句新品廣告標語",  # a slogan is copywriting, not a fact
        "帮我排一个一周三练的减脂训练计划",  # a plan made up for the asker is no fact of the article
        "Help me plan a workout schedule",
        "EUV光刻機的工作原理是什麼?explain briefly",  # a why-word, and nothing the article holds asked about
        "联影医疗明年营收预测",
        "你覺得未來五年醫學影像賽道誰會勝出?",  # a prediction, though the article speaks of the market
        "Who will win the medical imaging race?",
        "聯影醫療值得長期持有嗎?",  # advice, in any words
        "聯影醫療現在值得 buy 嗎?",  # advice, in mixed words
        "What will UIH's share price be tomorrow?",  # a forecast, however near
        "聯影醫療下個月營收多少?",
        "聯影醫療董事長是誰?",  # a sentence on a board seat answers no question about the chairman
        "What's UIH's current P/E ratio?",  # nor one sharing a word of the question
        "Is United Imaging worth holding for the long term?",
        "小狗應該吃哪種狗糧?",  # advice of another kind
        "聯影醫療研發人員的平均薪酬是多少?",  # a measure of the staff named, not their number
        "What is the average salary of UIH's R&D staff?",
        "联影医疗研发费用资本化率是多少",
        "聯影醫療CT的造價多少?",  # a price of a line (造價) is no revenue of it
        "台積電的董事長是誰?",  # a company the vocabulary knows and the article never names
        "Who chairs TSMC?",
        "",
        "   ",
    ],
)
def test_refused(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert answer.status != "answered", answer.text
    assert answer.text


def test_refusal_says_not_in_fact_base_and_offers_nearest(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2021年營業收入有多少?")
    assert answer.status == "no_answer"
    assert "事實庫" in answer.text
    assert answer.suggestions, "the nearest fact it does hold is suggested"
    assert [c.paragraph for c in answer.citations] == [21], "the nearest figure it shows is cited"
    assert not answer.facts, "no fact is given as the answer"


def test_english_refusal_wording(bot: Assistant) -> None:
    answer = bot.ask("What was Philips' revenue in 2024?")
    assert answer.status == "no_answer" and "not in the fact base" in answer.text.lower()


def test_other_company_never_gets_uih_figure(bot: Assistant) -> None:
    for question in ("GE醫療2024年營收", "飞利浦2024年营收", "Siemens Healthineers revenue 2024"):
        answer = bot.ask(question)
        assert "103" not in answer.text.split("\n")[0] or answer.status != "answered"
        assert answer.status != "answered"


@pytest.mark.parametrize("question", ["联影医疗市值现在多少", "联影医疗市值多少", "What is UIH's market cap?"])
def test_a_peak_is_no_answer_to_a_plain_value(bot: Assistant, question: str) -> None:
    assert bot.ask(question).status != "answered"


def test_the_peak_itself_is_answered(bot: Assistant) -> None:
    answer = bot.ask("联影医疗市值最高多少")
    assert answer.status == "answered" and "突破1500" in answer.text


@pytest.mark.parametrize("question", ["星湖儲能工商業儲能櫃的營業收入是多少?", "星湖储能工商业储能柜的营业收入是多少?"])
def test_words_the_answering_sentence_lacks_are_no_answer(mini_pack: Path, question: str) -> None:
    """The article names 工商業儲能櫃 in another sentence; the revenue sentence is not about it, so the
    company's total revenue is no answer for the product's, and the refusal says which words it missed."""
    answer = Assistant.load(mini_pack).ask(question)
    assert answer.status == "no_answer"
    assert "儲能櫃" in answer.text or "储能柜" in answer.text
    plain = Assistant.load(mini_pack).ask("星湖儲能的營業收入是多少?")
    assert plain.status == "answered" and "48.5" in plain.text


@pytest.mark.parametrize("question", ["What was Moonlake Storage's revenue in 2024?", "Moonlake Storage revenue 2024"])
def test_a_stranger_sharing_a_word_with_a_known_company_is_refused(mini_pack: Path, question: str) -> None:
    """ "Storage" is in "Starlake Storage"; "Moonlake Storage" is still another company."""
    answer = Assistant.load(mini_pack).ask(question)
    assert answer.status == "no_answer" and "48.5" not in answer.headline


@pytest.mark.parametrize(
    "question",
    [
        "Rivian revenue?",
        "What was Rivian's revenue in 2024?",
        "General Motors revenue?",
        "What was General Motors' revenue in 2024?",
        "Ford Motor revenue 2024",
        "John Deere FY2024 的 net income 是多少?",  # a name right before a fiscal year (FY2024)
        "Stryker 嘅 revenue 幾多?",  # a name opening a mixed question, before Chinese words
        "Olympus 的營收是多少?",
    ],
)
def test_an_english_name_no_alias_knows_is_another_company(bot: Assistant, question: str) -> None:
    """A capitalised name the pack does not know, even one opening the question or sharing a word with
    the vocabulary (General), is another company: never the article's company's revenue."""
    answer = bot.ask(question)
    assert answer.status == "no_answer", answer.text
    assert "103" not in answer.text


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("安井食品2024年營收多少?", "安井食品"),
        ("三全食品 2024 年 revenue 多少?", "三全食品"),
        ("华润医药的净利润是多少", "华润医药"),
    ],
)
def test_a_chinese_name_with_a_company_word_no_alias_knows_is_another_company(
    bot: Assistant, question: str, name: str
) -> None:
    answer = bot.ask(question)  # the company words are data (language.yaml): 食品, 医药 … not only 医疗 and 集团
    assert answer.status == "no_answer", answer.text
    assert name in answer.text and "103" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Since when is this the first time both revenue and net profit fell?",
        "Revenue of UIH in 2024?",
        "YTD 的營收是多少?",  # capitals before Chinese words: jargon, not a name
    ],
)
def test_a_capital_opening_a_question_is_no_name(bot: Assistant, question: str) -> None:
    assert bot.ask(question).status == "answered"


@pytest.mark.parametrize(
    "unread", ["公司另一款小型射頻儀後來怎麼樣了?", "What happened to the other small device later?"]
)
@pytest.mark.parametrize("follow_up", ["它停售前一年賣了多少錢?", "What was its revenue the year before?"])
def test_it_after_a_question_read_as_nothing_is_asked_about_not_the_company(
    bot: Assistant, unread: str, follow_up: str
) -> None:
    """A question the engine could not read at all was about something; "it" next is that unknown thing,
    so the engine asks instead of answering with the article's company's figure."""
    chat = bot.chat()
    assert chat.ask(unread).status == "no_answer"
    answer = chat.ask(follow_up)
    assert answer.status == "clarify", answer.text
    assert not answer.figures


@pytest.mark.parametrize("question", ["联影医疗2024年亏了多少?", "聯影醫療2024年虧損多少?", "UIH net loss 2024?"])
def test_a_profit_never_answers_a_question_for_a_loss(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert answer.status == "no_answer" and not answer.facts  # 12.62 is a profit: shown as the nearest at most


def test_a_loss_is_still_answered_as_a_loss(bot: Assistant) -> None:
    answer = bot.ask("聯影智能2023年虧損多少?")
    assert answer.status == "answered" and "1.36" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "周大福2024年營收多少?",
        "五粮液2024年营收",
        "日月光2024年營收多少?",
        "Maersk revenue 2024?",
        "长荣海运2024年营收是多少",
    ],
)
def test_a_well_known_company_named_bare_is_refused(mini_pack: Path, question: str) -> None:
    """Named without a company word, a well-known company (intents/companies.yaml) is still another company:
    never answered with the pack's own company's revenue."""
    answer = Assistant.load(mini_pack).ask(question)
    assert answer.status == "no_answer", answer.text


@pytest.mark.parametrize("question", ["米途智能2024年營收多少?", "那米途智能的营收呢?", "金帆海運2024年營收多少?"])
def test_a_stranger_with_a_company_word_is_refused(mini_pack: Path, question: str) -> None:
    """智能 and 海運 end company names (米途智能, 金帆海運) the pack never heard of: another company."""
    answer = Assistant.load(mini_pack).ask(question)
    assert answer.status == "no_answer", answer.text


@pytest.mark.parametrize(
    "question",
    [
        "What does TEU stand for in general?",
        "科创板 IPO 的 listing criteria 有哪些?",
        "科創板的上市條件是什麼?",
        "苏伊士运河是哪一年开通的?",
    ],
)
def test_general_knowledge_is_refused_not_answered_with_the_article(bot: Assistant, question: str) -> None:
    """A term's meaning or a market's rules are no fact of the article: never answered with its listing year."""
    answer = bot.ask(question)
    assert answer.status == "no_answer" and not answer.citations, answer.text
