"""Reads of the registry; each takes the user and applies the permission layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.charts import Chart as Table
from mizan.core.permissions import (
    effective_clearance,
    get_visible_or_404,
    visibility_q,
    visible_prefetch,
)
from mizan.missing.models import (
    FamilyContact,
    FamilyReport,
    GraveDocument,
    MissingPerson,
    Relative,
    SourceList,
    SourceRecord,
    Status,
    StatusChange,
)
from mizan.text import tokens


@dataclass(frozen=True)
class RegistryFilters:
    query: str = ""
    status: str = ""
    governorate: str = ""
    year: int | None = None
    source_list: int | None = None


def registry_visible_to(
    user: Any, filters: RegistryFilters | None = None
) -> QuerySet[MissingPerson]:
    """Files the user may see; the person's own visibility applies too (one Person table)."""
    f = filters or RegistryFilters()
    files = (
        MissingPerson.objects.visible_to(user)
        .filter(visibility_q(user, "person__"), merged_into__isnull=True)
        .select_related("person", "governorate")
    )
    if f.status:
        files = files.filter(status=f.status)
    if f.governorate:
        files = files.filter(governorate__code=f.governorate)
    if f.year:
        files = files.filter(disappearance_year=f.year)
    if f.source_list:
        # In the list by identity: a record linked to the person, or (until the review links
        # records) a record giving the person's national ID number.
        in_list = SourceRecord.objects.filter(source_list_id=f.source_list)
        files = files.filter(
            Q(person__in=in_list.filter(person__isnull=False).values("person_id"))
            | Q(
                person__national_id__in=in_list.exclude(national_id="").values("national_id"),
                person__national_id__gt="",
            )
        )
    if f.query:
        # Names are searched only among persons whose name the user may see: a match on a
        # protected name would disclose that the protected person is in the registry.
        name_visible = Q(person__identity_sensitivity__lte=effective_clearance(user))
        for word in tokens(f.query):
            files = files.filter(
                (name_visible & Q(person__search_key__contains=word)) | Q(reference__icontains=word)
            )
    return files.order_by("-pk")


def records_visible_q(user: Any, through: str = "") -> Q:
    """The visibility rule of a list record, as a condition (``through`` a relation).

    A record is as visible as its list; a record linked to a person is that person's data as
    well (name, national ID, mother's name): it is visible only to who may see the person's
    record, the person's name (identity level) and, if the person has a file in the registry,
    that file. Otherwise a list record would show what the person's own pages refuse.
    """
    person = f"{through}person__"
    linked_visible = (
        visibility_q(user, person)
        & Q(**{f"{person}identity_sensitivity__lte": effective_clearance(user)})
        & (
            Q(**{f"{person}missing_file__isnull": True})
            | visibility_q(user, f"{person}missing_file__")
        )
    )
    return visibility_q(user, f"{through}source_list__") & (
        Q(**{f"{through}person__isnull": True}) | linked_visible
    )


def relatives_visible_to(user: Any) -> QuerySet[Relative]:
    """Relatives whose person the user may see (a relative out of reach is left out)."""
    return Relative.objects.filter(visibility_q(user, "person__")).select_related(
        "person", "relationship"
    )


def missing_file(user: Any, pk: int) -> MissingPerson:
    queryset = (
        MissingPerson.objects.filter(visibility_q(user, "person__"))
        .select_related(
            "person", "person__sex", "disappeared_at", "governorate", "team", "merged_into"
        )
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.select_related(
                    "facility", "source_list", "recorded_by"
                ),
            ),
            Prefetch("relatives", queryset=relatives_visible_to(user)),
            Prefetch(
                "reports",
                queryset=FamilyReport.objects.select_related(
                    "reported_by__person"
                ).prefetch_related("consent_scopes"),
            ),
            Prefetch(
                "contacts",
                queryset=FamilyContact.objects.select_related("relative__person", "recorded_by"),
            ),
        )
    )
    return get_visible_or_404(queryset, user, pk=pk)


def timeline(file: MissingPerson, user: Any) -> list[StatusChange]:
    """Status changes in order of date (undated last, in the order recorded)."""
    changes = list(file.status_changes.all())
    changes.sort(key=lambda c: (c.date is None, c.date.earliest() if c.date else None, c.pk))
    for change in changes:
        # A facility the user may not see is not named.
        if change.facility is not None and not change.facility.is_visible_to(user):
            change.facility_hidden = True  # type: ignore[attr-defined]
        if change.source_list is not None and not change.source_list.is_visible_to(user):
            change.source_list_hidden = True  # type: ignore[attr-defined]
    return changes


def records_naming(user: Any, file: MissingPerson) -> QuerySet[SourceRecord]:
    """Records of visible lists that name this person: linked to them, or giving their
    national ID number (exact identity, until the linkage review decides)."""
    condition = Q(person_id=file.person_id)
    if file.person.national_id:
        condition |= Q(national_id=file.person.national_id)
    return (
        SourceRecord.objects.filter(condition, records_visible_q(user))
        .select_related("source_list")
        .order_by("source_list__name", "row_number")
    )


def source_lists_visible_to(user: Any) -> QuerySet[SourceList]:
    return SourceList.objects.visible_to(user).order_by("name")


def records_of(user: Any, source_list: SourceList) -> QuerySet[SourceRecord]:
    """The records of a list the user may see (``records_visible_q``), in the list's order."""
    return (
        source_list.records.filter(records_visible_q(user))
        .select_related("person")
        .order_by("row_number")
    )


def grave_documents_visible_to(user: Any) -> QuerySet[GraveDocument]:
    """Documents the user may see, about graves the user may see; the linked evidence item
    only if the user may see it (else ``evidence_item`` reads as None and its reference is not
    shown)."""
    from mizan.evidence.models import Item

    return (
        GraveDocument.objects.visible_to(user)
        .filter(visibility_q(user, "site__"))
        .select_related("site", "site__place")
        .prefetch_related(
            visible_prefetch(
                "evidence_item", Item.objects.only("pk", "reference", "sensitivity", "team"), user
            )
        )
        .annotate(list_count=Count("source_lists"))
        .order_by("site__name_en", "pk")
    )


# --- Overview -------------------------------------------------------------------------------


def overview(user: Any) -> list[Table]:
    """Counts of the files the user may see, and of the records of the lists they may see."""
    files = MissingPerson.objects.visible_to(user).filter(
        visibility_q(user, "person__"), merged_into__isnull=True
    )
    unknown = str(_("Unknown"))
    labels = dict(Status.choices)
    by_status = files.values("status").annotate(count=Count("pk")).order_by("-count")
    by_governorate = (
        files.values(ar=F("governorate__name_ar"), en=F("governorate__name_en"))
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    by_year = (
        files.filter(disappearance_year__isnull=False)
        .values("disappearance_year")
        .annotate(count=Count("pk"))
        .order_by("disappearance_year")
    )
    lists = SourceList.objects.visible_to(user).order_by("name")
    records = SourceRecord.objects.filter(source_list__in=lists)
    by_arrest_year = (
        records.filter(arrest_year__isnull=False)
        .values("arrest_year")
        .annotate(count=Count("pk"))
        .order_by("arrest_year")
    )
    return [
        Table(
            "status",
            _("Files by current status"),
            [(str(labels.get(r["status"], unknown)), r["count"]) for r in by_status],
        ),
        Table(
            "governorate",
            _("Files by governorate of disappearance"),
            [(pick(r["ar"] or "", r["en"] or "") or unknown, r["count"]) for r in by_governorate],
        ),
        Table(
            "year",
            _("Files by year of disappearance"),
            [(str(r["disappearance_year"]), r["count"]) for r in by_year],
        ),
        Table(
            "source",
            _("Records by source list"),
            [(source.name, source.record_count) for source in lists],
        ),
        Table(
            "arrest_year",
            _("Records by year of arrest (as the lists give it)"),
            [(str(r["arrest_year"]), r["count"]) for r in by_arrest_year],
        ),
    ]


@dataclass(frozen=True)
class Overlap:
    lists: list[SourceList]
    matrix: list[list[int]]  # matrix[i][j]: identities found in list i and list j
    identities: int

    @property
    def rows(self) -> list[tuple[SourceList, list[int]]]:
        return list(zip(self.lists, self.matrix, strict=True))

    @property
    def pairs(self) -> Table:
        """Each pair of lists with the people they share, largest first (for the chart)."""
        found = [
            (f"{self.lists[i].name} ∩ {self.lists[j].name}", self.matrix[i][j])
            for i in range(len(self.lists))
            for j in range(i + 1, len(self.lists))
            if self.matrix[i][j]
        ]
        found.sort(key=lambda pair: -pair[1])
        return Table("overlap", _("People shared by two lists"), found[:20])


def overlap(user: Any) -> Overlap:
    """Which records appear in which lists, by identity.

    Until the linkage review links records to persons, identity is exact: the linked person
    when there is one, otherwise the national ID number when the list gives one. Records with
    neither count in no overlap (they may still be the same people; the review will say).
    The diagonal is each list's number of identities.
    """
    lists = list(SourceList.objects.visible_to(user).order_by("name"))
    index = {source.pk: i for i, source in enumerate(lists)}
    identity_lists: dict[str, set[int]] = {}
    rows = (
        SourceRecord.objects.filter(source_list_id__in=index)
        .filter(Q(person__isnull=False) | ~Q(national_id=""))
        .values_list("source_list_id", "person_id", "national_id")
        .iterator(chunk_size=10000)
    )
    for list_id, person_id, national_id in rows:
        key = f"p{person_id}" if person_id else f"n{national_id}"
        identity_lists.setdefault(key, set()).add(index[list_id])
    size = len(lists)
    matrix = [[0] * size for _ in range(size)]
    for members in identity_lists.values():
        for i in members:
            for j in members:
                matrix[i][j] += 1
    return Overlap(lists=lists, matrix=matrix, identities=len(identity_lists))
