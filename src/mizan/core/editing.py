"""The shape every edit page in Mizan shares, written once.

A view finds the record through the permission layer and binds its form; on a valid POST the
changed fields go to the app's service (which writes and audits them in one transaction); a
``ValidationError`` the service raises is shown on the form and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def edit_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    save: Callable[[dict[str, Any]], Any],
    success_url: str,
    template: str,
    context: dict[str, Any],
    saved_message: str | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            save(data)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, saved_message or _("The changes were saved."))
            return redirect(success_url)
    return render(request, template, {"form": form, **context})
