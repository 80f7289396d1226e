"""The schedule, mizan doctor and the administrators' health page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone, translation

from mizan.backup.health import FAIL, OK, findings
from mizan.backup.models import BackupRun, WorkerHeartbeat
from mizan.backup.schedule import (
    ScheduleError,
    backup_due,
    drill_due,
    parse_keep,
    parse_schedule,
)
from tests.conftest import signed_in

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def test_a_daily_schedule_is_due_once_the_time_has_passed_since_the_last_backup() -> None:
    daily = parse_schedule("daily 02:30")
    assert backup_due(daily, NOW, None, None)
    today = datetime(2026, 12, 5, 2, 31, tzinfo=UTC)
    assert not backup_due(daily, NOW, today, today)
    yesterday = today - timedelta(days=1)
    assert backup_due(daily, NOW, yesterday, yesterday)
    early = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
    assert not backup_due(daily, early, yesterday, yesterday)


def test_a_failed_backup_is_retried_after_an_hour_not_at_once() -> None:
    every = parse_schedule("every 6 hours")
    ok = NOW - timedelta(hours=3)
    assert not backup_due(every, NOW, NOW - timedelta(minutes=10), ok)
    assert backup_due(every, NOW, NOW - timedelta(minutes=61), ok)


def test_schedule_off_and_bad_values() -> None:
    assert parse_schedule("") is None and parse_schedule("off") is None
    assert not backup_due(None, NOW, None, None)
    for bad in ("daily 25:00", "weekly", "every 0 hours", "daily 2"):
        with pytest.raises(ScheduleError):
            parse_schedule(bad)
    assert parse_keep("daily=7,weekly=5") == {"daily": 7, "weekly": 5}
    for bad in ("", "daily=0", "fortnightly=2", "daily=x"):
        with pytest.raises(ScheduleError):
            parse_keep(bad)
    assert drill_due(NOW, None, 7) and not drill_due(NOW, NOW - timedelta(days=6), 7)


def _finding(name: str) -> Any:
    with translation.override("en"):
        return next(f for f in findings() if f.name == name)


@pytest.mark.django_db
def test_doctor_reports_old_backups_and_drills_in_red_with_an_action() -> None:
    never = _finding("Last good backup")
    assert never.status == FAIL and "mizan backup create" in never.action
    old = timezone.now() - timedelta(days=3)
    BackupRun.objects.create(kind="backup", started_at=old, finished_at=old, ok=True)
    assert _finding("Last good backup").status == FAIL
    BackupRun.objects.create(
        kind="backup", started_at=timezone.now(), finished_at=timezone.now(), ok=True
    )
    assert _finding("Last good backup").status == OK
    assert _finding("Last good restore drill").status == FAIL


@pytest.mark.django_db
def test_doctor_reports_a_stopped_worker() -> None:
    assert _finding("Worker heartbeat").status == FAIL
    WorkerHeartbeat.objects.create(pk=1, beat_at=timezone.now() - timedelta(hours=2))
    assert "restart" in _finding("Worker heartbeat").action
    from mizan.backup.tasks import tick

    tick()  # schedule off: only the heartbeat
    assert _finding("Worker heartbeat").status == OK
    assert not BackupRun.objects.exists()


@pytest.mark.django_db
def test_doctor_names_a_key_file_others_can_read(settings: Any, tmp_path: Path) -> None:
    key = tmp_path / "store.key"
    key.write_text("mizan-store-key-v1:x")
    key.chmod(0o644)
    settings.EVIDENCE_KEY_FILE = key
    finding = _finding("Key file: Store key")
    assert finding.status == FAIL and finding.action == f"run: chmod 600 {key}"
    key.chmod(0o600)
    assert _finding("Key file: Store key").status == OK


@pytest.mark.django_db
def test_doctor_says_whether_the_store_key_is_locked(
    settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nacl.pwhash import argon2id

    from mizan.evidence import store

    monkeypatch.setattr(store, "LOCK_OPSLIMIT", argon2id.OPSLIMIT_INTERACTIVE)
    monkeypatch.setattr(store, "LOCK_MEMLIMIT", argon2id.MEMLIMIT_INTERACTIVE)
    monkeypatch.setattr(store, "_unlocked", {})
    key = tmp_path / "store.key"
    store.StoreKey.generate().save(key)
    settings.EVIDENCE_KEY_FILE = key
    assert "not locked with a passphrase" in _finding("Key file: Store key").detail
    store.StoreKey.lock_file(key, b"synthetic passphrase")
    finding = _finding("Key file: Store key")
    assert finding.status == OK and finding.detail == "mode 600; locked with a passphrase"


@pytest.mark.django_db
def test_the_health_page_is_for_administrators_and_shows_red(
    administrator: Any, viewer: Any
) -> None:
    assert signed_in(viewer).get("/backup/health/").status_code == 403
    page = signed_in(administrator).get("/backup/health/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "table-danger" in body and "Last good backup" in body
    arabic = signed_in(administrator, language="ar").get("/backup/health/")
    assert "آخر نسخة احتياطية سليمة" in arabic.content.decode()
