"""Stakes in another company and what was paid for them. "公司斥资4800万元,从持股平台手中买下澜拓智充1.2%
的股权" is a stake *in* 澜拓智充 held by the buyer, bought for 4800万元: the company named just before the
stake is its object, the buyer its subject. A price and the stake it bought, in one sentence, imply the
object's valuation (4800万元 ÷ 1.2%), drafted as a derived figure that shows its formula and cites both.
A round is the raising company's own (完成5亿元B轮融资), and with the stake its investors took it implies a
valuation too.
The metric words and the gap allowed come from the draft rules (`holdings`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from assistant.pack.figures import SCALES
from assistant.tools.draft.measures import Drafted, Mention
from assistant.tools.draft.reader import rules


def with_objects(plain: str, drafted: list[Drafted], orgs: list[Mention], fallback: str | None) -> list[Drafted]:
    """`drafted` with each stake's object (and its buyer as subject), and each price paid in the same
    sentence given the same buyer and object."""
    spec = rules()["holdings"]
    found = {i: _object(plain, d, orgs, spec["object_gap"]) for i, d in enumerate(drafted)}
    stakes = {i: o for i, o in found.items() if o is not None and drafted[i].metric in spec["stake_metrics"]}
    if not stakes:
        return drafted
    out = list(drafted)
    for i, target in stakes.items():
        if _holder_before(plain, drafted[i], target, orgs):  # 远澄资本持股8.7%: the holder, in the company asked of
            held = drafted[i].subject if drafted[i].subject != target else fallback or drafted[i].subject
            out[i] = replace(drafted[i], subject=target, object=held if held != target else None)
            continue
        out[i] = replace(drafted[i], subject=_buyer(drafted[i], target, orgs, fallback), object=target)
    if len(set(stakes.values())) == 1:
        target = next(iter(stakes.values()))
        buyer = out[next(iter(stakes))].subject
        for i, one in enumerate(out):
            if one.metric in spec["round_metrics"] and one.subject == target:
                continue  # 澄岳视觉宣布完成5亿元B轮融资: the round is the company's own, whoever bought in
            if one.metric in spec["paid_metrics"] and one.object is None and one.subject in (buyer, target):
                out[i] = replace(one, subject=buyer, object=target)
    return out


def implied_valuation(
    paid: dict[str, Any], stake: dict[str, Any], names: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    """The derived entry for the valuation a price and the stake it bought imply, or None when the two
    are not one deal (another buyer or object), the stake is no percentage, either is approximate (約8.6%:
    no exact valuation follows), or the price is paid per share."""
    spec = rules()["holdings"]["implied"]
    one_deal = (paid["subject"], paid.get("object")) == (stake["subject"], stake.get("object"))
    a_round = paid["metric"] in rules()["holdings"]["round_metrics"] and paid["subject"] == stake.get("object")
    if not (one_deal or a_round) or stake.get("unit") != "%" or paid.get("approx") or stake.get("approx"):
        return None
    if any(word + paid["written"] in paid["quote"] for word in spec["per_share_before"]):
        return None
    share = Decimal(str(stake["value"]))
    if share <= 0 or share > 100:
        return None
    amount = Decimal(str(paid["value"])) * SCALES.get(paid.get("scale"), Decimal(1)) * 100 / share
    scale = "億" if amount >= SCALES["億"] else "萬" if amount >= SCALES["萬"] else None
    target = str(stake["object"])
    named = names.get(target, {}).get("names", {})
    words = {"paid": paid["written"], "stake": stake["written"], "object": named.get("zh-Hant", target)}
    words["object_en"] = named.get("en") or words["object"]
    entry: dict[str, Any] = {
        "id": f"{stake['id']}-implied-{spec['metric'].replace('_', '-')}",
        "subject": target,
        "metric": spec["metric"],
        "tags": list(spec["tags"]),
    }
    if stake.get("period"):
        entry["period"] = stake["period"]
    entry.update(formula="divide_by_percent", inputs=[paid["id"], stake["id"]], unit=paid.get("unit") or "元")
    if scale:
        entry["scale"] = scale
    entry["label"] = {lang: text.format(**words) for lang, text in spec["label"].items()}
    return entry


def _object(plain: str, one: Drafted, orgs: list[Mention], gap: int) -> str | None:
    """The company named just before a figure (买下澜拓智充1.2%的股权, 取得联影智能增资后0.70%的股权)."""
    start = one.figure.begins
    near = [(s, e, ident) for s, e, ident in orgs if e <= start and start - e <= gap]
    between = [plain[e:start] for _, e, _ in near]
    near = [m for m, text in zip(near, between, strict=True) if not any(c in rules()["clause_ends"] for c in text)]
    return near[-1][2] if near else None


def _holder_before(plain: str, one: Drafted, ident: str, orgs: list[Mention]) -> bool:
    """Whether the company named before a stake holds it (远澄资本持股8.7%, 某基金合计持有公司5%的股份) rather
    than being the company it is a stake in (买下澜拓智充1.2%的股权)."""
    ends = [e for _, e, i in orgs if i == ident and e <= one.figure.begins]
    between = plain[ends[-1] : one.figure.begins] if ends else ""
    return any(verb in between for verb in rules()["holdings"]["holder_verbs"])


def _buyer(one: Drafted, target: str, orgs: list[Mention], fallback: str | None) -> str:
    """Who holds the stake: its subject unless that is the company the stake is in; then the company named
    earlier in the sentence, else the company in question."""
    if one.subject != target:
        return one.subject
    earlier = [ident for s, _, ident in orgs if s < one.figure.begins and ident != target]
    return earlier[-1] if earlier else fallback or one.subject
