"""A missing-persons officer imports a list (the dry run shows its problems, then the corrected
file is imported), opens a person's file and records a status change — in English and Arabic
(issue 5's registry journey)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mizan.accounts.services import user_create
from mizan.cases import services as cases_services
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from mizan.missing import services
from mizan.missing.models import MissingPerson, SourceList, Status
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD, make_site

HEADER = "record_id,full_name,mother_name,sex,birth_year,date_of_arrest,place_of_arrest\n"


def test_officer_imports_a_list_and_records_a_status_change(
    page: Any, live_server: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team.objects.create(slug="missing-registry", name_en="Registry", name_ar="السجل")
    user_create(
        actor=None, username="mona", password=PASSWORD, role="missing_persons_officer", teams=[team]
    )
    prison = make_site("Saydnaya prison (test)", "سجن صيدنايا (اختبار)", Sensitivity.INTERNAL)
    file = services.missing_person_create(
        actor=None,
        data={"sensitivity": Sensitivity.CONFIDENTIAL, "team": team},
        person_data={"first_name_ar": "سامر", "father_name_ar": "خالد", "family_name_ar": "الحلبي"},
    )
    services.relative_add(
        actor=None,
        missing_person=file,
        relationship="mother",
        person_data={"first_name_ar": "فاطمة", "family_name_ar": "النجار"},
        contact={"phone": "+90 555 000 1234"},
    )
    known = cases_services.person_create(
        actor=None,
        data={"first_name_ar": "أحمد", "father_name_ar": "خالد", "family_name_ar": "الحموي"},
    )
    bad = tmp_path / "families.csv"
    bad.write_text(
        HEADER
        + "F-1,محمد أحمد علي الشامي,مريم,ذكر,١٩٨٠,2013-04,داريا\n"
        + "F-1,عمر خالد الحموي,زينب,ذكر,1975,2014,حمص\n"
        + ",رنا عمر الخطيب,هبة,أنثى,19x0,2012,حلب\n"
        + "F-4,\u202bخالد\u202c يوسف العطار,سلمى,ذكر,1990,2015,درعا\n",
        encoding="utf-8",
    )
    good = tmp_path / "families-corrected.csv"
    good.write_bytes(
        (
            HEADER
            + "F-1,محمد أحمد علي الشامي,مريم,ذكر,1980,2013-04,داريا\n"
            + "F-2,عمر خالد الحموي,زينب,ذكر,1975,2014,حمص\n"
            + "F-3,رنا عمر الخطيب,هبة,أنثى,1990,2012,حلب\n"
        ).encode("cp1256")
    )

    sign_in(page, live_server.url, "mona")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.goto(f"{live_server.url}/missing/lists/new/")
    page.fill("input[name=name]", "Families' association (test)")
    page.select_option("select[name=origin]", value="families")
    page.select_option("select[name=reliability]", value="B")
    page.click("main form button[type=submit]")
    # A number, not "*": the glob matched the form's own address (/missing/lists/new/).
    page.wait_for_url(re.compile(r"/missing/lists/\d+/$"))
    source = SourceList.objects.get(name="Families' association (test)")

    # The dry run reports every problem, row by row, and writes nothing.
    page.set_input_files("input[name=file]", str(bad))
    page.click("form[action$='/import/'] button[type=submit]")
    page.wait_for_url("**/missing/imports/*/")
    problems = page.locator("table.problems tbody tr")
    problems.first.wait_for()
    text = page.inner_text("main")
    assert "already used in row 2" in text and "record id is empty" in text
    assert "not a year" in text and "direction-control" in text
    assert page.locator("text=Import now").count() == 0
    shot(page, "30-missing-dry-run-problems-en")
    assert source.records.count() == 0

    # The corrected file (saved by Arabic Excel in Windows-1256) passes, then is imported.
    page.goto(f"{live_server.url}/missing/lists/{source.pk}/")
    page.set_input_files("input[name=file]", str(good))
    page.click("form[action$='/import/'] button[type=submit]")
    page.wait_for_url("**/missing/imports/*/")
    assert "Windows-1256" in page.inner_text("main")
    submit(page, "text=Import now")  # /missing/imports/*/ matched the dry run's address too
    page.wait_for_url("**/missing/imports/*/")
    page.locator(".alert-success").wait_for()
    shot(page, "31-missing-imported-en")
    assert source.records.count() == 3

    # In Arabic: the registry, the person's file, a status change.
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    page.goto(f"{live_server.url}/missing/lists/{source.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    shot(page, "32-missing-list-ar")
    page.goto(f"{live_server.url}/missing/")
    page.click(f"text={file.reference}")
    page.wait_for_url(f"**/missing/{file.pk}/")
    assert "+90 555 000 1234" in page.inner_text("main")
    page.click("summary:has-text('تسجيل تغيّر في الحالة')")
    page.select_option("select[name=status]", value="detained")
    page.fill("input[name=date_0]", "2015")
    page.select_option("select[name=facility]", value=str(prison.pk))
    page.fill("textarea[name=source_description]", "معتقل مُفرج عنه رآه في المهجع")
    # Back to the file's page (same address, ol.timeline on both): wait for the answer.
    submit(page, "form[action$='/status/'] button[type=submit]")
    page.wait_for_url(f"**/missing/{file.pk}/")
    timeline = page.inner_text("ol.timeline")
    assert "محتجز معروف المكان" in timeline and "سجن صيدنايا" in timeline
    shot(page, "33-missing-file-ar")
    assert MissingPerson.objects.get(pk=file.pk).status == Status.DETAINED
    page.goto(f"{live_server.url}/missing/overview/")
    shot(page, "34-missing-overview-ar")

    # Opening a file for someone already recorded: the suggestion leads to that person.
    page.goto(f"{live_server.url}/missing/new/")
    page.fill("input[name=name_ar]", "احمد الحمو")
    page.locator("input[name=name_ar]").press_sequentially("ي ")
    suggestion = page.locator("[data-choose-person]").first
    suggestion.wait_for()
    shot(page, "36-missing-new-file-suggestion-ar")
    suggestion.click()
    page.wait_for_url(f"**/missing/new/?person={known.pk}")
    page.fill("input[name=disappeared_on_0]", "2012")
    page.click("#missing-file-form button[type=submit]")
    page.wait_for_url(re.compile(r"/missing/\d+/$"))  # not /missing/new/
    assert MissingPerson.objects.filter(person=known).exists()

    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/missing/{file.pk}/")
    assert "Known detained" in page.inner_text("ol.timeline")
    shot(page, "35-missing-file-en")
