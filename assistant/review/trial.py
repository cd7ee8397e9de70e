"""Questions tried against the pack as it is saved: the pack is loaded afresh (no cache) and asked the
question its templates make for the fact under review, or the reviewer's own; the answer says whether
the fact can be found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant import Assistant, PackError
from assistant.errors import AssistantError


@dataclass(frozen=True)
class Trial:
    """One question and what the pack answered (or why the pack does not load)."""

    question: str
    answer: str = ""
    status: str = ""
    cited: tuple[str, ...] = ()
    fact_id: str = ""
    error: str = ""

    @property
    def verdict(self) -> str:
        """Whether the fact under review answered its own question."""
        if self.error:
            return "the pack does not load"
        if not self.fact_id:
            return self.status.replace("_", " ")
        if self.status == "clarify":
            among = "this fact among them" if self.fact_id in self.cited else "this fact not among them"
            return f"asks which one ({among}): tell the facts apart, or delete one"
        if self.fact_id in self.cited:
            return "answered from this fact"
        if self.cited:
            return f"answered from {', '.join(self.cited)}, not from this fact"
        return f"{self.status.replace('_', ' ')}: this fact is not found"


class Trials:
    """Loads the pack once per saved state and asks it questions."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bot: Assistant | None = None
        self.error = ""

    def reload(self) -> None:
        """Load the pack as saved now, bypassing the compiled-pack cache."""
        try:
            self.bot, self.error = Assistant.load(self.root, use_cache=False), ""
        except PackError as exc:
            self.bot = None
            self.error = "\n".join(str(p) for p in exc.problems[:5])
        except AssistantError as exc:
            self.bot, self.error = None, str(exc)

    def question_for(self, fact_id: str) -> str:
        """The question the pack's templates make for a fact (empty when the fact did not load)."""
        if self.bot is None or fact_id not in self.bot.pack.facts:
            return ""
        return self.bot.renderer.question_for(self.bot.pack.facts[fact_id], "zh-Hant")

    def ask(self, question: str, fact_id: str = "") -> Trial:
        if self.bot is None:
            return Trial(question, error=self.error or "the pack is not loaded", fact_id=fact_id)
        answer = self.bot.ask(question)
        cited = tuple(f.id for f in answer.facts)
        return Trial(question, answer.text, answer.status, cited, fact_id)

    def try_fact(self, fact_id: str) -> Trial:
        """Ask the fact's own question; a fact the loader rejected says why."""
        question = self.question_for(fact_id)
        if not question:
            reason = self.error or f"{fact_id} is not in the loaded pack (see the problems)"
            return Trial("", error=reason, fact_id=fact_id)
        return self.ask(question, fact_id)
