"""The daily digest and the demo data, through call_command."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mizan.accountability import services
from mizan.accountability.models import Submission
from mizan.core.sensitivity import Sensitivity

pytestmark = pytest.mark.django_db


def test_digest_holds_only_what_each_reader_may_see(
    recipient: Any, legal_a: Any, legal_b: Any, team_a: Any
) -> None:
    legal_a.email, legal_b.email = "a@example.org", "b@example.org"
    legal_a.save()
    legal_b.save()

    def unanswered(**data: Any) -> Submission:
        return services.submission_create(
            actor=None,
            data={"title": "T", "recipient": recipient, **data},
            status=Submission.Status.SENT,
            status_on=timezone.localdate() - datetime.timedelta(days=120),
        )

    submission = unanswered(sensitivity=Sensitivity.INTERNAL, team=team_a)
    # E-mail is no session verified with a second factor: confidential records stay out.
    confidential = unanswered(sensitivity=Sensitivity.CONFIDENTIAL)
    dry = io.StringIO()
    call_command("accountability_digest", stdout=dry)
    assert submission.reference in dry.getvalue() and not mail.outbox
    assert "bilal_outsider" not in dry.getvalue()  # nothing due that the outsider may see
    call_command("accountability_digest", "--send", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert submission.reference in mail.outbox[0].body
    assert confidential.reference not in mail.outbox[0].body


def test_demo_data_shows_the_three_recipients_and_a_monitored_trial() -> None:
    call_command("demo_data", "--quiet-credentials", stdout=io.StringIO())
    recipients = set(Submission.objects.values_list("recipient__category__code", flat=True))
    assert recipients == {"iiim", "war_crimes_unit", "icc_otp"}
    iiim = Submission.objects.get(recipient__category__code="iiim")
    assert list(iiim.history.values_list("status", flat=True)) == [
        "sent",
        "acknowledged",
        "info_requested",
    ]
    assert iiim.handovers.exists() and iiim.recipient_reference
    from mizan.accountability.models import Proceeding

    trial = Proceeding.objects.get()
    assert trial.hearings.count() == 4 and trial.report.body_ar
    call_command("demo_data", "--quiet-credentials", stdout=io.StringIO())  # idempotent
    assert Submission.objects.count() == 3
