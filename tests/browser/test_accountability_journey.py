"""A legal officer, in Arabic (issue 18): builds a handover package, records it as a submission,
records the recipient's acknowledgement with its reference and the letter, sets the recipient's
deadline and sees the reminder come due on the dashboard; a status that goes back without a
reason is refused with an Arabic message. Then the same pages in English, and a monitored
trial's hearing and report."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path
from typing import Any

from django.utils import timezone

from mizan.accountability import services as accountability_services
from mizan.accountability.models import Submission
from mizan.accounts.services import user_create
from mizan.cases.models import CaseFile
from mizan.core.models import Team, Term
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Handover, Recipient
from mizan.evidence.services import item_ingest
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD


def test_handover_recorded_acknowledged_and_due_on_the_dashboard_in_arabic(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    team = Team.objects.create(slug="legal", name_en="Legal", name_ar="القانوني")
    user_create(actor=None, username="lina", password=PASSWORD, role="legal_officer", teams=[team])
    Recipient.objects.create(
        name="مكتب المدعي العام للمحكمة الجنائية الدولية",
        category=Term.objects.get(vocabulary="recipient_category", code="icc_otp"),
    )
    case_file = CaseFile.objects.create(
        reference="CF-SYN-7",
        title="ملف الفرع 215 (اصطناعي)",
        sensitivity=Sensitivity.CONFIDENTIAL,
        team=team,
    )
    scope = Term.objects.filter(vocabulary="consent_scope", code="courts_prosecutors")
    for name in ("cable.txt", "photo-note.txt"):
        item_ingest(
            io.BytesIO(f"synthetic {name}".encode()),
            filename=name,
            actor=None,
            team=team,
            case_files=[case_file],
            consent_scopes=scope,
        )
    letter = tmp_path / "إشعار-استلام.pdf"
    letter.write_bytes(b"%PDF-1.4 synthetic acknowledgement letter")
    base = live_server.url

    sign_in(page, base, "lina")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])

    # The handover package is built (the immediate task backend builds it at once).
    page.goto(f"{base}/evidence/handovers/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.select_option("select[name=recipient]", label="مكتب المدعي العام للمحكمة الجنائية الدولية")
    page.select_option("select[name=case_file]", label="CF-SYN-7")
    # The form posts back to the list's own address: wait_for_url would return at once.
    submit(page, "main form button[type=submit]")
    page.wait_for_url(f"{base}/evidence/handovers/")
    handover = Handover.objects.get()

    # The handover list offers to record it as a submission; the form is filled from it.
    page.click("a.record-submission")
    page.wait_for_url(f"**/accountability/submissions/new/?handover={handover.reference}")
    assert handover.reference in page.inner_text(".alert-info")
    page.select_option("select[name=sensitivity]", value=str(Sensitivity.CONFIDENTIAL))
    page.select_option("select[name=team]", value=str(team.pk))
    page.check("input[name=sent]")
    page.fill("input[name=source]", "إيصال النقل الآمن")
    shot(page, "accountability-record-handover-ar")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accountability/submissions/\d+/$"))  # not .../new/
    submission = Submission.objects.get()
    assert list(submission.handovers.all()) == [handover]
    assert submission.status == "sent"
    assert "أُرسل" in page.inner_text("#current-status")

    # The recipient acknowledges, with its reference and a letter kept in the locker.
    page.select_option("select[name=status]", value="acknowledged")
    page.fill("input[name=recipient_reference]", "OTP-CR-0042/26")
    page.fill("input[name=source]", "رسالة إشعار بالاستلام")
    page.set_input_files("input[name=correspondence]", str(letter))
    # The page already shows "The submission was saved." (.alert-success): wait for the answer.
    submit(page, "#status-form button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "OTP-CR-0042/26" in page.inner_text("#recipient-reference")
    assert "أُكّد الاستلام" in page.inner_text("#history")
    submission.refresh_from_db()
    assert submission.history.last().correspondence.filename == letter.name
    shot(page, "accountability-submission-ar")

    # Going back to "prepared" without a reason is refused, in Arabic; nothing is written.
    page.select_option("select[name=status]", value="prepared")
    submit(page, "#status-form button[type=submit]")
    page.wait_for_selector(".alert-danger")
    assert "اذكر سبب" in page.inner_text(".alert-danger")
    assert submission.history.count() == 2

    # The recipient asked for an answer by yesterday: the reminder is due on the dashboard.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.goto(f"{base}/accountability/submissions/{submission.pk}/edit/")
    page.fill("input[name=due_on]", yesterday.isoformat())
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/accountability/submissions/{submission.pk}/")
    page.goto(f"{base}/")
    card = page.locator("#accountability-card")
    assert submission.reference in card.inner_text()
    assert "متأخر" in card.inner_text()
    shot(page, "accountability-dashboard-ar")

    # The same pages in English; the overview counts it.
    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": base}])
    page.goto(f"{base}/accountability/submissions/{submission.pk}/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert "Acknowledged" in page.inner_text("#history")
    shot(page, "accountability-submission-en")
    page.goto(f"{base}/accountability/")
    assert submission.reference in page.inner_text("main")
    shot(page, "accountability-list-en")
    page.goto(f"{base}/accountability/overview/")
    assert "مكتب المدعي العام" in page.inner_text("main")
    shot(page, "accountability-overview-en")


def test_monitored_trial_hearing_and_report_in_both_languages(page: Any, live_server: Any) -> None:
    user_create(actor=None, username="lina", password=PASSWORD, role="legal_officer")
    proceeding = accountability_services.proceeding_create(
        actor=None,
        data={
            "jurisdiction": "France",
            "court": "Cour d'assises de Paris (synthetic)",
            "case_name": "Ministère public c. X (synthetic)",
            "case_number": "SYN-1",
            "opened_on": datetime.date(2024, 1, 10),
            "stage": "trial",
            "crimes": list(Term.objects.filter(vocabulary="legal_qualification")[:2]),
        },
    )
    base = live_server.url
    sign_in(page, base, "lina")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    url = f"{base}/accountability/proceedings/{proceeding.pk}/"
    page.goto(url)
    page.click("text=تسجيل جلسة")
    page.fill("input[name=h-held_on]", "2024-05-02")
    page.check("input[name=h-attended]")
    page.fill("textarea[name=h-notes_ar]", "افتتاح المحاكمة وتلاوة قرار الاتهام.")
    page.fill("textarea[name=h-notes_en]", "Opening of the trial; the indictment was read.")
    submit(page, "form[action$='/hearings/new/'] button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "افتتاح المحاكمة" in page.inner_text("main")
    shot(page, "accountability-proceeding-ar")
    page.goto(f"{url}report/")
    submit(page, "button[name=draft]")
    page.wait_for_selector("textarea[name=body_ar]")
    assert "افتتاح المحاكمة" in page.input_value("textarea[name=body_ar]")
    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": base}])
    page.goto(f"{url}report/")
    shot(page, "accountability-report-en")
    page.click("button[name=publish]")
    page.wait_for_url(url)
    assert "published in the library" in page.inner_text("main")
    shot(page, "accountability-proceeding-en")

    # Made public with its summary, it appears on the public site, in Arabic too.
    page.goto(f"{url}edit/")
    page.check("input[name=public]")
    page.fill("textarea[name=public_summary_ar]", "تابعت المنظمة المحاكمة (اصطناعية).")
    page.fill(
        "textarea[name=public_summary_en]", "The organisation followed the trial (synthetic)."
    )
    page.click("main form button[type=submit]")
    page.wait_for_url(url)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    page.goto(f"{base}/accountability/public/")
    assert "تابعت المنظمة المحاكمة" in page.inner_text("main")
    shot(page, "accountability-public-ar")
