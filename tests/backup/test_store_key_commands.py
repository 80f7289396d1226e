"""``mizan keys lock | lock-status | rotate-store-key`` through the real command line: a rotation
killed with SIGKILL leaves every object readable and a rerun completes; a locked key is backed
up, restored and drilled with its passphrase, and a wrong one recovers nothing and says so.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from mizan.evidence.store import LocalStore, StoreKey
from tests.backup.conftest import Installation
from tests.conftest import needs_tool


def key_ids(home: Path) -> list[bytes]:
    objects = home / "evidence" / "objects"
    ids = []
    for path in sorted(objects.rglob("*")):
        if path.is_file() and len(path.name) == 64:
            ids.append(path.read_bytes()[27:43])
    return ids


def test_a_rotation_killed_midway_leaves_everything_readable_and_a_rerun_completes(
    installation: Installation,
) -> None:
    paths = []
    for n in range(10):
        path = installation.work / f"recording-{n}.bin"
        path.write_bytes(os.urandom(8 * 1024 * 1024))
        paths.append(str(path))
    assert installation.mizan("evidence", "add", *paths).returncode == 0
    key_file = installation.home / "keys" / "store.key"
    old_key = StoreKey.load(key_file)
    next_file = key_file.with_name("store.key.next")

    child = subprocess.Popen(
        [sys.executable, "-m", "mizan.cli", "keys", "rotate-store-key"],
        env=installation.env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if next_file.exists():
            new_id = StoreKey.load(next_file).key_id
            if new_id in key_ids(installation.home):
                break
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    new_key = StoreKey.load(next_file)
    ids = key_ids(installation.home)
    assert new_key.key_id in ids and old_key.key_id in ids, "killed midway, as intended"
    assert StoreKey.load(key_file).key_id == old_key.key_id  # the old key is kept
    # No object is unreadable: each decrypts and re-hashes to its address with one of the keys.
    both = LocalStore(installation.home / "evidence", new_key, previous_keys=[old_key])
    for path in (installation.home / "evidence" / "objects").rglob("*"):
        if path.is_file():
            result = both.verify(path.name)
            assert result.ok, result.problem
    rerun = installation.mizan("keys", "rotate-store-key")
    assert rerun.returncode == 0, rerun.stderr
    already = re.search(r"(\d+) already done", rerun.stdout)
    assert already and int(already.group(1)) >= 1, rerun.stdout
    assert StoreKey.load(key_file).key_id == new_key.key_id
    assert not next_file.exists()
    assert set(key_ids(installation.home)) == {new_key.key_id}
    verify = installation.mizan("evidence", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_lock_status_lock_and_a_wrong_passphrase(installation: Installation) -> None:
    status = installation.mizan("keys", "lock-status")
    assert status.returncode == 0 and status.stdout.startswith("not locked")
    passphrase = installation.work / "passphrase"
    passphrase.write_text("synthetic passphrase for tests\n")
    passphrase.chmod(0o600)
    locked = installation.mizan("keys", "lock", "--passphrase-file", str(passphrase))
    assert locked.returncode == 0, locked.stderr
    status = installation.mizan("keys", "lock-status")
    assert status.stdout.startswith("locked")

    # No terminal, no passphrase file: refused, with what to do.
    refused = installation.mizan("evidence", "verify")
    assert refused.returncode != 0
    assert "MIZAN_KEY_PASSPHRASE_FILE" in refused.stdout + refused.stderr
    wrong = installation.work / "wrong"
    wrong.write_text("not the passphrase\n")
    result = installation.mizan("evidence", "verify", MIZAN_KEY_PASSPHRASE_FILE=str(wrong))
    assert result.returncode != 0
    assert "wrong passphrase" in result.stdout + result.stderr
    right = installation.mizan("evidence", "verify", MIZAN_KEY_PASSPHRASE_FILE=str(passphrase))
    assert right.returncode == 0, right.stdout + right.stderr

    # serve and worker unlock at start, and refuse to start on a key they cannot unlock.
    for program in ("serve", "worker"):
        started = installation.mizan(program, MIZAN_KEY_PASSPHRASE_FILE=str(wrong))
        assert started.returncode == 1
        assert f"mizan {program}: wrong passphrase" in started.stderr
        started = installation.mizan(program)
        assert started.returncode == 1
        assert "no terminal to ask" in started.stderr


@needs_tool("restic", "restic")
def test_a_locked_key_is_backed_up_restored_and_drilled_with_its_passphrase(
    installation: Installation,
) -> None:
    passphrase = installation.work / "passphrase"
    passphrase.write_text("synthetic passphrase for tests\n")
    wrong = installation.work / "wrong"
    wrong.write_text("not the passphrase\n")
    assert installation.mizan("keys", "lock", "--passphrase-file", str(passphrase)).returncode == 0
    # A backup of a locked key restores and its drill passes with the passphrase ...
    env = {"MIZAN_KEY_PASSPHRASE_FILE": str(passphrase)}
    assert installation.mizan("backup", "create", **env).returncode == 0
    restored = installation.mizan(
        "backup", "restore", "latest", "--into", str(installation.work / "r1"), **env
    )
    assert restored.returncode == 0, restored.stdout + restored.stderr
    # ... and fails, saying why, with a wrong one.
    failed = installation.mizan(
        "backup",
        "restore",
        "latest",
        "--into",
        str(installation.work / "r2"),
        MIZAN_KEY_PASSPHRASE_FILE=str(wrong),
    )
    assert failed.returncode == 1
    assert "wrong passphrase" in failed.stdout
