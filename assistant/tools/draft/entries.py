"""The entries a draft writes: a candidate fact per figure, a statement per sentence worth asking about,
a fact per person with a title, and the topic concepts those statements are found by. Each entry keeps
the notes shown above it in facts.yaml for the person who reviews it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.tools.draft.dated import Dated
from assistant.tools.draft.entity import Entity
from assistant.tools.draft.holdings import implied_valuation
from assistant.tools.draft.measures import Drafted
from assistant.tools.draft.reader import clause_bounds, rules, simplified


@dataclass
class DraftFact:
    """A candidate fact with the notes shown above it in facts.yaml."""

    data: dict[str, Any]
    hints: list[str] = field(default_factory=list)


def statement_topics(plain: str) -> list[str]:
    """The topics of a sentence by the words it contains (领投: the investors; 原因: reasons)."""
    return [
        str(topic)
        for topic, spec in rules()["statement_topics"].items()
        if any(simplified(w) in plain for w in spec["triggers"])
    ]


class Entries:
    """The facts drafted so far, with ids numbered per paragraph."""

    def __init__(self, concepts: dict[str, Any], traditional: Callable[[str], str]) -> None:
        self.concepts = concepts
        self.traditional = traditional
        self.facts: list[DraftFact] = []
        self.derived: list[DraftFact] = []
        self.metrics_used: Counter[str] = Counter()

    def figure(self, paragraph: int, sentence: str, one: Drafted) -> dict[str, Any]:
        """A figure as written, with its company, metric, period, product line and change."""
        figure, date = one.figure, one.date
        self.metrics_used[one.metric] += 1
        data: dict[str, Any] = {"id": self.fact_id(paragraph, one.metric), "subject": one.subject, "metric": one.metric}
        if one.object:
            data["object"] = one.object
        start = clause_bounds(sentence, figure.begins)[0]  # 市值一度逼近380亿港元: the highest it reached
        peak = any(simplified(w) in simplified(sentence[start : figure.begins]) for w in rules()["peak_words"])
        of = (one.of, figure.share_base)  # 燃油成本…占营业成本比重: the part's measure and the whole's
        tags = [t for t in dict.fromkeys((*of, one.qualifier, "peak" if peak else None)) if t]
        if tags:
            data["tags"] = tags
        if date is not None and date.period is not None and date.period.year is not None and not figure.event:
            data["period"] = date.period.canonical()
            if date.text and (date.period.sub_year or not date.text[:4].isdigit()):
                data["when"] = date.text
        if one.segment:
            data["segment"] = [one.segment]
        data["value"] = figure.value
        for key in ("unit", "scale", "approx"):
            if getattr(figure, key):
                data[key] = getattr(figure, key)
        if figure.upto is not None:
            data["upto"] = figure.upto
        data["written"] = sentence[figure.start : figure.end]
        if figure.change:
            data["change"] = figure.change
        data.update(quote=sentence.strip(), paragraph=paragraph, draft=True)
        self.facts.append(DraftFact(data, figure.hints))
        for number, change in enumerate(figure.more_changes, 2):  # 同比增长31.2%,环比增长6.8%: one fact per change
            self.facts.append(DraftFact({**data, "id": f"{data['id']}-{number}", "change": change}, figure.hints))
        return data

    def implied(self, written: list[dict[str, Any]]) -> None:
        """The valuation one sentence's price and stake imply (one of each, one deal)."""
        spec = rules()["holdings"]
        paid = [
            d
            for d in written
            if d["metric"] in spec["paid_metrics"] and (d.get("object") or d["metric"] in spec["round_metrics"])
        ]
        stakes = [d for d in written if d["metric"] in spec["stake_metrics"] and d.get("object")]
        if len(paid) == 1 and len(stakes) == 1:
            entry = implied_valuation(paid[0], stakes[0], self.concepts)
            if entry is not None:
                self.derived.append(DraftFact(entry, ["implied by the price and the stake it bought: check both"]))

    def statement(
        self,
        paragraph: int,
        sentence: str,
        subject: str,
        topic: str | None,
        dates: list[Dated],
        tags: list[str] | None = None,
    ) -> None:
        """A sentence worth asking about that states no figure: who led, why, what a rule says ..."""
        metric = self.topic_concept(topic)
        text = sentence.strip()
        data: dict[str, Any] = {"id": self.fact_id(paragraph, metric), "subject": subject, "metric": metric}
        if tags:
            data["tags"] = tags
        dated = next((d for d in dates if d.period is not None and d.period.year is not None), None)
        if dated is not None and dated.period is not None:
            data["period"] = dated.period.canonical()
            data["when"] = dated.text
        data.update(
            statement={"zh-Hant": self.traditional(text), "en": text}, quote=text, paragraph=paragraph, draft=True
        )
        self.facts.append(
            DraftFact(
                data,
                [f"a statement ({topic or 'no particular topic'}): check the subject; write statement.en in English"],
            )
        )

    def person(self, paragraph: int, sentence: str, person: Entity, main: str) -> None:
        """董事長陸承澤: the person holds that title at the company named before it, else the article's."""
        titles = {simplified(k): v for k, v in rules()["title_metrics"].items()}
        metric = titles.get(simplified(person.title)) or self.topic_concept("views")
        text = sentence.strip()
        data = {
            "id": self.fact_id(paragraph, metric),
            "subject": person.employer or main,
            "metric": metric,
            "tags": [person.id],
            "statement": {"zh-Hant": self.traditional(text), "en": text},
            "quote": text,
            "paragraph": paragraph,
            "draft": True,
        }
        self.facts.append(DraftFact(data, [f"{person.title}{person.name} ({person.english}): check the company"]))

    def topic_concept(self, topic: str | None) -> str:
        """The concept a statement's topic is asked by (領投: investors), added to the pack once."""
        spec = rules()["statement_topics"].get(topic or "") if topic else None
        if spec is None:
            generic = rules()["generic_topic"]
            ident, names, aliases = str(generic["id"]), generic["names"], []
        elif spec.get("vocabulary"):
            return str(topic)  # the shared vocabulary's concept (founder, headquarters), used as it is
        else:
            ident, names, aliases = str(topic), spec["names"], list(spec["aliases"])
        if ident not in self.concepts:
            self.concepts[ident] = {"kind": "metric", "names": dict(names), "aliases": aliases}
        return ident

    def fact_id(self, paragraph: int, metric: str) -> str:
        count = sum(1 for f in self.facts if f.data["paragraph"] == paragraph) + 1
        return f"p{paragraph}-{count}-{metric.replace('_', '-')}"
