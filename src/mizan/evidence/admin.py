from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.core.admin_audit import AuditedModelAdmin
from mizan.evidence.models import Checkpoint, CustodyEvent, Handover, Item, Recipient


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Originals, custody events, checkpoints and handovers are written only by the locker's
    services; the admin shows them and changes nothing."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin):
    list_display = ["reference", "filename", "media_type", "size", "sensitivity", "ingested_at"]
    list_filter = ["kind", "sensitivity", "media_type"]
    search_fields = ["reference", "filename", "sha256"]


@admin.register(CustodyEvent)
class CustodyEventAdmin(ReadOnlyAdmin):
    list_display = ["seq", "item_reference", "action", "actor", "at"]
    list_filter = ["action"]
    search_fields = ["item_reference", "hash"]


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdmin):
    list_display = ["seq", "at", "key_fingerprint"]


@admin.register(Handover)
class HandoverAdmin(ReadOnlyAdmin):
    list_display = ["reference", "recipient", "created_by", "created_at", "package_sha256"]


@admin.register(Recipient)
class RecipientAdmin(AuditedModelAdmin):
    list_display = ["name", "category"]
