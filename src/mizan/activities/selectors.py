"""Reads of activities, through the permission layer; and the donor report's figures.

Every figure of the donor report is computed from ``Activity.objects.visible_to(user)``: an
activity the user may not see adds nothing to any count, and no name is ever part of a report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy

from mizan.activities.models import (
    AGE_BAND,
    PARTICIPANT_GROUP,
    Activity,
    ActivityCount,
    Indicator,
    Output,
    Project,
)
from mizan.core.bilingual import pick
from mizan.core.models import Term
from mizan.core.partial_dates import chronological_order
from mizan.core.permissions import get_visible_or_404, visible_prefetch
from mizan.core.sensitivity import Sensitivity


def activities_visible_to(user: Any, *, query: str = "") -> models.QuerySet[Activity]:
    rows = (
        Activity.objects.visible_to(user)
        .select_related("activity_type", "place")
        .order_by(chronological_order("start_date").desc(), "-pk")
    )
    if query:
        rows = rows.filter(
            Q(reference__icontains=query)
            | Q(title_ar__icontains=query)
            | Q(title_en__icontains=query)
        )
    return rows


def activity_for(user: Any, pk: int) -> Activity:
    return get_visible_or_404(
        Activity.objects.select_related("activity_type", "place", "attendance_sheet", "team"),
        user,
        pk=pk,
    )


def dashboard_card(request: HttpRequest) -> dict[str, Any]:
    return {"total": Activity.objects.visible_to(request.user).count()}


def public_activities() -> models.QuerySet[Activity]:
    """The public record of completed work: published, public, no case team — nothing else;
    partners are named only when the organisation's own record is public."""
    from django.contrib.auth.models import AnonymousUser

    from mizan.cases.models import Organisation

    return (
        Activity.objects.filter(published=True, sensitivity=Sensitivity.PUBLIC, team__isnull=True)
        .select_related("activity_type", "place")
        .prefetch_related(
            visible_prefetch(
                "partners", Organisation.objects.all(), AnonymousUser(), to_attr="public_partners"
            )
        )
        .order_by(chronological_order("start_date").desc(), "-pk")
    )


def public_by_year(activities: list[Activity]) -> list[dict[str, Any]]:
    """``[{"year": 2026, "types": [{"type": term, "activities": [...]}, ...]}, ...]``."""
    years: dict[int, dict[Any, list[Activity]]] = {}
    for activity in activities:
        types = years.setdefault(activity.start_date.year, {})
        types.setdefault(activity.activity_type, []).append(activity)
    return [
        {
            "year": year,
            "count": sum(len(rows) for rows in types.values()),
            "types": [
                {"type": term, "activities": rows}
                for term, rows in sorted(types.items(), key=lambda item: item[0].sort_order)
            ],
        }
        for year, types in sorted(years.items(), reverse=True)
    ]


def projects_visible_to(user: Any, *, query: str = "") -> models.QuerySet[Project]:
    """Every project (a project holds no personal data), each with its number of indicators
    and the number of its activities the user may see."""
    rows = (
        Project.objects.select_related("donor")
        .annotate(
            indicator_count=models.Count("indicators", distinct=True),
            activity_count=models.Count(
                "activities",
                filter=Q(activities__in=Activity.objects.visible_to(user)),
                distinct=True,
            ),
        )
        .order_by("-starts_on", "code")
    )
    if query:
        rows = rows.filter(
            Q(code__icontains=query) | Q(title_ar__icontains=query) | Q(title_en__icontains=query)
        )
    return rows


def project_for(pk: int) -> Project:
    return get_object_or_404(Project.objects.select_related("donor"), pk=pk)


def project_donor(user: Any, project: Project) -> Any:
    """The donor, when the user may see its record (a project names it only then)."""
    return project.donor if project.donor.is_visible_to(user) else None


def project_report(user: Any, project: Project, today: date) -> DonorReport:
    """The project's figures over its whole period (to today while it has no end): the donor
    report's own computation, so the project page and the report never disagree."""
    end = project.ends_on or max(today, project.starts_on)
    return donor_report(user, project=project, start=project.starts_on, end=end)


def find_project(code: str) -> Project | None:
    return Project.objects.select_related("donor").filter(code=code.strip()).first()


# --- Donor report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """A row label in both languages: pages show the active one, the PDF and XLSX both."""

    en: str
    ar: str

    def __str__(self) -> str:
        return pick(self.ar, self.en)


def term_label(term: Term) -> Label:
    return Label(en=term.label_en, ar=term.label_ar)


def both(text: Any) -> Label:
    """A translatable string in English and in Arabic."""
    with translation.override("en"):
        en = str(text)
    with translation.override("ar"):
        ar = str(text)
    return Label(en=en, ar=ar)


@dataclass
class DonorReport:
    """The figures a donor asks for, for one project (or every project of a donor) and a period."""

    title: Label
    donor: Label
    start: date
    end: date
    activities: list[Activity]
    by_type: list[tuple[Label, int]]
    by_month: list[tuple[str, int]]
    sexes: dict[str, int]
    groups: list[tuple[Label, int]]
    age_bands: list[tuple[Label, int]]
    indicators: list[dict[str, Any]]
    outputs: list[tuple[Label, int]]
    per_activity: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.sexes.values())

    @property
    def female(self) -> int:
        return self.sexes["women"] + self.sexes["girls"]

    @property
    def women_share(self) -> float | None:
        return round(100 * self.female / self.total, 1) if self.total else None

    @property
    def output_total(self) -> int:
        return sum(count for _label, count in self.outputs)


def _in_period(activity: Activity, start: date, end: date) -> bool:
    # An activity counts in the period its first day may fall in (partial dates: any overlap).
    when = activity.start_date
    return when is not None and when.earliest() <= end and when.latest() >= start


def indicator_activities(indicator: Indicator, activities: list[Activity]) -> list[Activity]:
    """The activities an indicator counts: those of its type, or all of them."""
    return [
        a
        for a in activities
        if indicator.activity_type_id is None or a.activity_type_id == indicator.activity_type_id
    ]


def _indicator_value(indicator: Indicator, activities: list[Activity], outputs: int) -> float:
    rows = indicator_activities(indicator, activities)
    measure = indicator.measure
    if measure == Indicator.Measure.ACTIVITIES:
        return len(rows)
    if measure == Indicator.Measure.PARTICIPANTS:
        return sum(a.total for a in rows)
    if measure == Indicator.Measure.WOMEN:
        return sum(a.female for a in rows)
    if measure == Indicator.Measure.WOMEN_SHARE:
        total = sum(a.total for a in rows)
        return round(100 * sum(a.female for a in rows) / total, 1) if total else 0
    return outputs


def donor_report(
    user: Any,
    *,
    start: date,
    end: date,
    project: Project | None = None,
    donor: Any = None,
) -> DonorReport:
    """The report of ``project`` (or of every project of ``donor``) from ``start`` to ``end``.

    Steps: (1) the visible activities of the project(s) whose start may fall in the period;
    (2) counts by type and month; (3) participants by sex, by group and by age band, summed
    from each activity's own figures (which, for a listed activity, come from its list);
    (4) each indicator of the project(s) computed over the same activities; (5) outputs by kind.
    """
    projects = [project] if project is not None else list(Project.objects.filter(donor=donor))
    candidates = (
        Activity.objects.visible_to(user)
        .filter(projects__in=projects)
        .distinct()
        .select_related("activity_type", "place")
        .order_by(chronological_order("start_date"), "pk")
    )
    activities = [a for a in candidates if _in_period(a, start, end)]
    ids = [a.pk for a in activities]

    by_type: Counter[Term] = Counter(a.activity_type for a in activities)
    by_month: Counter[str] = Counter(
        f"{a.start_date.year:04d}-{a.start_date.month:02d}"
        if a.start_date.month
        else f"{a.start_date.year:04d}"
        for a in activities
    )
    sexes = {name: sum(getattr(a, name) for a in activities) for name in SEX_NAMES}
    breakdown: dict[str, Counter[Term]] = {PARTICIPANT_GROUP: Counter(), AGE_BAND: Counter()}
    for row in ActivityCount.objects.filter(activity_id__in=ids).select_related("term"):
        breakdown[row.term.vocabulary][row.term] += row.count
    output_rows = Counter(Output.objects.filter(activity_id__in=ids).values_list("kind", flat=True))
    outputs = [
        (both(label), output_rows[kind]) for kind, label in Output.Kind.choices if output_rows[kind]
    ]
    non_photo = sum(count for kind, count in output_rows.items() if kind != Output.Kind.PHOTO)
    indicators = [
        {
            "indicator": indicator,
            "label": Label(en=indicator.label_en, ar=indicator.label_ar),
            "target": indicator.target,
            "actual": _indicator_value(indicator, activities, non_photo),
            "percent": indicator.measure == Indicator.Measure.WOMEN_SHARE,
            # What the figure is computed over (the project page lists them under it).
            "activities": indicator_activities(indicator, activities),
        }
        for indicator in Indicator.objects.filter(project__in=projects).select_related(
            "project", "activity_type"
        )
    ]
    funder = project.donor if project is not None else donor
    return DonorReport(
        title=(
            Label(en=project.title_en, ar=project.title_ar)
            if project is not None
            else both(gettext_lazy("All projects"))
        ),
        donor=(
            Label(en=funder.name_en, ar=funder.name_ar)
            if funder is not None and funder.is_visible_to(user)
            else Label("", "")
        ),
        start=start,
        end=end,
        activities=activities,
        by_type=_rows(by_type),
        by_month=sorted(by_month.items()),
        sexes=sexes,
        groups=_rows(breakdown[PARTICIPANT_GROUP]),
        age_bands=_rows(breakdown[AGE_BAND]),
        indicators=indicators,
        outputs=outputs,
        per_activity=[
            {
                "reference": a.reference,
                "title": Label(en=a.title_en, ar=a.title_ar),
                "type": term_label(a.activity_type),
                "date": a.start_date.to_storage(),
                "place": Label(en=a.place.name_en, ar=a.place.name_ar)
                if a.place
                else Label("", ""),
                "total": a.total,
                "women": a.female,
                "share": a.women_share(),
            }
            for a in activities
        ],
    )


SEX_NAMES = ("women", "men", "girls", "boys")


def _rows(counter: Counter[Term]) -> list[tuple[Label, int]]:
    return [
        (term_label(term), count)
        for term, count in sorted(
            counter.items(), key=lambda item: (item[0].sort_order, item[0].code)
        )
    ]


def organisations_named(name: str) -> list[Any]:
    """Organisations whose Arabic or English name is ``name`` (imports name them so)."""
    from mizan.cases.models import Organisation

    name = name.strip()
    return list(Organisation.objects.filter(Q(name_ar=name) | Q(name_en__iexact=name)))
