"""The worker's backup schedule: one small task every few minutes that beats the heartbeat,
takes a backup when MIZAN_BACKUP_SCHEDULE says so (then applies MIZAN_BACKUP_KEEP), and runs a
restore drill into a scratch directory every MIZAN_BACKUP_DRILL_DAYS days."""

from __future__ import annotations

import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django_tasks import TaskResultStatus, task

TICK = timedelta(minutes=5)
ACTOR = "system (scheduled backup)"


def _heartbeat() -> None:
    from mizan.backup.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(pk=1, defaults={"beat_at": timezone.now()})


def tick() -> dict[str, Any]:
    """One pass of the schedule (the task's body; also called by tests)."""
    from mizan.backup.errors import BackupError
    from mizan.backup.models import BackupRun
    from mizan.backup.schedule import backup_due, drill_due, parse_keep, parse_schedule
    from mizan.backup.services import (
        TAG,
        backup_create,
        backup_restore,
        drill_record,
        open_repository,
    )

    _heartbeat()
    done: dict[str, Any] = {}
    schedule = parse_schedule(settings.BACKUP_SCHEDULE)
    if schedule is None:
        return done
    now = timezone.now()
    backups = BackupRun.objects.filter(kind=BackupRun.Kind.BACKUP)
    last_attempt = backups.aggregate(t=Max("started_at"))["t"]
    last_ok = backups.filter(ok=True).aggregate(t=Max("started_at"))["t"]
    if backup_due(schedule, now, last_attempt, last_ok):
        try:
            result = backup_create(actor=ACTOR)
            done["backup"] = result.snapshot_id
            open_repository().forget(keep=parse_keep(settings.BACKUP_KEEP), tags=[TAG])
        except BackupError as exc:
            done["backup_failed"] = str(exc)
    drills = BackupRun.objects.filter(kind=BackupRun.Kind.DRILL)
    last_drill = drills.aggregate(t=Max("started_at"))["t"]
    if backups.filter(ok=True).exists() and drill_due(now, last_drill, settings.BACKUP_DRILL_DAYS):
        scratch = Path(tempfile.mkdtemp(prefix="drill-", dir=settings.MIZAN_HOME))
        try:
            report = backup_restore(snapshot="latest", into=scratch / "home")
            drill_record(report, repository=str(settings.BACKUP_REPOSITORY))
            done["drill"] = report.ok
        except BackupError as exc:
            BackupRun.objects.create(
                kind=BackupRun.Kind.DRILL,
                started_at=now,
                finished_at=timezone.now(),
                repository=str(settings.BACKUP_REPOSITORY),
                message=f"{exc}: " + "; ".join(exc.problems)[:1500],
            )
            done["drill"] = False
        finally:
            shutil.rmtree(scratch, ignore_errors=True)  # the scratch copy holds everything
    return done


@task()
def backup_tick_task() -> dict[str, Any]:
    try:
        return tick()
    finally:
        schedule_backups()


def schedule_backups(*, after: timedelta = TICK) -> bool:
    """Queue the next tick unless one is waiting (database backend only, as for fixity)."""
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return False
    from django_tasks_db.models import DBTaskResult

    path = f"{backup_tick_task.func.__module__}.{backup_tick_task.func.__qualname__}"
    waiting = DBTaskResult.objects.filter(
        task_path=path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    if waiting.exists():
        return False
    backup_tick_task.using(run_after=timezone.now() + after).enqueue()
    return True
