"""The package summary: ISO 8601 in summary.json whatever the interface's language, human text
(dates included) in the package's language, and the originals' folder as the bag has it."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from django.utils import translation
from pypdf import PdfReader

from mizan.core.partial_dates import PartialDate
from mizan.evidence.models import Item
from mizan.evidence.services import item_ingest
from mizan.evidence.services.handover import package_summary, summary_pdf
from tests.factories import RecipientFactory

pytestmark = pytest.mark.django_db


def _item() -> Item:
    item = item_ingest(io.BytesIO(b"synthetic statement"), filename="statement.txt", actor="t").item
    Item.objects.filter(pk=item.pk).update(
        collected_on=PartialDate(2013, 5, 20), ingested_at=datetime(2026, 12, 5, 21, 30, tzinfo=UTC)
    )
    return Item.objects.get(pk=item.pk)


def _pdf_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\u2068", "").replace("\u2069", "").split())


def test_summary_json_dates_are_iso_even_when_built_under_arabic() -> None:
    item, recipient = _item(), RecipientFactory()
    # The worker runs with the site's default language (Arabic): that must not leak in.
    with translation.override("ar"):
        summary = package_summary([item], None, recipient, "HO-0001", language="en")
    entry = summary["items"][0]
    assert entry["provenance"]["collected_on"] == "2013-05-20"
    assert datetime.fromisoformat(entry["ingested_at"]).tzinfo is not None
    assert summary["prepared_at"].endswith("Z") and summary["language"] == "en"


def test_english_pdf_has_english_dates_and_names_the_bag_folder() -> None:
    item, recipient = _item(), RecipientFactory()
    with translation.override("ar"):
        summary = package_summary([item], None, recipient, "HO-0001", language="en")
        text = _pdf_text(summary_pdf(summary))
    assert "20 May 2013" in text
    assert "6 December 2026" in text  # 21:30 UTC is past midnight in Damascus
    assert "أيار" not in text and "data/items/" in text and "data/originals" not in text


def test_arabic_pdf_uses_levantine_month_names() -> None:
    item, recipient = _item(), RecipientFactory()
    summary = package_summary([item], None, recipient, "HO-0001", language="ar")
    text = _pdf_text(summary_pdf(summary))
    assert "أيار" in text and "كانون الأول" in text and "ديسمبر" not in text
