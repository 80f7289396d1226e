"""Spreadsheet-safe exports for the apps: the helper itself lives in ``mizan.text.spreadsheet``
(plain Python, so ``mizan.linkage`` can use it without importing Django or ``core``)."""

from mizan.text.spreadsheet import (
    FORMULA_STARTS,
    SpreadsheetCsvWriter,
    csv_writer,
    spreadsheet_row,
    spreadsheet_safe,
)

__all__ = [
    "FORMULA_STARTS",
    "SpreadsheetCsvWriter",
    "csv_writer",
    "spreadsheet_row",
    "spreadsheet_safe",
]
