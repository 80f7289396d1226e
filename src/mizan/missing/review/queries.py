"""Reading the linkage review, always for a user (the one visibility rule, through
``selectors.records_visible_q``): the queue of candidate pairs, one pair, its fields side by
side and the per-field evidence, a person's canonical values, the cluster changes of a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mizan.cases.models import Person
from mizan.core.partial_dates import PartialDate, PartialDateError
from mizan.linkage.lists import RESIDENCE_SHOWN
from mizan.linkage.problems import TWO_DIGIT_YEARS, record_problems, two_digit_year_lists
from mizan.missing import selectors
from mizan.missing.importing import verbatim_cell
from mizan.missing.models import (
    CandidatePair,
    ClusterChange,
    SourceList,
    SourceRecord,
)
from mizan.missing.review.labels import (
    BANDS,
    FIELD_LABELS,
    PROBLEM_LABELS,
    level_label,
    weight_label,
)

# --- Reading ----------------------------------------------------------------------------------


def _visible_lists(user: Any) -> QuerySet[SourceList]:
    return SourceList.objects.visible_to(user)


def records_visible_q(user: Any, through: str) -> Q:
    """A record is as visible as its list, and as its linked person and their file (the one
    rule, in ``selectors.records_visible_q``)."""
    return selectors.records_visible_q(user, through)


@dataclass(frozen=True)
class QueueFilters:
    source_list: int | None = None
    band: str = ""


def queue(user: Any, filters: QueueFilters | None = None) -> QuerySet[CandidatePair]:
    """Undecided and unsure pairs the user may see both records of, most probable first
    (undecided before unsure). Pairs whose records already belong to one person are left out."""
    f = filters or QueueFilters()
    pairs = (
        CandidatePair.objects.filter(
            decision__in=[CandidatePair.Decision.PENDING, CandidatePair.Decision.UNSURE]
        )
        .filter(records_visible_q(user, "record_a__"), records_visible_q(user, "record_b__"))
        .filter(
            Q(record_a__person__isnull=True)
            | Q(record_b__person__isnull=True)
            | ~Q(record_a__person=F("record_b__person"))
        )
    )
    if f.source_list:
        pairs = pairs.filter(
            Q(record_a__source_list_id=f.source_list) | Q(record_b__source_list_id=f.source_list)
        )
    if f.band in BANDS:
        low, high = BANDS[f.band]
        pairs = pairs.filter(probability__gte=low, probability__lt=high)
    return pairs.select_related(
        "record_a__source_list", "record_b__source_list", "record_a__person", "record_b__person"
    ).order_by("decision", "-probability", "pk")


def visible_pair(user: Any, pk: int) -> CandidatePair | None:
    return (
        CandidatePair.objects.filter(pk=pk)
        .filter(records_visible_q(user, "record_a__"), records_visible_q(user, "record_b__"))
        .select_related(
            "record_a__source_list",
            "record_b__source_list",
            "record_a__person",
            "record_b__person",
            "decided_by",
        )
        .first()
    )


RECORD_FIELDS = (
    ("full_name", gettext_lazy("Full name")),
    ("first_name", gettext_lazy("First name")),
    ("father_name", gettext_lazy("Father's name")),
    ("grandfather_name", gettext_lazy("Grandfather's name")),
    ("family_name", gettext_lazy("Family name")),
    ("mother_name", gettext_lazy("Mother's name")),
    ("sex", gettext_lazy("Sex")),
    ("birth_year", gettext_lazy("Year of birth")),
    ("birth_place", gettext_lazy("Place of birth")),
    ("national_id", gettext_lazy("National ID number")),
    ("date_of_arrest", gettext_lazy("Date of arrest")),
    ("place_of_arrest", gettext_lazy("Place of arrest")),
)


SEX_LABELS = {"male": gettext_lazy("Male"), "female": gettext_lazy("Female")}


def shown_value(record: SourceRecord, name: str) -> str:
    value = getattr(record, name)
    if value in (None, ""):
        return ""
    if name == "sex":
        return str(SEX_LABELS.get(value, value))
    if name == "date_of_arrest":
        try:
            return PartialDate.from_storage(value).display()
        except (PartialDateError, ValueError):
            return str(value)
    return str(value)


def side_by_side(pair: CandidatePair) -> list[tuple[str, str, str, bool]]:
    """(label, value in A, value in B, whether they differ) for every parsed field."""
    rows = []
    for name, label in RECORD_FIELDS:
        a, b = shown_value(pair.record_a, name), shown_value(pair.record_b, name)
        if a or b:
            rows.append((str(label), a, b, a.casefold() != b.casefold()))
    return rows


# How many of a list's records without a stored year of birth tell whether its two-digit years
# are years (``writes_two_digit_years``): the median of a sample this large is the list's.
TWO_DIGIT_SAMPLE = 2000


def writes_two_digit_years(source_list_id: int) -> bool:
    """Whether a source list writes its years of birth with two digits («85»), as the matching
    reads the list (``mizan.linkage.problems.two_digit_year_lists``, on the cells the import
    could not store as a year: the first ``TWO_DIGIT_SAMPLE`` of them)."""
    raws = (
        SourceRecord.objects.filter(source_list_id=source_list_id, birth_year__isnull=True)
        .order_by("pk")
        .values_list("raw", flat=True)[:TWO_DIGIT_SAMPLE]
    )
    cells = [{"birth_year": verbatim_cell(raw, "birth_year")} for raw in raws]
    return bool(two_digit_year_lists(cells, ["list"] * len(cells)))


def record_flags(record: SourceRecord) -> list[dict[str, str]]:
    """The implausible values of a record (``mizan.linkage.problems``), read from the row as it
    was in the file: what the reviewer must know was compared as missing or digit by digit."""
    values = {
        "birth_year": "" if record.birth_year is None else str(record.birth_year),
        "national_id": record.national_id,
        "date_of_arrest": record.date_of_arrest,
    }
    for column in values:
        # As the file wrote it; a row kept from a header that no longer reads: the parsed value.
        values[column] = verbatim_cell(record.raw, column) or values[column]
    if record.birth_year is None and writes_two_digit_years(record.source_list_id):
        # «85» is 1985 in such a list, as the matching read it (``mark_two_digit_years``).
        values[TWO_DIGIT_YEARS] = "1"
    return [
        {
            "field": problem.field,
            "label": str(FIELD_LABELS.get(_EVIDENCE_FIELD.get(problem.field, ""), problem.field)),
            "value": problem.value,
            "problem": str(PROBLEM_LABELS.get(problem.code, problem.code)),
            "code": problem.code,
        }
        for problem in record_problems(values)
    ]


_EVIDENCE_FIELD = {
    "birth_year": "birth_year",
    "national_id": "national_id",
    "date_of_arrest": "date_of_arrest",
}


# A place of residence the matching compared as the place of birth (``linkage.lists.
# RESIDENCE_SHOWN``), its words translated.
_RESIDENCE_SHOWN = RESIDENCE_SHOWN.split("{place}")[1]


def _evidence_value(item: dict[str, Any], key: str) -> str:
    value = str(item.get(key) or "")
    if item.get("field") == "birth_place" and value.endswith(_RESIDENCE_SHOWN):
        place = value[: -len(_RESIDENCE_SHOWN)]
        # The place isolated (<bdi>): «حرستا» first in an English cell read "place of) حرستا
        # (residence" (seen in the demo).
        shown = conditional_escape(_("%(place)s (place of residence)"))
        return mark_safe(shown % {"place": format_html("<bdi>{}</bdi>", place)})  # noqa: S308
    if item.get("field") == "sex":
        return str(SEX_LABELS.get(value, value))
    if item.get("field") == "date_of_arrest" and value:
        try:
            return PartialDate.from_storage(value).display()
        except (PartialDateError, ValueError):
            return value
    return value


def evidence_rows(pair: CandidatePair) -> list[dict[str, Any]]:
    rows = []
    for item in pair.evidence:
        weight = float(item.get("weight") or 0.0)
        value_a, value_b = _evidence_value(item, "value_a"), _evidence_value(item, "value_b")
        level = item.get("level", "")
        # The mother's name has no level of its own for one spelling: «ريم» and «ريم» are "the
        # same name", which the reviewer reads as the same spelling, not "another spelling".
        shown = (
            "same spelling" if level == "same name" and value_a and value_a == value_b else level
        )
        rows.append(
            {
                "field": item.get("field", ""),
                "label": str(FIELD_LABELS.get(item.get("field", ""), item.get("field", ""))),
                "value_a": value_a,
                "value_b": value_b,
                "level": level,
                "level_label": level_label(shown),
                "weight": weight,
                "weight_label": weight_label(weight),
                "kind": "for" if weight >= 1 else ("against" if weight <= -1 else "neutral"),
            }
        )
    return rows


@dataclass
class CanonicalValue:
    value: str
    lists: list[SourceList] = field(default_factory=list)


@dataclass
class CanonicalField:
    name: str
    label: str
    values: list[CanonicalValue]


def _fold(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().casefold()


def canonical(user: Any, person: Person) -> tuple[list[CanonicalField], list[SourceRecord]]:
    """Each field of the person as the linked records give it: the distinct values, each with
    the source lists that support it (most supported first). Only lists the user may see."""
    records = list(
        SourceRecord.objects.filter(person=person)
        .filter(records_visible_q(user, ""))
        .select_related("source_list")
        .order_by("source_list__name", "row_number")
    )
    fields = []
    for name, label in RECORD_FIELDS:
        found: dict[str, CanonicalValue] = {}
        for record in records:
            value = shown_value(record, name)
            if not value:
                continue
            entry = found.setdefault(_fold(value), CanonicalValue(value))
            if record.source_list not in entry.lists:
                entry.lists.append(record.source_list)
        if found:
            values = sorted(found.values(), key=lambda v: (-len(v.lists), v.value))
            fields.append(CanonicalField(name, str(label), values))
    return fields, records


def changes_of(person: Person) -> QuerySet[ClusterChange]:
    return ClusterChange.objects.filter(Q(from_person=person) | Q(to_person=person)).select_related(
        "actor", "undone_by"
    )
