"""Background work of the locker: the scheduled fixity check (``mizan worker`` runs it).

The check re-queues itself ``EVIDENCE_FIXITY_HOURS`` after each run (django-tasks' ``run_after``),
so one run is always waiting; ``mizan worker`` makes sure of it when it starts.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task


@task()
def fixity_task() -> dict[str, Any]:
    from mizan.evidence.services import fixity_run

    report = fixity_run(actor="system (scheduled fixity)")
    schedule_fixity()
    return {"items": report.items_checked, "problems": report.problems[:100]}


def schedule_fixity(*, after: timedelta | None = None) -> bool:
    """Queue the next fixity run unless one is already waiting or running.

    Only with the database backend: the immediate backend (tests) would run it at once, forever.
    """
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return False
    from django_tasks_db.models import DBTaskResult

    path = f"{fixity_task.func.__module__}.{fixity_task.func.__qualname__}"
    waiting = DBTaskResult.objects.filter(
        task_path=path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    if waiting.exists():
        return False
    delay = after if after is not None else timedelta(hours=settings.EVIDENCE_FIXITY_HOURS)
    fixity_task.using(run_after=timezone.now() + delay).enqueue()
    return True
