"""``mizan library import DIR [--manifest FILE.csv]``: bring a folder of documents into the library.

Contract (issue 6): the manifest's columns are exactly
``path,symbol,title_ar,title_en,body,type,date,language,public`` — ``path`` relative to DIR,
``date`` as YYYY, YYYY-MM or YYYY-MM-DD, ``language`` ar or en, ``public`` yes or no. Without a
manifest every file in DIR is imported as internal, titled with its file name.

Each row is its own transaction: a bad row (missing file, empty file, bad date, duplicate
content) is reported with its line number and skipped, and the rest of the import goes on.
A manifest whose header lacks a column is refused before anything is written. Rows of one
import that share a symbol (one in Arabic, one in English) become one document with two
language versions.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mizan.core.partial_dates import PartialDate, PartialDateError
from mizan.core.sensitivity import Sensitivity
from mizan.library import services
from mizan.library.models import (
    BODY_VOCABULARY,
    TYPE_VOCABULARY,
    DocumentVersion,
    Language,
)

MANIFEST_COLUMNS = (
    "path",
    "symbol",
    "title_ar",
    "title_en",
    "body",
    "type",
    "date",
    "language",
    "public",
)
YES = {"yes", "y", "true", "1", "نعم"}
NO = {"no", "n", "false", "0", "لا", ""}


class ManifestError(Exception):
    """The manifest as a whole cannot be used (nothing was imported)."""


@dataclass
class ImportReport:
    imported: list[DocumentVersion] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (path, existing document)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportRow:
    line: int
    path: str
    symbol: str = ""
    title_ar: str = ""
    title_en: str = ""
    body: str = ""
    doc_type: str = ""
    date: str = ""
    language: str = ""
    public: str = "no"


def read_manifest(manifest: Path) -> list[ImportRow]:
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(
            _("The manifest %(name)s cannot be read as UTF-8 text: %(error)s")
            % {"name": manifest.name, "error": exc}
        ) from exc
    reader = csv.DictReader(text.splitlines())
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in MANIFEST_COLUMNS if column not in header]
    if missing:
        raise ManifestError(
            _("The manifest lacks the column(s) %(missing)s; expected: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ",".join(MANIFEST_COLUMNS)}
        )
    rows = []
    for line, raw in enumerate(reader, start=2):
        values = {(key or "").strip(): (value or "").strip() for key, value in raw.items()}
        rows.append(
            ImportRow(
                line=line,
                path=values["path"],
                symbol=values["symbol"],
                title_ar=values["title_ar"],
                title_en=values["title_en"],
                body=values["body"],
                doc_type=values["type"],
                date=values["date"],
                language=values["language"].lower(),
                public=values["public"].lower(),
            )
        )
    return rows


def rows_without_manifest(directory: Path) -> Iterator[ImportRow]:
    for line, path in enumerate(sorted(p for p in directory.rglob("*") if p.is_file()), start=1):
        if path.name.startswith("."):
            continue
        yield ImportRow(line=line, path=str(path.relative_to(directory)), title_en=path.stem)


def _resolve(directory: Path, relative: str) -> Path | None:
    """The file ``relative`` inside ``directory``; None if it escapes the folder."""
    candidate = (directory / relative).resolve()
    root = directory.resolve()
    if candidate != root and root not in candidate.parents:
        return None
    return candidate


def _document_data(row: ImportRow, actor: Any) -> dict[str, Any]:
    if row.public not in YES | NO:
        raise ValidationError(
            _("“public” must be yes or no, not “%(value)s”.") % {"value": row.public}
        )
    date = None
    if row.date:
        try:
            date = PartialDate.parse(row.date)
        except PartialDateError as exc:
            raise ValidationError(
                _("The date “%(value)s” is not YYYY, YYYY-MM or YYYY-MM-DD.") % {"value": row.date}
            ) from exc
    title_en = row.title_en
    if not (row.title_ar or row.title_en or row.symbol):
        title_en = Path(row.path).stem
    return {
        "symbol": row.symbol,
        "title_ar": row.title_ar,
        "title_en": title_en,
        "body": services.term_for(BODY_VOCABULARY, row.body, actor=actor) if row.body else None,
        "doc_type": (
            services.term_for(TYPE_VOCABULARY, row.doc_type, actor=actor) if row.doc_type else None
        ),
        "date": date,
        "sensitivity": Sensitivity.PUBLIC if row.public in YES else Sensitivity.INTERNAL,
    }


def import_directory(
    directory: Path,
    *,
    actor: Any,
    manifest: Path | None = None,
    extraction: str = "inline",
    dry_run: bool = False,
    say: Callable[[str], None] = print,
) -> ImportReport:
    """Import every row (or every file); report what was imported, skipped and why."""
    if not directory.is_dir():
        raise ManifestError(_("%(path)s is not a folder.") % {"path": directory})
    rows = read_manifest(manifest) if manifest else list(rows_without_manifest(directory))
    report = ImportReport()
    total = len(rows)
    # Rows of one import with the same symbol are the language versions of one document.
    by_symbol: dict[str, Any] = {}
    for number, row in enumerate(rows, start=1):
        prefix = f"[{number}/{total}] {row.path}"
        where = _("line %(line)d") % {"line": row.line} if manifest else row.path

        def problem(message: str, where: str = where, prefix: str = prefix) -> None:
            report.problems.append(f"{where}: {message}")
            say(f"{prefix}: {message}")

        if row.language and row.language not in Language.values:
            problem(_("“language” must be ar or en, not “%(value)s”.") % {"value": row.language})
            continue
        path = _resolve(directory, row.path) if row.path else None
        if path is None:
            problem(_("the path is empty or points outside the folder."))
            continue
        if not path.is_file():
            problem(_("no such file in the folder."))
            continue
        try:
            data = _document_data(row, actor)
        except ValidationError as exc:
            problem(" ".join(exc.messages))
            continue
        if path.stat().st_size == 0:
            problem(_("the file is empty (0 bytes); nothing was imported for it."))
            continue
        if dry_run:
            say(f"{prefix}: " + _("would be imported"))
            continue
        try:
            # The document and its file are written together or not at all; the text is
            # extracted after the commit, so a long OCR never holds the database.
            language = row.language or _guess_language(row)
            with transaction.atomic(), path.open("rb") as stream:
                document = by_symbol.get(row.symbol) if row.symbol else None
                if document is not None and document.versions.filter(language=language).exists():
                    document = None  # a second file in the same language: its own document
                if document is None:
                    document = services.document_create(actor=actor, data=data)
                else:
                    missing_titles = {
                        name: data[name]
                        for name in ("title_ar", "title_en")
                        if data[name] and not getattr(document, name)
                    }
                    if missing_titles:
                        services.document_update(
                            actor=actor, document=document, data=missing_titles
                        )
                version = services.version_add(
                    actor=actor,
                    document=document,
                    language=language,
                    stream=stream,
                    original_name=path.name,
                    import_path=row.path,
                    extraction="none" if extraction == "inline" else extraction,
                )
            if extraction == "inline":
                version = services.version_extract(version_id=version.pk)
        except services.DuplicateFile as duplicate:
            report.duplicates.append((row.path, duplicate.version.document_id))
            say(
                f"{prefix}: "
                + _("already in the library (same content as document %(id)d); skipped.")
                % {"id": duplicate.version.document_id}
            )
            continue
        except ValidationError as exc:
            problem(" ".join(exc.messages))
            continue
        if row.symbol:
            by_symbol.setdefault(row.symbol, document)
        report.imported.append(version)
        state = version.get_status_display()
        if version.message:
            state = f"{state} — {version.message}"
        say(f"{prefix}: " + _("document %(id)d; %(state)s") % {"id": document.pk, "state": state})
    return report


def _guess_language(row: ImportRow) -> str:
    return Language.ARABIC if row.title_ar and not row.title_en else Language.ENGLISH
