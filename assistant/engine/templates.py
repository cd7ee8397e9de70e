"""The template language: which `{field}`s each answer template may use, and the check that a template
uses nothing else. Templates are data a pack may bring; only plain `{name}` placeholders from the list
below are allowed (no indexing, attributes, conversions or format specs), so a template can neither
reach into Python objects nor make an answer huge. `Assistant.load` refuses a pack whose templates break
these rules (`template_problems`), and `fill` only ever substitutes plain names, whatever the text.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from functools import lru_cache

from assistant.pack.schema import Intent, Localized

_FIELDS: dict[str, str] = {
    "figure": "what figure figure_en change",
    "figure_derived": "what figure figure_en expression",
    "statement": "statement",
    "when": "what when figure figure_en",
    "no_change": "what figure figure_en",
    "other_basis": "what figure figure_en change",
    "citation": "paragraph quote title",
    "no_fact": "asked",
    "no_figure": "what",
    "no_target": "what",
    "no_reason": "what",
    "approximate": "what",
    "unmatched": "what piece",
    "wrong_unit": "asked",
    "unknown_entity": "name",
    "nearest": "label",
    "unreadable_period": "piece",
    "unreadable_metric": "piece",
    "unreadable_unit": "piece",
    "unreadable_part": "piece",
    "unreadable_subsidiary": "piece",
    "unreadable_modifier": "piece",
    "understood": "parts",
    "need_context": "",
    "passage": "",  # a sentence found by the question's own words, no concept
    "nothing": "topics",
    "clarify": "",
    "option_paragraph": "question paragraph written",
    "entity_only": "subject",
    "compare": "winner figure others",
    "empty": "",
    "truncated": "limit",
    "help": "title outlet examples subject",
    "about": "title outlet summary subject",
    "source_info": "title outlet subject",
    "source_byline": "byline",
    "question": "what",
    "question_statement": "what",
    "draft_note": "",
    "period_year": "year",
    "period_quarter": "year quarter",
    "period_half": "year half",
    "period_nine_months": "year",
    "period_first_months": "year months",
    "period_month": "year month",
    "period_day": "year month day",
    "period_quarter_any_year": "quarter",
    "period_half_any_year": "half",
    "period_nine_months_any_year": "",
    "period_first_months_any_year": "months",
    "period_month_any_year": "month",
    "period_day_any_year": "month day",
    "label_same": "a",
    "label_ratio": "a b",
    "label_share_of": "a b",
    "label_multiple": "a b",
    "label_per_unit": "a b",
    "label_difference": "a b",
    "label_change_gap": "a b",
    "label_sum": "a",
    "label_years": "a b",
    "label_change_rate": "a",
    "label_change_amount": "a",
    "change_basis_year": "",
    "change_basis_previous": "",
    "change_basis_quarter": "",
    "change_basis_month": "",
    "change_basis_year_start": "",
}
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {key: frozenset(names.split()) for key, names in _FIELDS.items()}
META_FIELDS = frozenset({"title", "outlet", "summary", "examples", "subject", "byline"})
BASIS_TEMPLATES = frozenset(k for k in _FIELDS if k.startswith("change_basis_"))  # a pack may name no basis
OPTIONAL = frozenset({"about", "source_info", "source_byline"}) | BASIS_TEMPLATES
REQUIRED_TEMPLATES = frozenset(TEMPLATE_FIELDS) - OPTIONAL


def fields_of(key: str, meta_intents: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """The fields a template may use; None for a template the engine does not know."""
    if key in TEMPLATE_FIELDS:
        return TEMPLATE_FIELDS[key]
    if key.startswith("refuse_") or key.startswith("operation_"):
        return frozenset()
    if key in meta_intents:
        return META_FIELDS
    return None


def placeholders(text: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(field, format spec, conversion) of each `{...}` in a template; raises ValueError when the
    braces do not pair."""
    for _, field, spec, conversion in string.Formatter().parse(text):
        if field is not None:
            yield field, spec or None, conversion


def problems(text: str, allowed: frozenset[str]) -> list[str]:
    """What is wrong with one template text, in words: [] when it only uses allowed plain fields."""
    try:
        found = list(placeholders(text))
    except ValueError as exc:
        return [f"braces do not pair ({exc}); write {{{{ and }}}} for literal braces"]
    wrong = []
    for field, spec, conversion in found:
        if not field.isidentifier():
            wrong.append(f"{{{field}}} is not a plain field name (no indexing or attributes)")
        elif spec or conversion:
            wrong.append(f"{{{field}}} has a format spec or conversion; write just {{{field}}}")
        elif field not in allowed:
            fills = ", ".join(sorted(allowed)) or "none"
            wrong.append(f"uses {{{field}}}, which the renderer does not fill (it fills: {fills})")
    return wrong


def template_problems(templates: Mapping[str, Localized], intents: Mapping[str, Intent]) -> list[tuple[str, str]]:
    """(template key, message) for every template text outside the language and every needed template that
    is missing; templates the renderer never fills are left to `check`, which warns about them."""
    meta = frozenset(i for i, intent in intents.items() if intent.kind == "meta")
    refuse = {f"refuse_{i}" for i, intent in intents.items() if intent.kind == "refuse"}
    found: list[tuple[str, str]] = []
    for key, template in templates.items():
        allowed = fields_of(key, meta)
        if allowed is None:
            continue
        for language, text in (("zh-Hant", template.zh_Hant), ("zh-Hans", template.zh_Hans), ("en", template.en)):
            found += [(key, f"template {key} ({language}): {message}") for message in problems(text or "", allowed)]
    for key in sorted((REQUIRED_TEMPLATES | refuse) - set(templates)):
        found.append((key, f"template {key} is missing: the renderer needs it"))
    return found


@lru_cache(maxsize=2048)
def _parts(text: str) -> tuple[tuple[str, str | None], ...]:
    """(literal text, plain field name or None) pieces of a template; anything but a plain name is dropped."""
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:
        return ((text, None),)
    return tuple(
        (literal, field if field and field.isidentifier() and not spec and not conversion else None)
        for literal, field, spec, conversion in pieces
    )


def fill(text: str, fields: Mapping[str, object]) -> str:
    """The template with each `{name}` replaced by its field (a name without a field becomes empty)."""
    return "".join(literal + (str(fields.get(field, "")) if field else "") for literal, field in _parts(text))
