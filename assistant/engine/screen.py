"""The stages of a decision that need no look-up, and the check after one.

Before any fact is ranked: refusals asked for (a forecast, advice), parts of the question not understood,
meta questions, unknown companies, follow-ups with nothing to follow, metrics the pack does not hold and
currencies it does not use. After a figure is chosen: a word of the question that the answering sentence
does not use but a few others do, which makes the figure no answer.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace

from assistant.engine.answer import Token
from assistant.engine.conjunctions import Conjunctions
from assistant.engine.decision import Decision
from assistant.engine.frame import Frame
from assistant.engine.lexicon import content_units
from assistant.engine.matcher import FactKeys, Matcher
from assistant.engine.operands import Resolver
from assistant.engine.reading import Reading
from assistant.engine.rounds import Rounds
from assistant.engine.session import Context, Edit, needs_context
from assistant.engine.weights import WEIGHTS
from assistant.lang.normalize import fold
from assistant.lang.scripts import CJK_RUN
from assistant.pack.figures import base_unit
from assistant.pack.model import Pack
from assistant.pack.schema import Fact

PLAIN_UNITS = ("元", "%", "人")  # units every pack answers in, used by its figures or not


class Screen:
    """Decides what can be decided from the question and the pack's vocabulary alone."""

    def __init__(self, pack: Pack, matcher: Matcher, resolver: Resolver, conjunctions: Conjunctions) -> None:
        self.generic_heads = frozenset(fold(w) for w in pack.words.get("generic_heads", []))
        self.short_company_ends = tuple(fold(w) for w in pack.words.get("short_company_ends", []))
        subjects = {f.subject for f in pack.facts.values()}  # the article's companies, not every one known
        names = (fold(a) for s in subjects if s in pack.concepts for a in pack.concepts[s].aliases)
        self.company_names = [n for n in names if 2 <= len(n) <= 5 and not n.isascii()]  # 瑞锋, 晟钛: short names
        self.pack = pack
        self.matcher = matcher
        self.resolver = resolver
        self.conjunctions = conjunctions
        self.units_used = {base_unit(f.unit) for f in pack.facts.values() if f.unit}
        self.part_words = sorted((fold(w) for w in pack.words.get("part_words", [])), key=len, reverse=True)
        self.rounds = Rounds(pack.words)
        self.unit_concepts = {word: cid for cid, word in pack.unit_words().items()}
        generic = {fold(w) for w in (*pack.words.get("part_words", []), *pack.words.get("part_generic", []))}
        lines = [fold(a) for c in pack.concepts.values() if c.kind == "segment" for a in c.aliases]
        pairs = {a[i : i + 2] for a in lines if CJK_RUN.fullmatch(a) for i in range(len(a) - 1)}
        self.line_pairs = frozenset(p for p in pairs if p not in generic)  # 加盟 of 加盟及管理酒店

    def before(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        """The first early stage that decides, in order; None when the question needs a look-up."""
        for stage in (self._refusal, self._unread, self._meta, self._stranger, self._lonely):
            decision = stage(edit, reading, context)
            if decision is not None:
                return decision
        return None

    def _refusal(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        if frame.operation == "refuse":
            return Decision("refuse", frame, frame.detail, confidence=0.9)
        return None

    def _unread(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        unread = [
            (p, k)
            for p, k in reading.unread
            if not (k == "metric" and self._spoken_of(p))
            and not (k == "part" and self._named_in_article(p))
            and not (k == "modifier" and self._in_article(p))
        ]
        if not unread:
            return None
        piece, kind = unread[0]
        return Decision(
            "not_understood", frame, "not_understood", confidence=0.9, fields={"piece": piece, "kind": kind}
        )

    def _spoken_of(self, piece: str) -> bool:
        """Whether the article's sentences share a word with a piece the engine could not read (设被数量
        shares 数量 with 获批数量: a typo of something the article says, not an unknown measure)."""
        folded = fold(piece)  # the piece is shown as written; the article's words are folded
        return any(folded[i : i + 2] in self.matcher.by_unit for i in range(len(folded) - 1))

    @functools.cached_property
    def article(self) -> str:
        """The article's sentences, folded: built on the first question that names a part, not at load."""
        return "\n".join(keys.text for keys in self.matcher.keys.values())

    def _in_article(self, piece: str) -> bool:
        """Whether the article writes any two characters of a word before a line (高端 of 高端CT): then the
        word is likely the article's own; a word it never writes (宠物 of 宠物CT) narrows the line."""
        folded = fold(piece)
        return any(folded[i : i + 2] in self.article for i in range(len(folded) - 1))

    def _named_in_article(self, piece: str) -> bool:
        """Whether the article writes the name before a part word (匈牙利 of 匈牙利工厂): the answering
        sentence is then checked for it instead. English names are never taken for the article's."""
        folded = fold(piece)  # the piece is shown as written; the article's words are folded
        for word in self.part_words:  # the name before a part word, not the part word itself
            if folded.find(word) > 0:
                folded = folded[: folded.find(word)]
                break
        return not folded.isascii() and folded in self.article

    def _meta(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        frame = edit.frame
        others = [e for e in frame.entities if e != self.pack.default_subject]
        if frame.operation == "meta" and not frame.metrics and not frame.segments and not others:
            return Decision("meta", frame, frame.detail, confidence=0.9)
        return None

    def _stranger(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        """A name no alias covers and the article never writes (John Deere, 恒晟微电子 of another article):
        the question is about something the pack knows nothing of. A name the article does write (欧盟AFIR法规)
        is something it speaks of, found by the answering sentence's words instead."""
        frame = edit.frame
        strangers = [n for n in frame.unknown_names if fold(n) not in self.article and not self._latin_head_written(n)]
        if strangers and not frame.entities:
            return Decision("unknown_entity", frame, "unknown_entity", confidence=0.8, fields={"name": strangers[0]})
        return None

    def _latin_head_written(self, name: str) -> bool:
        """Whether a name opening with a Latin word onto Chinese (SAF新草案, AI服务器) opens with a word the article
        writes: something it speaks of, said more narrowly; QQ音乐 or BOSS直聘 it never writes is a stranger."""
        head = re.match(r"[A-Za-z]+(?=[\u3400-\u9fff])", name)
        return head is not None and re.search(rf"(?<![a-z]){head.group().lower()}(?![a-z])", self.article) is not None

    def _lonely(self, edit: Edit, reading: Reading, context: Context) -> Decision | None:
        """A follow-up on the first turn: there is nothing to follow, so ask instead of guessing."""
        frame = edit.frame
        if context.frame is None and needs_context(frame):
            return Decision("need_context", frame, "clarify", confidence=0.3)
        asked = edit.asked or frame
        if asked.pronoun and not asked.entities and context.unsettled:  # who leads? (unanswered) then "its margin"
            return Decision("need_context", frame, "clarify", confidence=0.3)
        if not (asked.has_topic or asked.entities or asked.periods or asked.cues or asked.relative or asked.now):
            return Decision("nothing", frame, "no_fact")  # "¹", "?": nothing asked, nothing taken from before
        return None

    # -- metrics and currencies the pack does not hold -------------------------------------------

    def held(self, frame: Frame) -> tuple[Frame | Decision, list[list[str]]]:
        """Metrics no fact holds (and none can be computed from held ones) are refused by name; in a
        question that also asks for held ones, they become a note."""
        unheld = [m for m in self.matcher.unheld(frame) if not self._computable(m)]
        if not unheld:
            return self._currency(frame), []
        anchored = self._anchored(frame, unheld)
        if anchored is not None:
            return anchored, []
        if len(unheld) == len(frame.metrics) or frame.focus in unheld or not self.conjunctions.join(frame, "metric"):
            return Decision("gap", frame, "unheld_metric", concepts=unheld), []
        kept = replace(frame, metrics=[m for m in frame.metrics if m not in unheld])
        return self._currency(kept), [unheld]

    def _anchored(self, frame: Frame, metrics: list[str]) -> Decision | None:
        """ "The price of the 0.2849% stake": a number the question quotes points at the sentence that
        states it, and that sentence's one figure in the unit the asked measure is in is the answer."""
        units = {c.unit for m in metrics if (c := self.pack.concepts.get(m)) is not None and c.unit}
        if not units or not frame.numbers:
            return None
        quote = self._quote_stating(frame)
        if quote is None:
            return None
        answers = self._figures_beside(frame, quote, units)
        return Decision("figures", frame, "lookup", answers, 0.6) if len(answers) == 1 else None

    def _quote_stating(self, frame: Frame) -> str | None:
        """The one sentence that states a number the question quotes, if only one does."""
        quotes = {
            k.fact.quote
            for k in self.matcher.keys.values()
            if frame.numbers & k.own_numbers and k.fact.derivation is None
        }
        return next(iter(quotes)) if len(quotes) == 1 else None

    def _figures_beside(self, frame: Frame, quote: str, units: set[str]) -> list[Fact]:
        """The other figures of that sentence in the units asked for; of several, those the question's
        other words name ("what price did UIH pay for the 0.70% stake")."""
        answers = [
            k.fact
            for k in self.matcher.keys.values()
            if k.fact.quote == quote
            and k.fact.unit in units
            and k.fact.value is not None
            and k.fact.derivation is None
            and not frame.numbers & k.own_numbers
        ]
        if len(answers) > 1:
            answers = [f for f in answers if any(self.matcher.covers(f, m) for m in frame.metrics)]
        return answers

    def _computable(self, metric: str) -> bool:
        rule = self.resolver.computed.get(metric)
        if rule is None:
            return False
        needed = [m for m in (rule.of, rule.over) if m]
        return all(m in self.matcher.held_metrics for m in needed)

    def _currency(self, frame: Frame) -> Frame | Decision:
        """A question for an amount in a currency the article does not use: the article's figure is
        given as the nearest fact, never converted."""
        used = frame.unit is None or frame.unit in self.units_used or frame.unit in PLAIN_UNITS
        if used or frame.unit not in self.unit_concepts:  # 多少人次 of 門診人次約186.5萬: a count, no currency
            return frame
        return Decision("gap", frame, "wrong_unit", concepts=[self.unit_concepts.get(frame.unit, frame.unit)])

    # -- after the look-up ------------------------------------------------------------------------

    def unmatched(self, reading: Reading, decision: Decision) -> Decision | None:
        """A word of the question the engine could not place, which the article uses in a few other
        sentences but not in the one answering (华北 asked, 常温奶 answered): the question is about
        something the figure is not, so it is no answer. A funding round the question
        names (Series A), or a rank (第二大客户), must be named where the answer comes from, in any answer."""
        other_round = self._other_round(reading, decision)
        if other_round is not None:
            return other_round
        said = " ".join(fold(f.quote) for f in decision.facts if f.value is not None)  # 第二大客户 asked and
        if said and (ranked := [r for r in self.matcher.ranks.findall(reading.folded) if r not in said]):  # 前五大
            return Decision("unmatched", decision.frame, "no_fact", decision.facts, 0.6, fields={"piece": ranked[0]})
        if (
            decision.kind != "figures"
            or len({f.quote for f in decision.facts}) != 1  # one sentence (a figure given with two changes)
            or decision.frame.operation != "lookup"
            or any(f.value is None for f in decision.facts)
        ):
            return None  # statements are found by their words; these checks are for figures
        keys = self.matcher.keys.get(decision.facts[0].id)
        if keys is None:
            return None
        if not decision.frame.metrics and (piece := self._asked_of_nothing(reading, keys)):
            return Decision("unmatched", decision.frame, "no_fact", decision.facts, 0.6, fields={"piece": piece})
        for token in reading.tokens:
            if (
                self._foreign(token, reading, keys.units)
                or self._other_subject(token, reading, keys)
                or self._narrows_to_a_line(token, reading, keys)
            ):
                piece = (
                    reading.question[token.start : token.end]
                    if len(reading.question) == len(reading.folded)
                    else token.text
                )
                return Decision("unmatched", decision.frame, "no_fact", decision.facts, 0.6, fields={"piece": piece})
        return None

    def _asked_of_nothing(self, reading: Reading, keys: FactKeys) -> str:
        """In a question naming no measure, the words besides its line or place when the answering sentence
        shares none of them (在台灣騎電動輔助自行車需要駕照嗎 and 其中台灣員工2310人): what it asks is not
        that figure. '' when none are left or the sentence shares one."""
        named = {u for h in reading.hits if h.target.kind in ("segment", "qualifier") for u in content_units(h.surface)}
        asked = {u for u in reading.worded - named if not u.isascii()}  # English words share none with Chinese
        if len(asked) < 2 or asked & keys.units:
            return ""
        same = len(reading.question) == len(reading.folded)  # the words as typed, in the reader's script
        unknown = [t for t in reading.tokens if t.role == "unknown" and CJK_RUN.fullmatch(t.text)]
        longest = max(unknown, key=lambda t: t.end - t.start, default=None)
        if longest is None:
            return ""
        return reading.question[longest.start : longest.end] if same else longest.text

    def _other_round(self, reading: Reading, decision: Decision) -> Decision | None:
        """A question naming a round (Series A, B輪) answered from paragraphs that name none of its rounds."""
        asked = {
            label: (start, end)
            for label, (start, end) in self.rounds.spans(reading.question).items()
            if not any(s <= start < e for s, e in reading.context_spans)  # "文章提到A輪…。那…" is the scene
        }
        if not asked or not decision.facts or not decision.answered:
            return None
        for fact in decision.facts:
            written = [t for text in (fact.statement, fact.label) if text for t in (text.zh_Hant, text.en)]
            paragraph = (fact.source and self.pack.paragraph(fact.source, fact.paragraph)) or fact.quote
            where = "\n".join([paragraph, *written])  # a reviewed label or statement may name the round
            if not asked.keys() & self.rounds.named(where):
                start, end = min(asked.values())
                piece = fold(reading.question)[start:end]
                at = reading.question.lower().find(piece)  # as the reader wrote it, when folding kept it
                piece = reading.question[at : at + len(piece)] if at >= 0 else piece
                return Decision("unmatched", decision.frame, "no_fact", decision.facts, 0.6, fields={"piece": piece})
        return None

    def _foreign(self, token: Token, reading: Reading, units: frozenset[str]) -> bool:
        """Whether an unplaced Chinese word of the figure's own clause is a word of three characters or
        more that the answering sentence lacks and only a few other sentences use."""
        if (
            token.role != "unknown"
            or not CJK_RUN.fullmatch(token.text)
            or any(s <= token.start < e for s, e in reading.context_spans)
        ):
            return False
        if not _in_the_asked_clause(token, reading):
            return False  # "回款壓力上升,應收賬款多少": the scene, not the figure asked for
        few = max(2, len(self.matcher.keys) // WEIGHTS.specific_word_share)
        text = token.text
        foreign = [
            text[i : i + 2] not in units and 0 < self._sentences_with(text[i : i + 2]) <= few
            for i in range(len(text) - 1)
        ]
        return any(a and b for a, b in itertools.pairwise(foreign))

    def _narrows_to_a_line(self, token: Token, reading: Reading, keys: FactKeys) -> bool:
        """An unplaced word holding words of a line's name (加盟店 of 上半年加盟店的RevPAR, the line being
        加盟及管理酒店), asked of a figure of no line that its sentence does not write them in: the article
        gives that figure for the whole only."""
        if token.role != "unknown" or not CJK_RUN.fullmatch(token.text) or keys.segments:
            return False
        if any(s <= token.start < e for s, e in reading.context_spans):
            return False
        if any(t.role == "entity" and 0 <= t.start - token.end <= 3 for t in reading.tokens):
            return False  # 掃地機龍頭澄碧科技: what the company named next does, not a part of its figure
        if not _in_the_asked_clause(token, reading):
            return False  # 我是一名研究生,…: the scene, not the figure asked for
        pairs = {token.text[i : i + 2] for i in range(len(token.text) - 1)}
        return bool(pairs & self.line_pairs) and not pairs & keys.units

    def _other_subject(self, token: Token, reading: Reading, keys: FactKeys) -> bool:
        """A word opening the question, unread, that the article writes but the answering sentence does
        not (中鋼第三季EPS, 燁聯前三季虧損 answered from the company's own sentence): the question is about
        whatever the article calls by that word, a rival it names in passing, not the company; so is such a
        word the article never writes (群益證2024年EPS, 鸿海7月营收: a company the pack does not know)."""
        if token.start != 0 or token.role != "unknown" or not 2 <= len(token.text) <= 4:
            return False
        after = next((t for t in reading.tokens if t.start >= token.end), None)
        return (
            after is not None
            and after.role == "period"  # a subject then its period: 中鋼第三季, 瑞登2023年底
            and bool(CJK_RUN.fullmatch(token.text))
            and token.text not in self.generic_heads  # 截至2025年6月底, 集團2024年
            and (token.text in self.article or self._unknown_short_name(token.text))
            and token.text not in keys.text
        )

    def _unknown_short_name(self, text: str) -> bool:
        """A word the article never writes that reads as a short company name: it ends like one (群益證), or
        it is two characters, neither of them where a short name of a company the article reports on has it
        (鸿海; not 瑞峰, a typo of 瑞锋)."""
        if len(text) >= 3:
            return text.endswith(self.short_company_ends)
        return len(text) == 2 and not any(text[0] == n[0] or text[1] == n[1] for n in self.company_names)

    def _sentences_with(self, unit: str) -> int:
        """How many of the article's sentences behind the facts use a word."""
        return len({self.matcher.keys[f].fact.quote for f in self.matcher.by_unit.get(unit, ())})


def _in_the_asked_clause(token: Token, reading: Reading) -> bool:
    """Whether a word stands between the same commas as a measure or line the question names."""
    start, end = _comma_clause(reading.folded, token.start)
    return any(t.role in ("metric", "segment") and start <= t.start < end for t in reading.tokens)


def _comma_clause(text: str, position: int) -> tuple[int, int]:
    """The stretch between commas (or sentence ends) around `position`."""
    marks = ",,;;。!?!?"
    start = max(text.rfind(m, 0, position) for m in marks) + 1
    ends = [i for i in (text.find(m, position) for m in marks) if i >= 0]
    return start, min(ends) if ends else len(text)
