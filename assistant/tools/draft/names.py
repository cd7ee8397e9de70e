"""The names of an article: its organisations (the one it is about first), the people it names with
their titles, and the forms a reader may write them in (short names, both scripts, English).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from typing import Any

from assistant.lang.normalize import fold
from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.called import called_names
from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.english import English, readings, shorter_forms
from assistant.tools.draft.entity import Entity, slug
from assistant.tools.draft.headline import title_name
from assistant.tools.draft.known_names import known_mentions, known_stems
from assistant.tools.draft.name_ends import brand_names, brand_of
from assistant.tools.draft.name_finder import (
    GLOSSED,
    LATIN_GLOSSED,
    QUOTED_GLOSSED,
    described_names,
    find_names,
    glossed_name,
)
from assistant.tools.draft.people import find_people
from assistant.tools.draft.phrases import a_line, common_phrase
from assistant.tools.draft.reader import half_width, rules, simplified
from assistant.tools.draft.subsidiaries import place_names


def _traditional(text: str, to_traditional: Any) -> str:
    return str(to_traditional(text))


class Names:
    """Finds and names the entities of an article."""

    def __init__(
        self,
        paragraphs: list[str],
        title: str,
        known: Mapping[str, str],
        to_traditional: Any,
        metric_words: Collection[str] = (),
        places: Mapping[str, list[str]] | None = None,
    ) -> None:
        """`known`: the vocabulary's entity names (simplified, lower case) and their ids; `metric_words`: its
        measure words (simplified), which tell a name reporting a figure of its own (翼禾科技2024年销量…)."""
        self.paragraphs, self.title = paragraphs, title
        self.english = English()
        self.to_traditional = to_traditional
        body = half_width("\n".join(paragraphs))  # （下稱…）: the rules are written with ASCII punctuation
        self.entities: dict[str, Entity] = {}
        self.surface: dict[str, str] = {}  # simplified surface form -> entity id
        self.introduced: set[str] = set()  # companies the opening gives a short name to (下稱…)
        self.shared: dict[str, tuple[set[str], str]] = {}  # a short name several entities had -> them, the name
        found = find_names(body, known, metric_words)
        described = described_names(body, found)  # kept although made of words (锋芒运动, 对手澄碧电机)
        titled = title_name(self.title, body, known)
        plain = simplified(titled)
        headline = simplified(self.title)  # 玻尿酸放缓…,蔚颜生物的…: a headline naming a company found opens with none
        if titled and not any(plain in simplified(n) or simplified(n) in headline for n in found):
            found[titled] = body.count(titled)
            brand_names(body, found, rules())  # 青禾智控 beside 青禾電機
        plain_body = self.plain_body = simplified(body)  # counted in one script: 霽帆 is 霁帆 here
        opening = simplified("\n".join([self.title, *self.paragraphs[:1]]))
        for name, count in found.most_common():
            if self.english.generic(name) and not any(name.endswith(s) for s in rules()["strong_suffixes"]):
                continue  # 汽车电子 is an industry, 消费电子 a market
            if name not in described and common_phrase(name, count, body, opening, self.english.suffixes):
                continue  # 管理软件, 老牌软件, 剔除股份: words of the language, said a few times, are no company
            if a_line(name, plain_body):
                continue  # 协作机器人业务, 协作机器人是…第一大业务: a product line, not a company
            self._organisation(name, count, body)
        self._called(body)
        self._glossed(body)
        self._full_names(body)
        self._legal_names()
        self._stems(plain_body)
        find_people(body, self.entities, self.surface, self._alias)
        self._known_orgs(known)
        self.main = self._main()
        for sharers, form in self.shared.values():  # a short name the article's company shared is its own
            if self.main in sharers:
                self.surface.pop(simplified(form).lower(), None)
                self._alias(self.main, form)
        self._brand_of_main(body)
        orgs = {simplified(e.name): i for i, e in self.entities.items() if e.kind == "org" and not e.known}
        for ident, alias in place_names(body, orgs, places or {}, self.main or ""):
            self._alias(ident, alias)  # 德国子公司, German subsidiary

    # -- organisations ----------------------------------------------------------------------------

    def _known_orgs(self, known: Mapping[str, str]) -> None:
        """Companies the vocabulary knows (宁德时代, Tesla) that the article names: the subjects of their own
        figures, under the vocabulary's id; the vocabulary, not the draft, defines them, and the pack adds the
        short names the article writes them by (陽明 of 陽明海運)."""
        for form, ident, count in known_mentions(self.plain_body.lower(), known, self.surface):
            entity = self.entities.setdefault(ident, Entity(ident, form, "org", 0, ident, known=True))
            entity.mentions += count
            self.surface[form] = ident
        for ident, stem, stray in known_stems(self.surface, self.entities, self.plain_body):
            if stray is not None:
                self.forget({stray})  # 長榮 found as a name of its own: the short name of 長榮海運
            if stem not in self.surface:
                self._alias(ident, stem)

    def _organisation(self, name: str, count: int, body: str) -> None:
        plain = simplified(name)
        for other_id, entity in self.entities.items():  # 澜拓电气 and 澜拓电气公司: one entity, two names
            known = simplified(entity.name)
            regional = re.match(r"\(", plain[len(known) :]) or re.match(r"\(", known[len(plain) :])
            if entity.kind == "org" and (plain.startswith(known) or known.startswith(plain)) and not regional:
                self._alias(other_id, name)  # not 瀾星海運(新加坡)私人有限公司: its subsidiary in a place
                entity.mentions += count
                return
        english, others, short = self.english.company(name)
        english = " ".join(w[:1].upper() + w[1:] for w in english.split())  # Ruitu Fitness, a name
        ident = slug(english)
        while ident in self.entities:
            ident += "_2"
        entity = Entity(ident, name, "org", count, english, review=not english.isascii() or " " not in english)
        self.entities[ident] = entity
        for form in [name, *others, english, *shorter_forms(english), *self.english.variants_of(english)]:
            self._alias(ident, form)  # Hetai Property & Casualty, also Hetai P&C
        distinctive = plain[: max(2, len(plain) - 2)]
        plain_body, orgs = self.plain_body, [e for e in self.entities.values() if e.kind == "org" and e.id != ident]
        shared = any(simplified(e.name).startswith(distinctive) for e in orgs)
        if (
            2 <= len(distinctive) <= 3
            and (
                plain_body.count(distinctive) > plain_body.count(plain)
                or plain[len(distinctive) :] in self.english.suffixes
            )
            and not shared
            and distinctive not in senses()  # 软件 of 软件许可 is a word, not a brand
        ):
            self._alias(ident, distinctive)  # 禾煜 for 禾煜乳業 when the article says so, 安瞳 for 安瞳網絡 always
        if short and len(short.split()) == 1 and len(short) <= 12:
            self._alias(ident, short)
        for form in self.english.without_suffixes(name, keep=4):  # 云屿茶饮控股有限公司: 云屿茶饮控股, 云屿茶饮
            self._alias(ident, form)
        for form in [a for a in entity.aliases if a.isascii()]:  # 晟瀚: Chenghan, and Shenghan too
            for other in readings(plain[:2], form):
                self._alias(ident, other)

    def _brand_of_main(self, body: str) -> None:
        """千帆 alone is the article's own company (千帆微电子), also when 千帆智芯 shares it, and although the
        article may never write it alone: readers shorten the name so."""
        if not self.main:
            return
        brand = brand_of(self.entities[self.main].name)
        if not brand:
            return
        sharing = [e for e in self.entities.values() if e.kind == "org" and simplified(e.name).startswith(brand)]
        self._brand_to_main(brand, sharing)
        if not self.surface.get(brand):
            self.surface.pop(brand, None)  # unknown, or shared and so pointing at none: the article's company
            self._alias(self.main, brand)

    def _brand_to_main(self, brand: str, sharing: list[Entity]) -> None:
        """The brand alone, in Chinese or in English (芮贝, Ruibei), is the article's own company, never
        a subsidiary that shares it (芮贝(柬埔寨)食品 is Ruibei Food, but Ruibei is 芮贝宠物)."""
        english = self.english.company(brand)[0]
        main = self.entities[self.main]
        firsts = [a.split()[0] for a in main.aliases if a.isascii() and " " in a.strip()]  # Shenglun (Cycles)
        forms = {f.lower() for f in (brand, english, *firsts)}
        for entity in (e for e in sharing if e.id != self.main):
            taken = [a for a in entity.aliases if simplified(a).lower() in forms]
            entity.aliases = [a for a in entity.aliases if a not in taken]
            for alias in taken:
                self.surface[simplified(alias).lower()] = self.main
                if alias not in main.aliases:
                    main.aliases.append(alias)

    def _called(self, body: str) -> None:
        """芯衡软件科技股份有限公司(下称“芯衡科技”): the full name and the short name the article then uses
        are one company, known by the short name."""
        suffixes = tuple(simplified(w) for w in rules()["entity_suffixes"])
        for called in called_names(body):
            full, short = called.full, called.short
            owner = self.surface.get(simplified(short).lower()) or self._find(short)
            own = simplified(self.entities[owner].name) if owner else ""
            if owner and own not in simplified(full) + simplified(short) and own.endswith(suffixes):
                # 禾沛健康股份有限公司(以下簡稱禾沛): 禾沛 is this company's, not 禾沛生技's, whose name begins the same
                legal = self.surface.get(simplified(full).lower()) or self._find(full)
                if legal and legal != owner:
                    self._release(owner, short)
                owner = legal if legal != owner else ""
            if not owner and simplified(full).endswith(suffixes) and CJK_RUN.fullmatch(simplified(short)):
                # 上海佩樂寵物食品有限公司(簡稱"佩樂寵物"), named once: a company by the article's own words
                self._organisation(short, max(1, body.count(short)), body)
                owner = self.surface.get(simplified(short).lower()) or self._find(short)
            if not owner:
                continue
            merged = self.surface.get(simplified(full).lower()) or self._find(full)
            if merged and merged != owner and self.entities[merged].kind == "org":
                self._merge(owner, merged)
            else:
                self._alias(owner, full)
            for ident in [i for i, e in self.entities.items() if i != owner and e.kind == "org"]:
                name, legal = simplified(self.entities[ident].name), simplified(full)
                if name != legal and name.endswith(legal) and called.lead.endswith(name[: -len(legal)]):
                    self._merge(owner, ident)  # 民營一貫作業鋼廠瀚嶸鋼鐵…: the words before the name were read with it
            if self.entities[owner].name.isascii() and CJK_RUN.fullmatch(simplified(full)):
                self.entities[owner].name = full  # 瀚岳封測(…簡稱Hanyue): named in Chinese, known by its Latin too
            self._known_as(owner, short)
            for other in called.others:
                self._alias(owner, other)
            if called.english:
                self._english_name(owner, called.english)
            opening = called.start < sum(len(p) + 1 for p in body.split("\n")[:2])
            links = rules()["subsidiary_links"]  # 控股子公司…
            if opening and not self.introduced and not any(simplified(w) in called.lead for w in links):
                self.introduced.add(owner)  # the first company the opening names in full, not a subsidiary

    def _glossed(self, body: str) -> None:
        """露玛酒店(Lumastay Hotels), PinDa Global Pte. Ltd.(聘達國際): the Latin name beside it is its English name."""
        quoted = [(m.group(1), m.group(2)) for m in QUOTED_GLOSSED.finditer(body)]
        quoted += [(m.group(2), m.group(1)) for m in LATIN_GLOSSED.finditer(body)]  # PinDa Global Pte. Ltd.(聘達國際)
        for name, latin in [(glossed_name(m.group(1), rules()), m.group(2)) for m in GLOSSED.finditer(body)] + quoted:
            owner = self.surface.get(simplified(name).lower()) if name else None
            if owner and self.entities[owner].kind == "org" and not self.entities[owner].known:
                self._english_name(owner, latin.strip())

    def _merge(self, owner: str, merged: str) -> None:
        """Two entities found for one company: the second's names become the first's."""
        gone = self.entities.pop(merged)
        for key, ident in list(self.surface.items()):
            if ident == merged:
                self.surface[key] = owner
        self.entities[owner].mentions += gone.mentions
        for form in gone.aliases:
            if form not in self.entities[owner].aliases:
                self.entities[owner].aliases.append(form)

    def _full_names(self, body: str) -> None:
        """这家全称为山东穗衡智能农业装备股份有限公司的企业: a legal name given as another company's full name
        (the one whose name it holds: 穗衡智能) is that company."""
        words = "|".join(re.escape(w) for w in rules()["full_name_words"])
        for match in re.finditer(rf"(?:{words})([^\s,,。;;的]{{4,30}}?有限(?:责任|責任)?公司)", body):
            full = simplified(match.group(1))
            merged = self.surface.get(full.lower()) or self._find(match.group(1))
            held = [
                e.id
                for e in self.entities.values()
                if e.kind == "org" and e.id != merged and simplified(e.name) in full and simplified(e.name) != full
            ]
            if merged and held:
                self._merge(max(held, key=lambda i: len(self.entities[i].name)), merged)

    def _legal_names(self) -> None:
        """深圳霽帆科技股份有限公司 beside 霽帆科技: a legal name that is another name found with a place before
        it and a legal suffix after it is that company (北京聯影醫療技術發展有限公司 holds more words: a
        company of its own)."""
        suffixes = sorted((simplified(s) for s in rules()["strong_suffixes"]), key=len, reverse=True)
        for legal in [e for e in self.entities.values() if e.kind == "org"]:
            full = simplified(legal.name)
            suffix = next((s for s in suffixes if full.endswith(s)), "")
            core = full[: len(full) - len(suffix)]
            held = [
                e.id
                for e in self.entities.values()
                if suffix
                and e.kind == "org"
                and e.id != legal.id
                and core.endswith(simplified(e.name))
                and len(core) - len(simplified(e.name)) <= rules()["place_prefix_max"]
            ]
            if held and legal.id in self.entities:
                self._merge(max(held, key=lambda i: len(self.entities[i].name)), legal.id)

    def _stems(self, plain_body: str) -> None:
        """澄曜博远生物技术(上海)有限公司, later called 澄曜博远: the legal name without its place and legal suffix,
        and without the trade word it ends with, when the article writes that stem on its own more often; a
        name with no legal suffix loses only a trade word (奥瑞利斯治疗, later 奥瑞利斯)."""
        suffixes = sorted((simplified(s) for s in rules()["strong_suffixes"]), key=len, reverse=True)
        words = {simplified(s) for s in [*rules()["entity_suffixes"], *rules()["trade_words"]]} - set(suffixes)
        trades = sorted(words, key=len, reverse=True)
        bare_trades = sorted((simplified(s) for s in rules()["trade_words"]), key=len, reverse=True)
        for entity in [e for e in self.entities.values() if e.kind == "org"]:
            full = simplified(entity.name)
            suffix = next((s for s in suffixes if full.endswith(s)), "")
            core = re.sub(r"\([^()]{1,6}\)$", "", full[: len(full) - len(suffix)]) if suffix else full
            stems = [core]
            ends = trades if suffix else bare_trades  # 奥瑞利斯治疗, later 奥瑞利斯: a trade word, not 航空 of 鲲程航空
            while trade := next((t for t in ends if stems[-1].endswith(t) and len(stems[-1]) - len(t) >= 2), ""):
                stems.append(stems[-1][: -len(trade)])  # 鲲程博远物流技术: 鲲程博远物流, 鲲程博远
            if suffix and len(stems) == 1 and len(core) >= 4:
                stems.append(core[:-2])  # 晶萃珠宝有限公司, later 晶萃: an industry word no list holds
            halves = [h for h in (full[:2], full[2:]) if h not in senses()]  # 智聯招聘: 智聯; 同道獵聘: 獵聘
            stems += halves if not suffix and len(full) == 4 and CJK_RUN.fullmatch(full) and len(halves) == 1 else []
            for stem in stems:
                if len(stem) >= 2 and plain_body.count(stem) > plain_body.count(full) and stem not in self.surface:
                    self._alias(entity.id, stem)

    def _english_name(self, ident: str, name: str) -> None:
        """The English name the article gives, and the shorter forms readers write (Huancheng Interactive
        Entertainment Group: … Entertainment, Huancheng Interactive, Huancheng)."""
        self.entities[ident].english = name
        for form in [name, *shorter_forms(name)]:
            self._alias(ident, form)

    def _known_as(self, ident: str, short: str) -> None:
        """凜川智倉科技有限公司(下稱「凜川智倉」): the article names the company by its short name from now on,
        in Chinese and in English."""
        entity = self.entities[ident]
        if len(simplified(short)) < len(simplified(entity.name)):
            entity.name = short
        english, others, _ = self.english.company(short)
        for form in [short, english, *others]:
            self._alias(ident, form)

    def _find(self, name: str) -> str:
        """The organisation whose name is `name` or begins with it (芯衡软件科技 of 芯衡软件科技股份有限公司)."""
        plain = simplified(name)
        for ident, entity in self.entities.items():
            own = simplified(entity.name)
            if entity.kind == "org" and (own == plain or plain.startswith(own) or own.startswith(plain)):
                return ident
        return ""

    def _release(self, ident: str, form: str) -> None:
        """A short name taken from an entity it was guessed for, the article giving it to another."""
        entity = self.entities[ident]
        forms = {form, _traditional(form, self.to_traditional), simplified(form)}
        entity.aliases = [a for a in entity.aliases if a not in forms]
        self.surface.pop(simplified(form).lower(), None)

    def _alias(self, ident: str, form: str) -> None:
        key = simplified(form).lower()
        owner = self.surface.get(key)
        if not key or key in self.english.suffixes or (owner is not None and owner != ident):  # 有限公司 names none
            if owner is not None:  # Hengneng of 恒能电力 and 恒能岷江水电: neither's, or the main company's (__init__)
                self.shared.setdefault(key, (set(), form))[0].update({owner, ident} - {""})
                if owner:
                    self._release(owner, form)
                self.surface[key] = ""
            return
        self.surface[key] = ident
        entity = self.entities[ident]
        for variant in dict.fromkeys([form, _traditional(form, self.to_traditional), simplified(form)]):
            if variant not in entity.aliases:
                entity.aliases.append(variant)
        if re.search(r"[()（）]", form):  # 穗衡(泰國)農業機械: also written without its brackets
            self._alias(ident, re.sub(r"[()（）]", "", form))

    # -- the article's own company ----------------------------------------------------------------

    def _main(self) -> str:
        """The organisation the article is about: the one its first paragraph introduces by a short name
        (晨躍健體控股有限公司(下稱「晨躍」)), named in the title and the opening, and most often by any of
        its names (晨躍 counts for 晨躍健體)."""
        scores: Counter[str] = Counter()
        opening = simplified(self.title + "\n" + "\n".join(self.paragraphs[:2])).lower()
        text = self.plain_body.lower()
        orgs = {i: {simplified(a).lower() for a in e.aliases if a.strip()} for i, e in self.entities.items()}
        title = simplified(self.title).lower()
        for ident, entity in self.entities.items():
            if entity.kind != "org":
                continue
            brand = brand_of(entity.name)  # 晟輪 counts for 晟輪車業 too, not only for 晟輪歐洲 that took it
            forms = sorted({*orgs[ident], *([brand] if brand else [])}, key=len, reverse=True)
            said = len(re.findall("|".join(re.escape(f) for f in forms), text)) if forms else 0
            others = [a for i, names in orgs.items() if i != ident for a in names]
            own = [f for f in forms if not any(a.startswith(f) for a in others)]  # 晟輪 names neither of two
            scores[ident] = max(entity.mentions, said) + 3 * any(f in opening for f in own)
            scores[ident] += 3 * any(f in title for f in own)
            scores[ident] += 10 * (ident in self.introduced)
        return scores.most_common(1)[0][0] if scores else ""

    def forget(self, idents: set[str]) -> None:
        """Well-known companies the article names only as its own sales channels (抖音 of 抖音渠道): no entity."""
        for ident in idents:
            self.entities.pop(ident, None)
        self.surface = {form: ident for form, ident in self.surface.items() if ident not in idents}

    def table(self) -> dict[str, str]:
        """Every surface form (simplified, lower case) -> entity id, for scanning sentences."""
        return {form: ident for form, ident in self.surface.items() if ident}

    def concepts(self, vocabulary: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The entities as gazetteer concepts; a company of the `vocabulary` only when the article gives it a
        short name (陽明 of 陽明海運): the vocabulary's concept, which the pack's `extends`."""
        out: dict[str, dict[str, Any]] = {}
        for ident, entity in self.entities.items():
            if entity.known:
                if entity.aliases:
                    out[ident] = {**vocabulary[ident], "extends": ident, "aliases": list(entity.aliases)}
                continue
            zh = _traditional(entity.name, self.to_traditional)
            names = {"zh-Hant": zh, "zh-Hans": simplified(entity.name), "en": entity.english}
            out[ident] = {"kind": "entity", "names": names, "aliases": [a for a in entity.aliases if fold(a)]}
        return out
