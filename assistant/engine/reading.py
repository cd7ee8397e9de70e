"""Question -> Reading: every piece of the folded question with what it is.

Periods (the grammar), intent cues, concepts (exact and typo-tolerant), quoted numbers and stop words
are found; whatever is left is *unknown*. An unknown piece that looks like a period, a metric or a unit
is kept as not understood, so that the question is refused with a reason instead of being answered
without it. Nothing here decides what to answer; that is `interpret` and `decide`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz, process

from assistant.engine.answer import Role, Token
from assistant.engine.lexicon import Hit, Lexicon, content_units
from assistant.engine.partial_names import PartialNames
from assistant.engine.vocabulary import Vocabulary
from assistant.lang.normalize import fold
from assistant.lang.numbers import strip_decimals
from assistant.lang.periods import PeriodGrammar, PeriodMention
from assistant.lang.scripts import CJK, CJK_RUN, LATIN_WORD

TYPO_OF_A_NAME = 85  # a capitalised name this similar to a company's Latin name is that name misspelt
_CAPITALISED = re.compile(r"(?<![A-Za-z])([a-z]?[A-Z][A-Za-z0-9&\-]+(?:\s+[A-Z][A-Za-z&\-]+(?![A-Za-z0-9]))*)('s|’s)?")
_LETTERS_ONTO_CJK = re.compile(r"(?<![a-z0-9])[a-z]+(?=[\u3400-\u9fff])")  # folded: qq of QQ音乐
_GLUED_NAME_CHARS = 4
_QUOTED = re.compile(
    r"(?<![\d.a-z])(\d+(?:\.\d+)?)\s*(%|万元|亿元|万|亿|元|人|个|家|款|张|倍"
    r"|(?:million|billion|mn|bn|m|k)(?![a-z]))?"
)
_SCALE_WORDS = {"万": 4, "万元": 4, "亿": 8, "亿元": 8, "k": 3, "m": 6, "mn": 6, "million": 6, "bn": 9, "billion": 9}
_CLAUSE_END = re.compile(r"[。.!?;!?;]+")
_KIND_ROLE: dict[str, Role] = {
    "entity": "entity",
    "metric": "metric",
    "segment": "segment",
    "qualifier": "qualifier",
    "unit": "unit",
}


@dataclass(frozen=True)
class QuotedNumber:
    """A number the question itself gives (0.2849%, 7000万元): it points at the fact stating it."""

    value: Decimal
    unit: str | None
    start: int
    end: int

    @property
    def base(self) -> Decimal:
        """The value in plain units: 28.4872 million is 28487200, as 2848.72萬 is."""
        return self.value.scaleb(_SCALE_WORDS.get(self.unit or "", 0))


@dataclass
class Reading:
    """Everything found in one question, with spans into `folded`."""

    question: str
    folded: str
    periods: list[PeriodMention] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    cues: dict[str, int] = field(default_factory=dict)
    cue_spans: list[tuple[int, int, str]] = field(default_factory=list)
    numbers: list[QuotedNumber] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    unread: list[tuple[str, str]] = field(default_factory=list)
    content: set[str] = field(default_factory=set)
    worded: set[str] = field(default_factory=set)  # `content` less the asking words and periods: what it is about
    context_spans: list[tuple[int, int]] = field(default_factory=list)

    def as_written(self, start: int, end: int) -> str:
        """A piece of the folded question as the asker wrote it (機器人業務, not 机器人业务), when folding kept
        the length; else as folded."""
        same = len(self.question) == len(self.folded)
        return self.question[start:end] if same else self.folded[start:end]

    def in_context_only(self, hit: Hit) -> bool:
        """Whether a mention stands in a statement that only sets the scene ("文章提到聯影智能的融資。")."""
        return any(s <= hit.start < e for s, e in self.context_spans)


class Reader:
    """Reads questions for one pack: its lexicons, period grammar and word lists."""

    def __init__(self, lexicon: Lexicon, cues: Lexicon, grammar: PeriodGrammar, vocabulary: Vocabulary) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.grammar = grammar
        self.vocabulary = vocabulary
        self.partial = PartialNames(lexicon, vocabulary.line_generic, vocabulary.stopwords, vocabulary.line_names)
        suffixes = "|".join(re.escape(s) for s in sorted(vocabulary.company_suffixes, key=len, reverse=True))
        self._suffix = re.compile(suffixes) if suffixes else None
        stops = sorted((w for w in vocabulary.stopwords if not w.isascii()), key=len, reverse=True)
        self._cjk_stops = re.compile("|".join(re.escape(w) for w in stops)) if stops else None
        currencies = sorted(vocabulary.currency_words, key=len, reverse=True)
        self._currency = re.compile("|".join(re.escape(w) for w in currencies)) if currencies else None

    def read(self, question: str, folded: str) -> Reading:
        folded = self.vocabulary.as_written(folded)
        reading = Reading(question=question, folded=folded)
        roles: list[tuple[int, int, Role, str]] = []
        for mention in self.grammar.scan(folded):
            reading.periods.append(mention)
            roles.append((mention.start, mention.end, "period", mention.period.canonical() if mention.period else ""))
            if mention.problem:
                reading.unread.append((mention.text, "period"))
        period_spans = [(m.start, m.end) for m in reading.periods]
        exact = self.lexicon.exact(folded)
        names = [(h.start, h.end) for h in exact if h.target.kind == "entity"]
        for hit in self.cues.overlapping(folded):
            if any(hit.start < e and s < hit.end and (hit.start < s or hit.end > e) for s, e in names):
                continue  # 对联 inside 联影医疗对联影智能 is no couplet
            reading.cues[hit.target.id] = reading.cues.get(hit.target.id, 0) + 1
            reading.cue_spans.append((hit.start, hit.end, hit.target.id))
            roles.append((hit.start, hit.end, "cue", hit.target.id))
        protected = [(s, e) for s, e, _ in reading.cue_spans]
        for hit in sorted(self.lexicon.with_typos(folded, exact, protected), key=lambda h: h.start):
            if any(s <= hit.start < e for s, e in period_spans):
                continue
            reading.hits.append(hit)
            roles.append((hit.start, hit.end, _KIND_ROLE.get(hit.target.kind, "qualifier"), hit.target.id))
        for hit in self.partial.hits(folded, [(s, e) for s, e, _, _ in roles]):  # "deposition sales"
            reading.hits.append(hit)
            roles.append((hit.start, hit.end, "segment", hit.target.id))
        self._numbers(reading, roles)
        self._rest(reading, roles)
        self._clauses(reading)
        wording = list(folded)
        for hit in reading.hits:
            if hit.target.kind == "entity":
                wording[hit.start : hit.end] = " " * (hit.end - hit.start)
        reading.content = content_units(strip_decimals("".join(wording)), self.vocabulary.stopwords)
        for start, end in [*((s, e) for s, e, _ in reading.cue_spans), *period_spans]:
            wording[start:end] = " " * (end - start)
        reading.worded = content_units(strip_decimals("".join(wording)), self.vocabulary.stopwords)
        return reading

    def _numbers(self, reading: Reading, roles: list[tuple[int, int, Role, str]]) -> None:
        taken = _mask(reading.folded, [(s, e) for s, e, _, _ in roles])
        for match in _QUOTED.finditer(taken):
            try:
                value = Decimal(match.group(1))
            except InvalidOperation:  # pragma: no cover - the pattern only matches digits
                continue
            reading.numbers.append(QuotedNumber(value, match.group(2), match.start(), match.end()))
            roles.append((match.start(), match.end(), "number", match.group(1)))

    def _rest(self, reading: Reading, roles: list[tuple[int, int, Role, str]]) -> None:
        """Stop words and unknown pieces of what is left; the unknown ones that look like something
        the engine should have read are kept as not understood."""
        folded = reading.folded
        rest = _mask(folded, [(s, e) for s, e, _, _ in roles])
        unknown_run: list[tuple[int, int]] = []
        for match in LATIN_WORD.finditer(rest):
            word = match.group()
            known = word in self.vocabulary.stopwords or word.rstrip("s") in self.vocabulary.stopwords
            roles.append((match.start(), match.end(), "stop" if known else "unknown", ""))
            if known:
                unknown_run = []
                continue
            joined = bool(unknown_run) and not rest[unknown_run[-1][1] : match.start()].strip(" -")
            unknown_run = [*unknown_run, (match.start(), match.end())] if joined else [(match.start(), match.end())]
            self._latin_part(reading, unknown_run, roles)
        for match in CJK_RUN.finditer(rest):
            self._cjk_piece(reading, match.start(), match.group(), roles)
        reading.unknown_names = self._unknown_names(reading, rest)
        self._narrowed_lines(reading, roles)
        roles.sort()
        reading.tokens = [
            Token(text=folded[s:e], start=s, end=e, role=role, value=value) for s, e, role, value in roles
        ]

    def _cjk_piece(self, reading: Reading, offset: int, run: str, roles: list[tuple[int, int, Role, str]]) -> None:
        position, named = 0, -1  # named: where the unread piece before a pointer (刻蚀机 of 刻蚀机这块业务) starts
        stops = list(self._cjk_stops.finditer(run)) if self._cjk_stops else []
        for stop in [*stops, None]:
            end = stop.start() if stop else len(run)
            piece = run[position:end]
            if piece:
                roles.append((offset + position, offset + end, "unknown", ""))
                part = self._part_end(piece + (stop.group() if stop else ""))  # 寿险子|公司: 公司 is a stop word
                if not part and named >= 0 and self._pointed_part(piece):  # 刻蚀机这块业务: a line named before
                    part, position = position - named + len(piece), named
                kind = "part" if part else self._looks_like(piece)
                rate = _rate_of_measure(reading, offset + position, piece)
                if rate:  # 闭店率: a rate of the measure 闭店 names, not that measure
                    reading.unread.append((reading.as_written(rate[0], rate[1]), "metric"))
                elif kind:
                    until = offset + position + (part or len(piece))
                    reading.unread.append((reading.as_written(offset + position, until), kind))
            if stop:
                roles.append((offset + stop.start(), offset + stop.end(), "stop", ""))
                pointed = len(piece) >= 2 and not part and stop.group()[:1] in _POINTERS
                after_line = any(e == offset + position and role == "segment" for _, e, role, _ in roles)
                named = position if pointed and not after_line else -1  # 屠宰|肉食这块: the line named, said on
                position = stop.end()

    def _latin_part(
        self, reading: Reading, run: list[tuple[int, int]], roles: list[tuple[int, int, Role, str]]
    ) -> None:
        """Unread words right before a part word ("robotics division", "charging operations business")
        name a part of a company the engine does not know; not when a known name follows the part word ("the
        charging-platform subsidiary Lantuo Zhichong" describes a company the engine knows)."""
        generic = set(self.vocabulary.part_generic)
        run = [(s, e) for s, e in run if reading.folded[s:e] not in generic and e - s > 1]  # 's of 青禾电机's
        if not run:
            return
        folded = reading.folded
        after = _skip(folded, run[-1][1], " -")
        words = self.vocabulary.part_words  # "robotics division", "App分部" (a Chinese part word after it too)
        found = [m for w in words if (m := re.compile(rf"{re.escape(w)}(?:e?s)?(?![a-z])").match(folded, after))]
        if found:
            named = _skip(folded, found[0].end(), " ")
            if any(start == named and role == "entity" for start, _, role, _ in roles):
                return
            piece = reading.as_written(run[0][0], run[-1][1])
            reading.unread = [u for u in reading.unread if u[1] != "part" or u[0] not in piece]
            reading.unread.append((piece, "part"))

    def _narrowed_lines(self, reading: Reading, roles: list[tuple[int, int, Role, str]]) -> None:
        """An unread Chinese word right before a line (宠物CT) may ask for a narrower line than the article's:
        kept as not understood, and checked against the article's words later. English words are not: a
        drafted pack's English names its lines in other words than readers do (eye-care, cold-chain)."""
        folded = reading.folded
        breaks = (*self.vocabulary.not_modifiers, *self.vocabulary.part_generic)
        before = {e: s for s, e, role, _ in roles if role == "unknown" and not folded[s:e].isascii()}
        for hit in (h for h in reading.hits if h.target.kind == "segment" and h.start in before):
            piece = folded[before[hit.start] : hit.start]
            if 2 <= len(piece) <= 4 and not any(w in piece for w in breaks):
                reading.unread.append((reading.as_written(hit.start - len(piece), hit.start), "modifier"))

    def _looks_like(self, piece: str) -> str | None:
        """What an unread Chinese piece looks like: a period (二三年), a unit (美元), a part of a company
        (机器人业务) or a metric (周转率)."""
        if self.grammar.looks_like_period(piece):
            return "period"
        if self._currency and self._currency.search(piece):
            return "unit"
        for suffix in self.vocabulary.metric_suffixes:
            if piece.endswith(suffix) and len(piece) >= 2:
                return "metric"
        return None

    def _part_end(self, piece: str) -> int:
        """Where a name and the part word after it end in an unread piece (越南工厂 in 越南工厂计划), 0 when
        the piece names no part: two characters at least besides generic and counting words (各, 两条)."""
        for word in self.vocabulary.part_words:
            at = piece.find(word) if not word.isascii() else -1
            if at > 0 and len(self._part_name(piece[:at])) >= 2:
                return at + len(word)
        return 0

    def _pointed_part(self, piece: str) -> bool:
        """Whether a piece is a part word with only a counting word before it (块业务 of 这块业务, 个项目): the
        part a pointer names, its name written before the pointer."""
        for word in (*self.vocabulary.part_words, *self.vocabulary.pointed_parts):
            if not word.isascii() and piece.endswith(word):
                return not self._part_name(_COUNTING.sub("", "这" + piece[: -len(word)]))
        return False

    def _part_name(self, before: str) -> str:
        """What names the part in the words before a part word, generic words (各, 主要, 该) and counts
        (两条, 三大) left out."""
        for word in sorted(self.vocabulary.part_generic, key=len, reverse=True):
            before = before.replace(word, "")
        return _COUNTING.sub("", before)

    def _clauses(self, reading: Reading) -> None:
        """A question of several sentences asks in the ones with a question word or mark; names in the
        others only set the scene."""
        folded = reading.folded
        bounds, start = [], 0
        for match in _CLAUSE_END.finditer(folded):
            if re.match(r"\d", folded[match.end() : match.end() + 1]) and match.group() == ".":
                continue  # 12.62 is a number, not two sentences
            bounds.append((start, match.end()))
            start = match.end()
        if start < len(folded):
            bounds.append((start, len(folded)))
        if len(bounds) < 2:
            return
        asking = [self._asks(reading, s, e) for s, e in bounds]
        if any(asking) and not all(asking):
            reading.context_spans = [b for b, asks in zip(bounds, asking, strict=True) if not asks]

    def _asks(self, reading: Reading, start: int, end: int) -> bool:
        text = reading.folded[start:end]
        if text.rstrip().endswith("?") or any(s < end and start < e for s, e, _ in reading.cue_spans):
            return True
        return any(mark in text for mark in self.vocabulary.question_marks)

    def _unknown_names(self, reading: Reading, rest: str) -> list[str]:
        """Company-like names that no alias covers: the question is then about something else."""
        names = self._unread_before_suffix(reading, rest) + self._glued_names(reading, rest)
        stopwords, known = self.vocabulary.stopwords, self.vocabulary.known
        question = reading.question
        for match in _CAPITALISED.finditer(question):
            words = match.group(1)
            parts = words.lower().split()
            while parts and parts[0] in stopwords:
                parts.pop(0)  # "What Was", "The General Motors"
            lowered = " ".join(parts)
            if (
                not parts
                or lowered in known
                or fold(lowered) in known  # Company-wide, folded to company wide
                or all(p in known for p in parts)
                or (
                    process.extractOne(lowered, self.vocabulary.names, scorer=fuzz.ratio, score_cutoff=TYPO_OF_A_NAME)
                    and any(h.target.kind == "entity" for h in reading.hits)
                )
            ):
                continue  # "Zeyuan Dairy" is a stranger although "Dairy" is in "Heyu Dairy"; "Untied Imaging" is not,
                # when read as the company it is a typo of ("Jin Man Tong Jewellery", read as no company, is one)
            if lowered not in rest and fold(lowered) not in rest:
                continue  # Segway-Ninebot is folded to segway ninebot
            is_first = question[: match.start()].strip() == ""
            if is_first and len(parts) == 1 and not match.group(2) and words[0].isupper():
                after = question[match.end() :].split()
                following = fold(after[0]).strip("?,.!") if after else ""
                opener = following in stopwords or following in self.vocabulary.question_marks
                # "Galaxy 嘅 net debt": a name before Chinese words, not jargon (YTD 累計營收)
                chinese_after = bool(following) and not following.isascii() and not words.isupper()
                if not chinese_after and (opener or following not in known or following in self.vocabulary.names):
                    continue  # "Since when…", "Describe UIH…": a capital opening a sentence; "Rivian revenue?" names
            # iPhone, eBay, General Motors: a name wherever it stands
            names.append(" ".join(words.split()[len(words.split()) - len(parts) :]))
        return names

    def _glued_names(self, reading: Reading, rest: str) -> list[str]:
        """A Latin word written onto Chinese characters nothing reads (QQ音乐, BOSS直聘): one brand's name,
        even when the Latin half alone is a word (boss), never a word and its measure (ARPPU增速)."""
        folded, found = reading.folded, []
        for match in _LETTERS_ONTO_CJK.finditer(folded):
            run = CJK_RUN.match(rest, match.end())
            if not run:
                continue  # the characters after are read (Q3营收, EBITDA率 when 率 is a word)
            stop = self._cjk_stops.search(run.group()) if self._cjk_stops else None
            piece = run.group()[: stop.start()] if stop else run.group()
            glued = re.search(rf"(?i){re.escape(match.group())}[\u3400-\u9fff]", reading.question)
            if glued and 2 <= len(piece) <= _GLUED_NAME_CHARS:  # guidance 中位數: two words as written
                found.append(reading.as_written(match.start(), match.end() + len(piece)))  # longer: unread words
        return found

    def _unread_before_suffix(self, reading: Reading, rest: str) -> list[str]:
        """Unread names before a company suffix (安井食品; 华住 of 华住集团 where 集团 is a word of the pack): a
        company the article never names. Not a common noun (这家公司, 子公司) nor a suffix read as a measure
        (扩能项目要投资: the investment asked for)."""
        folded, found = reading.folded, []
        for match in self._suffix.finditer(folded) if self._suffix else ():
            if any(h.start <= match.start() < h.end and h.target.kind == "metric" for h in reading.hits):
                continue
            stop = self._cjk_stops.match(rest, match.end()) if self._cjk_stops else None
            if CJK.match(rest, match.end()) and not stop:
                continue  # 生物识别: the suffix begins a longer word the engine did not read (not 华润医药的…)
            start = match.start()
            while start > 0 and CJK.match(rest, start - 1):
                start -= 1
            run = rest[start : match.start()]
            stops = list(self._cjk_stops.finditer(run)) if self._cjk_stops else []
            name = (run[stops[-1].end() :] if stops else run)[-6:]
            generic = name.endswith(self.vocabulary.company_generic) or _COUNTING.search(name[-2:])
            if len(name) >= 2 and not generic:
                found.append(reading.as_written(match.start() - len(name), match.end()))
        return found


_POINTERS = ("这", "那", "该")  # folded: 這 is 这
_COUNTING = re.compile(r"[一二两三四五六七八九十几多每这那各]+[条项个块家类大种款]")


def _skip(text: str, position: int, chars: str) -> int:
    """The first position from `position` on that is not one of `chars`."""
    while position < len(text) and text[position] in chars:
        position += 1
    return position


def _rate_of_measure(reading: Reading, start: int, piece: str) -> tuple[int, int] | None:
    """Where a measure's name and the 率 right after it stand (闭店率, 开店率): a rate the pack has no name for,
    never the measure itself; None when the piece is no such 率."""
    if not piece.startswith("率"):
        return None
    named = [h for h in reading.hits if h.end == start and h.target.kind == "metric"]
    return (named[0].start, start + 1) if named else None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
