"""The curated catalogue: every entry names its source, and a symbol verified after an entry was
seeded reaches existing installations without overwriting anything an administrator changed."""

from __future__ import annotations

import json

import pytest

from mizan.core.models import AuditEntry
from mizan.core.partial_dates import PartialDate
from mizan.library.catalogue import FIXTURES, sync_library_data
from mizan.library.models import Document

ROWS = json.loads((FIXTURES / "catalogue.json").read_text(encoding="utf-8"))
# The only entry whose publication number no source confirmed (fixtures/SOURCES.md).
WITHOUT_SYMBOL = {"istanbul_protocol_2022"}


def test_fixture_entries_are_complete_and_sourced() -> None:
    keys = [row["key"] for row in ROWS]
    assert len(keys) == len(set(keys))
    for row in ROWS:
        assert row["title_en"] and row["title_ar"], row["key"]
        assert PartialDate.parse(row["date"]), row["key"]
        assert 0 < len(row["source"]) <= 500, row["key"]
        assert bool(row["symbol"]) == (row["key"] not in WITHOUT_SYMBOL), row["key"]
    symbols = {row["key"]: row["symbol"] for row in ROWS}
    assert symbols["iimp_2023"] == "A/RES/77/301"
    assert symbols["rome_statute"] == "A/CONF.183/9"
    assert symbols["icpped"] == "A/RES/61/177"
    assert symbols["berkeley_protocol"] == "HR/PUB/20/2"
    sources = (FIXTURES / "SOURCES.md").read_text(encoding="utf-8")
    for row in ROWS:
        assert f"| {row['key']} |" in sources, row["key"]


@pytest.mark.django_db
def test_a_symbol_verified_later_fills_a_blank_but_never_an_edit() -> None:
    iimp = Document.objects.get(catalogue_key="iimp_2023")
    assert iimp.symbol == "A/RES/77/301" and "77/301" in iimp.source_note
    # As seeded by the earlier fixture: no symbol yet.
    Document.objects.filter(pk=iimp.pk).update(symbol="", source_note="symbol not verified")
    assert sync_library_data()["catalogue"] == 0
    iimp.refresh_from_db()
    assert iimp.symbol == "A/RES/77/301" and "caesarfamilies.org" in iimp.source_note
    entry = AuditEntry.objects.get(object_type="library.document", object_id=str(iimp.pk))
    assert entry.fields == ["source_note", "symbol"]
    # A symbol an administrator typed stays.
    rome = Document.objects.get(catalogue_key="rome_statute")
    Document.objects.filter(pk=rome.pk).update(symbol="A/CONF.183/9*")
    sync_library_data()
    assert Document.objects.get(pk=rome.pk).symbol == "A/CONF.183/9*"
