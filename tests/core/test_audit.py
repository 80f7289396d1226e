"""The audit log: what it records, that it cannot be changed, and that tampering is found."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.urls import reverse

from mizan.core import audit_guard
from mizan.core.audit import Action, audit_record, audit_verify
from mizan.core.models import AuditEntry, Site
from mizan.core.models.audit import AppendOnlyError
from tests.conftest import PASSWORD, signed_in

pytestmark = pytest.mark.django_db


def _write_entries(n: int) -> list[AuditEntry]:
    return [
        audit_record(actor=None, action=Action.VIEW, object_type="core.site", object_id=str(i))
        for i in range(n)
    ]


def test_chain_links_each_entry_to_the_one_before() -> None:
    entries = _write_entries(3)
    assert [e.seq for e in entries] == [entries[0].seq, entries[0].seq + 1, entries[0].seq + 2]
    assert entries[1].prev_hash == entries[0].hash
    assert entries[2].prev_hash == entries[1].hash
    assert audit_verify() == []
    call_command("audit", "verify")  # exits normally


def test_model_refuses_update_and_delete() -> None:
    entry = _write_entries(1)[0]
    entry.action = Action.DELETE
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_database_refuses_update_and_delete() -> None:
    entry = _write_entries(1)[0]
    for statement in (
        "UPDATE core_auditentry SET action = 'x' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == Action.VIEW


@pytest.fixture
def tamperable():  # type: ignore[no-untyped-def]
    """Someone with direct database access drops the guard (the chain must still tell)."""
    audit_guard.remove(connection)
    yield
    audit_guard.install(connection)


def test_verify_detects_an_altered_row(tamperable) -> None:  # type: ignore[no-untyped-def]
    entries = _write_entries(4)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET object_id = '999' WHERE id = %s", [entries[1].pk]
        )
    problems = audit_verify()
    assert problems[0].seq == entries[1].seq
    assert "altered" in problems[0].problem
    with pytest.raises(CommandError, match=f"first bad entry is #{entries[1].seq}"):
        call_command("audit", "verify")


def test_verify_detects_a_rehashed_row(tamperable) -> None:  # type: ignore[no-untyped-def]
    """Altering a row and recomputing its own hash still breaks the next link."""
    from mizan.core.audit import entry_hash

    entries = _write_entries(3)
    forged = AuditEntry.objects.get(pk=entries[1].pk)
    forged.object_id = "forged"
    new_hash = entry_hash(forged)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET object_id = 'forged', hash = %s WHERE id = %s",
            [new_hash, entries[1].pk],
        )
    problems = audit_verify()
    assert [p.seq for p in problems] == [entries[2].seq]
    assert "chain broken" in problems[0].problem


def test_verify_detects_a_deleted_row(tamperable) -> None:  # type: ignore[no-untyped-def]
    entries = _write_entries(4)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entries[2].pk])
    problems = audit_verify()
    assert problems[0].seq == entries[2].seq
    assert "missing" in problems[0].problem
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_verify_detects_removal_from_the_end(tamperable) -> None:  # type: ignore[no-untyped-def]
    entries = _write_entries(3)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entries[-1].pk])
    problems = audit_verify()
    assert problems and problems[0].seq == entries[-1].seq


def test_sign_in_and_failed_sign_in_are_recorded(viewer, client) -> None:  # type: ignore[no-untyped-def]
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.post(reverse("accounts:login"), {"username": "vera_viewer", "password": "wrong"})
    failed = AuditEntry.objects.filter(action=Action.SIGN_IN_FAILED).first()
    assert failed is not None and failed.detail == {"username": "vera_viewer"}
    assert "wrong" not in str(failed.detail)
    client.post(reverse("accounts:login"), {"username": "vera_viewer", "password": PASSWORD})
    assert AuditEntry.objects.filter(action=Action.SIGN_IN, actor_id=viewer.pk).exists()


def test_create_and_change_record_field_names_not_values(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    site = sites["team_a"]
    response = client.post(
        reverse("core:site_edit", args=[site.pk]),
        {
            "name_ar": site.name_ar,
            "name_en": "Renamed grave",
            "site_type": site.site_type_id,
            "place": site.place_id,
            "sensitivity": site.sensitivity,
            "team": site.team_id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.filter(action=Action.UPDATE, object_id=str(site.pk)).get()
    assert entry.object_type == "core.site"
    assert entry.fields == ["name_en"]
    assert "Renamed" not in str(entry.detail)
    assert Site.objects.get(pk=site.pk).name_en == "Renamed grave"


def test_views_of_confidential_records_are_recorded(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    client.get(reverse("core:site_detail", args=[sites["internal"].pk]))
    client.get(reverse("core:site_detail", args=[sites["confidential"].pk]))
    viewed = AuditEntry.objects.filter(action=Action.VIEW, actor_id=documenter_a.pk)
    assert list(viewed.values_list("object_id", flat=True)) == [str(sites["confidential"].pk)]


def test_export_is_recorded_and_needs_the_permission(administrator, viewer) -> None:  # type: ignore[no-untyped-def]
    assert signed_in(viewer).get(reverse("core:audit_export")).status_code == 403
    response = signed_in(administrator).get(reverse("core:audit_export"))
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("seq,at,actor_id")
    assert AuditEntry.objects.filter(action=Action.EXPORT, actor_id=administrator.pk).exists()


def test_audit_page_filters(administrator, viewer) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(administrator)
    _write_entries(2)
    response = client.get(reverse("core:audit_list") + "?action=view")
    assert response.status_code == 200
    assert all(e.action == "view" for e in response.context["page_obj"])
    bad = client.get(reverse("core:audit_list") + "?since=not-a-date")
    assert bad.status_code == 200


def test_audit_log_names_records_in_words_with_links(administrator: Any) -> None:
    from mizan.cases import services as cases_services

    person = cases_services.person_create(
        actor=administrator, data={"first_name_ar": "نور", "sensitivity": 1}
    )
    body = signed_in(administrator).get(reverse("core:audit_list")).content.decode()
    link = reverse("cases:person_detail", args=[person.pk])
    assert f'<a href="{link}">Person #{person.pk}</a>' in body
    assert f">cases.person:{person.pk}<" not in body


def test_audit_page_names_the_changed_fields_in_the_readers_language(administrator) -> None:  # type: ignore[no-untyped-def]
    """Issue 19: the log showed internal keys (``birth_date``) in the Arabic interface."""
    from mizan.cases.models import Person

    person = Person.objects.create(first_name_ar="سلمى", family_name_ar="المصري")
    audit_record(actor=administrator, action=Action.UPDATE, target=person, fields=["birth_date"])
    arabic = signed_in(administrator, language="ar").get(reverse("core:audit_list")).content
    assert "تاريخ الولادة" in arabic.decode()
    english = signed_in(administrator).get(reverse("core:audit_list")).content.decode()
    assert "date of birth" in english and ">birth_date<" not in english
