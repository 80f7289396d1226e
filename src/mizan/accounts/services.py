"""Writes on accounts: creating users in a role, enrolling a second factor."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts.models import User
from mizan.accounts.roles import ROLES_BY_NAME
from mizan.core.audit import Action, audit_record
from mizan.core.models import Team


def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    role: str,
    email: str = "",
    teams: list[Team] | None = None,
    is_superuser: bool = False,
) -> User:
    """Create an account in one of the six roles, with that role's default clearance."""
    spec = ROLES_BY_NAME[role]
    with transaction.atomic():
        user = User(
            username=username,
            email=email,
            clearance=int(spec.clearance),
            is_staff=role == "administrator",
            is_superuser=is_superuser,
        )
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        user.groups.add(Group.objects.get(name=role))
        if teams:
            user.teams.add(*teams)
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=user,
            fields=["username", "clearance", "groups", "teams"],
        )
    return user


def totp_device_for_enrolment(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up (created once, reused on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def two_factor_enable(*, request: HttpRequest, user: User, token: str) -> bool:
    """Confirm the enrolment when ``token`` is right; mark this session as verified."""
    device = totp_device_for_enrolment(user=user)
    if not device.verify_token(token):
        audit_record(actor=user, action=Action.TWO_FACTOR_FAILED, target=user, request=request)
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        audit_record(actor=user, action=Action.TWO_FACTOR_ENABLED, target=user, request=request)
    otp_login(request, device)
    return True


def two_factor_verify(*, request: HttpRequest, user: User, token: str) -> bool:
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            audit_record(
                actor=user, action=Action.TWO_FACTOR_VERIFIED, target=user, request=request
            )
            return True
    audit_record(actor=user, action=Action.TWO_FACTOR_FAILED, target=user, request=request)
    return False
