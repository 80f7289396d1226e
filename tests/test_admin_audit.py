"""No write path escapes the audit log, not even Django's admin.

The walk opens the change form of every registered ModelAdmin (a row made by tests/factories.py),
posts it back with one field changed where CHANGES says so, deletes the first row of every
inline, and checks one audit entry for the change and one for each deleted inline row. An
admin that is not in ROWS fails the walk, so a new admin is decided, like a new route in
tests/test_route_matrix.py. Read-only admins must refuse the post.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.urls import reverse

from mizan.accountability.models import Agreement
from mizan.cases.models import Organisation
from mizan.core.audit import Action
from mizan.core.models import AuditEntry
from mizan.testimonies.models import Collection
from mizan.text import normalise_for_search
from tests import factories
from tests.conftest import signed_in
from tests.posting import put_field as _put

pytestmark = pytest.mark.django_db


def _access_attempt() -> Any:
    return AccessAttempt.objects.create(
        username="ghost", ip_address="192.0.2.1", user_agent="t", failures_since_start=3
    )


def _static_device_with_token() -> Any:
    return factories.StaticTokenFactory().device


def _organisation_with_command() -> Any:
    return factories.CommandFactory().organisation


def _project_with_indicator() -> Any:
    from mizan.activities.models import Indicator, Project

    project = Project.objects.create(
        code="tj-1",
        title_ar="مشروع",
        title_en="Project",
        donor=factories.OrganisationFactory(),
        starts_on=datetime.date(2025, 1, 1),
    )
    Indicator.objects.create(
        project=project, code="n", label_ar="عدد", label_en="Number", measure="activities", target=3
    )
    return project


def _document_with_relation() -> Any:
    return factories.DocumentRelationFactory().source


# model label -> how to make one row of it. None: the admin is read-only (it must refuse a post).
ROWS: dict[str, Callable[[], Any] | None] = {
    "core.term": factories.TermFactory,
    "core.place": factories.PlaceFactory,
    "core.team": factories.TeamFactory,
    "auth.group": factories.GroupFactory,
    "accounts.user": factories.UserFactory,
    "cases.organisation": _organisation_with_command,
    "cases.casefile": factories.CaseFileFactory,
    "evidence.recipient": factories.RecipientFactory,
    "missing.sourcelist": factories.SourceListFactory,
    "missing.gravedocument": factories.GraveDocumentFactory,
    "library.document": _document_with_relation,
    "otp_totp.totpdevice": factories.TOTPDeviceFactory,
    "otp_static.staticdevice": _static_device_with_token,
    "axes.accessattempt": _access_attempt,
    "axes.accesslog": lambda: AccessLog.objects.create(
        username="ghost", ip_address="192.0.2.1", user_agent="t"
    ),
    "axes.accessfailurelog": lambda: AccessFailureLog.objects.create(
        username="ghost", ip_address="192.0.2.1", user_agent="t"
    ),
    "activities.project": _project_with_indicator,
    "testimonies.collection": lambda: Collection.objects.create(
        slug="women-voices", title_ar="أصوات", title_en="Voices"
    ),
    # Testimonies and publications change only through their services (leak and consent
    # checks); the admin only shows them.
    "testimonies.testimony": None,
    "testimonies.publication": None,
    # Written only by the locker's services and the task worker; the admin only shows them.
    "evidence.item": None,
    "evidence.custodyevent": None,
    "evidence.checkpoint": None,
    "evidence.handover": None,
    "django_tasks_database.dbtaskresult": None,
    "accountability.agreement": lambda: Agreement.objects.create(
        recipient=factories.RecipientFactory(), title="Memorandum (synthetic)"
    ),
    # Submissions and proceedings change only through their services (status order, reference
    # and visibility checks); the admin only shows them.
    "accountability.submission": None,
    "accountability.proceeding": None,
}

# A field changed in the post, so the entry must name it.
CHANGES: dict[str, dict[str, str]] = {
    "core.term": {"label_en": "Renamed term"},
    "core.place": {"name_en": "Renamed town"},
    "core.team": {"name_en": "Renamed team"},
    "auth.group": {"name": "renamed-group"},
    "accounts.user": {"email": "renamed@example.org"},
    "cases.organisation": {"name_en": "Renamed branch"},
    "cases.casefile": {"title": "Renamed case file"},
    "evidence.recipient": {"name": "Renamed prosecutor"},
    "missing.sourcelist": {"name": "Renamed list"},
    "missing.gravedocument": {"title": "Renamed grave record"},
    "library.document": {"title_en": "Renamed resolution"},
    "testimonies.collection": {"title_en": "Renamed collection"},
    "activities.project": {"title_en": "Renamed project"},
    "accountability.agreement": {"title": "Renamed memorandum"},
    "otp_totp.totpdevice": {"name": "renamed phone"},
    "otp_static.staticdevice": {"name": "renamed codes"},
}


def posted_back(response: Any) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The change form as a browser would post it, with the first row of every inline marked
    for deletion; returns the data and the (object_type, object_id) of the deleted rows."""
    data: dict[str, Any] = {"_save": "Save"}
    form = response.context["adminform"].form
    for name in form.fields:
        _put(data, form, name)
    deleted: list[tuple[str, str]] = []
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for row in formset.forms:
            for name in row.fields:
                if name != "DELETE":
                    _put(data, row, name)
        existing = [row for row in formset.forms if row.instance.pk is not None]
        if formset.can_delete and existing:
            data[existing[0].add_prefix("DELETE")] = "on"
            deleted.append((existing[0].instance._meta.label_lower, str(existing[0].instance.pk)))
    return data, deleted


def test_every_admin_change_form_and_inline_is_audited(administrator: Any) -> None:
    registered = {model._meta.label_lower: model for model in admin.site._registry}
    assert set(registered) == set(ROWS), "decide the new admin's row in ROWS (and CHANGES)"
    client = signed_in(administrator)
    for label, make in ROWS.items():
        model = registered[label]
        url_name = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
        if make is None:
            row = model._default_manager.first()
            if row is not None:
                assert client.post(reverse(url_name, args=[row.pk]), {}).status_code == 403
            continue
        row = make()
        url = reverse(url_name, args=[row.pk])
        page = client.get(url)
        assert page.status_code == 200, label
        data, deleted = posted_back(page)
        for name, value in CHANGES.get(label, {}).items():
            data[name] = value
        since = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
        response = client.post(url, data)
        assert response.status_code == 302, (
            label,
            response.context and response.context["adminform"].form.errors,
            response.context
            and [i.formset.errors for i in response.context["inline_admin_formsets"]],
        )
        entries = AuditEntry.objects.filter(seq__gt=since, actor_id=administrator.pk)
        update = entries.get(action=Action.UPDATE, object_type=label, object_id=str(row.pk))
        assert set(CHANGES.get(label, {})) <= set(update.fields), (label, update.fields)
        for object_type, object_id in deleted:
            assert entries.filter(
                action=Action.DELETE, object_type=object_type, object_id=object_id
            ).exists(), (label, object_type)
    # The walk did delete inline rows: commands, relations, static tokens.
    assert (
        AuditEntry.objects.filter(action=Action.DELETE).values("object_type").distinct().count()
        >= 3
    )


def test_a_unit_renamed_in_the_admin_is_found_by_its_new_name(administrator: Any) -> None:
    unit = factories.OrganisationFactory(name_en="Branch 215", name_ar="الفرع 215")
    client = signed_in(administrator)
    url = reverse("admin:cases_organisation_change", args=[unit.pk])
    data, _deleted = posted_back(client.get(url))
    data.update(name_en="Palestine Branch", name_ar="فرع فلسطين")
    assert client.post(url, data).status_code == 302
    unit = Organisation.objects.get(pk=unit.pk)
    assert unit.search_key == normalise_for_search("فرع فلسطين Palestine Branch")
    assert "215" not in unit.search_key


def test_the_admin_refuses_a_symbol_another_document_has(administrator: Any) -> None:
    factories.DocumentFactory(symbol="A/RES/71/248")
    document = factories.DocumentFactory(symbol="A/RES/71/249")
    client = signed_in(administrator)
    url = reverse("admin:library_document_change", args=[document.pk])
    data, _deleted = posted_back(client.get(url))
    data["symbol"] = "a/res/71/ 248"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Another document in the library already has this symbol." in response.content.decode()
    document.refresh_from_db()
    assert document.symbol == "A/RES/71/249"
    assert not AuditEntry.objects.filter(
        action=Action.UPDATE, object_type="library.document", object_id=str(document.pk)
    ).exists()


def test_terms_and_recipients_made_on_the_fly_are_audited(administrator: Any) -> None:
    from mizan.evidence.services import resolve_recipient
    from mizan.library.services import term_for

    term = term_for("library_topic", "Synthetic new topic", actor=administrator)
    assert term is not None
    assert AuditEntry.objects.filter(
        action=Action.CREATE,
        object_type="core.term",
        object_id=str(term.pk),
        actor_id=administrator.pk,
    ).exists()
    recipient = resolve_recipient("IIIM", actor=administrator)
    assert AuditEntry.objects.filter(
        action=Action.CREATE,
        object_type="evidence.recipient",
        object_id=str(recipient.pk),
        actor_id=administrator.pk,
    ).exists()
    # Found again, not made again: no second entry.
    resolve_recipient("IIIM", actor=administrator)
    assert AuditEntry.objects.filter(object_type="evidence.recipient").count() == 1
