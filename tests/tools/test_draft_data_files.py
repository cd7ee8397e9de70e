"""The drafting tool's own YAML (rules, glossary) is read by a plain loader that keeps the last of two
equal keys: a key written twice would silently drop a rule or an English name, so none may be."""

from __future__ import annotations

from importlib import resources

import pytest

from assistant.pack.limits import MAX_YAML_NODES
from assistant.pack.yamlfile import parse


@pytest.mark.parametrize("name", ["rules.yaml", "glossary.yaml"])
def test_the_drafting_data_has_no_key_written_twice(name: str) -> None:
    text = resources.files("assistant.tools.draft").joinpath(name).read_text(encoding="utf-8")
    parsed = parse(text, MAX_YAML_NODES)
    assert parsed.data is not None
    assert parsed.problems == []
