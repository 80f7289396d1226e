"""A bound form's page as a browser posts it back: every field with the value shown, some changed.

Used by the tests that edit a record through its page and check what the audit log says changed
(tests/*/test_edit_audit.py) and by the admin walk (tests/test_admin_audit.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.forms import MultiWidget


def value_posted(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, list | tuple | set):
        return [str(getattr(v, "pk", v)) for v in value]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def put_field(data: dict[str, Any], form: forms.BaseForm, name: str) -> None:
    """Add field ``name`` of ``form`` to ``data`` as the browser posts it (a multi-widget field
    as its ``_0``, ``_1``… parts; an unticked box not at all)."""
    field = form.fields[name]
    if field.disabled:
        return
    key = form.add_prefix(name)
    value = form[name].value()
    if isinstance(field.widget, MultiWidget):
        parts = value if isinstance(value, list) else field.widget.decompress(value)
        for index, part in enumerate(parts):
            data[f"{key}_{index}"] = value_posted(part)
        return
    rendered = value_posted(value)
    if rendered != "" or not isinstance(value, bool):
        data[key] = rendered


def posted_back(form: forms.BaseForm, **changes: Any) -> dict[str, Any]:
    """What the page of ``form`` (as the GET showed it) posts when the user changes ``changes``."""
    data: dict[str, Any] = {}
    for name in form.fields:
        put_field(data, form, name)
    data.update(changes)
    return data


def edit_through_page(client: Any, url: str, **changes: Any) -> Any:
    """Open the edit page at ``url``, change ``changes`` and save; returns the POST's response
    (a redirect when the page saved)."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    response = client.post(url, posted_back(page.context["form"], **changes))
    assert response.status_code == 302, response.context["form"].errors
    return response


def last_update(record: Any) -> Any:
    """The latest audit entry of an update of ``record``."""
    from mizan.core.audit import Action
    from mizan.core.models import AuditEntry

    return (
        AuditEntry.objects.filter(
            action=Action.UPDATE, object_type=record._meta.label_lower, object_id=str(record.pk)
        )
        .order_by("-seq")
        .first()
    )
