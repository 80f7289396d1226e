"""Second factors in the browser (issue 11): with the password alone, the set-up page asks for
the existing authenticator instead of showing a new secret (Arabic); the owner, verified, adds
a second authenticator and is told about it at the next sign-in (English)."""

from __future__ import annotations

from typing import Any

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts.services import user_create
from mizan.core.models import Team
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD


def test_password_alone_cannot_add_an_authenticator_and_the_owner_is_told(
    page: Any, live_server: Any
) -> None:
    team = Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")
    owner = user_create(
        actor=None, username="lina", password=PASSWORD, role="legal_officer", teams=[team]
    )
    phone = TOTPDevice.objects.create(user=owner, name="phone", confirmed=True)

    # The attacker: password only, Arabic interface.
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    sign_in(page, live_server.url, "lina")
    page.wait_for_url("**/two-factor/verify/**")
    page.goto(f"{live_server.url}/accounts/security/two-factor/setup/")
    page.wait_for_url("**/two-factor/verify/**")
    assert page.locator("#totp-secret").count() == 0
    assert "لحسابك تطبيق مصادقة من قبل" in page.inner_text("main")
    assert page.locator("html").get_attribute("dir") == "rtl"
    shot(page, "account-01-setup-refused-ar")

    # The owner: enters the code from the phone, then adds a second authenticator.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": live_server.url}])
    sign_in(page, live_server.url, "lina")
    page.wait_for_url("**/two-factor/verify/**")
    page.fill("input[name=token]", f"{totp(phone.bin_key):06d}")
    submit(page, "main form button[type=submit]")  # a goto right after would cancel the POST
    page.goto(f"{live_server.url}/accounts/security/")
    page.click("text=Add another authenticator")
    page.wait_for_url("**/two-factor/setup/**")
    assert "already has an authenticator; it keeps working" in page.inner_text("main")
    shot(page, "account-02-add-another-en")
    enrol(page)
    page.wait_for_selector("text=The new authenticator is added")
    assert TOTPDevice.objects.filter(user=owner, confirmed=True).count() == 2

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mizan_language", "value": "en", "url": live_server.url}])
    sign_in(page, live_server.url, "lina")
    page.wait_for_url("**/two-factor/verify/**")
    # Told only once the second factor is passed (the notice names the address).
    assert "A new authenticator was added" not in page.inner_text("body")
    page.fill("input[name=token]", f"{totp(phone.bin_key, drift=1):06d}")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=A new authenticator was added to your account")
    shot(page, "account-03-told-at-sign-in-en")
