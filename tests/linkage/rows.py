"""A record of a list for the linkage tests: every column of the generator's lists, empty unless
given (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.features import GERMANIC_LIST
from mizan.linkage.synthetic import FIELDS
from mizan.text import name_keys


def person(**values: str) -> dict[str, str]:
    return {field: values.get(field, "") for field in FIELDS}


def german_person(**values: str) -> dict[str, str]:
    """A record of a list the engine marked as German (a German migration office's files)."""
    return {**person(**values), GERMANIC_LIST: "1"}


def arabic_key(arabic: str) -> str:
    """The key the engine compares an Arabic name by, all its words in one."""
    return "".join(name_keys(arabic))
