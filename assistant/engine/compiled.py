"""What `Assistant.load` caches for a pack, as typed data: the validated pack and the tables that are slow
to derive from it: the homophone readings (which need pypinyin), the simplified-only characters (which
need OpenCC's slower converter), the folded article text, the fold of every word of the pack, and each
fact's matching keys (which hold the facts themselves, so the pack is stored without them). Building an
Assistant from these takes a fraction of the time of reading and validating the YAML (see pack.cache).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from assistant.engine.matcher import FactKeys
from assistant.pack.model import Pack

# The code whose output the cached data is: a change to any of it compiles packs again.
COMPILING = (
    "assistant.pack",
    "assistant.lang",
    "assistant.engine.compiled",
    "assistant.engine.factkeys",
    "assistant.engine.matcher",
    "assistant.engine.lexicon",
    "assistant.engine.templates",
)


class Compiled(msgspec.Struct, frozen=True, gc=False):
    """A compiled pack: everything an Assistant is built from without reading YAML or importing pypinyin."""

    pack: Pack  # its facts are in `keys`
    keys: list[FactKeys]  # one per fact, in the order of the pack's facts
    readings: dict[str, tuple[str, ...]]
    simplified: frozenset[str]
    corpus: str
    folds: dict[str, str]

    @classmethod
    def of(
        cls,
        pack: Pack,
        keys: dict[str, FactKeys],
        readings: dict[str, tuple[str, ...]],
        simplified: frozenset[str],
        corpus: str,
        folds: dict[str, str],
    ) -> Compiled:
        stored = msgspec.structs.replace(pack, facts={}, root=Path())  # where the pack lives is not stored
        return cls(stored, [keys[fid] for fid in pack.facts], readings, simplified, corpus, folds)

    def unpack(self, root: Path) -> Pack:
        """The pack, found at `root` now, with its facts."""
        return msgspec.structs.replace(self.pack, root=root, facts={k.fact.id: k.fact for k in self.keys})

    def fact_keys(self) -> dict[str, FactKeys]:
        return {k.fact.id: k for k in self.keys}


def encode_path(value: Any) -> Any:
    """msgspec hook: a Path is stored as text."""
    if isinstance(value, Path):
        return str(value)
    raise NotImplementedError(f"cannot store {type(value).__name__}")


def decode_path(kind: type, value: Any) -> Any:
    """msgspec hook: text back to a Path."""
    if kind is Path and isinstance(value, str):
        return Path(value)
    raise NotImplementedError(f"cannot read {kind!r}")
