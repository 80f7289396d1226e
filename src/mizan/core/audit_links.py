"""How the audit log names a record: "Person #12" in the reader's language, linked to the
record's page when its app registered one, instead of the internal ``cases.person:12``.

Apps above ``core`` register their pages in ``AppConfig.ready`` (``register_record_link``), so
``core`` imports none of them. Only the type and number are shown — never a name — and the
page the link opens applies its own permission check.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse

_links: dict[str, str] = {}


def register_record_link(object_type: str, url_name: str) -> None:
    """``object_type`` (``app_label.model``) opens at ``url_name`` with the record's pk."""
    _links[object_type] = url_name


def record_label(object_type: str, object_id: str) -> dict[str, Any]:
    if not object_type:
        return {"label": "", "url": ""}
    try:
        name: Any = apps.get_model(object_type)._meta.verbose_name
    except (LookupError, ValueError):
        name = object_type
    name = str(name)
    name = name[:1].upper() + name[1:]
    label = f"{name} #{object_id}" if object_id else name
    url = ""
    if object_type in _links and object_id.isdigit():
        try:
            url = reverse(_links[object_type], args=[int(object_id)])
        except NoReverseMatch:
            url = ""
    return {"label": label, "url": url, "raw": f"{object_type}:{object_id}"}


def field_labels(object_type: str, fields: list[str]) -> list[str]:
    """The audited fields by their names in the reader's language ("date of birth", not
    ``birth_date``); a name the model does not (or no longer) have is shown as stored."""
    try:
        meta = apps.get_model(object_type)._meta if object_type else None
    except (LookupError, ValueError):
        meta = None
    labels = []
    for name in fields:
        label: Any = name
        if meta is not None:
            try:
                field = meta.get_field(name)
                label = getattr(field, "verbose_name", name)
            except Exception:  # FieldDoesNotExist, or a name that is not a field
                label = name
        labels.append(str(label))
    return labels
