"""The store key: locked under a passphrase, and rotated (every data key re-wrapped, resumable,
in the custody log). Each test has its own store and key file, so the session's are untouched.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from nacl.pwhash import argon2id

from mizan.evidence import store as store_module
from mizan.evidence.models import CustodyEvent, Item
from mizan.evidence.services import (
    custody,
    item_ingest,
    locker_verify,
    store_key_rotate,
    store_lock_status,
    store_unlock,
)
from mizan.evidence.store import (
    KeyLockedError,
    LocalStore,
    StoreKey,
    WrongPassphraseError,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_store(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    settings.EVIDENCE_KEY_FILE = tmp_path / "keys" / "store.key"
    settings.EVIDENCE_KEY_PASSPHRASE_FILE = ""
    monkeypatch.setattr(custody, "_stores", {})
    monkeypatch.setattr(store_module, "_unlocked", {})
    # The cheapest Argon2id libsodium allows for interactive use: tests derive many times.
    monkeypatch.setattr(store_module, "LOCK_OPSLIMIT", argon2id.OPSLIMIT_INTERACTIVE)
    monkeypatch.setattr(store_module, "LOCK_MEMLIMIT", argon2id.MEMLIMIT_INTERACTIVE)
    return Path(settings.EVIDENCE_KEY_FILE)


def ingest(data: bytes, name: str = "file.bin") -> Item:
    return item_ingest(io.BytesIO(data), filename=name, actor="tester").item


def forget_unlocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a freshly started process: nothing unlocked, no store opened."""
    monkeypatch.setattr(store_module, "_unlocked", {})
    monkeypatch.setattr(custody, "_stores", {})


# --- locking -----------------------------------------------------------------------------------


def test_a_locked_key_opens_only_with_its_passphrase(
    own_store: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    item = ingest(b"locked evidence " * 1000)
    assert store_lock_status() == "plain"
    StoreKey.lock_file(own_store, b"correct horse battery")
    assert store_lock_status() == "locked"
    text = own_store.read_text()
    assert text.startswith("mizan-store-key-locked-v1:")
    assert own_store.stat().st_mode & 0o777 == 0o600

    forget_unlocked(monkeypatch)
    with pytest.raises(KeyLockedError, match="MIZAN_KEY_PASSPHRASE_FILE"):
        custody.get_store()
    # A wrong passphrase recovers nothing, says so, and leaves the key locked.
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        store_unlock(ask=lambda: b"wrong horse battery")
    assert store_module._unlocked == {}
    with pytest.raises(KeyLockedError):
        custody.get_store()
    assert own_store.read_text() == text

    tries = iter([b"typo", b"correct horse battery"])
    assert store_unlock(ask=lambda: next(tries)) == "locked"
    assert custody.get_store().verify(item.sha256).ok


def test_the_passphrase_file_unlocks_a_service_started_without_a_terminal(
    own_store: Path, monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path
) -> None:
    item = ingest(b"systemd credential " * 1000)
    StoreKey.lock_file(own_store, b"correct horse battery")
    forget_unlocked(monkeypatch)
    secret = tmp_path / "passphrase"
    secret.write_bytes(b"correct horse battery\n")
    settings.EVIDENCE_KEY_PASSPHRASE_FILE = str(secret)
    assert store_unlock() == "locked"
    assert custody.get_store().verify(item.sha256).ok
    forget_unlocked(monkeypatch)
    secret.write_bytes(b"not it\n")
    with pytest.raises(WrongPassphraseError):
        custody.get_store()


def test_a_short_passphrase_is_refused(own_store: Path) -> None:
    ingest(b"x" * 100)
    with pytest.raises(store_module.StoreError, match="at least 8"):
        StoreKey.lock_file(own_store, b"short")
    assert store_lock_status() == "plain"


# --- rotation ------------------------------------------------------------------------------------


def test_rotation_rewraps_every_object_and_records_it(
    own_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_items = [ingest(os.urandom(3000 + n), f"f{n}.bin") for n in range(3)]
    # A v1 object (stored by an earlier Mizan) is converted to v2 at the same address.
    store = custody.get_store()
    store._write_version = 1
    old_item = ingest(os.urandom(5000), "old.bin")
    store._write_version = 2
    old_key = StoreKey.load(own_store)
    chunks_before = {i.sha256: store.path_for(i.sha256).read_bytes()[115:] for i in new_items}

    report = store_key_rotate(actor="tester")

    assert report.finished and not report.problems
    assert (report.rewrapped, report.converted, report.already) == (3, 1, 0)
    new_key = StoreKey.load(own_store)
    assert new_key.key_id != old_key.key_id
    assert not own_store.with_name("store.key.next").exists()
    for item in [*new_items, old_item]:
        fresh = Item.objects.get(pk=item.pk)
        assert store.object_info(item.sha256) == (2, new_key.key_id)
        assert fresh.ciphertext_sha256 != item.ciphertext_sha256
        event = CustodyEvent.objects.filter(item=item, action="rekey").get()
        assert event.details["from_key"] == old_key.key_id.hex()
        assert event.details["ciphertext_sha256"] == fresh.ciphertext_sha256
        assert event.details["old_ciphertext_sha256"] == item.ciphertext_sha256
    # v2 content is not re-encrypted: the chunks are the same bytes under a new header.
    for sha, chunks in chunks_before.items():
        assert store.path_for(sha).read_bytes()[115:] == chunks
    assert LocalStore(store.root, old_key).verify(new_items[0].sha256).ok is False
    forget_unlocked(monkeypatch)
    report_check = locker_verify()
    assert report_check.ok, report_check.problems
    # Run again: a new rotation, from the key the first one made.
    again = store_key_rotate(actor="tester")
    assert again.finished and again.rewrapped == 4 and again.old_key_id == new_key.key_id.hex()


def test_a_locked_key_rotates_to_a_key_locked_with_the_same_passphrase(
    own_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = ingest(os.urandom(4000))
    StoreKey.lock_file(own_store, b"correct horse battery")
    assert store_key_rotate(actor="tester").finished
    assert store_lock_status() == "locked"
    forget_unlocked(monkeypatch)
    with pytest.raises(KeyLockedError):
        custody.get_store()
    store_unlock(ask=lambda: b"correct horse battery")
    assert custody.get_store().verify(item.sha256).ok


def test_a_damaged_object_stops_the_rotation_and_the_old_key_is_kept(own_store: Path) -> None:
    good, bad = ingest(os.urandom(4000), "a"), ingest(os.urandom(4000), "b")
    path = custody.get_store().path_for(bad.sha256)
    path.chmod(0o600)
    raw = bytearray(path.read_bytes())
    raw[200] ^= 1
    path.write_bytes(bytes(raw))
    before = own_store.read_text()

    report = store_key_rotate(actor="tester")

    assert not report.finished
    assert len(report.problems) == 1 and bad.sha256 in report.problems[0]
    assert own_store.read_text() == before  # the old key stays until every object is done
    assert own_store.with_name("store.key.next").exists()
    store = custody.get_store()
    assert store.verify(good.sha256).ok  # already under the new key, read with both held
    assert Item.objects.get(pk=bad.pk).ciphertext_sha256 == bad.ciphertext_sha256


def test_objects_ingested_during_a_rotation_go_under_the_new_key(own_store: Path) -> None:
    first = ingest(os.urandom(4000), "a")
    store = custody.get_store()
    StoreKey.generate().save(own_store.with_name("store.key.next"))
    during = ingest(os.urandom(4000), "b")  # the cached store follows the key files
    new_key = StoreKey.load(own_store.with_name("store.key.next"))
    assert store.object_info(during.sha256)[1] == new_key.key_id
    assert store.verify(first.sha256).ok and store.verify(during.sha256).ok
    assert store_key_rotate(actor="tester").finished
    assert StoreKey.load(own_store).key_id == new_key.key_id
    assert custody.get_store().verify(first.sha256).ok


def test_the_restore_drill_unlocks_a_restored_locked_key_or_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mizan.backup.services import _unlock_restored_key

    home = tmp_path / "restored"
    (home / "keys").mkdir(parents=True)
    key_file = home / "keys" / "store.key"
    StoreKey.generate().save(key_file)
    assert _unlock_restored_key(home, None) == ""  # plain: nothing to do
    StoreKey.lock_file(key_file, b"correct horse battery")
    forget_unlocked(monkeypatch)
    assert "locked" in _unlock_restored_key(home, None)
    assert "wrong passphrase" in _unlock_restored_key(home, lambda: b"nope nope nope")
    assert store_module.unlocked_wrapping_keys() == {}
    assert _unlock_restored_key(home, lambda: b"correct horse battery") == ""
    handed = store_module.unlocked_wrapping_keys()
    assert len(handed) == 1
    # What the drill process does with what it is handed through the pipe:
    forget_unlocked(monkeypatch)
    store_module.remember_wrapping_keys(handed)
    assert StoreKey.load(key_file).key_id


def test_an_upload_begun_before_a_rotation_completes_after_it(
    own_store: Path, documenter_a: Any
) -> None:
    import hashlib

    from mizan.evidence.uploads import upload_chunk, upload_complete, upload_start

    ingest(b"an object so there is a key" * 10)
    first, second = os.urandom(5000), os.urandom(3000)
    upload = upload_start(
        user=documenter_a, filename="interview.bin", size=len(first) + len(second)
    )
    upload = upload_chunk(
        upload=upload, offset=0, data=first, sha256=hashlib.sha256(first).hexdigest()
    )
    old_key = StoreKey.load(own_store)

    report = store_key_rotate(actor="tester")

    assert report.finished and report.uploads_resealed == 1
    assert StoreKey.load(own_store).key_id != old_key.key_id
    upload = upload_chunk(
        upload=upload, offset=len(first), data=second, sha256=hashlib.sha256(second).hexdigest()
    )
    result = upload_complete(upload=upload, actor=documenter_a)
    out = io.BytesIO()
    custody.get_store().read_to(result.item.sha256, out)
    assert out.getvalue() == first + second
