"""CSV for spreadsheet users, safe from formula injection: the one helper every export uses.

A spreadsheet program opening a CSV file treats a cell that starts with ``=``, ``+``, ``-`` or
``@`` (and, in some programs, a tab or a carriage return) as a formula: a name typed into a form
as ``=HYPERLINK("https://…?"&A2, "open")`` becomes a link that sends the row's neighbours to
someone else when clicked, and older programs run commands (DDE). Following OWASP's advice
("CSV Injection"), every such text cell gets a single quote in front and is otherwise kept as it
was; the csv module quotes cells holding separators, quotes or line breaks. Numbers stay numbers.
JSON exports are not spreadsheets and keep the raw values (docs/exports.md).

This module is plain Python (no Django) so that ``mizan link`` can use it without a database.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

# The ASCII starts OWASP lists, and their full-width forms, which some spreadsheet programs
# fold to ASCII when they read a file.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(values: Iterable[Any]) -> list[Any]:
    return [spreadsheet_safe(value) for value in values]


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


class SpreadsheetCsvWriter:
    """A ``csv.writer`` whose every row goes through :func:`spreadsheet_safe`.

    Without a file it returns each row as a string (for streamed HTTP responses).
    """

    def __init__(self, handle: Any = None, **options: Any) -> None:
        self._writer: _Writer = csv.writer(handle if handle is not None else _Echo(), **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(spreadsheet_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_writer(handle: Any = None, **options: Any) -> SpreadsheetCsvWriter:
    return SpreadsheetCsvWriter(handle, **options)
