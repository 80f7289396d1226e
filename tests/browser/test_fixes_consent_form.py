"""A missing-persons officer records a family report whose consent contradicts itself
(“Internal use only” ticked beside UN bodies) or says nothing (every box unticked): the form
shows why, in English and Arabic, and no report is written (DESIGN decision 9)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.core.models import Team, Term
from mizan.core.sensitivity import Sensitivity
from mizan.missing import services
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD

MESSAGES = {
    "en": (
        "“Internal use only” cannot be chosen beside wider scopes",
        "Choose at least one consent scope",
    ),
    "ar": ("لا يجتمع «داخلي فقط» مع نطاقات أوسع", "اختر نطاقاً واحداً للموافقة على الأقل"),
}


def test_the_family_report_form_refuses_contradictory_or_missing_consent(
    page: Any, live_server: Any
) -> None:
    team = Team.objects.create(slug="missing-registry", name_en="Registry", name_ar="السجل")
    user_create(
        actor=None, username="mona", password=PASSWORD, role="missing_persons_officer", teams=[team]
    )
    file = services.missing_person_create(
        actor=None,
        data={"sensitivity": Sensitivity.INTERNAL, "team": team},
        person_data={"first_name_ar": "سامر", "father_name_ar": "خالد", "family_name_ar": "الحلبي"},
    )
    services.relative_add(
        actor=None,
        missing_person=file,
        relationship="mother",
        person_data={"first_name_ar": "فاطمة", "family_name_ar": "النجار"},
    )
    internal = Term.objects.get(vocabulary="consent_scope", code="internal_use")
    un_bodies = Term.objects.get(vocabulary="consent_scope", code="un_bodies")
    sign_in(page, live_server.url, "mona")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    url = live_server.url + reverse("missing:report_add", args=[file.pk])
    for language, (contradiction, missing) in MESSAGES.items():
        page.context.add_cookies(
            [{"name": "mizan_language", "value": language, "url": live_server.url}]
        )
        page.goto(url)
        internal_box = page.locator(f"input[name=consent_scopes][value='{internal.pk}']")
        un_box = page.locator(f"input[name=consent_scopes][value='{un_bodies.pk}']")
        expect(internal_box).to_be_checked()  # the least, ticked to begin with
        un_box.check()
        page.fill("textarea[name=account]", "…")
        submit(page, "main form button[type=submit]")
        expect(page.locator("main form")).to_contain_text(contradiction)
        # What the officer ticked is kept, to untick one of them.
        expect(internal_box).to_be_checked()
        expect(un_box).to_be_checked()
        shot(page, f"fixes-family-report-contradiction-{language}")

        internal_box.uncheck()
        un_box.uncheck()
        submit(page, "main form button[type=submit]")
        expect(page.locator("main form")).to_contain_text(missing)
        shot(page, f"fixes-family-report-no-scope-{language}")
    assert not file.reports.exists()

    # Internal use only, alone, is taken.
    page.goto(url)
    submit(page, "main form button[type=submit]")
    assert list(file.reports.get().consent_scopes.all()) == [internal]
