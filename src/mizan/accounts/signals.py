"""Every sign-in, failed sign-in and sign-out goes into the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from mizan.core.audit import Action, audit_record


@receiver(user_logged_in, dispatch_uid="mizan-audit-sign-in")
def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=Action.SIGN_IN, target=user, request=request)


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
