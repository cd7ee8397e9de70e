"""Generated paraphrases for the latency benchmark: a pack's own entity and metric aliases and the periods
of its facts, put into question templates in traditional Chinese, simplified Chinese and English, with
random typos in some. Seeded, so the same pack always gives the same questions.

    python bench/paraphrase.py 20        # print 20 paraphrases of the bundled pack
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator

from assistant.lang.normalize import to_simplified, to_traditional

TEMPLATES: dict[str, list[str]] = {
    "zh-Hant": [
        "{e}{p}年{m}多少?",
        "{e}{p}年的{m}是多少?",
        "請問{e}在{p}年的{m}有多少?",
        "{p}年{e}{m}",
        "告訴我{e}{p}年{m}",
        "{e}{p}年{s}{m}是多少?",
        "{e}的{m}是多少",
        "{p}年{e}的{m}有多少億?",
        "幫我查一下{e}{p}年的{m}",
        "{e}{m}{p}",
    ],
    "zh-Hans": [
        "{e}{p}年{m}多少?",
        "请问{e}{p}年的{m}是多少?",
        "帮我查一下{e}{p}年的{m}",
        "{e}{m}{p}",
        "{p}年{e}{s}{m}有多少?",
        "{e}的{m}大概是多少",
        "告诉我{e}{p}年的{m}",
        "{e}在{p}年的{m}达到了多少?",
        "{p}年{e}{m}为多少元?",
        "那{m}呢?",
    ],
    "en": [
        "What was {e}'s {m} in {p}?",
        "{e} {m} {p}",
        "How much {m} did {e} report in {p}?",
        "Tell me {e}'s {m} for {p}",
        "{m} of {e} in {p}?",
        "What was the {s} {m} of {e} in {p}?",
        "what's {e}'s {m}",
        "{e}: {m}, {p}?",
        "How big was {e}'s {m} in {p}",
        "And the {m}?",
    ],
}
EXTRA_YEARS = ["2015", "2019", "2026"]  # periods the pack may not hold: the no-fact path
FULLWIDTH = str.maketrans("0123456789", "0123456789")


def _script(alias: str) -> str:
    """en, zh-Hant, zh-Hans, or "" for Chinese written the same in both scripts."""
    if alias.isascii():
        return "en"
    if to_simplified(alias) != alias:
        return "zh-Hant"
    return "zh-Hans" if to_traditional(alias) != alias else ""


def _pools(pack: object) -> dict[str, dict[str, list[str]]]:
    """Aliases of the concepts the pack's facts use, by kind and by script."""
    facts = pack.facts.values()  # type: ignore[attr-defined]
    concepts = pack.concepts  # type: ignore[attr-defined]
    used = {
        "entity": {f.subject for f in facts},
        "metric": {f.metric for f in facts},
        "segment": {s for f in facts for s in f.segment},
    }
    pools: dict[str, dict[str, list[str]]] = {}
    for kind, ids in used.items():
        by_script: dict[str, list[str]] = {"zh-Hant": [], "zh-Hans": [], "en": [], "": []}
        for cid in sorted(ids):
            concept = concepts.get(cid)
            if concept is None:
                continue
            names = [concept.names.zh_Hant, concept.names.zh_Hans or "", concept.names.en, *concept.aliases]
            for alias in dict.fromkeys(a for a in names if a and len(a) <= 40):
                by_script[_script(alias)].append(alias)
        shared = by_script.pop("")  # Chinese written the same in both scripts serves both
        by_script["zh-Hant"] += shared
        by_script["zh-Hans"] += shared
        pools[kind] = by_script
    return pools


def _typo(text: str, rng: random.Random) -> str:
    """One slip of the keyboard: a dropped, doubled or swapped character, or an extra space."""
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    if kind == 2:
        return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text[:i] + " " + text[i:]


def paraphrases(pack: object, count: int = 3000, *, seed: int = 7, typo_rate: float = 0.25) -> list[tuple[str, str]]:
    """`count` (language, question) pairs built from the pack's aliases and periods."""
    rng = random.Random(seed)
    pools = _pools(pack)
    years = sorted({f.period[:4] for f in pack.facts.values() if f.period}) or ["2024"]  # type: ignore[attr-defined]
    years += EXTRA_YEARS
    out: list[tuple[str, str]] = []
    languages = list(TEMPLATES)
    while len(out) < count:
        lang = languages[len(out) % 3]
        template = rng.choice(TEMPLATES[lang])
        entity = rng.choice(pools["entity"][lang] or pools["entity"]["en"])
        metric = rng.choice(pools["metric"][lang] or pools["metric"]["en"])
        segment = rng.choice(pools["segment"][lang] or pools["segment"]["en"] or [""])
        year = rng.choice(years)
        if lang != "en" and rng.random() < 0.1:
            year = year.translate(FULLWIDTH)
        if rng.random() < typo_rate:
            if rng.random() < 0.5:
                metric = _typo(metric, rng)
            else:
                entity = _typo(entity, rng)
        question = template.format(e=entity, m=metric, s=segment, p=year)
        if rng.random() < 0.05:
            question = "  " + question.upper() + "  " if lang == "en" else question.replace("?", "??")
        out.append((lang, question))
    return out


def iter_questions(pack: object, count: int, *, seed: int = 7) -> Iterator[str]:
    for _, question in paraphrases(pack, count, seed=seed):
        yield question


if __name__ == "__main__":
    from assistant import Assistant

    shown = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for language, text in paraphrases(Assistant.load().pack, shown):
        print(f"{language:8} {text}")
