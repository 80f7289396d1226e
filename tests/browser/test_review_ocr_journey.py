"""Issue 15's "Done when": an officer reviews a pair whose UN-style record is written
``FAMILY, Given Father`` and whose OCR'd record has a misread birth year; the review shows the
parts read from the full name and flags the year — in English and Arabic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mizan.accounts.services import user_create
from mizan.core.models import Team
from mizan.missing.models import CandidatePair, SourceRecord
from tests.browser.conftest import shot
from tests.browser.test_admin_journey import enrol, sign_in
from tests.browser.test_review_journey import import_list
from tests.conftest import PASSWORD

DOCUMENTS = (
    "record_id,first_name,father_name,family_name,mother_name,sex,birth_year,birth_place,"
    "place_of_arrest\n"
    "D-1,رنا,خالد,الحموي,هبة,أنثى,7990,حمص,حاجز حمص\n"  # 1990 read by OCR as 7990
    "D-2,سامر,علي,حداد,مريم,ذكر,1980,حلب,\n"
)
UN_LIST = (
    "record_id,full_name,mother_name,sex,birth_year,birth_place,place_of_arrest\n"
    '"U-1","HAMWI, Rana Khaled",Hiba,female,1990,Homs,Homs\n'
    '"U-2","AL-KHATIB, Youssef Omar",Salma,male,1968,Deraa,\n'
)


def test_officer_reviews_a_comma_form_name_against_an_ocr_record(
    page: Any, live_server: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team.objects.create(slug="missing-registry", name_en="Registry", name_ar="السجل")
    user_create(
        actor=None, username="mona", password=PASSWORD, role="missing_persons_officer", teams=[team]
    )
    documents = tmp_path / "documents.csv"
    documents.write_text(DOCUMENTS, encoding="utf-8")
    un_list = tmp_path / "un-list.csv"
    un_list.write_text(UN_LIST, encoding="utf-8")
    base = live_server.url

    sign_in(page, base, "mona")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    # The misread year does not refuse the list: both rows are imported.
    first = import_list(page, base, "Scanned documents (test)", documents)
    second = import_list(page, base, "List for the UN (test)", un_list)
    assert first.records.count() == 2 and second.records.count() == 2
    rana = SourceRecord.objects.get(record_id="U-1")
    assert (rana.first_name, rana.father_name, rana.family_name) == ("Rana", "Khaled", "HAMWI")

    page.goto(f"{base}/missing/lists/")
    page.click("#matching-form button[type=submit]")
    page.wait_for_url("**/missing/matching/*/")
    page.locator(".alert-success").wait_for()
    page.click("text=Open the review queue")
    page.wait_for_url("**/missing/review/")

    ocr = SourceRecord.objects.get(record_id="D-1")
    pair = CandidatePair.objects.get(record_a=min(ocr.pk, rana.pk), record_b=max(ocr.pk, rana.pk))
    page.goto(f"{base}/missing/review/{pair.pk}/")
    # The parts read from "HAMWI, Rana Khaled", beside the Arabic record's.
    side = page.inner_text("table.side-by-side")
    assert "Rana" in side and "Khaled" in side and "HAMWI" in side
    assert "رنا" in side and "الحموي" in side
    evidence = page.inner_text("table.evidence")
    assert "same name (other spelling or script)" in evidence
    # The place of arrest: "حاجز حمص" (the checkpoint of Homs) and "Homs" are one place.
    assert "Place of arrest" in evidence and "same place" in evidence
    # The misread year: flagged, compared as missing (no evidence either way).
    flags = page.locator(".review-flags")
    text = flags.inner_text()
    assert "Values that look misread" in text and "7990" in text
    assert "not a plausible birth year" in text and "compared as missing" in text
    assert page.locator(".review-flags .flag").count() == 1
    raw = page.inner_text("main")
    assert "HAMWI, Rana Khaled" in raw  # the row as it was in the file
    shot(page, "46-review-comma-name-ocr-year-en")

    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    page.goto(f"{base}/missing/review/{pair.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    flags_ar = page.locator(".review-flags").inner_text()
    assert "7990" in flags_ar and "Values that look misread" not in flags_ar
    assert "المكان نفسه" in page.inner_text("table.evidence")
    shot(page, "47-review-comma-name-ocr-year-ar")
