"""Demo registry of the missing: synthetic families, files, lists and a mass-grave document.

Only synthetic people (``mizan.cases.synthetic``). Idempotent: nothing is added once the demo
files exist. Three source lists share some national ID numbers, so the overview shows overlap.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mizan.cases import synthetic
from mizan.core.models import Place, Site, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.missing import services
from mizan.missing.importing import COLUMNS
from mizan.missing.models import FamilyContact, MissingPerson, Status

FILES = 60
LISTS = [
    ("Families' association reports (demo)", "قوائم رابطة العائلات (تجريبية)", "families", "B"),
    ("Official death notices (demo)", "إخطارات وفاة رسمية (تجريبية)", "official", "A"),
    (
        "Burial register, eastern farmland (demo)",
        "سجل دفن الأراضي الشرقية (تجريبي)",
        "mass_grave",
        "C",
    ),
]


def load(stdout: Any, show_credentials: bool = True) -> None:
    if MissingPerson.objects.filter(circumstances__startswith="(تجريبي)").exists():
        stdout.write(f"Missing persons: {MissingPerson.objects.count()} in all (none added).")
        return
    rng = random.Random(2013)  # noqa: S311 - synthetic demo data, not security
    team = Team.objects.filter(slug="missing-registry").first()
    towns = list(Place.objects.filter(kind=Place.Kind.TOWN)[:200])
    facilities = list(Site.objects.filter(site_type__code="detention_facility"))
    sexes = {code: Term.objects.get(vocabulary="sex", code=code) for code in ("male", "female")}
    relationships = ["mother", "father", "wife", "brother", "sister", "son"]
    scope = {t.code: t for t in Term.objects.of("consent_scope")}
    # What families commonly allow: internal use only; UN bodies and the IIMP; other
    # organisations as well.
    consent_bundles = [
        [scope[code] for code in codes if code in scope]
        for codes in (
            ("internal_use",),
            ("un_bodies", "iimp"),
            ("un_bodies", "iimp", "other_organisations"),
        )
    ]
    people: list[tuple[synthetic.SyntheticPerson, str, int]] = []
    for number in range(FILES):
        who = synthetic.person(rng)
        national_id = f"{rng.randint(10**10, 10**11 - 1)}"
        year = rng.randint(2011, 2019)
        file = services.missing_person_create(
            actor=None,
            data={
                "disappeared_on": PartialDate(year, rng.randint(1, 12)),
                "disappeared_at": rng.choice(towns) if towns else None,
                "circumstances": (
                    "(تجريبي) اعتُقل على حاجز، ولم تصل العائلة أي أخبار عنه منذ ذلك الحين."
                ),
                "sensitivity": Sensitivity.CONFIDENTIAL
                if number % 4 == 0
                else Sensitivity.INTERNAL,
                "team": team if number % 4 == 0 else None,
            },
            person_data={
                "first_name_ar": who.first_ar,
                "father_name_ar": who.father_ar,
                "grandfather_name_ar": who.grandfather_ar,
                "family_name_ar": who.family_ar,
                "mother_name_ar": who.mother_ar,
                "first_name_lat": who.first_lat,
                "family_name_lat": who.family_lat,
                "sex": sexes[who.sex],
                "birth_date": PartialDate(who.birth_year),
                "national_id": national_id,
            },
            source_description="(تجريبي) بلاغ من العائلة",
        )
        people.append((who, national_id, year))
        relative_who = synthetic.person(rng, sex="female")
        relative = services.relative_add(
            actor=None,
            missing_person=file,
            relationship=rng.choice(relationships),
            person_data={
                "first_name_ar": relative_who.first_ar,
                "family_name_ar": who.family_ar,
            },
            contact={
                "phone": f"+90 5{rng.randint(10, 99)} 000 {rng.randint(1000, 9999)}",
                "contact_notes": "(تجريبي) مساءً فقط؛ لا تترك رسالة أبداً.",
            },
        )
        services.family_report_add(
            actor=None,
            missing_person=file,
            data={
                "reported_by": relative,
                "reported_on": PartialDate(min(year + 1, 2024)),
                "consent_scopes": rng.choice(consent_bundles),
                "account": "(تجريبي) رواية العائلة لظروف الاعتقال.",
            },
        )
        if number % 3 == 0 and facilities:
            services.status_change_record(
                actor=None,
                missing_person=file,
                status=Status.DETAINED,
                date=PartialDate(min(year + 1, 2024)),
                facility=rng.choice(facilities),
                source_description="(تجريبي) رآه هناك معتقل مُفرج عنه.",
            )
        if number % 7 == 0:
            services.status_change_record(
                actor=None,
                missing_person=file,
                status=Status.DECEASED,
                date=PartialDate(min(year + 3, 2024)),
                source_description="(تجريبي) إخطار وفاة رسمي",
            )
            services.family_contact_add(
                actor=None,
                missing_person=file,
                data={
                    "relative": relative,
                    "kind": FamilyContact.Kind.NOTIFICATION,
                    "date": date(2024, 1, 1) + timedelta(days=number),
                    "summary": "(تجريبي) أُبلغت العائلة بإخطار الوفاة بحضور مرشدة نفسية.",
                },
            )
        elif number % 5 == 0:
            services.family_contact_add(
                actor=None,
                missing_person=file,
                data={
                    "relative": relative,
                    "kind": FamilyContact.Kind.MEETING,
                    "date": date(2024, 3, 1) + timedelta(days=number),
                    "summary": (
                        "(تجريبي) إطلاع على مستجدات البحث وشرح الخطوات مع المؤسسة "
                        "المستقلة المعنية بالمفقودين."
                    ),
                },
            )
    grave = Site.objects.filter(site_type__code="mass_grave").order_by("pk").first()
    document = None
    if grave is not None:
        document = services.grave_document_create(
            actor=None,
            data={
                "site": grave,
                "title": "Burial register (demo), 2014–2015",
                "document_date": PartialDate(2015),
                "evidence_reference": "DEMO-EV-0001",
                "persons_listed": 25,
                "sensitivity": grave.sensitivity,
                "team": grave.team,
            },
        )
    _demo_lists(rng, people, document)
    stdout.write(f"Missing persons: {FILES} added, {MissingPerson.objects.count()} in all.")


def _demo_lists(
    rng: random.Random, people: list[tuple[synthetic.SyntheticPerson, str, int]], document: Any
) -> None:
    """Three lists, each naming a different share of the demo people, imported as files."""
    import csv

    for index, (_name_en, name_ar, origin, reliability) in enumerate(LISTS):
        chosen = [p for number, p in enumerate(people) if (number + index) % (index + 2) == 0]
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "list.csv"
            with path.open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(COLUMNS)
                for number, (who, national_id, year) in enumerate(chosen, start=1):
                    full = f"{who.first_ar} {who.father_ar} {who.grandfather_ar} {who.family_ar}"
                    writer.writerow(
                        [
                            f"{origin[:3].upper()}-{number:04d}",
                            full,
                            "",
                            "",
                            "",
                            "",
                            who.mother_ar,
                            "ذكر" if who.sex == "male" else "أنثى",
                            who.birth_year,
                            "",
                            national_id,
                            str(year),
                            "",
                        ]
                    )
            source = services.source_list_create(
                actor=None,
                data={
                    "name": name_ar,  # the organisation works in Arabic
                    "origin": origin,
                    "reliability": reliability,
                    "list_date": PartialDate(2024 - index),
                    "grave_document": document if origin == "mass_grave" else None,
                    "sensitivity": Sensitivity.INTERNAL,
                },
            )
            services.source_list_import(actor=None, source_list=source, path=path)
    del rng
