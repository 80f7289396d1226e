"""The audit log service: append entries, read them, verify the chain (DESIGN decision 7).

Every write in Mizan calls :func:`audit_record` inside the transaction that makes the change, so
the change and its entry commit together or not at all.

Signed checkpoints anchor the chain outside the database: once ``AUDIT_CHECKPOINT_EVERY`` entries
(100 by default) follow the last checkpoint, the append that reaches that count also signs the
log's length and head with the organisation's Ed25519 key (a file, never in the database), and
``mizan audit checkpoint`` signs the current head on demand (before a backup, at the end of a
day) and can write it to a file kept elsewhere. :func:`audit_verify` then demands that every
checkpoint's signature holds and that the log still has the head each one signed, that no run
of more than ``AUDIT_CHECKPOINT_EVERY`` entries goes without a checkpoint (so deleting
checkpoints shows), and — given an exported checkpoint file — that the log still has that head.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest

from mizan.core.models.audit import AuditCheckpoint, AuditEntry, AuditHead
from mizan.core.signing import SigningKey, fingerprint, verify_signature

GENESIS_HASH = "0" * 64
logger = logging.getLogger(__name__)
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
        every = checkpoint_interval()
        if every > 0:
            last_signed = (
                AuditCheckpoint.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
            )
            if entry.seq - last_signed >= every:
                try:
                    _sign_checkpoint(entry.seq, entry.hash)
                except (OSError, ValueError) as exc:
                    # An unreadable key must not stop sign-ins and every other write: the entry
                    # stands, the next append tries again, and `mizan audit verify` reports the
                    # entries no checkpoint covers until the key is fixed.
                    logger.error("audit checkpoint not signed at entry #%s: %s", entry.seq, exc)
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


def audit_verify(
    *, against: dict[str, Any] | None = None, key: SigningKey | None = None
) -> list[ChainProblem]:
    """Recompute the chain and check its signed checkpoints; return every problem found, first
    bad entry first.

    Steps: walk the entries in ``seq`` order; a gap in ``seq`` means entries were removed; an
    entry whose recomputed hash differs was altered; an entry whose ``prev_hash`` is not its
    predecessor's hash was altered or re-inserted; the head must name the last entry, or entries
    were removed from the end. Then the checkpoints (:func:`_checkpoint_problems`) and, with
    ``against`` (an exported checkpoint, :func:`read_checkpoint_file`), that one too.

    ``key`` is the installation's signing key; without it, it is loaded read-only (a missing key
    raises :class:`mizan.core.keys.SigningKeyMissing` when there are signatures to check).
    """
    problems: list[ChainProblem] = []
    checkpoints = list(AuditCheckpoint.objects.order_by("seq", "id"))
    wanted = {c.seq for c in checkpoints} | ({int(against["seq"])} if against else set())
    hashes: dict[int, str] = {}
    expected_seq = 1
    previous_hash = GENESIS_HASH
    for entry in _entries():
        if entry.seq in wanted:
            hashes[entry.seq] = entry.hash
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
    last_seq = expected_seq - 1
    needs_key = bool(checkpoints) or against is not None
    if needs_key and key is None:
        from mizan.core.keys import get_signing_key

        key = get_signing_key(create=False)
    problems.extend(_checkpoint_problems(checkpoints, hashes, last_seq, key))
    if against is not None and key is not None:
        problems.extend(_against_problems(against, hashes, last_seq, key))
    problems.sort(key=lambda problem: problem.seq)
    return problems


# ---------------------------------------------------------------------------------------------
# Signed checkpoints

CHECKPOINT_KIND = "mizan-audit-checkpoint-v1"


def checkpoint_interval() -> int:
    """How many entries may follow the last signed checkpoint before the next one is signed."""
    return int(getattr(settings, "AUDIT_CHECKPOINT_EVERY", 100))


def checkpoint_payload(seq: int, head: str, at: str) -> bytes:
    """The bytes an audit checkpoint's signature covers (its kind keeps it from being taken for
    a custody checkpoint signed by the same key)."""
    document = {"kind": CHECKPOINT_KIND, "seq": seq, "head": head, "at": at}
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()


def _now_iso() -> str:
    return datetime.now(tz=UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _sign_checkpoint(seq: int, head: str) -> AuditCheckpoint:
    from mizan.core.keys import get_signing_key

    key = get_signing_key()
    at = _now_iso()
    return AuditCheckpoint.objects.create(
        seq=seq,
        head=head,
        at=at,
        signature=base64.b64encode(key.sign(checkpoint_payload(seq, head, at))).decode("ascii"),
        key_fingerprint=key.fingerprint,
    )


def audit_checkpoint_sign() -> AuditCheckpoint | None:
    """Sign the log's current head, or return the checkpoint that already signs it (``None``
    for an empty log). Callers that hand the checkpoint out verify the chain first."""
    with transaction.atomic():
        head = _locked_head()
        if head.last_seq == 0:
            return None
        existing = (
            AuditCheckpoint.objects.filter(seq=head.last_seq, head=head.last_hash)
            .order_by("-id")
            .first()
        )
        return existing or _sign_checkpoint(head.last_seq, head.last_hash)


class AuditLogBroken(Exception):
    """The log does not verify, so no checkpoint may vouch for it."""

    def __init__(self, problems: list[ChainProblem]) -> None:
        super().__init__(f"the audit log is broken (first bad entry #{problems[0].seq})")
        self.problems = problems


def audit_checkpoint_export() -> dict[str, Any] | None:
    """Verify the whole log, sign its current head and return the checkpoint as a document to
    keep away from the server (``None`` for an empty log). Raises :class:`AuditLogBroken`
    rather than sign a log that does not verify."""
    from mizan.core.keys import get_signing_key

    key = get_signing_key()  # signing is a write: the key is created on first use
    problems = audit_verify(key=key)
    if problems:
        raise AuditLogBroken(problems)
    checkpoint = audit_checkpoint_sign()
    return None if checkpoint is None else checkpoint_document(checkpoint, key)


def checkpoint_document(checkpoint: AuditCheckpoint, key: SigningKey) -> dict[str, Any]:
    """An exported checkpoint: everything needed to check it later, and no personal data."""
    return {
        "kind": CHECKPOINT_KIND,
        "seq": checkpoint.seq,
        "head": checkpoint.head,
        "at": checkpoint.at,
        "signature": checkpoint.signature,
        "key_fingerprint": checkpoint.key_fingerprint,
        "public_key": key.public_pem.decode("ascii"),
    }


class CheckpointFileError(ValueError):
    """An exported checkpoint file that cannot be read or does not hold together."""


def read_checkpoint_file(raw: bytes) -> dict[str, Any]:
    """Parse an exported checkpoint and check its own signature (not yet against the log)."""
    try:
        document = json.loads(raw)
        seq, head, at = int(document["seq"]), str(document["head"]), str(document["at"])
        public_pem = str(document["public_key"]).encode("ascii")
        signature = base64.b64decode(str(document["signature"]), validate=True)
        kind = document.get("kind")
    except (ValueError, KeyError, TypeError) as exc:
        raise CheckpointFileError(f"not a Mizan audit checkpoint file ({exc})") from None
    if kind != CHECKPOINT_KIND:
        raise CheckpointFileError(f"not a Mizan audit checkpoint file (kind {kind!r})")
    if not verify_signature(public_pem, checkpoint_payload(seq, head, at), signature):
        raise CheckpointFileError("the checkpoint file's signature does not verify: it was altered")
    document["fingerprint"] = fingerprint(public_pem)
    if document["fingerprint"] != document.get("key_fingerprint"):
        raise CheckpointFileError("the checkpoint file names another key than the one it carries")
    return dict(document)


def _checkpoint_problems(
    checkpoints: list[AuditCheckpoint],
    hashes: dict[int, str],
    last_seq: int,
    key: SigningKey | None,
) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    for checkpoint in checkpoints:
        where = f"signed checkpoint at #{checkpoint.seq}: "
        if key is None or checkpoint.key_fingerprint != key.fingerprint:
            problems.append(
                ChainProblem(
                    checkpoint.seq,
                    where + f"signed with another key ({checkpoint.key_fingerprint[:16]}…)",
                )
            )
        elif not verify_signature(
            key.public_pem,
            checkpoint_payload(checkpoint.seq, checkpoint.head, checkpoint.at),
            base64.b64decode(checkpoint.signature),
        ):
            problems.append(ChainProblem(checkpoint.seq, where + "the signature does not verify"))
        if hashes.get(checkpoint.seq) != checkpoint.head:
            problems.append(
                ChainProblem(
                    checkpoint.seq,
                    where + "the log no longer has the head that was signed (entries up to "
                    "here were rewritten or removed)",
                )
            )
    every = checkpoint_interval()
    if every <= 0:
        return problems
    # Checkpoints are signed at least every `every` entries: a longer run without one means
    # checkpoints were deleted (the log may have been rewritten past the last one left).
    signed = sorted({c.seq for c in checkpoints if c.seq <= last_seq})
    for before, after in itertools.pairwise(signed):
        if after - before > every:
            problems.append(
                ChainProblem(
                    before + 1,
                    f"no signed checkpoint between #{before} and #{after} ({after - before} "
                    f"entries; one is signed at least every {every}): checkpoints were removed",
                )
            )
    last_signed = signed[-1] if signed else 0
    if last_seq - last_signed >= every:
        problems.append(
            ChainProblem(
                last_signed + 1,
                f"entries #{last_signed + 1}–#{last_seq} are covered by no signed checkpoint "
                f"(one is signed at least every {every} entries): checkpoints were removed",
            )
        )
    return problems


def _against_problems(
    document: dict[str, Any], hashes: dict[int, str], last_seq: int, key: SigningKey
) -> list[ChainProblem]:
    seq = int(document["seq"])
    where = f"exported checkpoint at #{seq} (signed {document['at']}): "
    problems: list[ChainProblem] = []
    if document["fingerprint"] != key.fingerprint:
        problems.append(
            ChainProblem(
                seq,
                where + f"signed by key {document['fingerprint'][:16]}…, not by this "
                f"installation's key {key.fingerprint[:16]}…",
            )
        )
    if seq > last_seq:
        problems.append(
            ChainProblem(
                last_seq + 1,
                where + f"the log now ends at #{last_seq}: entries were removed from the end",
            )
        )
    elif hashes.get(seq) != document["head"]:
        problems.append(
            ChainProblem(seq, where + "the log no longer has that head: it was rewritten")
        )
    return problems
