"""Error pages: translated, no stack trace, no echo of what was sent."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        message = _(
            "What was sent is too large for this form. Nothing was saved. Send less at once, "
            "or upload large files through the evidence locker."
        )
    else:
        message = _("The request could not be understood. Nothing was saved.")
    return render(request, "errors/error.html", {"code": 400, "message": message}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _("Your role does not allow this. Ask an administrator if you need it.")
    return render(request, "errors/error.html", {"code": 403, "message": message}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _("There is no such page, or you may not see it.")
    return render(request, "errors/error.html", {"code": 404, "message": message}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    message = _(
        "Something went wrong on our side. Nothing was saved half-way. The error has been "
        "logged; please try again or tell an administrator."
    )
    return render(request, "errors/error.html", {"code": 500, "message": message}, status=500)


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """Where Django's admin sends whoever it refuses (``/admin/login/``).

    A visitor who is not signed in goes to Mizan's own sign-in page (throttled, two-factor). A
    signed-in user without staff status was sent on to that page too, which sent them back to
    the admin, which sent them back again, forever: they are now told that the administration
    is not theirs to open.
    """
    if request.user.is_authenticated and request.user.is_staff:
        return redirect("admin:index")
    if request.user.is_authenticated:
        message = _(
            "The administration screens are only for administrators. Your account cannot open "
            "them; everything your role allows is on the start page."
        )
        return render(request, "errors/error.html", {"code": 403, "message": message}, status=403)
    target = reverse("accounts:login")
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{target}?{query}" if query else target)
