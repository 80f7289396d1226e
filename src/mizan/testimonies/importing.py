"""Bringing an archive of earlier interviews in from a folder and a CSV manifest.

    reference, interviewee_name_ar, interviewee_name_en, sex, protected (yes/no),
    interview_date, place, languages, interviewers, recording, transcript,
    consent_scopes (separated by ;), sensitivity

File columns are paths relative to the folder (and must stay inside it). Every row is checked
before anything is written; then all rows are written in one transaction, so a bad row stops the
whole import with its row number and the reason, and nothing is half-written.

Consent in an archive: the manifest names the scopes the interviewee consented to; archives of
oral-history practice record that consent at the start of the recording, so it is recorded as a
*recorded verbal* consent whose proof is the recording itself. A row whose scopes need a proof
(publication, courts, the IIIM) but has no recording is refused.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mizan.cases import services as cases_services
from mizan.core.models import Place, Term
from mizan.core.partial_dates import PartialDate, PartialDateError
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_consent_scopes
from mizan.evidence import services as evidence_services
from mizan.evidence.services import get_store
from mizan.testimonies import services, transcripts
from mizan.testimonies.models import SCOPES_NEEDING_FORM, Testimony, TestimonyConsent
from mizan.text.names import split_full_name

COLUMNS = (
    "reference",
    "interviewee_name_ar",
    "interviewee_name_en",
    "sex",
    "protected",
    "interview_date",
    "place",
    "languages",
    "interviewers",
    "recording",
    "transcript",
    "consent_scopes",
    "sensitivity",
)
YES = {"yes", "y", "true", "1", "نعم"}
NO = {"no", "n", "false", "0", "لا", ""}


class ManifestError(Exception):
    def __init__(self, row: int, reason: str) -> None:
        self.row = row
        self.reason = reason
        super().__init__(f"row {row}: {reason}" if row else reason)


@dataclass
class Row:
    number: int
    reference: str
    name_ar: str
    name_en: str
    sex: Term | None
    protected: bool
    interview_date: PartialDate | None
    place: Place | None
    languages: str
    interviewers: list[Any]
    interviewer_names: str
    recording: Path | None
    recording_sha256: str
    transcript: Path | None
    scopes: list[str]
    sensitivity: int
    notes: list[str] = field(default_factory=list)


def _inside(directory: Path, value: str, row: int, column: str) -> Path | None:
    if not value:
        return None
    path = (directory / value).resolve()
    if not path.is_relative_to(directory.resolve()):
        raise ManifestError(row, f"{column} “{value}” is outside the folder")
    if not path.is_file():
        raise ManifestError(row, f"{column} “{value}” was not found in the folder")
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _place(value: str, row: int) -> Place | None:
    if not value:
        return None
    matches = list(
        Place.objects.filter(Q(code__iexact=value) | Q(name_en__iexact=value) | Q(name_ar=value))[
            :2
        ]
    )
    if not matches:
        raise ManifestError(row, f"unknown place “{value}” (use a place code or its exact name)")
    if len(matches) > 1:
        raise ManifestError(row, f"the place “{value}” is ambiguous; use its code")
    return matches[0]


def _row(raw: dict[str, str], number: int, directory: Path, seen: set[str]) -> Row:
    value = {name: (raw.get(name) or "").strip() for name in COLUMNS}
    reference = value["reference"]
    if not reference:
        raise ManifestError(number, "the reference is empty")
    if reference in seen:
        raise ManifestError(number, f"the reference {reference} appears twice in the manifest")
    if Testimony.objects.filter(reference=reference).exists():
        raise ManifestError(number, f"a testimony {reference} already exists")
    seen.add(reference)
    if not value["interviewee_name_ar"] and not value["interviewee_name_en"]:
        raise ManifestError(number, "the interviewee has no name (Arabic or English)")
    sex = None
    if value["sex"]:
        sex = Term.objects.filter(vocabulary="sex", code=value["sex"].lower()).first()
        if sex is None:
            raise ManifestError(number, f"unknown sex “{value['sex']}” (male, female, unknown)")
    protected_text = value["protected"].lower()
    if protected_text not in YES | NO:
        raise ManifestError(number, f"protected must be yes or no, not “{value['protected']}”")
    try:
        interview_date = (
            PartialDate.parse(value["interview_date"]) if value["interview_date"] else None
        )
    except PartialDateError as exc:
        raise ManifestError(number, f"interview_date “{value['interview_date']}”: {exc}") from None
    try:
        languages = services._clean_languages(value["languages"])
    except ValidationError as exc:
        raise ManifestError(number, " ".join(exc.messages)) from None
    users, names = [], []
    user_model = get_user_model()
    for name in filter(None, (n.strip() for n in value["interviewers"].split(";"))):
        user = user_model.objects.filter(username=name).first()
        if user is not None:
            users.append(user)
        else:
            names.append(name)
    recording = _inside(directory, value["recording"], number, "recording")
    transcript = _inside(directory, value["transcript"], number, "transcript")
    if transcript is not None:
        try:
            transcripts.parse(transcript.read_bytes(), transcript.name)
        except ValidationError as exc:
            raise ManifestError(number, f"transcript: {' '.join(exc.messages)}") from None
    scopes = [s.strip() for s in value["consent_scopes"].split(";") if s.strip()]
    known = set(Term.objects.of("consent_scope").values_list("code", flat=True))
    unknown = sorted(set(scopes) - known)
    if unknown:
        raise ManifestError(
            number,
            f"unknown consent scope {', '.join(unknown)} (known: {', '.join(sorted(known))})",
        )
    try:
        # The consent rule the import then applies (``consent_check``), here for a dry run too;
        # a row without scopes records no consent (taken later, on the testimony's page).
        validate_consent_scopes(scopes, required=False)
    except ValidationError as exc:
        raise ManifestError(number, " ".join(exc.messages)) from None
    if set(scopes) & SCOPES_NEEDING_FORM and recording is None:
        raise ManifestError(
            number,
            "the consent scopes "
            + ", ".join(sorted(set(scopes) & SCOPES_NEEDING_FORM))
            + " need a proof of consent, and the row has no recording",
        )
    try:
        sensitivity = (
            Sensitivity.from_name(value["sensitivity"])
            if value["sensitivity"]
            else Sensitivity.CONFIDENTIAL
        )
    except ValueError as exc:
        raise ManifestError(number, str(exc)) from None
    return Row(
        number=number,
        reference=reference,
        name_ar=value["interviewee_name_ar"],
        name_en=value["interviewee_name_en"],
        sex=sex,
        protected=protected_text in YES,
        interview_date=interview_date,
        place=_place(value["place"], number),
        languages=languages,
        interviewers=users,
        interviewer_names="; ".join(names),
        recording=recording,
        recording_sha256=_sha256(recording) if recording else "",
        transcript=transcript,
        scopes=scopes,
        sensitivity=int(sensitivity),
    )


def read_manifest(directory: Path, manifest: Path) -> list[Row]:
    """Check every row; raise ManifestError on the first bad one."""
    if not directory.is_dir():
        raise ManifestError(0, f"no folder at {directory}")
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ManifestError(0, f"no manifest at {manifest}") from None
    except UnicodeDecodeError:
        raise ManifestError(0, "the manifest is not UTF-8 text; save it as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ManifestError(1, f"missing columns: {', '.join(missing)}")
    seen: set[str] = set()
    rows = [_row(raw, number, directory, seen) for number, raw in enumerate(reader, start=2)]
    if not rows:
        raise ManifestError(0, "the manifest has no rows")
    return rows


def _person_data(row: Row) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name_as_written": row.name_ar or row.name_en,
        "identity_sensitivity": Sensitivity.CONFIDENTIAL if row.protected else Sensitivity.PUBLIC,
        "sensitivity": row.sensitivity,
        "sex": row.sex,
    }
    for name, suffix in ((row.name_ar, "ar"), (row.name_en, "lat")):
        for part, text in split_full_name(name).items():
            if text:
                data[f"{part}_{suffix}"] = text
    return data


def import_rows(
    rows: list[Row], *, actor: Any, report: Callable[[Testimony, Row], None]
) -> list[Testimony]:
    """Write every checked row in one transaction (all or nothing).

    The evidence store is not part of the database transaction: a recording is encrypted into
    the store when its row is written, and a later row that fails rolls the items back but not
    the files. So on any failure the objects this import added are removed again — those whose
    content was not in the store before the import began and that no item names after the
    rollback (the store is content-addressed: content another item already holds, or that was
    there before, stays)."""
    store = get_store()
    added = {
        row.recording_sha256
        for row in rows
        if row.recording_sha256 and not store.exists(row.recording_sha256)
    }
    created = []
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    created.append(_import_row(row, actor=actor))
                except ValidationError as exc:
                    raise ManifestError(row.number, " ".join(exc.messages)) from None
    except BaseException:
        evidence_services.objects_discard_unclaimed(added)
        raise
    for testimony, row in zip(created, rows, strict=True):
        report(testimony, row)
    return created


def _import_row(row: Row, *, actor: Any) -> Testimony:
    person = cases_services.person_create(actor=actor, data=_person_data(row))
    testimony = services.testimony_create(
        actor=actor,
        interviewee=person,
        data={
            "reference": row.reference,
            "interview_date": row.interview_date,
            "place": row.place,
            "languages": row.languages,
            "interviewers": row.interviewers,
            "interviewer_names": row.interviewer_names,
            "sensitivity": row.sensitivity,
        },
    )
    recording = None
    if row.recording is not None:
        with row.recording.open("rb") as stream:
            recording = services.original_add(
                actor=actor,
                testimony=testimony,
                stream=stream,
                filename=row.recording.name,
                as_recording=True,
            )
        testimony.refresh_from_db()
    if row.scopes:
        services.consent_record(
            actor=actor,
            testimony=testimony,
            scopes=row.scopes,
            method=TestimonyConsent.Method.RECORDED
            if recording
            else TestimonyConsent.Method.VERBAL,
            taken_on=row.interview_date.earliest() if row.interview_date else timezone.localdate(),
            proof=recording,
            note="Imported from an archive manifest: consent as recorded with the interview.",
        )
    if row.transcript is not None:
        services.transcript_import(
            actor=actor,
            testimony=testimony,
            language=(row.languages.split(",")[0] if row.languages else "ar"),
            data=row.transcript.read_bytes(),
            filename=row.transcript.name,
        )
    return testimony
