"""Recording incidents in one pass: what is saved, and what is refused with nothing saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from mizan.cases import services
from mizan.cases.models import Act, Incident, Involvement, Organisation, Person, Source
from mizan.core.models import AuditEntry, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(db: Any) -> Organisation:
    return services.organisation_create(
        actor=None,
        data={
            "name_en": "Branch 999 (test)",
            "name_ar": "الفرع 999 (اختبار)",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )


def victim(name_ar: str, act_type: str = "arbitrary_detention", **extra: Any) -> services.VictimAct:
    first, family = name_ar.split(" ", 1)
    return services.VictimAct(
        act_type=act_type, new_person={"first_name_ar": first, "family_name_ar": family}, **extra
    )


def counts() -> tuple[int, ...]:
    return (
        Incident.objects.count(),
        Person.objects.count(),
        Act.objects.count(),
        Involvement.objects.count(),
        Source.objects.count(),
        AuditEntry.objects.count(),
    )


def record(actor: Any, unit: Organisation, **overrides: Any) -> Incident:
    arguments: dict[str, Any] = {
        "actor": actor,
        "incident": {
            "title_ar": "اعتقال في حاجز",
            "start_date": PartialDate(2013, 4),
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
        "victims": [
            victim("سامر الحلبي", start_date=PartialDate(2013, 4, 7)),
            victim("رنا الحلبي", act_type="enforced_disappearance"),
        ],
        "perpetrators": [services.Perpetrator(degree="direct_perpetrator", unit=unit)],
        "sources": [
            services.SourceEntry(
                source_type="witness",
                new_person={
                    "first_name_ar": "شاهد",
                    "family_name_ar": "محمي",
                    "pseudonym": "W-1",
                    "identity_sensitivity": Sensitivity.RESTRICTED,
                },
                reliability="B",
                credibility=2,
            )
        ],
    }
    arguments.update(overrides)
    return services.incident_record(**arguments)


def test_one_pass_saves_everything_and_audits_it(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    incident = record(documenter_a, unit)
    assert incident.reference.startswith("INC-")
    acts = list(incident.acts.order_by("pk"))
    assert [a.act_type.code for a in acts] == ["arbitrary_detention", "enforced_disappearance"]
    assert all(a.involvements.get().perpetrator_unit == unit for a in acts)
    source = incident.sources.get()
    assert set(source.acts.all()) == set(acts)
    assert source.person.display_name_for(documenter_a) == "W-1"  # confidential < restricted
    created = AuditEntry.objects.filter(action="create")
    assert created.filter(object_type="cases.incident", object_id=str(incident.pk)).exists()
    assert created.filter(object_type="cases.act").count() == 2
    assert created.filter(object_type="cases.person").count() == 3


@pytest.mark.parametrize(
    "change",
    [
        {"victims": []},
        {"victims": [victim("سامر الحلبي", act_type="no_such_act")]},
        {
            "victims": [
                victim("سامر الحلبي", start_date=PartialDate(2014), end_date=PartialDate(2012))
            ]
        },
        {
            "incident": {
                "title_ar": "x",
                "start_date": PartialDate(2015),
                "end_date": PartialDate(2011),
                "sensitivity": 1,
            }
        },
        {"victims": [services.VictimAct(act_type="torture")]},  # an act without a victim
        {"sources": [services.SourceEntry(source_type="rumour")]},
    ],
)
def test_bad_input_saves_nothing(documenter_a, unit, change) -> None:  # type: ignore[no-untyped-def]
    before = counts()
    with pytest.raises(ValidationError):
        record(documenter_a, unit, **change)
    assert counts() == before


def test_act_before_birth_is_refused(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    person = services.person_create(
        actor=None,
        data={"first_name_ar": "نور", "family_name_ar": "الشامي", "birth_date": PartialDate(2000)},
    )
    with pytest.raises(ValidationError, match="before the victim's birth"):
        record(
            documenter_a,
            unit,
            victims=[
                services.VictimAct(act_type="arrest", person=person, start_date=PartialDate(1995))
            ],
        )


def test_victim_cannot_be_their_own_perpetrator(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    person = services.person_create(
        actor=None, data={"first_name_ar": "ماهر", "family_name_ar": "الخطيب"}
    )
    before = counts()
    with pytest.raises(ValidationError, match="own perpetrator"):
        record(
            documenter_a,
            unit,
            victims=[services.VictimAct(act_type="torture", person=person)],
            perpetrators=[services.Perpetrator(degree="ordered", person=person)],
        )
    assert counts() == before


def test_bidi_controls_in_names_are_refused(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    before = counts()
    with pytest.raises(ValidationError):
        record(
            documenter_a,
            unit,
            victims=[
                services.VictimAct(act_type="torture", new_person={"first_name_ar": "سامر\u202e"})
            ],
        )
    assert counts() == before


def test_vocabularies_are_seeded() -> None:
    for vocabulary in (
        "act_type",
        "torture_method",
        "involvement_degree",
        "act_status",
        "legal_qualification",
        "org_type",
        "consent_scope",
        "recipient_category",
    ):
        assert Term.objects.of(vocabulary).exists(), vocabulary
    assert Term.objects.get(vocabulary="legal_qualification", code="rs_7_1_i")


def test_new_persons_inherit_the_incidents_protection(documenter_a, viewer, unit, team_a) -> None:  # type: ignore[no-untyped-def]
    incident = record(
        documenter_a,
        unit,
        incident={"title_ar": "سري", "sensitivity": Sensitivity.CONFIDENTIAL, "team": team_a},
    )
    for act in incident.acts.all():
        assert act.victim.sensitivity == Sensitivity.CONFIDENTIAL
        assert act.victim.team == team_a
    assert not Person.objects.visible_to(viewer).filter(first_name_ar="سامر").exists()


@pytest.mark.parametrize(
    ("born", "act", "expected"),
    [
        (PartialDate(1990), PartialDate(2019), "adult"),
        (PartialDate(2005), PartialDate(2013, 4, 7), "child"),
        (PartialDate(1950, 1, 1), PartialDate(2013), "elderly"),
        (PartialDate(1995), PartialDate(2013), "unknown"),  # 17 or 18: not settled
        (None, PartialDate(2013), "unknown"),
    ],
)
def test_age_group_is_computed_from_birth_and_act_dates(  # type: ignore[no-untyped-def]
    documenter_a, unit, born, act, expected
) -> None:
    person = services.person_create(
        actor=None, data={"first_name_ar": "نور", "family_name_ar": "الشامي", "birth_date": born}
    )
    incident = record(
        documenter_a,
        unit,
        victims=[services.VictimAct(act_type="arrest", person=person, start_date=act)],
    )
    assert incident.acts.get().victim_age_group == expected


def test_age_group_chosen_in_the_form_is_kept(documenter_a, unit) -> None:  # type: ignore[no-untyped-def]
    person = services.person_create(
        actor=None,
        data={"first_name_ar": "نور", "family_name_ar": "الشامي", "birth_date": PartialDate(1990)},
    )
    incident = record(
        documenter_a,
        unit,
        victims=[
            services.VictimAct(
                act_type="arrest", person=person, start_date=PartialDate(2019), age_group="child"
            )
        ],
    )
    assert incident.acts.get().victim_age_group == "child"
