"""The fields a reviewer edits, shown as one line of text and read back from it.

subject, metric, segment and tags are concept ids (chosen from a list); the others are typed:
  period     2024, 2025Q1, 2024H2, 2024-12, 2025-06-10 (empty: none)
  value      [approx] number [scale] [unit] | written     e.g. 約 6 億 元 | 約6億元
  change     [approx] number [scale] [unit] | written     e.g. -18.45 % | 同比下降18.45%, 約 4.2 % | 增幅約4.2%
  label      zh-Hant | en                                 e.g. 2024年營業收入 | revenue in 2024   (empty: none)
  statement  zh-Hant | en                                 what a fact without a figure says, in both languages
  quote      the sentence, copied exactly from the paragraph (a fact copied with `n` may quote another one)
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.errors import AssistantError
from assistant.lang.normalize import to_traditional
from assistant.lang.period import Period
from assistant.pack.figures import SCALES

FIELDS = ("subject", "metric", "period", "segment", "value", "change", "label", "tags", "statement", "quote")
KEYS = "1234567890"  # the key that edits each field, in order
CONCEPT_KINDS = {"subject": "entity", "metric": "metric", "segment": "segment", "tags": "qualifier"}
_RATES = ("%", "個百分點", "个百分点")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")

Updates = dict[str, Any]  # field -> new value; None removes the field


class FieldError(AssistantError):
    """Input a field cannot take; the message says what to write instead."""


def shown(field: str, data: dict[str, Any]) -> str:
    """The field's value as one editable line."""
    value = data.get(field)
    if field in ("segment", "tags"):
        return ", ".join(str(s) for s in value or [])
    if field == "value":
        if value is None:
            return ""
        parts = [data.get("approx"), _number(value), data.get("scale"), data.get("unit")]
        return " ".join(str(p) for p in parts if p not in (None, "")) + f" | {data.get('written') or ''}"
    if field == "change":
        if not isinstance(value, dict):
            return ""
        unit = value.get("unit", "%")
        scale = None if unit in _RATES else value.get("scale", data.get("scale"))
        parts = [value.get("approx"), _number(value.get("value")), scale, unit]
        return " ".join(str(p) for p in parts if p) + f" | {value.get('written', '')}"
    if field in ("label", "statement"):
        return f"{value.get('zh-Hant', '')} | {value.get('en', '')}" if isinstance(value, dict) else ""
    return "" if value is None else str(value)


def parse(field: str, text: str, data: dict[str, Any]) -> Updates:
    """The changes to the fact that `text` asks for in `field`; FieldError when it cannot be read."""
    text = text.strip()
    quote = str(data.get("quote") or "")
    if field == "period":  # the article's words for the old period (今年6月底) no longer tell the new one
        return {"period": _period(text), "when": None}
    if field == "value":
        if not text and data.get("statement"):  # a statement the copied figure's sentence makes: no figure
            return dict.fromkeys(("approx", "value", "scale", "unit", "written", "change"))
        return _value(text, quote)
    if field == "quote":  # the sentence of the paragraph the fact is about; the check reads it there
        if not text:
            raise FieldError("a fact quotes its sentence, copied exactly from the paragraph")
        return {"quote": text}
    if field == "change":
        return {"change": _change(text, quote, data.get("scale"))}
    if field == "label":
        return {"label": _localized(text, "a label", "2024年營業收入 | revenue in 2024")}
    if field == "statement":
        if not text and data.get("value") is None:
            raise FieldError("a fact without a figure needs its statement; delete the fact (x) if it says nothing")
        return {"statement": _localized(text, "a statement", "總部位於深圳 | headquartered in Shenzhen")}
    raise FieldError(f"{field} is chosen from the list of concepts")


def _number(value: Any) -> str:
    """A number without a float's noise (12.4, not 12.400000000000001)."""
    return format(Decimal(str(value)).normalize(), "f") if value is not None else ""


def _period(text: str) -> str | None:
    text = text.upper().removesuffix("年").replace(" ", "")
    if not text:
        return None
    period = Period.parse(text)  # the fact files' own forms, 20259M (the first nine months) too
    if period is None or not period.possible:
        raise FieldError(
            f"period {text!r}: write 2024, 2025Q1, 2024H2, 20259M (first nine months), 2024-12 or 2025-06-10 "
            "(empty for none)"
        )
    return text


def _split(text: str, example: str) -> tuple[list[str], str]:
    """The words before `|` and the text after it (the figure as the article writes it)."""
    left, bar, right = text.partition("|")
    if not bar or not right.strip():
        raise FieldError(f"give the figure as the article writes it after `|`, e.g. {example}")
    return left.split(), right.strip()


def _decimal(word: str) -> int | float:
    try:
        value = Decimal(word)
    except InvalidOperation:
        raise FieldError(f"{word!r} is not a number") from None
    return int(value) if value == value.to_integral_value() and "." not in word else float(word)


def _verbatim(written: str, quote: str) -> str:
    if written not in quote:
        raise FieldError(f"{written!r} is not in the quote: copy the figure exactly as the article writes it")
    return written


def _value(text: str, quote: str) -> Updates:
    if not text:
        raise FieldError("a figure needs a value; delete the fact (x) if it holds none")
    words, written = _split(text, "約 6 億 元 | 約6億元")
    at = next((i for i, w in enumerate(words) if _NUMBER.fullmatch(w)), None)
    if at is None or at > 1:
        raise FieldError("write [approx] number [scale] [unit] | written, e.g. 約 6 億 元 | 約6億元")
    rest = words[at + 1 :]
    scale = rest.pop(0) if rest and rest[0] in SCALES and rest[0] else None
    if len(rest) > 1:
        raise FieldError(f"after the number: one scale ({', '.join(k for k in SCALES if k)}) and one unit")
    return {
        "approx": words[0] if at == 1 else None,
        "value": _decimal(words[at]),
        "scale": scale,
        "unit": rest[0] if rest else None,
        "written": _verbatim(written, quote),
    }


def _change(text: str, quote: str, figure_scale: str | None) -> dict[str, Any] | None:
    """A change; an amount change keeps the scale it is written with (減少1500家 on 1.8萬家: none)."""
    if not text:
        return None
    words, written = _split(text, "-18.45 % | 同比下降18.45%")
    approx = words.pop(0) if len(words) > 1 and not _NUMBER.fullmatch(words[0]) else None  # 約 4.2 % | 增幅約4.2%
    if not words or not _NUMBER.fullmatch(words[0]) or len(words) > 3:
        raise FieldError(
            "write [approx] number [scale] [unit] | written, e.g. -18.45 % | 同比下降18.45% (a fall is negative)"
        )
    rest = words[1:]
    scale = rest.pop(0) if len(rest) == 2 and rest[0] in SCALES else None
    if len(rest) > 1:
        raise FieldError(f"after the number: one scale ({', '.join(k for k in SCALES if k)}) and one unit")
    change_unit = rest[0] if rest else "%"
    change: dict[str, Any] = {"value": _decimal(words[0]), "unit": change_unit}
    if change_unit not in _RATES and (scale or None) != (figure_scale or None):
        change["scale"] = scale or ""
    if approx:
        change["approx"] = approx
    return {**change, "written": _verbatim(written, quote)}


def _localized(text: str, what: str, example: str) -> dict[str, str] | None:
    if not text:
        return None
    zh, bar, en = (part.strip() for part in text.partition("|"))
    if not bar or not zh or not en:
        raise FieldError(f"{what} has both languages: {example}")
    return {"zh-Hant": to_traditional(zh), "en": en}
