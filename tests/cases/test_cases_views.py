"""Pages of the documentation module, from the side that works and the side that is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.cases import services
from mizan.cases.models import Incident, Organisation, Person
from mizan.cases.selectors import person_suggestions
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(db: Any) -> Organisation:
    return services.organisation_create(
        actor=None, data={"name_en": "Branch 999 (test)", "name_ar": "الفرع 999", "sensitivity": 1}
    )


@pytest.fixture
def ahmad(db: Any) -> Person:
    return services.person_create(
        actor=None,
        data={
            "first_name_ar": "أحمد",
            "father_name_ar": "خالد",
            "family_name_ar": "الحموي",
            "first_name_lat": "Ahmad",
            "family_name_lat": "al-Hamwi",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )


def make_incident(unit: Organisation, sensitivity: int, title: str, team: Any = None) -> Incident:
    return services.incident_record(
        actor=None,
        incident={
            "title_en": title,
            "sensitivity": sensitivity,
            "team": team,
            "start_date": PartialDate(2014, 2),
        },
        victims=[
            services.VictimAct(
                act_type="torture",
                new_person={
                    "first_name_ar": "سامر",
                    "family_name_ar": "النجار",
                    "sensitivity": sensitivity,
                },
            )
        ],
        perpetrators=[services.Perpetrator(degree="ordered", unit=unit)],
        sources=[
            services.SourceEntry(
                source_type="witness",
                new_person={
                    "first_name_ar": "وائل",
                    "family_name_ar": "العطار",
                    "pseudonym": "W-77",
                    "identity_sensitivity": Sensitivity.RESTRICTED,
                },
            )
        ],
    )


@pytest.mark.parametrize(
    "typed", ["احمد الحموي", "أَحْمَد الحموي", "Ahmad al-Hamwi", "Ahmed Hamwi", "احمد"]
)
def test_existing_person_is_suggested_for_variant_spellings(documenter_a, ahmad, typed) -> None:  # type: ignore[no-untyped-def]
    assert ahmad in person_suggestions(documenter_a, typed + " ")


def test_suggestions_respect_clearance_and_identity_protection(viewer, documenter_a) -> None:  # type: ignore[no-untyped-def]
    secret = services.person_create(
        actor=None, data={"first_name_ar": "غسان", "family_name_ar": "الزعبي", "sensitivity": 2}
    )
    protected = services.person_create(
        actor=None,
        data={
            "first_name_ar": "غسان",
            "family_name_ar": "الخليل",
            "sensitivity": 1,
            "identity_sensitivity": 3,
            "pseudonym": "W-9",
        },
    )
    assert person_suggestions(viewer, "غسان ") == []
    found = person_suggestions(documenter_a, "غسان ")
    assert secret in found and protected not in found
    body = signed_in(viewer).get(reverse("cases:person_suggest") + "?q=غسان").content.decode()
    assert "الزعبي" not in body and "الخليل" not in body


def test_viewer_sees_neither_confidential_incidents_nor_protected_names(
    viewer, documenter_a, unit
) -> None:  # type: ignore[no-untyped-def]
    internal = make_incident(unit, Sensitivity.INTERNAL, "Internal incident")
    confidential = make_incident(unit, Sensitivity.CONFIDENTIAL, "Confidential incident")
    client = signed_in(viewer)
    listing = client.get(reverse("cases:incident_list")).content.decode()
    assert "Internal incident" in listing and "Confidential incident" not in listing
    assert client.get(reverse("cases:incident_detail", args=[confidential.pk])).status_code == 404
    detail = client.get(reverse("cases:incident_detail", args=[internal.pk])).content.decode()
    assert "وائل" not in detail and "W-77" in detail
    # A documenter (confidential clearance) still sees only the pseudonym of the witness.
    detail = (
        signed_in(documenter_a)
        .get(reverse("cases:incident_detail", args=[confidential.pk]))
        .content.decode()
    )
    assert "Confidential incident" in detail and "وائل" not in detail


def test_incident_list_filters(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    make_incident(unit, Sensitivity.INTERNAL, "Kept")
    client = signed_in(documenter_a)
    assert (
        "Kept" in client.get(reverse("cases:incident_list") + "?act_type=torture").content.decode()
    )
    assert (
        "Kept"
        not in client.get(reverse("cases:incident_list") + "?act_type=arrest").content.decode()
    )
    assert (
        "Kept" in client.get(reverse("cases:incident_list") + f"?unit={unit.pk}").content.decode()
    )
    assert (
        "Kept"
        not in client.get(reverse("cases:incident_list") + "?year_from=2015").content.decode()
    )


def test_list_queries_do_not_grow_with_data(
    documenter_a, unit, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    make_incident(unit, 1, "one")
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("cases:incident_list"))
    for n in range(10):
        make_incident(unit, 1, f"more {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("cases:incident_list"))


def test_one_pass_form_records_incident(documenter_a, unit, ahmad) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    page = client.get(reverse("cases:incident_create"))
    assert page.status_code == 200
    data = {
        "title_ar": "اعتقال تجريبي",
        "sensitivity": "2",
        "start_date_0": "2013",
        "start_date_1": "4",
        "v-TOTAL_FORMS": "2",
        "v-INITIAL_FORMS": "0",
        "v-MIN_NUM_FORMS": "0",
        "v-MAX_NUM_FORMS": "50",
        "v-0-person": str(ahmad.pk),
        "v-0-act_type": "arbitrary_detention",
        "v-0-age_group": "adult",
        "v-1-name_ar": "رنا عمر الخطيب",
        "v-1-act_type": "enforced_disappearance",
        "v-1-age_group": "adult",
        "v-1-sex": "female",
        "p-TOTAL_FORMS": "1",
        "p-INITIAL_FORMS": "0",
        "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "20",
        "p-0-unit": str(unit.pk),
        "p-0-degree": "direct_perpetrator",
        "s-TOTAL_FORMS": "1",
        "s-INITIAL_FORMS": "0",
        "s-MIN_NUM_FORMS": "0",
        "s-MAX_NUM_FORMS": "20",
        "s-0-source_type": "witness",
        "s-0-name_ar": "شاهد مجهول",
        "s-0-reliability": "B",
        "s-0-credibility": "2",
        "s-0-protect_identity": "on",
    }
    response = client.post(reverse("cases:incident_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    incident = Incident.objects.get(title_ar="اعتقال تجريبي")
    victims = {a.victim for a in incident.acts.all()}
    assert ahmad in victims
    rana = next(v for v in victims if v != ahmad)
    assert (rana.first_name_ar, rana.father_name_ar, rana.family_name_ar) == (
        "رنا",
        "عمر",
        "الخطيب",
    )
    assert incident.sources.get().person.identity_sensitivity == Sensitivity.RESTRICTED


def test_failed_form_keeps_what_was_typed(documenter_a) -> None:  # type: ignore[no-untyped-def]
    data = {
        "title_ar": "",
        "sensitivity": "2",
        "v-TOTAL_FORMS": "1",
        "v-INITIAL_FORMS": "0",
        "v-MIN_NUM_FORMS": "0",
        "v-MAX_NUM_FORMS": "50",
        "v-0-name_ar": "اسم محفوظ",
        "v-0-age_group": "adult",
        "p-TOTAL_FORMS": "0",
        "p-INITIAL_FORMS": "0",
        "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "20",
        "s-TOTAL_FORMS": "0",
        "s-INITIAL_FORMS": "0",
        "s-MIN_NUM_FORMS": "0",
        "s-MAX_NUM_FORMS": "20",
    }
    before = Incident.objects.count()
    response = signed_in(documenter_a).post(reverse("cases:incident_create"), data)
    assert response.status_code == 200
    assert "اسم محفوظ" in response.content.decode()
    assert Incident.objects.count() == before


def test_viewer_cannot_record(viewer) -> None:  # type: ignore[no-untyped-def]
    assert signed_in(viewer).get(reverse("cases:incident_create")).status_code == 403


def test_person_page_shows_every_role(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    incident = make_incident(unit, 1, "Roles")
    victim = incident.acts.get().victim
    page = signed_in(documenter_a).get(reverse("cases:person_detail", args=[victim.pk]))
    assert incident.reference in page.content.decode()


def test_exports_respect_permissions_and_are_audited(
    documenter_a, documenter_b, viewer, unit, team_a
) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io
    import json

    from mizan.core.models import AuditEntry

    make_incident(unit, Sensitivity.CONFIDENTIAL, "Team A only", team=team_a)
    make_incident(unit, Sensitivity.INTERNAL, "Everyone")
    assert signed_in(viewer).get(reverse("cases:export", args=["acts", "csv"])).status_code == 403
    response = signed_in(documenter_b).get(reverse("cases:export", args=["incidents", "json"]))
    rows = json.loads(b"".join(response.streaming_content))
    assert [r["title_en"] for r in rows] == ["Everyone"]
    response = signed_in(documenter_a).get(reverse("cases:export", args=["acts", "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == 2 and {r["act_type"] for r in table} == {"torture"}
    persons = signed_in(documenter_a).get(reverse("cases:export", args=["persons", "json"]))
    people = json.loads(b"".join(persons.streaming_content))
    witness = next(p for p in people if p["pseudonym"] == "W-77")
    assert witness["identity_protected"] and witness["name_ar"] == ""
    assert AuditEntry.objects.filter(action="export", object_type="cases.acts").exists()
    assert signed_in(documenter_a).get("/cases/export/secrets.csv").status_code == 404


def test_statistics_count_only_what_the_user_may_see(viewer, documenter_a, unit, team_a) -> None:  # type: ignore[no-untyped-def]
    from mizan.cases.statistics import charts

    make_incident(unit, Sensitivity.INTERNAL, "Seen by all")
    make_incident(unit, Sensitivity.CONFIDENTIAL, "Team A", team=team_a)
    assert {c.key: c.total for c in charts(viewer)}["act_type"] == 1
    assert {c.key: c.total for c in charts(documenter_a)}["act_type"] == 2
    page = signed_in(viewer).get(reverse("cases:statistics"))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    csv_body = signed_in(viewer).get(reverse("cases:statistics") + "?csv=year").content.decode()
    assert csv_body.lstrip("\ufeff").splitlines() == ["year,count", "2014,1"]
    assert signed_in(viewer).get(reverse("cases:statistics") + "?csv=nope").status_code == 404


def test_incident_list_offers_exports_to_those_allowed(documenter_a, viewer) -> None:  # type: ignore[no-untyped-def]
    allowed = signed_in(documenter_a).get(reverse("cases:incident_list")).content.decode()
    assert reverse("cases:export", args=["acts", "csv"]) in allowed
    refused = signed_in(viewer).get(reverse("cases:incident_list")).content.decode()
    assert reverse("cases:export", args=["acts", "csv"]) not in refused


def test_person_page_records_consent(documenter_a) -> None:  # type: ignore[no-untyped-def]
    person = services.person_create(actor=None, data={"first_name_ar": "هبة", "sensitivity": 1})
    client = signed_in(documenter_a)
    page = client.get(reverse("cases:person_detail", args=[person.pk])).content.decode()
    assert 'value="un_bodies"' in page
    response = client.post(reverse("cases:consent_add", args=[person.pk]), {"scope": "un_bodies"})
    assert response.status_code == 302
    assert person.consents.get().scope.code == "un_bodies"
    client.post(reverse("cases:consent_add", args=[person.pk]), {"scope": "bogus"})
    assert person.consents.count() == 1


def test_facility_page_leads_to_its_incidents(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    from mizan.core.models import Site, Term

    site = Site.objects.create(
        name_en="Facility X",
        site_type=Term.objects.get(vocabulary="site_type", code="detention_facility"),
        place_id=1,
        sensitivity=1,
    )
    incident = make_incident(unit, 1, "At the facility")
    incident.acts.update(site=site)
    make_incident(unit, 1, "Elsewhere")
    client = signed_in(documenter_a)
    page = client.get(reverse("core:site_detail", args=[site.pk])).content.decode()
    link = reverse("cases:incident_list") + f"?site={site.pk}"
    assert link in page
    listing = client.get(link).content.decode()
    assert "At the facility" in listing and "Elsewhere" not in listing


def test_detail_pages_issue_a_bounded_number_of_queries(
    documenter_a, unit, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    small = make_incident(unit, 1, "small")
    with django_assert_max_num_queries(40) as first:
        client.get(reverse("cases:incident_detail", args=[small.pk]))
        client.get(reverse("cases:statistics"))
        client.get(reverse("cases:person_detail", args=[small.acts.get().victim_id]))
    big = services.incident_record(
        actor=None,
        incident={"title_en": "big", "sensitivity": 1},
        victims=[
            services.VictimAct(act_type="torture", new_person={"first_name_ar": f"س{n}"})
            for n in range(12)
        ],
        perpetrators=[services.Perpetrator(degree="ordered", unit=unit)],
        sources=[],
    )
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("cases:incident_detail", args=[big.pk]))
        client.get(reverse("cases:statistics"))
        client.get(reverse("cases:person_detail", args=[big.acts.first().victim_id]))


def test_chart_geometry_is_not_localised(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    """Arabic number formatting (٫) inside SVG attributes would make the bars vanish."""
    import re

    make_incident(unit, 1, "a")
    make_incident(unit, 1, "b")
    services.incident_record(
        actor=None,
        incident={"title_en": "c", "sensitivity": 1},
        victims=[services.VictimAct(act_type="arrest", new_person={"first_name_ar": "ع"})],
        perpetrators=[],
        sources=[],
    )
    body = signed_in(documenter_a, language="ar").get(reverse("cases:statistics")).content
    widths = re.findall(rb'<rect x="0" y="[0-9]+" width="([^"]+)"', body)
    assert widths and all(re.fullmatch(rb"[0-9]+(\.[0-9]+)?", w) for w in widths), widths


def test_units_tree_and_adding_a_unit(documenter_a, viewer, unit) -> None:  # type: ignore[no-untyped-def]
    from mizan.core.models import AuditEntry

    client = signed_in(documenter_a)
    response = client.post(
        reverse("cases:unit_list"),
        {"name_ar": "فرع فرعي", "name_en": "Sub-branch", "parent": unit.pk, "sensitivity": 1},
    )
    assert response.status_code == 302
    child = Organisation.objects.get(name_en="Sub-branch")
    assert child.parent == unit and child.search_key
    assert AuditEntry.objects.filter(
        action="create", object_id=str(child.pk), object_type="cases.organisation"
    ).exists()
    page = client.get(reverse("cases:unit_list")).content.decode()
    assert page.index("Branch 999") < page.index("Sub-branch")
    assert "unit-depth-1" in page
    refused = signed_in(viewer).post(
        reverse("cases:unit_list"), {"name_en": "Nope", "sensitivity": 1}
    )
    assert refused.status_code == 403
    assert not Organisation.objects.filter(name_en="Nope").exists()


def test_editing_a_person_and_an_incident_is_audited(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    from mizan.core.models import AuditEntry

    incident = make_incident(unit, 1, "Before")
    victim = incident.acts.get().victim
    client = signed_in(documenter_a)
    page = client.get(reverse("cases:person_edit", args=[victim.pk]))
    form = page.context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data.update(
        {
            "family_name_ar": "النجار الجديد",
            "sex": "",
            "birth_place": "",
            "birth_date_0": "",
            "sensitivity": 1,
            "identity_sensitivity": 1,
        }
    )
    response = client.post(reverse("cases:person_edit", args=[victim.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    victim.refresh_from_db()
    assert victim.family_name_ar == "النجار الجديد"
    assert victim.name_keys.exists()
    entry = AuditEntry.objects.filter(action="update", object_id=str(victim.pk)).get()
    assert entry.fields == ["family_name_ar"]
    response = client.post(
        reverse("cases:incident_edit", args=[incident.pk]),
        {"title_en": "After", "sensitivity": 1, "start_date_0": "2015", "end_date_0": "2012"},
    )
    assert response.status_code == 200  # end before start: refused
    response = client.post(
        reverse("cases:incident_edit", args=[incident.pk]),
        {"title_en": "After", "sensitivity": 1, "start_date_0": "2014", "start_date_1": "2"},
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.title_en == "After"


def test_protected_identity_cannot_be_opened_for_editing(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    witness = services.person_create(
        actor=None,
        data={
            "first_name_ar": "سري",
            "sensitivity": 1,
            "identity_sensitivity": 3,
            "pseudonym": "W-5",
        },
    )
    response = signed_in(documenter_a).get(reverse("cases:person_edit", args=[witness.pk]))
    assert response.status_code == 403
    assert "سري" not in response.content.decode()


def test_units_the_user_may_not_see_are_never_named(viewer, unit) -> None:  # type: ignore[no-untyped-def]
    from mizan.cases.statistics import charts

    secret_unit = services.organisation_create(
        actor=None, data={"name_en": "Secret unit", "name_ar": "وحدة سرية", "sensitivity": 2}
    )
    incident = services.incident_record(
        actor=None,
        incident={"title_en": "Open incident", "sensitivity": 1},
        victims=[services.VictimAct(act_type="torture", new_person={"first_name_ar": "ن"})],
        perpetrators=[
            services.Perpetrator(degree="ordered", unit=secret_unit),
            services.Perpetrator(degree="ordered", unit=unit),
        ],
        sources=[],
    )
    units_chart = {c.key: c for c in charts(viewer)}["unit"]
    assert [label for label, _ in units_chart.rows] == ["Branch 999 (test)"]
    page = signed_in(viewer).get(reverse("cases:incident_detail", args=[incident.pk]))
    body = page.content.decode()
    assert "Secret unit" not in body and "Branch 999 (test)" in body
    # One neutral count, nothing that tells the hidden perpetrator apart (not even its degree).
    assert "and 1 perpetrator you may not see" in body


def test_statistics_totals_agree_with_an_unknown_row(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    from mizan.cases.statistics import charts

    make_incident(unit, Sensitivity.INTERNAL, "Dated, with a unit")
    # Undated, without any perpetrator: it must still count under every dimension.
    services.incident_record(
        actor=None,
        incident={"title_en": "Undated", "sensitivity": Sensitivity.INTERNAL},
        victims=[
            services.VictimAct(
                act_type="torture", new_person={"first_name_ar": "هالة", "sensitivity": 1}
            )
        ],
        perpetrators=[],
        sources=[],
    )
    found = {c.key: c for c in charts(documenter_a)}
    assert {key: chart.total for key, chart in found.items()} == dict.fromkeys(found, 2)
    assert ("Unknown", 1) in found["year"].rows and ("Unknown", 1) in found["unit"].rows
