from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BackupRun(models.Model):
    """One backup or restore drill and how it ended: what the health page and doctor read.

    Not evidence and not the audit log (backups are also written there): a plain record of
    operations, so the page can say how old the last good backup and the last good drill are.
    """

    class Kind(models.TextChoices):
        BACKUP = "backup", _("backup")
        DRILL = "drill", _("restore drill")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    ok = models.BooleanField(default=False)
    repository = models.CharField(max_length=500, blank=True)
    snapshot = models.CharField(max_length=64, blank=True)
    bytes_added = models.BigIntegerField(default=0)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["kind", "ok", "-finished_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.started_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'failed'}"


class WorkerHeartbeat(models.Model):
    """The worker's last sign of life (one row), written by its scheduled backup check."""

    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"worker seen {self.beat_at:%Y-%m-%d %H:%M}"
