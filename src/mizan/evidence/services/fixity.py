"""Fixity and verification: one item's content against its digests, the scheduled fixity run,
and the whole locker's check (custody chain, checkpoints, every object of the store).
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mizan.evidence.chain import checkpoint_payload, verify_events
from mizan.evidence.models import (
    Checkpoint,
    CustodyEvent,
    CustodyHead,
    Item,
)
from mizan.evidence.services.custody import (
    checkpoint_sign,
    custody_record,
    get_signing_key,
    get_store,
)
from mizan.evidence.signing import verify_signature
from mizan.evidence.store import LocalStore

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
