"""Backups are tested end to end: real restic, a real Mizan home, the real command line.

Each test gets its own copy of one prepared home (migrating takes seconds, copying a moment),
and runs ``mizan`` in a child process with MIZAN_HOME pointing there, on SQLite, whatever
database the rest of the suite uses: the backup copies the installation a process runs on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("restic") is None, reason="restic is not installed")


@dataclass
class Installation:
    home: Path
    repo: Path
    work: Path

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not (k.startswith("MIZAN_") or k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"))
        }
        env.update(
            MIZAN_HOME=str(self.home),
            MIZAN_ENV="development",
            MIZAN_BACKUP_REPOSITORY=str(self.repo),
            MIZAN_BACKUP_PASSWORD="synthetic-test-password",
            MIZAN_LOG_LEVEL="ERROR",
        )
        env.update(extra)
        return env

    def mizan(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mizan.cli", *args],
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def add_evidence(self, name: str, size: int) -> None:
        path = self.work / name
        path.write_bytes(os.urandom(size))
        result = self.mizan("evidence", "add", str(path))
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def prepared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("prepared")
    inst = Installation(base / "home", base / "unused-repo", base)
    result = inst.mizan("manage", "migrate", "-v0")
    assert result.returncode == 0, result.stderr
    inst.add_evidence("statement-1.bin", 300_000)
    inst.add_evidence("photo-1.bin", 1_200_000)
    return inst.home


@pytest.fixture
def installation(prepared_home: Path, tmp_path: Path) -> Installation:
    home = tmp_path / "home"
    shutil.copytree(prepared_home, home, symlinks=True)
    return Installation(home, tmp_path / "repo", tmp_path)
