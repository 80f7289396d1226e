"""The linkage review: matching runs, the queue, decisions, merges and splits, permissions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mizan.core.models import AuditEntry, Team
from mizan.core.sensitivity import Sensitivity
from mizan.missing import review, services
from mizan.missing.models import (
    CandidatePair,
    ClusterChange,
    MatchRun,
    MissingPerson,
    SourceList,
    SourceRecord,
)
from mizan.missing.review import runs
from tests.conftest import signed_in

HEADER = "record_id,first_name,father_name,family_name,mother_name,birth_year,birth_place\n"
FAMILIES = (
    HEADER
    + "F-1,محمد,أحمد,عبد الرحمن,فاطمة,1985,داريا\n"
    + "F-2,عمر,خالد,الحموي,زينب,1975,حمص\n"
    + "F-3,رنا,عمر,الخطيب,هبة,1990,حلب\n"
)
UN_LIST = (
    HEADER
    + "U-1,Mohammad,Ahmad,Abdulrahman,Fatima,1985,Daraya\n"
    + "U-2,Yusuf,Hasan,Al-Attar,Salma,1968,Deraa\n"
)


def make_list(
    actor: Any,
    tmp_path: Path,
    name: str,
    body: str,
    *,
    sensitivity: int = Sensitivity.INTERNAL,
    team: Team | None = None,
) -> SourceList:
    source = services.source_list_create(
        actor=actor,
        data={
            "name": name,
            "origin": "families",
            "reliability": "B",
            "sensitivity": sensitivity,
            "team": team,
        },
    )
    path = tmp_path / f"{name}.csv"
    path.write_text(body, encoding="utf-8")
    outcome = services.source_list_import(actor=actor, source_list=source, path=path)
    assert outcome.ok, outcome.scan.problems
    source.refresh_from_db()
    return source


def run_matching(actor: Any, lists: list[SourceList] | None = None) -> MatchRun:
    run = review.matching_run_start(actor=actor, source_lists=lists)
    return review.matching_run_execute(run.pk)


def the_pair() -> CandidatePair:
    a = SourceRecord.objects.get(record_id="F-1")
    b = SourceRecord.objects.get(record_id="U-1")
    return CandidatePair.objects.get(record_a=min(a.pk, b.pk), record_b=max(a.pk, b.pk))


@pytest.fixture
def two_lists(officer: Any, tmp_path: Path) -> tuple[SourceList, SourceList]:
    return (
        make_list(officer, tmp_path, "Families", FAMILIES),
        make_list(officer, tmp_path, "UN list", UN_LIST),
    )


@pytest.mark.django_db
def test_a_run_stores_ordered_pairs_with_evidence(officer: Any, two_lists: Any) -> None:
    run = run_matching(officer)
    assert run.state == MatchRun.State.DONE and run.records == 5
    pair = the_pair()
    assert pair.record_a_id < pair.record_b_id
    assert pair.probability > 0.9 and pair.decision == ""
    fields = {item["field"]: item for item in pair.evidence}
    assert fields["first"]["level"] == "same name"
    assert {fields["first"]["value_a"], fields["first"]["value_b"]} == {"محمد", "Mohammad"}
    assert fields["birth_year"]["level"] == "same year" and fields["birth_year"]["weight"] > 0
    assert not CandidatePair.objects.filter(record_a=pair.record_a, record_b=pair.record_a)
    assert AuditEntry.objects.filter(object_type="missing.matchrun").count() == 2


@pytest.mark.django_db
def test_decided_pairs_are_not_asked_again_after_a_rerun(officer: Any, two_lists: Any) -> None:
    run_matching(officer)
    pair = the_pair()
    review.pair_decide(actor=officer, pair=pair, decision="rejected")
    CandidatePair.objects.filter(pk=pair.pk).update(probability=0.5)
    again = run_matching(officer)
    pair.refresh_from_db()
    assert pair.decision == "rejected" and pair.probability == 0.5  # untouched
    assert again.pairs_decided_skipped >= 1 and again.pairs_new == 0
    assert CandidatePair.objects.filter(record_a=pair.record_a, record_b=pair.record_b).count() == 1
    assert pair not in review.queue(officer)
    # Unsure pairs stay in the queue, are marked, and are updated by a run.
    others = CandidatePair.objects.exclude(pk=pair.pk)
    for other in others:
        review.pair_decide(actor=officer, pair=other, decision="unsure")
        assert other in review.queue(officer)


@pytest.mark.django_db
def test_accept_opens_one_file_for_both_records(officer: Any, two_lists: Any) -> None:
    run_matching(officer)
    pair = the_pair()
    review.pair_decide(actor=officer, pair=pair, decision="accepted")
    a = SourceRecord.objects.get(record_id="F-1")
    b = SourceRecord.objects.get(record_id="U-1")
    assert a.person_id is not None and a.person_id == b.person_id
    file = MissingPerson.objects.get(person_id=a.person_id)
    assert file.person.first_name_ar == "محمد" and file.person.first_name_lat == "Mohammad"
    pair.refresh_from_db()
    assert pair.decided_by == officer and pair.decided_at is not None
    entry = AuditEntry.objects.filter(object_type="missing.candidatepair").latest("seq")
    assert entry.detail["decision"] == "accepted" and entry.actor_id == officer.pk
    # The canonical view: each field's values and the lists that support them.
    fields, records = review.canonical(officer, file.person)
    first = next(f for f in fields if f.name == "first_name")
    assert {v.value for v in first.values} == {"محمد", "Mohammad"}
    assert {s.name for v in first.values for s in v.lists} == {"Families", "UN list"}
    year = next(f for f in fields if f.name == "birth_year")
    assert len(year.values) == 1 and len(year.values[0].lists) == 2
    assert len(records) == 2
    # A decided pair cannot be decided again.
    with pytest.raises(ValidationError):
        review.pair_decide(actor=officer, pair=pair, decision="rejected")


@pytest.mark.django_db
def test_merge_and_split_keep_provenance(officer: Any, two_lists: Any) -> None:
    run_matching(officer)
    a = SourceRecord.objects.get(record_id="F-1")
    b = SourceRecord.objects.get(record_id="U-1")
    before = {r.pk: (r.source_list_id, r.row_number, r.raw) for r in (a, b)}
    # Each record first gets a file of its own (split to a new file), then the pair merges them.
    for record in (a, b):
        person = services.missing_person_create(
            actor=officer, data={}, person_data={"first_name_lat": "x"}
        ).person
        SourceRecord.objects.filter(pk=record.pk).update(person=person)
    a.refresh_from_db()
    b.refresh_from_db()
    keep, other = sorted((a.person, b.person), key=lambda p: p.pk)
    review.pair_decide(actor=officer, pair=the_pair(), decision="accepted")
    change = ClusterChange.objects.get(kind="merge")
    assert change.from_person == other and change.to_person == keep
    assert set(SourceRecord.objects.filter(person=keep).values_list("pk", flat=True)) == {
        a.pk,
        b.pk,
    }
    for record in SourceRecord.objects.filter(pk__in=before):
        assert (record.source_list_id, record.row_number, record.raw) == before[record.pk]
    assert AuditEntry.objects.filter(object_type="missing.clusterchange").exists()
    # Through the page, the officer is told the other file stays open (only records move).
    review.merge_undo(actor=officer, change=change)
    response = signed_in(officer).post(
        reverse("missing:pair_decide", args=[the_pair().pk]), {"decision": "accepted"}, follow=True
    )
    other_file = MissingPerson.objects.get(person=other)
    assert other_file.reference in response.content.decode()
    change = ClusterChange.objects.filter(kind="merge", undone_at__isnull=True).get()
    # Undo: the records go back, the pair is asked again.
    review.merge_undo(actor=officer, change=change)
    moved = SourceRecord.objects.get(pk=change.record_ids[0])
    assert moved.person == other
    assert the_pair().decision == ""
    # Split: a record goes back to unlinked, or to a new file; provenance kept.
    review.pair_decide(actor=officer, pair=the_pair(), decision="accepted")
    split = review.record_detach(actor=officer, record=moved, new_person=True)
    moved.refresh_from_db()
    assert moved.person == split.to_person and moved.person != keep
    assert MissingPerson.objects.filter(person=moved.person).exists()
    review.record_detach(actor=officer, record=moved)
    moved.refresh_from_db()
    assert moved.person is None
    assert (moved.source_list_id, moved.row_number, moved.raw) == before[moved.pk]


@pytest.mark.django_db
def test_pages_show_the_evidence_and_decide(officer: Any, two_lists: Any) -> None:
    run_matching(officer)
    pair = the_pair()
    client = signed_in(officer)
    html = client.get(reverse("missing:review_queue")).content.decode()
    assert f'data-pair="{pair.pk}"' in html  # the most probable pair opens first
    assert "same name (other spelling or script)" in html and "Mohammad" in html
    assert "same year" in html and "Row A exactly as it was in the file" in html
    arabic = signed_in(officer, language="ar").get(reverse("missing:review_queue")).content
    assert "الاسم نفسه".encode() in arabic
    response = client.post(reverse("missing:pair_decide", args=[pair.pk]), {"decision": "accepted"})
    queue = reverse("missing:review_queue")
    assert response.status_code == 302 and response["Location"] == f"{queue}?decided={pair.pk}"
    pair.refresh_from_db()
    assert pair.decision == "accepted"
    file = MissingPerson.objects.get(person=pair.record_a.person)
    # The queue links to the file the two records are now on.
    after = client.get(response["Location"]).content.decode()
    assert reverse("missing:file_detail", args=[file.pk]) in after and "accepted-result" in after
    page = client.get(reverse("missing:file_sources", args=[file.pk])).content.decode()
    assert "Mohammad" in page and "محمد" in page and "UN list" in page and "Families" in page
    # A bad decision changes nothing.
    other = CandidatePair.objects.exclude(pk=pair.pk).first()
    if other is not None:
        client.post(reverse("missing:pair_decide", args=[other.pk]), {"decision": "maybe"})
        other.refresh_from_db()
        assert other.decision == ""


@pytest.mark.django_db
def test_viewers_may_not_decide_or_run(officer: Any, viewer: Any, two_lists: Any) -> None:
    run_matching(officer)
    pair = the_pair()
    client = signed_in(viewer)
    assert client.get(reverse("missing:review_queue")).status_code == 403
    assert (
        client.post(
            reverse("missing:pair_decide", args=[pair.pk]), {"decision": "accepted"}
        ).status_code
        == 403
    )
    assert client.post(reverse("missing:match_run_start")).status_code == 403
    pair.refresh_from_db()
    assert pair.decision == ""


@pytest.mark.django_db
def test_records_above_clearance_or_team_never_reach_the_queue(
    officer: Any, make_user: Any, tmp_path: Path, registry_team: Team
) -> None:
    other_team = Team.objects.create(slug="other", name_en="Other", name_ar="أخرى")
    make_list(officer, tmp_path, "Families", FAMILIES)
    secret = make_list(
        officer, tmp_path, "Restricted list", UN_LIST, sensitivity=Sensitivity.RESTRICTED
    )
    admin = make_user("rana_admin", "administrator", is_superuser=True)
    run_matching(admin)
    pair = the_pair()
    assert pair in review.queue(admin)
    # The officer's clearance is confidential: the restricted list's records never appear.
    assert not review.queue(officer).exists()
    client = signed_in(officer)
    assert client.get(reverse("missing:review_pair", args=[pair.pk])).status_code == 404
    assert (
        client.post(
            reverse("missing:pair_decide", args=[pair.pk]), {"decision": "accepted"}
        ).status_code
        == 404
    )
    assert "Mohammad" not in client.get(reverse("missing:review_queue")).content.decode()
    # A team list is hidden from an officer of another team.
    SourceList.objects.filter(pk=secret.pk).update(
        sensitivity=Sensitivity.INTERNAL, team=other_team
    )
    assert not review.queue(officer).exists()
    SourceList.objects.filter(pk=secret.pk).update(team=registry_team)
    assert pair in review.queue(officer)
    # A run over a list the officer may not see is refused.
    SourceList.objects.filter(pk=secret.pk).update(sensitivity=Sensitivity.RESTRICTED)
    with pytest.raises(PermissionDenied):
        review.matching_run_start(actor=officer, source_lists=[secret])


@pytest.mark.django_db
def test_run_button_starts_a_background_run(
    officer: Any, two_lists: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = signed_in(officer)
    assert "Run the matching" in client.get(reverse("missing:list_list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("missing:match_run_start"), {"lists": [str(s.pk) for s in two_lists]}
        )
    run = MatchRun.objects.get()
    assert response["Location"] == reverse("missing:match_run_detail", args=[run.pk])
    page = client.get(response["Location"]).content.decode()
    assert run.state == "queued" or "new pair" in page
    run.refresh_from_db()
    assert run.state == "done" and run.pairs_new >= 1


@pytest.mark.django_db
def test_batched_evidence_is_score_pairs_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run explains pairs in batches; each must say exactly what score_pair says of it
    alone, across batch boundaries, and agree with the probability the linkage gave."""
    from mizan.linkage import engine, link, score_pair

    rows = [
        {
            "first_name": "محمد",
            "father_name": "أحمد",
            "family_name": "عبد الرحمن",
            "birth_year": "1985",
            "birth_place": "داريا",
        },
        {
            "first_name": "Mohammad",
            "father_name": "Ahmad",
            "family_name": "Abdulrahman",
            "birth_year": "1985",
            "birth_place": "Daraya",
        },
        {
            "first_name": "عمر",
            "father_name": "خالد",
            "family_name": "الحموي",
            "birth_year": "1975",
            "sex": "male",
        },
        {
            "first_name": "Omar",
            "father_name": "Khaled",
            "family_name": "Al-Hamwi",
            "birth_year": "1979",
            "sex": "male",
        },
        {"full_name": "رنا عمر الخطيب", "birth_year": "1990"},
    ]
    result = link(rows, threshold=0.9, keep_pairs_above=0.0)
    pairs = [(0, 1), (2, 3), (0, 2), (1, 4)]
    monkeypatch.setattr(engine, "SCORE_BATCH", 3)  # two batches: 3 pairs, then 1
    batched = review.explain_pairs(
        rows, pairs, term_frequencies=result.term_frequencies, population=len(rows)
    )
    linked = {(p.left, p.right): p.probability for p in result.pairs}
    assert (0, 1) in linked  # (2, 3) are four years apart: never compared by link
    for (a, b), evidence in zip(pairs, batched, strict=True):
        one = score_pair(
            rows[a], rows[b], population=len(rows), term_frequencies=result.term_frequencies
        )
        assert evidence == runs._evidence(one)
        if (a, b) in linked:
            assert one.probability == pytest.approx(linked[(a, b)], abs=1e-6)


def test_the_same_name_written_alike_is_shown_as_the_same_spelling() -> None:
    # The mother's comparison has no "same spelling" level: «ريم» twice is its "same name".
    pair = CandidatePair(
        evidence=[
            {"field": "mother_name", "value_a": "ريم", "value_b": "ريم", "level": "same name"},
            {"field": "first_name", "value_a": "رنا", "value_b": "Rana", "level": "same name"},
        ]
    )
    same, other = review.evidence_rows(pair)
    assert same["level_label"] == review.level_label("same spelling")
    assert other["level_label"] == review.level_label("same name")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "counts", "expected"),
    [
        (
            "en",
            (11, 9, 0, 1),
            "11 records compared: 9 new pairs to review, 0 pairs updated, 1 pair",
        ),
        ("ar", (11, 9, 0, 0), "قورن 11 سجلاً: 9 أزواج جديدة للمراجعة، ولم يُحدَّث أي زوج،"),
        ("ar", (77, 36, 2, 1), "قورن 77 سجلاً: 36 زوجاً جديداً للمراجعة، وحُدّث زوجان، وتُرك زوج واحد"),
    ],
)
def test_a_finished_run_counts_in_their_plural_forms(
    officer: Any, two_lists: Any, language: str, counts: tuple[int, int, int, int], expected: str
) -> None:
    # Each count takes its own plural form («9 أزواج», «36 زوجاً», «زوجان»), not one form for all.
    run = review.matching_run_start(actor=officer, source_lists=list(two_lists))
    records, new, updated, skipped = counts
    MatchRun.objects.filter(pk=run.pk).update(
        state="done",
        records=records,
        pairs_new=new,
        pairs_updated=updated,
        pairs_decided_skipped=skipped,
    )
    client = signed_in(officer)
    client.cookies["mizan_language"] = language
    page = client.get(reverse("missing:match_run_detail", args=[run.pk])).content.decode()
    assert expected in " ".join(page.split())
