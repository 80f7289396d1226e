"""Writes and workflows of the evidence locker: ingest, custody events, checkpoints, fixity,
verification, derived copies and handover packages.

Order of writes on ingest: the content goes into the store first (atomic and content-addressed,
so an interrupted ingest leaves at most an unreferenced object that a later ingest of the same
file reuses), then the item, its links, its ``ingest`` custody event and its audit entry commit
together in one transaction — an item never exists without its custody history.
"""

from __future__ import annotations

import base64
import functools
import io
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.core import keys as core_keys
from mizan.core.audit import Action as AuditAction
from mizan.core.audit import audit_record
from mizan.core.models import Term
from mizan.core.sensitivity import Sensitivity
from mizan.core.writing import acting_user, next_reference
from mizan.evidence import metadata as metadata_capture
from mizan.evidence.chain import GENESIS, checkpoint_payload, seal, verify_events
from mizan.evidence.filenames import safe_filename
from mizan.evidence.models import (
    Checkpoint,
    CustodyEvent,
    CustodyHead,
    Handover,
    Item,
    Recipient,
)
from mizan.evidence.signing import SigningKey, verify_signature
from mizan.evidence.store import LocalStore, StoreError, StoreKey

# ---------------------------------------------------------------------------------------------
# The store and the signing key (one of each per installation, created on first use)

_lock = threading.Lock()
_stores: dict[tuple[str, str], LocalStore] = {}


class StoreKeyMissing(FileNotFoundError):
    """A read-only check needed the store key and there is none: nothing was created."""


def get_store(*, create: bool = True) -> LocalStore:
    """The installation's store; its key and directories are created on first use unless
    ``create`` is False (read-only checks), when a missing key raises :class:`StoreKeyMissing`."""
    root, key_file = Path(settings.EVIDENCE_ROOT), Path(settings.EVIDENCE_KEY_FILE)
    cache_key = (str(root), str(key_file))
    with _lock:
        store = _stores.get(cache_key)
        if store is None:
            if not create:
                if not key_file.exists():
                    raise StoreKeyMissing(
                        f"the store key {key_file} is missing (MIZAN_EVIDENCE_KEY_FILE); restore"
                        " it from the key backup — without it no original can be decrypted"
                    )
                return LocalStore(root, StoreKey.load(key_file), create=False)
            key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if key_file.exists():
                key = StoreKey.load(key_file)
            else:
                try:
                    key = LocalStore.create_key(key_file)
                except StoreError:  # another process created it meanwhile
                    key = StoreKey.load(key_file)
            store = _stores[cache_key] = LocalStore(root, key)
        return store


def store_sweep() -> int:
    """Remove the temporary files of ingests that died (SIGKILL, power loss) and return how
    many; live ingests hold a lock on theirs and are left alone. Needs no key."""
    root = Path(settings.EVIDENCE_ROOT)
    if not (root / "tmp").is_dir():
        return 0
    return LocalStore(root, create=False).cleanup_tmp()


def get_signing_key(*, create: bool = True) -> SigningKey:
    """The organisation's signing key (one loader for every signer: mizan.core.keys)."""
    return core_keys.get_signing_key(create=create)


# ---------------------------------------------------------------------------------------------
# Custody log


def now_iso() -> str:
    return datetime.now(tz=UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def actor_label(actor: Any) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return str(actor.get_username())
    return str(actor or "system")


def _locked_head() -> CustodyHead:
    head = CustodyHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        last = CustodyEvent.objects.order_by("-seq").first()
        head = CustodyHead.objects.create(
            pk=1, last_seq=last.seq if last else 0, last_hash=last.hash if last else GENESIS
        )
    return head


def custody_record(
    *, item: Item, action: str, actor: Any, details: dict[str, Any] | None = None
) -> CustodyEvent:
    """Append one event to the custody log (and sign a checkpoint every so many events)."""
    with transaction.atomic():
        head = _locked_head()
        item_prev = (
            Item.objects.filter(pk=item.pk).values_list("last_event_hash", flat=True).first()
            or GENESIS
        )
        event = seal(
            {
                "seq": head.last_seq + 1,
                "item": item.reference,
                "action": str(action),
                "actor": actor_label(actor),
                "at": now_iso(),
                "details": dict(details or {}),
                "prev": head.last_hash,
                "item_prev": item_prev,
            }
        )
        row = CustodyEvent(
            seq=event["seq"],
            item=item,
            item_reference=item.reference,
            action=event["action"],
            actor=event["actor"],
            at=event["at"],
            details=event["details"],
            prev=event["prev"],
            item_prev=event["item_prev"],
            hash=event["hash"],
        )
        row.save(force_insert=True)
        CustodyHead.objects.filter(pk=1).update(last_seq=row.seq, last_hash=row.hash)
        Item.objects.filter(pk=item.pk).update(last_event_hash=row.hash)
        item.last_event_hash = row.hash
        every = int(getattr(settings, "EVIDENCE_CHECKPOINT_EVERY", 100))
        if every > 0 and row.seq % every == 0:
            _sign(row.seq, row.hash)
    return row


def _sign(seq: int, head: str) -> Checkpoint:
    key = get_signing_key()
    at = now_iso()
    signature = key.sign(checkpoint_payload(seq, head, at))
    return Checkpoint.objects.create(
        seq=seq,
        head=head,
        at=at,
        signature=base64.b64encode(signature).decode("ascii"),
        key_fingerprint=key.fingerprint,
    )


def checkpoint_sign() -> Checkpoint | None:
    """Sign the log's current head (nothing to do when it is already signed or empty)."""
    with transaction.atomic():
        head = _locked_head()
        if head.last_seq == 0 or Checkpoint.objects.filter(seq=head.last_seq).exists():
            return None
        return _sign(head.last_seq, head.last_hash)


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


@dataclass
class IngestResult:
    item: Item
    created: bool  # False when the same content was already in the locker


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
    consent_scopes: Iterable[Term] = (),
    derived_from: Item | None = None,
    derivation: str = "",
    request: Any = None,
) -> IngestResult:
    """Store an original (or a derived copy) and record it, its links and its ingest event."""
    name = safe_filename(filename)
    store = get_store()
    stored = store.put(stream)
    if stored.size == 0:
        raise ValidationError(_("The file “%(name)s” is empty.") % {"name": name})
    existing = Item.objects.filter(sha256=stored.sha256).first()
    if existing is not None:
        cases = list(case_files)
        if cases:
            item_link(item=existing, actor=actor, case_files=cases)
        return IngestResult(existing, created=False)

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
    custody_record(
        item=item,
        action=CustodyEvent.Action.DOWNLOAD if download else CustodyEvent.Action.VIEW,
        actor=actor,
        details={"address": getattr(request, "META", {}).get("REMOTE_ADDR", "")}
        if request is not None
        else {},
    )
    return store.open(item.sha256)


# ---------------------------------------------------------------------------------------------
# Fixity and verification


@dataclass
class CheckReport:
    items_checked: int = 0
    events_checked: int = 0
    checkpoints_checked: int = 0
    problems: list[str] = field(default_factory=list)
    # Objects in the store that no item names (an ingest killed before its item committed):
    # reported, never fatal and never removed.
    orphans: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_item(store: LocalStore, item: Item) -> str:
    result = store.verify(item.sha256)
    if not result.ok:
        return result.problem
    if result.sha512 != item.sha512:
        return "its SHA-512 does not match the one recorded at ingest"
    if result.size != item.size:
        return f"its size is {result.size} bytes, {item.size} were recorded"
    if result.ciphertext_sha256 != item.ciphertext_sha256:
        return "the encrypted object's SHA-256 differs from the one recorded"
    return ""


def item_fixity(*, item: Item, actor: Any) -> str:
    """Re-check one item and record the result as a fixity event; returns the problem or ''."""
    problem = _check_item(get_store(), item)
    with transaction.atomic():
        custody_record(
            item=item,
            action=CustodyEvent.Action.FIXITY,
            actor=actor,
            details={"ok": not problem, **({"problem": problem} if problem else {})},
        )
        item.last_fixity_at = timezone.now()
        item.last_fixity_ok = not problem
        Item.objects.filter(pk=item.pk).update(
            last_fixity_at=item.last_fixity_at, last_fixity_ok=item.last_fixity_ok
        )
    return problem


def fixity_run(
    *, actor: Any = "system", progress: Callable[[int, int], None] | None = None
) -> CheckReport:
    report = CheckReport()
    items = list(Item.objects.order_by("pk").only("pk"))
    for index, stub in enumerate(items, start=1):
        item = Item.objects.get(pk=stub.pk)
        problem = item_fixity(item=item, actor=actor)
        report.items_checked += 1
        if problem:
            report.problems.append(f"{item.reference}: {problem}")
        if progress:
            progress(index, len(items))
    checkpoint_sign()
    return report


def locker_verify(*, progress: Callable[[int, int], None] | None = None) -> CheckReport:
    """Decrypt and re-hash every original; check the custody chain and its signed checkpoints;
    list stored objects no item claims.

    Read-only: it records and creates nothing (no key, no directory), so it can run on a
    restored backup or a suspect copy. A key it needs and cannot find raises
    :class:`StoreKeyMissing` or :class:`mizan.core.keys.SigningKeyMissing`.
    """
    report = CheckReport()
    items = {item.reference: item for item in Item.objects.order_by("pk")}
    store = get_store(create=False) if items else None
    total = len(items)
    for index, item in enumerate(items.values(), start=1):
        assert store is not None
        problem = _check_item(store, item)
        if problem:
            report.problems.append(f"item {item.reference}: {problem}")
        report.items_checked += 1
        if progress:
            progress(index, total)
    report.orphans = _orphan_objects({item.sha256 for item in items.values()})

    events = [e.as_chain_event() for e in CustodyEvent.objects.order_by("seq").iterator()]
    report.events_checked = len(events)
    report.problems.extend(
        f"custody {problem}" for problem in verify_events(events, whole_log=True)
    )
    by_seq = {e["seq"]: e for e in events}
    first_event: dict[str, dict[str, Any]] = {}
    last_event: dict[str, dict[str, Any]] = {}
    for event in events:
        first_event.setdefault(event["item"], event)
        last_event[event["item"]] = event
    for reference, item in items.items():
        first = first_event.get(reference)
        if first is None:
            report.problems.append(f"item {reference}: has no custody events")
            continue
        if first["action"] != "ingest" or first["details"].get("sha256") != item.sha256:
            report.problems.append(
                f"item {reference}: its first custody event is not its ingest of this content"
            )
        if item.last_event_hash != last_event[reference]["hash"]:
            report.problems.append(
                f"item {reference}: its latest custody event is missing from the log"
            )
    head = CustodyHead.objects.filter(pk=1).first()
    last_seq = events[-1]["seq"] if events else 0
    if head is not None and (head.last_seq != last_seq):
        report.problems.append(
            f"custody log: it ends at event {last_seq} but {head.last_seq} events were written"
        )
    checkpoints = list(Checkpoint.objects.order_by("seq", "id"))
    key = get_signing_key(create=False) if checkpoints else None
    for checkpoint in checkpoints:
        report.checkpoints_checked += 1
        signed = by_seq.get(checkpoint.seq)
        if signed is None or signed["hash"] != checkpoint.head:
            report.problems.append(
                f"signed checkpoint at event {checkpoint.seq}: the log no longer has that head"
            )
        assert key is not None
        if checkpoint.key_fingerprint != key.fingerprint:
            report.problems.append(
                f"signed checkpoint at event {checkpoint.seq}: signed with another key "
                f"({checkpoint.key_fingerprint[:16]}…)"
            )
            continue
        if not verify_signature(
            key.public_pem,
            checkpoint_payload(checkpoint.seq, checkpoint.head, checkpoint.at),
            base64.b64decode(checkpoint.signature),
        ):
            report.problems.append(
                f"signed checkpoint at event {checkpoint.seq}: the signature does not verify"
            )
    report.problems.extend(_checkpoint_coverage([c.seq for c in checkpoints], last_seq))
    return report


def _checkpoint_coverage(signed_seqs: list[int], last_seq: int) -> list[str]:
    """A checkpoint is signed at least every EVIDENCE_CHECKPOINT_EVERY events (and after each
    command-line ingest, fixity run and export): a longer run without one means checkpoints
    were deleted, and the events after the last one left could have been rewritten."""
    every = int(getattr(settings, "EVIDENCE_CHECKPOINT_EVERY", 100))
    if every <= 0:
        return []
    problems = []
    signed = sorted({seq for seq in signed_seqs if seq <= last_seq})
    for before, after in itertools.pairwise(signed):
        if after - before > every:
            problems.append(
                f"custody log: no signed checkpoint between events {before} and {after} (one is"
                f" signed at least every {every}): checkpoints were removed"
            )
    last_signed = signed[-1] if signed else 0
    if last_seq - last_signed >= every:
        problems.append(
            f"custody log: events {last_signed + 1}–{last_seq} are covered by no signed"
            f" checkpoint (one is signed at least every {every}): checkpoints were removed"
        )
    return problems


def _orphan_objects(claimed: set[str]) -> list[str]:
    """Stored objects no item names: left by an ingest killed between storing the content and
    committing its item. Harmless (a new ingest of the same file reuses the object), but an
    administrator should know; content is never deleted, so they are reported, not removed."""
    objects = Path(settings.EVIDENCE_ROOT) / "objects"
    if not objects.is_dir():
        return []
    found = []
    for path in sorted(objects.glob("??/??/*")):
        name = path.name
        if len(name) == 64 and name not in claimed and path.is_file():
            found.append(f"{name} ({path.stat().st_size} bytes stored)")
    return found


# ---------------------------------------------------------------------------------------------
# Consent and handover

# Which consent scope a recipient category needs (DESIGN decision 9).
REQUIRED_SCOPE = {
    "iiim": "iiim",
    "iimp": "iimp",
    "un_wgeid": "un_bodies",
    "un_sr_torture": "un_bodies",
    "un_coi": "un_bodies",
    "icc_otp": "courts_prosecutors",
    "national_prosecutor": "courts_prosecutors",
    "war_crimes_unit": "courts_prosecutors",
    "other": "other_organisations",
}


def required_scope(category_code: str) -> str:
    return REQUIRED_SCOPE.get(category_code, "other_organisations")


def missing_consent(items: Iterable[Item], recipient: Recipient) -> list[Item]:
    scope = required_scope(recipient.category.code)
    return [item for item in items if not item.consent_scopes.filter(code=scope).exists()]


def resolve_recipient(name: str, *, actor: Any = None) -> Recipient:
    """A registered recipient by name, or one made (and audited) for a recipient category given
    by code or label (``IIIM``, ``icc_otp``); a clear error listing the known ones otherwise."""
    name = name.strip()
    recipient = Recipient.objects.filter(name__iexact=name).first()
    if recipient is not None:
        return recipient
    for term in Term.objects.filter(vocabulary="recipient_category", active=True):
        if name.casefold() in {
            term.code.casefold(),
            term.label_en.casefold(),
            term.label_ar.casefold(),
        } or (f"({name.casefold()})" in term.label_en.casefold()):
            with transaction.atomic():
                recipient, created = Recipient.objects.get_or_create(
                    name=name, defaults={"category": term}
                )
                if created:
                    audit_record(
                        actor=acting_user(actor),
                        action=AuditAction.CREATE,
                        target=recipient,
                        fields=["name", "category"],
                        detail={"by": actor_label(actor)},
                    )
            return recipient
    known = ", ".join(Recipient.objects.values_list("name", flat=True)) or "—"
    raise ValidationError(
        _("Unknown recipient “%(name)s”. Known recipients: %(known)s.")
        % {"name": name, "known": known}
    )


class ConsentMissing(ValidationError):
    """The export stopped: these items lack consent for the recipient's category."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.lines = lines


def package_summary(
    items: list[Item], case_file: Any, recipient: Recipient, reference: str
) -> dict[str, Any]:
    """What a package says about itself: identifiers, hashes, provenance — never more about
    people than the items' own metadata already hold."""
    return {
        "format": "mizan-handover-v1",
        "handover": reference,
        "organisation": settings.ORGANISATION_NAME,
        "recipient": {"name": recipient.name, "category": recipient.category.code},
        "prepared_at": now_iso(),
        "case_file": (
            {"reference": case_file.reference, "title": case_file.title} if case_file else None
        ),
        "items": [
            {
                "id": item.reference,
                "filename": item.filename,
                "media_type": item.media_type,
                "size": item.size,
                "sha256": item.sha256,
                "sha512": item.sha512,
                "kind": item.kind,
                "derived_from": item.derived_from.reference if item.derived_from else None,
                "ingested_at": item.ingested_at.isoformat(),
                "provenance": {
                    "collected_by": item.collected_by,
                    "collected_on": str(item.collected_on or ""),
                    "collected_where": str(item.collected_where or ""),
                    "collection_method": item.collection_method,
                    "source": item.source_text,
                },
                "metadata": item.metadata,
                "consent_scopes": sorted(item.consent_scopes.values_list("code", flat=True)),
                "last_event": item.last_event_hash,
            }
            for item in items
        ],
    }


def summary_pdf(summary: dict[str, Any]) -> bytes:
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    with translation.override("en"):
        html = render_to_string("evidence/package_summary.html", {"summary": summary})
    return bytes(HTML(string=html).write_pdf())


def handover_export(
    *,
    items: list[Item],
    recipient: Recipient,
    out_dir: Path,
    actor: Any,
    case_file: Any = None,
    age_recipient: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Handover:
    """Build a signed BagIt package of ``items`` for ``recipient`` and record the handover.

    Every item needs consent for the recipient's category; otherwise nothing is written and
    :class:`ConsentMissing` lists what is missing.
    """
    from mizan.evidence.package import PackageItem, build_package

    if not items:
        raise ValidationError(_("Choose at least one item."))
    lacking = missing_consent(items, recipient)
    if lacking:
        scope = Term.objects.filter(
            vocabulary="consent_scope", code=required_scope(recipient.category.code)
        ).first()
        scope_label = scope.label if scope else required_scope(recipient.category.code)
        raise ConsentMissing(
            [
                _("%(ref)s (%(name)s) has no consent for “%(scope)s”.")
                % {"ref": item.reference, "name": item.filename, "scope": scope_label}
                for item in lacking
            ]
        )
    age_recipient = (age_recipient or recipient.age_public_key or "").strip() or None
    if age_recipient:
        import pyrage

        try:
            pyrage.x25519.Recipient.from_str(age_recipient)
        except Exception as exc:
            raise ValidationError(
                _("“%(key)s” is not an age public key (age1…).") % {"key": age_recipient[:20]}
            ) from exc
    reference = next_reference(Handover, "HO", digits=4)
    store = get_store()
    events = [
        e.as_chain_event()
        for e in CustodyEvent.objects.filter(item__in=items).order_by("seq").iterator()
    ]
    summary = package_summary(items, case_file, recipient, reference)
    result = build_package(
        Path(out_dir),
        items=[
            PackageItem(
                item_id=item.reference,
                filename=item.filename,
                sha256=item.sha256,
                sha512=item.sha512,
                size=item.size,
                open=functools.partial(store.open, item.sha256),
                metadata=entry,
            )
            for item, entry in zip(items, summary["items"], strict=True)
        ],
        events=events,
        summary=summary,
        summary_pdf=summary_pdf(summary),
        signing_key=get_signing_key(),
        organisation=settings.ORGANISATION_NAME,
        recipient=recipient.name,
        age_recipient=age_recipient,
        progress=progress,
    )
    with transaction.atomic():
        handover = Handover.objects.create(
            reference=reference,
            recipient=recipient,
            case_file=case_file,
            created_by=actor_label(actor),
            package_path=str(result.path),
            package_sha256=result.package_sha256,
            encrypted=bool(age_recipient),
        )
        handover.items.set(items)
        for item in items:
            custody_record(
                item=item,
                action=CustodyEvent.Action.HANDOVER,
                actor=actor,
                details={
                    "handover": reference,
                    "recipient": recipient.name,
                    "recipient_category": recipient.category.code,
                    "package_sha256": result.package_sha256,
                    "encrypted": bool(age_recipient),
                },
            )
        audit_record(
            actor=acting_user(actor),
            action=AuditAction.HANDOVER,
            target=handover,
            detail={"items": len(items), "recipient": recipient.name},
        )
    checkpoint_sign()
    return handover


def item_update(
    *, item: Item, actor: Any, data: dict[str, Any], incidents: list[Any] | None = None
) -> list[str]:
    """Change what is said about an item (never its content); audited and in its custody history.

    Returns the names of the fields that changed.
    """
    relations = {"consent_scopes", "case_files"}
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
