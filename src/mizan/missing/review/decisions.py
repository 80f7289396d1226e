"""Decisions on candidate pairs, merges and splits. Nothing is linked by the machine: a person
decides each pair.

Accepting a pair links both records to one Person (opening a registry file through
``services.missing_person_create`` when neither has one); when the two records already belong
to different persons, every record of one person moves to the other (a ``ClusterChange`` of
kind merge, which can be undone). A record can be split off a person again. Records are never
changed beyond their link: their list, row and verbatim row stay as imported.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.cases.models import Person
from mizan.core.audit import Action, audit_record
from mizan.core.partial_dates import PartialDate
from mizan.core.writing import acting_user
from mizan.missing import services
from mizan.missing.models import (
    CandidatePair,
    ClusterChange,
    FamilyContact,
    FamilyReport,
    MissingPerson,
    Relative,
    SourceRecord,
    StatusChange,
)

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
