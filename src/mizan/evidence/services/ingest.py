"""Ingest and the writes about an item: ingest, derived copies (extracted text, thumbnails),
links to case files, notes, the item's description, and reading its content back.

Order of writes on ingest: the content goes into the store first (atomic and content-addressed,
so an interrupted ingest leaves at most an unreferenced object that a later ingest of the same
file reuses), then the item, its links, its ``ingest`` custody event and its audit entry commit
together in one transaction — an item never exists without its custody history.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.core.audit import Action as AuditAction
from mizan.core.audit import audit_record
from mizan.core.models import Term
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_consent_scopes
from mizan.core.writing import acting_user, next_reference
from mizan.evidence import metadata as metadata_capture
from mizan.evidence.filenames import safe_filename
from mizan.evidence.models import (
    CustodyEvent,
    Item,
)
from mizan.evidence.services.custody import (
    custody_record,
    get_store,
)
from mizan.evidence.store import LocalStore, StoreError

# ---------------------------------------------------------------------------------------------
# Ingest


@dataclass
class Provenance:
    collected_by: str = ""
    collected_on: Any = None
    collected_where: Any = None
    collected_from: str = ""
    collection_method: str = ""
    source_text: str = ""


class OutOfReach(ValidationError):
    """The content is already an item the actor may not see (``IngestResult.within_reach_of``)."""


@dataclass
class IngestResult:
    item: Item
    created: bool  # False when the same content was already in the locker

    def within_reach_of(self, actor: Any, refusal: str = "") -> Item:
        """The item, unless the locker already held this content as an item ``actor`` may not
        see: the locker keeps one item per content, so an upload of the same bytes *is* that
        item, and attaching it to the actor's record would show its reference there and carry
        it on (into case files and packages). Then ``ValidationError`` (``refusal`` or a
        general message); the caller's transaction is rolled back and nothing is linked."""
        if (
            not self.created
            and getattr(actor, "is_authenticated", False)
            and not self.item.is_visible_to(actor)
        ):
            raise OutOfReach(
                refusal
                or _(
                    "This file is already in the evidence locker as an item you cannot see. Ask "
                    "an administrator to link it."
                )
            )
        return self.item


def _read_store(store: LocalStore, sha256: str, limit: int) -> bytes:
    buffer = io.BytesIO()
    for chunk in store.open(sha256):
        buffer.write(chunk)
        if buffer.tell() > limit:
            break
    return buffer.getvalue()


def item_ingest(
    stream: BinaryIO,
    *,
    filename: str,
    actor: Any,
    title: str = "",
    note: str = "",
    provenance: Provenance | None = None,
    sensitivity: int = Sensitivity.CONFIDENTIAL,
    team: Any = None,
    case_files: Iterable[Any] = (),
    incidents: Iterable[Any] = (),
    persons: Iterable[Any] = (),
    consent_scopes: Iterable[Term] = (),
    derived_from: Item | None = None,
    derivation: str = "",
    request: Any = None,
) -> IngestResult:
    """Store an original (or a derived copy) and record it, its links and its ingest event."""
    consent_scopes = list(consent_scopes)
    validate_consent_scopes((term.code for term in consent_scopes), required=False)
    name = safe_filename(filename)
    store = get_store()
    stored = store.put(stream)
    if stored.size == 0:
        raise ValidationError(_("The file “%(name)s” is empty.") % {"name": name})
    existing = Item.objects.filter(sha256=stored.sha256).first()
    if existing is not None:
        result = IngestResult(existing, created=False)
        cases = list(case_files)
        if cases:
            # Never put an item the actor may not see into the actor's case file: the package
            # of that case file would carry it out.
            result.within_reach_of(actor)
            item_link(item=existing, actor=actor, case_files=cases)
        return result

    head = _read_store(store, stored.sha256, metadata_capture.SNIFF_BYTES)
    media_type, captured = metadata_capture.capture(
        head,
        lambda: _read_store(store, stored.sha256, metadata_capture.ANALYSE_LIMIT),
        stored.size,
        name,
    )
    provenance = provenance or Provenance()
    with transaction.atomic():
        item = Item.objects.create(
            reference=f"new-{stored.sha256[:20]}",
            kind=Item.Kind.DERIVED if derived_from else Item.Kind.ORIGINAL,
            derived_from=derived_from,
            derivation=derivation,
            title=title[:300],
            filename=name,
            media_type=media_type,
            size=stored.size,
            sha256=stored.sha256,
            sha512=stored.sha512,
            ciphertext_sha256=stored.ciphertext_sha256,
            metadata=captured,
            note=note,
            collected_by=provenance.collected_by,
            collected_on=provenance.collected_on,
            collected_where=provenance.collected_where,
            collected_from=provenance.collected_from,
            collection_method=provenance.collection_method,
            source_text=provenance.source_text,
            sensitivity=max(sensitivity, derived_from.sensitivity if derived_from else 0),
            team=team if team is not None or derived_from is None else derived_from.team,
            ingested_by=acting_user(actor),
        )
        item.reference = next_reference(Item, "EV")
        Item.objects.filter(pk=item.pk).update(reference=item.reference)
        cases = list(case_files)
        if cases:
            item.case_files.set(cases)
        # Incidents and persons the file documents, chosen on the upload form (issue 19).
        linked_incidents, linked_persons = list(incidents), list(persons)
        if linked_incidents:
            item.incidents.set(linked_incidents)
        if linked_persons:
            item.persons.set(linked_persons)
        scopes = list(consent_scopes)
        if derived_from is not None and not scopes:
            scopes = list(derived_from.consent_scopes.all())
        if scopes:
            item.consent_scopes.set(scopes)
        custody_record(
            item=item,
            action=CustodyEvent.Action.INGEST,
            actor=actor,
            details={
                "sha256": item.sha256,
                "sha512": item.sha512,
                "size": item.size,
                "filename": item.filename,
                "media_type": item.media_type,
                "ciphertext_sha256": item.ciphertext_sha256,
                **({"derived_from": derived_from.reference} if derived_from else {}),
                **({"derivation": derivation} if derivation else {}),
                **({"case_files": [c.reference for c in cases]} if cases else {}),
                **(
                    {"incidents": [i.reference for i in linked_incidents]}
                    if linked_incidents
                    else {}
                ),
                # Persons by number only: a name in the custody log would outlive its clearance.
                **({"persons": [p.pk for p in linked_persons]} if linked_persons else {}),
            },
        )
        if derived_from is not None:
            custody_record(
                item=derived_from,
                action=CustodyEvent.Action.DERIVE,
                actor=actor,
                details={"derived": item.reference, "derivation": derivation},
            )
        audit_record(
            actor=acting_user(actor),
            action=AuditAction.CREATE,
            target=item,
            detail={"reference": item.reference, "size": item.size},
            request=request,
        )
    if derived_from is None and media_type in {"image/jpeg", "image/png", "image/webp"}:
        _make_thumbnail(item, actor)
    if derived_from is None and media_type == "application/pdf":
        _extract_text(item, actor)
    return IngestResult(item, created=True)


TEXT_PAGES_LIMIT = 500


def _extract_text(item: Item, actor: Any) -> Item | None:
    """The text layer of a born-digital PDF as a derived working copy (UTF-8 text), so it can be
    read and searched without opening the original. Scans without a text layer get none."""
    from pypdf import PdfReader

    if item.size > metadata_capture.ANALYSE_LIMIT or item.metadata.get("encrypted"):
        return None
    try:
        reader = PdfReader(io.BytesIO(_read_store(get_store(), item.sha256, item.size)))
        pages = [(page.extract_text() or "").strip() for page in reader.pages[:TEXT_PAGES_LIMIT]]
    except Exception:
        return None
    text = "\n\n\f".join(pages).strip()
    if not text:
        return None
    stem = item.filename.rsplit(".", 1)[0]
    result = item_ingest(
        io.BytesIO(text.encode("utf-8")),
        filename=f"{stem}.text.txt",
        actor=actor,
        derived_from=item,
        derivation=Item.Derivation.TEXT,
    )
    return result.item


THUMBNAIL_SIZE = (480, 480)


def _make_thumbnail(item: Item, actor: Any) -> Item | None:
    """A small JPEG working copy for lists and previews: an item of its own, linked to the
    original (which is never modified). EXIF (with GPS) is not copied into the thumbnail."""
    from PIL import Image, ImageOps

    if item.size > metadata_capture.ANALYSE_LIMIT:
        return None
    try:
        with Image.open(io.BytesIO(_read_store(get_store(), item.sha256, item.size))) as opened:
            image = ImageOps.exif_transpose(opened) or opened
            image.thumbnail(THUMBNAIL_SIZE)
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=82)
    except Exception:
        return None
    out.seek(0)
    stem = item.filename.rsplit(".", 1)[0]
    result = item_ingest(
        out,
        filename=f"{stem}.thumbnail.jpg",
        actor=actor,
        derived_from=item,
        derivation=Item.Derivation.THUMBNAIL,
    )
    return result.item


def item_derive(
    *, original: Item, stream: BinaryIO, filename: str, derivation: str, actor: Any, note: str = ""
) -> Item:
    """Record a derived working copy (e.g. a redacted version) as an item of its own."""
    if derivation not in Item.Derivation.values:
        raise ValidationError(_("Unknown kind of derived copy."))
    result = item_ingest(
        stream,
        filename=filename,
        actor=actor,
        note=note,
        derived_from=original,
        derivation=derivation,
        sensitivity=original.sensitivity,
        team=original.team,
    )
    if not result.created:
        result.within_reach_of(actor)  # an item out of reach: its reference is not said
        raise ValidationError(
            _("This file is already in the locker as %(ref)s.") % {"ref": result.item.reference}
        )
    return result.item


def item_link(*, item: Item, actor: Any, case_files: Iterable[Any] = ()) -> None:
    added = [c for c in case_files if not item.case_files.filter(pk=c.pk).exists()]
    if not added:
        return
    with transaction.atomic():
        item.case_files.add(*added)
        custody_record(
            item=item,
            action=CustodyEvent.Action.LINK,
            actor=actor,
            details={"case_files": [c.reference for c in added]},
        )


def item_unlink(*, item: Item, actor: Any, case_files: Iterable[Any] = ()) -> None:
    """Take the item out of case files (a custody event, like the link that put it there)."""
    removed = [c for c in case_files if item.case_files.filter(pk=c.pk).exists()]
    if not removed:
        return
    with transaction.atomic():
        item.case_files.remove(*removed)
        custody_record(
            item=item,
            action=CustodyEvent.Action.LINK,
            actor=actor,
            details={"removed_from_case_files": [c.reference for c in removed]},
        )


def item_annotate(*, item: Item, actor: Any, note: str) -> None:
    note = note.strip()
    if not note:
        raise ValidationError(_("Write the note first."))
    with transaction.atomic():
        item.note = (item.note + "\n\n" if item.note else "") + note
        Item.objects.filter(pk=item.pk).update(note=item.note)
        custody_record(
            item=item,
            action=CustodyEvent.Action.ANNOTATE,
            actor=actor,
            details={"note_chars": len(note)},
        )


class ItemDamaged(Exception):
    """The stored original failed its integrity check: nothing of it was sent."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def item_content(item: Item, *, actor: Any, download: bool, request: Any = None) -> Iterator[bytes]:
    """Check the whole stored original, record the view or download, then stream the plaintext.

    The check comes first so that a damaged object sends nothing at all — not a 200 and the
    chunks before the damage — and is recorded as a failed fixity event (:class:`ItemDamaged`).
    It is one authenticated decryption of every chunk with the plaintext SHA-256 (the streaming
    pass then repeats it): the cost is measured in bench/README.md ("verify before sending").
    """
    store = get_store()
    try:
        for _chunk in store.open(item.sha256):
            pass
    except StoreError as exc:
        problem = str(exc)
        with transaction.atomic():
            custody_record(
                item=item,
                action=CustodyEvent.Action.FIXITY,
                actor=actor,
                details={"ok": False, "problem": problem, "on": "download" if download else "view"},
            )
            Item.objects.filter(pk=item.pk).update(
                last_fixity_at=timezone.now(), last_fixity_ok=False
            )
        raise ItemDamaged(problem) from None
    _record_access(item, actor=actor, download=download, request=request)
    return store.open(item.sha256)


def _record_access(item: Item, *, actor: Any, download: bool, request: Any) -> None:
    custody_record(
        item=item,
        action=CustodyEvent.Action.DOWNLOAD if download else CustodyEvent.Action.VIEW,
        actor=actor,
        details={"address": getattr(request, "META", {}).get("REMOTE_ADDR", "")}
        if request is not None
        else {},
    )


def item_playback(
    item: Item, *, actor: Any, start: int, stop: int, request: Any = None
) -> Iterator[bytes]:
    """Bytes ``start`` to ``stop`` (exclusive) of an original for a media player that starts
    playing, recorded as a view in the item's custody history.

    A v2 object is authenticated chunk by chunk — each chunk's tag binds it to the object, its
    index and whether it is the last — so the bytes sent are the bytes stored, and the player
    gets its first bytes without the whole recording being decrypted first (a damaged chunk
    stops the stream there; the fixity run records it). A v1 object, whose chunks are only
    authenticated in sequence, is first checked whole, as :func:`item_content` does for every
    download (which may raise :class:`ItemDamaged`).
    """
    store = get_store()
    version, _key_id = store.object_info(item.sha256)
    if version < 2:
        item_content(item, actor=actor, download=False, request=request)
    else:
        _record_access(item, actor=actor, download=False, request=request)
    return store.open_range(item.sha256, start, stop)


def item_range(item: Item, *, start: int, stop: int) -> Iterator[bytes]:
    """Bytes ``start`` to ``stop`` (exclusive) of an original, read without the bytes before them:
    what a media player's byte-range request needs to seek in a long recording.

    Only the chunks holding the range are decrypted, each authenticated on its own (format v2;
    a v1 object is decrypted from its start). Nothing is recorded: the caller records the view
    when playback starts (:func:`item_content`), not each seek.
    """
    return get_store().open_range(item.sha256, start, stop)


def item_update(
    *, item: Item, actor: Any, data: dict[str, Any], incidents: list[Any] | None = None
) -> list[str]:
    """Change what is said about an item (never its content); audited and in its custody history.

    Returns the names of the fields that changed.
    """
    relations = {"consent_scopes", "case_files"}
    if "consent_scopes" in data:
        validate_consent_scopes((term.code for term in data["consent_scopes"]), required=False)
    with transaction.atomic():
        changed: list[str] = []
        for name, value in data.items():
            if name in relations:
                before = set(getattr(item, name).values_list("pk", flat=True))
                if before != {v.pk for v in value}:
                    getattr(item, name).set(value)
                    changed.append(name)
            elif getattr(item, name) != value:
                setattr(item, name, value)
                changed.append(name)
        if incidents is not None:
            before = set(item.incidents.values_list("pk", flat=True))
            if before != {i.pk for i in incidents}:
                item.incidents.set(incidents)
                changed.append("incidents")
        if not changed:
            return []
        item.save()
        details: dict[str, Any] = {"fields": sorted(changed)}
        if "consent_scopes" in changed:
            details["consent_scopes"] = sorted(item.consent_scopes.values_list("code", flat=True))
        custody_record(item=item, action=CustodyEvent.Action.ANNOTATE, actor=actor, details=details)
        audit_record(actor=actor, action=AuditAction.UPDATE, target=item, fields=changed)
    return changed
