"""Seed the library's vocabularies and its curated catalogue of key texts after ``migrate``.

Like the core reference data, the seed only *adds*: a vocabulary term is matched by
(vocabulary, code) and a catalogue entry by its ``catalogue_key``, and nothing an administrator
changed is overwritten. The one update: an entry seeded while its symbol was still unverified
(blank) receives the symbol, and the source that confirmed it, once the fixture has them.
``fixtures/catalogue.json`` lists every entry with the source its symbol, date and title were
checked against (``fixtures/SOURCES.md``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load(name: str) -> list[dict[str, Any]]:
    path = FIXTURES / name
    if not path.exists():
        return []
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def sync_vocabularies() -> int:
    from mizan.core.models import Term

    existing = set(Term.objects.values_list("vocabulary", "code"))
    new = [
        Term(
            vocabulary=row["vocabulary"],
            code=row["code"],
            label_en=row["label_en"],
            label_ar=row["label_ar"],
            sort_order=row.get("sort_order", 0),
        )
        for row in _load("vocabularies.json")
        if (row["vocabulary"], row["code"]) not in existing
    ]
    Term.objects.bulk_create(new)
    return len(new)


def sync_catalogue() -> int:
    from mizan.library import services

    created = 0
    for row in _load("catalogue.json"):
        if services.catalogue_entry_add(row) is not None:
            created += 1
        else:
            # An entry seeded before its symbol was verified receives it now (blanks only).
            services.catalogue_symbol_fill(row)
    return created


def sync_library_data() -> dict[str, int]:
    with transaction.atomic():
        return {"terms": sync_vocabularies(), "catalogue": sync_catalogue()}


def sync_after_migrate(**kwargs: Any) -> None:
    if kwargs.get("using", "default") != "default":
        return
    sync_library_data()
