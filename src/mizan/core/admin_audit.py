"""Make Django admin writes go into the audit log like every other write.

* ``AuditedModelAdmin`` audits the change form (``save_model``), every inline row it adds,
  changes or deletes (``save_formset``) and deletions, inside the admin's transaction.
* ``ServiceModelAdmin`` goes further for records whose writes carry rules (a search key to
  recompute, a duplicate to refuse): the change form's data go through the app's service,
  which validates, saves and audits, exactly as the app's own pages do.
* ``audit_registered_admin`` puts a third-party admin (groups, two-factor devices, sign-in
  lockouts) on the audit log without copying it.
"""

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

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Inline rows: one entry per row added, changed or deleted (field names, no values)."""
        deleted = [row.instance for row in formset.deleted_forms if row.instance.pk is not None]
        deleted_labels = [(row._meta.label_lower, str(row.pk)) for row in deleted]
        parent = {"parent": f"{form.instance._meta.label_lower}:{form.instance.pk}"}
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            written = [
                (Action.CREATE, row, _changed_fields_of(formset, row))
                for row in formset.new_objects
            ]
            written += [(Action.UPDATE, row, fields) for row, fields in formset.changed_objects]
            for action, row, fields in written:
                audit_record(
                    actor=request.user,
                    action=action,
                    target=row,
                    fields=fields,
                    detail=parent,
                    request=request,
                )
            for object_type, object_id in deleted_labels:
                _audit_deletion(request, object_type, object_id)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
        with transaction.atomic():
            super().delete_model(request, obj)
            _audit_deletion(request, object_type, object_id)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)


def _audit_deletion(request: HttpRequest, object_type: str, object_id: str) -> None:
    audit_record(
        actor=request.user,
        action=Action.DELETE,
        object_type=object_type,
        object_id=object_id,
        request=request,
    )


def _changed_fields_of(formset: Any, row: models.Model) -> list[str]:
    for row_form in formset.forms:
        if row_form.instance is row:
            return list(row_form.changed_data)
    return []


class ServiceModelAdmin(AuditedModelAdmin):
    """The change form saves through the app's service (which validates, saves and audits).

    Subclasses say how: ``service_create(request, data, form)`` returns the new record,
    ``service_update(request, obj, data, form)`` changes the record ``obj`` stands for (the
    service reloads it from the database, so it sees what really changed). ``data`` holds the
    form's model fields, many-to-many ones excepted (the admin saves those afterwards).
    """

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        raise NotImplementedError

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        raise NotImplementedError

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        data = model_data(form)
        if change:
            saved = self.service_update(request, obj, data, form)
        else:
            saved = self.service_create(request, data, form)
        # The admin goes on with ``obj`` (many-to-many fields, inlines, the redirect): make it
        # the row the service saved.
        for field in saved._meta.concrete_fields:
            setattr(obj, field.attname, getattr(saved, field.attname))
        obj._state.adding = False
        obj._state.db = saved._state.db


def model_data(form: Any) -> dict[str, Any]:
    """The cleaned values of the form's concrete, non-many-to-many model fields."""
    names = {field.name for field in form._meta.model._meta.concrete_fields}
    return {name: value for name, value in form.cleaned_data.items() if name in names}


def audit_registered_admin(site: admin.AdminSite, model: type[models.Model]) -> None:
    """Re-register ``model``'s admin with the audit of ``AuditedModelAdmin`` in front of it."""
    current = type(site._registry[model])
    if issubclass(current, AuditedModelAdmin):
        return
    site.unregister(model)
    site.register(model, type(f"Audited{current.__name__}", (AuditedModelAdmin, current), {}))
