"""Searching transcripts through the library's search service, in Arabic and English (issue 14,
item 2): a word typed with a bare preposition and ه for ة finds the segment, and the hit opens
the transcript with the recording at that moment (``?t=``)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.cases import services as cases_services
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD
from tests.testimonies.conftest import wav_bytes

VTT = """WEBVTT

00:00:00.000 --> 00:00:01.500
اعتُقلتُ من الحاجز في ربيع ألفين وثلاثة عشر.

00:00:02.500 --> 00:00:04.000
وضعونا مع معتقلين آخرين في زنزانة جماعية.

00:00:04.000 --> 00:00:05.500
بعد الإفراج عني بحثت عن صديقتي.
"""


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_transcript_hit_opens_the_recording_at_that_moment(
    page: Any, live_server: Any, language: str
) -> None:
    team = Team.objects.create(slug="t", name_en="Testimonies", name_ar="الشهادات")
    user_create(actor=None, username="lina", password=PASSWORD, role="legal_officer", teams=[team])
    interviewee = cases_services.person_create(
        actor=None,
        data={
            "first_name_ar": "ربى",
            "family_name_ar": "الحموي",
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
    services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(wav_bytes(6)),
        filename="interview.wav",
        as_recording=True,
    )
    services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=VTT.encode(), filename="t.vtt"
    )

    sign_in(page, live_server.url, "lina")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.context.add_cookies(
        [{"name": "mizan_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/testimonies/staff/search/")
    page.fill("input[name=q]", "بمعتقلين الزنزانه")
    submit(page, "main form button[type=submit]")
    hits = page.locator("#hits li a")
    expect(hits).to_have_count(1)
    assert "?from=2&t=2.5#segment-2" in (hits.first.get_attribute("href") or "")
    shot(page, f"transcript-search-{language}")
    hits.first.click()
    page.wait_for_url("**/transcripts/ar/?from=2&t=2.5*")
    page.wait_for_function("document.getElementById('recording').currentTime >= 2.4")
    assert 2.4 <= page.evaluate("document.getElementById('recording').currentTime") < 3.5
