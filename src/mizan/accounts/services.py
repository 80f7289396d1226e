"""Writes on accounts: creating users in a role, enrolling a second factor, unlocking sign-in."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts.models import User
from mizan.accounts.roles import ROLES_BY_NAME
from mizan.core.audit import Action, audit_record
from mizan.core.models import AuditEntry, Team


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


def has_confirmed_device(user: User) -> bool:
    """Whether the account already has a second factor (an authenticator or backup codes)."""
    return any(True for _ in devices_for_user(user, confirmed=True))


def two_factor_enrolment_allowed(*, user: User) -> bool:
    """A further device may be added only by a session that passed the existing one.

    Otherwise the password alone would be enough to enrol the attacker's own authenticator and
    verify the session with it (issue 11, blocker 1).
    """
    return not has_confirmed_device(user) or bool(user.is_verified())  # type: ignore[attr-defined]


def two_factor_enable(*, request: HttpRequest, user: User, token: str) -> bool:
    """Confirm the enrolment when ``token`` is right; mark this session as verified.

    Refused (``PermissionDenied``) while the account has a confirmed device and this session
    has not been verified with it. The audit entry counts the account's devices, so a device
    added beside another one shows, and the owner is told at the next sign-in
    (:func:`devices_added_since_last_sign_in`).
    """
    if not two_factor_enrolment_allowed(user=user):
        raise PermissionDenied("verify with the existing device before adding another")
    device = totp_device_for_enrolment(user=user)
    if not device.verify_token(token):
        audit_record(actor=user, action=Action.TWO_FACTOR_FAILED, target=user, request=request)
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        audit_record(
            actor=user,
            action=Action.TWO_FACTOR_ENABLED,
            target=user,
            detail={
                "device": device.persistent_id,
                "confirmed_devices": sum(1 for _ in devices_for_user(user, confirmed=True)),
            },
            request=request,
        )
    otp_login(request, device)
    return True


def devices_added_since_last_sign_in(*, user: User) -> list[AuditEntry]:
    """Authenticators added to ``user``'s account since their previous sign-in.

    Read from the audit log, before this sign-in is recorded: the owner is shown each one (when
    and from which address), so a device enrolled by someone else does not go unnoticed.
    """
    # Both lookups use indexed columns (actor, then a range of sequence numbers), so a sign-in
    # stays cheap however long the log grows.
    previous = (
        AuditEntry.objects.filter(actor_id=user.pk, action=Action.SIGN_IN)
        .order_by("-seq")
        .values("seq")
        .first()
    )
    added = AuditEntry.objects.filter(
        action=Action.TWO_FACTOR_ENABLED, object_type="accounts.user", object_id=str(user.pk)
    )
    if previous is not None:
        added = added.filter(seq__gt=previous["seq"])
    return list(added.order_by("seq"))


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


_PENDING_NOTICES = "mizan_new_devices"


def _device_notice(entry: AuditEntry, *, with_address: bool) -> str:
    when = localtime(entry.at).strftime("%Y-%m-%d %H:%M")
    if with_address:
        return _(
            "A new authenticator was added to your account on %(when)s from the "
            "address %(address)s. If that was not you, tell an administrator at once: "
            "someone else may know your password."
        ) % {"when": when, "address": entry.ip_address or "—"}
    return _(
        "A new authenticator was added to your account on %(when)s. If that was not you, "
        "tell an administrator at once: someone else may know your password."
    ) % {"when": when}


def device_notices_at_sign_in(*, request: HttpRequest, user: User) -> list[str]:
    """What to tell the owner now about authenticators added since their last sign-in.

    An account that must pass a second factor is told after it has (kept in the session until
    :func:`device_notices_after_verification`): the notice names the address the device was
    added from, which someone holding only the password must not learn. Other accounts are
    told at once, without the address.
    """
    from mizan.core.permissions import requires_two_factor

    entries = devices_added_since_last_sign_in(user=user)
    if not entries:
        return []
    if requires_two_factor(user) and has_confirmed_device(user):
        request.session[_PENDING_NOTICES] = [entry.pk for entry in entries]
        return []
    return [_device_notice(entry, with_address=False) for entry in entries]


def device_notices_after_verification(*, request: HttpRequest) -> list[str]:
    pending = request.session.pop(_PENDING_NOTICES, [])
    entries = AuditEntry.objects.filter(pk__in=pending).order_by("seq")
    return [_device_notice(entry, with_address=True) for entry in entries]


def account_unlock(
    *, actor: Any, username: str = "", ip_address: str = "", request: HttpRequest | None = None
) -> int:
    """Lift a sign-in lockout before its cool-off ends; returns the failure records cleared.

    ``username`` unlocks the account wherever the guesses came from; ``ip_address`` unlocks an
    address (an office behind one address locked by several people's typing mistakes). Audited
    as a change to the account (or, for an address, to the sign-in throttle).
    """
    from axes.utils import reset

    if not username and not ip_address:
        raise ValueError("name an account or an address to unlock")
    with transaction.atomic():
        cleared = 0
        if username:
            cleared += reset(username=username)
        if ip_address:
            cleared += reset(ip=ip_address)
        target = User.objects.filter(username=username).first() if username else None
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=target,
            object_type="" if target else "axes.accessattempt",
            fields=["sign_in_lockout"],
            detail={
                "unlocked": True,
                "username": username if target is None else "",
                "address": ip_address,
                "failures_cleared": cleared,
            },
            request=request,
        )
    return cleared
