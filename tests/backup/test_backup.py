"""mizan backup create / list / verify / restore, the drill, and the faults of issue 13."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.backup.conftest import Installation


def _snapshot(stdout: str) -> str:
    match = re.match(r"([0-9a-f]{8}) (\d+) bytes added", stdout)
    assert match, stdout
    return match.group(1)


def _packs(repo: Path) -> list[Path]:
    return sorted((repo / "data").rglob("*"), key=lambda p: p.stat().st_size if p.is_file() else 0)


def test_backup_then_restore_gives_back_an_installation_whose_drill_passes(
    installation: Installation,
) -> None:
    created = installation.mizan("backup", "create")
    assert created.returncode == 0, created.stderr
    snapshot = _snapshot(created.stdout)
    listed = installation.mizan("backup", "list")
    assert snapshot in listed.stdout and "2 objects" in listed.stdout

    into = installation.work / "restored"
    restored = installation.mizan("backup", "restore", snapshot, "--into", str(into))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "FAILED" not in restored.stdout
    for check in ("row counts", "audit chain head", "custody chain head", "evidence verify"):
        assert f"[  OK  ] {check}" in restored.stdout
    assert "2 items decrypted and re-hashed" in restored.stdout
    assert (into / "restore-report.txt").read_text() == restored.stdout
    # Every evidence object comes back byte for byte (it is ciphertext: same bytes, same key).
    source = sorted((installation.home / "evidence" / "objects").rglob("*"))
    for path in source:
        if path.is_file():
            twin = (
                into
                / "evidence"
                / "objects"
                / path.relative_to(installation.home / "evidence" / "objects")
            )
            assert twin.read_bytes() == path.read_bytes()
    assert (into / "keys" / "store.key").read_bytes() == (
        installation.home / "keys" / "store.key"
    ).read_bytes()
    assert (into / "keys" / "store.key").stat().st_mode & 0o077 == 0
    # The backup itself is in the audit log.
    again = installation.mizan("audit", "verify")
    assert again.returncode == 0 and "2 audit entries" not in again.stdout


def test_restore_refuses_a_non_empty_directory(installation: Installation) -> None:
    assert installation.mizan("backup", "create").returncode == 0
    into = installation.work / "occupied"
    into.mkdir()
    (into / "someone-elses-file").write_text("keep me")
    result = installation.mizan("backup", "restore", "latest", "--into", str(into))
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert [p.name for p in into.iterdir()] == ["someone-elses-file"]


def test_a_second_backup_sends_only_the_new_evidence(installation: Installation) -> None:
    assert installation.mizan("backup", "create").returncode == 0
    new = 3 * 1024 * 1024
    installation.add_evidence("video-2.bin", new)
    second = installation.mizan("backup", "create")
    assert second.returncode == 0, second.stderr
    added = int(second.stdout.split()[1])
    # The new object (plus its encryption overhead) and the changed database, nothing more:
    # the evidence already in the repository is not sent again.
    database = (installation.home / "mizan.sqlite3").stat().st_size
    assert new <= added < new + database + 256 * 1024, (added, database)


def test_the_wrong_password_opens_nothing_and_says_so(installation: Installation) -> None:
    assert installation.mizan("backup", "create").returncode == 0
    result = installation.mizan("backup", "list", MIZAN_BACKUP_PASSWORD="not-the-password")
    assert result.returncode == 1
    assert "password does not open" in result.stderr


@pytest.mark.parametrize("damage", ["flipped bit", "truncated", "missing"])
def test_damage_in_the_repository_is_named_by_verify_and_refused_by_restore(
    installation: Installation, damage: str
) -> None:
    assert installation.mizan("backup", "create").returncode == 0
    assert installation.mizan("backup", "verify").returncode == 0
    pack = _packs(installation.repo)[-1]  # the largest: evidence content
    pack.chmod(0o600)
    data = bytearray(pack.read_bytes())
    if damage == "flipped bit":
        data[len(data) // 2] ^= 0x01
        pack.write_bytes(bytes(data))
    elif damage == "truncated":
        pack.write_bytes(bytes(data[: len(data) // 2]))
    else:
        pack.unlink()

    verify = installation.mizan("backup", "verify")
    assert verify.returncode == 1
    assert pack.name[:8] in verify.stdout, verify.stdout + verify.stderr

    into = installation.work / "restored"
    restore = installation.mizan("backup", "restore", "latest", "--into", str(into))
    assert restore.returncode == 1
    assert "nothing was restored" in restore.stderr or "refused" in restore.stderr
    assert pack.name[:8] in restore.stderr, restore.stderr
    assert not into.exists() or not any(into.iterdir())


def test_sigkill_during_a_backup_leaves_earlier_snapshots_and_the_next_run_completes(
    installation: Installation,
) -> None:
    first = installation.mizan("backup", "create")
    assert first.returncode == 0
    installation.add_evidence("large-archive.bin", 150 * 1024 * 1024)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mizan.cli", "backup", "create"],
        env=installation.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if "sending to" in line:
            break
    # Kill the whole process group (mizan and restic) as soon as restic has written a new pack
    # of the large object: mid-upload, before the index and the snapshot.
    before = set((installation.repo / "data").rglob("*"))
    deadline = time.monotonic() + 120
    while set((installation.repo / "data").rglob("*")) <= before:
        assert time.monotonic() < deadline and proc.poll() is None, "restic wrote nothing"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    listed = installation.mizan("backup", "list")
    assert listed.stdout.count("\n") == 1 and _snapshot(first.stdout) in listed.stdout
    verify = installation.mizan("backup", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    second = installation.mizan("backup", "create")
    assert second.returncode == 0, second.stderr
    into = installation.work / "restored"
    restored = installation.mizan("backup", "restore", "latest", "--into", str(into))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "3 items decrypted and re-hashed" in restored.stdout


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill up needs root")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_fails_the_backup_clearly_and_harms_nothing(
    installation: Installation, small_disk: Path
) -> None:
    repo = str(small_disk / "repo")
    first = installation.mizan("backup", "create", "--to", repo)
    assert first.returncode == 0, first.stderr
    installation.add_evidence("too-large-for-the-disk.bin", 8 * 1024 * 1024)
    full = installation.mizan("backup", "create", "--to", repo)
    assert full.returncode == 1
    assert "full" in full.stderr, full.stderr
    assert not (installation.home / "backup-staging").exists()

    # Once space is freed, the earlier snapshot is whole and the next backup completes.
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    verify = installation.mizan("backup", "verify", "--repo", repo)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert installation.mizan("backup", "create", "--to", repo).returncode == 0


def test_a_backup_from_an_older_schema_is_migrated_forward_by_the_restore(
    installation: Installation,
) -> None:
    older = installation.mizan("manage", "migrate", "library", "0002", "-v0")
    assert older.returncode == 0, older.stderr
    assert installation.mizan("backup", "create").returncode == 0
    into = installation.work / "restored"
    restored = installation.mizan("backup", "restore", "latest", "--into", str(into))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    # library 0003 onwards were taken back (each later app's migrations that depend on them too)
    assert re.search(r"migrated forward \((\d+) migrations applied\)", restored.stdout), (
        restored.stdout
    )


def test_a_drill_on_a_tampered_restore_fails_and_says_where(installation: Installation) -> None:
    """The drill compares with the signed manifest: a row removed after restoring is found."""
    import sqlite3

    from mizan.backup.services import run_drill

    assert installation.mizan("backup", "create").returncode == 0
    into = installation.work / "restored"
    assert installation.mizan("backup", "restore", "latest", "--into", str(into)).returncode == 0
    manifest = json.loads((into / "backup-manifest" / "manifest.json").read_text())
    terms = manifest["tables"]["core_term"]
    with sqlite3.connect(into / "mizan.sqlite3") as db:
        db.execute("DELETE FROM core_term WHERE id = (SELECT MAX(id) FROM core_term)")
    db.close()
    report = run_drill(into, manifest)
    assert not report.ok
    failed = [c for c in report.checks if not c.ok]
    assert [c.name for c in failed] == ["row counts"]
    assert f"core_term: {terms - 1} rows, manifest says {terms}" in failed[0].detail


@pytest.fixture
def postgres_databases(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Two fresh PostgreSQL databases beside the test database: a source and a restore target."""
    url = os.environ.get("MIZAN_TEST_DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("MIZAN_TEST_DATABASE_URL is not a PostgreSQL database")
    import psycopg

    base = url.rsplit("/", 1)[0]
    names = [f"mizan_backup_{os.getpid()}_src", f"mizan_backup_{os.getpid()}_dst"]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    yield [f"{base}/{name}" for name in names]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgresql_backup_restores_into_an_empty_database_only(
    tmp_path: Path, postgres_databases: list[str]
) -> None:
    source, target = postgres_databases
    inst = Installation(tmp_path / "home", tmp_path / "repo", tmp_path)
    assert inst.mizan("manage", "migrate", "-v0", DATABASE_URL=source).returncode == 0
    path = tmp_path / "statement.bin"
    path.write_bytes(os.urandom(200_000))
    assert inst.mizan("evidence", "add", str(path), DATABASE_URL=source).returncode == 0
    assert inst.mizan("backup", "create", DATABASE_URL=source).returncode == 0

    occupied = inst.mizan(
        "backup", "restore", "latest", "--into", str(tmp_path / "r1"), "--database-url", source
    )
    assert occupied.returncode == 1 and "not empty" in occupied.stderr
    assert not any((tmp_path / "r1").iterdir())

    restored = inst.mizan(
        "backup", "restore", "latest", "--into", str(tmp_path / "r2"), "--database-url", target
    )
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "postgresql" in restored.stdout and "1 items decrypted and re-hashed" in restored.stdout


def test_the_worker_schedule_takes_a_backup_thins_old_ones_and_runs_the_drill(
    installation: Installation,
) -> None:
    tick = "from mizan.backup.tasks import tick; print(tick())"
    env = {"MIZAN_BACKUP_SCHEDULE": "every 1 hours", "MIZAN_BACKUP_KEEP": "last=1"}
    assert installation.mizan("backup", "create").returncode == 0
    assert installation.mizan("backup", "create").returncode == 0
    forget = "from mizan.backup.models import BackupRun; BackupRun.objects.all().delete()"
    assert installation.mizan("manage", "shell", "-c", forget).returncode == 0

    # No backup on record: one is due; the retention keeps the last one; the drill runs.
    result = installation.mizan("manage", "shell", "-c", tick, **env)
    assert result.returncode == 0, result.stderr
    assert "'backup'" in result.stdout and "'drill': True" in result.stdout, result.stdout
    listed = installation.mizan("backup", "list")
    assert listed.stdout.count("\n") == 1, listed.stdout
    doctor = installation.mizan("doctor", **env)
    assert "[  ok  ] Last good backup" in doctor.stdout
    assert "[  ok  ] Last good restore drill" in doctor.stdout
    assert "[  ok  ] Worker heartbeat" in doctor.stdout
    assert not [p for p in installation.home.iterdir() if p.name.startswith("drill-")]

    # Minutes later nothing is due.
    again = installation.mizan("manage", "shell", "-c", tick, **env)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("\n{}")


def test_a_second_backup_at_the_same_time_is_refused_not_mixed(
    installation: Installation,
) -> None:
    import fcntl

    with (installation.home / "backup.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running backup holds it
        result = installation.mizan("backup", "create")
    assert result.returncode == 1 and "another backup is running" in result.stderr
    assert not installation.repo.exists()
    assert installation.mizan("backup", "create").returncode == 0


def test_each_backup_carries_a_signed_audit_checkpoint_that_the_drill_holds_it_to(
    installation: Installation,
) -> None:
    """Issue 13 item 3: the audit log's head is signed into every backup (off the server with
    it), and the drill checks the restored log against it; a forged checkpoint file is named."""
    from mizan.backup.services import run_drill

    assert installation.mizan("backup", "create").returncode == 0
    into = installation.work / "restored"
    assert installation.mizan("backup", "restore", "latest", "--into", str(into)).returncode == 0
    kept = into / "backup-manifest"
    manifest = json.loads((kept / "manifest.json").read_text())
    checkpoint = json.loads((kept / "audit-checkpoint.json").read_text())
    assert manifest["audit_checkpoint"]["seq"] == checkpoint["seq"] >= 1
    report = run_drill(into, manifest)
    assert report.ok, [c for c in report.checks if not c.ok]
    audit = next(c for c in report.checks if c.name == "audit verify")
    assert f"holds the signed checkpoint #{checkpoint['seq']}" in audit.detail

    checkpoint["head"] = "0" * 64
    (kept / "audit-checkpoint.json").write_text(json.dumps(checkpoint))
    report = run_drill(into, manifest)
    assert not report.ok
    failed = [c.name for c in report.checks if not c.ok]
    assert failed == ["audit checkpoint"]
