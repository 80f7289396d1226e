"""The locker's store and signing key (one of each per installation, created on first use), and
the custody log: every custody event is sealed into the chain under a lock on its head, and the
head is signed in checkpoints.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from nacl import bindings as sodium
from nacl.exceptions import CryptoError

from mizan.core import keys as core_keys
from mizan.evidence.chain import GENESIS, checkpoint_payload, seal
from mizan.evidence.models import (
    Checkpoint,
    CustodyEvent,
    CustodyHead,
    Item,
)
from mizan.evidence.signing import SigningKey
from mizan.evidence.store import (
    KeyLockedError,
    LocalStore,
    StoreError,
    StoreKey,
    WrongPassphraseError,
    key_file_locked,
)

# ---------------------------------------------------------------------------------------------
# The store and the signing key (one of each per installation, created on first use)

_lock = threading.Lock()
_stores: dict[tuple[str, str], LocalStore] = {}


class StoreKeyMissing(FileNotFoundError):
    """A read-only check needed the store key and there is none: nothing was created."""


def next_key_file(key_file: Path) -> Path:
    """Where a rotation keeps the new store key until every object is re-wrapped under it."""
    return key_file.with_name(key_file.name + ".next")


def _passphrase_from_file() -> bytes | None:
    name = str(getattr(settings, "EVIDENCE_KEY_PASSPHRASE_FILE", "") or "")
    if not name:
        return None
    try:
        return Path(name).read_bytes().rstrip(b"\r\n")
    except OSError as exc:
        raise StoreError(f"cannot read MIZAN_KEY_PASSPHRASE_FILE {name}: {exc}") from exc


def load_store_key(path: Path, *, passphrase: bytes | None = None) -> StoreKey:
    """A key file, unlocked if it is locked: with ``passphrase``, one given earlier in this
    process, or MIZAN_KEY_PASSPHRASE_FILE. Raises KeyLockedError / WrongPassphraseError."""
    try:
        return StoreKey.load(path, passphrase=passphrase)
    except KeyLockedError:
        from_file = _passphrase_from_file()
        if from_file is None:
            raise
        return StoreKey.load(path, passphrase=from_file)


def store_keys(key_file: Path) -> tuple[StoreKey, list[StoreKey]]:
    """The key new objects are written with, and the other key objects may still be under.

    During a rotation (``store.key.next`` exists) new objects go under the new key and both
    read. ``.next`` is read first: it disappears only by becoming ``store.key``."""
    try:
        new = load_store_key(next_key_file(key_file))
    except FileNotFoundError:
        return load_store_key(key_file), []
    current = load_store_key(key_file)
    return new, [current] if current.key_id != new.key_id else []


def get_store(*, create: bool = True) -> LocalStore:
    """The installation's store; its key and directories are created on first use unless
    ``create`` is False (read-only checks), when a missing key raises :class:`StoreKeyMissing`.

    A locked key is unlocked with a passphrase already given in this process (``serve`` and
    ``worker`` ask at start: :func:`store_unlock`) or MIZAN_KEY_PASSPHRASE_FILE."""
    root, key_file = Path(settings.EVIDENCE_ROOT), Path(settings.EVIDENCE_KEY_FILE)
    cache_key = (str(root), str(key_file))

    def refresh() -> tuple[StoreKey, list[StoreKey]]:
        return store_keys(key_file)

    with _lock:
        store = _stores.get(cache_key)
        if store is None:
            if not create:
                if not key_file.exists():
                    raise StoreKeyMissing(
                        f"the store key {key_file} is missing (MIZAN_EVIDENCE_KEY_FILE); restore"
                        " it from the key backup — without it no original can be decrypted"
                    )
                key, previous = store_keys(key_file)
                return LocalStore(root, key, create=False, previous_keys=previous)
            key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not key_file.exists():
                with contextlib.suppress(StoreError):  # another process created it meanwhile
                    LocalStore.create_key(key_file)
            key, previous = store_keys(key_file)
            store = _stores[cache_key] = LocalStore(
                root, key, previous_keys=previous, refresh=refresh
            )
        return store


def store_lock_status() -> str:
    """'locked', 'plain' or 'missing': how the store key is kept (``mizan keys lock-status``)."""
    key_file = Path(settings.EVIDENCE_KEY_FILE)
    if not key_file.exists():
        return "missing"
    return "locked" if key_file_locked(key_file) else "plain"


def store_unlock(*, ask: Callable[[], bytes] | None = None, attempts: int = 3) -> str:
    """Unlock a locked store key for this process (``serve``, ``worker``, the drill) and return
    the mode ('plain', 'locked' — now unlocked — or 'missing').

    The passphrase comes from MIZAN_KEY_PASSPHRASE_FILE or from ``ask`` (a terminal prompt);
    a wrong one is asked again up to ``attempts`` times, then WrongPassphraseError."""
    mode = store_lock_status()
    if mode != "locked":
        return mode
    key_file = Path(settings.EVIDENCE_KEY_FILE)
    try:
        load_store_key(key_file)
        return mode
    except KeyLockedError:
        if ask is None:
            raise
    for attempt in range(1, attempts + 1):
        try:
            StoreKey.load(key_file, passphrase=ask())
            return mode
        except WrongPassphraseError:
            if attempt == attempts:
                raise
    return mode


def upload_segment_key(token: str, store_key: StoreKey) -> bytes:
    """The key that seals a browser upload's segments: derived from the store key and the
    upload's random token (keyed BLAKE2b, libsodium's KDF construction)."""
    return hashlib.blake2b(
        token.encode("ascii"),
        key=store_key.secret,
        digest_size=sodium.crypto_secretbox_KEYBYTES,
        person=b"mizan-upload-v1",
    ).digest()


def upload_segment_open(token: str, sealed: bytes, keys: list[StoreKey]) -> bytes:
    """Open one sealed upload segment with whichever of ``keys`` sealed it (during and after a
    rotation an upload may hold segments sealed under either store key)."""
    nonce, box = sealed[: sodium.crypto_secretbox_NONCEBYTES], sealed[24:]
    for key in keys:
        try:
            return bytes(sodium.crypto_secretbox_open(box, nonce, upload_segment_key(token, key)))
        except CryptoError:
            continue
    raise StoreError("an upload segment does not open with the store key: it is damaged")


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


def objects_discard_unclaimed(objects: set[str]) -> list[str]:
    """Remove from the store each of ``objects`` that no item names; return those removed.

    For an import that stored content and then failed, its database rows rolled back: only the
    objects that import itself added (not in the store before it began) may be passed. Originals
    are immutable and the store offers no delete; an object no item ever held is not an original
    yet. One window remains: another ingest of the very same bytes that has stored them but not
    committed its item would lose its object (``mizan evidence verify`` then reports the item's
    content missing).
    """
    store = get_store()
    removed: list[str] = []
    for sha256 in sorted(objects):
        if Item.objects.filter(sha256=sha256).exists():
            continue
        store.path_for(sha256).unlink(missing_ok=True)
        removed.append(sha256)
    return removed
