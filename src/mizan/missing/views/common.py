"""What the pages of the registry of the missing share: the permissions they check and a small
parsing helper."""

from __future__ import annotations

VIEW = "missing.view_missingperson"
ADD = "missing.add_missingperson"
CHANGE = "missing.change_missingperson"
IMPORT = "missing.import_sourcelist"


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
