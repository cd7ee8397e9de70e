"""`assistant draft`: a first pack for a new article, every fact marked for review."""
