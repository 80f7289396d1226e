"""Writes on the shared kernel's records. Each is atomic and writes its audit entry."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mizan.core.audit import Action, audit_record
from mizan.core.models import Site
from mizan.core.writing import assign_changes


def site_create(*, actor: Any, data: dict[str, Any]) -> Site:
    with transaction.atomic():
        site = Site(**data)
        site.full_clean()
        site.save()
        audit_record(actor=actor, action=Action.CREATE, target=site, fields=list(data))
    return site


def site_update(*, actor: Any, site: Site, data: dict[str, Any]) -> Site:
    with transaction.atomic():
        changed = assign_changes(site, data)
        site.full_clean()
        site.save()
        audit_record(actor=actor, action=Action.UPDATE, target=site, fields=changed)
    return site
