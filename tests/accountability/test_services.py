"""Submissions and proceedings through their services: the status history, the rules that
refuse bad input (nothing written), the audit entries, the reminders."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from mizan.accountability import selectors, services
from mizan.accountability.models import Hearing, StatusChange, Submission
from mizan.core.audit import audit_verify
from mizan.core.models import AuditEntry
from mizan.core.sensitivity import Sensitivity

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def _submission(recipient: Any, actor: Any = None, **extra: Any) -> Submission:
    return services.submission_create(
        actor=actor,
        data={"title": "Communication", "recipient": recipient, **extra.pop("data", {})},
        status=Submission.Status.SENT,
        status_on=extra.pop("status_on", ago(10)),
        source="e-mail",
        **extra,
    )


def test_status_history_is_kept_and_audited(recipient: Any, legal_a: Any) -> None:
    submission = _submission(recipient, legal_a)
    services.status_record(
        actor=legal_a,
        submission=submission,
        status="acknowledged",
        on=ago(5),
        source="letter",
        recipient_reference="OTP-CR-1/26",
    )
    services.status_record(actor=legal_a, submission=submission, status="registered", on=ago(1))
    submission.refresh_from_db()
    assert submission.status == "registered" and submission.status_on == ago(1)
    assert submission.sent_on == ago(10)
    assert submission.recipient_reference == "OTP-CR-1/26"
    assert list(submission.history.values_list("status", flat=True)) == [
        "sent",
        "acknowledged",
        "registered",
    ]
    entries = AuditEntry.objects.filter(
        object_type="accountability.submission", object_id=str(submission.pk)
    ).order_by("seq")
    assert entries.count() == 3
    assert entries.last().detail == {"from": "acknowledged", "to": "registered", "on": str(ago(1))}
    assert not audit_verify()


def test_status_going_back_needs_a_reason(recipient: Any) -> None:
    submission = _submission(recipient)
    services.status_record(actor=None, submission=submission, status="registered", on=ago(3))
    with pytest.raises(ValidationError, match="say why the status goes back"):
        services.status_record(actor=None, submission=submission, status="sent", on=ago(2))
    assert StatusChange.objects.filter(submission=submission).count() == 2
    submission.refresh_from_db()
    assert submission.status == "registered"
    services.status_record(
        actor=None, submission=submission, status="sent", on=ago(2), reason="Sent again"
    )
    submission.refresh_from_db()
    assert submission.status == "sent"


def test_requests_and_answers_may_alternate(recipient: Any) -> None:
    submission = _submission(recipient)
    for status, days in (("info_requested", 8), ("info_provided", 6), ("info_requested", 4)):
        services.status_record(actor=None, submission=submission, status=status, on=ago(days))
    assert submission.history.count() == 4


def test_a_date_before_the_current_status_or_in_the_future_is_refused(recipient: Any) -> None:
    submission = _submission(recipient)
    with pytest.raises(ValidationError, match="before the current status"):
        services.status_record(actor=None, submission=submission, status="acknowledged", on=ago(11))
    with pytest.raises(ValidationError, match="in the future"):
        services.status_record(
            actor=None,
            submission=submission,
            status="acknowledged",
            on=TODAY + datetime.timedelta(days=1),
        )
    assert submission.history.count() == 1


def test_a_recipients_reference_belongs_to_one_submission(recipient: Any) -> None:
    first = _submission(recipient)
    services.status_record(
        actor=None, submission=first, status="registered", on=ago(2), recipient_reference="R-7"
    )
    second = _submission(recipient)
    with pytest.raises(ValidationError, match="already gave the reference R-7"):
        services.status_record(
            actor=None,
            submission=second,
            status="registered",
            on=ago(2),
            recipient_reference="R-7",
        )
    second.refresh_from_db()
    assert second.status == "sent" and second.recipient_reference == ""
    assert second.history.count() == 1
    with pytest.raises(ValidationError, match="already gave the reference"):
        _submission(recipient, data={"recipient_reference": "R-7"})
    assert Submission.objects.count() == 2


def test_a_reference_clash_names_the_other_submission_only_to_who_may_see_it(
    recipient: Any, legal_a: Any, legal_b: Any, team_a: Any
) -> None:
    """A clash of the recipient's reference must not tell an outsider the number of a
    submission of another team (nor that it exists under that number)."""
    hidden = _submission(
        recipient,
        legal_a,
        data={
            "recipient_reference": "OTP-9/26",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
    )
    own = _submission(recipient, legal_b)
    step: dict[str, Any] = {"submission": own, "status": "registered", "on": ago(1)}
    attempts: list[Callable[[], Any]] = [
        lambda: services.status_record(actor=legal_b, recipient_reference="OTP-9/26", **step),
        lambda: services.status_check(actor=legal_b, recipient_reference="OTP-9/26", **step),
        lambda: services.submission_update(
            actor=legal_b, submission=own, data={"recipient_reference": "OTP-9/26"}
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        text = " ".join(refused.value.messages)
        assert "OTP-9/26" in text and "another submission, which you may not see" in text
        assert hidden.reference not in text
    own.refresh_from_db()
    assert own.status == "sent" and own.recipient_reference == ""
    # Its own team may learn which submission holds the reference.
    mine = _submission(recipient, legal_a, data={"team": team_a})
    with pytest.raises(ValidationError, match=f"to the submission {hidden.reference}"):
        services.submission_update(
            actor=legal_a, submission=mine, data={"recipient_reference": "OTP-9/26"}
        )


def test_a_case_file_the_user_may_not_see_is_refused(
    recipient: Any, legal_b: Any, case_file_a: Any
) -> None:
    with pytest.raises(ValidationError, match="You may not see CF-SYN-A"):
        _submission(recipient, legal_b, case_files=[case_file_a])
    assert not Submission.objects.exists()
    assert not AuditEntry.objects.filter(object_type="accountability.submission").exists()


def test_correspondence_is_a_locker_item_of_the_submissions_protection(
    recipient: Any, legal_a: Any, team_a: Any, case_file_a: Any
) -> None:
    submission = _submission(
        recipient,
        legal_a,
        case_files=[case_file_a],
        data={"sensitivity": Sensitivity.CONFIDENTIAL, "team": team_a},
    )
    item = services.correspondence_add(
        actor=legal_a, submission=submission, stream=io.BytesIO(b"letter"), filename="ack.pdf"
    )
    assert item.team == team_a and item.sensitivity == Sensitivity.CONFIDENTIAL
    assert list(item.case_files.all()) == [case_file_a]
    assert item.custody_events.get().action == "ingest"
    assert submission.items.get() == item


def test_reminders_overdue_unanswered_and_hearings(
    recipient: Any, legal_a: Any, legal_b: Any, team_a: Any
) -> None:
    due = _submission(recipient, data={"due_on": ago(1)})
    stale = _submission(recipient, status_on=ago(95))
    _submission(recipient, status_on=ago(30))  # sent a month ago: not yet a reminder
    hidden = _submission(
        recipient,
        status_on=ago(200),
        data={"sensitivity": Sensitivity.CONFIDENTIAL, "team": team_a},
    )
    proceeding = services.proceeding_create(
        actor=None,
        data={
            "jurisdiction": "Germany",
            "court": "OLG",
            "case_name": "P v. X",
            "opened_on": ago(50),
        },
    )
    services.hearing_add(
        actor=None, proceeding=proceeding, data={"held_on": TODAY + datetime.timedelta(days=2)}
    )
    seen = {(r.reference, r.overdue) for r in selectors.reminders_for(legal_b)}
    assert (due.reference, True) in seen
    assert (stale.reference, True) in seen
    assert hidden.reference not in {ref for ref, _ in seen}  # team A's, out of reach
    assert any(r.text.startswith("Hearing") for r in selectors.reminders_for(legal_b))
    # A Latin name inside an Arabic reminder is isolated (FSI … PDI), so the line reads right
    # to left with the colon by the name (issue 19's bidi rule).
    with translation.override("ar"):
        texts = [r.text for r in selectors.reminders_for(legal_b)]
    assert f"\u2068{recipient.name}\u2069" in "".join(texts)
    assert "\u2068P v. X\u2069" in "".join(texts)
    assert hidden.reference in {r.reference for r in selectors.reminders_for(legal_a)}
    assert due.is_overdue(TODAY) and stale.is_overdue(TODAY)
    services.status_record(actor=None, submission=stale, status="closed", on=TODAY)
    stale.refresh_from_db()
    assert not stale.is_overdue(TODAY)


def test_a_hearing_or_decision_before_the_proceeding_opened_is_refused() -> None:
    proceeding = services.proceeding_create(
        actor=None,
        data={"jurisdiction": "France", "court": "Paris", "case_name": "C", "opened_on": ago(10)},
    )
    with pytest.raises(ValidationError, match="before the proceeding opened"):
        services.hearing_add(actor=None, proceeding=proceeding, data={"held_on": ago(11)})
    with pytest.raises(ValidationError, match="before the proceeding opened"):
        services.decision_add(
            actor=None, proceeding=proceeding, data={"decided_on": ago(11), "kind": "verdict"}
        )
    assert not Hearing.objects.exists()
    services.hearing_add(actor=None, proceeding=proceeding, data={"held_on": ago(5)})
    with pytest.raises(ValidationError, match="before the proceeding would open"):
        services.proceeding_update(actor=None, proceeding=proceeding, data={"opened_on": ago(1)})


def test_monitoring_report_is_drafted_from_notes_and_published_to_the_library() -> None:
    from mizan.library.models import Document

    proceeding = services.proceeding_create(
        actor=None,
        data={"jurisdiction": "France", "court": "Paris", "case_name": "C", "opened_on": ago(10)},
    )
    services.hearing_add(
        actor=None,
        proceeding=proceeding,
        data={"held_on": ago(5), "notes_ar": "شهادة خبير", "notes_en": "An expert testified"},
    )
    report = services.report_draft(actor=None, proceeding=proceeding)
    assert "شهادة خبير" in report.body_ar and "An expert testified" in report.body_en
    services.report_publish(actor=None, report=report)
    document = Document.objects.get(pk=report.document_id)
    assert document.sensitivity == Sensitivity.PUBLIC and document.collection == "publication"
    assert document.versions.count() == 2
    with pytest.raises(ValidationError, match="already published"):
        services.report_publish(actor=None, report=report)


def test_case_file_timeline_shows_submissions_and_proceedings(
    recipient: Any, legal_a: Any, case_file_a: Any
) -> None:
    submission = _submission(recipient, legal_a, case_files=[case_file_a])
    proceeding = services.proceeding_create(
        actor=None,
        data={
            "jurisdiction": "France",
            "court": "Paris",
            "case_name": "Fed",
            "opened_on": ago(3),
            "submissions": [submission],
        },
    )
    entries = selectors.case_file_timeline(legal_a, case_file_a)
    assert entries[0].reference == submission.reference
    assert any("Fed" in e.text for e in entries) and proceeding.pk
