"""The audit log service: append entries, read them, verify the chain (DESIGN decision 7).

Every write in Mizan calls :func:`audit_record` inside the transaction that makes the change, so
the change and its entry commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from mizan.core.models.audit import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64
Action = AuditEntry.Action


def canonical_payload(
    *,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_username: str,
    action: str,
    object_type: str,
    object_id: str,
    fields: list[str],
    detail: dict[str, Any],
    ip_address: str | None,
    prev_hash: str,
) -> bytes:
    document = {
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_username": actor_username,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "fields": fields,
        "detail": detail,
        "ip_address": ip_address,
        "prev_hash": prev_hash,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry) -> str:
    payload = canonical_payload(
        seq=entry.seq,
        at=entry.at,
        actor_id=entry.actor_id,
        actor_username=entry.actor_username,
        action=entry.action,
        object_type=entry.object_type,
        object_id=entry.object_id,
        fields=list(entry.fields),
        detail=dict(entry.detail),
        ip_address=entry.ip_address,
        prev_hash=entry.prev_hash,
    )
    return hashlib.sha256(payload).hexdigest()


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or None


def object_label(target: models.Model) -> tuple[str, str]:
    return target._meta.label_lower, str(target.pk)


def _locked_head() -> AuditHead:
    """The chain head, locked until the transaction ends (appends are serialised on it)."""
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        # A new database (or a test database just flushed): start from the last entry, if any.
        last = AuditEntry.objects.order_by("-seq").first()
        head = AuditHead.objects.create(
            pk=1, last_seq=last.seq if last else 0, last_hash=last.hash if last else GENESIS_HASH
        )
    return head


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    fields: Iterable[str] = (),
    detail: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one entry. ``detail`` holds identifiers and counts, never names or narratives."""
    if target is not None:
        object_type, object_id = object_label(target)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(
            seq=head.last_seq + 1,
            # Microsecond precision is what both databases keep, so the hash survives a reload.
            at=datetime.now(tz=UTC),
            actor_id=actor.pk if authenticated else None,
            actor_username=actor.get_username() if authenticated else "",
            action=str(action),
            object_type=object_type,
            object_id=str(object_id),
            fields=sorted(set(fields)),
            detail=dict(detail or {}),
            ip_address=client_ip(request),
            prev_hash=head.last_hash,
        )
        entry.hash = entry_hash(entry)
        entry.save(force_insert=True)
        AuditHead.objects.filter(pk=1).update(last_seq=entry.seq, last_hash=entry.hash)
    return entry


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names of the fields whose values differ (the values themselves are not logged)."""
    return sorted(name for name in after if before.get(name) != after[name])


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    problem: str

    def __str__(self) -> str:
        return f"entry #{self.seq}: {self.problem}"


def _entries() -> Iterator[AuditEntry]:
    return AuditEntry.objects.order_by("seq").iterator(chunk_size=5000)


def audit_verify() -> list[ChainProblem]:
    """Recompute the chain; return every problem found, first bad entry first.

    Steps: walk the entries in ``seq`` order; a gap in ``seq`` means entries were removed; an
    entry whose recomputed hash differs was altered; an entry whose ``prev_hash`` is not its
    predecessor's hash was altered or re-inserted; finally the head must name the last entry,
    or entries were removed from the end.
    """
    problems: list[ChainProblem] = []
    expected_seq = 1
    previous_hash = GENESIS_HASH
    for entry in _entries():
        if entry.seq != expected_seq:
            missing = (
                f"#{expected_seq}"
                if entry.seq == expected_seq + 1
                else f"#{expected_seq}–#{entry.seq - 1}"
            )
            problems.append(ChainProblem(expected_seq, f"missing (removed entries {missing})"))
        if entry_hash(entry) != entry.hash:
            problems.append(ChainProblem(entry.seq, "altered (its hash does not match)"))
        if entry.prev_hash != previous_hash:
            problems.append(
                ChainProblem(entry.seq, "does not follow the entry before it (chain broken)")
            )
        previous_hash = entry.hash
        expected_seq = entry.seq + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if expected_seq > 1:
            problems.append(ChainProblem(expected_seq, "the chain head is missing"))
    elif head.last_seq != expected_seq - 1 or head.last_hash != previous_hash:
        problems.append(
            ChainProblem(
                expected_seq,
                f"missing (the log should end at #{head.last_seq}; entries were removed "
                "from the end)",
            )
        )
    problems.sort(key=lambda problem: problem.seq)
    return problems
