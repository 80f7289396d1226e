"""Reads of the accountability tracker, through the permission layer: lists, one record, the
reminders of the dashboard and the digest, the overview's counts and a case file's timeline."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.accountability.models import (
    HEARING_NOTICE_DAYS,
    UNANSWERED_DAYS,
    Agreement,
    Hearing,
    Proceeding,
    StatusChange,
    Submission,
)
from mizan.cases.models import CaseFile
from mizan.core.charts import Chart
from mizan.core.permissions import get_visible_or_404, visibility_q
from mizan.evidence.models import Handover, Item
from mizan.text.bidi import isolate

OPEN = Q(status__in=[s for s in Submission.Status.values if s not in ("declined", "closed")])
AWAITING_ANSWER = (Submission.Status.SENT, Submission.Status.INFO_PROVIDED)


def submissions_visible_to(
    user: Any, *, recipient: str = "", status: str = "", year: int | None = None, query: str = ""
) -> QuerySet[Submission]:
    submissions = Submission.objects.visible_to(user).select_related(
        "recipient", "recipient__category", "team"
    )
    if recipient:
        submissions = submissions.filter(recipient_id=recipient)
    if status:
        submissions = submissions.filter(status=status)
    if year:
        submissions = submissions.filter(status_on__year=year)
    if query:
        submissions = submissions.filter(
            Q(reference__icontains=query)
            | Q(title__icontains=query)
            | Q(recipient_reference__icontains=query)
        )
    return submissions


def submission_for(user: Any, pk: int) -> Submission:
    """One submission the user may see (404 otherwise), with what it holds that the user may
    see: a case file or item out of reach is absent, never named."""
    return get_visible_or_404(
        Submission.objects.select_related(
            "recipient", "recipient__category", "agreement", "team", "created_by"
        ).prefetch_related(
            Prefetch("case_files", queryset=CaseFile.objects.visible_to(user)),
            Prefetch("items", queryset=Item.objects.visible_to(user)),
            Prefetch("acts", queryset=_visible_acts(user)),
            "handovers",
            Prefetch(
                "history",
                queryset=StatusChange.objects.select_related("recorded_by", "correspondence"),
            ),
            Prefetch("proceedings", queryset=Proceeding.objects.visible_to(user)),
        ),
        user,
        pk=pk,
    )


def _visible_acts(user: Any) -> Any:
    from mizan.cases.models import Act

    return Act.objects.filter(visibility_q(user, "incident__")).select_related(
        "incident", "act_type"
    )


def handover_for(user: Any, reference: str) -> Handover | None:
    """A handover package to record as a submission: only when the user may see all of it."""
    handover = (
        Handover.objects.select_related("recipient", "case_file")
        .filter(reference=reference)
        .first()
    )
    if handover is None:
        return None
    if handover.items.exclude(pk__in=Item.objects.visible_to(user)).exists():
        return None
    if handover.case_file is not None and not handover.case_file.is_visible_to(user):
        return None
    return handover


def act_for(user: Any, pk: Any) -> Any:
    """An act whose UN submission PDF is recorded as sent: only one the user may see."""
    if not str(pk).isdigit():
        return None
    return _visible_acts(user).filter(pk=int(pk)).first()


def agreements_visible_to(
    user: Any, *, recipient: str = "", query: str = ""
) -> QuerySet[Agreement]:
    """The agreements the user may see, each with the number of submissions the user may see
    that were made under it."""
    agreements = (
        Agreement.objects.visible_to(user)
        .select_related("recipient", "recipient__category", "team")
        .annotate(
            submission_count=Count(
                "submissions",
                filter=Q(submissions__in=Submission.objects.visible_to(user)),
                distinct=True,
            )
        )
        .order_by("recipient__name", "-signed_on", "pk")
    )
    if recipient:
        agreements = agreements.filter(recipient_id=recipient)
    if query:
        agreements = agreements.filter(Q(title__icontains=query) | Q(terms__icontains=query))
    return agreements


def agreement_for(user: Any, pk: int) -> Agreement:
    """One agreement the user may see (404 otherwise)."""
    return get_visible_or_404(
        Agreement.objects.select_related("recipient", "recipient__category", "team", "document"),
        user,
        pk=pk,
    )


def agreement_document(user: Any, agreement: Agreement) -> Item | None:
    """The signed document, when the user may see it (it is never named otherwise)."""
    document = agreement.document
    return document if document is not None and document.is_visible_to(user) else None


def agreement_submissions(user: Any, agreement: Agreement) -> QuerySet[Submission]:
    """The submissions made under the agreement that the user may see."""
    return submissions_visible_to(user).filter(agreement=agreement)


def proceedings_visible_to(user: Any, *, query: str = "") -> QuerySet[Proceeding]:
    proceedings = (
        Proceeding.objects.visible_to(user)
        .annotate(hearing_count=Count("hearings"))
        .order_by("-opened_on", "-pk")
    )
    if query:
        proceedings = proceedings.filter(
            Q(case_name__icontains=query)
            | Q(case_number__icontains=query)
            | Q(court__icontains=query)
        )
    return proceedings


def _hearings(user: Any) -> QuerySet[Hearing]:
    return Hearing.objects.prefetch_related(
        Prefetch("items", queryset=Item.objects.visible_to(user))
    )


def proceeding_for(user: Any, pk: int) -> Proceeding:
    from mizan.cases.models import Organisation, Person

    # Each relation through the permission layer: an accused, victim or unit out of reach is
    # absent from the page (a list of mixed Prefetch types, which django-stubs cannot unify).
    lookups: list[Any] = [
        Prefetch("accused", queryset=Person.objects.visible_to(user)),
        Prefetch("victims", queryset=Person.objects.visible_to(user)),
        Prefetch("units", queryset=Organisation.objects.visible_to(user)),
        Prefetch("case_files", queryset=CaseFile.objects.visible_to(user)),
        Prefetch(
            "submissions",
            queryset=Submission.objects.visible_to(user).select_related("recipient"),
        ),
        "crimes",
        Prefetch("hearings", queryset=_hearings(user)),
        "decisions",
    ]
    return get_visible_or_404(
        Proceeding.objects.select_related("team", "created_by").prefetch_related(*lookups),
        user,
        pk=pk,
    )


def public_record() -> dict[str, Any]:
    """What the organisation chose to make public: only records marked public with a public
    summary. The page shows only the fields named here, never the records' other contents."""
    return {
        "proceedings": Proceeding.objects.filter(public=True)
        .exclude(public_summary_ar="", public_summary_en="")
        .only(
            "pk",
            "case_name",
            "court",
            "jurisdiction",
            "stage",
            "opened_on",
            "public_summary_ar",
            "public_summary_en",
        )
        .order_by("-opened_on"),
        "submissions": Submission.objects.filter(public=True)
        .exclude(public_summary_ar="", public_summary_en="")
        .select_related("recipient")
        .only(
            "pk",
            "recipient__name",
            "status",
            "status_on",
            "sent_on",
            "public_summary_ar",
            "public_summary_en",
        )
        .order_by("-status_on"),
    }


# --- Reminders --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    when: datetime.date
    overdue: bool
    text: str
    reference: str
    url: str


def reminders_for(user: Any, today: datetime.date | None = None) -> list[Reminder]:
    """What needs the user's attention, oldest first: open submissions whose due date is past
    or within a week, submissions unanswered for ``UNANSWERED_DAYS`` days, hearings within
    ``HEARING_NOTICE_DAYS`` days. Only records the user may see."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=HEARING_NOTICE_DAYS)
    stale = today - datetime.timedelta(days=UNANSWERED_DAYS)
    reminders: list[Reminder] = []
    submissions = (
        Submission.objects.visible_to(user)
        .filter(OPEN)
        .filter(Q(due_on__lte=soon) | Q(status__in=AWAITING_ANSWER, status_on__lte=stale))
        .select_related("recipient")
    )
    for submission in submissions:
        url = reverse("accountability:submission_detail", args=[submission.pk])
        if submission.due_on and submission.due_on <= soon:
            reminders.append(
                Reminder(
                    when=submission.due_on,
                    overdue=submission.due_on < today,
                    text=_("%(recipient)s: due")
                    % {"recipient": isolate(submission.recipient.name)},
                    reference=submission.reference,
                    url=url,
                )
            )
        days = submission.unanswered_since(today)
        if days is not None and days >= UNANSWERED_DAYS:
            reminders.append(
                Reminder(
                    when=submission.status_on + datetime.timedelta(days=UNANSWERED_DAYS),
                    overdue=True,
                    text=ngettext(
                        "%(recipient)s: no answer for %(days)s day",
                        "%(recipient)s: no answer for %(days)s days",
                        days,
                    )
                    % {"recipient": isolate(submission.recipient.name), "days": days},
                    reference=submission.reference,
                    url=url,
                )
            )
    hearings = Hearing.objects.filter(
        visibility_q(user, "proceeding__"), held_on__gte=today, held_on__lte=soon
    ).select_related("proceeding")
    for hearing in hearings:
        reminders.append(
            Reminder(
                when=hearing.held_on,
                overdue=False,
                text=_("Hearing: %(case)s") % {"case": isolate(hearing.proceeding.case_name)},
                reference=hearing.proceeding.case_number,
                url=reverse("accountability:proceeding_detail", args=[hearing.proceeding_id]),
            )
        )
    return sorted(reminders, key=lambda r: (r.when, r.reference))


# --- Overview ---------------------------------------------------------------------------------


def overview(user: Any) -> dict[str, Any]:
    """Counts for the overview page and its CSV: submissions by recipient, status and year; the
    open requests for information; proceedings by country and stage."""
    submissions = Submission.objects.visible_to(user)
    proceedings = Proceeding.objects.visible_to(user)
    statuses = dict(Submission.Status.choices)
    stages = dict(Proceeding.Stage.choices)
    by_recipient = list(
        submissions.values_list("recipient__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "recipient__name")
    )
    by_status = Counter(dict(submissions.values_list("status").annotate(n=Count("pk"))))
    by_year = list(
        submissions.annotate(year=ExtractYear("status_on"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    by_country = list(
        proceedings.values_list("jurisdiction")
        .annotate(n=Count("pk"))
        .order_by("-n", "jurisdiction")
    )
    by_stage = Counter(dict(proceedings.values_list("stage").annotate(n=Count("pk"))))
    return {
        "charts": [
            Chart(
                "recipient", _("Submissions by recipient"), [(str(k), n) for k, n in by_recipient]
            ),
            Chart(
                "status",
                _("Submissions by current status"),
                [
                    (str(label), by_status[code])
                    for code, label in statuses.items()
                    if by_status[code]
                ],
            ),
            Chart(
                "year",
                _("Submissions by year of their current status"),
                [(str(y), n) for y, n in by_year],
            ),
            Chart("country", _("Proceedings by country"), [(str(k), n) for k, n in by_country]),
            Chart(
                "stage",
                _("Proceedings by stage"),
                [(str(label), by_stage[code]) for code, label in stages.items() if by_stage[code]],
            ),
        ],
        "open_requests": submissions.filter(status=Submission.Status.INFO_REQUESTED)
        .select_related("recipient")
        .order_by("due_on", "status_on"),
    }


# --- A case file's timeline -----------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.date
    text: str
    reference: str
    url: str


def case_file_timeline(user: Any, case_file: CaseFile) -> list[TimelineEntry]:
    """Everything sent with the case file and every proceeding it feeds, by date."""
    entries: list[TimelineEntry] = []
    submissions = Submission.objects.visible_to(user).filter(case_files=case_file)
    history = StatusChange.objects.filter(submission__in=submissions).select_related(
        "submission", "submission__recipient"
    )
    for change in history:
        entries.append(
            TimelineEntry(
                when=change.on,
                text=f"{change.submission.recipient.name}: {change.get_status_display()}",
                reference=change.submission.reference,
                url=reverse("accountability:submission_detail", args=[change.submission_id]),
            )
        )
    proceedings = (
        Proceeding.objects.visible_to(user)
        .filter(Q(case_files=case_file) | Q(submissions__in=submissions))
        .distinct()
    )
    for proceeding in proceedings:
        url = reverse("accountability:proceeding_detail", args=[proceeding.pk])
        entries.append(
            TimelineEntry(
                when=proceeding.opened_on,
                text=_("Proceeding opened: %(case)s") % {"case": proceeding.case_name},
                reference=proceeding.case_number,
                url=url,
            )
        )
        for hearing in proceeding.hearings.all():
            entries.append(
                TimelineEntry(
                    when=hearing.held_on,
                    text=_("Hearing: %(case)s") % {"case": proceeding.case_name},
                    reference=proceeding.case_number,
                    url=url,
                )
            )
        for decision in proceeding.decisions.all():
            entries.append(
                TimelineEntry(
                    when=decision.decided_on,
                    text=f"{decision.get_kind_display()}: {proceeding.case_name}",
                    reference=proceeding.case_number,
                    url=url,
                )
            )
    return sorted(entries, key=lambda e: (e.when, e.reference))
