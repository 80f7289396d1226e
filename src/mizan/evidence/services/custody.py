"""The locker's store and signing key (one of each per installation, created on first use), and
the custody log: every custody event is sealed into the chain under a lock on its head, and the
head is signed in checkpoints.
"""

from __future__ import annotations

import base64
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from mizan.core import keys as core_keys
from mizan.evidence.chain import GENESIS, checkpoint_payload, seal
from mizan.evidence.models import (
    Checkpoint,
    CustodyEvent,
    CustodyHead,
    Item,
)
from mizan.evidence.signing import SigningKey
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
