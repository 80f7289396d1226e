"""What ``mizan doctor`` and the administrators' health page report, each with an action."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

OK, WARN, FAIL = "ok", "warning", "failed"
HEARTBEAT_MAX_AGE = timedelta(minutes=20)
MIN_FREE_BYTES = 2 * 1024**3
MIN_FREE_FRACTION = 0.10


@dataclass(frozen=True)
class Finding:
    name: str
    status: str
    detail: str
    action: str = ""


def _age(then: datetime, now: datetime) -> str:
    seconds = int((now - then).total_seconds())
    if seconds < 3600:
        return _("%(n)d minutes ago") % {"n": seconds // 60}
    if seconds < 2 * 86400:
        return _("%(n)d hours ago") % {"n": seconds // 3600}
    return _("%(n)d days ago") % {"n": seconds // 86400}


def _worker(now: datetime) -> Finding:
    from mizan.backup.models import WorkerHeartbeat

    beat = WorkerHeartbeat.objects.filter(pk=1).first()
    name = _("Worker heartbeat")
    if beat is None:
        return Finding(name, FAIL, _("the worker has never run"), _("start it: mizan worker"))
    if now - beat.beat_at > HEARTBEAT_MAX_AGE:
        return Finding(
            name,
            FAIL,
            _("last seen %(age)s") % {"age": _age(beat.beat_at, now)},
            _("the worker is stopped or stuck (a long backup?): check it, restart mizan worker"),
        )
    return Finding(name, OK, _("last seen %(age)s") % {"age": _age(beat.beat_at, now)})


def _last_good(kind: str, name: str, max_age: timedelta, action: str, now: datetime) -> Finding:
    from mizan.backup.models import BackupRun

    runs = BackupRun.objects.filter(kind=kind)
    good = runs.filter(ok=True).aggregate(t=Max("finished_at"))["t"]
    failed = runs.filter(ok=False, finished_at__isnull=False).order_by("-finished_at").first()
    if good is None:
        return Finding(name, FAIL, _("never"), action)
    detail = _("last good one %(age)s") % {"age": _age(good, now)}
    if failed is not None and failed.finished_at and failed.finished_at > good:
        detail += " — " + _("a later one failed: %(why)s") % {"why": failed.message[:200]}
    if now - good > max_age:
        return Finding(name, FAIL, detail, action)
    if failed is not None and failed.finished_at and failed.finished_at > good:
        return Finding(name, WARN, detail, action)
    return Finding(name, OK, detail)


def _fixity(now: datetime) -> Finding:
    from mizan.evidence.models import Item

    name = _("Evidence fixity check")
    stats = Item.objects.aggregate(last=Max("last_fixity_at"))
    if not Item.objects.exists():
        return Finding(name, OK, _("no evidence yet"))
    if Item.objects.filter(last_fixity_ok=False).exists():
        return Finding(
            name,
            FAIL,
            _("an item failed its last fixity check"),
            _("run mizan evidence verify and restore the damaged item from a backup"),
        )
    last = stats["last"]
    limit = timedelta(hours=settings.EVIDENCE_FIXITY_HOURS) * 1.5
    if last is None or now - last > limit:
        return Finding(
            name,
            FAIL,
            _("last run %(age)s") % {"age": _age(last, now)} if last else _("never run"),
            _("check that the worker runs, or run mizan evidence fixity"),
        )
    return Finding(name, OK, _("last run %(age)s") % {"age": _age(last, now)})


def _disk(path: Path, label: str) -> Finding:
    name = _("Free disk space: %(what)s") % {"what": label}
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    usage = shutil.disk_usage(probe)
    detail = _("%(free).1f GiB free of %(total).1f GiB") % {
        "free": usage.free / 1024**3,
        "total": usage.total / 1024**3,
    }
    if usage.free < MIN_FREE_BYTES or usage.free < usage.total * MIN_FREE_FRACTION:
        return Finding(name, FAIL, detail, _("free space or move it to a larger disk"))
    return Finding(name, OK, detail)


def _keys() -> list[Finding]:
    findings = []
    keys = {
        _("Store key"): Path(settings.EVIDENCE_KEY_FILE),
        _("Signing key"): Path(settings.SIGNING_KEY_FILE),
        _("Backup password file"): Path(settings.BACKUP_PASSWORD_FILE_DEFAULT),
    }
    for label, path in keys.items():
        name = _("Key file: %(what)s") % {"what": label}
        if not path.exists():
            findings.append(Finding(name, OK, _("not on this server (%(path)s)") % {"path": path}))
            continue
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            findings.append(
                Finding(
                    name,
                    FAIL,
                    _("readable by others (mode %(mode)o)") % {"mode": mode},
                    _("run: chmod 600 %(path)s") % {"path": path},
                )
            )
        elif path == Path(settings.EVIDENCE_KEY_FILE):
            findings.append(Finding(name, OK, _store_key_mode(path, mode)))
        else:
            findings.append(Finding(name, OK, _("mode %(mode)o") % {"mode": mode}))
    return findings


def _store_key_mode(path: Path, mode: int) -> str:
    """Whether the store key is locked with a passphrase (``mizan keys lock-status``)."""
    from mizan.evidence.store import StoreError, key_file_locked

    try:
        locked = key_file_locked(path)
    except (OSError, StoreError):
        return _("mode %(mode)o") % {"mode": mode}
    if locked:
        return _("mode %(mode)o; locked with a passphrase") % {"mode": mode}
    return _("mode %(mode)o; not locked with a passphrase (mizan keys lock)") % {"mode": mode}


def _repository_place() -> Finding | None:
    repo = str(settings.BACKUP_REPOSITORY)
    if ":" in repo.split("/")[0]:
        return None  # sftp:, s3:, rest: … — off this machine
    probe = Path(repo)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe.stat().st_dev == Path(settings.MIZAN_HOME).stat().st_dev:
        return Finding(
            _("Backup repository"),
            WARN,
            _("%(repo)s is on the same disk as the data") % {"repo": repo},
            _("set MIZAN_BACKUP_REPOSITORY to another disk, an SFTP server or S3 storage"),
        )
    return Finding(_("Backup repository"), OK, repo)


def findings() -> list[Finding]:
    now = timezone.now()
    result = [
        _worker(now),
        _last_good(
            "backup",
            _("Last good backup"),
            timedelta(hours=settings.BACKUP_MAX_AGE_HOURS),
            _("run mizan backup create, and set MIZAN_BACKUP_SCHEDULE for the worker"),
            now,
        ),
        _last_good(
            "drill",
            _("Last good restore drill"),
            timedelta(days=settings.BACKUP_DRILL_MAX_AGE_DAYS),
            _("run mizan backup restore latest --into an empty directory and read its report"),
            now,
        ),
        _fixity(now),
        _disk(Path(settings.MIZAN_HOME), _("data")),
    ]
    if Path(settings.EVIDENCE_ROOT).resolve() != Path(settings.MIZAN_HOME) / "evidence":
        result.append(_disk(Path(settings.EVIDENCE_ROOT), _("evidence store")))
    place = _repository_place()
    if place is not None:
        result.append(place)
    result += _keys()
    return result
