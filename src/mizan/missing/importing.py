"""Reading lists of names from CSV and XLSX files, row by row, and checking every row.

The reader never holds a whole file: CSV is decoded as a stream, XLSX is read with openpyxl's
read-only mode. A file is read twice by an import — once to check it (the dry run), once to
write it — and both passes apply exactly the same checks (``check_row``), so the import writes
what the dry run showed.

Problems are stored as codes with parameters (never with the names from the file) and turned
into words in the reader's language by ``problem_message``: a dry run started in English can be
read in Arabic.

Steps of a check:

1. refuse a file larger than ``MIZAN_MISSING_IMPORT_MAX_BYTES`` before reading it;
2. CSV: decide the encoding by decoding the whole file as UTF-8 in chunks (a BOM settles it
   first); if that fails anywhere, the file is Windows-1256 (what Arabic Excel writes). The
   same pass computes the file's SHA-256. Then the delimiter is sniffed (``,`` ``;`` tab ``|``);
3. XLSX: the first sheet; merged ranges are read from the sheet's XML and each merged value is
   copied into the cells it covers (reported row by row);
4. the header row is matched against the English names and their Arabic aliases
   (``HEADER_ALIASES``); a file without a record id or any name column is refused;
5. each row: bidi controls are removed from every value (reported), Arabic-Indic digits
   become ASCII digits, ``full_name`` is split into parts when the parts are empty, the record
   id must be present and unique in the file, the birth year must be a year, the length of each
   field must fit.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy

from mizan.core.partial_dates import PartialDate, PartialDateError
from mizan.linkage.features import sex_of
from mizan.linkage.lists import HEADER_ALIASES as LIST_HEADER_ALIASES
from mizan.linkage.lists import (
    HEADERS,
    ORIGIN_COLUMN,
    RANK_COLUMN,
    RESIDENCE_COLUMN,
    list_column,
    mother_in_full_name,
    rank_in_row,
    resolve_bare_name,
    resolve_fallbacks,
    without_rank,
)
from mizan.linkage.problems import (
    BORN_TWO_DIGITS,
    not_given,
    since_date,
    two_digit_birth_year,
    written_year,
)
from mizan.text import (
    clean_name,
    has_bidi_controls,
    normalise_for_search,
    strip_bidi_controls,
    to_ascii_digits,
)
from mizan.text.dates import date_orders, month_first, month_in, writes_month_first
from mizan.text.names import parse_full_name

COLUMNS = HEADERS  # DESIGN.md's list columns, one definition (mizan.linkage.lists)
NAME_COLUMNS = ("first_name", "father_name", "grandfather_name", "family_name")
TEXT_COLUMNS = (*NAME_COLUMNS, "full_name", "mother_name", "birth_place", "place_of_arrest")

# English and Arabic headers: one table with `mizan link` (documented in the user guide).
HEADER_ALIASES = LIST_HEADER_ALIASES
# Columns the registry has no field for, but whose cell its matching reads from the original row
# (``review.runs.linkage_row``, ``lists.column_in_row``) as ``mizan link`` reads it from a list:
# the rank (the import also leaves it out of a full name that writes it again), the family's
# village of origin, a register's place of residence.
# The import says so of such a column instead of "kept in the original row only".
READ_FROM_ROW = (RANK_COLUMN, ORIGIN_COLUMN, RESIDENCE_COLUMN)
# The registry stores a sex by these words; the lists' ways of writing one are ``mizan link``'s
# (``features.sex_of``: M/F, ذكر/أنثى, a Swedish file's K).
SEX_STORED = {"M": "male", "F": "female"}
MAX_LENGTHS = {
    "record_id": 100,
    "full_name": 400,
    "first_name": 100,
    "father_name": 100,
    "grandfather_name": 100,
    "family_name": 200,
    "mother_name": 200,
    "birth_place": 200,
    "national_id": 50,
    "place_of_arrest": 200,
}
ERROR, WARNING = "error", "warning"
PROBLEMS_KEPT = 1000  # the first problems are kept row by row; all are counted

MESSAGES: dict[str, Any] = {
    "too_large": gettext_lazy(
        "The file is %(size)s MB; the largest file accepted is %(limit)s MB. Split it into "
        "several lists, or ask an administrator to raise MIZAN_MISSING_IMPORT_MAX_BYTES."
    ),
    "unknown_format": gettext_lazy(
        "Only CSV and XLSX files can be imported (this one ends in “%(suffix)s”)."
    ),
    "bad_xlsx": gettext_lazy("The spreadsheet cannot be read: it is damaged or not an XLSX file."),
    "empty": gettext_lazy("The file is empty: there is no header row."),
    "no_record_id": gettext_lazy(
        "The header has no record_id column (or an Arabic equivalent such as “رقم السجل”)."
    ),
    "no_name": gettext_lazy(
        "The header has no name column: full_name or first_name/family_name "
        "(or an Arabic equivalent such as “الاسم الكامل”)."
    ),
    "duplicate_header": gettext_lazy("The column %(column)s appears twice in the header."),
    "unknown_column": gettext_lazy(
        "The column “%(header)s” is not one of the known columns; it is kept in the original "
        "row only."
    ),
    "row_column": gettext_lazy(
        "The column “%(header)s” has no field of its own in the registry; it is kept in the "
        "original row, and the matching reads it from there."
    ),
    "bad_encoding": gettext_lazy(
        "The file stops being readable as %(encoding)s near line %(line)s. Save it again as "
        "UTF-8 and import it again."
    ),
    "bad_csv": gettext_lazy("The file is not a readable CSV near line %(line)s: %(detail)s"),
    "too_many_rows": gettext_lazy(
        "The file has more than %(limit)s rows; split it into several lists."
    ),
    "empty_record_id": gettext_lazy("The record id is empty."),
    "duplicate_record_id": gettext_lazy(
        "The record id “%(record_id)s” was already used in row %(first_row)s."
    ),
    "no_name_in_row": gettext_lazy("The row has no name."),
    "bidi_removed": gettext_lazy(
        "Invisible direction-control characters were removed from %(column)s."
    ),
    "bad_birth_year": gettext_lazy(
        "The birth year “%(value)s” is not a year between 1900 and now (a misread digit?); it "
        "is kept in the original row, flagged in the review and compared as missing."
    ),
    "unclosed_quote": gettext_lazy(
        "A quoted field opened on line %(line)s is never closed: everything after it would be "
        "read as one cell. Close the quote and import the file again; nothing was imported."
    ),
    "bad_date": gettext_lazy(
        "The date of arrest “%(value)s” cannot be read; it is kept in the original row only."
    ),
    "month_first_list": gettext_lazy(
        "The list writes its dates month first, as American forms do (dates that can only be "
        "read so, such as 04/15/2013: %(dates)s). Its dates that could be read either way are "
        "read month first too: 04/07/2013 is 7 April 2013 (dates read so: %(reread)s)."
    ),
    "unknown_sex": gettext_lazy(
        "The sex “%(value)s” is not recognised; it is kept in the original row only."
    ),
    "too_long": gettext_lazy("%(column)s is longer than %(limit)s characters."),
    "merged_cells": gettext_lazy(
        "%(column)s comes from cells merged in the spreadsheet; the value of row %(from_row)s "
        "was copied."
    ),
    "extra_cells": gettext_lazy("The row has more cells than the header has columns."),
    "list_not_empty": gettext_lazy(
        "This list already has its records. Import a further file as a new list."
    ),
    "internal": gettext_lazy("The import stopped on an unexpected error; nothing was imported."),
    "binary": gettext_lazy(
        "This file is not a list of names: it holds binary data (%(what)s) near line "
        "%(line)s. Save the list as CSV (UTF-8) or XLSX and import it again."
    ),
    "line_too_long": gettext_lazy(
        "Line %(line)s is longer than %(limit)s characters: the file is damaged or is not a "
        "list of names (a list has one person per line)."
    ),
}


ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "cp1256": "Windows-1256",
    "xlsx": "XLSX",
}


def encoding_label(code: str) -> str:
    """The name people know an encoding by (what Excel and Notepad call it)."""
    return ENCODING_LABELS.get(code, code)


class ImportRefused(Exception):
    """A problem with the whole file: nothing can be imported from it."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def __str__(self) -> str:
        return problem_message({"code": self.code, "params": self.params})


def problem_message(problem: dict[str, Any]) -> str:
    """A stored problem in words, in the active language."""
    code = problem["code"]
    params = dict(problem.get("params") or {})
    if code == "unknown_column" and read_from_row(str(params.get("header", ""))):
        # Stored before the import told the two apart: the matching reads this one.
        code = "row_column"
    template = MESSAGES.get(code, code)
    if "column" in params:
        params["column"] = column_label(params["column"])
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)


def column_label(column: str) -> str:
    return column if column in COLUMNS else str(column)


def max_bytes() -> int:
    return int(getattr(settings, "MIZAN_MISSING_IMPORT_MAX_BYTES", 512 * 1024 * 1024))


def max_rows() -> int:
    return int(getattr(settings, "MIZAN_MISSING_IMPORT_MAX_ROWS", 2_000_000))


def max_line_chars() -> int:
    return int(getattr(settings, "MIZAN_MISSING_IMPORT_MAX_LINE_CHARS", 1_048_576))


# How much of a file is looked at before anything else is read (the first chunk).
FIRST_CHUNK_BYTES = 64 * 1024
XLSX_MAGIC = b"PK\x03\x04"
# Control bytes no text list holds (tab, line breaks, form feed, vertical tab — an in-cell line
# break for some programs — and the DOS end-of-file mark are allowed).
_CONTROL_BYTES = bytes(b for b in range(1, 32) if b not in (9, 10, 11, 12, 13, 26))


def check_first_bytes(chunk: bytes, *, suffix: str) -> None:
    """Refuse, from the first chunk alone, a file that cannot be a list of names.

    A CSV may not hold a NUL byte (unless it is UTF-16, which starts with its byte-order mark)
    nor more than 1 % of other control bytes; an XLSX must start like a ZIP archive. Without
    this a 400 MB file of NULs was read as one 400 MB line before the CSV reader gave up.
    """
    if suffix in (".xlsx", ".xlsm"):
        if chunk and not chunk.startswith(XLSX_MAGIC):
            raise ImportRefused("bad_xlsx")
        return
    if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    _refuse_nul(chunk, lines_before=0)
    controls = sum(chunk.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls * 100 > len(chunk):
        raise ImportRefused("binary", what="0x01-0x1F", line=1)


def _refuse_nul(chunk: bytes, *, lines_before: int) -> None:
    nul = chunk.find(b"\x00")
    if nul >= 0:
        line = lines_before + chunk.count(b"\n", 0, nul) + 1
        raise ImportRefused("binary", what="NUL", line=line)


def _header_key(text: str) -> str:
    cleaned = strip_bidi_controls(str(text)).replace("\ufeff", "").strip()
    return normalise_for_search(cleaned.replace("_", " ").replace("-", " "))


_HEADER_LOOKUP: dict[str, str] = {}
for _column, _aliases in HEADER_ALIASES.items():
    for _alias in (_column, *_aliases):
        _HEADER_LOOKUP[_header_key(_alias)] = _column


def match_header(cells: list[Any]) -> tuple[dict[int, str], list[dict[str, Any]]]:
    """Map column positions to known columns; report unknown and duplicated headers."""
    mapping: dict[int, str] = {}
    problems: list[dict[str, Any]] = []
    seen: set[str] = set()
    found: list[str | None] = [
        _HEADER_LOOKUP.get(_header_key(cell)) if cell is not None and str(cell).strip() else None
        for cell in cells
    ]
    resolve_fallbacks(found, cells, _header_key)
    resolve_bare_name(found, cells, _header_key)
    for index, cell in enumerate(cells):
        text = "" if cell is None else str(cell)
        if not text.strip():
            continue
        column = found[index]
        if column is None:
            code = "row_column" if read_from_row(text) else "unknown_column"
            problems.append(_problem(1, "", code, WARNING, header=text.strip()[:80]))
            continue
        if column in seen:
            raise ImportRefused("duplicate_header", column=column)
        seen.add(column)
        mapping[index] = column
    if "record_id" not in seen:
        raise ImportRefused("no_record_id")
    if "full_name" not in seen and not seen.intersection(NAME_COLUMNS):
        raise ImportRefused("no_name")
    return mapping, problems


def read_from_row(header: str) -> bool:
    """Whether a header the registry has no field for heads a column its matching reads from
    the original row (``READ_FROM_ROW``: «الرتبة», `rank`)."""
    return list_column(header) in READ_FROM_ROW


@functools.lru_cache(maxsize=256)
def _headers_of(keys: tuple[str, ...]) -> dict[str, str]:
    """The header (of ``keys``, a stored row's) each known column was read from
    (``match_header``); nothing when the header no longer reads."""
    try:
        mapping, _problems = match_header(list(keys))
    except ImportRefused:
        return {}
    return {column: keys[index] for index, column in mapping.items()}


def verbatim_cell(raw: dict[str, Any], column: str) -> str:
    """The cell of a stored row (``SourceRecord.raw``, keyed by the file's headers) that the
    import read ``column`` from, as the file wrote it; '' when none."""
    header = _headers_of(tuple(raw.keys())).get(column)
    value = raw.get(header) if header is not None else None
    return "" if value is None else str(value)


def _problem(row: int, column: str, code: str, severity: str, **params: Any) -> dict[str, Any]:
    if column:
        params["column"] = column
    return {"row": row, "column": column, "code": code, "severity": severity, "params": params}


# --- Reading ------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if not value.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass
class RowSource:
    """The rows of a file: the header cells, then ``(row number, cells)`` one at a time."""

    path: Path
    kind: str  # "csv" or "xlsx"
    size: int
    encoding: str = ""
    sha256: str = ""
    header: list[str] = field(default_factory=list)
    merged: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) → source row
    _position: Callable[[], float] = lambda: 0.0

    def fraction_read(self) -> float:
        return self._position()


def file_digest_and_encoding(path: Path, *, text: bool = True) -> tuple[str, str]:
    """SHA-256 of the file and, for text, its encoding: UTF-8 if every byte decodes so, else
    Windows-1256."""
    digest = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = text
    first = True
    encoding = "utf-8"
    # Arabic letters already read as valid UTF-8 before an invalid byte mean a damaged UTF-8
    # file, not a Windows-1256 one: reading it as 1256 would turn every name into nonsense.
    seen_utf8_letters = False
    lines_before = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1024 * 1024):
            digest.update(chunk)
            if first:
                first = False
                if chunk.startswith(codecs.BOM_UTF8):
                    encoding = "utf-8-sig"
                elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    encoding = "utf-16"
                    is_utf8 = False
            if text and encoding != "utf-16":
                _refuse_nul(chunk, lines_before=lines_before)
            if is_utf8:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError as error:
                    good = chunk[: error.start]
                    if seen_utf8_letters or (good and max(good) >= 0x80):
                        raise ImportRefused(
                            "bad_encoding",
                            encoding="UTF-8",
                            line=lines_before + good.count(b"\n") + 1,
                        ) from None
                    is_utf8 = False
                else:
                    seen_utf8_letters = seen_utf8_letters or max(chunk) >= 0x80
            lines_before += chunk.count(b"\n")
        if is_utf8:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False
    if encoding == "utf-16":
        return digest.hexdigest(), encoding
    if not is_utf8:
        encoding = "cp1256"
    return digest.hexdigest(), encoding


def _iter_csv(path: Path, source: RowSource) -> Iterator[tuple[int, list[Any]]]:
    binary = path.open("rb")
    text = io.TextIOWrapper(binary, encoding=source.encoding, newline="", errors="strict")
    try:
        sample = text.read(64 * 1024)
    except UnicodeDecodeError:
        binary.close()
        raise ImportRefused("bad_encoding", encoding=source.encoding, line=1) from None
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    text.seek(0)
    size = max(source.size, 1)
    source._position = lambda: min(1.0, binary.tell() / size)
    # Strict: a quote never closed would otherwise swallow the rest of the file into one cell.
    reader = csv.reader(_bounded_lines(text, max_line_chars()), dialect, strict=True)
    line = 0
    try:
        for cells in reader:
            line = reader.line_num
            yield line, cells
    except UnicodeDecodeError:
        raise ImportRefused("bad_encoding", encoding=source.encoding, line=line + 1) from None
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportRefused("unclosed_quote", line=line + 1) from None
        raise ImportRefused("bad_csv", line=line + 1, detail=str(exc)[:200]) from None
    finally:
        binary.close()


def _bounded_lines(text: io.TextIOBase, limit: int) -> Iterator[str]:
    """The file's lines, each read with a length limit: a file without line breaks (binary, or
    damaged) is refused after ``limit`` characters instead of being held whole in memory."""
    number = 0
    while True:
        line = text.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit:
            raise ImportRefused("line_too_long", line=number, limit=f"{limit:,}")
        yield line


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode():
        number = number * 26 + ord(letter) - 64
    return number


def xlsx_merged_ranges(path: Path, worksheet_path: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges (first row, first column, last row, last column) of one sheet.

    openpyxl's read-only mode does not expose merged cells; they are listed after the sheet's
    data, so the sheet's XML is scanned as a stream of bytes (never loaded whole).
    """
    ranges: list[tuple[int, int, int, int]] = []
    with zipfile.ZipFile(path) as archive, archive.open(worksheet_path) as member:
        tail = b""
        while chunk := member.read(1024 * 1024):
            buffer = tail + chunk
            last_end = 0
            for found in _MERGE_RE.finditer(buffer):
                c1, r1, c2, r2 = found.groups()
                ranges.append((int(r1), _column_number(c1), int(r2), _column_number(c2)))
                last_end = found.end()
            # keep a tail so a tag cut between two chunks is found in the next round
            tail = buffer[max(last_end, len(buffer) - 200) :]
    return sorted(set(ranges))


def _iter_xlsx(path: Path, source: RowSource) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged file
        raise ImportRefused("bad_xlsx") from None
    try:
        sheet = workbook.worksheets[0]
        worksheet_path = getattr(sheet, "_worksheet_path", "")
        ranges = xlsx_merged_ranges(path, worksheet_path) if worksheet_path else []
        total = max(int(sheet.max_row or 1), 1)
        current = [0]
        source._position = lambda: min(1.0, current[0] / total)
        # (row, col) → (row, col) of the top-left cell whose value it shows
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for r1, c1, r2, c2 in ranges:
            for row in range(r1, r2 + 1):
                for col in range(c1, c2 + 1):
                    if (row, col) != (r1, c1):
                        covered[(row, col)] = (r1, c1)
        wanted_tops = set(covered.values())
        top_values: dict[tuple[int, int], Any] = {}
        header_seen = False
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            current[0] = number
            cells = list(values)
            # The header row is taken as it is: a title merged over several columns must not
            # turn into a column named twice.
            if covered and header_seen:
                for col in range(1, len(cells) + 1):
                    if (number, col) in wanted_tops:
                        top_values[(number, col)] = cells[col - 1]
                width = max([len(cells)] + [c for (r, c) in covered if r == number])
                cells.extend([None] * (width - len(cells)))
                for col in range(1, width + 1):
                    top = covered.get((number, col))
                    if top is not None and cells[col - 1] in (None, ""):
                        cells[col - 1] = top_values.get(top)
                        source.merged[(number, col - 1)] = top[0]
            header_seen = header_seen or any(v not in (None, "") for v in cells)
            yield number, [_cell_text(value) for value in cells]
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportRefused("bad_xlsx") from None
    finally:
        workbook.close()


def open_source(
    path: Path, *, file_name: str = ""
) -> tuple[RowSource, Iterator[tuple[int, list[Any]]]]:
    """Check the file's size and kind; return the source and its rows (header first)."""
    size = path.stat().st_size
    limit = max_bytes()
    if size > limit:
        raise ImportRefused(
            "too_large", size=f"{size / 1024 / 1024:,.0f}", limit=f"{limit / 1024 / 1024:,.0f}"
        )
    suffix = Path(file_name or path.name).suffix.lower()
    if suffix in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        with path.open("rb") as stream:
            check_first_bytes(stream.read(FIRST_CHUNK_BYTES), suffix=suffix)
    if suffix in (".csv", ".txt", ".tsv"):
        digest, encoding = file_digest_and_encoding(path)
        source = RowSource(path=path, kind="csv", size=size, encoding=encoding, sha256=digest)
        return source, _iter_csv(path, source)
    if suffix in (".xlsx", ".xlsm"):
        digest, _encoding = file_digest_and_encoding(path, text=False)
        source = RowSource(path=path, kind="xlsx", size=size, encoding="xlsx", sha256=digest)
        return source, _iter_xlsx(path, source)
    raise ImportRefused("unknown_format", suffix=suffix or "—")


# --- Checking one row ---------------------------------------------------------------------------


_WORDS = re.compile(r"[^\W\d_]")


def _year_in_words(text: str) -> int | None:
    """The year ``mizan link`` reads in a cell that writes words beside its digits («مواليد
    1979», «04/04/1396H», «تموز 2011»); None for digits alone, which the registry's own reader
    judges (an OCR'd 1470, a day that does not exist)."""
    return written_year(text, plausible=True) if _WORDS.search(text) else None


def _year(text: str) -> int | None:
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return year if 1900 <= year <= date.today().year else None  # noqa: DTZ011
    try:
        return PartialDate.parse(text).year
    except PartialDateError:
        # … or, where words are written beside the digits, as ``mizan link`` reads it:
        # «مواليد 1979», a Hijri date («04/04/1396H»), «مواليد 85» (the word "born" says the two
        # digits are a year). Digits alone stay as they are (1470).
        if BORN_TWO_DIGITS.match(text):
            return two_digit_birth_year(text)
        return _year_in_words(text)


# A date written month first, as an American or a medical NGO's form writes it, where its
# numbers leave no doubt: "04/15/2013" is 15 April (no month 15).
_MONTH_FIRST = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")


def _written_date(text: str) -> PartialDate:
    """A date of arrest as the registry stores it: a date such as 2013-04-07 or 07/04/2013, or,
    as ``mizan link`` reads it, a year with its month in words («تموز 2011», «نيسان 2013»,
    "avril 2013") or a year in a sentence. Raises ``PartialDateError`` when none is read."""
    text = since_date(text)  # «موقوف منذ 15/4/2013», «منذ تاريخ 2/3/2012»: the date itself
    try:
        return PartialDate.parse(text)
    except PartialDateError:
        month_first = _MONTH_FIRST.fullmatch(text)
        if month_first is not None and int(month_first[1]) <= 12 < int(month_first[2]):
            month, day, year_text = month_first.groups()
            return PartialDate.parse(f"{year_text}-{int(month):02d}-{int(day):02d}")
        year = _year_in_words(text)
        if year is None:
            raise  # 2013-02-30 stays flagged: only words beside a year are read so.
        month = month_in(text)
        return PartialDate.parse(f"{year}-{month:02d}" if month else str(year))


# Set by ``check_row`` on a record (never stored): the record's date cells as
# ``dates.date_orders`` counts them, and its date of arrest read month first where either order
# reads it (04/07/2013: 7 April) — stored instead of the day-first reading when the whole list
# writes its dates month first (``ScanResult.month_first``), as ``mizan link`` decides it.
DATE_ORDERS = "_date_orders"
ARREST_MONTH_FIRST = "_date_of_arrest_month_first"


def _month_first_reading(text: str) -> str:
    """``text``, a date that either order reads (04/07/2013), read month first, as the registry
    stores a date ("2013-04-07"); '' for any other text (17/04/2013, 04/04/2013, 2013-04-07)."""
    match = _MONTH_FIRST.fullmatch(text)
    if match is None or month_first(text) is not None:
        return ""
    month, day, year = (int(number) for number in match.groups())
    if month == day or not (1 <= month <= 12 and 1 <= day <= 12):
        return ""
    try:
        return PartialDate.parse(f"{year}-{month:02d}-{day:02d}").to_storage()
    except PartialDateError:
        return ""


def check_row(
    number: int,
    cells: list[Any],
    mapping: dict[int, str],
    header: list[str],
    merged: dict[tuple[int, int], int],
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """Parse one row: (fields for a SourceRecord, the row verbatim, problems)."""
    problems: list[dict[str, Any]] = []
    raw: dict[str, Any] = {}
    for index, value in enumerate(cells):
        key = header[index] if index < len(header) and header[index] else f"column_{index + 1}"
        raw[key] = value
    if len(cells) > len(header) and any(str(v).strip() for v in cells[len(header) :]):
        problems.append(_problem(number, "", "extra_cells", WARNING))
    values: dict[str, str] = dict.fromkeys(COLUMNS, "")
    for index, column in mapping.items():
        if index >= len(cells):
            continue
        text = "" if cells[index] is None else str(cells[index])
        if has_bidi_controls(text):
            problems.append(_problem(number, column, "bidi_removed", WARNING))
            text = strip_bidi_controls(text)
        if (number, index) in merged:
            problems.append(
                _problem(number, column, "merged_cells", WARNING, from_row=merged[(number, index)])
            )
        values[column] = text
    record: dict[str, Any] = {}
    record_id = " ".join(to_ascii_digits(values["record_id"]).split())
    if not record_id:
        problems.append(_problem(number, "record_id", "empty_record_id", ERROR))
    record["record_id"] = record_id
    for column in TEXT_COLUMNS:
        record[column] = clean_name(values[column])
    if not any(record[c] for c in NAME_COLUMNS):
        if record["full_name"]:
            # The likeliest reading: "HAMWI, Rana Khaled", an upper-case family name, bin/ibn;
            # a rank the list keeps in its own column («النقيب مروان …», rank نقيب) set aside.
            full = without_rank(record["full_name"], rank_in_row(raw)) or record["full_name"]
            # … and the mother a court roll writes after the name («وليد أيمن الأحمد والدته
            # زينب»), hers where her own cell is empty, as ``mizan link`` reads her.
            split = mother_in_full_name(full)
            if split is not None:
                full = split[0]
                record["mother_name"] = record["mother_name"] or clean_name(split[1])
            record.update(parse_full_name(full)[0].parts)
        else:
            problems.append(_problem(number, "", "no_name_in_row", ERROR))
    sex_text = clean_name(values["sex"]).lower()
    record["sex"] = SEX_STORED.get(sex_of(sex_text) or "", "")
    if sex_text and not record["sex"]:
        problems.append(_problem(number, "sex", "unknown_sex", WARNING, value=sex_text[:40]))
    # A cell that says it is not known («غير معروف», "unknown", «00/00/0000») is empty, as for
    # ``mizan link``: the list states what it does not know; there is nothing to flag.
    birth_text = clean_name(to_ascii_digits(values["birth_year"]))
    birth_text = "" if not_given(birth_text) else birth_text
    record["birth_year"] = _year(birth_text) if birth_text else None
    if birth_text and record["birth_year"] is None:
        problems.append(
            # Evidence, not an error (issue 15): lists read from scanned documents carry OCR'd
            # years (1470, 7992); the row is kept and the reviewer sees the flag.
            _problem(number, "birth_year", "bad_birth_year", WARNING, value=birth_text[:40])
        )
    record["national_id"] = "".join(to_ascii_digits(values["national_id"]).split())
    arrest_text = clean_name(to_ascii_digits(values["date_of_arrest"]))
    arrest_text = "" if not_given(arrest_text) else arrest_text
    record["date_of_arrest"], record["arrest_year"] = "", None
    if arrest_text:
        try:
            arrest = _written_date(arrest_text)
        except PartialDateError:
            problems.append(
                _problem(number, "date_of_arrest", "bad_date", WARNING, value=arrest_text[:40])
            )
        else:
            record["date_of_arrest"], record["arrest_year"] = arrest.to_storage(), arrest.year
            record[ARREST_MONTH_FIRST] = _month_first_reading(since_date(arrest_text))
    record[DATE_ORDERS] = date_orders((birth_text, since_date(arrest_text)))
    for column, limit in MAX_LENGTHS.items():
        if len(record[column]) > limit:
            problems.append(_problem(number, column, "too_long", ERROR, limit=limit))
    return record, raw, problems


# --- Walking a whole file -----------------------------------------------------------------------


@dataclass
class ScanResult:
    encoding: str = ""
    sha256: str = ""
    rows: int = 0
    errors: int = 0
    warnings: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    refused: ImportRefused | None = None
    # ``dates.date_orders`` over every row, and whether the list writes its dates month first
    # (``dates.writes_month_first``); the rows' ``ARREST_MONTH_FIRST`` readings are then stored.
    date_orders: list[int] = field(default_factory=lambda: [0, 0, 0])
    month_first: bool = False

    def add(self, found: list[dict[str, Any]]) -> None:
        for problem in found:
            if problem["severity"] == ERROR:
                self.errors += 1
            else:
                self.warnings += 1
            if len(self.problems) < PROBLEMS_KEPT:
                self.problems.append(problem)

    @property
    def ok(self) -> bool:
        return self.refused is None and self.errors == 0


Progress = Callable[[int, float], None]


def walk(
    path: Path,
    *,
    file_name: str = "",
    on_record: Callable[[int, dict[str, Any], dict[str, Any]], None] | None = None,
    progress: Progress | None = None,
    result: ScanResult | None = None,
) -> ScanResult:
    """Read and check every row; hand each checked row to ``on_record``.

    A refusal of the whole file is raised as ``ImportRefused``; problems of single rows are
    collected in the result. ``on_record`` is called for rows without errors only.
    """
    result = result or ScanResult()
    source, rows = open_source(path, file_name=file_name)
    result.encoding, result.sha256 = source.encoding, source.sha256
    header: list[str] | None = None
    mapping: dict[int, str] = {}
    first_rows: dict[str, int] = {}
    rereads = 0
    limit = max_rows()
    for number, cells in rows:
        if header is None:
            if not any(str(c).strip() for c in cells if c is not None):
                continue  # blank lines above the header
            header = [
                strip_bidi_controls(str(c or "")).replace("\ufeff", "").strip() for c in cells
            ]
            mapping, found = match_header(list(cells))
            result.add(found)
            continue
        if not any(str(c).strip() for c in cells if c is not None):
            continue  # blank rows (common at the end of spreadsheets)
        result.rows += 1
        if result.rows > limit:
            raise ImportRefused("too_many_rows", limit=f"{limit:,}")
        record, raw, found = check_row(number, cells, mapping, header, source.merged)
        for index, count in enumerate(record[DATE_ORDERS]):
            result.date_orders[index] += count
        rereads += bool(record.get(ARREST_MONTH_FIRST))
        record_id = record["record_id"]
        if record_id:
            first = first_rows.setdefault(record_id, number)
            if first != number:
                found.append(
                    _problem(
                        number,
                        "record_id",
                        "duplicate_record_id",
                        ERROR,
                        record_id=record_id[:100],
                        first_row=first,
                    )
                )
        result.add(found)
        if on_record is not None and not any(p["severity"] == ERROR for p in found):
            on_record(number, record, raw)
        if progress is not None and result.rows % 2000 == 0:
            progress(result.rows, source.fraction_read())
    if header is None:
        raise ImportRefused("empty")
    result.month_first = writes_month_first(*result.date_orders)
    if result.month_first:
        notice = _problem(
            1, "date_of_arrest", "month_first_list", WARNING,
            dates=result.date_orders[0], reread=rereads,
        )  # fmt: skip
        result.warnings += 1
        result.problems.insert(0, notice)  # on the file's first line, seen first
        del result.problems[PROBLEMS_KEPT:]
    if progress is not None:
        progress(result.rows, 1.0)
    return result
