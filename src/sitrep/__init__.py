"""sitrep: news about armed conflict in, a trustworthy ACLED-style event database out.

The pipeline runs one way: ingest -> nlp -> extract -> resolve -> link -> store -> export/cli.
"""

__version__ = "0.1.0"
