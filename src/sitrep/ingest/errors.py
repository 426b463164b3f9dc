"""One-line, user-facing input problems."""

from __future__ import annotations


class IngestError(Exception):
    """A file (or one line of it) that cannot be read as an article; the run goes on without it."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
