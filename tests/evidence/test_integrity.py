"""The locker's history and store from the side of someone who holds the database file, and
of a process killed mid-ingest; read-only checks that must create nothing."""

from __future__ import annotations

import fcntl
import io
import os
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction

from mizan.cli import main as mizan_main
from mizan.core import audit_guard
from mizan.evidence import services
from mizan.evidence.chain import GENESIS, seal
from mizan.evidence.models import Checkpoint, CustodyEvent, CustodyHead, Item
from mizan.evidence.services import custody, item_ingest, locker_verify

pytestmark = pytest.mark.django_db

TABLES = ["evidence_custodyevent", "evidence_checkpoint"]


def _sql(statement: str, params: list[Any] | None = None) -> None:
    audit_guard.remove(connection, TABLES)
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, params or [])
    finally:
        audit_guard.install(connection, TABLES)


def _ingest(content: bytes, name: str = "note.txt") -> Item:
    return item_ingest(io.BytesIO(content), filename=name, actor="tester").item


def _rehash_custody_from(seq: int) -> None:
    """Recompute every event's links and hash from ``seq`` on, the head and the items' last
    hashes: the custody chain alone checks clean afterwards."""
    previous = CustodyEvent.objects.get(seq=seq - 1).hash if seq > 1 else GENESIS
    item_heads: dict[str, str] = {}
    for event in CustodyEvent.objects.filter(seq__lt=seq).order_by("seq"):
        item_heads[event.item_reference] = event.hash
    for event in CustodyEvent.objects.filter(seq__gte=seq).order_by("seq"):
        data = event.as_chain_event()
        data["prev"] = previous
        data["item_prev"] = item_heads.get(event.item_reference, GENESIS)
        sealed = seal(data)
        _sql(
            "UPDATE evidence_custodyevent SET prev = %s, item_prev = %s, hash = %s WHERE id = %s",
            [sealed["prev"], sealed["item_prev"], sealed["hash"], event.pk],
        )
        previous = item_heads[event.item_reference] = sealed["hash"]
    last = CustodyEvent.objects.order_by("-seq").first()
    assert last is not None
    CustodyHead.objects.filter(pk=1).update(last_seq=last.seq, last_hash=last.hash)
    for reference, head in item_heads.items():
        Item.objects.filter(reference=reference).update(last_event_hash=head)


def test_deleting_custody_checkpoints_and_rehashing_the_chain_is_detected(settings: Any) -> None:
    settings.EVIDENCE_CHECKPOINT_EVERY = 5
    item = _ingest(b"synthetic statement")
    for _ in range(11):
        services.item_fixity(item=item, actor="t")
    assert Checkpoint.objects.count() == 2
    assert locker_verify().ok
    # The guard stops the application and a careless console session…
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM evidence_checkpoint")
    # …someone who drops it deletes the checkpoints, edits an event and re-hashes the chain.
    _sql("DELETE FROM evidence_checkpoint")
    ingest_event = item.custody_events.get(action="ingest")
    _sql(
        "UPDATE evidence_custodyevent SET actor = %s WHERE id = %s",
        ["someone else", ingest_event.pk],
    )
    _rehash_custody_from(ingest_event.seq)
    report = locker_verify()
    assert not report.ok, "a re-hashed custody log without its checkpoints passed verification"
    assert any("covered by no signed checkpoint" in p for p in report.problems), report.problems


def test_rehashing_the_custody_chain_under_a_checkpoint_is_detected(settings: Any) -> None:
    settings.EVIDENCE_CHECKPOINT_EVERY = 5
    item = _ingest(b"synthetic statement 2")
    for _ in range(6):
        services.item_fixity(item=item, actor="t")
    event = item.custody_events.order_by("seq")[1]
    _sql("UPDATE evidence_custodyevent SET actor = %s WHERE id = %s", ["x", event.pk])
    _rehash_custody_from(event.seq)
    assert any("no longer has that head" in p for p in locker_verify().problems)


def test_evidence_verify_without_keys_creates_none_and_says_what_is_missing(
    settings: Any, tmp_path: Path, capsys: Any
) -> None:
    _ingest(b"needs the store key")
    services.checkpoint_sign()
    custody._stores.clear()
    settings.EVIDENCE_KEY_FILE = tmp_path / "keys" / "store.key"
    assert mizan_main(["evidence", "verify"]) == 2
    assert "store key" in capsys.readouterr().err
    assert not (tmp_path / "keys").exists()

    settings.EVIDENCE_KEY_FILE = Path(settings.MIZAN_HOME) / "keys" / "store.key"
    settings.SIGNING_KEY_FILE = tmp_path / "keys" / "signing-key.pem"
    assert mizan_main(["evidence", "verify"]) == 2
    assert "signing key" in capsys.readouterr().err
    assert not (tmp_path / "keys").exists()


def test_evidence_verify_does_not_create_the_store(settings: Any, tmp_path: Path) -> None:
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    custody._stores.clear()
    assert mizan_main(["evidence", "verify"]) == 0
    assert not (tmp_path / "evidence").exists()


def test_stale_partial_files_are_swept_and_live_ones_kept(capsys: Any, monkeypatch: Any) -> None:
    store = services.get_store()
    stale = store.tmp / "0123abcd.partial"
    stale.write_bytes(b"\x00" * 4096)  # an ingest killed with SIGKILL: no one holds its lock
    live = store.tmp / "4567efab.partial"
    fd = os.open(live, os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert mizan_main(["evidence", "sweep"]) == 0
        assert "removed 1 " in capsys.readouterr().out
        assert not stale.exists() and live.exists()

        # The worker sweeps when it starts, before it runs any task.
        stale.write_bytes(b"\x00")
        from django.core import management

        ran: list[str] = []
        monkeypatch.setattr(management, "call_command", lambda *a, **k: ran.append(a[0]))
        assert mizan_main(["worker"]) == 0
        assert ran == ["db_worker"]
        assert not stale.exists() and live.exists()
    finally:
        os.close(fd)
        live.unlink()


def test_an_orphan_object_is_reported_by_verify(capsys: Any, settings: Any, tmp_path: Path) -> None:
    """An ingest killed after its content was linked into the store and before its item
    committed leaves an object nothing names: verify lists it."""
    settings.EVIDENCE_ROOT = tmp_path / "evidence"  # a store of this test's own
    _ingest(b"an item with its object")
    orphan = services.get_store().put(io.BytesIO(b"content whose item never committed"))
    report = locker_verify()
    assert [o.split()[0] for o in report.orphans] == [orphan.sha256]
    assert mizan_main(["evidence", "verify"]) == 0
    out = capsys.readouterr().out
    assert f"orphan object {orphan.sha256}" in out and "1 orphan objects" in out
    # Ingesting the same file again attaches the object: no orphan left.
    _ingest(b"content whose item never committed", "again.txt")
    assert locker_verify().orphans == []


# --- a damaged original is never served ---------------------------------------------------------


def _damage(item: Item, offset: int) -> None:
    path = services.get_store().path_for(item.sha256)
    os.chmod(path, 0o600)
    with path.open("r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x01]))


@pytest.mark.parametrize(
    ("where", "offset"),
    # Offsets in an object of format v2: a 115-byte header, chunks of 1 MiB + 16-byte tag.
    [("second chunk", 115 + (1024 * 1024 + 16) + 100), ("first chunk", 115 + 10)],
)
def test_a_damaged_original_sends_nothing_and_records_a_failed_fixity_check(
    where: str, offset: int, documenter_a: Any, team_a: Any, settings: Any, tmp_path: Path
) -> None:
    from django.urls import reverse

    from tests.conftest import signed_in

    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    content = os.urandom(3 * 1024 * 1024)
    item = item_ingest(io.BytesIO(content), filename="video.bin", actor="tester", team=team_a).item
    _damage(item, offset)
    client = signed_in(documenter_a)
    for name in ("evidence:item_download", "evidence:item_content"):
        response = client.get(reverse(name, args=[item.reference]))
        assert response.status_code == 500, where
        assert not response.streaming
        body = response.content.decode()
        assert "failed its integrity check" in body and "nothing of it was sent" in body
        assert content[:64] not in response.content
    item.refresh_from_db()
    assert item.last_fixity_ok is False
    actions = list(item.custody_events.values_list("action", "details__ok"))
    assert actions[1:] == [("fixity", False), ("fixity", False)]
    assert locker_verify().problems  # and the next verification names it too


def test_an_intact_original_still_streams_in_full(
    documenter_a: Any, team_a: Any, settings: Any, tmp_path: Path
) -> None:
    from django.urls import reverse

    from tests.conftest import signed_in

    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    content = os.urandom(2 * 1024 * 1024 + 5)
    item = item_ingest(io.BytesIO(content), filename="video.bin", actor="tester", team=team_a).item
    response = signed_in(documenter_a).get(reverse("evidence:item_download", args=[item.reference]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert list(item.custody_events.values_list("action", flat=True)) == ["ingest", "download"]
