"""Names found that are no companies: phrases of the language said a few times (管理软件) and lines of
business the article calls so (协作机器人业务). The words are data (rules.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.tools.draft.name_ends import made_of_words
from assistant.tools.draft.reader import rule_pattern, rules, simplified


def common_phrase(name: str, count: int, body: str, opening: str, suffixes: Iterable[str]) -> bool:
    """A name whose part before its suffix is made of dictionary words (管理 of 管理软件, 北美连锁 of
    北美连锁电子), mentioned only a few times and not in the `opening` (simplified), is a phrase; brands
    that are words (小米) are named more often. One the article calls a field or sector (户外储能领域) is one;
    one a dated figure of its own follows is not (春秋航空2024年营业收入约200亿元)."""
    plain = simplified(name)
    head = next((plain[: -len(s)] for s in suffixes if s and plain.endswith(s) and plain != s), plain)
    if any(plain.endswith(simplified(s)) for s in rules()["strong_suffixes"]):
        return False
    if not (made_of_words(head) or made_of_words(plain)):  # 婴儿副食品: words, though 婴儿副 is none
        return False
    sectors = "|".join(re.escape(w) for w in rules()["sector_words"])
    text = simplified(body)
    if re.search(f"{re.escape(plain)}(?:{sectors})", text):
        return True
    dated = re.compile(rule_pattern("name_dated_figure"))  # 春秋航空2024年营业收入约200亿元: a company's own figure
    if any(dated.match(text[m.end() : m.end() + 40]) for m in re.finditer(re.escape(plain), text)):
        return False
    return count <= rules()["phrase_name_mentions"] and plain not in opening


def a_line(name: str, text: str) -> bool:
    """A name the article calls a line of business (X业务, X是…的第一大业务, X板块) or that ends with a
    line word, unless a legal suffix makes it a company; `text` is the body in simplified script."""
    r = rules()
    plain = simplified(name)
    if any(plain.endswith(simplified(s)) for s in r["strong_suffixes"]):
        return False
    lines = "|".join(re.escape(simplified(w)) for w in r["line_words"])
    lines = f"(?:{lines})(?![{''.join(r['line_word_not_before'])}])"  # 禾泰人壽業務員: its staff, no line
    return bool(
        re.search(f"{lines}$", plain)
        or re.search(f"{re.escape(plain)}{lines}", text)
        or re.search(f"{re.escape(plain)}(?:是|为|仍是)[^,。;]{{0,12}}{lines}", text)
    )
