"""A fact pack on disk -> a validated, compiled Pack: paths, schema, loading, derivations, cache."""
