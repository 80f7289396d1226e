"""View mixins that put class-based views on the permission layer."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models

from mizan.core.audit import Action, audit_record
from mizan.core.sensitivity import Sensitivity


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
        if obj.sensitivity >= Sensitivity.CONFIDENTIAL:
            audit_record(
                actor=self.request.user,  # type: ignore[attr-defined]
                action=Action.VIEW,
                target=obj,
                request=self.request,  # type: ignore[attr-defined]
            )
        return obj
