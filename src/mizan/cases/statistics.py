"""Counts of acts for the statistics page; every count goes through the permission layer.

The counts come from the summary table ``ActTally`` (see ``mizan.cases.tallies``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from mizan.cases.models import Act, ActTally, Organisation
from mizan.core.bilingual import pick
from mizan.core.charts import Chart
from mizan.core.models import Place, Term


def _sorted(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def charts(user: Any) -> list[Chart]:
    """Sums of the summary table over the rows the user may see (the permission layer's rule).

    Reads ``ActTally`` (kept by the services, see ``mizan.cases.tallies``): one grouped query on
    a table of a few hundred rows, then the labels — a constant number of queries whatever the
    number of acts.
    """
    sums: dict[str, dict[str, int]] = {}
    rows = (
        ActTally.objects.visible_to(user)
        .filter(acts__gt=0)
        .values_list("dimension", "value")
        .annotate(total=Sum("acts"))
        .order_by()
    )
    for dimension, value, total in rows:
        if total:
            sums.setdefault(dimension, {})[value] = total
    unknown = str(_("Unknown"))

    def ids(dimension: str) -> list[int]:
        return [int(v) for v in sums.get(dimension, {}) if v.isdigit()]

    terms = {
        str(t.pk): pick(t.label_ar, t.label_en)
        for t in Term.objects.filter(pk__in=ids("act_type") + ids("sex"))
    }
    places = {
        str(p.pk): pick(p.name_ar, p.name_en)
        for p in Place.objects.filter(pk__in=ids("governorate"))
    }
    # Only units the user may see are named or counted (a confidential unit stays unnamed).
    units = {
        str(u.pk): u.name for u in Organisation.objects.visible_to(user).filter(pk__in=ids("unit"))
    }

    def labelled(dimension: str, labels: dict[str, str]) -> list[tuple[str, int]]:
        merged: dict[str, int] = {}
        for value, count in sums.get(dimension, {}).items():
            label = labels.get(value) or unknown
            merged[label] = merged.get(label, 0) + count
        return _sorted(list(merged.items()))

    age_labels = {value: str(label) for value, label in Act.AgeGroup.choices}
    # Every chart ends with its "Unknown" row (acts without that value), so each adds up to
    # the same total as "Acts by type". Only the top 15 units are named; an act with several
    # units counts under each, and a unit the user may not see is neither named nor counted.
    unit_sums = sums.get("unit", {})
    by_unit = _sorted([(units[v], n) for v, n in unit_sums.items() if units.get(v)])[:15] + (
        [(unknown, unit_sums[""])] if unit_sums.get("") else []
    )
    years = sums.get("year", {})
    by_year = sorted((y, n) for y, n in years.items() if y) + (
        [(unknown, years[""])] if years.get("") else []
    )
    return [
        Chart("act_type", _("Acts by type"), labelled("act_type", terms)),
        Chart("year", _("Acts by year"), by_year),
        Chart("governorate", _("Acts by governorate"), labelled("governorate", places)),
        Chart("unit", _("Acts by perpetrator unit (top 15)"), by_unit),
        Chart("sex", _("Acts by sex of the victim"), labelled("sex", terms)),
        Chart("age_group", _("Acts by age group of the victim"), labelled("age_group", age_labels)),
    ]
