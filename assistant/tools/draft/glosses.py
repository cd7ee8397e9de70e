"""What is written right beside a measure's name in a sentence: the Latin abbreviation or Chinese words glossing it
in brackets (初年度保費(FYP), 合約負債(預收學費)), and a year before it, told apart from words that begin with 年's
next character (2024年初年度保費: 2024 and 初年度保費); and the words before a number that name what it counts,
without those."""

from __future__ import annotations

import itertools
import re
from typing import Any

from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.figure import Figure
from assistant.tools.draft.line_names import without_function_tail
from assistant.tools.draft.reader import half_width, rules, scan_words, simplified

# A Latin abbreviation in brackets right after Chinese words (初年度保費(FYP), 合約服務邊際(CSM)): a gloss of them.
LATIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\s*[(\uff08]\s*([A-Za-z][A-Za-z0-9&+\-. ]{0,24}?)\s*[)\uff09]")


# Chinese words in brackets right after a measure's name (合約負債(預收學費)): another name of it (simplified script).
CJK_GLOSS = re.compile(r"[(\uff08]([\u4e00-\u9fff]{2,8}|[a-z][a-z&]{2,7})[)\uff09]")  # plain form: scfi of (SCFI)


# A year as written before what a figure measures, with the end or start of it when that is no word's first
# character (2024年末, 2024年度; 2024年初年度保費 is 2024 and 初年度保費).
YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}\s*(?:年度|年初(?!年)|年(?:底|末|中)?)")


def latin_gloss(sentence: str, words: str) -> str:
    """The Latin abbreviation written in brackets right after `words` in `sentence` ('' if none)."""
    at = sentence.find(words)
    match = LATIN_GLOSS.match(sentence, at + len(words)) if words and at >= 0 else None
    return match.group(1).strip() if match else ""


def cjk_glosses(plain: str, words: dict[str, Any]) -> list[tuple[str, str]]:
    """(measure id, gloss) for each bracket of Chinese words or a Latin abbreviation right after a measure's name
    in the simplified `plain` text (合同负债(预收学费): contract liabilities, 预收学费; 运价指数(SCFI)); `words` maps
    measure names to ids. A
    gloss naming a measure itself, or one of the rules' gloss_not_words (a currency: 营收(新台币)), is none."""
    found, refused = [], [simplified(w) for w in rules()["gloss_not_words"]]
    for match in CJK_GLOSS.finditer(plain):
        named = scan_words(plain[max(0, match.start() - 12) : match.start()], words)
        gloss = match.group(1)
        if named and named[-1][1] == min(12, match.start()) and gloss not in refused and not scan_words(gloss, words):
            found.append((str(named[-1][2]), gloss))
    return found


def measure_words(words: str, table: dict[str, Any]) -> tuple[str, str | None]:
    """A new measure's words without the adverb they end with (整体翻台率亦: 整体翻台率), and the known measure
    they name around a region word inside them (`measure_infixes`: 新签海外订单 is 新签订单 overseas)."""
    words = without_function_tail(words)
    plain = simplified(words)
    for infix in rules()["measure_infixes"]:
        rest = plain.replace(infix, "", 1) if 0 < plain.find(infix) < len(plain) - len(infix) else ""
        hits = scan_words(rest, table) if rest else []
        if len(hits) == 1 and hits[0][:2] == (0, len(rest)):
            return words, str(hits[0][2])
    return words, None


def words_before(sentence: str, start: int, end: int) -> str:
    """The characters before a number that name what it counts (接入的充電樁達28萬多台), without the
    change words that end them (折舊及攤銷費用同比增加約1.4億元: 折舊及攤銷費用)."""
    r = rules()
    text = re.sub(LATIN_GLOSS, "", half_width(sentence[start:end]))  # 初年度等價保費(FYPE): the Chinese name
    text = re.sub(YEAR_WRITTEN, " ", text)  # 2024年初年度保費: the year, not 年初, and then 初年度保費
    text = re.sub(r"[\s\d.%%,,;;::、()()《》「」\"“”/]+", " ", text)
    fillers = sorted(r["filler"], key=len, reverse=True)
    trailers = tuple(sorted((simplified(w) for w in r["measure_trailers"]), key=len, reverse=True))
    pieces = []
    for piece in text.split():
        for word in fillers:
            piece = piece.replace(word, " ")
        pieces += [p for p in piece.split() if len(p) >= 2 and not p.startswith(r["per_unit_prefix"])]
    leaders = tuple(sorted((simplified(w) for w in r["measure_leaders"]), key=len, reverse=True))
    pieces = [p for p in pieces if simplified(p) not in leaders] or pieces  # 權重由去年的15%: 權重, not 去年
    if not pieces:
        return ""
    words = pieces[-1]
    while simplified(words).endswith(trailers) and len(words) > 2:
        words = words[: -len(next(t for t in trailers if simplified(words).endswith(t)))]
    pointer = re.match(f"{r['segment_pointer']}|{r['company_pointer']}", simplified(words))  # 该工厂产能利用率
    if pointer and len(words) - pointer.end() >= 2:
        words = words[pointer.end() :]
    while simplified(words).startswith(leaders) and len(words) > 2:
        words = words[len(next(t for t in leaders if simplified(words).startswith(t))) :]
    if simplified(words) in leaders:
        return ""  # 公司100马力以下机型: 公司 names no measure
    cut = max(len(words) - r["measure_name_max"], 0)
    while cut > 0 and len(words) - cut < r["measure_name_max"] + 3 and _splits_a_word(words, cut):
        cut -= 1  # 伺服器機櫃出貨目標: not 服器機櫃出貨目標, cut inside 伺服器
    words = words[cut:]
    while simplified(words).startswith(leaders) and len(words) > 2:  # 商品猪全年平均完全成本: 完全成本
        words = words[len(next(t for t in leaders if simplified(words).startswith(t))) :]
    if re.search(r["measure_not_words"], simplified(words)):
        return ""  # 增幅收窄至12.1%, 预计介乎…: no measure of its own
    return words if len(words) >= 2 else ""


def counted_noun(sentence: str, figure: Figure) -> str:
    """What a count counts, written right after its counter: 中外認證許可 of 49張中外認證許可 ('' if none)."""
    r = rules()
    if figure.unit not in r["counters"]:
        return ""
    stops = set(r["name_stops"]) | set(r["clause_ends"])
    after = half_width(sentence[figure.end : figure.end + r["counted_noun_max"]])
    words = "".join(itertools.takewhile(lambda char: char not in stops and not char.isdigit(), after))
    if simplified(words).startswith(tuple(simplified(w) for w in r["measure_trailers"])):
        return ""  # 1,080張增加180張: the change after a count is no thing it counts
    return words if len(words) >= 2 else ""


def _splits_a_word(text: str, at: int) -> bool:
    """Whether cutting the text at `at` splits a word of two or three characters (伺服|器, 伺|服器)."""
    plain = simplified(text)
    return any(
        plain[start:end] in senses()
        for start in (at - 2, at - 1)
        for end in (at + 1, at + 2)
        if 0 <= start < at < end and end - start >= 2
    )
