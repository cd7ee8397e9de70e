"""argparse made to speak in one line: usage errors with a did-you-mean, a lazy --version, ids as typed."""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Sequence
from typing import NoReturn


class ParseError(Exception):
    """argparse found a usage error; the CLI turns it into one line (see `usage_line`)."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises ParseError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise ParseError(self, message)


class Version(argparse.Action):
    """--version: the installed distribution's version, looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("uih-assistant")
        except PackageNotFoundError:
            number = "unknown (not installed)"
        print(f"assistant {number}")
        parser.exit()


def conversation_id(text: str) -> int | str:
    """A conversation id as given on the command line: a positive number, or `latest`."""
    if text == "latest":
        return text
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a conversation id (a number, or latest)")
    return int(text)


def _option_strings(parser: argparse.ArgumentParser) -> list[str]:
    """Every option of a parser and of the subcommand parsers below it."""
    found = list(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += _option_strings(child)
    return found


def _command_parser(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.ArgumentParser:
    """The subcommand's parser named in argv (the top parser when none is)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for word in argv:
                if word in action.choices:
                    found: argparse.ArgumentParser = action.choices[word]
                    return found
    return parser


def usage_line(parser: argparse.ArgumentParser, error: ParseError, argv: list[str]) -> str:
    """One line for a usage error, with a did-you-mean for a mistyped option or command."""
    message = error.message
    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        wrong = choice.group(1)
        known = [c.strip(" '") for c in choice.group(2).split(",")]
        close = difflib.get_close_matches(wrong, known, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]}?" if close else f"; choose from {', '.join(known)}"
        kind = "command" if error.parser is parser else "choice"
        return f"{error.parser.prog}: unknown {kind} {wrong!r}{hint}"
    unknown = re.match(r"unrecognized arguments: (.*)", message)
    if unknown:
        scope = _command_parser(parser, argv)
        words = unknown.group(1).split()
        options = _option_strings(scope)
        hints = [
            close[0]
            for w in words
            if w.startswith("-")
            for close in [difflib.get_close_matches(w.split("=")[0], options, n=1, cutoff=0.6)]
            if close
        ]
        hint = f"; did you mean {hints[0]}?" if hints else ""
        return f"{scope.prog}: unknown argument {' '.join(words)}{hint} (see {scope.prog} --help)"
    return f"{error.parser.prog}: {message} (see {error.parser.prog} --help)"
