"""A family report's consent is from the shared ``consent_scope`` vocabulary (DESIGN 4 and 9).

The registry had a list of its own (the organisation only / UN bodies and the IIMP / other
organisations too): the same consent as a person's, a testimony's and a locker item's, in nested
levels. Now one list: what an administrator adds to the vocabulary is offered here too, labels
come from the vocabulary in both languages, and migration 0005 turns each level into its terms.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from mizan.cases.models import Person
from mizan.core.models import AuditEntry, Term
from mizan.core.validators import validate_consent_scopes
from mizan.missing import services
from mizan.missing.forms import FamilyReportForm
from mizan.missing.models import FamilyReport, MissingPerson
from tests.conftest import signed_in


def _scopes(*codes: str) -> list[Term]:
    return list(Term.objects.filter(vocabulary="consent_scope", code__in=codes))


@pytest.mark.django_db
def test_the_form_offers_the_shared_vocabulary_and_what_an_administrator_adds(
    missing_file: MissingPerson, officer: Any
) -> None:
    Term.objects.create(
        vocabulary="consent_scope", code="icrc", label_en="ICRC", label_ar="اللجنة الدولية"
    )
    Term.objects.create(
        vocabulary="consent_scope", code="old", label_en="Old", label_ar="قديم", active=False
    )
    form = FamilyReportForm(missing_person=missing_file, actor=officer)
    offered = {term.code for term in form.fields["consent_scopes"].queryset}
    assert offered == set(Term.objects.of("consent_scope").values_list("code", flat=True))
    assert {"internal_use", "un_bodies", "iiim", "iimp", "icrc"} <= offered
    assert "old" not in offered
    assert [t.code for t in form.fields["consent_scopes"].initial] == ["internal_use"]
    # A family report without any scope is refused: "internal use only" is the least.
    assert not FamilyReportForm({}, missing_person=missing_file, actor=officer).is_valid()


@pytest.mark.django_db
def test_a_report_keeps_the_terms_audits_their_codes_and_shows_their_labels(
    missing_file: MissingPerson, officer: Any
) -> None:
    relative = missing_file.relatives.get()
    chosen = _scopes("un_bodies", "iimp")
    response = signed_in(officer).post(
        reverse("missing:report_add", args=[missing_file.pk]),
        {"reported_by": relative.pk, "consent_scopes": [t.pk for t in chosen], "account": "..."},
    )
    assert response.status_code == 302
    report = missing_file.reports.get()
    assert set(report.consent_scopes.all()) == set(chosen)
    entry = AuditEntry.objects.filter(object_type="missing.familyreport").order_by("seq").last()
    assert entry is not None
    assert entry.detail["consent_scopes"] == ["iimp", "un_bodies"]

    url = reverse("missing:file_detail", args=[missing_file.pk])
    english = signed_in(officer).get(url).content.decode()
    arabic = signed_in(officer, language="ar").get(url).content.decode()
    for term in chosen:
        assert term.label_en in english and term.label_ar in arabic
    iiim = Term.objects.get(vocabulary="consent_scope", code="iiim")
    assert iiim.label_en not in english and iiim.label_ar not in arabic


@pytest.mark.django_db
def test_only_terms_of_the_consent_vocabulary_are_taken(
    missing_file: MissingPerson, officer: Any
) -> None:
    other = Term.objects.filter(vocabulary="sex").first()
    assert other is not None
    with pytest.raises(ValidationError):
        services.family_report_add(
            actor=officer, missing_person=missing_file, data={"consent_scopes": [other]}
        )
    assert not missing_file.reports.exists()


# --- migration 0005 ---------------------------------------------------------------------------


def _migrate(target: str | None) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = (
        [("missing", target)]
        if target
        else [node for node in executor.loader.graph.leaf_nodes() if node[0] == "missing"]
    )
    executor.migrate(targets)


def _levels() -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, consent_scope FROM missing_familyreport")
        return dict(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_migration_0005_turns_each_level_into_its_terms_and_back_never_wider() -> None:
    # Not through the services, whose audit log a transactional test could not flush.
    person = Person.objects.create(name_as_written="سامر الحلبي", sensitivity=1)
    file = MissingPerson.objects.create(reference="MP-T-1", person=person, sensitivity=1)
    held = {
        "internal": ("internal_use",),
        "un": ("internal_use", "un_bodies", "iimp"),
        "all": ("internal_use", "un_bodies", "iimp", "other_organisations", "iiim"),
        "un_without_iimp": ("internal_use", "un_bodies"),
        "none": (),
        # As the form now writes it: no “Internal use only” beside wider scopes (0006).
        "un_as_now": ("un_bodies", "iimp"),
    }
    reports = {}
    for name, codes in held.items():
        reports[name] = FamilyReport.objects.create(missing_person=file, account=name)
        reports[name].consent_scopes.set(_scopes(*codes))

    _migrate("0004_merged_files")
    try:
        levels = _levels()
        assert {name: levels[r.pk] for name, r in reports.items()} == {
            "internal": "organisation",
            "un": "un_iimp",
            "all": "other_orgs",  # IIIM has no level of the old list
            "un_without_iimp": "organisation",  # not "UN bodies and the IIMP": never wider
            "none": "organisation",  # the old list's floor
            "un_as_now": "un_iimp",  # not narrowed to the organisation on the way back
        }
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE missing_familyreport SET consent_scope = 'un_iimp' WHERE id = %s",
                [reports["none"].pk],
            )
            # A deleted term is made again on the way forward, so no consent is lost.
            cursor.execute(
                "DELETE FROM core_term WHERE vocabulary = 'consent_scope'"
                " AND code = 'other_organisations'"
            )
    finally:
        _migrate(None)

    after = {
        name: {t.code for t in FamilyReport.objects.get(pk=r.pk).consent_scopes.all()}
        for name, r in reports.items()
    }
    # 0005 writes each level's terms, 0006 takes “Internal use only” from beside wider ones.
    assert after == {
        "internal": {"internal_use"},
        "un": {"un_bodies", "iimp"},
        "all": {"un_bodies", "iimp", "other_organisations"},
        "un_without_iimp": {"internal_use"},
        "none": {"un_bodies", "iimp"},
        "un_as_now": {"un_bodies", "iimp"},
    }
    for report in FamilyReport.objects.filter(pk__in=[r.pk for r in reports.values()]):
        validate_consent_scopes(t.code for t in report.consent_scopes.all())
    assert Term.objects.get(vocabulary="consent_scope", code="other_organisations").label_ar
