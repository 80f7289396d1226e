"""A legal officer, in Arabic, without Django staff status: records a memorandum of
understanding with its signed copy (kept in the evidence locker), is refused an agreement that
ends before it was signed with the message next to the date, records a submission under the
agreement (only that recipient's agreements offered); then records a project with its donor and
period and adds an indicator with its target, and sees the activity counted against it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mizan.accountability.models import Agreement, Submission
from mizan.accounts.services import user_create
from mizan.activities import services as activity_services
from mizan.activities.models import Indicator, Project
from mizan.cases import services as cases_services
from mizan.core.audit import audit_verify
from mizan.core.models import Place, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Recipient
from tests.browser.conftest import shot
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD


def test_agreement_and_project_with_an_indicator_in_arabic(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    team = Team.objects.create(slug="legal", name_en="Legal", name_ar="القانوني")
    user_create(actor=None, username="lina", password=PASSWORD, role="legal_officer", teams=[team])
    category = Term.objects.get(vocabulary="recipient_category", code="icc_otp")
    recipient = Recipient.objects.create(
        name="الآلية الدولية المحايدة (اصطناعي)", category=category
    )
    other = Recipient.objects.create(name="وحدة جرائم الحرب (اصطناعي)", category=category)
    Agreement.objects.create(recipient=other, title="ترتيب مع جهة أخرى", sensitivity=1)
    donor = cases_services.organisation_create(
        actor=None, data={"name_ar": "وزارة مانحة", "name_en": "Donor Ministry", "sensitivity": 0}
    )
    signed = tmp_path / "مذكرة-موقعة.pdf"
    signed.write_bytes(b"%PDF-1.4 synthetic signed memorandum")
    base = live_server.url

    sign_in(page, base, "lina")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])

    # --- The agreement: a date the wrong way round first, answered next to the field.
    page.goto(f"{base}/accountability/agreements/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.click("text=تسجيل اتفاقية")
    page.wait_for_url("**/agreements/new/")
    page.select_option("select[name=recipient]", value=str(recipient.pk))
    page.fill("input[name=title]", "مذكرة تفاهم مع الآلية (اصطناعية)")
    page.fill("input[name=signed_on]", "2025-02-01")
    page.fill("input[name=valid_until]", "2024-02-01")
    page.fill("textarea[name=terms]", "تبادل الأدلة عبر القناة الآمنة، وتحتفظ المنظمة بالأصول.")
    page.select_option("select[name=sensitivity]", value=str(Sensitivity.INTERNAL))
    page.set_input_files("input[name=upload]", str(signed))
    page.click("main form button[type=submit]")
    error = page.locator("#id_valid_until ~ .invalid-feedback")
    assert "قبل توقيعها" in error.inner_text()
    assert not Agreement.objects.filter(recipient=recipient).exists()
    shot(page, "agreement-form-refused-ar")
    page.fill("input[name=valid_until]", "2027-02-01")
    page.set_input_files("input[name=upload]", str(signed))  # a refused form keeps no file
    page.click("main form button[type=submit]")
    page.wait_for_url("**/agreements/*/")
    agreement = Agreement.objects.get(recipient=recipient)
    assert agreement.document is not None
    assert agreement.document.reference in page.inner_text("#document")
    shot(page, "agreement-detail-ar")

    # A submission under it: the form offers only this recipient's agreements.
    page.click("text=تسجيل إحالة بموجبها")
    page.wait_for_url("**/submissions/new/?agreement=*")
    offered = page.locator("select[name=agreement] option").all_inner_texts()
    assert not any("ترتيب مع جهة أخرى" in text for text in offered)
    page.fill("input[name=title]", "ملف الأدلة الأول")
    page.select_option("select[name=sensitivity]", value=str(Sensitivity.INTERNAL))
    page.click("main form button[type=submit]")
    page.wait_for_url("**/submissions/*/")
    submission = Submission.objects.get()
    assert submission.agreement == agreement
    page.click("#agreement a")
    page.wait_for_url(f"**/agreements/{agreement.pk}/")
    assert submission.reference in page.inner_text("#agreement-submissions")

    # --- The project, its indicator, and an activity counted against it.
    page.goto(f"{base}/activities/staff/")
    page.click("main >> text=المشاريع")
    page.wait_for_url("**/staff/projects/")
    page.click("text=مشروع جديد")
    page.fill("input[name=code]", "TJ-2026")
    page.fill("input[name=title_ar]", "العدالة الانتقالية 2026")
    page.fill("input[name=title_en]", "Transitional justice 2026")
    page.select_option("select[name=donor]", value=str(donor.pk))
    page.fill("input[name=starts_on]", "2025-01-01")
    page.fill("input[name=ends_on]", "2026-12-31")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/projects/*/")
    project = Project.objects.get(code="TJ-2026")
    page.fill("input[name=i-code]", "workshops")
    page.fill("input[name=i-label_ar]", "ورش العمل")
    page.fill("input[name=i-label_en]", "Workshops")
    page.select_option("select[name=i-measure]", value=Indicator.Measure.ACTIVITIES)
    workshop = Term.objects.get(vocabulary="activity_type", code="workshop")
    page.select_option("select[name=i-activity_type]", value=str(workshop.pk))
    page.fill("input[name=i-target]", "3")
    page.click("text=أضف المؤشر")
    page.wait_for_url(f"**/staff/projects/{project.pk}/")
    assert project.indicators.get().target == 3
    activity = activity_services.activity_create(
        actor=None,
        data={
            "activity_type": workshop,
            "title_ar": "ورشة في غازي عنتاب",
            "start_date": PartialDate(2025, 3, 10),
            "place": Place.objects.get(code="TR-27-GAZ"),
            "sensitivity": Sensitivity.INTERNAL,
            "projects": [project],
        },
    )
    page.reload()
    indicator = page.locator("#indicator-workshops")
    assert activity.reference in indicator.inner_text()
    assert indicator.locator("[data-figure=actual]").inner_text().strip() == "1"
    shot(page, "project-detail-ar")
    # The donor report of the same period says the same.
    page.click("main >> text=تقرير الجهة المانحة")
    page.wait_for_url("**/activities/staff/report/?*")
    assert page.locator("#indicators td").nth(2).inner_text().strip() == "1"
    assert project.starts_on == date(2025, 1, 1)

    # Removing the indicator asks first: Remove opens the question, only its button posts.
    page.goto(f"{base}/activities/staff/projects/{project.pk}/")
    indicator = page.locator("#indicator-workshops")
    question = indicator.locator("details.remove-question form")
    assert not question.is_visible()
    indicator.locator("details.remove-question summary").click()
    assert "هل تحذف المؤشر" in question.inner_text() and "workshops" in question.inner_text()
    assert project.indicators.exists()
    shot(page, "project-indicator-remove-ar")
    question.locator("button[type=submit]").click()
    page.wait_for_url(f"**/staff/projects/{project.pk}/")
    assert "حُذف المؤشر." in page.inner_text("body")
    assert not project.indicators.exists()
    assert not audit_verify()
