"""The shapes every edit page and every create page in Mizan share, written once.

A view finds the record through the permission layer and binds its form; on a valid POST the
changed fields go to the app's service (which writes and audits them in one transaction); a
``ValidationError`` the service raises is shown on the form and nothing is saved.

A ModelForm writes its cleaned data onto its instance while it validates (``construct_instance``
in ``_post_clean``). Here it writes onto its own copy: the record the view read stays as stored,
so a service handed that record compares the new values with the stored ones and audits the
fields that really changed (handed the form's instance, it would find nothing changed), and a
refused change never shows in the page's heading.

A create page is the same without a stored record: on a valid POST the form's cleaned data go to
the service, which returns what it recorded; the success message and the page to go to may name
that record (its reference, its page).
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

Created = TypeVar("Created")


def error_text(exc: ValidationError) -> str:
    """A service's refusal as one line for the top of its form (every message, in order)."""
    return " ".join(exc.messages)


def edit_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    save: Callable[[dict[str, Any]], Any],
    success_url: str,
    template: str,
    context: dict[str, Any],
    saved_message: str | None = None,
    unchanged_message: str | None = None,
) -> HttpResponse:
    """``save`` receives the changed fields (name → cleaned value). With ``unchanged_message``,
    a ``save`` that returns a false value (an empty list of changed fields) reports that instead
    of ``saved_message``."""
    if isinstance(form, forms.BaseModelForm):
        form.instance = copy.copy(form.instance)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            result = save(data)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            if unchanged_message is not None and not result:
                messages.info(request, unchanged_message)
            else:
                messages.success(request, saved_message or _("The changes were saved."))
            return redirect(success_url)
    return render(request, template, {"form": form, **context})


def create_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    save: Callable[[dict[str, Any]], Created],
    success_url: str | Callable[[Created], str],
    template: str,
    context: dict[str, Any],
    saved_message: str | Callable[[Created], str],
    also_valid: Sequence[forms.BaseForm] = (),
    atomic: bool = True,
) -> HttpResponse:
    """``save`` receives the form's cleaned data and returns what it recorded; ``success_url``
    and ``saved_message`` may be functions of that record. A ``ValidationError`` from ``save``
    is shown on the form, as on an edit page. ``also_valid``: other forms of the same page
    (the caller puts them in ``context``) that must be valid before ``save`` runs.

    ``save`` runs in one transaction: when it records two things (a testimony's interviewee,
    then the testimony) and the second is refused, the first is rolled back with it — nothing
    is half-written.

    ``atomic=False`` for a ``save`` that stores a file in the evidence locker (or reads one
    back): the locker writes a file's content before it opens its own transaction
    (``item_ingest``), and on SQLite a transaction holds the database's one write lock (BEGIN
    IMMEDIATE) — held through an upload of up to 32 GiB, it would stop every other writer. Such
    a service orders its own writes."""
    if request.method == "POST" and all(each.is_valid() for each in (form, *also_valid)):
        try:
            with transaction.atomic() if atomic else contextlib.nullcontext():
                created = save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request, saved_message(created) if callable(saved_message) else saved_message
            )
            return redirect(success_url(created) if callable(success_url) else success_url)
    return render(request, template, {"form": form, **context})
