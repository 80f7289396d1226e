"""The linkage review: matching runs, the queue of candidate pairs, decisions, merges and splits.

A matching run hands the records of some source lists to ``mizan.linkage.link`` and keeps every
pair scored at or above a review floor as a ``CandidatePair`` with the per-field evidence of
``mizan.linkage.score_pair``. Nothing is linked by the machine: a person decides each pair.

Accepting a pair links both records to one Person (opening a registry file through
``services.missing_person_create`` when neither has one); when the two records already belong
to different persons, every record of one person moves to the other (a ``ClusterChange`` of
kind merge, which can be undone). A record can be split off a person again. Records are never
changed beyond their link: their list, row and verbatim row stay as imported.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mizan.cases.models import Person
from mizan.core.audit import Action, audit_record
from mizan.core.background import enqueue_on_commit
from mizan.core.partial_dates import PartialDate, PartialDateError
from mizan.core.writing import acting_user
from mizan.missing import selectors, services
from mizan.missing.models import (
    CandidatePair,
    ClusterChange,
    FamilyContact,
    FamilyReport,
    MatchRun,
    MissingPerson,
    Relative,
    SourceList,
    SourceRecord,
    StatusChange,
)

logger = logging.getLogger(__name__)

REVIEW_FLOOR = 0.3
LINK_THRESHOLD = 0.9
_WRITE_BATCH = 1000

# Probability bands of the queue's filter: (lowest, highest) with the highest excluded.
BANDS: dict[str, tuple[float, float]] = {
    "high": (0.9, 1.01),
    "medium": (0.6, 0.9),
    "low": (0.0, 0.6),
}
BAND_LABELS = {
    "high": gettext_lazy("Probable (90% and more)"),
    "medium": gettext_lazy("Possible (60–90%)"),
    "low": gettext_lazy("Doubtful (under 60%)"),
}

# The fields of score_pair's evidence, in its order, as the reviewer reads them.
FIELD_LABELS = {
    "first": gettext_lazy("First name"),
    "father": gettext_lazy("Father's name"),
    "grandfather": gettext_lazy("Grandfather's name"),
    "family": gettext_lazy("Family name"),
    "mother": gettext_lazy("Mother's name"),
    "birth_year": gettext_lazy("Year of birth"),
    "sex": gettext_lazy("Sex"),
    "birth_place": gettext_lazy("Place of birth"),
    "national_id": gettext_lazy("National ID number"),
    "date_of_arrest": gettext_lazy("Date of arrest"),
}
# The comparison levels of mizan.linkage's model (its labels), in words for the reviewer.
LEVEL_LABELS = {
    "same spelling": gettext_lazy("same spelling"),
    "same name": gettext_lazy("same name (other spelling or script)"),
    "same letters but dots": gettext_lazy("same letters, dots differ"),
    "same name but dots, across scripts": gettext_lazy("same name, dots differ (across scripts)"),
    "similar name, other Arabic letters": gettext_lazy("similar name, other Arabic letters"),
    "one letter apart": gettext_lazy("one letter apart"),
    "different name, same father and family (sibling?)": gettext_lazy(
        "different name, same father and family (a brother or sister?)"
    ),
    "different father, same grandfather and family (cousin?)": gettext_lazy(
        "different father, same grandfather and family (a cousin?)"
    ),
    "different": gettext_lazy("different"),
    "same": gettext_lazy("same"),
    "same year": gettext_lazy("same year"),
    "one year apart": gettext_lazy("one year apart"),
    "up to three years apart": gettext_lazy("up to three years apart"),
    "more than three years apart": gettext_lazy("more than three years apart"),
    "same number": gettext_lazy("same number"),
    "one digit apart": gettext_lazy("one digit apart"),
    "same month": gettext_lazy("same month"),
    "missing": gettext_lazy("missing in one or both"),
}


STAGE_LABELS = {
    "reading": gettext_lazy("Reading the records…"),
    "linking": gettext_lazy("Comparing the records…"),
    "explaining": gettext_lazy("Explaining each candidate pair…"),
    "saving": gettext_lazy("Saving the candidate pairs…"),
}


def stage_label(stage: str) -> str:
    return str(STAGE_LABELS.get(stage, _("Waiting to start")))


def decision_message(decision: str) -> str:
    if decision == CandidatePair.Decision.ACCEPTED:
        return _("Accepted: both records are now one person.")
    if decision == CandidatePair.Decision.REJECTED:
        return _("Rejected: the records stay apart and the pair will not be asked again.")
    return _("Marked unsure: the pair stays in the queue.")


def level_label(level: str) -> str:
    return str(LEVEL_LABELS.get(level, level))


def weight_label(weight: float) -> str:
    """How strongly a field speaks for or against the match (log2 Bayes factor, in words)."""
    if weight >= 4:
        return _("strongly for")
    if weight >= 1:
        return _("for")
    if weight > -1:
        return _("hardly either way")
    if weight > -4:
        return _("against")
    return _("strongly against")


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


def _evidence_value(item: dict[str, Any], key: str) -> str:
    value = str(item.get(key) or "")
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
        rows.append(
            {
                "field": item.get("field", ""),
                "label": str(FIELD_LABELS.get(item.get("field", ""), item.get("field", ""))),
                "value_a": _evidence_value(item, "value_a"),
                "value_b": _evidence_value(item, "value_b"),
                "level": item.get("level", ""),
                "level_label": level_label(item.get("level", "")),
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


# --- Matching runs --------------------------------------------------------------------------


def linkage_row(record: SourceRecord) -> dict[str, str]:
    """A source record as ``mizan.linkage`` reads it (the list headers, as text)."""
    return {
        "record_id": str(record.pk),
        "source": str(record.source_list_id),
        "full_name": record.full_name,
        "first_name": record.first_name,
        "father_name": record.father_name,
        "grandfather_name": record.grandfather_name,
        "family_name": record.family_name,
        "mother_name": record.mother_name,
        "sex": record.sex,
        "birth_year": "" if record.birth_year is None else str(record.birth_year),
        "birth_place": record.birth_place,
        "national_id": record.national_id,
        "date_of_arrest": record.date_of_arrest,
    }


def matching_run_start(
    *, actor: Any, source_lists: Iterable[SourceList] | None = None, floor: float = REVIEW_FLOOR
) -> MatchRun:
    """Queue a matching run over the chosen lists (default: every list the actor may see)."""
    visible = _visible_lists(actor).filter(state=SourceList.State.IMPORTED)
    if source_lists is not None:
        wanted = {source.pk for source in source_lists}
        lists = list(visible.filter(pk__in=wanted).values_list("pk", flat=True))
        if len(lists) != len(wanted):
            raise PermissionDenied
    else:
        lists = list(visible.values_list("pk", flat=True))
    if not lists:
        raise ValidationError(_("There is no imported list to compare."))
    with transaction.atomic():
        run = MatchRun.objects.create(
            list_ids=sorted(lists),
            floor=floor,
            created_by=acting_user(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=run,
            fields=["list_ids"],
            detail={"lists": run.list_ids, "floor": floor},
        )
        enqueue_on_commit("mizan.missing.tasks.run_matching", run_id=run.pk)
    return run


def _evidence(score: Any) -> list[dict[str, Any]]:
    return [
        {
            "field": item.field,
            "value_a": item.value_a,
            "value_b": item.value_b,
            "level": item.level,
            "weight": item.weight,
        }
        for item in score.fields
    ]


def explain_pairs(
    rows: list[dict[str, str]],
    pairs: list[tuple[int, int]],
    *,
    term_frequencies: Any,
    population: int,
) -> list[list[dict[str, Any]]]:
    """``score_pair``'s per-field evidence for many pairs (``mizan.linkage.score_pairs``)."""
    from mizan.linkage import score_pairs

    scores = score_pairs(rows, pairs, population=population, term_frequencies=term_frequencies)
    return [_evidence(score) for score in scores]


def matching_run_execute(run_id: int) -> MatchRun:
    """Run one queued matching run (the background task calls this)."""
    from mizan.linkage import link

    run = MatchRun.objects.select_related("created_by").get(pk=run_id)

    def progress(stage: str, fraction: float) -> None:
        MatchRun.objects.filter(pk=run.pk).update(
            state=MatchRun.State.RUNNING,
            stage=stage,
            fraction=round(fraction, 4),
            updated_at=timezone.now(),
        )

    try:
        progress("reading", 0.0)
        records = list(SourceRecord.objects.filter(source_list_id__in=run.list_ids).order_by("pk"))
        rows = [linkage_row(record) for record in records]
        progress("linking", 0.1)
        result = link(rows, threshold=LINK_THRESHOLD, keep_pairs_above=run.floor)
        progress("explaining", 0.6)
        kept: list[tuple[int, int, float, float]] = []
        for scored in result.pairs:
            a, b = records[scored.left], records[scored.right]
            if a.pk == b.pk or (
                a.source_list_id == b.source_list_id and a.record_id == b.record_id
            ):
                continue
            left, right = scored.left, scored.right
            if a.pk > b.pk:
                left, right = right, left
            kept.append((left, right, scored.probability, scored.match_weight))
        explained = explain_pairs(
            rows,
            [(left, right) for left, right, _p, _w in kept],
            term_frequencies=result.term_frequencies,
            population=len(rows),
        )
        found: dict[tuple[int, int], tuple[float, float, list[dict[str, Any]]]] = {
            (records[left].pk, records[right].pk): (probability, weight, evidence)
            for (left, right, probability, weight), evidence in zip(kept, explained, strict=True)
        }
        progress("saving", 0.9)
        counts = _store_pairs(run, found)
    except Exception:
        MatchRun.objects.filter(pk=run.pk).update(
            state=MatchRun.State.FAILED, updated_at=timezone.now()
        )
        raise
    MatchRun.objects.filter(pk=run.pk).update(
        state=MatchRun.State.DONE,
        stage="",
        fraction=1.0,
        records=len(records),
        pairs_new=counts["new"],
        pairs_updated=counts["updated"],
        pairs_decided_skipped=counts["skipped"],
        updated_at=timezone.now(),
    )
    run.refresh_from_db()
    audit_record(
        actor=run.created_by,
        action=Action.UPDATE,
        target=run,
        fields=["state"],
        detail={"records": len(records), **counts},
    )
    return run


def _store_pairs(
    run: MatchRun, found: dict[tuple[int, int], tuple[float, float, list[dict[str, Any]]]]
) -> dict[str, int]:
    """Create new pairs, update undecided and unsure ones, leave decided ones as they are."""
    counts = {"new": 0, "updated": 0, "skipped": 0}
    keys = list(found)
    with transaction.atomic():
        for start in range(0, len(keys), _WRITE_BATCH):
            batch = keys[start : start + _WRITE_BATCH]
            firsts = {a for a, _b in batch}
            existing = {
                (pair.record_a_id, pair.record_b_id): pair
                for pair in CandidatePair.objects.select_for_update().filter(record_a_id__in=firsts)
            }
            new, changed = [], []
            for key in batch:
                probability, weight, evidence = found[key]
                pair = existing.get(key)
                if pair is None:
                    new.append(
                        CandidatePair(
                            record_a_id=key[0],
                            record_b_id=key[1],
                            probability=probability,
                            match_weight=weight,
                            evidence=evidence,
                            run=run,
                        )
                    )
                elif pair.decided:
                    counts["skipped"] += 1
                else:
                    pair.probability, pair.match_weight, pair.evidence = (
                        probability,
                        weight,
                        evidence,
                    )
                    pair.run = run
                    pair.updated_at = timezone.now()
                    changed.append(pair)
            CandidatePair.objects.bulk_create(new)
            CandidatePair.objects.bulk_update(
                changed, ["probability", "match_weight", "evidence", "run", "updated_at"]
            )
            counts["new"] += len(new)
            counts["updated"] += len(changed)
    return counts


# --- Decisions, merges and splits ---------------------------------------------------------------

_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _person_data(records: list[SourceRecord]) -> dict[str, Any]:
    """Names of a new person from the records: Arabic-script values into the Arabic name parts,
    Latin ones into the Latin parts (the first record giving each wins)."""
    data: dict[str, Any] = {}
    for record in records:
        for part in ("first_name", "father_name", "grandfather_name", "family_name", "mother_name"):
            value = getattr(record, part)
            if not value:
                continue
            script = "ar" if _ARABIC.search(value) else "lat"
            data.setdefault(f"{part}_{script}", value[:100])
        if record.full_name:
            data.setdefault("name_as_written", record.full_name[:300])
        if record.national_id:
            data.setdefault("national_id", record.national_id)
        if record.birth_year:
            data.setdefault("birth_date", PartialDate(record.birth_year))
    return data


def _file_for(actor: Any, person: Person | None, records: list[SourceRecord]) -> MissingPerson:
    """The registry file of ``person``, opened if needed (a new person when ``person`` is None),
    as protected as the most protected of the records' lists."""
    if person is not None:
        existing = MissingPerson.objects.filter(person=person).first()
        if existing is not None:
            return existing
    lists = [record.source_list for record in records]
    sensitivity = max(source.sensitivity for source in lists)
    team = next((source.team for source in lists if source.team_id), None)
    description = _("Linked from the lists: %(lists)s") % {
        "lists": ", ".join(sorted({source.name for source in lists}))
    }
    return services.missing_person_create(
        actor=actor,
        data={"sensitivity": sensitivity, "team": team},
        person=person,
        person_data=None if person is not None else _person_data(records),
        source_description=description,
    )


def _lock_pair(pk: int) -> CandidatePair:
    pair = CandidatePair.objects.select_for_update().get(pk=pk)
    records = {
        r.pk: r
        for r in SourceRecord.objects.select_for_update(of=("self",))
        .select_related("source_list", "person")
        .filter(pk__in=[pair.record_a_id, pair.record_b_id])
    }
    pair.record_a, pair.record_b = records[pair.record_a_id], records[pair.record_b_id]
    return pair


def _check_may_change(actor: Any, pair: CandidatePair) -> None:
    for record in (pair.record_a, pair.record_b):
        if not record.source_list.is_visible_to(actor):
            raise PermissionDenied
        if record.person is not None and not record.person.is_visible_to(actor):
            raise ValidationError(
                _("One of the records belongs to a person recorded at a level you may not see.")
            )


def pair_decide(*, actor: Any, pair: CandidatePair, decision: str) -> CandidatePair:
    """Record a decision on a pair (accept links the records; see ``_accept``). Audited."""
    if decision not in {
        CandidatePair.Decision.ACCEPTED,
        CandidatePair.Decision.REJECTED,
        CandidatePair.Decision.UNSURE,
    }:
        raise ValidationError(_("Unknown decision."))
    with transaction.atomic():
        locked = _lock_pair(pair.pk)
        _check_may_change(actor, locked)
        if locked.decided:
            raise ValidationError(_("This pair was already decided."))
        merge = None
        if decision == CandidatePair.Decision.ACCEPTED:
            merge = _accept(actor, locked)
        locked.decision = decision
        locked.decided_by = acting_user(actor)
        locked.decided_at = timezone.now()
        locked.save(update_fields=["decision", "decided_by", "decided_at", "updated_at"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=locked,
            fields=["decision"],
            detail={
                "decision": decision,
                "record_a": locked.record_a_id,
                "record_b": locked.record_b_id,
                "probability": round(locked.probability, 4),
                "merge": merge.pk if merge else None,
            },
        )
    return locked


def _members(record: SourceRecord) -> list[int]:
    """The records that are one person with ``record`` (itself when it is unlinked)."""
    if record.person_id is None:
        return [record.pk]
    return list(
        SourceRecord.objects.filter(person_id=record.person_id).values_list("pk", flat=True)
    )


def _check_no_rejected_between(a: SourceRecord, b: SourceRecord) -> None:
    """Accepting must not join two records a person has already judged to be different people
    (through the other records of their persons): that decision is revisited first."""
    side_a, side_b = _members(a), _members(b)
    rejected = (
        CandidatePair.objects.filter(decision=CandidatePair.Decision.REJECTED)
        .filter(
            Q(record_a_id__in=side_a, record_b_id__in=side_b)
            | Q(record_a_id__in=side_b, record_b_id__in=side_a)
        )
        .select_related("record_a__source_list", "record_b__source_list")
        .first()
    )
    if rejected is not None:
        raise ValidationError(
            _(
                "Accepting would make one person of two records that were judged different "
                "people: row %(row_a)s of %(list_a)s and row %(row_b)s of %(list_b)s (pair "
                "%(pair)s, rejected). Split the records or revisit that decision first."
            )
            % {
                "row_a": rejected.record_a.row_number,
                "list_a": rejected.record_a.source_list.name,
                "row_b": rejected.record_b.row_number,
                "list_b": rejected.record_b.source_list.name,
                "pair": rejected.pk,
            }
        )


def _accept(actor: Any, pair: CandidatePair) -> ClusterChange | None:
    a, b = pair.record_a, pair.record_b
    if a.person_id and a.person_id == b.person_id:
        return None
    _check_no_rejected_between(a, b)
    if a.person is None and b.person is None:
        file = _file_for(actor, None, [a, b])
        _link(actor, [a, b], file.person)
        return None
    if a.person is None or b.person is None:
        person = a.person or b.person
        assert person is not None
        _file_for(actor, person, [a, b])
        _link(actor, [r for r in (a, b) if r.person is None], person)
        return None
    assert a.person is not None and b.person is not None
    # Both already belong to persons: keep the older file, move the other person's records.
    keep, other = sorted((a.person, b.person), key=lambda p: p.pk)
    return merge_persons(actor=actor, keep=keep, other=other, pair=pair)


def _link(actor: Any, records: list[SourceRecord], person: Person) -> None:
    SourceRecord.objects.filter(pk__in=[r.pk for r in records]).update(person=person)
    for record in records:
        record.person = person
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=record,
            fields=["person"],
            detail={"person": person.pk},
        )


def merge_persons(
    *, actor: Any, keep: Person, other: Person, pair: CandidatePair | None = None
) -> ClusterChange:
    """Move every record of ``other`` to ``keep``; the change is kept so it can be undone."""
    with transaction.atomic():
        moved = list(
            SourceRecord.objects.select_for_update(of=("self",))
            .filter(person=other)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        SourceRecord.objects.filter(pk__in=moved).update(person=keep)
        files = _merge_files(actor, keep, other)
        change = ClusterChange.objects.create(
            kind=ClusterChange.Kind.MERGE,
            from_person=other,
            to_person=keep,
            record_ids=moved,
            files=files,
            pair=pair,
            actor=acting_user(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=change,
            fields=["record_ids", "files"],
            detail={"from_person": other.pk, "to_person": keep.pk, "records": moved, **files},
        )
    return change


# What a registry file holds that a merge moves to the kept file (related name, model).
_FILE_PARTS: tuple[tuple[str, Any], ...] = (
    ("status_changes", StatusChange),
    ("relatives", Relative),
    ("reports", FamilyReport),
    ("contacts", FamilyContact),
)
# Fields of the kept file that a merge may change: filled when empty, or raised (protection).
_FILE_FIELDS = ("sensitivity", "team_id", "disappeared_on", "disappeared_at_id", "circumstances")


def _file_state(file: MissingPerson) -> dict[str, Any]:
    state = {name: getattr(file, name) for name in _FILE_FIELDS}
    state["disappeared_on"] = file.disappeared_on.to_storage() if file.disappeared_on else None
    return state


def _set_file_state(file: MissingPerson, state: dict[str, Any]) -> None:
    for name in _FILE_FIELDS:
        value = state[name]
        if name == "disappeared_on" and value is not None:
            value = PartialDate.from_storage(value)
        setattr(file, name, value)
    services.derive_fields(file)
    file.save()


def _merge_files(actor: Any, keep: Person, other: Person) -> dict[str, Any]:
    """The registry side of a merge: ``other``'s file joins ``keep``'s.

    Its status history, relatives, family reports and contacts move to the kept file; the kept
    file becomes as protected as the more protected of the two (a relative's details must never
    become visible to someone who could not see them before) and takes the other file's
    disappearance details where its own are empty; the other file is marked merged and leaves
    the registry's lists and counts. Files of two different teams are not merged here.
    """
    other_file = (
        MissingPerson.objects.select_for_update()
        .filter(person=other, merged_into__isnull=True)
        .first()
    )
    if other_file is None:
        return {}
    keep_file = MissingPerson.objects.select_for_update().filter(person=keep).first()
    for file in (other_file, keep_file):
        if file is not None and not file.is_visible_to(actor):
            raise ValidationError(
                _("One of the files is recorded at a level or for a team you may not see.")
            )
    if keep_file is None:
        # The kept person has no file of their own: the other file becomes theirs.
        MissingPerson.objects.filter(pk=other_file.pk).update(person=keep)
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=other_file,
            fields=["person"],
            detail={"person": keep.pk, "was": other.pk},
        )
        return {"file": other_file.pk, "person_moved": True}
    if other_file.team_id and keep_file.team_id and other_file.team_id != keep_file.team_id:
        raise ValidationError(
            _(
                "Files %(keep)s and %(other)s belong to different teams; an administrator must "
                "bring them into one team before they can be merged."
            )
            % {"keep": keep_file.reference, "other": other_file.reference}
        )
    moved: dict[str, list[int]] = {}
    for name, model in _FILE_PARTS:
        ids = list(
            model.objects.filter(missing_person=other_file)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        model.objects.filter(pk__in=ids).update(missing_person=keep_file)
        moved[name] = ids
    before = _file_state(keep_file)
    keep_file.sensitivity = max(keep_file.sensitivity, other_file.sensitivity)
    keep_file.team_id = keep_file.team_id or other_file.team_id
    if keep_file.disappeared_on is None and keep_file.disappeared_at_id is None:
        keep_file.disappeared_on = other_file.disappeared_on
        keep_file.disappeared_at_id = other_file.disappeared_at_id
    if not keep_file.circumstances.strip():
        keep_file.circumstances = other_file.circumstances
    services.derive_fields(keep_file)
    keep_file.save()
    after = _file_state(keep_file)
    MissingPerson.objects.filter(pk=other_file.pk).update(merged_into=keep_file)
    services.refresh_status(keep_file)
    services.refresh_status(other_file)
    for file, detail in (
        (keep_file, {"merged_from": other_file.pk, "moved": moved}),
        (other_file, {"merged_into": keep_file.pk}),
    ):
        audit_record(
            actor=actor, action=Action.UPDATE, target=file, fields=["merged_into"], detail=detail
        )
    return {
        "from_file": other_file.pk,
        "to_file": keep_file.pk,
        "moved": moved,
        "before": before,
        "after": after,
    }


def _unmerge_files(actor: Any, files: dict[str, Any], other: Person) -> None:
    """Undo ``_merge_files``: what moved goes back; a kept-file field the merge changed returns
    to its earlier value unless someone has changed it since."""
    if not files:
        return
    if files.get("person_moved"):
        MissingPerson.objects.filter(pk=files["file"]).update(person=other)
        return
    keep_file = MissingPerson.objects.select_for_update().get(pk=files["to_file"])
    other_file = MissingPerson.objects.select_for_update().get(pk=files["from_file"])
    for name, model in _FILE_PARTS:
        model.objects.filter(pk__in=files["moved"].get(name, []), missing_person=keep_file).update(
            missing_person=other_file
        )
    now, before, after = _file_state(keep_file), files["before"], files["after"]
    restored = {name: before[name] if now[name] == after[name] else now[name] for name in now}
    if restored != now:
        _set_file_state(keep_file, restored)
    MissingPerson.objects.filter(pk=other_file.pk).update(merged_into=None)
    services.refresh_status(keep_file)
    services.refresh_status(other_file)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=other_file,
        fields=["merged_into"],
        detail={"merged_into": None, "was": keep_file.pk},
    )


def merge_undo(*, actor: Any, change: ClusterChange) -> ClusterChange:
    """Move the merged records (those still with the kept person) back where they were."""
    with transaction.atomic():
        change = ClusterChange.objects.select_for_update().get(pk=change.pk)
        if change.kind != ClusterChange.Kind.MERGE or change.undone_at is not None:
            raise ValidationError(_("This merge cannot be undone (already undone?)."))
        back = list(
            SourceRecord.objects.select_for_update(of=("self",))
            .filter(pk__in=change.record_ids, person=change.to_person)
            .values_list("pk", flat=True)
        )
        SourceRecord.objects.filter(pk__in=back).update(person=change.from_person)
        assert change.from_person is not None
        _unmerge_files(actor, change.files, change.from_person)
        change.undone_at = timezone.now()
        change.undone_by = acting_user(actor)
        change.save(update_fields=["undone_at", "undone_by", "updated_at"])
        if change.pair_id:
            # The pair that caused the merge is asked again.
            CandidatePair.objects.filter(pk=change.pair_id).update(
                decision=CandidatePair.Decision.PENDING, decided_by=None, decided_at=None
            )
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=change,
            fields=["undone_at"],
            detail={"records": back, "pair": change.pair_id},
        )
    return change


def record_detach(*, actor: Any, record: SourceRecord, new_person: bool = False) -> ClusterChange:
    """Split a record off its person: back to unlinked, or to a new person of its own."""
    with transaction.atomic():
        record = (
            SourceRecord.objects.select_for_update(of=("self",))
            .select_related("source_list", "person")
            .get(pk=record.pk)
        )
        if record.person is None:
            raise ValidationError(_("This record is not linked to a person."))
        if not record.source_list.is_visible_to(actor) or not record.person.is_visible_to(actor):
            raise PermissionDenied
        previous = record.person
        target = None
        if new_person:
            target = _file_for(actor, None, [record]).person
        SourceRecord.objects.filter(pk=record.pk).update(person=target)
        change = ClusterChange.objects.create(
            kind=ClusterChange.Kind.SPLIT,
            from_person=previous,
            to_person=target,
            record_ids=[record.pk],
            actor=acting_user(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=change,
            fields=["record_ids"],
            detail={
                "from_person": previous.pk,
                "to_person": target.pk if target else None,
                "records": [record.pk],
            },
        )
    return change


def changes_of(person: Person) -> QuerySet[ClusterChange]:
    return ClusterChange.objects.filter(Q(from_person=person) | Q(to_person=person)).select_related(
        "actor", "undone_by"
    )


__all__ = [
    "BANDS",
    "QueueFilters",
    "canonical",
    "evidence_rows",
    "matching_run_execute",
    "matching_run_start",
    "merge_persons",
    "merge_undo",
    "pair_decide",
    "queue",
    "record_detach",
    "side_by_side",
]
