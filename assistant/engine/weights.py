"""Every weight and threshold of matching and deciding, named in one place with what it is for.

Scores are sums of these: a fact that shares more of what the question names scores higher. A slot
mismatch (another company, year, metric or segment) is not a weight: it rules the fact out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    # -- metrics -------------------------------------------------------------------------------------
    metric_named: float = 1.0  # per metric of the question the fact covers
    metric_own: float = 1.0  # the fact's own metric is one the question names
    metric_implied: float = 0.5  # the fact's metric is implied by one the question names (profit -> loss)
    metric_missing: float = 0.5  # per metric of the question the fact does not cover (subtracted)
    metric_focus: float = 0.3  # of several metrics, the fact covers the one the question words point at
    # -- entities ------------------------------------------------------------------------------------
    entity_subject: float = 1.5  # the fact is about the entity the question names
    entity_involved: float = 0.5  # the named entities are all involved (object, tags), none the subject
    entity_also: float = 0.5  # per further named entity the fact involves
    entity_absent: float = 0.5  # per further named entity the fact's sentence does not mention (subtracted)
    default_subject: float = 0.2  # no entity named: a fact about the pack's main company
    # -- segments and qualifiers ---------------------------------------------------------------------
    segment_named: float = 1.0  # per segment named that the fact is about
    segment_mentioned: float = 0.3  # a named segment appears only in the fact's sentence
    segment_unasked_figure: float = 1.0  # the fact is a segment's figure and the question names no segment
    segment_unasked_other: float = 0.6  # the fact concerns an unasked segment (a statement, another segment)
    qualifier_named: float = 1.0  # per qualifier named that the fact carries
    qualifier_mentioned: float = 0.3  # a named qualifier appears only in the fact's sentence
    qualifier_absent: float = 0.3  # per named qualifier the fact lacks (subtracted)
    qualifier_unasked: float = 0.2  # per qualifier of the fact the question does not name (subtracted)
    rank_named: float = 1.0  # the figure's own clause gives the rank asked (第一大客户…41.3%), else subtracted
    # -- periods -------------------------------------------------------------------------------------
    period_fits: float = 0.5  # per asked period the fact fits
    period_own: float = 0.3  # the fact is dated so itself, not only its sentence names the year (a plan's 2027)
    period_part_unasked: float = 0.3  # a quarter's or month's figure for a question about a whole year
    period_default: float = 0.3  # no period named: a fact of the pack's default period
    period_part_unnamed: float = 0.2  # no period named: a quarter's or month's figure
    period_plan_unasked: float = 0.3  # no period nor plan asked: an undated figure its sentence plans (有望…)
    period_plan_asked: float = 0.5  # ... and a plan or target asked (打算, 目标): the plan, not the year reported
    period_latest_year: float = 0.3  # the year was not named (一季度): the article's own year is likelier
    # -- numbers and words ---------------------------------------------------------------------------
    number_own: float = 0.6  # a number the question quotes is the fact's own figure
    number_beside: float = 1.0  # ... but another fact sits beside that number (subtracted)
    number_near: float = 0.6  # a number the question quotes stands next to the fact's figure
    number_before: float = 0.3  # ... in the clause before it
    number_absent: float = 1.0  # a figure unrelated to any number the question quotes (subtracted)
    word_unit: float = 0.1  # per shared word with the fact's sentence and labels, times the word's rarity
    word_cap: float = 1.2  # at most this much from shared words, for a figure
    word_cap_statement: float = 3.0  # ... and for a statement, which words single out more than concepts
    # -- the answer the question expects -------------------------------------------------------------
    derived_asked: float = 1.0  # a computed fact for a question that asks for a computation
    derived_unasked: float = 0.5  # a computed fact for a question that does not (subtracted)
    change_stated: float = 0.3  # a change question and the fact states a change
    change_difference: float = 1.0  # a change question and the fact is a difference of two figures
    quantity_figure: float = 0.3  # a question for a quantity and the fact is a figure
    statement_asked: float = 0.3  # a who/which/what question and the fact is a statement
    year_asked: float = 0.3  # a when question and the fact is a year
    unit_figure: float = 0.3  # the question names the unit it wants and the fact is a figure
    unit_match: float = 0.5  # ... in that unit
    # -- conversation --------------------------------------------------------------------------------
    previous_sentence: float = 0.6  # the fact comes from the sentence of the last answer
    previous_metric: float = 0.6  # the fact covers the last answer's metric
    # -- deciding ------------------------------------------------------------------------------------
    implied_score: float = 5.0  # the standing of a figure the stated ones imply, when nothing is stated
    clarify_margin: float = 0.25  # facts within this score of the best are a tie: ask which one
    clause_lead: int = 2  # ... unless one's own clause shares this many more of the question's words
    clause_tie_max: int = 6  # ... among at most this many (more are for the reader to choose from)
    same_topic_margin: float = 1.0  # statements on the best one's topic within this score are answered with it
    specific_word_share: int = 10  # a word in at most 1/this of the facts (and at least 2) is specific
    statement_min_words: float = 3.0  # a statement found by shared words alone needs this many
    statement_lead: float = 2.0  # ... and this lead over the next one
    entity_only_words: float = 2.0  # a question naming only a company: a statement sharing this many words
    statement_entity: float = 1.5  # a statement involving a company the question names
    statement_concept: float = 1.0  # per concept of the question a statement covers
    statement_min_score: float = 6.0  # a statement chosen by its words needs this score (rare words weigh ~2-4)
    statement_margin: float = 2.0  # ... and this lead over the next
    passage_min_units: int = 2  # a sentence found by the question's words alone shares at least this many
    passage_min_share: float = 0.4  # ... holds this share of their weight (rare words weigh more)
    passage_lead: float = 0.12  # ... and this much more of it than the next sentence
    why_words: float = 0.2  # a why-question: the weight of shared words beside the concepts
    confidence_base: float = 0.5  # confidence of an answer: base, plus per score point and lead
    confidence_per_point: float = 0.05
    confidence_lead: float = 0.2


WEIGHTS = Weights()
