"""A family report's consent says one thing (DESIGN decision 9): at least one scope, and
“Internal use only” alone — refused beside a wider scope, on the form and in the service, with
nothing written (``core.validators.validate_consent_scopes``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from mizan.core.models import AuditEntry, Term
from mizan.missing import services
from mizan.missing.forms import FamilyReportForm
from mizan.missing.models import MissingPerson
from tests.conftest import signed_in

CONTRADICTION_EN = "“Internal use only” cannot be chosen beside wider scopes"
CONTRADICTION_AR = "لا يجتمع «داخلي فقط» مع نطاقات أوسع"
MISSING_EN = "Choose at least one consent scope"
MISSING_AR = "اختر نطاقاً واحداً للموافقة على الأقل"


def _scopes(*codes: str) -> list[Term]:
    return list(Term.objects.filter(vocabulary="consent_scope", code__in=codes))


def _reports_written() -> int:
    return AuditEntry.objects.filter(object_type="missing.familyreport").count()


@pytest.mark.django_db
def test_the_form_refuses_internal_use_only_beside_a_wider_scope(
    missing_file: MissingPerson, officer: Any
) -> None:
    chosen = [t.pk for t in _scopes("internal_use", "un_bodies")]
    for language, message in (("en", CONTRADICTION_EN), ("ar", CONTRADICTION_AR)):
        with translation.override(language):
            form = FamilyReportForm(
                {"consent_scopes": chosen}, missing_person=missing_file, actor=officer
            )
            assert not form.is_valid()
            assert message in " ".join(form.errors["consent_scopes"])
    alone = FamilyReportForm(
        {"consent_scopes": [t.pk for t in _scopes("internal_use")]},
        missing_person=missing_file,
        actor=officer,
    )
    wider = FamilyReportForm(
        {"consent_scopes": [t.pk for t in _scopes("un_bodies", "iimp")]},
        missing_person=missing_file,
        actor=officer,
    )
    assert alone.is_valid() and wider.is_valid()


@pytest.mark.django_db
def test_the_page_shows_the_refusal_and_writes_nothing(
    missing_file: MissingPerson, officer: Any
) -> None:
    url = reverse("missing:report_add", args=[missing_file.pk])
    chosen = [t.pk for t in _scopes("internal_use", "un_bodies", "iimp")]
    for language, message in (("en", CONTRADICTION_EN), ("ar", CONTRADICTION_AR)):
        response = signed_in(officer, language=language).post(
            url, {"consent_scopes": chosen, "account": "..."}
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not missing_file.reports.exists()


@pytest.mark.django_db
def test_the_service_refuses_internal_use_only_beside_a_wider_scope(
    missing_file: MissingPerson, officer: Any
) -> None:
    before = _reports_written()
    with pytest.raises(ValidationError) as refused:
        services.family_report_add(
            actor=officer,
            missing_person=missing_file,
            data={"consent_scopes": _scopes("internal_use", "named_publication"), "account": "."},
        )
    assert CONTRADICTION_EN in " ".join(refused.value.messages)
    assert not missing_file.reports.exists()
    assert _reports_written() == before


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{}, {"consent_scopes": []}, {"consent_scopes": None}])
def test_the_service_refuses_a_report_without_any_scope(
    missing_file: MissingPerson, officer: Any, data: dict[str, Any]
) -> None:
    before = _reports_written()
    for language, message in (("en", MISSING_EN), ("ar", MISSING_AR)):
        with translation.override(language):
            with pytest.raises(ValidationError) as refused:
                services.family_report_add(
                    actor=officer, missing_person=missing_file, data={**data, "account": "."}
                )
            assert message in " ".join(refused.value.messages)
    assert not missing_file.reports.exists()
    assert _reports_written() == before


@pytest.mark.django_db
def test_internal_use_only_alone_and_wider_scopes_alone_are_kept(
    missing_file: MissingPerson, officer: Any
) -> None:
    for codes in (("internal_use",), ("un_bodies", "iimp", "other_organisations")):
        report = services.family_report_add(
            actor=officer, missing_person=missing_file, data={"consent_scopes": _scopes(*codes)}
        )
        assert {t.code for t in report.consent_scopes.all()} == set(codes)
