"""A documenter records, in Arabic and on one page, an incident with two victims, one
perpetrator unit and one witness source, and is offered an existing person while typing a
variant spelling of the name (issue 3's browser journey, entry part)."""

from __future__ import annotations

import re
import subprocess
from typing import Any

from mizan.accounts.services import user_create
from mizan.cases import services
from mizan.cases.models import Incident
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from tests.browser.conftest import TIMEOUT_MS, shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD


def record_incident_in_arabic(page: Any, live_server: Any) -> Incident:
    team = Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")
    user_create(actor=None, username="dana", password=PASSWORD, role="documenter", teams=[team])
    existing = services.person_create(
        actor=None,
        data={
            "first_name_ar": "أحمد",
            "father_name_ar": "خالد",
            "family_name_ar": "الحموي",
            "first_name_lat": "Ahmad",
            "family_name_lat": "al-Hamwi",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    unit = services.organisation_create(
        actor=None,
        data={"name_en": "Branch 999 (test)", "name_ar": "الفرع 999 (اختبار)", "sensitivity": 1},
    )

    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    sign_in(page, live_server.url, "dana")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.goto(f"{live_server.url}/cases/incidents/new/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=title_ar]", "اعتقال عند حاجز تجريبي")
    page.fill("input[name=start_date_0]", "2013")
    page.select_option("select[name=start_date_1]", value="4")
    page.fill("input[name=start_date_2]", "7")
    page.select_option("select[name=place]", label="دمشق (محافظة)")

    # Victim 1: typed without hamza and without the article's spelling: "احمد الحموي".
    page.fill("input[name=v-0-name_ar]", "احمد الحمو")
    page.locator("input[name=v-0-name_ar]").press_sequentially("ي ")
    suggestion = page.locator("[data-row] [data-choose-person]").first
    suggestion.wait_for()
    assert "الحموي" in suggestion.inner_text()
    shot(page, "06-incident-suggestion-ar")
    suggestion.click()
    assert page.locator("input[name=v-0-person]").input_value() == str(existing.pk)
    page.select_option("select[name=v-0-act_type]", value="arbitrary_detention")

    # Victim 2: a new person.
    page.fill("input[name=v-1-name_ar]", "رنا عمر الخطيب")
    page.select_option("select[name=v-1-act_type]", value="enforced_disappearance")
    page.select_option("select[name=v-1-sex]", value="female")
    page.fill("textarea[name=v-1-steps_taken]", "سألت الأم عنها في فرع الشرطة العسكرية مرتين.")

    page.select_option("select[name=p-0-unit]", value=str(unit.pk))
    page.select_option("select[name=p-0-degree]", value="direct_perpetrator")
    page.select_option("select[name=s-0-source_type]", value="witness")
    page.fill("input[name=s-0-name_ar]", "شاهد مجهول الهوية")
    page.select_option("select[name=s-0-reliability]", value="B")
    shot(page, "07-incident-form-ar")
    page.click("#incident-form button[type=submit]:not([data-add-row])")
    # A number, not "*": the glob matched the form's own address (/cases/incidents/new/).
    page.wait_for_url(re.compile(r"/cases/incidents/\d+/$"))
    shot(page, "08-incident-detail-ar")

    incident = Incident.objects.get(title_ar="اعتقال عند حاجز تجريبي")
    victims = sorted(a.victim.first_name_ar for a in incident.acts.all())
    assert victims == ["أحمد", "رنا"]
    assert incident.acts.filter(victim=existing).exists()
    assert incident.sources.get().person.identity_sensitivity == Sensitivity.RESTRICTED
    assert "شاهد مجهول" not in page.inner_text("main")  # the witness is protected
    return incident


def test_documenter_records_incident_in_arabic(page: Any, live_server: Any) -> None:
    record_incident_in_arabic(page, live_server)


def test_legal_officer_downloads_wgeid_and_viewer_sees_nothing_hidden(
    browser: Any, page: Any, live_server: Any, tmp_path: Any
) -> None:
    incident = record_incident_in_arabic(page, live_server)
    rana = incident.acts.get(act_type__code="enforced_disappearance").victim
    team = Team.objects.get(slug="team-a")
    user_create(actor=None, username="lina", password=PASSWORD, role="legal_officer", teams=[team])
    user_create(actor=None, username="vera", password=PASSWORD, role="viewer")

    legal = browser.new_context(locale="en-GB", accept_downloads=True)
    legal.set_default_timeout(TIMEOUT_MS)
    lp = legal.new_page()
    sign_in(lp, live_server.url, "lina")
    lp.wait_for_url("**/two-factor/setup/**")
    enrol(lp)
    lp.goto(f"{live_server.url}/cases/persons/{rana.pk}/")
    lp.select_option("select[name=scope]", value="un_bodies")
    # Back to the person's page (same address); a goto before the answer cancels the POST.
    submit(lp, "form[action$='/consent/'] button[type=submit]")
    lp.wait_for_url(f"**/cases/persons/{rana.pk}/")
    lp.goto(f"{live_server.url}/cases/incidents/{incident.pk}/")
    with lp.expect_download() as download_info:
        lp.click("text=WGEID submission (PDF)")
    pdf = tmp_path / "wgeid.pdf"
    download_info.value.save_as(pdf)
    # Reading order, words joined across the line breaks of a table cell.
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for element in (
        "Identity of the person",
        "7 April 2013",
        "Damascus",
        "Branch 999 (test)",
        "Steps taken to find the person",
        "Source of the information",
        "kept confidential",
    ):
        assert element in text, element
    shaped = text.replace(" ", "")
    assert "الخطيب" in shaped or "ﺐﻴﻄﺨﻟﺍ" in shaped or "الشرطة" in shaped
    legal.close()

    viewer = browser.new_context(locale="en-GB")
    viewer.set_default_timeout(TIMEOUT_MS)
    vp = viewer.new_page()
    sign_in(vp, live_server.url, "vera")
    vp.wait_for_url(f"{live_server.url}/")
    for path in (
        "/",
        "/cases/incidents/",
        "/cases/persons/",
        "/cases/statistics/",
        f"/cases/persons/?q={rana.first_name_ar}",
    ):
        vp.goto(live_server.url + path)
        body = vp.inner_text("body")
        for hidden in ("اعتقال عند حاجز تجريبي", "شاهد مجهول", incident.reference, "رنا"):
            assert hidden not in body, (path, hidden)
    response = vp.goto(f"{live_server.url}/cases/incidents/{incident.pk}/")
    assert response is not None and response.status == 404
    viewer.close()
