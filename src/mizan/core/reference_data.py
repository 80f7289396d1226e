"""Seed the bilingual reference data (vocabularies, places) that every installation needs.

Runs after ``migrate`` (post_migrate), so a fresh database always has it. It only *adds* what is
missing, matched by natural key; it never overwrites a label an administrator has edited.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def sync_vocabularies() -> int:
    from mizan.core.models import Term

    existing = {(t.vocabulary, t.code): t for t in Term.objects.all()}
    created = 0
    rows = _load("vocabularies.json")
    # Parents first: a row may only point at a term of the same vocabulary that precedes it.
    for row in sorted(rows, key=lambda r: r.get("parent") is not None):
        key = (row["vocabulary"], row["code"])
        if key in existing:
            continue
        parent = existing.get((row["vocabulary"], row["parent"])) if row.get("parent") else None
        term = Term.objects.create(
            vocabulary=row["vocabulary"],
            code=row["code"],
            label_en=row["label_en"],
            label_ar=row["label_ar"],
            description_en=row.get("description_en", ""),
            description_ar=row.get("description_ar", ""),
            parent=parent,
            sort_order=row.get("sort_order", 0),
        )
        existing[key] = term
        created += 1
    return created


def sync_places() -> int:
    from mizan.core.models import Place

    existing = dict(Place.objects.values_list("code", "pk"))
    created = 0
    for row in _load("places.json"):  # the file lists every parent before its children
        if row["code"] in existing:
            continue
        place = Place.objects.create(
            code=row["code"],
            kind=row["kind"],
            parent_id=existing.get(row["parent"]) if row.get("parent") else None,
            name_en=row["name_en"],
            name_ar=row["name_ar"],
        )
        existing[place.code] = place.pk
        created += 1
    return created


def sync_reference_data() -> dict[str, int]:
    with transaction.atomic():
        return {"terms": sync_vocabularies(), "places": sync_places()}


def sync_after_migrate(**kwargs: Any) -> None:
    from django.db import connections

    using = kwargs.get("using", "default")
    if using != "default":
        return
    tables = connections[using].introspection.table_names()
    if "core_term" in tables and "core_place" in tables:
        sync_reference_data()
