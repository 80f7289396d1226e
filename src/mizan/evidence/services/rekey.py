"""Rotating the store key: every object's data key re-wrapped under a new store key.

Why it looks like this:

* **No content re-encrypted.** A format v2 object gets a new header (its data key wrapped under
  the new key) and its chunks copied byte for byte; a v1 object is decrypted, re-hashed against
  its address and written as v2 (its address, the plaintext SHA-256, does not change).
* **The object file's SHA-256 changes** (the header is part of it), and it is what key-less
  fixity checks, so each item's recorded ``ciphertext_sha256`` is updated together with a custody
  event (``rekey``: old and new key id, old and new digest). Before an object is re-wrapped its
  file is checked against the recorded digest: a rotation never gives damaged bytes a fresh one.
* **Nothing is ever unreadable.** The new key is written first to ``store.key.next`` (locked
  like ``store.key``); from then on every process writes new objects under it and reads under
  either key (``custody.store_keys``). Each object is re-wrapped into ``tmp/rekey-<sha256>``
  (fsynced), the item's new digest committed, then the file renamed over the object (atomic).
  Only when no object is left under the old key does ``.next`` become ``store.key``.
* **Unfinished browser uploads** (segments sealed under a key derived from the store key) are
  re-sealed under the new key just before it takes the old one's place.
* **Resumable.** A crash (SIGKILL, power) at any point leaves every object readable with one of
  the two keys; running the command again carries on: objects already under the new key are
  skipped, and a ``tmp/rekey-*`` file whose digest the database already holds is renamed in.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from nacl import bindings as sodium
from nacl.exceptions import CryptoError

from mizan.core.audit import audit_record
from mizan.evidence.models import CustodyEvent, Item, Upload
from mizan.evidence.services.custody import (
    custody_record,
    get_store,
    load_store_key,
    next_key_file,
    store_keys,
    upload_segment_key,
    upload_segment_open,
)
from mizan.evidence.store import LocalStore, StoreError, StoreKey, _file_sha256, _fsync_dir

_ADDRESS = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class RotateReport:
    old_key_id: str = ""
    new_key_id: str = ""
    rewrapped: int = 0  # v2 objects given a new header
    converted: int = 0  # v1 objects re-encrypted as v2
    already: int = 0  # under the new key before this run (a resumed rotation)
    uploads_resealed: int = 0  # segments of unfinished browser uploads
    problems: list[str] = field(default_factory=list)
    finished: bool = False  # store.key is now the new key


def _objects(store: LocalStore) -> Iterator[str]:
    for _directory, _dirs, files in os.walk(store.objects):
        for name in sorted(files):
            if _ADDRESS.match(name):
                yield name


def _wait_for_older_ingests(store: LocalStore) -> None:
    """Ingests that chose their key before ``.next`` existed must finish before the pass that
    looks for objects under the old key; each holds an exclusive lock on its temporary file."""
    for path in store.tmp.glob("*.partial"):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)  # blocks until that ingest ends
        finally:
            os.close(fd)


def _rekey_one(
    store: LocalStore, sha256: str, new_key: StoreKey, *, actor: Any, report: RotateReport
) -> None:
    version, key_id = store.object_info(sha256)
    pending = store.tmp / f"rekey-{sha256}"
    if version == 2 and key_id == new_key.key_id:
        pending.unlink(missing_ok=True)
        report.already += 1
        return
    item = Item.objects.filter(sha256=sha256).first()
    if pending.exists():
        if item is not None and _file_sha256(pending) == item.ciphertext_sha256:
            # Killed after the new digest was committed, before the rename: finish it.
            store.replace_object(sha256, pending)
            report.rewrapped += 1
            return
        pending.unlink()
    fd = os.open(pending, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        with os.fdopen(fd, "wb", closefd=False) as target:
            old_digest, new_digest = store.rewrap_to(
                sha256,
                new_key,
                target,
                expected_ciphertext=item.ciphertext_sha256 if item is not None else "",
            )
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        pending.unlink(missing_ok=True)
        raise
    os.close(fd)
    if item is not None:
        with transaction.atomic():
            Item.objects.filter(pk=item.pk).update(ciphertext_sha256=new_digest)
            custody_record(
                item=item,
                action=CustodyEvent.Action.REKEY,
                actor=actor,
                details={
                    "from_key": key_id.hex(),
                    "to_key": new_key.key_id.hex(),
                    "format": f"v{version} to v2",
                    "old_ciphertext_sha256": old_digest,
                    "ciphertext_sha256": new_digest,
                },
            )
    store.replace_object(sha256, pending)
    if version == 1:
        report.converted += 1
    else:
        report.rewrapped += 1


def _reseal_uploads(new_key: StoreKey, keys: list[StoreKey]) -> int:
    """Re-seal the segments of unfinished browser uploads under the new key (they are sealed
    under a key derived from the store key), so an upload begun before the rotation can still
    be completed after it. Returns how many segments were re-sealed."""
    resealed = 0
    root = Path(settings.EVIDENCE_ROOT) / "uploads"
    for token in Upload.objects.filter(item__isnull=True).values_list("token", flat=True):
        directory = root / token
        new_segment_key = upload_segment_key(token, new_key)
        for segment in sorted(directory.glob("*.seg")):
            sealed = segment.read_bytes()
            nonce, box = sealed[: sodium.crypto_secretbox_NONCEBYTES], sealed[24:]
            try:
                sodium.crypto_secretbox_open(box, nonce, new_segment_key)
                continue  # sealed under the new key already
            except CryptoError:
                pass
            plain = upload_segment_open(token, sealed, keys)
            fresh = secrets.token_bytes(sodium.crypto_secretbox_NONCEBYTES)
            pending = segment.with_suffix(".reseal")
            fd = os.open(pending, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
            try:
                os.write(fd, fresh + sodium.crypto_secretbox(plain, fresh, new_segment_key))
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(pending, segment)
            _fsync_dir(directory)
            resealed += 1
    return resealed


def store_key_rotate(
    *, actor: Any, progress: Callable[[int, str], None] | None = None
) -> RotateReport:
    """Re-wrap every object's data key under a new store key (resuming one that was cut short).

    Returns the report; ``finished`` is False when some object could not be re-wrapped (each
    named in ``problems``): the old key is then kept, and the command can be run again once the
    damage is dealt with (restore the object from a backup).
    """
    key_file = Path(settings.EVIDENCE_KEY_FILE)
    if not key_file.exists():
        raise StoreError(f"there is no store key at {key_file}: nothing to rotate")
    report = RotateReport()
    lock_path = key_file.with_name(key_file.name + ".rotate-lock")
    lock_fd = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError("another rotation of the store key is running") from None
        old_key = load_store_key(key_file)
        next_file = next_key_file(key_file)
        if not next_file.exists():
            StoreKey.generate().save(next_file, locked_like=key_file)
        new_key, _previous = store_keys(key_file)
        report.old_key_id, report.new_key_id = old_key.key_id.hex(), new_key.key_id.hex()
        store = get_store()
        store._reload_keys()
        _wait_for_older_ingests(store)
        for done, sha256 in enumerate(_objects(store), start=1):
            try:
                _rekey_one(store, sha256, new_key, actor=actor, report=report)
            except StoreError as exc:
                report.problems.append(f"{sha256}: {exc}")
            if progress:
                progress(done, sha256)
        if not report.problems:
            report.uploads_resealed = _reseal_uploads(new_key, [new_key, old_key])
            os.replace(next_file, key_file)
            _fsync_dir(key_file.parent)
            report.finished = True
            store._reload_keys()
        audit_record(
            actor=actor,
            action="update",
            object_type="evidence.store_key",
            object_id=report.new_key_id[:16],
            detail={
                "from_key": report.old_key_id,
                "to_key": report.new_key_id,
                "rewrapped": report.rewrapped,
                "converted": report.converted,
                "already": report.already,
                "problems": len(report.problems),
                "finished": report.finished,
            },
        )
    finally:
        os.close(lock_fd)
    return report
