"""What a drafted figure measures: the metric word nearest it of the figure's kind (营收 an amount, 股权
a percentage, a percentage of an amount its share), the measure of the figure before it when it names
none of its own (a prior value, the other end of a range), else a new metric named after the article's
own words. Word tables are data (rules.yaml and the bundled vocabulary)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.dated import Dated
from assistant.tools.draft.english import English, glossary, head_owners, head_words
from assistant.tools.draft.entity import slug
from assistant.tools.draft.figure import Figure
from assistant.tools.draft.glosses import cjk_glosses, counted_noun, latin_gloss, measure_words, words_before
from assistant.tools.draft.reader import (
    clause_bounds,
    fits,
    half_width,
    moved_to,
    per_unit_before,
    plain_form,
    rules,
    scan_words,
    simplified,
    unit_kind,
    word_table,
)
from assistant.tools.draft.topics import Segments

Mention = tuple[int, int, str]
_ACRONYM = re.compile(r"(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&]{2,6}")  # GMV, RevPAR: a measure's name in any script


@dataclass(frozen=True)
class Drafted:
    """What one figure of a sentence was read to be about."""

    figure: Figure
    subject: str
    metric: str
    date: Dated | None
    segment: str | None
    object: str | None = None  # the company a stake is in, or that a price was paid for a stake in
    of: str | None = None  # the measure a share is a share of (研发人员…占员工总数的比例: rd_staff)
    qualifier: str | None = None  # the variant of the measure it is (直营 of 门店数)


_PART_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]*")  # 自有, 跃格STUDIO工作室


def list_goes_on(drafted: list[Drafted]) -> bool:
    """Whether the figure before is a part a 其中 list gave (其中对公贷款1842.6亿元,零售贷款836.9亿元): the next
    item of the list is one too."""
    return bool(drafted) and drafted[-1].figure.a_part


def metric_table(vocabulary: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Metric words (simplified, longest first) -> metric: the vocabulary's Chinese aliases and acronyms
    (GMV, EBITDA, RevPAR) and the draft rules' words, which win on ties."""
    return word_table(
        {
            a: cid
            for cid, c in vocabulary.items()
            if c.get("kind") == "metric"
            for a in c.get("aliases", [])
            if isinstance(a, str) and ((not a.isascii() and len(a) >= 2) or _ACRONYM.fullmatch(a))
        }
        | {w: mid for mid, spec in rules()["metrics"].items() for w in spec["words"]}
    )


def _in_context(metric: str, plain: str, figure: Figure) -> str:
    """The measure a metric word names in this sentence (出资 in a sentence announcing a round: its size), or
    in the words before the figure (扣除非经常性损益后,公司净利润为…: the recurring profit)."""
    context = rules()["metric_in_context"].get(metric)
    if context and re.search(context["when"], plain[: figure.begins] if context.get("before") else plain):
        figure.hints.append(f"{metric} in a sentence matching {context['when']}: {context['becomes']}")
        return str(context["becomes"])
    return metric


class Measures:
    """Names the measure of each figure, adding the metrics the vocabulary lacks to `concepts`."""

    def __init__(
        self,
        words: dict[str, Any],
        vocabulary: dict[str, dict[str, Any]],
        concepts: dict[str, Any],
        english: English,
        traditional: Callable[[str], str],
    ) -> None:
        self.words = words
        self.vocabulary = vocabulary
        self.concepts = concepts
        self.english = english
        self.traditional = traditional
        self.new_metrics: dict[str, str] = {}
        self.reserved: set[str] = set()  # ids other concepts of the draft will take (its lines)

    def named_in(self, text: str) -> bool:
        """Whether a piece of text names a metric."""
        return bool(scan_words(plain_form(text), self.words))

    def metric(
        self, sentence: str, plain: str, figure: Figure, segments: Segments, names: frozenset[str] = frozenset()
    ) -> str:
        """The metric word right after the figure, else the last before it in its clause, else the first
        after it in its clause, else the last before it in the sentence (unless its clause names what
        it counts in words no metric has: then a new metric of those words, never a company's `names`)."""
        sized = rules()["sized_sites"]  # 10GW逆变器工厂: a site of that size, the figure its capacity
        if figure.unit in sized["units"] and re.match(sized["after"], simplified(sentence[figure.end :])):
            figure.hints.append("a site's size: its capacity")
            return str(sized["metric"])
        hits = [_after_unit(h, figure) for h in self._fitting(plain, figure)]
        start, end = clause_bounds(sentence, figure.number.start)
        clause = simplified(sentence[start : figure.begins])  # 晟豐人壽目前有效保戶超過612萬人: after the name
        named = max((clause.rfind(n) + len(n) for n in _spelt(names) if n in clause), default=0)
        own_words = words_before(sentence, start + named, figure.begins)
        own = plain_form(own_words)
        a_count = figure.unit in rules()["counters"]  # 服务的企业客户约1,200家: a count of what the line's name says
        if own in names or (len(own) >= 2 and any(n.startswith(own) for n in names)):
            own_words = ""  # 超过明泰物流的1.7倍, 不到飞羚的四成: a company's name is not what a figure measures
        elif segments.names(own) and not a_count:
            own_words = ""  # 天工52度: a line's name alone measures nothing
        counted = counted_noun(sentence, figure)  # 覆盖约2.6万家餐厅门店: what it counts, not the measure before
        for number, choice in enumerate(
            (
                [
                    h
                    for h in hits
                    if figure.end <= h[0] <= figure.end + 1 and h[1] <= end and self._next_to(sentence, figure, h)
                ][:1],
                [h for h in hits if start <= h[0] and h[1] <= figure.begins][-1:],
                [h for h in hits if figure.end <= h[0] and h[1] <= end][:1],
                [h for h in hits if h[1] <= figure.begins][-1:] if not own_words and not counted else [],
            )
        ):
            if choice:
                figure.hints.append(f"metric from {sentence[choice[0][0] : choice[0][1]]}")
                if number in (1, 3):  # the measure named before the figure: a word before it may qualify it
                    own_start = start if number == 1 else clause_bounds(sentence, choice[0][0])[0]
                    figure.modifier = segments.modifier(sentence[own_start : choice[0][0]]) or None
                metric = self.share_of(_in_context(str(choice[0][2]), plain, figure), figure)
                return self._share_named(plain, start, choice[0][0], figure, metric) if number == 1 else metric
        if counted:
            figure.hints.append("no metric word: a new metric named after what it counts")
            return self.new_metric(counted)
        topic = re.match(rules()["measure_topic"], half_width(simplified(sentence[: figure.begins])))
        if topic and own_words and topic.group(1) in rules()["broad_topics"]:
            topic = None  # 规模方面,…经营影院412家,银幕2,836块: a broad topic; what each counts is its measure
        if topic and topic.group(1).endswith(tuple(rules()["measure_heads"])) and not self.named_in(topic.group(1)):
            figure.hints.append(f"no metric word: the measure the sentence opens with ({topic.group(1)})")
            return self.new_metric(sentence[topic.start(1) : topic.end(1)])
        figure.hints.append("no metric word: a new metric named after the words before it")
        return self.new_metric(own_words or "數值", latin_gloss(sentence, own_words))

    @staticmethod
    def _next_to(sentence: str, figure: Figure, hit: tuple[int, int, Any]) -> bool:
        """A metric word right after a figure names it unless a list separator stands between them
        (稅後純益僅14.85億元、EPS 0.98元: EPS is the next item's)."""
        between = half_width(sentence[figure.end : hit[0]])
        return not any(char in rules()["list_separators"] or char in ",;" for char in between)

    def _share_named(self, plain: str, start: int, word: int, figure: Figure, metric: str) -> str:
        """A share whose base its clause names after 占 (外卖订单占门店GMV的比重约46%): the share of that
        measure, tagged with it; a share of revenue stays as it is."""
        shares = rules()["share_of"]
        at = max(plain.rfind(w, start, word) for w in rules()["share_base_words"])
        if metric not in shares.values() or at < 0:
            return metric
        bases = [str(h[2]) for h in scan_words(plain[at:word], self.words) if str(h[2]) not in shares.values()]
        if not bases or bases[-1] == "revenue":
            return metric
        base = bases[-1]
        figure.hints.append(f"a share of {base}, named after 占")
        figure.share_base = None if base in shares else base
        return str(shares.get(base, "share"))

    @staticmethod
    def flow(plain: str, figure: Figure, metric: str) -> str:
        """The flow a verb right before a count names (`flows`: 新开2386家门店, 关闭712家, 净增713家), in place
        of the stock or the other flow its clause or the figure before it gave."""
        before = simplified(plain[: figure.start]).removesuffix("了")
        for group in rules()["flows"]:
            if metric in group["measures"]:
                verb = next((v for v in sorted(group["verbs"], key=len, reverse=True) if before.endswith(v)), None)
                if verb is not None and group["verbs"][verb] != metric:
                    figure.hints.append(f"a count right after {verb}: {group['verbs'][verb]}")
                    return str(group["verbs"][verb])
        return metric

    @staticmethod
    def share_of(metric: str, figure: Figure) -> str:
        """A percentage of an amount (贡献了海外收入的约62%) is its share."""
        shares = rules()["share_of"]
        if unit_kind(figure.unit) == "%" and rules()["metric_units"].get(metric) != "%" and metric in shares:
            figure.hints.append(f"a percentage of {metric}: its share")
            return str(shares[metric])
        return metric

    def parallel(
        self, sentence: str, figure: Figure, drafted: list[Drafted], orgs: list[Mention], segments: Segments
    ) -> Drafted | None:
        """The figure before this one in its sentence, when this one names no metric of its own and is of
        the same unit: a prior value (较上年的6.08亿元) or the other end of a range (从0.8元降至0.4元);
        never a figure whose own clause names, in words no metric has and that end with a measure's head
        word, what it measures (上年为25.08亿元;股东应占溢利5.12亿元: a measure of its own, not the prior
        revenue), nor a part 其中 opens, unless those words are the other's (运营冷库32座,而…运营的冷库为27座)."""
        start, end = clause_bounds(sentence, figure.number.start)
        kind = unit_kind(figure.unit)
        same = [d for d in drafted if d.figure.event is None and kind is not None and unit_kind(d.figure.unit) == kind]
        own = simplified(words_before(sentence, start, figure.begins))
        head = simplified(half_width(sentence[start : figure.begins]))
        part = head.lstrip(",;").startswith(tuple(rules()["part_words"]))  # 其中原材料约14.3亿元: a part
        pointer = bool(re.search(rules()["same_measure_words"], own))  # 这一数字: the measure before
        if (
            not pointer
            and (
                (own.endswith(tuple(rules()["measure_heads"])) or part)  # 股东应占溢利: a measure; 大型品牌: whose
                and not moved_to(head)  # 上半年进一步降至70.3%: the level the measure before it moved to
                and not re.search(rules()["prior_value_words"], own)
                and not self.named_in(own)
                and not scan_words(plain_form(own), segments.table)  # 薄膜沉积设备约30%: a line, the measure before
                and not (same and own in simplified(sentence[: same[-1].figure.begins]))
            )
        ):
            return None
        counted = counted_noun(sentence, figure)  # 超过1200家,覆盖约2.6万家餐厅门店: a count of its own
        # 每股2.5元,配发率约六成,高于2023年度的2.0元: a value compared with skips the measures named for figures between
        compared = re.search(rules()["compared_value_before"], head)
        if compared:  # 每股0.28元,派息总额约2.47亿元,高于2023年度的0.21元: of the figures before, one of its scale
            same = [d for d in same if d.figure.scale == figure.scale] or same
        between = [d.figure.end for d in drafted if same and compared and d.figure.begins >= same[-1].figure.end]
        last = max(between, default=-1)
        if (
            figure.event
            or not same
            or (counted and counted != counted_noun(sentence, same[-1].figure))
            or self.named_in(sentence[max(last, same[-1].figure.end) : figure.begins])
            or self.named_in(sentence[figure.end : min(end, figure.end + 2)])
        ):
            return None
        named = [ident for s, e, ident in orgs if start <= s and e <= figure.begins]
        if named and named[-1] != same[-1].subject:
            return None  # another company's figure of its own
        return same[-1]

    def _fitting(self, plain: str, figure: Figure) -> list[tuple[int, int, Any]]:
        """The measure words of the sentence that fit the figure's unit; a share's words that do not (占员工总数
        before 5986人) give the measure they are a share of (员工总数), which the count then is."""
        found = []
        for hit in scan_words(plain, self.words):
            word = plain[hit[0] : hit[1]]
            ends_line = plain[: hit[0]].endswith(tuple(rules()["list_ends_other"]))
            other = next((o for o in rules()["other_words"] if word.startswith(o) and word[len(o) :] in self.words), "")
            if other and ends_line:  # 服务及其他收益: revenue of the line 服务及其他, not other income
                hit = (hit[0] + len(other), hit[1], self.words[word[len(other) :]])
            per_unit = per_unit_before(plain[: hit[0]])
            if per_unit and hit[2] in rules()["per_unit_totals"]:
                continue  # 头均盈利接近150元, 每公里路费收入: per pig or km, not the year's (单台售价 is a price)
            if fits(hit[2], figure):
                found.append(hit)
                continue
            word = plain[hit[0] : hit[1]]  # the plain form is simplified: 佔 is 占
            inner = self.words.get(word[1:]) if word.startswith("占") else None
            if inner is not None and fits(inner, figure):
                found.append((hit[0] + 1, hit[1], inner))
        return found

    def part_of(
        self, sentence: str, figure: Figure, drafted: list[Drafted], segments: Segments, orgs: list[Mention]
    ) -> tuple[str, Drafted] | None:
        """共营运23架全货机,其中自有9架: the word a 其中 part names that holds no measure (自有), and the last
        figure of the same unit before it in the sentence that is no part itself, whose variant it is (also
        for each item of a list: 其中香港58间、澳门11间); None if it is no such part."""
        start, _ = clause_bounds(sentence, figure.number.start)
        head = simplified(half_width(sentence[start : figure.begins])).lstrip(",;")
        part = next((w for w in sorted(rules()["part_words"], key=len, reverse=True) if head.startswith(w)), "")
        kind = unit_kind(figure.unit)
        if not (part or list_goes_on(drafted)) or kind is None:
            return None
        whole = [  # before the 其中: 共有门店612家,覆盖41个城市,其中…: the stores, not a part listed before this one
            d
            for d in drafted
            if d.figure.event is None
            and unit_kind(d.figure.unit) == kind
            and d.figure.end <= start
            and not d.figure.a_part
            and not (d.date and (d.date.compared or d.date.prior or d.date.base))  # 较上年末的47915人: compared with
        ][-1:]
        word = head[len(part) :].split("、")[-1]  # 其中香港58间、澳门11间: each item of the list is a part
        fillers = sorted((simplified(w) for w in rules()["filler"]), key=len, reverse=True)
        while cut := next((f for f in fillers if word.endswith(f) and len(word) > len(f)), ""):
            word = word[: -len(cut)]  # 其中自有约9架: 自有
        if whole and self.named_in(word):  # 对公贷款 of 贷款总额: 对公; 阿根廷当地员工 of the staff: 阿根廷当地
            word = self._without_whole(word, whole[0].metric)
        plain, period = plain_form(word), re.search(rules()["part_not_period"], word)  # 其中第三季度单季: a period's
        if period or not whole or not 2 <= len(word) <= 12 or not _PART_NAME.fullmatch(word) or segments.names(plain):
            return None
        if any(plain_form(sentence)[s:e] in plain for s, e, _ in orgs):
            return None  # 其中悅膚匯員工約2180人: the subsidiary's own staff, no part called 悅膚匯
        return None if self.named_in(word) else (word, whole[0])

    def _without_whole(self, word: str, metric: str) -> str:
        """The part's own word, the whole's measure cut from its end (对公贷款 of the loans: 对公); '' when it
        names another measure (利息净收入 is no part of the revenue, but a measure of its own)."""
        hits = scan_words(plain_form(word), self.words)
        if not hits:
            return word
        start, end, ident = hits[-1]
        return word[:start] if end == len(word) and ident == metric and len(hits) == 1 else ""

    def new_metric(self, words: str, gloss: str = "") -> str:
        """A metric the vocabulary lacks, named after the article's own words (with a readable id; `gloss`,
        its abbreviation FYP, a name too), unless a region inside them leaves a known one (新签海外订单)."""
        words, around = measure_words(words, self.words)  # 整體翻檯率亦: 整體翻檯率
        words = "数值" if plain_form(words) in self.words and not around else words  # 企业价值对EBITDA约7倍
        zh = self.traditional(words)
        if zh in self.new_metrics or around:
            return around or self.new_metrics[zh]
        if counted := self._counted_again(simplified(words)):  # 銀幕數 after 銀幕 (or before it): one measure
            return counted
        english, _complete = self.english.phrase(words)
        ident = slug(english) if english.isascii() else f"metric_{len(self.new_metrics) + 1}"
        while ident in self.concepts or ident in self.vocabulary or ident in self.reserved:
            ident += "_2"
        aliases = list(dict.fromkeys([words, zh, english, *([gloss] if gloss else [])]))
        names = {"zh-Hant": zh, "zh-Hans": simplified(words), "en": english}
        self.concepts[ident], self.new_metrics[zh] = {"kind": "metric", "names": names, "aliases": aliases}, ident
        return ident

    def _counted_again(self, plain: str) -> str:
        """The new measure a name is the count of, or counts (銀幕數 and 銀幕), by a count word ('' if none)."""
        tails = tuple(simplified(w) for w in [*rules()["count_tails"], *rules()["count_again_tails"]])
        for zh, ident in self.new_metrics.items():
            other = simplified(zh)
            if any(plain == other + t or other == plain + t for t in tails):
                return ident
        return ""

    def add_heads(self) -> None:
        """Each new measure is also asked for by its head word (整體平均利用率: 利用率), unless another new measure
        ends with it too (then a measure of its own), or a metric word or a line (路费) is one; one whose name ends
        with another's (鋰鹽總產量, 產量) implies it."""
        names = {ident: str(self.concepts[ident]["names"]["zh-Hans"]) for ident in self.new_metrics.values()}
        lines = {simplified(str(a)) for c in self.concepts.values() if c.get("kind") == "segment" for a in c["aliases"]}
        for ident, head in head_words(names, lambda head: head not in self.words and head not in lines).items():
            aliases = self.concepts[ident]["aliases"]
            forms = [head, self.traditional(head), str(glossary()["words"][head])]
            aliases += [a for a in forms if a not in aliases]
        taken = {simplified(str(a)) for c in self.concepts.values() for a in c.get("aliases", [])} | set(self.words)
        for head, owners in head_owners(names, lambda head: head not in taken).items():  # 票房, a line's name
            if len(owners) > 1 and head not in names.values() and CJK_RUN.fullmatch(head):  # 锂盐(总)产量: 产量s
                names[self.new_metric(str(self.concepts[owners[0]]["names"]["zh-Hant"])[-len(head) :])] = head
        for ident, name in names.items():  # 锂盐总产量 is an 产量 too: a question about 产量 finds it
            if kinds := [o for o, short in names.items() if 2 <= len(short) < len(name) and name.endswith(short)]:
                self.concepts[ident]["implies"] = kinds
        self._nouns(names)

    def glossed(self, body: str) -> None:
        """合約負債(預收學費): the Chinese gloss is another name of the measure (one of the vocabulary `extends`)."""
        for ident, gloss in cjk_glosses(plain_form(body), self.words):
            if ident not in self.concepts and ident in self.vocabulary:
                base = {k: v for k, v in self.vocabulary[ident].items() if k in ("kind", "names")}
                self.concepts[ident] = {**base, "extends": ident, "aliases": []}
            if gloss not in (aliases := self.concepts.get(ident, {}).get("aliases", [gloss])):
                aliases.append(gloss)

    def _nouns(self, names: dict[str, str]) -> None:
        """A new measure named by what it counts and a count word (業務員人數, 合作医院数量) is also asked for
        by what it counts (業務員有多少人), unless that is a metric word or names another concept (线下专柜 of
        线下专柜数量, a sales channel)."""
        tails = tuple(sorted((simplified(w) for w in rules()["count_tails"]), key=len, reverse=True))
        taken = {simplified(str(a)) for c in self.concepts.values() for a in c.get("aliases", [])}
        for ident, name in names.items():
            tail = next((t for t in tails if name.endswith(t) and len(name) - len(t) >= 2), None)
            noun = name[: -len(tail)] if tail else ""
            if noun and noun not in taken and not scan_words(plain_form(noun), self.words):
                aliases = self.concepts[ident]["aliases"]
                aliases += [a for a in dict.fromkeys((noun, self.traditional(noun))) if a not in aliases]


@functools.lru_cache(maxsize=8)
def _spelt(names: frozenset[str]) -> frozenset[str]:
    """The companies' names in simplified script, once per set of names, not once per figure."""
    return frozenset(simplified(n) for n in names if len(n) >= 2)


def _after_unit(hit: tuple[int, int, Any], figure: Figure) -> tuple[int, int, Any]:
    """1,086家门店 read as 家门店: a metric word that begins with the figure's own counter starts after it."""
    start, end, metric = hit
    return (figure.end, end, metric) if figure.start < start < figure.end < end else hit
