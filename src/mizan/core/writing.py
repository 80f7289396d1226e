"""Small helpers that every service uses when it writes (``<app>/services.py``).

* :func:`acting_user` — the user to store in a ``created_by``-style column: the actor when it is
  a signed-in user, ``None`` for the system, a command-line name or an anonymous visitor.
* :func:`assign_changes` — copy a form's cleaned data onto a record and say which fields changed
  (their names go into the audit entry; the values never do).
* :func:`next_reference` — the next ``INC-2026-000042``-style number, taken so that two
  transactions can never take the same one.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models.functions import Length
from django.utils import timezone

from mizan.core.models.references import ReferenceCounter


def acting_user(actor: Any) -> Any:
    """``actor`` when it is a signed-in user, otherwise ``None``."""
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def assign_changes(record: models.Model, data: dict[str, Any]) -> list[str]:
    """Set every field of ``data`` on ``record``; return the names of those whose value changed."""
    changed = [name for name, value in data.items() if getattr(record, name) != value]
    for name, value in data.items():
        setattr(record, name, value)
    return changed


def next_reference(
    model: type[models.Model], code: str, *, digits: int = 6, field: str = "reference"
) -> str:
    """The next reference ``<code>-<year>-<number>`` for ``model`` (``INC-2026-000042``).

    Steps: (1) the counter row of the prefix ``<code>-<year>-`` is created if missing, starting
    from the highest number ``model`` already holds (so existing data keep their numbers);
    (2) the row is locked (``SELECT … FOR UPDATE``) and its number raised by one.
    Inside a caller's transaction the lock holds until that transaction ends, so a second
    creator waits and then takes the next number, and a rolled-back create gives its number
    back; outside one (a handover package, built before its row is saved) the number is
    reserved at once and never given again. Counting rows, or reading the highest reference
    without a lock, gave two concurrent creators the same number.
    """
    prefix = f"{code}-{timezone.now().year}-"
    with transaction.atomic():
        if not ReferenceCounter.objects.filter(prefix=prefix).exists():
            ReferenceCounter.objects.bulk_create(
                [ReferenceCounter(prefix=prefix, last=_highest(model, field, prefix))],
                ignore_conflicts=True,  # a concurrent first creator made it: use theirs
            )
        counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix)
        counter.last += 1
        counter.save(update_fields=["last"])
    return f"{prefix}{counter.last:0{digits}d}"


def _highest(model: type[models.Model], field: str, prefix: str) -> int:
    # Numbers are zero-padded, so the longest, then greatest, reference holds the highest.
    last = (
        model._default_manager.filter(**{f"{field}__startswith": prefix})
        .order_by(Length(field).desc(), f"-{field}")
        .values_list(field, flat=True)
        .first()
    )
    tail = last.rsplit("-", 1)[1] if last else ""
    return int(tail) if tail.isdigit() else 0
