"""A record of a list for the linkage tests: every column of the generator's lists, empty unless
given (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.synthetic import FIELDS


def person(**values: str) -> dict[str, str]:
    return {field: values.get(field, "") for field in FIELDS}
