"""Exports of incidents, acts and persons as CSV and JSON (schema: docs/exports.md).

Every export goes through the permission layer (only what the user may see), shows protected
persons under their pseudonym, and is recorded in the audit log with its filters and row count.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from mizan.cases.models import Act, Incident, Person
from mizan.cases.selectors import (
    IncidentFilters,
    incidents_visible_to,
    involvements_visible_to,
)
from mizan.core.permissions import person_name_for, visibility_q

KINDS = ("incidents", "acts", "persons")

COLUMNS: dict[str, list[str]] = {
    "incidents": [
        "reference",
        "title_ar",
        "title_en",
        "start_date",
        "end_date",
        "place_code",
        "governorate_code",
        "sensitivity",
        "acts",
        "created_at",
    ],
    "acts": [
        "incident_reference",
        "act_id",
        "victim_id",
        "victim_name",
        "act_type",
        "start_date",
        "end_date",
        "status",
        "site_id",
        "victim_sex",
        "victim_age_group",
        "perpetrator_units",
        "legal_qualifications",
        "torture_methods",
    ],
    "persons": [
        "person_id",
        "name_ar",
        "name_lat",
        "pseudonym",
        "identity_protected",
        "sex",
        "birth_date",
        "sensitivity",
    ],
}


def _date(value: Any) -> str:
    return value.to_storage() if value else ""


def incident_rows(user: Any, filters: IncidentFilters) -> Iterator[dict[str, Any]]:
    incidents = (
        incidents_visible_to(user, filters)
        .select_related("place", "governorate")
        .annotate(act_count=Count("acts"))
    )
    for incident in incidents.iterator(chunk_size=2000):
        yield {
            "reference": incident.reference,
            "title_ar": incident.title_ar,
            "title_en": incident.title_en,
            "start_date": _date(incident.start_date),
            "end_date": _date(incident.end_date),
            "place_code": incident.place.code if incident.place else "",
            "governorate_code": incident.governorate.code if incident.governorate else "",
            "sensitivity": incident.get_sensitivity_display(),
            "acts": incident.act_count,
            "created_at": incident.created_at.isoformat(),
        }


def _acts(user: Any, filters: IncidentFilters) -> QuerySet[Act]:
    """The acts of the visible incidents whose victim the user may see (a victim is a record
    of its own: an act of a victim out of reach is left out, name, sex and age with it)."""
    return (
        Act.objects.filter(incident__in=incidents_visible_to(user, filters).values("pk"))
        .filter(visibility_q(user, "victim__"))
        .select_related("incident", "victim", "victim__sex", "act_type", "status")
        .prefetch_related(
            "legal_qualifications",
            "torture_methods",
            Prefetch(
                "involvements",
                queryset=involvements_visible_to(user).filter(perpetrator_unit__isnull=False),
            ),
        )
        .order_by("incident_id", "pk")
    )


def act_rows(user: Any, filters: IncidentFilters) -> Iterator[dict[str, Any]]:
    for act in _acts(user, filters).iterator(chunk_size=2000):
        yield {
            "incident_reference": act.incident.reference,
            "act_id": act.pk,
            "victim_id": act.victim_id,
            "victim_name": person_name_for(act.victim, user),
            "act_type": act.act_type.code,
            "start_date": _date(act.start_date),
            "end_date": _date(act.end_date),
            "status": act.status.code if act.status else "",
            "site_id": act.site_id or "",
            "victim_sex": act.victim.sex.code if act.victim.sex else "",
            "victim_age_group": act.victim_age_group,
            "perpetrator_units": [
                unit.name_en or unit.name_ar
                for unit in (i.perpetrator_unit for i in act.involvements.all())
                if unit is not None
            ],
            "legal_qualifications": [t.code for t in act.legal_qualifications.all()],
            "torture_methods": [t.code for t in act.torture_methods.all()],
        }


def person_rows(user: Any, filters: IncidentFilters) -> Iterator[dict[str, Any]]:
    persons = Person.objects.visible_to(user).select_related("sex").order_by("pk")
    for person in persons.iterator(chunk_size=2000):
        visible = person.identity_visible_to(user)
        yield {
            "person_id": person.pk,
            "name_ar": person.full_name_ar if visible else "",
            "name_lat": person.full_name_lat if visible else "",
            "pseudonym": person.pseudonym or ("" if visible else f"#{person.pk}"),
            "identity_protected": not visible,
            "sex": person.sex.code if person.sex else "",
            "birth_date": _date(person.birth_date) if visible else "",
            "sensitivity": person.get_sensitivity_display(),
        }


ROWS = {"incidents": incident_rows, "acts": act_rows, "persons": person_rows}

__all__ = ["COLUMNS", "KINDS", "ROWS", "Incident"]
