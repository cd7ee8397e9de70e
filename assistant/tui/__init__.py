"""The Textual chat front end; the only part of the package that imports textual."""
