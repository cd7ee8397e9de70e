"""What a drafted figure is about besides its company and metric: the product line or region (分業務看,
直流樁業務收入, 海外收入). Patterns and words are data (rules.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

import regex

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.english import English, glossary, head_words
from assistant.tools.draft.entity import slug
from assistant.tools.draft.line_names import (
    abbreviates,
    bare_stem,
    called_a_line,
    inside_a_name,
    line_glosses,
    line_stems,
    list_item,
    listed_with_lines,
    phrase_once,
    right_before,
    without_function_tail,
)
from assistant.tools.draft.reader import (
    clause_bounds,
    half_width,
    language,
    plain_form,
    rule_pattern,
    rules,
    scan_words,
    simplified,
    word_table,
)

_LISTING = set("、,，及和与等或")  # what joins the items of a list, never a line and the asset it is of


class Segments:
    """The product lines and regions an article reports figures for, found by its own patterns."""

    def __init__(
        self,
        paragraphs: list[str],
        metric_words: dict[str, Any],
        english: English,
        traditional: Callable[[str], str],
        vocabulary: dict[str, dict[str, Any]],
        entity_forms: set[str],
    ) -> None:
        self.english, self.traditional, self.metric_words = english, traditional, metric_words
        longest = sorted((w for w in metric_words if len(w) >= 5), key=len, reverse=True)  # 物业费收缴率 holds 物业
        self.long_measures = re.compile(f"(?=({'|'.join(map(re.escape, longest)) or '(?!)'}))")  # at every start
        self.measure = re.compile("|".join(map(re.escape, sorted(metric_words, key=len, reverse=True))) or "(?!)")
        self.found: dict[str, dict[str, Any]] = {}
        table: dict[str, str] = {}  # the vocabulary's segments (regions), then the article's lines
        for cid, concept in vocabulary.items():
            for alias in concept.get("aliases", []) if concept.get("kind") == "segment" else []:
                if isinstance(alias, str) and not alias.isascii():
                    table[simplified(alias)] = cid
        self.vocabulary_ids, self.vocabulary_words = set(table.values()), sorted(table)
        self.entity_forms = sorted(entity_forms, key=len, reverse=True)
        forms = "|".join(map(re.escape, self.entity_forms)) or "(?!)"
        self._trade_then_name = re.compile(f"([\u4e00-\u9fff]{{0,4}}?)(?:{forms})")  # AI伺服器代工廠晟鈦
        r = rules()
        self.other_ends = tuple(j + o for j in r["list_ends_other"] for o in r["other_words"])  # 及其他
        stops = (set(r["name_stops"]) - set(r["segment_name_chars"])) | set("0123456789.%")
        names: list[str] = []
        body = simplified("\n".join(paragraphs))
        markers = [simplified(w) for w in r["segment_markers"]]
        subject = set(r["segment_subject_patterns"])
        for pattern, opens in ((regex.compile(p), p in subject) for p in r["segment_patterns"]):  # lookbehinds
            for paragraph in paragraphs:
                found = [(m, self._clean(m.group(1), stops)) for m in pattern.finditer(simplified(paragraph))]
                for match, name in found:
                    called = (
                        called_a_line(match.group(), name, self.metric_words) or match.group()[:1] in '「“"『'
                    )  # a quoted name
                    called = called or listed_with_lines(paragraph, match, found, self._is_metric)
                    rest = match.group()[match.end(1) - match.start() :]
                    others = name.endswith(self.other_ends)  # 服务及其他收益: the line's "other", not other income
                    across = [w for w in self.metric_words if len(w) >= 3 and w in name[-8:] + rest]
                    across = [w for w in across if not (others and w.startswith(tuple(r["other_words"])))]
                    if any(w not in rest and w not in name for w in across):
                        continue  # 录得汇兑收益: 汇兑收益 is a measure, 汇兑 no line
                    if (
                        (name and name not in table and name not in names and name not in r["not_segments"])
                        and (not self._is_metric(name) or called)
                        and not re.search(r["segment_not_pattern"], name)  # 三大板块 is called a line, and no line
                        and (called or not any(m in name for m in markers))  # 业务占 (营收): a pointer, not a name
                        and (called or not opens or name not in senses())  # 节奏则相对平缓: a word, no line
                    ):
                        names.append(name)
        names = [n for n in names if body.count(n) > 1 or phrase_once(n, names)]
        glosses = line_glosses(body, names, lambda words: self._clean(words, stops))
        names = [n for n in names if n not in glosses]
        for name in sorted(names, key=len, reverse=True):
            longer = next((table[n] for n in table if n in names and abbreviates(name, n, self.entity_forms)), None)
            if longer is None and any(n in names and n != name and n.endswith(name) for n in table):
                continue  # 分拆视觉业务: 视觉 is short for 机器视觉 here, and inside 视觉传感器 elsewhere: no line
            table[name] = self._also(longer, name) if longer else self._add(name)
        for gloss, name in glosses.items():
            if name in table:
                table[gloss] = self._also(table[name], gloss)
        self._bare_stems(body, table)
        self.table = word_table(table | self._heads())  # 仓储业务 names 冷库仓储 in the figures' own clauses too
        self._alias_forms = frozenset(plain_form(a) for line in self.found.values() for a in line["aliases"])
        self._measure_starts = tuple(self.metric_words)  # what a sentence going on about a line may open with

    def platforms(self, entity_table: Mapping[str, str], known: Collection[str]) -> set[str]:
        """Well-known companies named with a channel word as lines (抖音渠道): channels here, not companies."""
        lines, channels = {line["names"]["zh-Hans"] for line in self.found.values()}, rules()["channel_words"]
        return {i for form, i in entity_table.items() if i in known and any(form + c in lines for c in channels)}

    def _clean(self, prefix: str, stops: set[str]) -> str:
        """The name before 業務/收入: no leading filler (分業務看, 其中), nothing after a line word in it (倉儲)."""
        for word in rules()["line_words"]:
            inner = simplified(word)
            if inner in prefix[1:]:
                prefix = prefix[: prefix.index(inner, 1)]
        for word in sorted(rules()["segment_trailing_cut"], key=len, reverse=True):
            if prefix.endswith(simplified(word)) and len(prefix) > len(word):
                prefix = prefix[: -len(word)]  # first: 报关等业务 keeps 报关, though 等 also ends a leading list
        keep = [simplified(w) for w in rules()["segment_keep_words"]]
        for word in sorted(rules()["segment_cut_words"], key=len, reverse=True):
            cut = simplified(word)
            at = prefix.rfind(cut)
            if at >= 0 and not any(prefix.startswith(k, at) for k in keep):  # 其他服务: not 他服务
                prefix = prefix[at + len(cut) :]
        prefix = without_function_tail(prefix)
        start, kept = len(prefix), [m.span() for w in rules()["words_with_stops"] for m in re.finditer(w, prefix)]
        while start > 0 and (prefix[start - 1] not in stops or any(s < start <= e for s, e in kept)):  # 日本
            start -= 1
        name = re.sub(f"^(?:{rule_pattern('period_after_name')})+", "", prefix[start:])  # 前三季美洲线: 美洲线
        channels = tuple(simplified(w) for w in rules()["channel_words"])  # 抖音渠道: a line of sales
        for form in self.entity_forms:  # 澜拓电气海外 is the company's 海外; 澜拓智充 is a company, not a line
            if name.startswith(form) and name[len(form) :] not in channels:
                name = name[len(form) :]
        legal = tuple(simplified(s) for s in rules()["strong_suffixes"])  # 牙科 opens 牙科医疗集团澄明医疗集团有限公司
        if any(form.startswith(name) and not form.endswith(legal) for form in self.entity_forms):
            return ""  # 澜拓智充 or 澜拓 is a company; 诊断 of 康禾诊断 may still be a line
        if any(len(form) >= 2 and name.endswith(form) for form in self.entity_forms):
            return ""  # 总经理邵启航则…: a title and a person, no line
        longest = 8 + 4 * any(c in name for c in rules()["segment_name_chars"])  # 数字会员及线上服务: two in one
        if not 2 <= len(name) <= longest or name in rules()["report_leads"]:
            return ""  # 录得 leads a figure, no line
        return "" if (senses().get(name) or [""])[0] in rules()["function_senses"] else name  # 目前: currently

    def modifier(self, prefix: str) -> str:
        """The word right before a measure's name in its clause that qualifies it (其中直营门店: 直营), if
        it names no line, company, measure or time: the variant a figure is of. After 其中 it may hold
        another measure's word (其中直营门市员工: 直营门市, a part of the staff)."""
        r, part = rules(), simplified(half_width(prefix)).lstrip(",;").startswith(tuple(rules()["part_words"]))
        stops = (set(r["name_stops"]) - set(r["segment_name_chars"])) | set("0123456789.%")
        # 其同类产品2024年销售额, 启洁科技今年前三季度营业收入, 2023年底时机队规模: a period qualifies no measure
        prefix = re.sub(f"(?:{rule_pattern('period_after_name')})(?:底|末|初)?时?", "", simplified(half_width(prefix)))
        prefix = prefix.rstrip().removesuffix("的")  # 拥有博士学位的研发人员: 博士学位
        word = self._clean(prefix, stops)
        word = next((word[len(a) :] for a in map(simplified, r["modifier_adverbs"]) if word.startswith(a)), word)
        for whole in sorted(map(simplified, [*r["whole_words"], *r["own_company_words"]]), key=len, reverse=True):
            word = word.removeprefix(whole)  # 集团全职员工总数: the group's own staff, 全职 the only qualifying word
        rest = word
        for metric_word in (w for w in self.metric_words if len(w) >= 2) if part else ():
            rest = rest.replace(metric_word, "")
        measure = self._is_metric(word) and not (part and len(rest) >= 2)  # 直营门市 of 其中直营门市员工, not 收入
        pointed = any(prefix.endswith(p + word) for p in r["demonstratives"])  # 该研究所研发投入: no variant
        if not 2 <= len(word) <= 6 or not CJK_RUN.fullmatch(word) or word in self.table or measure or pointed:
            return ""
        return "" if any(simplified(w) in word for w in r["future_words"]) else word  # 预计2025年资本开支

    def _is_metric(self, name: str) -> bool:
        """亏损额超过, 净利润: a name holding a metric word is a measure, not a line (nor is 第一大 or 亿元)."""
        r = rules()
        return (
            any(w in name for w in self.metric_words if len(w) >= 2)
            or name in r["not_segments"]
            or re.search(r["segment_not_pattern"], name) is not None
        )

    def _add(self, name: str) -> str:
        english, _complete = self.english.phrase(name)
        ident = slug(english) if english.isascii() else f"segment_{len(self.found) + 1}"
        while ident in self.found and self.found[ident]["names"]["zh-Hans"] != name:
            ident += "_2"
        zh = self.traditional(name)
        aliases = list(
            dict.fromkeys(
                [
                    name,
                    zh,
                    english,
                    f"{english} business",
                    f"{english} segment",
                    f"{english} line",
                    *self.english.variants_of(english),
                    *(form for w in self.english.synonyms(name) for form in (w, self.traditional(w))),
                    f"{name}业务",
                    f"{zh}業務",
                    *(s for s in line_stems(name, self.traditional) if not self._region_word(s)),
                ]
            )
        )
        self.found[ident] = {
            "kind": "segment",
            "names": {"zh-Hant": zh, "zh-Hans": name, "en": english},
            "aliases": aliases,
        }

        return ident

    def _bare_stems(self, body: str, table: dict[str, str]) -> None:
        """刻蚀 of 刻蚀设备 and "etch" of "etch equipment", where the article writes it alone (`bare_stem`): names a
        question may use, not words that put a figure in the line (刻蚀龙头北微半导体2024年营收 is no etch figure)."""
        names = {ident: str(line["names"]["zh-Hans"]) for ident, line in self.found.items()}

        def taken(stem: str) -> bool:
            others = any(n.startswith(stem) and i != owner for i, n in names.items())
            companies = any(stem in form for form in self.entity_forms)
            named = table.get(stem, owner) != owner or self._is_metric(stem) or self._region_word(stem)
            return named or others or companies

        for owner, name in names.items():
            found = bare_stem(name, body, list(names.values()), taken)
            if found is None:
                continue
            (stem, head), line = found, self.found[owner]
            english, head_en = str(line["names"]["en"]), str(glossary()["words"].get(head, ""))
            stem_en = english[: -len(head_en)].strip() if head_en and english.endswith(f" {head_en}") else ""
            line["aliases"] += [a for a in (stem, self.traditional(stem), stem_en) if a and a not in line["aliases"]]

    def _region_word(self, stem: str) -> bool:
        """美国 of 美国客户: a word the vocabulary's regions begin with (美国市场) says where, not which line."""
        plain = simplified(stem)
        return any(w.startswith(plain) for w in self.vocabulary_words)

    def _also(self, ident: str, name: str) -> str:
        """A short name of a line already found (储能 for 储能系统) becomes one of its aliases."""
        english, _complete = self.english.phrase(name)
        aliases = self.found[ident]["aliases"]
        aliases += [a for a in (name, self.traditional(name), english) if a not in aliases]
        return ident

    def at(
        self, plain: str, position: int, state: dict[str, Any], own: bool = False, carried: bool = True
    ) -> str | None:
        """The segment a figure at `position` is about: the one named in its clause; unless that alone may be
        (not `carried`: a company's measure), one named before it, the one 該業務 points back to, or for the company's
        figure (`own`) the line its paragraph opened on (第二大业务是海外仓。…营收为52.31亿元), unless the sentence
        speaks of the whole or names a company before it (公司在全国运营冷库41座)."""
        start, end = clause_bounds(plain, position)
        found = scan_words(plain[:position], self.table)
        hits = [h for h in found if self._names_it(plain, h, position) and not self._not_the_line(plain, h)]
        in_clause = [h for h in hits if h[0] >= start]
        item = list_item(plain, start, position, self.metric_words)  # 直营门店612家、加盟门店4606家: no 直营门店's
        if item > start:
            return next((str(h[2]) for h in reversed(in_clause) if h[0] >= item), None)
        if in_clause or not carried:
            return str(in_clause[-1][2]) if in_clause else None
        if re.search(rules()["segment_pointer"], plain[:position]):
            return state.get("segment")
        words = [simplified(w) for w in [*rules()["whole_words"], *rules()["own_company_words"]]]
        if hits and not self._new_subject(plain[hits[-1][1] : position]):  # …牙科診所…,並力爭2026年集團收益: whole's
            own_whole = re.search(f"(?<![占佔])(?:{'|'.join(words)})", plain[start:position])  # 占总营收: a base
            return None if own_whole else str(self._carried(plain, hits)[2])
        whole = any(w in plain[:end] for w in words)
        named = any(form in plain[:end] for form in self.entity_forms)  # 公司在全国运营冷库41座: the whole's
        return state.get("topic") if own and not whole and not named and self._continues(plain) else None

    def _not_the_line(self, plain: str, hit: tuple[int, int, str]) -> bool:
        """A line named in a clause of cause (受惠於…貨運需求回溫,…單季營收), left out in brackets (护肤业务(不含
        霁川)), inside a measure's name (物业费收缴率) or right before a company's name, saying what the company is
        (AI伺服器代工廠晟鈦科技…7月合併營收), is no line of the figures after it."""
        at, end = hit[0], hit[1]
        bracket = re.search(r"[(（][^()（）]*$", plain[:at])
        left_out = bracket is not None and any(w in bracket.group() for w in rules()["excluding_words"])
        inside = any(m.start() <= at and end <= m.start() + len(m.group(1)) for m in self.long_measures.finditer(plain))
        causes = language()["words"]["cause_openers"]
        trade = self._trade_then_name.match(plain, end)  # AI伺服器代工廠晟鈦, not 主粮仍是禾宠
        describes = trade is not None and not set(trade.group(1)) & set(rules()["name_stops"])
        cause = any(simplified(w) in plain[clause_bounds(plain, at)[0] : at] for w in causes)
        return left_out or inside or describes or cause or inside_a_name(plain, at, end, self.entity_forms)

    def _new_subject(self, between: str) -> bool:
        """…其商超渠道收入占比接近四成;锦厨股份2024年营收: a company named after a semicolon starts a clause
        of its own, out of reach of the line named before it (收获机械领域,华犁机械… stays in reach)."""
        parts = re.split("[;；]", between)
        return len(parts) > 1 and any(form in parts[-1] for form in self.entity_forms)

    def _continues(self, plain: str) -> bool:
        """Whether a sentence goes on about the paragraph's line: it opens with a date, a pointer or a measure
        (2024年营收为…, 该业务…, 毛利率达…), not with a subject of its own (电动摩托车(含…)则成了增长主力)."""
        rest = re.sub(rules()["topic_openers"], "", plain)
        return rest == "" or rest.startswith(self._measure_starts) or rest[:1].isdigit()

    def in_clause(self, plain: str, position: int) -> str | None:
        """The segment named in the clause of a figure at `position`, before it, in its own item of a list
        (其中直营门店612家、加盟门店4606家: 4606 is no 直营门店's); None if none."""
        clause = plain[(start := list_item(plain, clause_bounds(plain, position)[0], position, self.metric_words)) :]
        hits = [h for h in scan_words(plain[start:position], self.table) if self._names_it(clause, h, position - start)]
        hits = [h for h in hits if not inside_a_name(clause, h[0], h[1], self.entity_forms)]
        return str(hits[-1][2]) if hits else None

    def also_named(self, plain: str, position: int, chosen: str | None) -> str | None:
        """Another line a figure's clause (its own list item) names before the one it is filed under: the asset
        whose line it is (衡岳高速2024年路费收入: the road's tolls), so that either name finds it."""
        start = list_item(plain, clause_bounds(plain, position)[0], position, self.metric_words)
        found = scan_words(plain[start:position], self.table)
        at = next((h[0] for h in found if str(h[2]) == chosen), None)  # 日本、韩国及欧洲等其他市场: a list's items
        hits = [
            h for h in found if at is not None and h[1] <= at and not set(plain[start + h[1] : start + at]) & _LISTING
        ]
        return str(hits[0][2]) if chosen and hits else None

    def _names_it(self, plain: str, hit: tuple[int, int, Any], position: int) -> bool:
        """A line named as the topic, or right before the figure at `position` or its measure."""
        return self._named(plain, hit) or right_before(plain, hit, position, self.measure)

    def after_in_clause(self, plain: str, position: int) -> str | None:
        """The line named after a figure in its clause (其余2.23亿元收入来自团餐配送等业务), None if none."""
        _, end = clause_bounds(plain, position)
        hits = [(s + position, e + position, i) for s, e, i in scan_words(plain[position:end], self.table)]
        named = [h for h in hits if self._named(plain, h)]
        return str(named[0][2]) if named else None

    def _named(self, plain: str, hit: tuple[int, int, Any]) -> bool:
        """A line named as the topic, not one item of a list (常温奶、低温鲜奶、奶粉等, though 报关等业务 is the
        line the list makes) nor part of a company's name (视觉 in 澄岳视觉); a region word of
        the vocabulary (国内, 海外) only before a word that makes it a segment (海外收入, 国内市场)."""
        r = rules()
        start, end, ident = hit
        whole_list = plain.startswith(tuple(simplified(w) for w in r["line_words"]), end + 1)  # 报关等业务
        if (plain[end : end + 1] in r["list_marks"] and not whole_list) or plain[max(0, start - 1) : start] == "、":
            return False
        word = plain[start:end]
        for form in (f for f in self.entity_forms if word in f and word != f):
            if plain.startswith(form, start - form.index(word)):
                return False  # 视觉 inside 澄岳视觉: a company's name, not its line
        if ident in self.vocabulary_ids and ident not in self.found:
            clause_end = clause_bounds(plain, end)[1]
            return any(simplified(w) in plain[end : min(clause_end, end + 10)] for w in r["segment_markers"])
        return True

    def _carried(self, plain: str, hits: list[tuple[int, int, Any]]) -> tuple[int, int, Any]:
        """The line named last that names no measure's part (衡岳高速…路费收入: the road, not its tolls)."""
        return next((h for h in reversed(hits) if not self.measure.match(plain, h[1])), hits[-1])

    def remember(self, plain: str, state: dict[str, Any], opening: bool = False) -> None:
        """The line a sentence names last; a paragraph's opening sentence that makes a line its topic
        (跨境空运仍是最大的业务, 第二大业务是…) gives the line the paragraph is about."""
        hits = [h for h in scan_words(plain, self.table) if self._named(plain, h)]
        if hits:
            state["segment"] = self._carried(plain, hits)[2]
            if opening and re.search(rules()["line_topic"], plain):
                state["topic"] = hits[0][2]  # the line named first is the one the sentence ranks

    def _heads(self) -> dict[str, str]:
        """A line is also asked for by its head word, the glossary word its name ends with (精密减速器:
        减速器, reducers), unless another line ends with it too or names it, or a company or measure does,
        or it is a word too general to name one line (服务 of 智慧农业服务: every service a question asks about).
        Returns the forms that name the line in a figure's clause, each with its line: the head called a line
        (仓储业务 of 冷库仓储); a bare head (基地, 工厂) may be said of other things in the article's sentences."""
        words = glossary()["words"]
        added: dict[str, str] = {}
        names = {ident: str(line["names"]["zh-Hans"]) for ident, line in self.found.items()}

        def allowed(head: str) -> bool:
            return (
                head not in self.metric_words
                and head not in self.vocabulary_words  # 内地 of 冲内地: a region every pack knows, no line's word
                and head not in rules()["generic_heads"]
                and not any(head in form for form in self.entity_forms)
            )

        for owner, head in head_words(names, allowed).items():
            english = str(words[head])
            called = [f"{head}业务", f"{self.traditional(head)}業務"]
            forms = [head, self.traditional(head), english, *self.english.variants_of(english), *called]
            forms.append(f"{english} business")
            taken = {a.lower() for i, line in self.found.items() if i != owner for a in line["aliases"]}
            if not {f.lower() for f in forms} & taken:
                aliases = self.found[owner]["aliases"]
                aliases += [a for a in forms if a not in aliases]
                added |= {simplified(f): owner for f in called}
        return added

    def concepts(self) -> dict[str, dict[str, Any]]:
        return dict(self.found)

    def names(self, words: str) -> bool:
        """Whether the words are a line's name or one of its aliases (天工 of 天工系列)."""
        return plain_form(words) in self._alias_forms
