"""Writes on the registry of the missing. Each is atomic and writes its audit entry.

Persons (the missing and their relatives) are created and changed through
``mizan.cases.services`` so that names are cleaned, indexed for suggestions and audited in one
place; this module adds the registry around them.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.cases import services as cases_services
from mizan.cases.models import Person
from mizan.core.audit import Action, audit_record
from mizan.core.background import enqueue_on_commit
from mizan.core.models import Site, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.validators import validate_consent_scopes
from mizan.core.writing import acting_user, assign_changes, next_reference
from mizan.linkage.lists import HEADERS
from mizan.missing import importing
from mizan.missing.models import (
    FamilyContact,
    FamilyReport,
    GraveDocument,
    ImportJob,
    MissingPerson,
    Relative,
    SourceList,
    SourceRecord,
    Status,
    StatusChange,
)

BATCH_SIZE = 2000


# --- Registry files -------------------------------------------------------------------------


def derive_fields(file: MissingPerson) -> None:
    """The indexed fields derived from the place and date of disappearance."""
    file.governorate = file.disappeared_at.governorate if file.disappeared_at else None
    file.disappearance_year = file.disappeared_on.year if file.disappeared_on else None


def missing_person_create(
    *,
    actor: Any,
    data: dict[str, Any],
    person: Person | None = None,
    person_data: dict[str, Any] | None = None,
    source_description: str = "",
) -> MissingPerson:
    """Open a registry file for an existing person or a new one (created through cases).

    The new file starts with a "missing" status change dated at the disappearance.
    A person created here is as protected as the file.
    """
    if person is None and not person_data:
        raise ValidationError(_("Choose a person or type a name."))
    if person is not None and MissingPerson.objects.filter(person=person).exists():
        raise ValidationError(_("This person already has a file in the registry."))
    with transaction.atomic():
        if person is None:
            person = cases_services.person_create(
                actor=actor,
                data={
                    **(person_data or {}),
                    "sensitivity": data.get("sensitivity", 1),
                    "team": data.get("team"),
                },
            )
        file = MissingPerson(
            reference=next_reference(MissingPerson, "MP"),
            person=person,
            created_by=acting_user(actor),
            **data,
        )
        derive_fields(file)
        file.full_clean()
        file.save()
        audit_record(actor=actor, action=Action.CREATE, target=file, fields=list(data))
        status_change_record(
            actor=actor,
            missing_person=file,
            status=Status.MISSING,
            date=file.disappeared_on,
            source_description=source_description,
        )
    return file


def check_open(file: MissingPerson) -> None:
    """A file merged into another takes no new entries: they belong in the kept file."""
    if file.merged_into_id is not None:
        raise ValidationError(
            _("This file was merged into another file; record this in that file instead.")
        )


def missing_person_update(
    *, actor: Any, missing_person: MissingPerson, data: dict[str, Any]
) -> MissingPerson:
    check_open(missing_person)
    with transaction.atomic():
        changed = assign_changes(missing_person, data)
        derive_fields(missing_person)
        missing_person.full_clean()
        missing_person.save()
        audit_record(actor=actor, action=Action.UPDATE, target=missing_person, fields=changed)
    return missing_person


def current_status(changes: Iterable[StatusChange]) -> str:
    """The status the file is in, from its changes in the order they were recorded.

    A later entry replaces the current status, unless both are dated and the later entry is
    certainly older (news of 2013 learnt today does not undo a sighting in 2015).
    """
    current: StatusChange | None = None
    for change in changes:
        if (
            current is not None
            and change.date is not None
            and current.date is not None
            and change.date.is_definitely_before(current.date)
        ):
            continue
        current = change
    return current.status if current else Status.MISSING


def refresh_status(file: MissingPerson) -> None:
    """The file's current status again from its changes (``current_status``)."""
    status = current_status(file.status_changes.order_by("pk"))
    if file.status != status:
        MissingPerson.objects.filter(pk=file.pk).update(status=status)
        file.status = status


def status_change_record(
    *,
    actor: Any,
    missing_person: MissingPerson,
    status: str,
    date: PartialDate | None = None,
    facility: Site | None = None,
    source_description: str = "",
    source_list: SourceList | None = None,
    note: str = "",
) -> StatusChange:
    """Record what became known of the person's fate, with its source."""
    if status not in Status.values:
        raise ValidationError(_("Unknown status."))
    if facility is not None and status != Status.DETAINED:
        raise ValidationError(_("A detention facility goes with the status “known detained”."))
    birth = missing_person.person.birth_date
    if date is not None and birth is not None and date.is_definitely_before(birth):
        raise ValidationError(_("The date is before the person's birth."))
    check_open(missing_person)
    with transaction.atomic():
        change = StatusChange(
            missing_person=missing_person,
            status=status,
            date=date,
            facility=facility,
            source_description=source_description,
            source_list=source_list,
            note=note,
            recorded_by=acting_user(actor),
        )
        change.full_clean()
        change.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=change,
            fields=["status", "date", "facility", "source_description", "source_list"],
            detail={"missing_person": missing_person.pk},
        )
        refresh_status(missing_person)
    return change


def relative_add(
    *,
    actor: Any,
    missing_person: MissingPerson,
    relationship: str,
    person: Person | None = None,
    person_data: dict[str, Any] | None = None,
    contact: dict[str, Any] | None = None,
) -> Relative:
    """Add a relative (a Person, created through cases if new) with their contact details."""
    term = Term.objects.filter(vocabulary="relationship", code=relationship, active=True).first()
    if term is None:
        raise ValidationError(_("Unknown relationship “%(code)s”.") % {"code": relationship})
    if person is None and not person_data:
        raise ValidationError(_("Choose a person or type a name."))
    if person is not None and person.pk == missing_person.person_id:
        raise ValidationError(_("A person cannot be their own relative."))
    check_open(missing_person)
    with transaction.atomic():
        if person is None:
            person = cases_services.person_create(
                actor=actor,
                data={
                    **(person_data or {}),
                    "sensitivity": max(missing_person.sensitivity, 1),
                    "team": missing_person.team,
                },
            )
        relative = Relative(
            missing_person=missing_person, person=person, relationship=term, **(contact or {})
        )
        relative.full_clean()
        relative.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=relative,
            fields=["person", "relationship", *(contact or {})],
            detail={"missing_person": missing_person.pk},
        )
    return relative


def relative_update_contact(*, actor: Any, relative: Relative, data: dict[str, Any]) -> Relative:
    with transaction.atomic():
        changed = assign_changes(relative, data)
        relative.full_clean()
        relative.save()
        audit_record(actor=actor, action=Action.UPDATE, target=relative, fields=changed)
    return relative


def family_report_add(
    *, actor: Any, missing_person: MissingPerson, data: dict[str, Any]
) -> FamilyReport:
    reported_by = data.get("reported_by")
    if reported_by is not None and reported_by.missing_person_id != missing_person.pk:
        raise ValidationError(_("The relative belongs to another file."))
    scopes = list(data.get("consent_scopes") or ())
    if any(term.vocabulary != "consent_scope" for term in scopes):
        raise ValidationError(_("A consent scope must be a term of the consent vocabulary."))
    # As the form asks: at least one scope, and “Internal use only” alone.
    validate_consent_scopes(term.code for term in scopes)
    fields = {name: value for name, value in data.items() if name != "consent_scopes"}
    check_open(missing_person)
    with transaction.atomic():
        report = FamilyReport(missing_person=missing_person, **fields)
        report.full_clean()
        report.save()
        report.consent_scopes.set(scopes)
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=report,
            fields=list(data),
            detail={
                "missing_person": missing_person.pk,
                "consent_scopes": sorted(term.code for term in scopes),
            },
        )
    return report


def family_contact_add(
    *, actor: Any, missing_person: MissingPerson, data: dict[str, Any]
) -> FamilyContact:
    relative = data.get("relative")
    if relative is not None and relative.missing_person_id != missing_person.pk:
        raise ValidationError(_("The relative belongs to another file."))
    if data.get("date") and data["date"] > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    check_open(missing_person)
    with transaction.atomic():
        contact = FamilyContact(
            missing_person=missing_person,
            recorded_by=acting_user(actor),
            **data,
        )
        contact.full_clean()
        contact.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=contact,
            fields=list(data),
            detail={"missing_person": missing_person.pk},
        )
    return contact


def grave_document_create(*, actor: Any, data: dict[str, Any]) -> GraveDocument:
    site = data.get("site")
    if site is not None and site.site_type.code != "mass_grave":
        raise ValidationError(_("Choose a site of type mass grave."))
    with transaction.atomic():
        document = GraveDocument(**data)
        document.full_clean()
        document.save()
        audit_record(actor=actor, action=Action.CREATE, target=document, fields=list(data))
    return document


# --- Source lists and imports ---------------------------------------------------------------


def source_list_create(*, actor: Any, data: dict[str, Any]) -> SourceList:
    with transaction.atomic():
        source_list = SourceList(**data)
        source_list.full_clean()
        source_list.save()
        audit_record(actor=actor, action=Action.CREATE, target=source_list, fields=list(data))
    return source_list


@dataclass
class ImportOutcome:
    scan: importing.ScanResult
    imported: int = 0

    @property
    def ok(self) -> bool:
        return self.scan.ok


def source_list_import(
    *,
    actor: Any,
    source_list: SourceList,
    path: Path,
    file_name: str = "",
    dry_run: bool = False,
    progress: importing.Progress | None = None,
) -> ImportOutcome:
    """Check a file, and unless ``dry_run``, import it into an empty source list at once.

    Steps: refuse a list that already has records (a list is one file: import a further file
    as a new list); read and check every row (the dry run), writing nothing to the database —
    unless this is a dry run, the checked rows are spooled to a private temporary file as JSON
    lines, so the file is parsed once; stop there if any row has an error; otherwise, inside one
    transaction, create the records from the spool with ``bulk_create`` in batches and mark the
    list imported. Any failure rolls everything back, so a list is either empty or complete.
    ``ImportRefused`` is raised for problems of the whole file (size, format, header, encoding).
    """
    file_name = file_name or path.name
    if source_list.state != SourceList.State.EMPTY or source_list.records.exists():
        raise importing.ImportRefused("list_not_empty")
    if dry_run:
        scan = importing.walk(path, file_name=file_name, progress=progress)
        return ImportOutcome(scan=scan)
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", dir=import_dir()) as spool:

        def keep(number: int, record: dict[str, Any], raw: dict[str, Any]) -> None:
            values = [record[c] for c in RECORD_COLUMNS]
            spool.write(json.dumps([number, values, record.get(importing.ARREST_MONTH_FIRST)]))
            spool.write("\t")
            spool.write(json.dumps(raw, ensure_ascii=False))
            spool.write("\n")

        scan = importing.walk(
            path, file_name=file_name, on_record=keep, progress=_phase(progress, 0.0, 0.7)
        )
        outcome = ImportOutcome(scan=scan)
        if not scan.ok:
            return outcome
        spool.seek(0)
        written = 0
        report = _phase(progress, 0.7, 1.0)
        with transaction.atomic():
            batch: list[tuple[Any, ...]] = []
            for line in spool:
                fields, raw = line.rstrip("\n").split("\t", 1)
                number, values, month_first = json.loads(fields)
                if scan.month_first and month_first:  # 04/07/2013 in an American list
                    values[_ARREST_INDEX] = month_first
                batch.append((source_list.pk, number, *values, raw))
                if len(batch) >= BATCH_SIZE:
                    _insert_records(batch)
                    written += len(batch)
                    batch.clear()
                    if report is not None:
                        report(written, written / max(scan.rows, 1))
            if batch:
                _insert_records(batch)
                written += len(batch)
            SourceList.objects.filter(pk=source_list.pk).update(
                state=SourceList.State.IMPORTED,
                record_count=written,
                file_name=file_name[:255],
                file_sha256=scan.sha256,
                file_encoding=scan.encoding,
            )
            source_list.refresh_from_db()
            audit_record(
                actor=actor,
                action=Action.CREATE,
                target=source_list,
                fields=["records"],
                detail={
                    "import": True,
                    "records": written,
                    "sha256": scan.sha256,
                    "encoding": scan.encoding,
                    "warnings": scan.warnings,
                },
            )
    outcome.imported = written
    return outcome


RECORD_COLUMNS = (*HEADERS, "arrest_year")  # the list columns, then what is derived
_ARREST_INDEX = RECORD_COLUMNS.index("date_of_arrest")


def _insert_records(rows: list[tuple[Any, ...]]) -> None:
    """Insert checked records with one prepared statement run over the batch.

    ``bulk_create`` builds and prepares every field of every row through the ORM (and on SQLite
    splits a batch into statements of ~55 rows, its limit of 999 parameters): measured at
    0.25 ms a row, most of an import. The values are already checked and typed here, and the
    row verbatim is already JSON text, so they go to ``executemany`` as they are.
    """
    connection = connections[SourceRecord.objects.db]
    quote = connection.ops.quote_name
    names = ["source_list_id", "row_number", *RECORD_COLUMNS, "raw"]
    raw_placeholder = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    placeholders = ", ".join(["%s"] * (len(names) - 1) + [raw_placeholder])
    # Table and column names come from the model, quoted; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(SourceRecord._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(name) for name in names)}) VALUES ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _phase(
    progress: importing.Progress | None, start: float, end: float
) -> importing.Progress | None:
    if progress is None:
        return None
    callback = progress

    def report(rows: int, fraction: float) -> None:
        callback(rows, start + (end - start) * fraction)

    return report


# --- Background imports (django-tasks) ------------------------------------------------------


def import_dir() -> Path:
    directory = Path(settings.MEDIA_ROOT) / "imports"
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def store_upload(chunks: Iterable[bytes], *, suffix: str) -> tuple[Path, int]:
    """Write an uploaded file to the import directory in chunks; refuse it past the limit, or
    from its first bytes when it cannot be a list (binary data, a false XLSX)."""
    limit = importing.max_bytes()
    handle, name = tempfile.mkstemp(dir=import_dir(), suffix=suffix)
    size = 0
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                if size == 0:
                    importing.check_first_bytes(chunk[: importing.FIRST_CHUNK_BYTES], suffix=suffix)
                size += len(chunk)
                if size > limit:
                    raise importing.ImportRefused(
                        "too_large",
                        size=f"> {limit / 1024 / 1024:,.0f}",
                        limit=f"{limit / 1024 / 1024:,.0f}",
                    )
                out.write(chunk)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name), size


def import_job_start(
    *,
    actor: Any,
    source_list: SourceList,
    path: Path,
    file_name: str,
    dry_run: bool,
) -> ImportJob:
    """Queue a check or an import of a stored file; the task starts once this commits."""
    with transaction.atomic():
        job = ImportJob.objects.create(
            source_list=source_list,
            dry_run=dry_run,
            file_path=str(path),
            file_name=file_name[:255],
            file_size=path.stat().st_size,
            created_by=acting_user(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=job,
            fields=["dry_run"],
            detail={"source_list": source_list.pk, "dry_run": dry_run},
        )
        enqueue_on_commit("mizan.missing.tasks.run_import", job_id=job.pk)
    return job


def progress_path(job: ImportJob) -> Path:
    return import_dir() / f"job-{job.pk}.progress.json"


def read_progress(job: ImportJob) -> dict[str, Any]:
    """Live progress, written by the worker beside the file (the import's transaction is open,
    so progress cannot be written to the database where the page could read it)."""
    try:
        return dict(json.loads(progress_path(job).read_text()))
    except (OSError, ValueError):
        return {"rows": job.rows, "fraction": 1.0 if job.finished else 0.0}


def import_job_run(job_id: int) -> ImportJob:
    """Run one queued job (called by the background task)."""
    job = ImportJob.objects.select_related("source_list", "created_by").get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.RUNNING)
    marker = progress_path(job)

    def progress(rows: int, fraction: float) -> None:
        temporary = marker.with_suffix(".tmp")
        temporary.write_text(json.dumps({"rows": rows, "fraction": round(fraction, 4)}))
        temporary.replace(marker)

    fields: dict[str, Any] = {}
    try:
        outcome = source_list_import(
            actor=job.created_by,
            source_list=job.source_list,
            path=Path(job.file_path),
            file_name=job.file_name,
            dry_run=job.dry_run,
            progress=progress,
        )
    except importing.ImportRefused as refused:
        fields = {
            "state": ImportJob.State.FAILED,
            "problems": [
                {
                    "row": 0,
                    "code": refused.code,
                    "severity": "error",
                    "params": refused.params,
                    "column": "",
                }
            ],
            "error_count": 1,
        }
    except Exception:
        fields = {
            "state": ImportJob.State.FAILED,
            "problems": [
                {"row": 0, "code": "internal", "severity": "error", "params": {}, "column": ""}
            ],
            "error_count": 1,
        }
        raise
    else:
        scan = outcome.scan
        if job.dry_run:
            state = ImportJob.State.CHECKED
        else:
            state = ImportJob.State.DONE if outcome.ok else ImportJob.State.FAILED
        fields = {
            "state": state,
            "encoding": scan.encoding,
            "rows": scan.rows,
            "error_count": scan.errors,
            "warning_count": scan.warnings,
            "problems": scan.problems,
        }
    finally:
        if fields:
            ImportJob.objects.filter(pk=job.pk).update(**fields, updated_at=timezone.now())
        marker.unlink(missing_ok=True)
        # The uploaded file holds names: keep it only while it may still be imported (a clean
        # dry run waiting for confirmation).
        if fields.get("state") in (ImportJob.State.DONE, ImportJob.State.FAILED) or (
            fields.get("state") == ImportJob.State.CHECKED and fields.get("error_count")
        ):
            Path(job.file_path).unlink(missing_ok=True)
    job.refresh_from_db()
    return job


def forget_expired_uploads(*, older_than_hours: int = 48) -> int:
    """Remove uploaded files of checks never followed by an import (they hold names)."""
    cutoff = timezone.now() - timedelta(hours=older_than_hours)
    removed = 0
    for job in ImportJob.objects.filter(updated_at__lt=cutoff, state=ImportJob.State.CHECKED):
        path = Path(job.file_path)
        if path.exists():
            path.unlink()
            removed += 1
    return removed
