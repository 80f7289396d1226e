"""A documenter corrects a recorded incident in Arabic and in English (issue 19): adds a victim
and act, corrects an act's type and status, and takes an act out, on the incident's page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.cases import services
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD

WORDS = {
    "ar": {"add": "إضافة ضحية وانتهاك", "correct": "تصحيح", "take_out": "إخراج"},
    "en": {"add": "Add a victim and act", "correct": "Correct", "take_out": "Take out"},
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_documenter_corrects_victims_and_acts(page: Any, live_server: Any, language: str) -> None:
    team = Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")
    user_create(actor=None, username="dana", password=PASSWORD, role="documenter", teams=[team])
    incident = services.incident_record(
        actor=None,
        incident={
            "title_ar": "اعتقال عند حاجز",
            "title_en": "Checkpoint arrest",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team,
        },
        victims=[
            services.VictimAct(
                act_type="arbitrary_detention",
                new_person={"first_name_ar": "سامر", "first_name_lat": "Samer"},
            )
        ],
        perpetrators=[],
        sources=[],
    )
    page.context.add_cookies(
        [{"name": "mizan_language", "value": language, "url": live_server.url}]
    )
    sign_in(page, live_server.url, "dana")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    words = WORDS[language]

    page.goto(f"{live_server.url}/cases/incidents/{incident.pk}/")
    page.click(f"text={words['add']}")
    page.wait_for_url("**/acts/new/")
    page.fill("input[name=v-name_ar]", "رنا عمر الخطيب")
    page.fill("input[name=v-name_lat]", "Rana Omar al-Khatib")
    page.select_option("select[name=v-act_type]", value="enforced_disappearance")
    page.select_option("select[name=v-sex]", value="female")
    page.fill("input[name=v-start_date_0]", "2014")
    shot(page, f"correct-01-add-act-{language}")
    page.click("#incident-form button[type=submit]")
    page.wait_for_url(f"**/cases/incidents/{incident.pk}/")
    assert incident.acts.count() == 2
    assert ("رنا" if language == "ar" else "Rana") in page.inner_text("main")

    first = incident.acts.order_by("pk").first()
    assert first is not None
    page.click(f"a[href$='/cases/acts/{first.pk}/edit/']")
    page.select_option("select[name=v-act_type]", value="torture")
    page.select_option("select[name=v-status]", value="released")
    page.fill("input[name=v-start_date_0]", "2013")
    page.fill("input[name=v-end_date_0]", "2012")  # before the start: refused
    submit(page, "#incident-form button[type=submit]")  # the same address, re-rendered
    expect(page.locator(".alert-danger").first).to_be_visible()
    shot(page, f"correct-02-act-refused-{language}")
    page.fill("input[name=v-end_date_0]", "2015")
    page.click("#incident-form button[type=submit]")
    page.wait_for_url(f"**/cases/incidents/{incident.pk}/")
    first.refresh_from_db()
    assert first.act_type.code == "torture" and first.status.code == "released"
    shot(page, f"correct-03-detail-{language}")

    # Redirected back to the incident's page, the address already shown: wait for the answer.
    submit(page, f"form[action$='/cases/acts/{first.pk}/remove/'] button[type=submit]")
    page.wait_for_url(f"**/cases/incidents/{incident.pk}/")
    assert incident.acts.count() == 1
    assert ("سامر" if language == "ar" else "Samer") not in page.inner_text("main table")

    # Printed, the incident and the victim's page are the record alone, with its sensitivity.
    page.emulate_media(media="print")
    for path in (f"/cases/incidents/{incident.pk}/", f"/cases/persons/{first.victim_id}/"):
        page.goto(f"{live_server.url}{path}")
        assert not page.locator("nav.mizan-navbar").is_visible()
        assert not page.locator("main form").first.is_visible()
        assert page.locator("main h1").is_visible()
        assert page.locator("main .badge.sensitivity").first.is_visible()
        shot(page, f"print-{language}-{path.split('/')[2]}")
    shot(page, f"correct-04-print-{language}")
