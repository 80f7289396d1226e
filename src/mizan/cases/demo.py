"""Demo documentation data: units, synthetic persons and a few hundred incidents. Idempotent."""

from __future__ import annotations

import random
from typing import Any

from mizan.cases import services, synthetic
from mizan.cases.models import Command, Incident, Organisation
from mizan.core.models import Place, Site, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity

INCIDENTS = 300
UNITS = [
    # (key, parent key, English, Arabic, org_type)
    (
        "mid",
        None,
        "Military Intelligence Directorate",
        "شعبة المخابرات العسكرية",
        "intelligence_directorate",
    ),
    ("b215", "mid", "Branch 215 (Raids)", "الفرع 215 (فرع المداهمة)", "security_branch"),
    ("b227", "mid", "Branch 227 (Damascus region)", "الفرع 227 (فرع المنطقة)", "security_branch"),
    (
        "afi",
        None,
        "Air Force Intelligence Directorate",
        "إدارة المخابرات الجوية",
        "intelligence_directorate",
    ),
    (
        "afi_inv",
        "afi",
        "Investigation Branch, Mezzeh airport",
        "فرع التحقيق - مطار المزة",
        "security_branch",
    ),
    (
        "pol",
        None,
        "Political Security Directorate",
        "شعبة الأمن السياسي",
        "intelligence_directorate",
    ),
    ("mp", None, "Military Police", "الشرطة العسكرية", "military_unit"),
    (
        "nsag",
        None,
        "Armed group (demo) in the north",
        "فصيل مسلح (تجريبي) في الشمال",
        "non_state_armed_group",
    ),
]
ACT_MIX = [
    "arrest",
    "arbitrary_detention",
    "enforced_disappearance",
    "torture",
    "torture",
    "death_in_custody",
    "extrajudicial_killing",
    "forced_displacement",
    "property_seizure",
]


def load(stdout: Any, show_credentials: bool = True) -> None:
    if Incident.objects.filter(reference__startswith="DEMO-").exists() or Incident.objects.count():
        stdout.write(f"Incidents: {Incident.objects.count()} in all (none added).")
        return
    rng = random.Random(2011)  # noqa: S311 - synthetic demo data, not security
    units: dict[str, Organisation] = {}
    for key, parent, name_en, name_ar, org_type in UNITS:
        units[key] = services.organisation_create(
            actor=None,
            data={
                "name_en": name_en,
                "name_ar": name_ar,
                "parent": units.get(parent) if parent else None,
                "org_type": Term.objects.get(vocabulary="org_type", code=org_type),
                "sensitivity": Sensitivity.INTERNAL,
            },
        )
    male = Term.objects.get(vocabulary="sex", code="male")
    female = Term.objects.get(vocabulary="sex", code="female")
    for unit in list(units.values())[:4]:
        who = synthetic.person(rng, sex="male")
        commander = services.person_create(
            actor=None,
            data={
                "first_name_ar": who.first_ar,
                "father_name_ar": who.father_ar,
                "family_name_ar": who.family_ar,
                "first_name_lat": who.first_lat,
                "family_name_lat": who.family_lat,
                "sex": male,
                "sensitivity": Sensitivity.INTERNAL,
            },
        )
        Command.objects.create(
            organisation=unit,
            commander=commander,
            start_date=PartialDate(2011),
            end_date=PartialDate(2015),
        )
    towns = list(Place.objects.filter(kind=Place.Kind.TOWN))
    facilities = list(Site.objects.filter(site_type__code="detention_facility"))
    team = Team.objects.filter(slug="detention-files").first()
    existing_people: list[Any] = []
    for number in range(INCIDENTS):
        year = rng.randint(2011, 2024)
        month = rng.randint(1, 12)
        start = (
            PartialDate(year, month, rng.randint(1, 28))
            if rng.random() < 0.6
            else (PartialDate(year, month, approximate=rng.random() < 0.3))
        )
        place = rng.choice(towns)
        victims = []
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            if existing_people and rng.random() < 0.1:
                victims.append(
                    services.VictimAct(
                        act_type=rng.choice(ACT_MIX),
                        person=rng.choice(existing_people),
                        start_date=start,
                    )
                )
                continue
            who = synthetic.person(rng)
            victims.append(
                services.VictimAct(
                    act_type=rng.choice(ACT_MIX),
                    new_person={
                        "first_name_ar": who.first_ar,
                        "father_name_ar": who.father_ar,
                        "grandfather_name_ar": who.grandfather_ar,
                        "family_name_ar": who.family_ar,
                        "mother_name_ar": who.mother_ar,
                        "first_name_lat": who.first_lat,
                        "father_name_lat": who.father_lat,
                        "family_name_lat": who.family_lat,
                        "sex": male if who.sex == "male" else female,
                        "birth_date": PartialDate(who.birth_year),
                        "sensitivity": Sensitivity.INTERNAL,
                    },
                    start_date=start,
                    status=rng.choice(
                        [
                            "still_disappeared",
                            "released",
                            "ongoing_detention",
                            "deceased_in_custody",
                            "",
                        ]
                    ),
                    site_id=rng.choice(facilities).pk
                    if facilities and rng.random() < 0.5
                    else None,
                    age_group="adult" if year - who.birth_year >= 18 else "child",
                )
            )
        witness = synthetic.person(rng)
        sensitivity = rng.choice(
            [
                Sensitivity.INTERNAL,
                Sensitivity.INTERNAL,
                Sensitivity.CONFIDENTIAL,
                Sensitivity.RESTRICTED,
            ]
        )
        incident = services.incident_record(
            actor=None,
            incident={
                "title_ar": f"حادثة اعتقال تجريبية رقم {number + 1}",
                "title_en": f"Demo detention incident no. {number + 1}",
                "start_date": start,
                "place": place,
                "sensitivity": sensitivity,
                "team": team if sensitivity == Sensitivity.RESTRICTED else None,
                "narrative_ar": "سرد تجريبي لأغراض العرض فقط؛ الأشخاص والوقائع مختلَقة.",
                "narrative_en": "Demo narrative only; the people and facts are synthetic.",
            },
            victims=victims,
            perpetrators=[
                services.Perpetrator(
                    degree=rng.choice(["direct_perpetrator", "ordered", "command_responsibility"]),
                    unit=rng.choice(list(units.values())),
                )
            ],
            sources=[
                services.SourceEntry(
                    source_type=rng.choice(["witness", "family_member", "former_detainee"]),
                    new_person={
                        "first_name_ar": witness.first_ar,
                        "family_name_ar": witness.family_ar,
                        "first_name_lat": witness.first_lat,
                        "family_name_lat": witness.family_lat,
                        "pseudonym": f"W-{number + 1:04d}",
                        "identity_sensitivity": Sensitivity.RESTRICTED,
                        "sensitivity": Sensitivity.CONFIDENTIAL,
                    },
                    reliability=rng.choice("ABCF"),
                    credibility=rng.choice([1, 2, 3, 6]),
                )
            ],
        )
        existing_people.extend(a.victim for a in incident.acts.all())
    stdout.write(f"Incidents: {INCIDENTS} added, {Incident.objects.count()} in all.")
