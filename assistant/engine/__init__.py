"""Question -> Answer: lexicon, understanding, matching, composition, rendering, conversations."""
