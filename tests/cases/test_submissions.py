"""UN submissions: every minimum element in the PDF (read back with pdftotext), or a list of
what is missing and no PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import Act
from mizan.core.models import AuditEntry, Place
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def disappearance(db: Any) -> Act:
    unit = services.organisation_create(
        actor=None, data={"name_en": "Branch 999 (test)", "name_ar": "الفرع 999", "sensitivity": 1}
    )
    incident = services.incident_record(
        actor=None,
        incident={
            "title_en": "Arrest at a checkpoint",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "start_date": PartialDate(2013, 4, 7),
            "place": Place.objects.get(code="SY01"),
        },
        victims=[
            services.VictimAct(
                act_type="enforced_disappearance",
                start_date=PartialDate(2013, 4, 7),
                status="still_disappeared",
                steps_taken="The mother asked at the military police office in Qaboun twice.",
                new_person={
                    "first_name_ar": "سامر",
                    "father_name_ar": "خالد",
                    "family_name_ar": "النجار",
                    "first_name_lat": "Samer",
                    "father_name_lat": "Khaled",
                    "family_name_lat": "al-Najjar",
                    "sensitivity": Sensitivity.CONFIDENTIAL,
                },
            )
        ],
        perpetrators=[services.Perpetrator(degree="direct_perpetrator", unit=unit)],
        sources=[
            services.SourceEntry(
                source_type="family_member",
                new_person={
                    "first_name_ar": "مريم",
                    "family_name_ar": "النجار",
                    "first_name_lat": "Maryam",
                    "family_name_lat": "al-Najjar",
                    "identity_sensitivity": Sensitivity.RESTRICTED,
                },
            )
        ],
    )
    return incident.acts.get()


def pdf_text(content: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "submission.pdf"
    pdf.write_bytes(content)
    result = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    # Reading order, words joined across the line breaks of a table cell.
    return " ".join(result.stdout.split())


def test_missing_consent_blocks_the_export(make_user, team_a, disappearance) -> None:  # type: ignore[no-untyped-def]
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    response = signed_in(legal).get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "consent of the person or their family" in body
    assert not AuditEntry.objects.filter(action="export", object_type="cases.act").exists()


def test_incomplete_act_lists_every_missing_element(make_user, team_a, disappearance) -> None:  # type: ignore[no-untyped-def]
    Act.objects.filter(pk=disappearance.pk).update(steps_taken="")
    disappearance.involvements.all().delete()
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    body = (
        signed_in(legal)
        .get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
        .content.decode()
    )
    assert "forces believed responsible" in body
    assert "steps taken by the relatives" in body


def test_viewer_cannot_prepare_submissions(viewer, disappearance) -> None:  # type: ignore[no-untyped-def]
    url = reverse("cases:submission", args=[disappearance.pk, "wgeid"])
    assert signed_in(viewer).get(url).status_code == 403


@pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils is not installed (./mizan.sh test installs it)",
)
def test_wgeid_pdf_holds_every_minimum_element(make_user, team_a, disappearance, tmp_path) -> None:  # type: ignore[no-untyped-def]
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    services.consent_record(actor=legal, person=disappearance.victim, scope="un_bodies")
    response = signed_in(legal).get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for element in (
        "Samer Khaled al-Najjar",
        "7 April 2013",
        "Damascus",
        "Branch 999 (test)",
        "military police office in Qaboun",
        "Maryam al-Najjar",
        "kept confidential",
        "consented",
    ):
        assert element in text, element
    assert "النجار" in text or "ﺭﺎﺠﻨﻟﺍ" in text  # Arabic names are shaped and extractable
    assert AuditEntry.objects.filter(
        action="export", object_type="cases.act", object_id=str(disappearance.pk)
    ).exists()


def test_withdrawn_consent_blocks_again(make_user, team_a, disappearance) -> None:  # type: ignore[no-untyped-def]
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    consent = services.consent_record(actor=legal, person=disappearance.victim, scope="un_bodies")
    services.consent_withdraw(actor=legal, consent=consent)
    response = signed_in(legal).get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
    assert response["Content-Type"].startswith("text/html")


def test_torture_kind_does_not_apply_to_a_disappearance(make_user, team_a, disappearance) -> None:  # type: ignore[no-untyped-def]
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    services.consent_record(actor=legal, person=disappearance.victim, scope="un_bodies")
    body = (
        signed_in(legal)
        .get(reverse("cases:submission", args=[disappearance.pk, "sr-torture"]))
        .content.decode()
    )
    assert "does not apply" in body


@pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils is not installed (./mizan.sh test installs it)",
)
def test_a_submission_names_no_perpetrator_above_the_user(  # type: ignore[no-untyped-def]
    make_user, team_a, team_b, disappearance, tmp_path
) -> None:
    """Issue 11: the PDF leaves the organisation under the user's name; a unit or a perpetrator
    the user may not see (another team's restricted records) must not be in it."""
    from mizan.cases.models import Involvement
    from mizan.core.models import Term

    hidden_unit = services.organisation_create(
        actor=None,
        data={"name_en": "Unitcanary Directorate", "sensitivity": 3, "team": team_b},
    )
    hidden_person = services.person_create(
        actor=None,
        data={"first_name_lat": "Perpcanary", "sensitivity": 3, "team": team_b},
    )
    degree = Term.objects.get(vocabulary="involvement_degree", code="ordered")
    Involvement.objects.create(act=disappearance, perpetrator_unit=hidden_unit, degree=degree)
    Involvement.objects.create(act=disappearance, perpetrator_person=hidden_person, degree=degree)
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    services.consent_record(actor=legal, person=disappearance.victim, scope="un_bodies")
    response = signed_in(legal).get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "Branch 999 (test)" in text
    assert "Unitcanary" not in text and "Perpcanary" not in text


def test_a_submission_for_a_victim_of_another_team_is_refused(  # type: ignore[no-untyped-def]
    make_user, team_a, team_b, disappearance
) -> None:
    victim = disappearance.victim
    victim.team = team_b
    victim.save()
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    services.consent_record(actor=None, person=victim, scope="un_bodies")
    response = signed_in(legal).get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "identity is protected beyond your clearance" in body
    assert "Samer" not in body
    assert reverse("cases:person_detail", args=[victim.pk]) not in body


def test_a_perpetrator_s_protected_identity_blocks_the_submission(  # type: ignore[no-untyped-def]
    make_user, team_a, disappearance
) -> None:
    from mizan.cases.models import Involvement
    from mizan.core.models import Term

    insider = services.person_create(
        actor=None,
        data={
            "first_name_lat": "Insidercanary",
            "sensitivity": Sensitivity.INTERNAL,
            "identity_sensitivity": Sensitivity.RESTRICTED,
            "pseudonym": "Insider-1",
        },
    )
    degree = Term.objects.get(vocabulary="involvement_degree", code="ordered")
    Involvement.objects.create(act=disappearance, perpetrator_person=insider, degree=degree)
    legal = make_user("lina_legal", "legal_officer", (team_a,), clearance=Sensitivity.CONFIDENTIAL)
    services.consent_record(actor=None, person=disappearance.victim, scope="un_bodies")
    response = signed_in(legal).get(reverse("cases:submission", args=[disappearance.pk, "wgeid"]))
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "perpetrator's identity is protected" in body or "perpetrator&#x27;s identity" in body
    assert "Insidercanary" not in body


def test_blocked_submission_is_titled_in_the_interface_language(  # type: ignore[no-untyped-def]
    make_user, team_a, disappearance
) -> None:
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    url = reverse("cases:submission", args=[disappearance.pk, "wgeid"])
    body = signed_in(legal, language="ar").get(url).content.decode()
    assert "Submission to the UN Working Group" not in body
    assert "الفريق العامل المعني بحالات الاختفاء القسري" in body


def test_arabic_values_in_a_submission_are_isolated(make_user, team_a, disappearance) -> None:  # type: ignore[no-untyped-def]
    """An Arabic sentence in the English PDF keeps its full stop at its own end: the value is
    between FSI and PDI, which WeasyPrint honours (it ignores CSS unicode-bidi: isolate)."""
    from mizan.cases import submissions

    Act.objects.filter(pk=disappearance.pk).update(steps_taken="سألت الأم في فرع الشرطة مرتين.")
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    services.consent_record(actor=legal, person=disappearance.victim, scope="un_bodies")
    act = Act.objects.get(pk=disappearance.pk)
    submission = submissions.prepare(submissions.WGEID, act, legal)
    from django.template.loader import render_to_string

    html = render_to_string(submission.kind.template, submission.context)
    assert "\u2068سألت الأم في فرع الشرطة مرتين.\u2069" in html
    assert "\u2068النجار" in html or "\u2068سامر" in html
