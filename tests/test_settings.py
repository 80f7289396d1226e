"""Settings: the production profile refuses unsafe starts; SQLite runs with the safe pragmas."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

GOOD_KEY = "k" * 30 + "Z9-" * 10


def import_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("MIZAN_") and k != "DATABASE_URL"
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import mizan.settings"],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MIZAN_ALLOWED_HOSTS": "x.org", "DATABASE_URL": "postgres://u@h/d"}, "MIZAN_SECRET_KEY"),
        ({"MIZAN_SECRET_KEY": GOOD_KEY, "DATABASE_URL": "postgres://u@h/d"}, "MIZAN_ALLOWED_HOSTS"),
        ({"MIZAN_SECRET_KEY": GOOD_KEY, "MIZAN_ALLOWED_HOSTS": "x.org"}, "PostgreSQL"),
        (
            {
                "MIZAN_SECRET_KEY": GOOD_KEY,
                "MIZAN_ALLOWED_HOSTS": "x.org",
                "DATABASE_URL": "sqlite:///tmp/x.db",
            },
            "PostgreSQL",
        ),
        (
            {
                "MIZAN_SECRET_KEY": "short",
                "MIZAN_ALLOWED_HOSTS": "x.org",
                "DATABASE_URL": "postgres://u@h/d",
            },
            "50 characters",
        ),
    ],
)
def test_production_refuses_to_start_without_essentials(env: dict[str, str], message: str) -> None:
    result = import_settings(MIZAN_ENV="production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_starts_with_essentials() -> None:
    result = import_settings(
        MIZAN_ENV="production",
        MIZAN_SECRET_KEY=GOOD_KEY,
        MIZAN_ALLOWED_HOSTS="x.org",
        DATABASE_URL="postgres://u@h/d",
    )
    assert result.returncode == 0, result.stderr


def test_secret_key_file_variant(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(GOOD_KEY)
    result = import_settings(
        MIZAN_ENV="production",
        MIZAN_SECRET_KEY_FILE=str(key_file),
        MIZAN_ALLOWED_HOSTS="x.org",
        DATABASE_URL="postgres://u@h/d",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value", ["maybe", "2x"])
def test_malformed_values_fail_loudly(value: str, tmp_path: Path) -> None:
    result = import_settings(MIZAN_DEBUG=value, MIZAN_HOME=str(tmp_path))
    assert result.returncode != 0
    assert "MIZAN_DEBUG" in result.stderr


def test_development_secret_key_is_private(tmp_path: Path) -> None:
    result = import_settings(MIZAN_HOME=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db
def test_sqlite_pragmas() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite pragmas apply to the embedded database only")
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_sqlite_file_database_uses_wal_and_queues_concurrent_writers(tmp_path: Path) -> None:
    """Four processes append to the audit log at once: none fails, the chain stays whole."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("MIZAN_") and k != "DATABASE_URL"
    }
    env.update(MIZAN_HOME=str(tmp_path), MIZAN_ENV="development")
    mizan = [sys.executable, "-m", "mizan.cli"]
    subprocess.run([*mizan, "manage", "migrate", "-v0"], env=env, check=True, timeout=300)
    writer = (
        "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','mizan.settings');"
        "django.setup();from mizan.core.audit import audit_record;"
        "[audit_record(actor=None,action='view',object_type='t',object_id=str(i)) "
        "for i in range(40)]"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", writer], env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    verify = subprocess.run(
        [*mizan, "audit", "verify"], env=env, capture_output=True, text=True, timeout=120
    )
    assert verify.returncode == 0, verify.stderr
    assert "OK: 160 audit entries, chain intact" in verify.stdout
    mode = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys;print(sqlite3.connect(sys.argv[1])"
            ".execute('PRAGMA journal_mode').fetchone()[0])",
            str(tmp_path / "mizan.sqlite3"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert mode.stdout.strip() == "wal"


def test_sqlite_keeps_connections_between_requests() -> None:
    """Opening a SQLite connection per request (PRAGMAs, Django's functions) cost ~2 ms of
    every page's CPU under load (issue 11); each server thread keeps its own for a minute."""
    from django.conf import settings

    if connection.vendor != "sqlite":
        return
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
