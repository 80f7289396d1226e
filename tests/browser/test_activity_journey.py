"""A documenter records the organisation's work in Arabic (issue 17): a workshop with a counted
audience and a focused meeting with an attendance list, then produces the donor report and
checks its figures on the page and in the XLSX it downloads; the same pages are looked at in
English; the public list shows only published activities."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from mizan.accounts.services import user_create
from mizan.activities import services
from mizan.activities.models import Activity, Indicator, Project
from mizan.cases import services as cases_services
from mizan.core.models import Place, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD


def _term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


def _new_activity(page: Any, base: str, kind: str, title: str, day: int, project: Project) -> int:
    page.goto(f"{base}/activities/staff/new/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.select_option("select[name=activity_type]", value=str(_term("activity_type", kind).pk))
    page.fill("input[name=title_ar]", title)
    page.fill("input[name=start_date_0]", "2025")
    page.select_option("select[name=start_date_1]", value="3")
    page.fill("input[name=start_date_2]", str(day))
    gaziantep = Place.objects.filter(name_ar="غازي عنتاب").order_by("pk").first()
    assert gaziantep is not None
    page.select_option("select[name=place]", value=str(gaziantep.pk))
    page.select_option("select[name=projects]", value=str(project.pk))
    page.check(f"input[name=topics][value='{_term('activity_topic', 'transitional_justice').pk}']")
    page.select_option("select[name=sensitivity]", value=str(Sensitivity.INTERNAL))
    shot(page, f"activity-form-{kind}-ar")
    page.click("main form button[type=submit]")
    # A number, not "*": the glob matched the form's own address (/activities/staff/new/).
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/activities/staff/\d+/$"))
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def _figure(page: Any, name: str) -> str:
    return str(page.inner_text(f"[data-figure={name}]")).strip()


def test_workshops_and_the_donor_report_in_arabic(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    team = Team.objects.create(slug="programmes", name_en="Programmes", name_ar="البرامج")
    user_create(actor=None, username="huda", password=PASSWORD, role="documenter", teams=[team])
    donor = cases_services.organisation_create(
        actor=None,
        data={"name_ar": "وزارة مانحة", "name_en": "Donor Ministry", "sensitivity": 0},
    )
    project = Project.objects.create(
        code="TJ-1",
        title_ar="العدالة الانتقالية",
        title_en="Transitional justice",
        donor=donor,
        starts_on=date(2025, 1, 1),
    )
    Indicator.objects.create(
        project=project,
        code="share",
        label_ar="نسبة النساء",
        label_en="Share of women",
        measure=Indicator.Measure.WOMEN_SHARE,
        target=40,
    )
    # Published work from an earlier year, and an unpublished one, for the public list.
    published = services.activity_create(
        actor=None,
        data={
            "activity_type": _term("activity_type", "lecture"),
            "title_ar": "محاضرة عن الاختفاء القسري",
            "title_en": "Lecture on enforced disappearance",
            "start_date": PartialDate(2024, 11, 5),
            "place": Place.objects.get(code="CH-GE-GVA"),
            "sensitivity": Sensitivity.PUBLIC,
        },
    )
    services.counts_set(
        actor=None, activity=published, figures={"women": 40, "men": 40}, breakdown={}
    )
    services.activity_publish(actor=None, activity=published)
    services.activity_create(
        actor=None,
        data={
            "activity_type": _term("activity_type", "focused_meeting"),
            "title_ar": "لقاء غير منشور",
            "start_date": PartialDate(2024, 12),
            "sensitivity": Sensitivity.PUBLIC,
        },
    )
    base = live_server.url

    sign_in(page, base, "huda")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])

    # A workshop with a counted audience; a breakdown larger than the audience is refused.
    workshop = _new_activity(
        page, base, "workshop", "ورشة العدالة الانتقالية في غازي عنتاب", 2, project
    )
    page.click(f"a[href='/activities/staff/{workshop}/counts/']")
    page.fill("input[name=women]", "12")
    page.fill("input[name=men]", "8")
    page.fill("input[name=participant_group_families_missing]", "25")
    submit(page, "main form button[type=submit]")  # refused: the same address again
    assert "أكثر من 20" in page.inner_text(".alert-danger")
    shot(page, "activity-counts-refused-ar")
    page.fill("input[name=participant_group_families_missing]", "15")
    page.fill("input[name=participant_group_lawyers]", "5")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/activities/staff/{workshop}/")
    assert _figure(page, "total") == "20"
    shot(page, "activity-counted-ar")

    # A focused meeting with an attendance list: the list gives the counts.
    meeting = _new_activity(
        page, base, "focused_meeting", "لقاء مركّز مع عائلات المفقودين", 20, project
    )
    page.click(f"a[href='/activities/staff/{meeting}/participants/new/']")
    for name, sex, band in (
        ("سلمى أحمد الحلبي", "female", "50_plus"),
        ("ريم خالد النجار", "female", "under_18"),
        ("عمر حسن العطار", "male", "30_49"),
    ):
        page.fill("input[name=full_name_ar]", name)
        page.select_option("select[name=sex]", value=sex)
        page.select_option("select[name=age_band]", value=str(_term("age_band", band).pk))
        page.select_option(
            "select[name=group]", value=str(_term("participant_group", "families_missing").pk)
        )
        page.check("input[name=consent]")
        # Back to the same address: wait for the new page before filling it.
        submit(page, "main form button[name=another]")
        page.wait_for_url(f"{base}/activities/staff/{meeting}/participants/new/")
    # The same person twice (another spelling) is refused.
    page.fill("input[name=full_name_ar]", "سلمى احمد الحلبى")
    page.select_option("select[name=sex]", value="female")
    page.check("input[name=consent]")
    submit(page, "main form button[type=submit]")
    assert "موجود من قبل" in page.inner_text(".alert-danger")
    shot(page, "activity-participant-twice-ar")
    page.goto(f"{base}/activities/staff/{meeting}/")
    assert [_figure(page, n) for n in ("women", "girls", "men", "total")] == ["1", "1", "1", "3"]
    assert "سلمى أحمد الحلبي" in page.inner_text("#participants")
    shot(page, "activity-listed-ar")

    # The donor report: figures on the page, then the XLSX read back.
    page.goto(f"{base}/activities/staff/report/")
    page.select_option("select[name=project]", value=str(project.pk))
    page.fill("input[name=start]", "2025-01-01")
    page.fill("input[name=end]", "2025-12-31")
    submit(page, "main form button[type=submit]")  # "سلمى" not in main: the whole page
    page.wait_for_selector("#report-summary")
    assert _figure(page, "activities") == "2"
    assert _figure(page, "participants") == "23"
    assert _figure(page, "female") == "14"  # 12 women + 1 woman + 1 girl
    assert "سلمى" not in page.inner_text("main")
    shot(page, "activity-report-ar")
    with page.expect_download() as download:
        page.click("text=XLSX")
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    assert summary["Participants / المشاركون"] == 23
    assert summary["Women and girls / النساء والفتيات"] == 14
    assert summary["Activities / الأنشطة"] == 2

    # The same pages in English.
    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": base}])
    page.reload()
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert _figure(page, "participants") == "23"
    shot(page, "activity-report-en")
    page.goto(f"{base}/activities/staff/{meeting}/")
    shot(page, "activity-listed-en")
    page.goto(f"{base}/activities/staff/{meeting}/outputs/new/")
    shot(page, "activity-output-form-en")
    page.goto(f"{base}/activities/staff/")
    assert page.locator("tbody tr").count() == 4
    shot(page, "activity-staff-list-en")
    page.goto(f"{base}/")
    shot(page, "activity-dashboard-en")

    # The public list: published activities only, in Arabic and English.
    page.goto(f"{base}/activities/")
    assert "Lecture on enforced disappearance" in page.inner_text("main")
    assert "لقاء غير منشور" not in page.inner_text("main")
    assert Activity.objects.filter(published=True).count() == 1
    shot(page, "activity-public-en")
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    page.reload()
    assert "محاضرة عن الاختفاء القسري" in page.inner_text("main")
    shot(page, "activity-public-ar")
