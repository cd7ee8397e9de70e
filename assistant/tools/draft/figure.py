"""One candidate number of a sentence, as the draft reads it: its value, unit and change, and what the
words around it say it is (the measure a list names for it, the year its place in a list of years names).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from assistant.lang.numbers import Number

if TYPE_CHECKING:
    from assistant.tools.draft.dated import Dated


@dataclass
class Figure:
    """One candidate number of a sentence, as written there."""

    number: Number
    start: int
    end: int
    value: Decimal
    unit: str | None = None
    scale: str | None = None
    approx: str | None = None
    change_sign: int = 0
    change_start: int = -1
    change: dict[str, Any] | None = None
    more_changes: list[dict[str, Any]] = field(default_factory=list)  # 同比增长31.2%,环比增长6.8%: the q/q too
    event: str | None = None
    modifier: str | None = None  # a word before the measure's name that qualifies it (其中直营门店: 直营)
    named_metric: str | None = None  # the measure a list names for it (营收和净利润分别为…: 营收, then 净利润)
    share_base: str | None = None  # the measure a share is of, named after 占 (占门店GMV的比重: gmv)
    hints: list[str] = field(default_factory=list)
    upto: Decimal | None = None  # the upper end of a range (26%至27%), in the figure's scale
    a_part: bool = False  # 其中持证教练超过4300名: a part of the figure before it, whatever words that one has
    listed_date: Dated | None = None  # 2022年至2024年…分别为a、b和c: the year its place in the list names

    @property
    def begins(self) -> int:
        """Where the figure's text starts, including a change word before it."""
        return self.change_start if self.change_sign else self.start
