"""Counts of acts for the statistics page; every count goes through the permission layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import gettext_lazy as _

from mizan.cases.models import Act
from mizan.core.bilingual import pick
from mizan.core.permissions import visibility_q


@dataclass(frozen=True)
class Chart:
    key: str
    title: Any
    rows: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    @property
    def bars(self) -> list[dict[str, Any]]:
        """Rows with their bar length in per cent of the largest (drawn as SVG, no inline CSS)."""
        top = max((count for _, count in self.rows), default=0) or 1
        return [
            {
                "label": label,
                "count": count,
                "percent": round(100 * count / top, 1),
                "y": index * 28,
            }
            for index, (label, count) in enumerate(self.rows)
        ]

    @property
    def height(self) -> int:
        return max(28, 28 * len(self.rows))


def _labelled(rows: QuerySet[Any], ar: str, en: str, fallback: str) -> list[tuple[str, int]]:
    return [(pick(r[ar] or "", r[en] or "") or fallback, r["count"]) for r in rows]


def charts(user: Any) -> list[Chart]:
    acts = Act.objects.visible_to(user)
    unknown = str(_("Unknown"))
    by_type = (
        acts.values(ar=F("act_type__label_ar"), en=F("act_type__label_en"))
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    # An act without its own date counts in its incident's year.
    by_year = (
        acts.annotate(year=Substr(Coalesce("start_date", "incident__start_date"), 1, 4))
        .filter(year__isnull=False)
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    by_governorate = (
        acts.values(ar=F("incident__governorate__name_ar"), en=F("incident__governorate__name_en"))
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    by_unit = (
        # Only units the user may see are named (a confidential unit stays unnamed).
        acts.filter(
            visibility_q(user, "involvements__perpetrator_unit__"),
            involvements__perpetrator_unit__isnull=False,
        )
        .values(
            ar=F("involvements__perpetrator_unit__name_ar"),
            en=F("involvements__perpetrator_unit__name_en"),
        )
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count")[:15]
    )
    by_sex = (
        acts.values(ar=F("victim__sex__label_ar"), en=F("victim__sex__label_en"))
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    age_labels = dict(Act.AgeGroup.choices)
    by_age = acts.values("victim_age_group").annotate(count=Count("pk")).order_by("-count")
    return [
        Chart("act_type", _("Acts by type"), _labelled(by_type, "ar", "en", unknown)),
        Chart("year", _("Acts by year"), [(r["year"], r["count"]) for r in by_year]),
        Chart(
            "governorate", _("Acts by governorate"), _labelled(by_governorate, "ar", "en", unknown)
        ),
        Chart(
            "unit", _("Acts by perpetrator unit (top 15)"), _labelled(by_unit, "ar", "en", unknown)
        ),
        Chart("sex", _("Acts by sex of the victim"), _labelled(by_sex, "ar", "en", unknown)),
        Chart(
            "age_group",
            _("Acts by age group of the victim"),
            [(str(age_labels.get(r["victim_age_group"], unknown)), r["count"]) for r in by_age],
        ),
    ]
