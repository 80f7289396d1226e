"""The error every backup action raises (no Django, so the command line can import it early)."""

from __future__ import annotations


class BackupError(Exception):
    """A backup, verify or restore could not be done; the message says why and what to do."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
