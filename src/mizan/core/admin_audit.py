"""Make Django admin writes go into the audit log like every other write."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpRequest

from mizan.core.audit import Action, audit_record


class AuditedModelAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=Action.UPDATE if change else Action.CREATE,
                target=obj,
                fields=list(form.changed_data),
                request=request,
            )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
        with transaction.atomic():
            super().delete_model(request, obj)
            audit_record(
                actor=request.user,
                action=Action.DELETE,
                object_type=object_type,
                object_id=object_id,
                request=request,
            )

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)
