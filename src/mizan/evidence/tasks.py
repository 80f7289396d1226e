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
    from mizan.evidence.uploads import uploads_forget_stale

    report = fixity_run(actor="system (scheduled fixity)")
    uploads_forget_stale()
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


@task()
def handover_task(
    *,
    actor_id: int,
    recipient_id: int,
    item_ids: list[int],
    case_file_id: int | None = None,
    age_recipient: str = "",
    language: str = "en",
) -> dict[str, Any]:
    """Build a handover package in the worker (bagit changes the working directory while it
    writes, which a web server's threads must never see)."""
    from django.contrib.auth import get_user_model
    from django.utils.text import slugify

    from mizan.cases.models import CaseFile
    from mizan.evidence.models import Item, Recipient
    from mizan.evidence.services import handover_export

    actor = get_user_model().objects.get(pk=actor_id)
    recipient = Recipient.objects.get(pk=recipient_id)
    found = {item.pk: item for item in Item.objects.filter(pk__in=item_ids)}
    items = [found[pk] for pk in item_ids if pk in found]
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    out_dir = settings.EVIDENCE_EXPORT_ROOT / f"{stamp}-{slugify(recipient.name) or 'recipient'}"
    settings.EVIDENCE_EXPORT_ROOT.mkdir(parents=True, exist_ok=True, mode=0o700)
    handover = handover_export(
        items=items,
        recipient=recipient,
        out_dir=out_dir,
        actor=actor,
        case_file=CaseFile.objects.filter(pk=case_file_id).first() if case_file_id else None,
        age_recipient=age_recipient or None,
        language=language,
    )
    return {"handover": handover.reference}
