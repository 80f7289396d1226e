"""A documenter indexes a long transcript, in Arabic and in English (issue 14, item 2): the
transcript opens with its first window of segments and fetches the next as she scrolls; a click
on a fetched segment still seeks the recording; she links a person already recorded through the
picker (a protected person above her confidential clearance is never offered) and links a segment
to that person, a site, a unit and an act from the segment editor."""

from __future__ import annotations

import io
from typing import Any

import pytest
from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.cases.models import Act, Incident
from mizan.core.models import Team, Term
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from mizan.testimonies.models import Segment
from tests.browser.conftest import shot
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD, make_site
from tests.factories import OrganisationFactory, PersonFactory
from tests.testimonies.conftest import wav_bytes

SEGMENTS = 230


@pytest.mark.parametrize("language", ["ar", "en"])
def test_long_transcript_picker_and_segment_links(
    page: Any, live_server: Any, language: str
) -> None:
    team = Team.objects.create(slug="testimonies", name_en="Testimonies", name_ar="الشهادات")
    user_create(actor=None, username="dana", password=PASSWORD, role="documenter", teams=[team])
    interviewee = PersonFactory(
        first_name_ar="ربى",
        family_name_ar="الحموي",
        pseudonym="سلمى",
        identity_sensitivity=Sensitivity.CONFIDENTIAL,
        sensitivity=Sensitivity.CONFIDENTIAL,
    )
    PersonFactory(
        first_name_ar="خالد",
        family_name_ar="النجار",
        first_name_lat="Khaled",
        family_name_lat="al-Najjar",
    )
    PersonFactory(
        first_name_ar="خالد",
        family_name_ar="الرفاعي",
        pseudonym="شاهد سري",
        identity_sensitivity=Sensitivity.RESTRICTED,
    )
    testimony = services.testimony_create(
        actor=None,
        interviewee=interviewee,
        data={"sensitivity": Sensitivity.CONFIDENTIAL, "team": team, "languages": "ar"},
    )
    services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(wav_bytes(SEGMENTS)),
        filename="interview.wav",
        as_recording=True,
    )
    cues = "\n".join(
        f"00:{i // 60:02d}:{i % 60:02d}.000 --> 00:{i // 60:02d}:{i % 60:02d}.900\n"
        f"المقطع {i + 1}: كنا في الزنزانة.\n"
        for i in range(SEGMENTS)
    )
    services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        filename="t.vtt",
        data=f"WEBVTT\n\n{cues}".encode(),
    )
    make_site("Palmyra prison (synthetic)", "سجن تدمر (اصطناعي)", Sensitivity.INTERNAL)
    OrganisationFactory(name_en="Branch 215 (synthetic)", name_ar="الفرع ٢١٥ (اصطناعي)")
    incident = Incident.objects.create(reference="INC-SYN-7", sensitivity=Sensitivity.INTERNAL)
    act = Act.objects.create(
        incident=incident,
        victim=interviewee,
        act_type=Term.objects.get(vocabulary="act_type", code="arbitrary_detention"),
    )
    staff = f"{live_server.url}/testimonies/staff/{testimony.pk}"

    sign_in(page, live_server.url, "dana")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies(
        [{"name": "mizan_language", "value": language, "url": live_server.url}]
    )

    # The transcript opens with one window; the next comes as the reader scrolls down.
    page.goto(f"{staff}/transcripts/ar/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator(".segment").count() == 200
    page.locator("li.more").scroll_into_view_if_needed()
    page.wait_for_selector("#segment-230")
    expect(page.locator(".segment")).to_have_count(SEGMENTS)
    # A click on a fetched segment seeks the recording there.
    page.wait_for_function("document.getElementById('recording').readyState >= 1")
    page.click("#segment-215 p")
    page.wait_for_function("document.getElementById('recording').currentTime >= 214")
    assert 214 <= page.evaluate("document.getElementById('recording').currentTime") < 215
    shot(page, f"testimony-transcript-window-{language}")

    # The picker: a name typed in Arabic; the protected Khaled is never offered.
    page.goto(f"{staff}/persons/link/")
    page.fill("#person-q", "خالد")
    page.wait_for_selector("#candidates input[type=radio]")
    candidates = page.inner_text("#candidates")
    assert ("خالد النجار" if language == "ar" else "Khaled al-Najjar") in candidates
    assert "الرفاعي" not in page.content() and "شاهد سري" not in page.content()
    assert page.locator("#candidates input[type=radio]").count() == 1
    page.check("#candidates input[type=radio]")
    page.select_option("select[name=role]", value="witness")
    shot(page, f"testimony-person-picker-{language}")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_url(f"{staff}/")
    assert ("خالد النجار" if language == "ar" else "Khaled al-Najjar") in page.inner_text(
        "#persons"
    )

    # The segment editor links the segment to the person, a site, a unit and an act.
    segment = Segment.objects.get(transcript__testimony=testimony, position=215)
    page.goto(f"{staff}/segments/{segment.pk}/")
    page.select_option(
        "select[name=persons]", label="خالد النجار" if language == "ar" else "Khaled al-Najjar"
    )
    page.select_option("select[name=sites]", index=0)
    page.select_option("select[name=units]", index=0)
    page.select_option("select[name=acts]", value=str(act.pk))
    shot(page, f"testimony-segment-editor-{language}")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{staff}/transcripts/ar/?from=201#segment-215")
    tags = page.inner_text("#segment-215")
    assert ("سجن تدمر" if language == "ar" else "Palmyra prison") in tags
    assert ("الفرع ٢١٥" if language == "ar" else "Branch 215") in tags
    assert set(segment.persons.values_list("first_name_lat", flat=True)) == {"Khaled"}
    assert list(segment.acts.all()) == [act]

    # A redacted audio excerpt of segments 214 to 216, segment 215 beeped.
    page.click(f"a[href='/testimonies/staff/{testimony.pk}/transcripts/ar/excerpt/']")
    page.fill("input[name=first]", "214")
    page.fill("input[name=last]", "216")
    page.fill("input[name=redact_segments]", "215")
    shot(page, f"testimony-excerpt-form-{language}")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/evidence/**")
    testimony.refresh_from_db()
    excerpt = testimony.recording.derivatives.get()  # type: ignore[union-attr]
    assert excerpt.derivation == "redacted" and excerpt.reference in page.inner_text("main")
    shot(page, f"testimony-excerpt-item-{language}")
