"""Follow-ups take the slots a question leaves out from earlier turns."""

from __future__ import annotations

import pytest

from assistant import Assistant


def test_segment_follow_up(bot: Assistant) -> None:
    chat = bot.chat()
    assert "30.48" in chat.ask("2024年CT業務收入多少?").text
    second = chat.ask("那MR呢?")
    assert "31.92" in second.text and second.status == "answered"


def test_change_follow_up(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("What was UIH's net profit in 2024?")
    answer = chat.ask("and the year-on-year change?")
    assert "36.08" in answer.text


def test_entity_follow_up(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("What was UIH's revenue in 2024?")
    answer = chat.ask("what about UII in 2023?")
    assert "2.54" in answer.text


def test_when_follow_up(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("聯影大型CT的國內份額是多少?")
    answer = chat.ask("這是什麼時候的數據?")
    assert "2023年底" in answer.text


def test_clarify_then_choose_by_number(bot: Assistant) -> None:
    chat = bot.chat()
    first = chat.ask("联影医疗的市场份额")
    assert first.status == "clarify" and len(first.suggestions) >= 2
    chosen = chat.ask("1")
    assert chosen.status == "answered"


def test_new_chat_forgets(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("2024年CT業務收入多少?")
    chat.reset()
    assert chat.ask("同比变化呢?").status != "answered"


def test_follow_up_for_a_year_the_base_lacks_is_refused(bot: Assistant) -> None:
    chat = bot.chat()
    assert "2.54" in chat.ask("聯影智能2023年營收多少?").text
    later = chat.ask("那2024年呢?")
    assert later.status == "no_answer", "UII's 2024 revenue is not in the article; UIH's must not stand in"


def test_prior_year_follow_up_is_derived(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("联影医疗2024年研发人员有多少?")
    earlier = chat.ask("那前一年呢?")
    assert earlier.status == "answered" and "2956" in earlier.text
    assert earlier.derivation is not None


def test_option_chosen_by_number_answers_in_the_options_language(bot: Assistant) -> None:
    chat = bot.chat()
    first = chat.ask("联影的市场份额")
    assert first.status == "clarify"
    chosen = chat.ask("1")
    assert chosen.language == "zh-Hans" and chosen.status == "answered"
    assert chat.ask("¹").status != "answered", "a superscript digit is no option number"


def test_a_follow_up_written_alike_in_both_scripts_keeps_the_conversations_script(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("联影医疗2024年海外收入多少?")
    assert chat.ask("北美呢?").language == "zh-Hans"


def test_a_refused_year_follow_up_names_what_was_asked(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("聯影智能2023年凈虧損多少?")
    refused = chat.ask("2024年呢?")
    assert refused.status == "no_answer" and "聯影智能" in refused.text and "2024" in refused.text


def test_a_follow_up_edits_only_the_year(bot: Assistant) -> None:
    chat = bot.chat()
    assert "1.36" in chat.ask("聯影智能2023年凈虧損多少?").text
    edited = chat.ask("2024年呢?")
    assert edited.status == "no_answer"
    assert edited.interpretation is not None and {"entities", "metrics"} <= set(edited.interpretation.inherited)


def test_a_segment_follow_up_keeps_the_operation(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("2024年CT業務收入同比下滑了多少?")
    answer = chat.ask("MR的呢?")
    assert answer.status == "answered" and "接近10%" in answer.text


def test_its_refers_to_the_last_subject(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("聯影智能成立於哪一年?")
    answer = chat.ask("它的估值呢?")
    assert answer.status == "answered" and "100" in answer.text


@pytest.mark.parametrize("question", ["那2024年呢?", "and the year-on-year change?", "它的估值呢?", "前一年呢?"])
def test_a_follow_up_with_nothing_to_follow_asks_instead_of_guessing(bot: Assistant, question: str) -> None:
    answer = bot.chat().ask(question)
    assert answer.status == "clarify" and not answer.facts


def test_deciding_does_not_change_the_context_it_was_given(bot: Assistant) -> None:
    chat = bot.chat()
    chat.ask("聯影醫療2024年營收多少?")
    before = chat.context
    bot.answer("那凈利潤呢?", before)
    assert chat.context is before and chat.context.fact_ids == before.fact_ids


def test_a_chat_keeps_only_its_last_turns(bot: Assistant) -> None:
    from assistant.engine.assistant import MAX_CHAT_TURNS

    chat = bot.chat()
    for _ in range(MAX_CHAT_TURNS + 5):
        chat.ask("")
    assert len(chat.turns) == MAX_CHAT_TURNS


def test_a_follow_up_naming_another_measures_qualifier_leaves_the_last_measure(bot: Assistant) -> None:
    """ "哪年上的科创板?" after the founding year asks when the listing on the STAR market was, not when
    the company was founded: no fact of the founding year is about the STAR market."""
    chat = bot.chat()
    assert "2011" in chat.ask("联影医疗哪年成立的?").text
    listing = chat.ask("哪年上的科创板?")
    assert listing.status == "answered" and "2022" in listing.headline and "2011" not in listing.headline


def test_it_after_a_company_the_pack_does_not_know_is_still_that_company(bot: Assistant) -> None:
    """ "它" after a question about a company the article never names points at that company: refused
    again, never answered with the company asked about before."""
    chat = bot.chat()
    assert chat.ask("聯影醫療2024年營收多少?").status == "answered"
    assert chat.ask("恒晟微電子2024年營收多少?").status != "answered"
    follow = chat.ask("它的海外收入有多少?")
    assert follow.status != "answered", follow.text
    assert chat.ask("聯影醫療的淨利潤呢?").status == "answered"  # naming a known company moves on


def test_a_follow_up_after_a_company_the_pack_has_no_figure_of_stays_with_it(bot: Assistant) -> None:
    """GE醫療 is named in the article but given no revenue: "淨利潤呢?" next is still about GE醫療, never
    answered with the article's own company's net profit."""
    chat = bot.chat()
    assert chat.ask("GE醫療2024年營收多少?").status != "answered"
    follow = chat.ask("淨利潤呢?")
    assert follow.status != "answered", follow.text


@pytest.mark.parametrize(
    ("first", "then"),
    [("2024年CT收入多少?", "它的净利率呢?"), ("What was CT revenue in 2024?", "And its net margin?")],
)
def test_a_margin_asked_after_a_line_s_revenue_is_never_that_revenue(bot: Assistant, first: str, then: str) -> None:
    chat = bot.chat()
    assert "30.48" in chat.ask(first).text
    answer = chat.ask(then)
    assert answer.status == "no_answer" and "30.48" not in answer.text  # CT's net profit is not given


@pytest.mark.parametrize("question", ["聯影智能2023年的淨利率是多少?", "What was UII's net margin in 2023?"])
def test_a_net_loss_is_never_divided_as_a_net_profit(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert "53.54" not in answer.text  # 1.36 ÷ 2.54 with a loss's sign lost would be a wrong figure


@pytest.mark.parametrize("follow_up", ["佔總營收的比例呢?", "what share of revenue is that?"])
def test_a_share_after_a_multiple_is_the_first_measures_share(bot: Assistant, follow_up: str) -> None:
    """研發費用是淨利潤的幾倍? then its share of revenue: R&D's (22%), never R&D over net profit (179%)."""
    chat = bot.chat()
    assert "1.79" in chat.ask("2024年研發費用是淨利潤的幾倍?").text
    answer = chat.ask(follow_up)
    assert answer.status == "answered" and "22%" in answer.text, answer.text
    assert "179" not in answer.text
