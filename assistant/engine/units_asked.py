"""Whether a figure is in the unit a question asks for: 多少錢 asks for money (16.32元/公斤 is money per
kilogram), 多少人次 for visits, 多少一頭 for an amount per head (never a price per kilogram)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.lang.normalize import fold
from assistant.pack.figures import base_unit, split_unit
from assistant.pack.schema import Fact

if TYPE_CHECKING:
    from assistant.engine.frame import Frame
    from assistant.engine.matcher import Scored


def in_unit_asked(frame: Frame, ranked: list[Scored]) -> list[Scored]:
    """ "多少錢" asks for amounts in money: figures (or changes) in the unit asked, when the best have one."""
    asked = frame.unit
    if not (asked and any(base_unit(s.fact.unit) == asked for s in ranked[:3])):
        return ranked
    return [s for s in ranked if base_unit(s.fact.unit) == asked or (s.fact.change and s.fact.change.unit == asked)]


def wrong_unit(frame: Frame, fact: Fact) -> bool:
    """The question asks for an amount in one unit ("how much in yuan", 多少一頭) and the article gives this
    figure only in another (a 6% share, a price per kilogram): the amount itself is not in the fact base."""
    per = split_unit(fact.unit)[1] if fact.unit else None
    if fact.value is not None and frame.per and per is not None and fold(per) != fold(frame.per):
        return True  # 仔豬多少錢一頭 of 16.32元/公斤: a price per another thing
    unit = frame.unit
    if unit is None or fact.value is None or (fact.change and fact.change.unit == unit):
        return False
    if unit == "元" and (base_unit(fact.unit) or "").endswith("元"):
        return False  # how much did they spend, of 1.27億港元: money asked, given in the article's currency
    # 門診人次約186.5萬: a count whose unit its measure's name says, never money or a share
    return (unit == "%" or unit.endswith("元")) if fact.unit is None else base_unit(fact.unit) != unit
