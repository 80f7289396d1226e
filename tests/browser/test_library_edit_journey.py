"""Issue 6: a researcher corrects a document on its edit page in a real browser — new title and
date, a relation to the resolution it responds to, then internal — and the public site stops
showing it at once."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.library import services
from mizan.library.models import BODY_VOCABULARY, TYPE_VOCABULARY, Document, DocumentRelation
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import PASSWORD, sign_in


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_researcher_edits_relates_and_withdraws_a_document(page: Any, live_server: Any) -> None:
    base = live_server.url
    resolution = services.document_create(
        actor=None,
        data={
            "symbol": "A/HRC/RES/S-99/1",
            "title_en": "The human rights situation in the Syrian Arab Republic",
            "title_ar": "حالة حقوق الإنسان في الجمهورية العربية السورية",
            "body": services.term_for(BODY_VOCABULARY, "un_human_rights_council"),
            "doc_type": services.term_for(TYPE_VOCABULARY, "resolution"),
            "date": PartialDate.parse("2011-08"),
            "sensitivity": Sensitivity.PUBLIC,
        },
    )
    report = services.document_create(
        actor=None,
        data={
            "title_en": "Report on detention",
            "title_ar": "تقرير عن الاحتجاز",
            "body": services.term_for(BODY_VOCABULARY, "coi_syria"),
            "doc_type": services.term_for(TYPE_VOCABULARY, "report"),
            "sensitivity": Sensitivity.PUBLIC,
        },
    )
    services.version_add(
        actor=None,
        document=report,
        language="en",
        stream=io.BytesIO(b"Detainees described the conditions of their detention."),
        original_name="report.txt",
        extraction="inline",
    )
    user_create(actor=None, username="rana", password=PASSWORD, role="researcher")
    sign_in(page, base, "rana")
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/library/staff/{report.pk}/")
    page.click("a:has-text('Edit')")
    page.wait_for_url(f"**/library/staff/{report.pk}/edit/")
    page.fill("input[name=title_en]", "Out of sight, out of mind: deaths in detention")
    page.fill("input[name=symbol]", "A/HRC/31/CRP.1")
    page.fill("input[name=date_0]", "2016")
    page.select_option("select[name=date_1]", value="2")
    page.fill("input[name=date_2]", "3")
    page.click("#document-form button[type=submit]")
    page.wait_for_url(f"**/library/staff/{report.pk}/")
    assert "Out of sight, out of mind" in page.inner_text("h1")

    page.goto(f"{base}/library/staff/{report.pk}/edit/")
    page.select_option("select[name=kind]", value="responds_to")
    page.fill("input[name=target]", "a/hrc/res/s-99/1")
    # Back to the edit page it was sent from: wait for the answer, not the (same) address.
    submit(page, "#relation-form button[type=submit]")
    page.wait_for_url(f"**/library/staff/{report.pk}/edit/")
    assert "The human rights situation" in page.inner_text("#relations")
    # A relation to the document itself is refused with a message.
    page.fill("input[name=target]", str(report.pk))
    submit(page, "#relation-form button[type=submit]")  # #relation-form is on both pages
    expect(page.locator("#relation-form")).to_contain_text("cannot be related to itself")
    shot(page, "library-edit-en")

    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    page.goto(f"{base}/library/staff/{report.pk}/edit/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "تعديل الوثيقة" in page.inner_text("h1")
    shot(page, "library-edit-ar")

    # The public page shows the report until a researcher makes it internal.
    visitor = page.context.browser.new_page()
    assert visitor.goto(f"{base}/library/{report.pk}/").status == 200
    page.select_option("select[name=sensitivity]", value=str(Sensitivity.INTERNAL))
    page.click("#document-form button[type=submit]")
    page.wait_for_url(f"**/library/staff/{report.pk}/")
    assert visitor.goto(f"{base}/library/{report.pk}/").status == 404
    visitor.goto(f"{base}/library/?q=detention")
    assert "Out of sight" not in visitor.content()
    visitor.close()

    report.refresh_from_db()
    assert report.sensitivity == Sensitivity.INTERNAL
    assert str(report.date) == str(PartialDate.parse("2016-02-03"))
    assert DocumentRelation.objects.filter(source=report, target=resolution).exists()
    assert Document.objects.filter(symbol="A/HRC/31/CRP.1").count() == 1
