"""A file of the registry of the missing prints as the record alone, in Arabic and English
(issue 19: print stylesheets for incidents, persons and files of the missing; the incident and
person pages are printed in test_incident_correction_journey)."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.accounts.services import user_create
from mizan.core.models import Team
from mizan.missing import services as missing_services
from tests.browser.conftest import shot
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_file_of_the_missing_prints_as_the_record(
    page: Any, live_server: Any, language: str
) -> None:
    team = Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")
    user_create(
        actor=None, username="mona", password=PASSWORD, role="missing_persons_officer", teams=[team]
    )
    record = missing_services.missing_person_create(
        actor=None,
        data={"sensitivity": 2, "team": team},
        person_data={"first_name_ar": "باسل", "first_name_lat": "Basel"},
    )
    page.context.add_cookies(
        [{"name": "mizan_language", "value": language, "url": live_server.url}]
    )
    sign_in(page, live_server.url, "mona")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.goto(f"{live_server.url}/missing/{record.pk}/")
    add_relative = page.locator(f"main a[href$='/missing/{record.pk}/relatives/new/']")
    assert page.locator("nav.mizan-navbar").is_visible() and add_relative.is_visible()
    page.emulate_media(media="print")
    assert not page.locator("nav.mizan-navbar").is_visible()
    assert not page.locator("footer").is_visible()
    assert page.locator("main h1").is_visible()
    assert page.locator("main .badge.sensitivity").first.is_visible()
    assert not page.locator("main .nav-tabs").is_visible()  # the registry's tabs
    assert not add_relative.is_visible()
    shot(page, f"print-missing-{language}")
