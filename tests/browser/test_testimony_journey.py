"""A legal officer takes a testimony end to end, in Arabic (issue 14): uploads the recording,
imports a WebVTT transcript and follows it (a click on a segment seeks the recording), indexes a
segment, tries to publish a narrative that names the protected interviewee in Latin letters
(refused, the occurrence shown), fixes it, publishes; an anonymous visitor reads it; the
interviewee withdraws consent and the narrative is gone from the public site."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mizan.accounts.services import user_create
from mizan.cases import services as cases_services
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from mizan.testimonies.models import Publication
from tests.browser.conftest import TIMEOUT_MS, shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD
from tests.testimonies.conftest import wav_bytes

VTT = """WEBVTT

00:00:00.000 --> 00:00:01.500
اعتُقلتُ من الحاجز في ربيع ألفين وثلاثة عشر.

00:00:02.000 --> 00:00:03.500
أخذونا إلى فرع تحت الأرض.

00:00:04.000 --> 00:00:05.500
بعد الإفراج عني بحثت عن صديقتي.
"""


def test_testimony_from_recording_to_publication_and_withdrawal_in_arabic(
    page: Any, browser: Any, live_server: Any, tmp_path: Path
) -> None:
    team = Team.objects.create(slug="testimonies", name_en="Testimonies", name_ar="الشهادات")
    user_create(actor=None, username="lina", password=PASSWORD, role="legal_officer", teams=[team])
    interviewee = cases_services.person_create(
        actor=None,
        data={
            "first_name_ar": "ربى",
            "family_name_ar": "الحموي",
            "first_name_lat": "Ruba",
            "family_name_lat": "al-Hamwi",
            "pseudonym": "سلمى",
            "identity_sensitivity": Sensitivity.CONFIDENTIAL,
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
    )
    testimony = services.testimony_create(
        actor=None,
        interviewee=interviewee,
        data={"sensitivity": Sensitivity.CONFIDENTIAL, "team": team, "languages": "ar"},
    )
    form = services.original_add(
        actor=None,
        testimony=testimony,
        stream=__import__("io").BytesIO(b"signed consent form (synthetic)"),
        filename="consent-form.txt",
    )
    services.consent_record(
        actor=None,
        testimony=testimony,
        scopes=["anonymised_publication"],
        method="written",
        taken_on=date(2024, 4, 25),
        proof=form,
    )
    recording = tmp_path / "interview.wav"
    recording.write_bytes(wav_bytes(6))
    transcript = tmp_path / "interview.vtt"
    transcript.write_text(VTT, encoding="utf-8")
    staff = f"{live_server.url}/testimonies/staff/{testimony.pk}"

    sign_in(page, live_server.url, "lina")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])

    # The recording goes to the evidence locker.
    page.goto(f"{staff}/originals/new/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.set_input_files("input[name=file]", str(recording))
    page.check("input[name=as_recording]")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{staff}/")
    assert "interview.wav" in page.inner_text("#originals")

    # The WebVTT transcript is imported; a click on a segment seeks the recording there.
    page.goto(f"{staff}/transcripts/new/")
    page.set_input_files("input[name=file]", str(transcript))
    page.select_option("select[name=language]", value="ar")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{staff}/transcripts/ar/")
    assert page.locator(".segment").count() == 3
    page.wait_for_function("document.getElementById('recording').readyState >= 1")
    page.click("#segment-2 p")
    page.wait_for_function("document.getElementById('recording').currentTime >= 2")
    assert 2.0 <= page.evaluate("document.getElementById('recording').currentTime") < 3.5
    shot(page, "testimony-transcript-ar")

    # A segment is indexed with a title.
    page.click("#segment-2 a")
    page.fill("input[name=title]", "النقل إلى الفرع")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{staff}/transcripts/ar/**")
    assert "النقل إلى الفرع" in page.inner_text("#segment-2")

    # A narrative naming the interviewee in Latin letters is refused, the occurrence shown.
    page.goto(f"{staff}/publish/")
    page.fill("input[name=title]", "سلمى: أشهر تحت الأرض")
    page.fill(
        "textarea[name=narrative]",
        "اعتُقلت سلمى على حاجز في ربيع 2013.\nLater, Ruba al-Hamwi was moved to another branch.",
    )
    page.click("main form button[type=submit]")
    # The refusal re-renders the same address: wait for the answer, not the URL.
    leaks = page.locator("#leaks")
    leaks.wait_for(state="visible")
    assert "رُفض النشر" in leaks.inner_text()
    row = page.locator("#leaks tr.leak").first.inner_text()
    assert "2:8" in row and "Ruba al-Hamwi" in row
    shot(page, "testimony-leak-refused-ar")
    assert not Publication.objects.exists()

    # Fixed, it is published.
    page.fill(
        "textarea[name=narrative]",
        "اعتُقلت سلمى على حاجز في ربيع 2013.\nثم نُقلت إلى فرع آخر.",
    )
    page.click("main form button[type=submit]")
    page.wait_for_url("**/testimonies/*/")
    public_url = page.url
    assert "/staff/" not in public_url

    # An anonymous visitor reads it, on a phone.
    visitor = browser.new_context(locale="ar", viewport={"width": 390, "height": 844})
    visitor.set_default_timeout(TIMEOUT_MS)
    anonymous = visitor.new_page()
    anonymous.context.add_cookies(
        [{"name": "mizan_language", "value": "ar", "url": live_server.url}]
    )
    anonymous.goto(public_url)
    assert "ثم نُقلت إلى فرع آخر" in anonymous.inner_text("main")
    assert "طريقة الاقتباس" in anonymous.inner_text("main")
    shot(anonymous, "testimony-public-phone-ar")

    # The interviewee withdraws consent: the narrative is gone at once.
    page.goto(f"{staff}/")
    consent = testimony.consents.get()
    page.fill(f"#reason-{consent.pk}", "طلبت صاحبة الشهادة سحب موافقتها")
    # Back to the testimony's page (same address): the visitor's request must come after the
    # withdrawal, not race it.
    submit(page, f"#consent-{consent.pk} button[type=submit]")
    page.wait_for_url(f"{staff}/")
    response = anonymous.goto(public_url)
    assert response is not None and response.status == 404
    anonymous.goto(f"{live_server.url}/testimonies/")
    assert "سلمى: أشهر تحت الأرض" not in anonymous.inner_text("main")
    visitor.close()
