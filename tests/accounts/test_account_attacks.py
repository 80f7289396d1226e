"""Attacks on accounts from the side that must be refused (issue 11).

An attacker who knows only the password must not be able to add an authenticator of their own
and so pass the second factor; guesses spread over many addresses must still lock the account.
"""

from __future__ import annotations

import base64

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.core.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _password_only_session(username: str, *, address: str = "203.0.113.7") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=address)
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password alone signs in (the first factor)"
    return client


def test_a_password_alone_cannot_enrol_a_second_authenticator(make_user, team_a) -> None:  # type: ignore[no-untyped-def]
    user = make_user("lina_legal", "legal_officer", (team_a,))
    TOTPDevice.objects.create(user=user, name="owner's phone", confirmed=True)
    attacker = _password_only_session("lina_legal")

    page = attacker.get(reverse("accounts:two_factor_setup"))
    # No new secret is shown: the attacker is sent to enter a code from the existing device.
    assert 'id="totp-secret"' not in page.content.decode()
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()

    # Even with a device the attacker made up and a code from it, nothing is confirmed.
    forged = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    posted = attacker.post(
        reverse("accounts:two_factor_setup"), {"token": f"{totp(forged.bin_key):06d}"}
    )
    assert posted.status_code == 302
    assert posted["Location"].startswith(reverse("accounts:two_factor_verify"))
    forged.refresh_from_db()
    assert not forged.confirmed
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    # The session is still unverified: the restricted pages stay closed.
    blocked = attacker.get(reverse("core:audit_list"))
    assert blocked.status_code == 302
    assert reverse("accounts:two_factor_verify") in blocked["Location"]
    assert not AuditEntry.objects.filter(action="2fa_enabled").exists()


def test_the_owner_adds_a_device_after_verifying_and_is_told_next_time(make_user, team_a) -> None:  # type: ignore[no-untyped-def]
    user = make_user("lina_legal", "legal_officer", (team_a,))
    phone = TOTPDevice.objects.create(user=user, name="owner's phone", confirmed=True)
    owner = _password_only_session("lina_legal")
    verified = owner.post(
        reverse("accounts:two_factor_verify"), {"token": f"{totp(phone.bin_key):06d}"}
    )
    assert verified.status_code == 302

    page = owner.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200
    body = page.content.decode()
    secret = body.split('id="totp-secret">')[1].split("<")[0].replace(" ", "")
    added = owner.post(
        reverse("accounts:two_factor_setup"), {"token": f"{totp(base64.b32decode(secret)):06d}"}
    )
    assert added.status_code == 302
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 2
    entry = AuditEntry.objects.get(action="2fa_enabled")
    assert entry.detail["confirmed_devices"] == 2 and entry.object_id == str(user.pk)

    # The next sign-in says a device was added, when and from where — once the second factor is
    # passed: someone holding only the password does not learn the owner's address.
    later = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="198.51.100.4")
    response = later.post(
        reverse("accounts:login"), {"username": "lina_legal", "password": PASSWORD}, follow=True
    )
    assert "203.0.113.7" not in response.content.decode()
    response = later.post(
        reverse("accounts:two_factor_verify"),
        {"token": f"{totp(phone.bin_key, drift=1):06d}"},
        follow=True,
    )
    text = response.content.decode()
    assert "A new authenticator was added to your account" in text
    assert "203.0.113.7" in text


def test_guesses_from_many_addresses_lock_the_account(viewer) -> None:  # type: ignore[no-untyped-def]
    for number in range(5):
        client = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=f"192.0.2.{10 + number}")
        client.post(reverse("accounts:login"), {"username": "vera_viewer", "password": "guess"})
    # A sixth address, with the right password, is refused: the account itself is locked.
    owner = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="198.51.100.77")
    response = owner.post(
        reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in owner.session
    assert "ask an administrator" in response.content.decode()
    assert AuditEntry.objects.filter(action="sign_in_failed", detail__locked_out=True).exists()
    arabic = Client(HTTP_ACCEPT_LANGUAGE="ar", REMOTE_ADDR="198.51.100.78")
    page = arabic.post(reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD})
    body = page.content.decode()
    assert page.status_code == 429 and 'dir="rtl"' in body
    assert "فاطلب من مدير فتح الحساب" in body and "دقائق" in body and ": 15." in body


def test_many_accounts_guessed_from_one_address_lock_the_address(make_user) -> None:  # type: ignore[no-untyped-def]
    for number in range(5):
        make_user(f"viewer_{number}", "viewer")
    attacker = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="192.0.2.99")
    for number in range(5):
        attacker.post(
            reverse("accounts:login"), {"username": f"viewer_{number}", "password": "guess"}
        )
    response = attacker.post(
        reverse("accounts:login"), {"username": "viewer_0", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_an_administrator_unlocks_the_account_and_it_is_audited(viewer, administrator) -> None:  # type: ignore[no-untyped-def]
    for number in range(5):
        client = Client(REMOTE_ADDR=f"192.0.2.{10 + number}")
        client.post(reverse("accounts:login"), {"username": "vera_viewer", "password": "guess"})
    assert AccessAttempt.objects.filter(username="vera_viewer").exists()
    call_command("unlock_account", "vera_viewer", "--by", "alia_admin")
    assert not AccessAttempt.objects.filter(username="vera_viewer").exists()
    entry = AuditEntry.objects.filter(action="update", object_id=str(viewer.pk)).latest("seq")
    assert entry.actor_username == "alia_admin" and entry.detail["unlocked"] is True
    owner = Client(REMOTE_ADDR="198.51.100.77")
    response = owner.post(
        reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_an_insider_signing_in_to_their_own_account_does_not_wipe_the_count(
    viewer, make_user
) -> None:  # type: ignore[no-untyped-def]
    make_user("ivan_insider", "viewer")
    insider = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="192.0.2.50")
    for _ in range(4):
        insider.post(reverse("accounts:login"), {"username": "vera_viewer", "password": "guess"})
    # A success from the same address, on the insider's own account...
    own = insider.post(
        reverse("accounts:login"), {"username": "ivan_insider", "password": PASSWORD}
    )
    assert own.status_code == 302
    insider.post(reverse("accounts:logout"))
    # ...does not give back the guesses spent on someone else's account.
    elsewhere = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="192.0.2.51")
    elsewhere.post(reverse("accounts:login"), {"username": "vera_viewer", "password": "guess"})
    owner = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="198.51.100.77")
    response = owner.post(
        reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_the_owners_own_success_forgets_their_mistakes(viewer) -> None:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="198.51.100.5")
    for _round in range(2):
        for _ in range(4):
            client.post(reverse("accounts:login"), {"username": "vera_viewer", "password": "typo"})
        ok = client.post(
            reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD}
        )
        assert ok.status_code == 302
        client.post(reverse("accounts:logout"))
    assert not AccessAttempt.objects.filter(username="vera_viewer").exists()
