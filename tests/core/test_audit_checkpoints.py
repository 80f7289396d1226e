"""Signed checkpoints of the audit log, from the side of someone who holds the database file.

Each attack drops the append-only triggers (anyone with the file can), rewrites rows with the
public hash formula, and puts the triggers back: only what lives outside the database (the
signing key, an exported checkpoint) can tell.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from mizan.cli import main as mizan_main
from mizan.core import audit_guard
from mizan.core.audit import Action, audit_record, audit_verify, entry_hash
from mizan.core.models import AuditEntry, AuditHead

pytestmark = pytest.mark.django_db

TABLES = ["core_auditentry", "core_auditcheckpoint"]


def _write(n: int) -> list[AuditEntry]:
    return [
        audit_record(actor=None, action=Action.VIEW, object_type="core.site", object_id=str(i))
        for i in range(n)
    ]


def _sql(statement: str, params: list[Any] | None = None) -> None:
    audit_guard.remove(connection, TABLES)
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, params or [])
    finally:
        audit_guard.install(connection, TABLES)


def _edit_and_rehash(seq: int, object_id: str) -> None:
    """Change one entry, then recompute every hash after it and the head: the chain alone
    checks clean afterwards."""
    _sql("UPDATE core_auditentry SET object_id = %s WHERE seq = %s", [object_id, seq])
    previous = AuditEntry.objects.get(seq=seq - 1).hash if seq > 1 else "0" * 64
    for entry in AuditEntry.objects.filter(seq__gte=seq).order_by("seq"):
        entry.prev_hash = previous
        new_hash = entry_hash(entry)
        _sql(
            "UPDATE core_auditentry SET prev_hash = %s, hash = %s WHERE id = %s",
            [previous, new_hash, entry.pk],
        )
        previous = new_hash
    _set_head()


def _set_head() -> None:
    last = AuditEntry.objects.order_by("-seq").first()
    assert last is not None
    AuditHead.objects.filter(pk=1).update(last_seq=last.seq, last_hash=last.hash)


def _cut_tail(keep: int) -> None:
    _sql("DELETE FROM core_auditentry WHERE seq > %s", [keep])
    _set_head()


def _delete_checkpoints() -> None:
    # Table name written out: the attacker does not go through the application.
    if "core_auditcheckpoint" in connection.introspection.table_names():
        _sql("DELETE FROM core_auditcheckpoint")


@pytest.fixture
def every_5(settings: Any) -> None:
    settings.AUDIT_CHECKPOINT_EVERY = 5


def test_an_edited_and_rehashed_log_is_caught_by_its_signed_checkpoints(every_5: None) -> None:
    entries = _write(12)
    _edit_and_rehash(entries[1].seq, "forged")
    problems = audit_verify()
    assert problems, "a re-hashed log passed verification"
    assert any("head that was signed" in p.problem for p in problems), problems
    with pytest.raises(CommandError, match="audit log broken"):
        call_command("audit", "verify")


def test_a_cut_tail_is_caught_by_the_checkpoint_it_removed(every_5: None) -> None:
    entries = _write(12)
    _cut_tail(entries[7].seq)  # below the checkpoint signed at the 10th entry
    problems = audit_verify()
    assert problems, "a log cut short passed verification"
    assert any("head that was signed" in p.problem for p in problems), problems


def test_deleted_checkpoints_are_noticed(every_5: None) -> None:
    _write(12)
    _delete_checkpoints()
    problems = audit_verify()
    assert problems, "a long log without any signed checkpoint passed verification"
    assert any("covered by no signed checkpoint" in p.problem for p in problems), problems


def test_a_deleted_middle_checkpoint_is_noticed(every_5: None) -> None:
    from mizan.core.models import AuditCheckpoint

    _write(16)
    seqs = sorted(AuditCheckpoint.objects.values_list("seq", flat=True))
    assert len(seqs) == 3
    _sql("DELETE FROM core_auditcheckpoint WHERE seq = %s", [seqs[1]])
    assert any("checkpoints were removed" in p.problem for p in audit_verify())


def test_the_database_refuses_to_change_or_delete_checkpoints(every_5: None) -> None:
    _write(5)
    for statement in (
        "UPDATE core_auditcheckpoint SET head = 'x'",
        "DELETE FROM core_auditcheckpoint",
    ):
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)


def test_checkpoints_resigned_with_another_key_are_refused(every_5: None, tmp_path: Path) -> None:
    """The attacker rewrites the log and signs new checkpoints with a key of their own."""
    from mizan.core.audit import checkpoint_payload
    from mizan.core.models import AuditCheckpoint
    from mizan.core.signing import SigningKey

    entries = _write(12)
    _edit_and_rehash(entries[1].seq, "forged")
    forger = SigningKey.load_or_create(tmp_path / "forger.pem")
    import base64

    for checkpoint in AuditCheckpoint.objects.all():
        head = AuditEntry.objects.get(seq=checkpoint.seq).hash
        signature = base64.b64encode(
            forger.sign(checkpoint_payload(checkpoint.seq, head, checkpoint.at))
        ).decode()
        _sql(
            "UPDATE core_auditcheckpoint SET head = %s, signature = %s, key_fingerprint = %s"
            " WHERE id = %s",
            [head, signature, forger.fingerprint, checkpoint.pk],
        )
    problems = audit_verify()
    assert any("another key" in p.problem for p in problems), problems


def test_an_exported_checkpoint_catches_a_rewrite_that_removed_every_checkpoint(
    settings: Any, tmp_path: Path, capsys: Any
) -> None:
    """The log is shorter than one checkpoint interval, so inside the database nothing is left
    to tell; the checkpoint the director took home still does."""
    settings.AUDIT_CHECKPOINT_EVERY = 1000
    entries = _write(6)
    exported = tmp_path / "audit-checkpoint.json"
    assert mizan_main(["audit", "checkpoint", "--out", str(exported)]) == 0
    document = json.loads(exported.read_text())
    assert document["seq"] == entries[-1].seq and document["head"] == entries[-1].hash
    _write(2)
    assert mizan_main(["audit", "verify", "--against", str(exported)]) == 0
    assert "matches the checkpoint" in capsys.readouterr().out

    _delete_checkpoints()
    _edit_and_rehash(entries[0].seq, "forged")
    assert audit_verify() == []  # the limit of what the database alone can show
    assert mizan_main(["audit", "verify", "--against", str(exported)]) == 1
    assert "no longer has that head: it was rewritten" in capsys.readouterr().err


def test_an_exported_checkpoint_catches_a_cut_tail(
    settings: Any, tmp_path: Path, capsys: Any
) -> None:
    settings.AUDIT_CHECKPOINT_EVERY = 5
    entries = _write(12)
    exported = tmp_path / "cp.json"
    call_command("audit", "checkpoint", "--out", str(exported))
    # Cut just past the last checkpoint inside the database and delete the newer ones.
    _sql("DELETE FROM core_auditcheckpoint WHERE seq > %s", [entries[9].seq])
    _cut_tail(entries[10].seq)
    assert mizan_main(["audit", "verify", "--against", str(exported)]) == 1
    assert "entries were removed from the end" in capsys.readouterr().err


def test_an_altered_checkpoint_file_is_refused(tmp_path: Path, capsys: Any) -> None:
    _write(3)
    exported = tmp_path / "cp.json"
    call_command("audit", "checkpoint", "--out", str(exported))
    document = json.loads(exported.read_text())
    document["seq"] -= 1
    exported.write_text(json.dumps(document))
    assert mizan_main(["audit", "verify", "--against", str(exported)]) == 1
    assert "signature does not verify" in capsys.readouterr().err


def test_checkpoint_refuses_to_sign_a_broken_log(tmp_path: Path) -> None:
    entries = _write(4)
    _sql("UPDATE core_auditentry SET object_id = 'x' WHERE seq = %s", [entries[1].seq])
    with pytest.raises(CommandError, match="no checkpoint was signed"):
        call_command("audit", "checkpoint", "--out", str(tmp_path / "cp.json"))
    assert not (tmp_path / "cp.json").exists()


def test_verify_without_the_signing_key_says_so_and_creates_none(
    every_5: None, settings: Any, tmp_path: Path
) -> None:
    _write(6)
    settings.SIGNING_KEY_FILE = tmp_path / "keys" / "signing-key.pem"
    with pytest.raises(CommandError, match=r"signing key .* is missing"):
        call_command("audit", "verify")
    assert not (tmp_path / "keys").exists()


def test_audit_verify_on_an_empty_directory_creates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "not-an-installation"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MIZAN_", "DATABASE_URL"))}
    env.update(MIZAN_HOME=str(home), MIZAN_ENV="development")
    for command in (["audit", "verify"], ["evidence", "verify"]):
        result = subprocess.run(
            [sys.executable, "-m", "mizan.cli", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 2, result.stderr
        assert "no Mizan database" in result.stderr and "Traceback" not in result.stderr
        assert not home.exists(), list(home.rglob("*"))


def test_an_unreadable_key_does_not_stop_writes_but_verify_reports_it(
    every_5: None, settings: Any, tmp_path: Path
) -> None:
    key = tmp_path / "signing-key.pem"
    key.write_text("not a key")
    key.chmod(0o644)  # refused: readable by others
    settings.SIGNING_KEY_FILE = key
    entries = _write(7)  # sign-ins and every other write go on
    assert len(entries) == 7
    key.unlink()
    settings.SIGNING_KEY_FILE = tmp_path / "restored.pem"
    assert any("covered by no signed checkpoint" in p.problem for p in audit_verify())


# --- the director's download ----------------------------------------------------------------


def test_an_administrator_downloads_a_checkpoint_that_verify_accepts(
    administrator: Any, tmp_path: Path
) -> None:
    from django.urls import reverse

    from tests.conftest import signed_in

    _write(3)
    client = signed_in(administrator)
    assert client.get(reverse("core:audit_checkpoint")).status_code == 405  # signing is a POST
    response = client.post(reverse("core:audit_checkpoint"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    saved = tmp_path / "cp.json"
    saved.write_bytes(response.content)
    assert mizan_main(["audit", "verify", "--against", str(saved)]) == 0
    assert AuditEntry.objects.filter(
        object_type="core.auditcheckpoint", object_id=str(document["seq"]), action=Action.EXPORT
    ).exists()
    assert client.get(reverse("core:audit_list")).content.count(b"signed checkpoint") >= 1


def test_a_checkpoint_cannot_be_had_without_the_audit_permission(
    viewer: Any, documenter_a: Any
) -> None:
    from django.urls import reverse

    from mizan.core.models import AuditCheckpoint
    from tests.conftest import signed_in

    _write(3)
    for user in (viewer, documenter_a):
        response = signed_in(user).post(reverse("core:audit_checkpoint"))
        assert response.status_code == 403
    assert signed_in(None).post(reverse("core:audit_checkpoint")).status_code == 302
    assert not AuditCheckpoint.objects.exists()


def test_no_checkpoint_is_signed_for_a_broken_log(administrator: Any) -> None:
    from django.urls import reverse

    from mizan.core.models import AuditCheckpoint
    from tests.conftest import signed_in

    entries = _write(4)
    _sql("UPDATE core_auditentry SET object_id = 'x' WHERE seq = %s", [entries[1].seq])
    response = signed_in(administrator).post(reverse("core:audit_checkpoint"), follow=True)
    assert b"does not verify" in response.content
    assert not AuditCheckpoint.objects.exists()
