"""An administrator signs in, enables two-factor authentication, switches to Arabic and sees a
right-to-left dashboard (issue 2's browser journey); a documenter records a site in Arabic."""

from __future__ import annotations

import base64
import re
from typing import Any

from django_otp.oath import totp
from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.core.models import Site, Team
from tests.browser.conftest import shot, submit
from tests.conftest import PASSWORD


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/sign-in/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    submit(page, "main form button[type=submit]")


def enrol(page: Any) -> None:
    secret = page.inner_text("#totp-secret").replace(" ", "")
    page.fill("input[name=token]", f"{totp(base64.b32decode(secret)):06d}")
    # Wait for the answer: a test that goes on with page.goto would otherwise cancel the POST
    # that enrols the device, and find itself still asked to set up two-factor authentication.
    submit(page, "main form button[type=submit]")


def test_administrator_enables_2fa_and_sees_arabic_dashboard(page: Any, live_server: Any) -> None:
    user_create(
        actor=None,
        username="alia_admin",
        password=PASSWORD,
        role="administrator",
        is_superuser=True,
    )
    sign_in(page, live_server.url, "alia_admin")
    page.wait_for_url("**/security/two-factor/setup/**")
    assert page.locator(".qr-code svg").is_visible()
    shot(page, "01-two-factor-setup-en")
    enrol(page)
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.get_by_role("heading", name="Audit log").is_visible()
    shot(page, "02-dashboard-en")

    # The switch redirects back to the same address; <html dir=rtl> comes first in the new page,
    # so the rest of it may still be parsing when dir turns: wait for the whole page.
    submit(page, "button[name=language][value=ar]")
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert page.locator("html").get_attribute("lang") == "ar"
    expect(page.get_by_role("heading", name="سجل التدقيق")).to_be_visible()
    # Right to left for real: the brand sits at the right edge of the navigation bar.
    brand = page.locator(".navbar-brand").bounding_box()
    assert brand["x"] > 1280 / 2
    shot(page, "03-dashboard-ar")

    page.goto(f"{live_server.url}/accounts/security/")
    assert page.locator("#two-factor-status").inner_text() == "مفعّلة"


def test_documenter_records_a_site_in_arabic(page: Any, live_server: Any) -> None:
    team = Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")
    user_create(actor=None, username="dana", password=PASSWORD, role="documenter", teams=[team])
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    sign_in(page, live_server.url, "dana")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.goto(f"{live_server.url}/sites/new/")
    page.fill("input[name=name_ar]", "فرع تحقيق تجريبي")
    page.select_option("select[name=site_type]", label="مركز احتجاز")
    page.select_option("select[name=place]", index=5)
    page.fill("input[name=in_use_from_0]", "٢٠١٢")
    page.select_option("select[name=in_use_from_1]", value="8")
    page.check("input[name=in_use_from_3]")
    page.select_option("select[name=sensitivity]", value="2")
    shot(page, "04-site-form-ar")
    page.click("main form button[type=submit]")
    # A number, not "*": the glob matched the form's own address (/sites/new/).
    page.wait_for_url(re.compile(r"/sites/\d+/$"))
    assert "حوالي آب 2012" in page.inner_text("main")
    shot(page, "05-site-detail-ar")
    site = Site.objects.get(name_ar="فرع تحقيق تجريبي")
    assert site.sensitivity == 2 and site.in_use_from.to_storage() == "2012-08~"
