"""Demo data of the shared kernel: case teams and sites. Synthetic; idempotent."""

from __future__ import annotations

from typing import Any

from mizan.core.models import Place, Site, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity

TEAMS = [
    ("detention-files", "Detention and torture files", "ملفات الاعتقال والتعذيب"),
    ("missing-registry", "Registry of the missing", "سجل المفقودين"),
]

# Well-documented public facilities plus clearly synthetic restricted sites.
SITES: list[dict[str, Any]] = [
    {
        "name_en": "Saydnaya Military Prison",
        "name_ar": "سجن صيدنايا العسكري",
        "type": "detention_facility",
        "facility": "military_prison",
        "place": "Saydnaya",
        "sensitivity": Sensitivity.PUBLIC,
        "from": "1987",
    },
    {
        "name_en": "Military Intelligence Branch 215",
        "name_ar": "فرع المخابرات العسكرية 215",
        "type": "detention_facility",
        "facility": "military_intelligence_branch",
        "place": "Damascus",
        "sensitivity": Sensitivity.PUBLIC,
    },
    {
        "name_en": "Air Force Intelligence, Mezzeh airport",
        "name_ar": "المخابرات الجوية - مطار المزة",
        "type": "detention_facility",
        "facility": "air_force_intelligence",
        "place": "Damascus",
        "sensitivity": Sensitivity.PUBLIC,
    },
    {
        "name_en": "Adra Central Prison",
        "name_ar": "سجن عدرا المركزي",
        "type": "detention_facility",
        "facility": "civil_prison",
        "place": "Douma",
        "sensitivity": Sensitivity.PUBLIC,
    },
    {
        "name_en": "Makeshift detention site (demo) in a school",
        "name_ar": "مكان احتجاز مؤقت في مدرسة (تجريبي)",
        "type": "detention_facility",
        "facility": "makeshift_detention",
        "place": "Darayya",
        "sensitivity": Sensitivity.INTERNAL,
        "from": "~2012-08",
        "until": "2013",
    },
    {
        "name_en": "Suspected burial site (demo), eastern farmland",
        "name_ar": "موقع دفن مشتبه به (تجريبي)، الأراضي الزراعية الشرقية",
        "type": "mass_grave",
        "place": "Al-Qutayfah",
        "sensitivity": Sensitivity.CONFIDENTIAL,
        "from": "~2014",
    },
    {
        "name_en": "Mass grave site (demo) under investigation",
        "name_ar": "موقع مقبرة جماعية قيد التحقيق (تجريبي)",
        "type": "mass_grave",
        "place": "At-Tall",
        "sensitivity": Sensitivity.RESTRICTED,
        "team": "detention-files",
        "from": "2013-05",
        "until": "~2015",
    },
    {
        "name_en": "Archaeological site (demo) with looting reports",
        "name_ar": "موقع أثري (تجريبي) مع تقارير عن نهب",
        "type": "archaeological_site",
        "place": "Palmyra",
        "sensitivity": Sensitivity.INTERNAL,
    },
    {
        "name_en": "Seized family property (demo)",
        "name_ar": "عقار عائلي مستولى عليه (تجريبي)",
        "type": "property",
        "place": "Harasta",
        "sensitivity": Sensitivity.CONFIDENTIAL,
        "team": "missing-registry",
        "from": "2018-04-02",
    },
]


def _place(name_en: str) -> Place:
    place = (
        Place.objects.filter(name_en__iexact=name_en, kind=Place.Kind.TOWN).first()
        or Place.objects.filter(name_en__icontains=name_en).order_by("kind").first()
    )
    if place is None:
        raise LookupError(f"demo place {name_en!r} is not in places.json")
    return place


def load(stdout: Any, show_credentials: bool = True) -> None:
    from mizan.core.services import site_create

    for slug, name_en, name_ar in TEAMS:
        Team.objects.get_or_create(slug=slug, defaults={"name_en": name_en, "name_ar": name_ar})
    created = 0
    for row in SITES:
        if Site.objects.filter(name_en=row["name_en"]).exists():
            continue
        data: dict[str, Any] = {
            "name_en": row["name_en"],
            "name_ar": row["name_ar"],
            "site_type": Term.objects.get(vocabulary="site_type", code=row["type"]),
            "facility_type": (
                Term.objects.get(vocabulary="facility_type", code=row["facility"])
                if row.get("facility")
                else None
            ),
            "place": _place(row["place"]),
            "sensitivity": row["sensitivity"],
            "team": Team.objects.get(slug=row["team"]) if row.get("team") else None,
            "in_use_from": PartialDate.parse(row["from"]) if row.get("from") else None,
            "in_use_until": PartialDate.parse(row["until"]) if row.get("until") else None,
        }
        site_create(actor=None, data=data)
        created += 1
    stdout.write(f"Sites: {created} added, {Site.objects.count()} in all.")
