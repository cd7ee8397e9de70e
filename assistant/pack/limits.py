"""The limits every fact pack is held to, so that loading or checking any pack takes bounded time and memory.

Each limit is an order of magnitude above what a real pack needs (the 100× generated pack of bench/scale.py:
10,061 facts, 92 YAML files of at most 63 KB, 350,000 YAML nodes in all). They live in code, not in the
pack: a pack must not be able to raise its own limits.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

MAX_YAML_BYTES = 2 * MIB  # one YAML file
MAX_TEXT_BYTES = 2 * MIB  # one article text file
MAX_PACK_BYTES = 64 * MIB  # every file of the pack together
MAX_PACK_FILES = 5_000  # files under facts/ and intents/
MAX_YAML_DEPTH = 32  # nesting of mappings and lists in one file (the schema needs 5)
MAX_YAML_NODES = 1_000_000  # nodes of all YAML files together, aliases expanded
MAX_STRING_CHARS = 10_000  # one YAML string: a quote is a sentence, an alias a word
MAX_NUMBER_CHARS = 40  # one YAML number, as written (a 5,000-digit integer is not a paragraph number)
MAX_PARAGRAPH_CHARS = 20_000  # one paragraph (a line of an article text)
MAX_FACTS = 50_000  # facts and derived figures of the pack
MAX_CONCEPTS = 50_000
MAX_EXAMPLES = 200  # example questions of the pack
MAX_SKIP_PATTERNS = 100  # per source
MAX_PATTERN_CHARS = 500  # one regular expression
REGEX_BUDGET_SECONDS = 1.0  # all `skip` matching of a pack (the regex module may overrun it up to 3x)
MAX_FIGURE = 10**15  # a figure in its own scale (103 in 103億元); larger ones are typing errors
MAX_FIGURE_DECIMALS = 8
