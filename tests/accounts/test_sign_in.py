"""Signing in: throttling, two-factor enrolment and verification, roles."""

from __future__ import annotations

import base64
import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts.models import User
from mizan.accounts.roles import ROLES
from mizan.core.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_roles_are_seeded_with_permissions() -> None:
    for role in ROLES:
        group = Group.objects.get(name=role.name)
        assert group.permissions.exists(), role.name
    assert (
        Group.objects.get(name="administrator")
        .permissions.filter(codename="view_auditentry")
        .exists()
    )
    assert (
        not Group.objects.get(name="viewer")
        .permissions.filter(codename__startswith="change_")
        .exists()
    )


def test_passwords_are_hashed_with_argon2(viewer) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"]):
        assert make_password("x" * 12).startswith("argon2")


def test_wrong_passwords_lock_the_account_for_a_while(viewer) -> None:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(5):
        response = client.post(
            reverse("accounts:login"), {"username": "vera_viewer", "password": "nope"}
        )
    assert response.status_code in (200, 429)
    # Even the right password is refused now, with the translated lock-out page.
    response = client.post(
        reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="sign_in_failed").count() >= 5


def test_wrong_password_message_is_translated(viewer) -> None:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    response = client.post(
        reverse("accounts:login"), {"username": "vera_viewer", "password": "nope"}
    )
    body = response.content.decode()
    assert 'dir="rtl"' in body
    assert "اسم المستخدم أو كلمة المرور" in body


def test_enrolling_and_using_a_second_factor(make_user, team_a) -> None:  # type: ignore[no-untyped-def]
    make_user("lina_legal", "legal_officer", (team_a,))
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(
        reverse("accounts:login"), {"username": "lina_legal", "password": PASSWORD}, follow=True
    )
    assert response.request["PATH_INFO"] == reverse("accounts:two_factor_setup")
    page = response.content.decode()
    assert "<svg" in page and 'id="totp-secret"' in page
    device = TOTPDevice.objects.get(user__username="lina_legal", confirmed=False)
    secret_on_page = page.split('id="totp-secret">')[1].split("<")[0].replace(" ", "")
    assert base64.b32decode(secret_on_page) == device.bin_key

    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "not right" in wrong.content.decode() or wrong.status_code == 200
    assert not TOTPDevice.objects.filter(user__username="lina_legal", confirmed=True).exists()

    time.sleep(1.1)  # a failed code makes the device wait a second before the next try
    code = f"{totp(device.bin_key):06d}"
    arabic_digits = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    response = client.post(reverse("accounts:two_factor_setup"), {"token": arabic_digits})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user__username="lina_legal", confirmed=True).count() == 1
    assert client.get(reverse("core:site_list")).status_code == 200
    assert AuditEntry.objects.filter(action="2fa_enabled").exists()


def test_second_sign_in_asks_for_the_code(make_user, team_a) -> None:  # type: ignore[no-untyped-def]
    user = make_user("lina_legal", "legal_officer", (team_a,))
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post(reverse("accounts:login"), {"username": "lina_legal", "password": PASSWORD})
    response = client.get(reverse("core:site_list"))
    assert response.status_code == 302
    assert reverse("accounts:two_factor_verify") in response["Location"]
    bad = client.post(reverse("accounts:two_factor_verify"), {"token": "12ab"})
    assert "six digits" in bad.content.decode()
    device.refresh_from_db()
    ok = client.post(
        reverse("accounts:two_factor_verify") + "?next=/sites/",
        {"token": f"{totp(device.bin_key):06d}", "next": "/sites/"},
    )
    assert ok.status_code == 302 and ok["Location"] == "/sites/"
    assert client.get(reverse("core:site_list")).status_code == 200


def test_open_redirect_is_refused(make_user, team_a) -> None:  # type: ignore[no-untyped-def]
    user = make_user("lina_legal", "legal_officer", (team_a,))
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post(reverse("accounts:login"), {"username": "lina_legal", "password": PASSWORD})
    response = client.post(
        reverse("accounts:two_factor_verify"),
        {"token": f"{totp(device.bin_key):06d}", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_viewer_does_not_need_a_second_factor(viewer) -> None:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post(reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD})
    assert client.get(reverse("core:site_list")).status_code == 200


def test_createadmin_refuses_weak_password_and_duplicates(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MIZAN_ADMIN_PASSWORD", "123")
    with pytest.raises(CommandError, match="Nothing changed"):
        call_command("createadmin", "--username", "root2")
    assert not User.objects.filter(username="root2").exists()
    monkeypatch.setenv("MIZAN_ADMIN_PASSWORD", PASSWORD)
    call_command("createadmin", "--username", "root2")
    admin = User.objects.get(username="root2")
    assert admin.is_superuser and admin.groups.filter(name="administrator").exists()
    with pytest.raises(CommandError, match="exists already"):
        call_command("createadmin", "--username", "root2")
