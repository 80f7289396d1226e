"""When the worker takes a backup and runs a drill (pure functions, no Django)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

__all__ = ["Schedule", "ScheduleError", "backup_due", "drill_due", "parse_keep", "parse_schedule"]

RETRY_AFTER = timedelta(hours=1)


class ScheduleError(ValueError):
    pass


@dataclass(frozen=True)
class Schedule:
    daily_at: time | None = None
    every: timedelta | None = None


def parse_schedule(text: str) -> Schedule | None:
    """``""``/``off`` → None; ``daily 02:30`` (UTC); ``every 6 hours``."""
    text = text.strip().lower()
    if text in ("", "off", "none"):
        return None
    if match := re.fullmatch(r"daily\s+(\d{1,2}):(\d{2})", text):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ScheduleError(f"MIZAN_BACKUP_SCHEDULE={text!r}: not a time of day")
        return Schedule(daily_at=time(hour, minute))
    if match := re.fullmatch(r"every\s+(\d{1,3})\s*(?:h|hours?)", text):
        hours = int(match.group(1))
        if hours < 1:
            raise ScheduleError("MIZAN_BACKUP_SCHEDULE: at least every 1 hour")
        return Schedule(every=timedelta(hours=hours))
    raise ScheduleError(
        f"MIZAN_BACKUP_SCHEDULE={text!r}: use 'daily HH:MM' (UTC), 'every N hours' or 'off'"
    )


def parse_keep(text: str) -> dict[str, int]:
    """``daily=7,weekly=5`` → restic's ``--keep-daily 7 --keep-weekly 5``."""
    keep: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, count = part.partition("=")
        if name not in ("last", "hourly", "daily", "weekly", "monthly", "yearly"):
            raise ScheduleError(f"MIZAN_BACKUP_KEEP: unknown period {name!r}")
        if not count.isdigit() or int(count) < 1:
            raise ScheduleError(f"MIZAN_BACKUP_KEEP: {part!r} needs a positive count")
        keep[name] = int(count)
    if not keep:
        raise ScheduleError("MIZAN_BACKUP_KEEP must keep something, e.g. daily=7")
    return keep


def backup_due(
    schedule: Schedule | None,
    now: datetime,
    last_attempt: datetime | None,
    last_ok: datetime | None,
) -> bool:
    """Due when the scheduled moment passed since the last attempt; a failure retries hourly."""
    if schedule is None:
        return False
    if last_attempt is None:
        return True
    if last_ok != last_attempt and now - last_attempt >= RETRY_AFTER:
        return True  # the last attempt failed
    if schedule.every is not None:
        return now - last_attempt >= schedule.every
    assert schedule.daily_at is not None
    moment = datetime.combine(now.date(), schedule.daily_at, tzinfo=now.tzinfo)
    if moment > now:
        moment -= timedelta(days=1)
    return last_attempt < moment


def drill_due(now: datetime, last_drill: datetime | None, every_days: int) -> bool:
    return last_drill is None or now - last_drill >= timedelta(days=every_days)
