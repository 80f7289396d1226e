"""Issue 5's "Done when": a missing-persons officer imports two lists, runs the matching, reviews
the suggested match side by side with its field evidence and accepts it; the two records are
then one person (in the database and on the person's sources page) — in English and Arabic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mizan.accounts.services import user_create
from mizan.core.models import Team
from mizan.missing.models import CandidatePair, MissingPerson, SourceList, SourceRecord
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD

HEADER = "record_id,first_name,father_name,family_name,mother_name,sex,birth_year,birth_place\n"
FAMILIES = (
    HEADER
    + "F-1,محمد,أحمد,عبد الرحمن,فاطمة,ذكر,1985,داريا\n"
    + "F-2,عمر,خالد,الحموي,زينب,ذكر,1975,حمص\n"
    + "F-3,رنا,عمر,الخطيب,هبة,أنثى,1990,حلب\n"
)
UN_LIST = (
    HEADER
    + "U-1,Mohammad,Ahmad,Abdulrahman,Fatima,male,1985,Daraya\n"
    + "U-2,Yusuf,Hasan,Al-Attar,Salma,male,1968,Deraa\n"
    + "U-3,Lina,Samir,Haddad,Maryam,female,1993,Latakia\n"
    # Same names as F-2 but born two years apart: a doubtful pair, next in the queue (the
    # linkage compares only records born within three years of each other).
    + "U-4,Omar,Khaled,Al-Hamwi,Zainab,male,1977,Homs\n"
)


def import_list(page: Any, base: str, name: str, path: Path) -> SourceList:
    page.goto(f"{base}/missing/lists/new/")
    page.fill("input[name=name]", name)
    page.select_option("select[name=origin]", value="families")
    page.select_option("select[name=reliability]", value="B")
    page.click("main form button[type=submit]")
    # A number, not "*": the glob matched the form's own address (/missing/lists/new/).
    page.wait_for_url(re.compile(r"/missing/lists/\d+/$"))
    page.set_input_files("input[name=file]", str(path))
    page.click("form[action$='/import/'] button[type=submit]")
    page.wait_for_url("**/missing/imports/*/")
    submit(page, "text=Import now")  # /missing/imports/*/ matched the dry run's address too
    page.wait_for_url("**/missing/imports/*/")
    page.locator(".alert-success").wait_for()
    return SourceList.objects.get(name=name)


def test_officer_reviews_a_suggested_match_and_merges_it(
    page: Any, live_server: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team.objects.create(slug="missing-registry", name_en="Registry", name_ar="السجل")
    user_create(
        actor=None, username="mona", password=PASSWORD, role="missing_persons_officer", teams=[team]
    )
    families = tmp_path / "families.csv"
    families.write_text(FAMILIES, encoding="utf-8")
    un_list = tmp_path / "un-list.csv"
    un_list.write_text(UN_LIST, encoding="utf-8")
    base = live_server.url

    sign_in(page, base, "mona")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    first = import_list(page, base, "Families' association (test)", families)
    second = import_list(page, base, "List for the UN (test)", un_list)
    assert first.records.count() == 3 and second.records.count() == 4

    # The matching runs in the background; its page reports what it found.
    page.goto(f"{base}/missing/lists/")
    shot(page, "40-review-lists-run-matching-en")
    page.click("#matching-form button[type=submit]")
    page.wait_for_url("**/missing/matching/*/")
    page.locator(".alert-success").wait_for()
    assert "to review" in page.inner_text("main")
    page.click("text=Open the review queue")
    page.wait_for_url("**/missing/review/")

    # The suggested match, side by side, with what each field says.
    a = SourceRecord.objects.get(record_id="F-1")
    b = SourceRecord.objects.get(record_id="U-1")
    pair = CandidatePair.objects.get(record_a=min(a.pk, b.pk), record_b=max(a.pk, b.pk))
    card = page.locator("#review-pair")
    assert card.get_attribute("data-pair") == str(pair.pk)
    side = page.inner_text("table.side-by-side")
    assert "محمد" in side and "Mohammad" in side and "Daraya" in side and "داريا" in side
    evidence = page.inner_text("table.evidence")
    assert "same name (other spelling or script)" in evidence and "same year" in evidence
    assert "Probability" in page.inner_text(".probability")
    assert "Row B exactly as it was in the file" in page.inner_text("main")
    shot(page, "41-review-pair-en")

    # In Arabic, decided from the keyboard (A: same person); the next pair opens.
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    page.goto(f"{base}/missing/review/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "الاسم نفسه" in page.inner_text("table.evidence")
    shot(page, "42-review-pair-ar")
    page.locator("body").press("a")
    page.wait_for_url(f"**/missing/review/?decided={pair.pk}")
    # The page links to the file both records are now on.
    page.locator("#accepted-result a").wait_for()
    following = page.locator("#review-pair").get_attribute("data-pair")
    assert following is not None and following != str(pair.pk)  # the next pair opened
    assert "عمر" in page.inner_text("table.side-by-side")
    shot(page, "43-review-next-ar")

    pair.refresh_from_db()
    assert pair.decision == "accepted" and pair.decided_by is not None
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_id is not None and a.person_id == b.person_id
    file = MissingPerson.objects.get(person_id=a.person_id)
    assert SourceRecord.objects.filter(person=file.person).count() == 2

    # The person's canonical view: each field's values and the lists behind them.
    page.goto(f"{base}/missing/{file.pk}/sources/")
    canonical = page.inner_text("table.canonical")
    assert "محمد" in canonical and "Mohammad" in canonical
    assert "Families' association (test)" in canonical and "List for the UN (test)" in canonical
    shot(page, "44-review-person-sources-ar")
    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": base}])
    page.goto(f"{base}/missing/{file.pk}/sources/")
    assert "Year of birth" in page.inner_text("table.canonical")
    shot(page, "45-review-person-sources-en")
