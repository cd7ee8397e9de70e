"""Typed results -> text: deterministic templates in the reader's language and script.

Figures appear as the source writes them (12.62億元), with an English rendering at the right scale
for English readers (RMB 1.262 billion); quotes are always verbatim, never converted.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from assistant.engine.answer import Citation
from assistant.engine.templates import fill
from assistant.lang.normalize import Language, to_simplified
from assistant.lang.period import Period
from assistant.pack.bases import shown
from assistant.pack.figures import SCALES, split_unit
from assistant.pack.model import Pack
from assistant.pack.schema import Fact, Localized


def pick(text: Localized | None, language: Language) -> str:
    """One language of a localized text; zh-Hans falls back to converted zh-Hant."""
    if text is None:
        return ""
    if language == "en":
        return text.en
    if language == "zh-Hans":
        return text.zh_Hans or to_simplified(text.zh_Hant)
    return text.zh_Hant


def _plain(value: Decimal, decimals: int) -> str:
    with localcontext() as context:
        context.prec = 60  # every figure under figures.MAX_MAGNITUDE, with its decimals
        text = f"{value.quantize(Decimal(1).scaleb(-decimals)):f}" if decimals else f"{value.quantize(Decimal(1)):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


MONEY_UNITS = ("元", "港元", "美元", "歐元")  # written as their English code before the amount


class Renderer:
    """Fills the pack's templates for one answer."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        ordinals = dict(pack.periods.get("ordinals") or {})
        self.numerals = {int(v): str(k) for k, v in ordinals.items() if not str(k).isascii() and len(str(k)) == 1}

    def period_words(self, period: Period, lang: Language) -> str:
        """A period in words: 2024年第一季度, Q1 2024, 9月 (the period templates)."""
        year = str(period.year) if period.year is not None else ""
        if period.quarter:
            numeral = self.numerals.get(period.quarter, str(period.quarter)) if lang != "en" else ""
            key, fields = "period_quarter", {"quarter": numeral or str(period.quarter)}
        elif period.part in ("H1", "H2"):
            half = ("上" if period.part == "H1" else "下") if lang != "en" else period.part[1]
            key, fields = "period_half", {"half": half}
        elif period.part == "9M":
            key, fields = "period_nine_months", {}
        elif period.part:  # 10M: 1至10月
            key, fields = "period_first_months", {"months": period.part[:-1]}
        elif period.month and period.day:
            key, fields = "period_day", {"month": str(period.month), "day": str(period.day)}
        elif period.month:
            key, fields = "period_month", {"month": str(period.month)}
        else:
            key, fields = "period_year", {}
        if not year:
            key = f"{key}_any_year" if key != "period_year" else ""
        return self.phrase(key, lang, **fields, **({"year": year} if year else {})).strip()

    def template(self, key: str, language: Language, **fields: str) -> str:
        """A filled template, an English one starting with a capital."""
        text = self.phrase(key, language, **fields)
        return text[:1].upper() + text[1:] if language == "en" else text

    def phrase(self, key: str, language: Language, **fields: str) -> str:
        """A filled template as a phrase (a period's words, a change's basis), its case kept; zh-Hans text
        is converted after filling (fields hold no quotes)."""
        localized = self.pack.templates.get(key)
        if localized is None:
            return ""
        if language == "zh-Hans" and localized.zh_Hans is None:
            return to_simplified(fill(localized.zh_Hant, fields))
        return fill(pick(localized, language), fields)

    def concept_name(self, concept_id: str | None, language: Language) -> str:
        concept = self.pack.concepts.get(concept_id or "")
        return pick(concept.names, language) if concept else (concept_id or "")

    def label(self, fact: Fact, language: Language) -> str:
        """The fact's own label, else period + segments + metric from concept names."""
        if fact.label is not None:
            return pick(fact.label, language)
        parts = [self.concept_name(s, language) for s in fact.segment]
        metric = self.concept_name(fact.metric, language)
        parsed = Period.parse(fact.period)  # 2025Q2 in words: 2025年第二季度, Q2 2025
        named = self.period_words(parsed, language) if parsed is not None else fact.period or ""
        if language == "en":
            text = " ".join([*parts, metric])
            return f"{text} ({named})" if named else text
        return (fact.when or named) + "".join(parts) + metric

    def figure(self, fact: Fact, language: Language) -> str:
        """The figure as the article writes it, with the approximation word of a list it is an item of
        (不低於6000萬元、6800萬元: 不低於6800萬元)."""
        written = fact.written or ""
        if fact.approx and to_simplified(fact.approx) not in to_simplified(written):
            written = fact.approx + written
        return to_simplified(written) if language == "zh-Hans" else written

    def figure_en(self, fact: Fact) -> str:
        """' (RMB 1.262 billion)': the figure at an English scale, approximation word kept; a range as its
        two ends (' (26%–27%)', ' (8000–10000 units)'). Empty where English adds nothing (a year, 26%)."""
        if fact.value is None:
            return ""
        approx = self.pack.approximations.get(fact.approx or "")
        word = f"{approx.en} " if approx else ""
        currency, amount, unit = self._amount_en(fact.unit, fact.scale, fact.value)
        if fact.upto is not None:
            _, high, _ = self._amount_en(fact.unit, fact.scale, fact.upto)
            low_unit = unit if fact.unit in (*MONEY_UNITS, "%") else ""  # RMB 300 million–RMB 600 million, 26%–27%
            shown = f"{word}{currency}{amount}{low_unit}–{currency}{high}{unit}"
        else:
            shown = f"{word}{currency}{amount}{unit}"
        if (fact.unit == "年" and not word) or (fact.unit == "%" and shown == fact.written):
            return ""
        return f" ({shown})"

    def _amount_en(self, unit_text: str | None, scale: str | None, value: Decimal) -> tuple[str, str, str]:
        """One figure in English as currency, amount and unit ('RMB ', '1.262 billion', ''), so a range
        can write its ends without cutting strings; a unit per another (元/公斤) adds 'per kg'."""
        base, per = split_unit(unit_text) if unit_text else ("", None)
        if per is not None:
            currency, shown, base_name = self._amount_en(base, scale, value)
            per_name = self.pack.units.get(f"/{per}")
            return currency, shown, f"{base_name} {per_name.en if per_name and per_name.en else '/' + per}"
        money = self.pack.units.get(unit_text or "") if unit_text in MONEY_UNITS else None
        if money is not None:  # 21.7億港元: HKD 2.17 billion, as RMB is written
            english = self.pack.yuan_en if unit_text == "元" and self.pack.yuan_en else money.en  # NT$ in Taiwan
            code, amount = f"{english} ", value * SCALES.get(scale, Decimal(1))
            if abs(amount) >= 10**9:
                return code, f"{_plain(amount / 10**9, 3)} billion", ""
            if abs(amount) >= 10**6:
                return code, f"{_plain(amount / 10**6, 2)} million", ""
            text = f"{amount:,f}"  # NT$ 5,800, never 5,8: only a decimal part loses its trailing zeros
            return code, text.rstrip("0").rstrip(".") if "." in text else text, ""
        if unit_text == "%":
            return "", _plain(value, 4), "%"
        if unit_text == "年":
            return "", _plain(value, 0), ""
        unit = self.pack.units.get(unit_text or "")
        name = f" {unit.en}" if unit and unit.en else ""
        return "", _plain(value * SCALES.get(scale, Decimal(1)), 2), name

    def change(self, fact: Fact, language: Language) -> str:
        change = fact.change
        if change is None:
            return ""
        if language != "en":
            written = to_simplified(change.written) if language == "zh-Hans" else change.written
            return f",{written}"
        approx = self.pack.approximations.get(change.approx or "")
        word = f"{approx.en} " if approx else ""
        direction = "down" if change.value < 0 else "up"
        named = self.pack.units.get(change.unit)
        unit = "%" if change.unit == "%" else f" {named.en if named else change.unit}"
        basis = shown(fact)  # 季增 is quarter on quarter; a change whose basis no word tells names none
        against = self.phrase(f"change_basis_{basis}", language) if basis else ""
        return f", {direction} {word}{_plain(abs(change.value), 4)}{unit}{against} ({change.written})"

    def what(self, fact: Fact, language: Language) -> str:
        """Subject and label together ("聯影醫療2024年營業收入", "United Imaging Healthcare's revenue in 2024"),
        without repeating a subject the label already names."""
        label = self.label(fact, language)
        concept = self.pack.concepts.get(fact.subject)
        subject = self.concept_name(fact.subject, language)
        names = {subject}
        if concept:
            names |= {concept.names.zh_Hant, concept.names.en, to_simplified(concept.names.zh_Hant), *concept.aliases}
        folded_label = label.lower()
        if any(n and len(n) > 1 and n.lower() in folded_label for n in names):
            text = label
        else:
            possessive = "'" if subject.endswith("s") else "'s"
            text = f"{subject}{possessive} {label}" if language == "en" else f"{subject}{label}"
        return text

    def fields(self, fact: Fact, language: Language) -> dict[str, str]:
        when = fact.when or fact.period or ""
        return {
            "what": self.what(fact, language),
            "subject": self.concept_name(fact.subject, language),
            "label": self.label(fact, language),
            "figure": self.figure(fact, language),
            "figure_en": self.figure_en(fact) if language == "en" else "",
            "change": self.change(fact, language),
            "when": to_simplified(when) if language == "zh-Hans" else when,
            "expression": fact.derivation.expression if fact.derivation else "",
            "statement": pick(fact.statement, language),
        }

    def citation(self, fact: Fact) -> Citation:
        source = self.pack.source_of(fact)
        return Citation(source=source.id, title=source.title.zh_Hant, paragraph=fact.paragraph, quote=fact.quote)

    def citation_text(self, citation: Citation, language: Language) -> str:
        localized = self.pack.templates["citation"]
        text = pick(localized, language)
        return fill(text, {"paragraph": citation.paragraph, "quote": citation.quote, "title": citation.title})

    def question_for(self, fact: Fact, language: Language) -> str:
        """A question that asks for this fact, used for suggestions and clarify options."""
        key = "question_statement" if fact.value is None else "question"
        return self.template(key, language, what=self.what(fact, language))
