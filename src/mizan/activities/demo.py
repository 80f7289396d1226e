"""Demo activities: a year of synthetic workshops, meetings and lectures under two projects of two
synthetic donors, mostly counted, two with attendance lists of synthetic people, some published
on the public list of completed work and one limited to the registry team. Idempotent.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from mizan.activities import services
from mizan.activities.models import (
    AGE_BAND,
    PARTICIPANT_GROUP,
    Activity,
    Indicator,
    Output,
    Project,
)
from mizan.cases import services as cases_services
from mizan.cases.models import Organisation
from mizan.cases.synthetic import person
from mizan.core.audit import Action, audit_record
from mizan.core.models import Place, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity

ACTOR = None  # the demo data is written by no user (audited as such)

ORGANISATIONS = [
    (
        "demo-donor-ministry",
        "وزارة خارجية مانحة (تجريبية)",
        "Donor foreign ministry (demo)",
        "donor_government",
    ),
    (
        "demo-donor-foundation",
        "مؤسسة مانحة لحقوق الإنسان (تجريبية)",
        "Human-rights foundation (demo donor)",
        "donor_government",
    ),
    (
        "demo-partner-lawyers",
        "رابطة المحامين الأحرار (تجريبية)",
        "Free Lawyers' Association (demo)",
        "association",
    ),
    (
        "demo-partner-women",
        "شبكة النساء للعدالة (تجريبية)",
        "Women for Justice Network (demo)",
        "ngo",
    ),
]
PROJECTS: list[dict[str, Any]] = [
    {
        "code": "TJ-DEMO",
        "title_ar": "العدالة الانتقالية من أجل الضحايا (تجريبي)",
        "title_en": "Transitional justice for victims (demo)",
        "donor": "Donor foreign ministry (demo)",
        "indicators": [
            (
                "workshops",
                "ورش عمل في العدالة الانتقالية",
                "Workshops on transitional justice",
                "activities",
                "workshop",
                8,
            ),
            (
                "participants",
                "عدد المشاركين والمشاركات",
                "Participants reached",
                "participants",
                None,
                300,
            ),
            (
                "women-share",
                "نسبة مشاركة النساء",
                "Share of women taking part (%)",
                "women_share",
                None,
                40,
            ),
        ],
    },
    {
        "code": "FAM-DEMO",
        "title_ar": "عائلات المفقودين في قلب المساءلة (تجريبي)",
        "title_en": "Families of the missing at the heart of accountability (demo)",
        "donor": "Human-rights foundation (demo donor)",
        "indicators": [
            (
                "meetings",
                "لقاءات مع عائلات المفقودين",
                "Meetings with families of the missing",
                "activities",
                "focused_meeting",
                6,
            ),
            ("women", "النساء المشاركات", "Women and girls taking part", "women", None, 120),
            (
                "outputs",
                "مخرجات (أوراق، توصيات، تقارير)",
                "Outputs (papers, recommendations, reports)",
                "outputs",
                None,
                5,
            ),
        ],
    },
]
# (type, title_ar, title_en, place code or name, project, topics, groups, published)
PLAN = [
    (
        "workshop",
        "ورشة عمل حول العدالة الانتقالية",
        "Workshop on transitional justice",
        "Afrin",
        "TJ-DEMO",
        ["transitional_justice"],
        ["survivors", "hrds"],
        True,
    ),
    (
        "workshop",
        "ورشة عمل حول العدالة الانتقالية",
        "Workshop on transitional justice",
        "Azaz",
        "TJ-DEMO",
        ["transitional_justice"],
        ["survivors", "families_missing"],
        True,
    ),
    (
        "workshop",
        "ورشة عمل حول العدالة الانتقالية",
        "Workshop on transitional justice",
        "Gaziantep",
        "TJ-DEMO",
        ["transitional_justice", "womens_participation"],
        ["hrds", "lawyers"],
        True,
    ),
    (
        "focused_meeting",
        "لقاء مركّز بين عائلات المفقودين والمؤسسة المستقلة",
        "Focused meeting of families of the missing with the IIMP",
        "Gaziantep",
        "FAM-DEMO",
        ["enforced_disappearance"],
        ["families_missing"],
        False,
    ),
    (
        "workshop",
        "ورشة حول الاستعراض الدوري الشامل",
        "UPR workshop with a lawyers' association",
        "Istanbul",
        "TJ-DEMO",
        ["upr"],
        ["lawyers", "hrds"],
        True,
    ),
    (
        "lecture",
        "محاضرة عن الاختفاء القسري",
        "Lecture on enforced disappearance",
        "Berlin",
        "FAM-DEMO",
        ["enforced_disappearance", "accountability"],
        ["hrds", "families_missing", "international"],
        True,
    ),
    (
        "dialogue_session",
        "جلسة حوارية مع الناجين من الهجمات الكيميائية",
        "Dialogue session with survivors of the chemical attacks",
        "Idlib",
        "TJ-DEMO",
        ["chemical_weapons"],
        ["survivors"],
        False,
    ),
    (
        "conference",
        "مشاركة في مؤتمر جنيف حول المفقودين",
        "Conference on the missing, Geneva",
        "Geneva",
        "FAM-DEMO",
        ["enforced_disappearance"],
        ["international", "officials"],
        True,
    ),
    (
        "training",
        "تدريب على توثيق الاعتقال",
        "Training on documenting detention",
        "Gaziantep",
        "TJ-DEMO",
        ["detention", "documentation"],
        ["hrds"],
        False,
    ),
    (
        "seminar",
        "ندوة حقوق السكن والأرض والملكية",
        "Seminar on housing, land and property",
        "Azaz",
        "TJ-DEMO",
        ["hlp"],
        ["families_missing", "lawyers"],
        True,
    ),
    (
        "focused_meeting",
        "لقاء مركّز مع أمهات المفقودين",
        "Focused meeting with mothers of the missing",
        "Istanbul",
        "FAM-DEMO",
        ["enforced_disappearance", "womens_participation"],
        ["families_missing"],
        False,
    ),
    (
        "conference",
        "مشاركة في مؤتمر بروكسل",
        "Brussels conference: a paper on accountability",
        "Brussels",
        "FAM-DEMO",
        ["accountability"],
        ["international", "media"],
        True,
    ),
    (
        "workshop",
        "ورشة عمل حول مشاركة المرأة في العدالة",
        "Workshop on women's participation in justice",
        "Afrin",
        "TJ-DEMO",
        ["womens_participation", "transitional_justice"],
        ["survivors", "hrds"],
        True,
    ),
    (
        "hearing_attendance",
        "حضور جلسة محاكمة في أوروبا",
        "Attending a universal-jurisdiction hearing",
        "Paris",
        "FAM-DEMO",
        ["accountability"],
        ["families_missing"],
        True,
    ),
    (
        "field_visit",
        "زيارة ميدانية لعائلات المفقودين",
        "Field visit to families of the missing",
        "Azaz",
        "FAM-DEMO",
        ["enforced_disappearance"],
        ["families_missing"],
        False,
    ),
    (
        "lecture",
        "محاضرة أمام المدافعين والدبلوماسيين",
        "Lecture to defenders, families and diplomats",
        "Istanbul",
        "TJ-DEMO",
        ["transitional_justice"],
        ["hrds", "families_missing", "international"],
        True,
    ),
]


def _organisations() -> dict[str, Organisation]:
    found = {}
    for _slug, name_ar, name_en, kind in ORGANISATIONS:
        org = Organisation.objects.filter(
            name_en=name_en
        ).first() or cases_services.organisation_create(
            actor=ACTOR,
            data={
                "name_ar": name_ar,
                "name_en": name_en,
                "org_type": Term.objects.get(vocabulary="org_type", code=kind),
                "sensitivity": Sensitivity.PUBLIC,
            },
        )
        found[name_en] = org
    return found


def _projects(organisations: dict[str, Organisation], start: date) -> dict[str, Project]:
    projects = {}
    for spec in PROJECTS:
        project = Project.objects.filter(code=spec["code"]).first()
        if project is None:
            project = Project.objects.create(
                code=spec["code"],
                title_ar=spec["title_ar"],
                title_en=spec["title_en"],
                donor=organisations[spec["donor"]],
                starts_on=start,
                ends_on=start + timedelta(days=730),
            )
            audit_record(actor=ACTOR, action=Action.CREATE, target=project, fields=["code"])
            for code, label_ar, label_en, measure, activity_type, target in spec["indicators"]:
                Indicator.objects.create(
                    project=project,
                    code=code,
                    label_ar=label_ar,
                    label_en=label_en,
                    measure=measure,
                    activity_type=(
                        Term.objects.get(vocabulary="activity_type", code=activity_type)
                        if activity_type
                        else None
                    ),
                    target=target,
                )
        projects[project.code] = project
    return projects


def _place(name: str) -> Place:
    return Place.objects.filter(name_en=name).order_by("-kind").first() or Place.objects.get(
        code=name
    )


def load(stdout: Any, show_credentials: bool = True) -> None:
    if Activity.objects.filter(projects__code="TJ-DEMO").exists():
        stdout.write(f"Activities: {Activity.objects.count()} in all (none added).")
        return
    rng = random.Random(17)  # noqa: S311 (synthetic demo data, not secrets)
    today = timezone.localdate()
    first = date(today.year - 1, today.month, 1)
    organisations = _organisations()
    projects = _projects(organisations, first)
    partners = [
        organisations["Free Lawyers' Association (demo)"],
        organisations["Women for Justice Network (demo)"],
    ]
    terms = {
        (t.vocabulary, t.code): t
        for t in Term.objects.filter(
            vocabulary__in=["activity_type", "activity_topic", PARTICIPANT_GROUP, AGE_BAND]
        )
    }
    registry = Team.objects.filter(slug="missing-registry").first()
    for index, (kind, title_ar, title_en, place, code, topics, groups, published) in enumerate(
        PLAN
    ):
        day = first + timedelta(days=int(index * 340 / len(PLAN)) + rng.randint(0, 10))
        day = min(day, today)
        sensitive = code == "FAM-DEMO" and kind in ("focused_meeting", "field_visit")
        activity = services.activity_create(
            actor=ACTOR,
            data={
                "activity_type": terms[("activity_type", kind)],
                "title_ar": title_ar,
                "title_en": title_en,
                "start_date": PartialDate(day.year, day.month, day.day),
                "place": _place(place),
                "sensitivity": Sensitivity.CONFIDENTIAL
                if sensitive
                else (Sensitivity.PUBLIC if published else Sensitivity.INTERNAL),
                "team": registry if sensitive and index % 2 else None,
                "facilitators": "فريق المنظمة (تجريبي)",
                "summary_ar": "نشاط تجريبي: كل ما فيه من أسماء وأرقام مُختلَق.",
                "summary_en": "Demonstration activity: every name and figure in it is invented.",
                "organisers": [],
                "partners": [partners[index % 2]],
                "projects": [projects[code]],
                "topics": [terms[("activity_topic", t)] for t in topics],
            },
        )
        if index in (3, 10):
            _list(activity, rng, terms, groups)
        else:
            _count(activity, rng, terms, groups)
        if kind in ("conference", "workshop") and index % 3 == 0:
            services.output_add(
                actor=ACTOR,
                activity=activity,
                data={
                    "kind": Output.Kind.RECOMMENDATIONS
                    if kind == "workshop"
                    else Output.Kind.PAPER,
                    "title": f"{title_en} — recommendations (demo)",
                },
            )
        if index % 4 == 1:
            services.follow_up_add(
                actor=ACTOR,
                activity=activity,
                data={
                    "action": "Send the recommendations to the participants (demo)",
                    "owner": "Programme team",
                    "due_on": day + timedelta(days=30),
                },
            )
        if published and activity.sensitivity == Sensitivity.PUBLIC:
            services.activity_publish(actor=ACTOR, activity=activity)
    stdout.write(
        f"Activities: {Activity.objects.count()} in all under {len(projects)} projects "
        f"({Activity.objects.filter(published=True).count()} on the public site)."
    )


def _count(
    activity: Activity, rng: random.Random, terms: dict[Any, Term], groups: list[str]
) -> None:
    total = rng.randint(15, 80)
    women = rng.randint(total // 3, total * 2 // 3)
    girls = rng.randint(0, 3) if activity.activity_type.code == "dialogue_session" else 0
    men = total - women - girls
    split = [rng.randint(1, 10) for _ in groups]
    shares = [total * s // sum(split) for s in split]
    breakdown = {terms[(PARTICIPANT_GROUP, g)]: n for g, n in zip(groups, shares, strict=True)}
    ages = [("18_29", 3), ("30_49", 4), ("50_plus", 2)]
    known = total - girls
    weights = sum(w for _c, w in ages)
    breakdown.update({terms[(AGE_BAND, c)]: known * w // weights for c, w in ages})
    if girls:
        breakdown[terms[(AGE_BAND, "under_18")]] = girls
    services.counts_set(
        actor=ACTOR,
        activity=activity,
        figures={"women": women, "men": men, "girls": girls, "boys": 0},
        breakdown=breakdown,
        with_disability=rng.randint(0, 3),
    )


def _list(
    activity: Activity, rng: random.Random, terms: dict[Any, Term], groups: list[str]
) -> None:
    for _n in range(rng.randint(8, 14)):
        someone = person(rng, sex=rng.choice(["female", "female", "male"]))
        try:
            services.participant_add(
                actor=ACTOR,
                activity=activity,
                data={
                    "full_name_ar": f"{someone.first_ar} {someone.father_ar} {someone.family_ar}",
                    "full_name_lat": f"{someone.first_lat} {someone.father_lat} "
                    f"{someone.family_lat}",
                    "sex": someone.sex,
                    "age_band": terms[(AGE_BAND, rng.choice(["18_29", "30_49", "50_plus"]))],
                    "group": terms[(PARTICIPANT_GROUP, rng.choice(groups))],
                    "disability": rng.random() < 0.1,
                    "consent": True,
                },
            )
        except ValidationError:  # a synthetic name drawn twice: skip it
            continue
