from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the audit log is append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("the audit log is append-only")


class AuditEntry(models.Model):
    """One row of the append-only, hash-chained audit log (DESIGN decision 7).

    ``hash`` is the SHA-256 of the entry's canonical JSON including ``prev_hash``, so altering
    any row breaks its own hash and removing one breaks the chain (``seq`` is contiguous). The
    actor is kept as id and username, not a foreign key, so that removing a user can never
    cascade into the log. Entries name records by type and id only: never a victim's or
    witness's name.
    """

    class Action(models.TextChoices):
        SIGN_IN = "sign_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
        SIGN_OUT = "sign_out", _("Signed out")
        TWO_FACTOR_ENABLED = "2fa_enabled", _("Enabled two-factor authentication")
        TWO_FACTOR_VERIFIED = "2fa_verified", _("Verified second factor")
        TWO_FACTOR_FAILED = "2fa_failed", _("Failed second-factor code")
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        VIEW = "view", _("Viewed")
        EXPORT = "export", _("Exported")
        HANDOVER = "handover", _("Handed over")

    seq = models.PositiveBigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("time"), db_index=True)
    actor_id = models.BigIntegerField(_("actor id"), null=True, blank=True, db_index=True)
    actor_username = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=32, choices=Action.choices, db_index=True)
    object_type = models.CharField(_("record type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the audit log is append-only")


class AuditHead(models.Model):
    """The chain's head: the last sequence number and hash, updated with every append.

    It serialises appends (its row is locked for the length of the writing transaction) and lets
    ``mizan audit verify`` notice entries removed from the end of the chain.
    """

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.last_seq} {self.last_hash[:12]}"


class AuditCheckpoint(models.Model):
    """The organisation's Ed25519 signature over the audit log's length and head at a moment.

    Signed every ``MIZAN_AUDIT_CHECKPOINT_EVERY`` entries and on ``mizan audit checkpoint``; the
    key lives outside the database, so whoever rewrites the log from a copy of the database
    cannot sign its new head. Append-only like the log (a database trigger refuses UPDATE and
    DELETE).
    """

    seq = models.PositiveBigIntegerField(_("entries covered"), db_index=True)
    head = models.CharField(max_length=64)
    at = models.CharField(_("time"), max_length=32)
    signature = models.CharField(max_length=100)  # base64 of the 64-byte signature
    key_fingerprint = models.CharField(_("key fingerprint"), max_length=64)

    class Meta:
        ordering = ["-seq", "-id"]
        verbose_name = _("signed audit checkpoint")
        verbose_name_plural = _("signed audit checkpoints")

    def __str__(self) -> str:
        return f"audit checkpoint {self.seq}"
