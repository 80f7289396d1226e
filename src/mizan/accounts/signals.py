"""Every sign-in, failed sign-in, lockout and sign-out goes into the audit log.

At sign-in the owner is also told of every authenticator added to the account since their
previous sign-in (read from the audit log), so an enrolment by someone else is noticed: once
the session has passed the second factor where one is required (see
``mizan.accounts.services.device_notices_at_sign_in``).
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from axes.utils import reset
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from mizan.core.audit import Action, audit_record


@receiver(user_logged_in, dispatch_uid="mizan-audit-sign-in")
def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from mizan.accounts.services import device_notices_at_sign_in

    if request is not None:
        for notice in device_notices_at_sign_in(request=request, user=user):
            messages.warning(request, notice, fail_silently=True)
    audit_record(actor=user, action=Action.SIGN_IN, target=user, request=request)
    # The owner got in: their account's failures are forgotten, not those of other accounts
    # tried from the same address (AXES_RESET_ON_SUCCESS is off for that reason).
    reset(username=user.get_username())


@receiver(user_logged_out, dispatch_uid="mizan-audit-sign-out")
def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(actor=user, action=Action.SIGN_OUT, target=user, request=request)


@receiver(user_login_failed, dispatch_uid="mizan-audit-sign-in-failed")
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # The attempted username identifies a staff account; the password is never recorded.
    attempted = str(credentials.get("username", ""))[:150]
    audit_record(
        actor=None,
        action=Action.SIGN_IN_FAILED,
        object_type="accounts.user",
        detail={"username": attempted},
        request=request,
    )


@receiver(user_locked_out, dispatch_uid="mizan-audit-locked-out")
def _locked_out(
    sender: Any, request: Any = None, username: Any = None, ip_address: Any = None, **kwargs: Any
) -> None:
    # Sent by django-axes when an account or an address reaches the failure limit, and again
    # for each attempt refused while it is locked.
    audit_record(
        actor=None,
        action=Action.SIGN_IN_FAILED,
        object_type="accounts.user",
        detail={"username": str(username or "")[:150], "locked_out": True},
        request=request,
    )
