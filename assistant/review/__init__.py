"""`assistant review`: review a drafted pack fact by fact (a Textual front end beside the chat)."""
