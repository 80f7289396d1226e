"""A legal officer builds a case file without the Django admin, in Arabic and in English
(issue 19): creates it, adds an incident, a person and an evidence item, sees all of it on the
file's page, and changes its team and status."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from mizan.accounts.services import user_create
from mizan.cases import services
from mizan.cases.models import CaseFile
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.services import item_ingest
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD

WORDS = {
    "en": {"title": "Deaths in detention, 2013", "status": "In legal review"},
    "ar": {"title": "الوفيات في الاحتجاز، 2013", "status": "قيد المراجعة القانونية"},
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_legal_officer_builds_a_case_file(page: Any, live_server: Any, language: str) -> None:
    team_a = Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")
    team_b = Team.objects.create(slug="team-b", name_en="Team B", name_ar="الفريق ب")
    user_create(
        actor=None,
        username="layla",
        password=PASSWORD,
        role="legal_officer",
        teams=[team_a, team_b],
    )
    incident = services.incident_record(
        actor=None,
        incident={
            "title_ar": "اعتقال عند حاجز",
            "title_en": "Checkpoint arrest",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
        victims=[
            services.VictimAct(
                act_type="arbitrary_detention",
                new_person={
                    "first_name_ar": "سامر",
                    "family_name_ar": "التجريبي",
                    "first_name_lat": "Samer",
                    "sensitivity": Sensitivity.INTERNAL,
                },
            )
        ],
        perpetrators=[],
        sources=[],
    )
    witness = services.person_create(
        actor=None,
        data={
            "first_name_ar": "هدى",
            "first_name_lat": "Huda",
            "pseudonym": "W-7",
            "identity_sensitivity": Sensitivity.RESTRICTED,
            "sensitivity": 1,
        },
    )
    item = item_ingest(
        io.BytesIO(b"a scanned death certificate"),
        filename="certificate.txt",
        actor=None,
        team=team_a,
    ).item

    page.context.add_cookies(
        [{"name": "mizan_language", "value": language, "url": live_server.url}]
    )
    sign_in(page, live_server.url, "layla")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)

    page.goto(f"{live_server.url}/cases/files/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    shot(page, f"casefile-01-list-empty-{language}")
    page.click("a[href$='/cases/files/new/']")
    page.fill("input[name=title]", WORDS[language]["title"])
    page.select_option("select[name=team]", value=str(team_a.pk))
    shot(page, f"casefile-02-create-{language}")
    page.click("main form button[type=submit]")
    # A number, not "*": the glob matched the form's own address (/cases/files/new/).
    page.wait_for_url(re.compile(r"/cases/files/\d+/$"))
    case_file = CaseFile.objects.get()

    page.fill("#add-incidents", incident.reference)
    # Each form redirects back to the file's page, the address already shown: wait_for_url
    # alone returned at once, and the next form was filled on the page being replaced.
    submit(page, "form[action$='/incidents/add/'] button[type=submit]")
    page.wait_for_url(f"**/cases/files/{case_file.pk}/")
    page.fill("#add-persons", f"#{witness.pk}")
    submit(page, "form[action$='/persons/add/'] button[type=submit]")
    page.wait_for_url(f"**/cases/files/{case_file.pk}/")
    page.fill("#add-items", item.reference)
    submit(page, "form[action*='/evidence/case-files/'] button[type=submit]")
    page.wait_for_url(f"**/cases/files/{case_file.pk}/**")
    shot(page, f"casefile-03-detail-{language}")
    main = page.inner_text("main")
    assert incident.reference in main
    assert item.reference in main
    assert ("هدى" if language == "ar" else "Huda") in main  # a legal officer's clearance
    assert list(case_file.persons.all()) == [witness]

    page.click(f"a[href$='/cases/files/{case_file.pk}/edit/']")
    page.select_option("select[name=status]", value="review")
    page.select_option("select[name=team]", value=str(team_b.pk))
    shot(page, f"casefile-04-edit-{language}")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/cases/files/{case_file.pk}/")
    assert WORDS[language]["status"] in page.inner_text("main")
    case_file.refresh_from_db()
    assert case_file.status == "review" and case_file.team == team_b

    page.goto(f"{live_server.url}/cases/files/")
    assert WORDS[language]["title"] in page.inner_text("main")
    shot(page, f"casefile-05-list-{language}")
