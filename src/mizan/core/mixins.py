"""View mixins that put class-based views on the permission layer."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.http import HttpRequest

from mizan.core.audit import Action, audit_record
from mizan.core.sensitivity import Sensitivity


def audit_view_if_sensitive(request: HttpRequest, record: Any) -> None:
    """Record that ``request.user`` opened ``record`` when it is confidential or restricted.

    The one place that says which views of a record the audit log keeps (DESIGN decision 7):
    every detail page of a sensitive record calls it (class-based ones through
    ``SensitiveObjectMixin``) once the record is known to be visible to the user.
    """
    if record.sensitivity >= Sensitivity.CONFIDENTIAL:
        audit_record(actor=request.user, action=Action.VIEW, target=record, request=request)


class VisibleQuerysetMixin(LoginRequiredMixin):
    """List and detail views see only what the user may see (``visible_to``)."""

    model: type[models.Model]

    def get_queryset(self) -> models.QuerySet[Any]:
        base = super().get_queryset()  # type: ignore[misc]
        return base.visible_to(self.request.user)  # type: ignore[attr-defined,no-any-return]


class SensitiveObjectMixin(VisibleQuerysetMixin):
    """Detail views: 404 for what the user may not see; record views of confidential records."""

    def get_object(self, queryset: models.QuerySet[Any] | None = None) -> Any:
        obj = super().get_object(queryset)  # type: ignore[misc]
        audit_view_if_sensitive(self.request, obj)  # type: ignore[attr-defined]
        return obj
