"""The compiled-pack cache: data only, never code. A second load comes from it, any edit to the pack
invalidates it, and a damaged, planted, foreign or unwritable cache is rebuilt or skipped, never run and
never a crash."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

import assistant.pack.loader as loader
from assistant import Assistant
from assistant.engine.compiled import COMPILING, Compiled, decode_path, encode_path
from assistant.pack import cache
from assistant.pack.paths import bundled_root

CopyPack = Callable[[Path], Path]
QUESTION = "星湖儲能2024年營收多少?"
BUNDLED_QUESTION = "聯影醫療2024年營收多少?"
POSIX = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="ownership and modes are POSIX")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every real build of a pack (YAML read and validated), recorded by its root."""
    seen: list[Path] = []
    original = loader.read_pack

    def counting(root: Path, **options: object):  # type: ignore[no-untyped-def]
        seen.append(Path(root))
        return original(root, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_pack", counting)
    return seen


@pytest.fixture(autouse=True)
def _warnings_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_warned", set())


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("pack-")) if folder.is_dir() else []


def _slot(root: Path) -> cache.PackCache[Compiled]:
    return cache.PackCache(root, Compiled, COMPILING, enc_hook=encode_path, dec_hook=decode_path)


def test_second_load_comes_from_the_cache(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], _cache_in_tmp: Path
) -> None:
    pack = copy_pack(mini_pack)
    first = Assistant.load(pack)
    assert len(builds) == 1
    assert _slot(pack).path.is_file()
    second = Assistant.load(pack)
    assert len(builds) == 1, "the second load must not read the YAML again"
    assert second is not first
    assert second.ask(QUESTION).model_dump() == first.ask(QUESTION).model_dump()
    assert second.pack.root == pack
    assert len(_files(_cache_in_tmp)) == 1


def test_cached_answers_equal_uncached_answers(robot: Assistant) -> None:
    fresh = Assistant.load(use_cache=False)
    questions = [
        "聯影醫療2024年營收多少?",
        "What was UIH's revenue in 2024?",
        "GE醫療2024年營收多少?",
        "help",
        "",
        "估直多少?",
        "联影医疗2024年净利润多少?",
        "聯影醫療2023年營收多少?",
        "UIH net margin 2024",
    ]
    for question in questions:
        assert robot.ask(question).model_dump() == fresh.ask(question).model_dump()
    assert robot.pack.facts == fresh.pack.facts
    assert robot.matcher.keys == fresh.matcher.keys


def test_the_cache_holds_data_not_code(mini_pack: Path, copy_pack: CopyPack) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    data = _slot(pack).path.read_bytes()
    header, payload = data.split(b"\n", 1)
    magic, version, key, _, digest = header.split(b" ")
    assert (magic, version.decode(), key.decode()) == (cache.MAGIC, cache.CACHE_FORMAT, _slot(pack).key)
    assert hashlib.sha256(payload).hexdigest().encode() == digest
    compiled = msgspec.msgpack.decode(payload, type=Compiled, dec_hook=decode_path)
    assert len(compiled.keys) == 12 and compiled.pack.facts == {}
    assert not payload.startswith(b"\x80"), "not a pickle"


def test_the_same_pack_in_another_folder_shares_the_cache(
    mini_pack: Path, tmp_path: Path, builds: list[Path], _cache_in_tmp: Path
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(mini_pack, one)
    shutil.copytree(mini_pack, two)
    Assistant.load(one)
    moved = Assistant.load(two)
    assert len(builds) == 1, "the key is the pack's content, not its folder"
    assert moved.pack.root == two


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
        good = _slot(pack).path.read_bytes()
    return pack, good, answer


def _with_payload(good: bytes, payload: bytes) -> bytes:
    """The good file's header, with the digest of `payload`: a file that passes every check but the types."""
    fields = good.split(b"\n", 1)[0].split(b" ")
    fields[-1] = hashlib.sha256(payload).hexdigest().encode()
    return b" ".join(fields) + b"\n" + payload


class Planted:
    """A pickle that, if ever unpickled, creates a file: the proof that nothing ran is that it is absent."""

    marker = ""

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (os.mkdir, (self.marker,))


def _malicious(marker: Path) -> bytes:
    Planted.marker = str(marker)
    return pickle.dumps(Planted())


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "garbage": lambda data: b"garbage, not a cache file",
    "truncated": lambda data: data[: len(data) // 2],
    "header-only": lambda data: data.split(b"\n", 1)[0] + b"\n",
    "foreign-magic": lambda data: data.replace(cache.MAGIC, b"something-else-here", 1),
    "flipped-byte": lambda data: data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
    "reversed": lambda data: bytes(reversed(data)),
    "dict-inside": lambda data: _with_payload(data, msgspec.msgpack.encode({"not": "a compiled pack"})),
    "wrong-types": lambda data: _with_payload(data, msgspec.msgpack.encode([1, 2, 3, 4, 5, 6])),
    "nested-deep": lambda data: _with_payload(data, b"\x91" * 100_000 + b"\xc0"),
}


@pytest.mark.parametrize("damage", list(DAMAGES.values()), ids=list(DAMAGES))
def test_damaged_cache_is_rebuilt(
    built_once: tuple[Path, bytes, dict], builds: list[Path], damage: Callable[[bytes], bytes]
) -> None:
    pack, good, expected = built_once
    target = _slot(pack).path
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.write_bytes(damage(good))
    bot = Assistant.load(pack)
    assert len(builds) == 1
    assert bot.ask(QUESTION).model_dump() == expected
    Assistant.load(pack)  # the rebuilt file is good again
    assert len(builds) == 1
    assert target.read_bytes() != damage(good)


def test_a_pickle_is_never_loaded(built_once: tuple[Path, bytes, dict], tmp_path: Path, builds: list[Path]) -> None:
    """A malicious pickle as the whole file, or behind a valid header and digest: nothing runs."""
    pack, good, expected = built_once
    target = _slot(pack).path
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    marker = tmp_path / "ran"
    for planted in (_malicious(marker), _with_payload(good, _malicious(marker))):
        target.write_bytes(planted)
        assert Assistant.load(pack).ask(QUESTION).model_dump() == expected
        assert not marker.exists(), "the planted pickle ran"
    assert len(builds) == 2


def test_planted_cache_files_run_nothing_from_the_command_line(tmp_path: Path) -> None:
    """Every file of the cache directory replaced by a malicious pickle (and one more under the old
    name): `assistant ask` still answers 103億元, and nothing ran."""
    folder = tmp_path / "cache"
    env = {**os.environ, "ASSISTANT_CACHE_DIR": str(folder)}
    env.pop("ASSISTANT_NO_CACHE", None)
    env.pop("ASSISTANT_PACK", None)
    command = [sys.executable, "-m", "assistant.cli", "ask", BUNDLED_QUESTION]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert "103億元" in first.stdout, first.stderr
    marker = tmp_path / "ran"
    files = [p for p in folder.iterdir() if p.is_file()]
    assert files
    for path in [*files, folder / "pack-0123456789abcdef0123456789abcdef.pickle"]:
        path.write_bytes(_malicious(marker))
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "103億元" in done.stdout
    assert "Traceback" not in done.stderr
    assert not marker.exists(), "a planted pickle ran"


@POSIX
def test_new_cache_directory_and_files_are_private(
    mini_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "fresh" / "cache"
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(folder))
    Assistant.load(mini_pack)
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
    files = _files(folder)
    assert files
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)


@POSIX
@pytest.mark.parametrize("what", ["directory", "file"])
def test_a_cache_others_may_write_is_not_used(
    mini_pack: Path,
    copy_pack: CopyPack,
    builds: list[Path],
    _cache_in_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    target = _slot(pack).path
    (_cache_in_tmp if what == "directory" else target).chmod(0o777 if what == "directory" else 0o666)
    capsys.readouterr()
    for _ in range(2):
        assert Assistant.load(pack).ask(QUESTION).status == "answered"
    err = capsys.readouterr().err
    assert err.count("others may write to it") == 1, "warned once"
    if what == "directory":
        assert len(builds) == 3, "a cache directory others may write is never read, nor written"
        assert "compiled in memory" in err
    else:
        assert len(builds) == 2, "a file others may write is not read; a private one replaces it"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@POSIX
def test_a_cache_of_another_user_is_not_used(
    mini_pack: Path,
    copy_pack: CopyPack,
    builds: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    me = os.geteuid()
    monkeypatch.setattr(cache.os, "geteuid", lambda: me + 4242 if me else 4242)
    if me == 0:  # root's files are trusted by everyone; make the cache belong to "someone else" instead
        monkeypatch.setattr(cache, "_ROOT", -1)
    Assistant.load(pack)
    assert len(builds) == 2
    assert "belongs to another user" in capsys.readouterr().err


@POSIX
def test_a_symlinked_cache_file_is_not_followed(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], tmp_path: Path
) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    target = _slot(pack).path
    elsewhere = tmp_path / "elsewhere.msgpack"
    shutil.move(target, elsewhere)
    target.symlink_to(elsewhere)
    assert Assistant.load(pack).ask(QUESTION).status == "answered"
    assert len(builds) == 2


def test_cache_file_of_another_format_is_ignored(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    first = _slot(pack).path
    monkeypatch.setattr(cache, "CACHE_FORMAT", "0-test")
    monkeypatch.setattr(cache, "_digests", {})
    other = _slot(pack).path
    assert other != first
    other.write_bytes(first.read_bytes())  # the old format's bytes under the new key: the header no longer matches
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
    assert [p.name for p in _cache_in_tmp.iterdir() if not p.name.endswith(cache.SUFFIX)] == []


def test_old_pickle_files_are_removed_unread(
    mini_pack: Path, copy_pack: CopyPack, _cache_in_tmp: Path, tmp_path: Path
) -> None:
    pack = copy_pack(mini_pack)
    _cache_in_tmp.mkdir(mode=0o700)
    old = _cache_in_tmp / "pack-0123456789ab-0123456789abcdef0123456789abcdef.pickle"
    marker = tmp_path / "ran"
    old.write_bytes(_malicious(marker))
    Assistant.load(pack)
    assert not old.exists()
    assert not marker.exists()


def test_a_load_from_the_cache_imports_no_loader(tmp_path: Path) -> None:
    """From the cache, nothing that reads YAML, unpickles or compiles is even imported."""
    env = {**os.environ, "ASSISTANT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ASSISTANT_NO_CACHE", None)
    env.pop("ASSISTANT_PACK", None)
    script = (
        "import sys; from assistant import Assistant; Assistant.load().ask('聯影醫療2024年營收多少?'); "
        "print(sorted(m for m in ('pickle', 'yaml', 'pypinyin', 'regex', 'assistant.pack.loader') "
        "if m in sys.modules))"
    )
    for expected in (None, "[]"):
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr
        if expected is not None:
            assert done.stdout.strip() == expected


def test_without_directory_descriptors_the_cache_still_serves(
    mini_pack: Path, copy_pack: CopyPack, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where directories cannot be opened by descriptor (Windows), files are read and written by path."""
    monkeypatch.setattr(cache.os, "supports_dir_fd", set())
    pack = copy_pack(mini_pack)
    Assistant.load(pack)
    assert Assistant.load(pack).ask(QUESTION).status == "answered"
    assert len(builds) == 1
