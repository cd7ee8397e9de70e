"""The compiled-pack cache: a second load comes from it, any edit to the pack invalidates it, and a
damaged or unwritable cache is rebuilt or skipped, never a crash."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import assistant.pack.loader as loader
from assistant import Assistant
from assistant.pack import cache
from assistant.pack.paths import bundled_root

CopyPack = Callable[[Path], Path]
QUESTION = "星湖儲能2024年營收多少?"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every real build of a pack (YAML read and validated), recorded by its root."""
    seen: list[Path] = []
    original = loader.read_pack

    def counting(root: Path):
        seen.append(Path(root))
        return original(root)

    monkeypatch.setattr(loader, "read_pack", counting)
    return seen


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def test_second_load_comes_from_the_cache(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], _cache_in_tmp: Path
) -> None:
    pack = copy_pack(mini_pack)
    first = Assistant.load(pack)
    assert len(builds) == 1
    assert cache.cache_path(pack).is_file()
    second = Assistant.load(pack)
    assert len(builds) == 1, "the second load must not read the YAML again"
    assert second is not first
    assert second.ask(QUESTION).model_dump() == first.ask(QUESTION).model_dump()
    assert len(_files(_cache_in_tmp)) == 1


def test_cached_answers_equal_uncached_answers(robot: Assistant) -> None:
    fresh = Assistant.load(use_cache=False)
    for question in ["聯影醫療2024年營收多少?", "What was UIH's revenue in 2024?", "GE醫療2024年營收多少?", "help", ""]:
        assert robot.ask(question).model_dump() == fresh.ask(question).model_dump()


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        (
            "facts/facts.yaml",
            "label: {zh-Hant: 2024年營業收入, en: revenue in 2024}",
            "label: {zh-Hant: 2024年營業總收入, en: total revenue in 2024}",
        ),
        ("facts/gazetteer.yaml", "aliases: [星湖儲能, 星湖,", "aliases: [星湖儲能, 星湖, 湖星,"),
        ("facts/facts.yaml", "facts:\n", "# a comment is an edit too\nfacts:\n"),
        ("facts/sources/starlake-2024.txt", "本文僅供參考", "本文僅供參考。"),
    ],
    ids=["fact", "alias", "comment", "source-text"],
)
def test_editing_the_pack_invalidates(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], _cache_in_tmp: Path, file: str, old: str, new: str
) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    path = pack / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    bot = Assistant.load(pack)
    assert len(builds) == 2, "an edited pack must be rebuilt"
    assert len(_files(_cache_in_tmp)) == 1, "the stale cache file of the same pack is removed"
    if file == "facts/facts.yaml" and "label" in old:
        assert bot.pack.facts["starlake-revenue-2024"].label.en == "total revenue in 2024"
    Assistant.load(pack)
    assert len(builds) == 2


def test_adding_a_file_invalidates(mini_pack: Path, copy_pack: CopyPack, builds: list[Path]) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    (pack / "facts" / "more.yaml").write_text("not_facts: []\n", encoding="utf-8")
    Assistant.load(pack)
    assert len(builds) == 2


def test_editing_the_intents_invalidates(mini_pack: Path, copy_pack: CopyPack, builds: list[Path]) -> None:
    pack = copy_pack(mini_pack)
    shutil.copytree(bundled_root() / "intents", pack / "intents")
    Assistant.load(pack)
    templates = pack / "intents" / "templates.yaml"
    templates.write_text(templates.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    Assistant.load(pack)
    assert len(builds) == 2


def test_two_packs_keep_their_own_cache(mini_pack: Path, builds: list[Path], _cache_in_tmp: Path) -> None:
    Assistant.load(mini_pack)
    Assistant.load()
    Assistant.load(mini_pack)
    Assistant.load()
    assert len(builds) == 2
    assert len(_files(_cache_in_tmp)) == 2


@pytest.fixture(scope="module")
def built_once(mini_pack: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, dict]:
    """A pack built once for the damage tests: its folder, its good cache file, an answer."""
    pack = tmp_path_factory.mktemp("damage") / "pack"
    shutil.copytree(mini_pack, pack)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path_factory.mktemp("damage-cache")))
        answer = Assistant.load(pack).ask(QUESTION).model_dump()
        good = cache.cache_path(pack).read_bytes()
    return pack, good, answer


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"garbage, not a pickle",
        lambda data: data[: len(data) // 2],
        lambda data: data[:40],
        lambda data: data.replace(b"uih-assistant-cache", b"something-else-here", 1),
        lambda data: data.split(b"\n", 1)[0] + b"\n" + pickle.dumps({"not": "an assistant"})[:-1],
        lambda data: data.split(b"\n", 1)[0] + b"\n" + b"\x80\x05\x95" + b"\xff" * 64,
        lambda data: data.split(b"\n", 1)[0] + b"\n" + pickle.dumps(pickle.loads.__name__)[:5],
        lambda data: bytes(reversed(data)),
    ],
    ids=[
        "empty",
        "garbage",
        "truncated",
        "header-only",
        "foreign",
        "other-pickle-cut",
        "bad-opcodes",
        "cut-short",
        "reversed",
    ],
)
def test_damaged_cache_is_rebuilt(
    built_once: tuple[Path, bytes, dict], builds: list[Path], damage: Callable[[bytes], bytes]
) -> None:
    pack, good, expected = built_once
    target = cache.cache_path(pack)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(damage(good))
    bot = Assistant.load(pack)
    assert len(builds) == 1
    assert bot.ask(QUESTION).model_dump() == expected
    Assistant.load(pack)  # the rebuilt file is good again
    assert len(builds) == 1
    assert target.read_bytes() != damage(good)


def test_cache_file_of_another_format_is_ignored(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    target = cache.cache_path(pack)
    monkeypatch.setattr(cache, "CACHE_FORMAT", "0-test")
    other = cache.cache_path(pack)
    assert other != target
    shutil.copy(target, other)  # same bytes under the other format's name: the header no longer matches
    Assistant.load(pack)
    assert len(builds) == 2


def test_unwritable_cache_is_skipped(
    mini_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[Path]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(blocker / "cache"))
    assert Assistant.load(mini_pack).ask(QUESTION).status == "answered"
    assert Assistant.load(mini_pack).ask(QUESTION).status == "answered"
    assert len(builds) == 2


def test_cache_can_be_turned_off(
    mini_pack: Path, monkeypatch: pytest.MonkeyPatch, builds: list[Path], _cache_in_tmp: Path
) -> None:
    monkeypatch.setenv("ASSISTANT_NO_CACHE", "1")
    Assistant.load(mini_pack)
    Assistant.load(mini_pack)
    assert len(builds) == 2
    assert not _files(_cache_in_tmp)
    monkeypatch.delenv("ASSISTANT_NO_CACHE")
    Assistant.load(mini_pack, use_cache=False)
    assert not _files(_cache_in_tmp)


def test_no_temporary_files_left_behind(mini_pack: Path, copy_pack: CopyPack, _cache_in_tmp: Path) -> None:
    pack = copy_pack(mini_pack)
    for _ in range(3):
        Assistant.load(pack)
        (pack / "facts" / "facts.yaml").write_text(
            (pack / "facts" / "facts.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
    assert [p.name for p in _cache_in_tmp.iterdir() if not p.name.endswith(".pickle")] == []
