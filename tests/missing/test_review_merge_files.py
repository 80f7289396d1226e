"""Merging two persons who both have registry files, undoing it, and rejected pairs that a
chain of acceptances must not overrule."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mizan.core.models import AuditEntry, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.missing import review, selectors, services
from mizan.missing.models import (
    CandidatePair,
    ClusterChange,
    MissingPerson,
    SourceRecord,
)
from tests.conftest import signed_in
from tests.missing.test_review import FAMILIES, UN_LIST, make_list, run_matching, the_pair


@pytest.fixture
def lists(officer: Any, tmp_path: Path) -> None:
    make_list(officer, tmp_path, "Families", FAMILIES)
    make_list(officer, tmp_path, "UN list", UN_LIST)


def _file_with_history(officer: Any, record: SourceRecord, **data: Any) -> MissingPerson:
    """A file of its own for ``record``: a status change, a relative, a report, a meeting."""
    file = services.missing_person_create(
        actor=officer,
        data={"sensitivity": Sensitivity.INTERNAL, **data},
        person_data={"first_name_lat": f"Person of {record.record_id}"},
    )
    SourceRecord.objects.filter(pk=record.pk).update(person=file.person)
    services.status_change_record(
        actor=officer,
        missing_person=file,
        status="detained",
        date=PartialDate(2014, 3),
        source_description=f"witness for {record.record_id}",
    )
    relative = services.relative_add(
        actor=officer,
        missing_person=file,
        relationship="mother",
        person_data={"first_name_ar": "سلمى", "family_name_ar": "المصري"},
        contact={"phone": "+963 900 000 000"},
    )
    services.family_report_add(
        actor=officer,
        missing_person=file,
        data={
            "reported_by": relative,
            "account": f"report on {record.record_id}",
            "consent_scopes": [Term.objects.get(vocabulary="consent_scope", code="internal_use")],
        },
    )
    services.family_contact_add(
        actor=officer,
        missing_person=file,
        data={"kind": "meeting", "date": datetime.date(2025, 1, 5), "summary": "met"},
    )
    return file


def _parts(file: MissingPerson) -> dict[str, set[int]]:
    return {
        "status_changes": set(file.status_changes.values_list("pk", flat=True)),
        "relatives": set(file.relatives.values_list("pk", flat=True)),
        "reports": set(file.reports.values_list("pk", flat=True)),
        "contacts": set(file.contacts.values_list("pk", flat=True)),
    }


@pytest.mark.django_db
def test_a_merge_moves_the_other_file_and_undo_brings_it_back(officer: Any, lists: None) -> None:
    run_matching(officer)
    a = SourceRecord.objects.get(record_id="F-1")
    b = SourceRecord.objects.get(record_id="U-1")
    first = _file_with_history(officer, a)
    second = _file_with_history(
        officer, b, sensitivity=Sensitivity.CONFIDENTIAL, circumstances="taken at a checkpoint"
    )
    services.status_change_record(actor=officer, missing_person=second, status="deceased")
    before_first, before_second = _parts(first), _parts(second)
    assert first.pk < second.pk  # the older file is kept

    review.pair_decide(actor=officer, pair=the_pair(), decision="accepted")

    first.refresh_from_db()
    second.refresh_from_db()
    assert second.merged_into == first
    after = _parts(first)
    for name in after:
        assert after[name] == before_first[name] | before_second[name]
    assert not any(_parts(second).values())
    # The kept file is as protected as the more protected one, takes the empty details,
    # and its status follows the history it now holds (the last entry said deceased).
    assert first.sensitivity == Sensitivity.CONFIDENTIAL
    assert first.circumstances == "taken at a checkpoint"
    assert first.status == "deceased"
    # The merged file leaves the registry's lists and counts, and says where it went.
    listed = set(selectors.registry_visible_to(officer).values_list("pk", flat=True))
    assert first.pk in listed and second.pk not in listed
    status_counts = dict(selectors.overview(officer)[0].rows)
    assert (
        sum(status_counts.values())
        == MissingPerson.objects.filter(merged_into__isnull=True).count()
    )
    page = signed_in(officer).get(reverse("missing:file_detail", args=[second.pk]))
    assert 'id="merged-notice"' in page.content.decode()
    assert first.reference in page.content.decode()
    # Nothing new may be written to the merged file.
    with pytest.raises(ValidationError):
        services.status_change_record(actor=officer, missing_person=second, status="found")
    assert AuditEntry.objects.filter(
        object_type="missing.missingperson", object_id=str(second.pk), detail__merged_into=first.pk
    ).exists()

    change = ClusterChange.objects.get(kind="merge")
    review.merge_undo(actor=officer, change=change)
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.merged_into is None
    assert _parts(first) == before_first and _parts(second) == before_second
    assert first.sensitivity == Sensitivity.INTERNAL and first.circumstances == ""
    assert first.status == "detained" and second.status == "deceased"


@pytest.mark.django_db
def test_undo_keeps_a_protection_raised_after_the_merge(officer: Any, lists: None) -> None:
    run_matching(officer)
    first = _file_with_history(officer, SourceRecord.objects.get(record_id="F-1"))
    _file_with_history(
        officer, SourceRecord.objects.get(record_id="U-1"), sensitivity=Sensitivity.CONFIDENTIAL
    )
    review.pair_decide(actor=officer, pair=the_pair(), decision="accepted")
    first.refresh_from_db()
    services.missing_person_update(
        actor=officer, missing_person=first, data={"sensitivity": Sensitivity.RESTRICTED}
    )
    review.merge_undo(actor=officer, change=ClusterChange.objects.get(kind="merge"))
    first.refresh_from_db()
    assert first.sensitivity == Sensitivity.RESTRICTED  # someone raised it since: kept


@pytest.mark.django_db
def test_files_of_two_teams_are_not_merged(officer: Any, lists: None) -> None:
    run_matching(officer)
    a = SourceRecord.objects.get(record_id="F-1")
    b = SourceRecord.objects.get(record_id="U-1")
    other_team = Team.objects.create(slug="other", name_en="Other", name_ar="أخرى")
    officer.teams.add(other_team)
    officer = type(officer).objects.get(pk=officer.pk)  # team memberships are cached per user
    first = _file_with_history(officer, a, team=officer.teams.get(slug="missing-registry"))
    second = _file_with_history(officer, b, team=other_team)
    before = _parts(first), _parts(second)
    with pytest.raises(ValidationError, match="different teams"):
        review.pair_decide(actor=officer, pair=the_pair(), decision="accepted")
    # Nothing changed: not the records, not the files, not the pair.
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person == first.person and b.person == second.person
    assert (_parts(first), _parts(second)) == before
    assert the_pair().decision == "" and not ClusterChange.objects.exists()


@pytest.mark.django_db
def test_a_rejected_pair_is_not_joined_through_a_third_record(
    officer: Any, tmp_path: Path, lists: None
) -> None:
    make_list(
        officer,
        tmp_path,
        "Official",
        "record_id,first_name,father_name,family_name,mother_name,birth_year,birth_place\n"
        "O-1,محمد,احمد,عبدالرحمن,فاطمه,1985,داريا\n",
    )
    run_matching(officer)
    records = {r.record_id: r for r in SourceRecord.objects.all()}

    def pair(x: str, y: str) -> CandidatePair:
        low, high = sorted((records[x].pk, records[y].pk))
        return CandidatePair.objects.get(record_a_id=low, record_b_id=high)

    review.pair_decide(actor=officer, pair=pair("F-1", "U-1"), decision="rejected")
    review.pair_decide(actor=officer, pair=pair("F-1", "O-1"), decision="accepted")
    with pytest.raises(ValidationError, match="judged different"):
        review.pair_decide(actor=officer, pair=pair("O-1", "U-1"), decision="accepted")
    assert pair("O-1", "U-1").decision == ""
    assert SourceRecord.objects.get(pk=records["U-1"].pk).person is None
    # Through the page: the reason is shown and the pair stays in the queue.
    client = signed_in(officer)
    response = client.post(
        reverse("missing:pair_decide", args=[pair("O-1", "U-1").pk]),
        {"decision": "accepted"},
        follow=True,
    )
    assert "judged different" in response.content.decode()
    assert pair("O-1", "U-1") in review.queue(officer)
    # Rejecting or marking unsure is still possible.
    review.pair_decide(actor=officer, pair=pair("O-1", "U-1"), decision="rejected")
