"""Pages of the accountability tracker. Thin: parse, call a selector or a service, render.

Every page goes through the permission layer: a submission or proceeding out of reach answers
404, and what it holds that the user may not see is left out. ``submission_new`` takes what is
being recorded from its query string — ``?handover=HO-…`` (the handover list offers it),
``?act=<pk>&form=wgeid`` (next to a UN submission PDF), ``?case_file=<pk>`` — so the evidence
and documentation apps link here without importing this app.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mizan.accountability import forms, selectors, services
from mizan.accountability.models import Agreement, MonitoringReport, Proceeding, Submission
from mizan.cases.models import CaseFile
from mizan.core.audit import Action, audit_record
from mizan.core.editing import create_page, edit_page, error_text
from mizan.core.exports import csv_writer
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.permissions import get_visible_or_404
from mizan.evidence.models import Recipient

VIEW = "accountability.view_submission"
ADD = "accountability.add_submission"
CHANGE = "accountability.change_submission"
VIEW_PROCEEDING = "accountability.view_proceeding"
ADD_PROCEEDING = "accountability.add_proceeding"
CHANGE_PROCEEDING = "accountability.change_proceeding"
VIEW_AGREEMENT = "accountability.view_agreement"
ADD_AGREEMENT = "accountability.add_agreement"
CHANGE_AGREEMENT = "accountability.change_agreement"


# --- The public record ---------------------------------------------------------------------


def public(request: HttpRequest) -> HttpResponse:
    """The public site's page of what the organisation chose to make public (bilingual)."""
    return render(request, "accountability/public.html", selectors.public_record())


# --- Submissions ----------------------------------------------------------------------------


@login_required
@permission_required(VIEW, raise_exception=True)
def submission_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = status if status in Submission.Status.values else ""
    recipient = request.GET.get("recipient", "")
    recipient = recipient if recipient.isdigit() else ""
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    submissions = selectors.submissions_visible_to(
        request.user, recipient=recipient, status=status, year=year, query=query
    )
    page = Paginator(submissions, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accountability/submission_list.html",
        {
            "page_obj": page,
            "query": query,
            "status": status,
            "recipient": recipient,
            "year": year_text if year else "",
            "statuses": Submission.Status.choices,
            "recipients": Recipient.objects.all(),
            "today": timezone.localdate(),
            "reminders": selectors.reminders_for(request.user),
        },
    )


@login_required
@permission_required(ADD, raise_exception=True)
def submission_new(request: HttpRequest) -> HttpResponse:
    handover = None
    if request.GET.get("handover"):
        handover = selectors.handover_for(request.user, request.GET["handover"][:24])
        if handover is None:
            messages.error(
                request, _("There is no handover package with that reference you may see.")
            )
            return redirect("accountability:submission_list")
    act = None
    un_form = request.GET.get("form", "")
    if request.GET.get("act"):
        act = selectors.act_for(request.user, request.GET["act"])
        if act is None or un_form not in Submission.UnForm.values or not un_form:
            messages.error(request, _("There is no UN submission of that act you may see."))
            return redirect("accountability:submission_list")
    agreement = None
    if request.GET.get("agreement", "").isdigit():
        agreement = selectors.agreement_for(request.user, int(request.GET["agreement"]))
    case_file = None
    if request.GET.get("case_file", "").isdigit():
        case_file = get_visible_or_404(CaseFile, request.user, pk=int(request.GET["case_file"]))
    initial: dict[str, Any] = {}
    if handover is not None:
        initial = {
            "title": _("Handover package %(ref)s") % {"ref": handover.reference},
            "recipient": handover.recipient,
            "case_files": [handover.case_file] if handover.case_file else [],
            "channel": Submission.Channel.SECURE_TRANSFER,
        }
    elif act is not None:
        initial = {
            "title": f"{Submission.UnForm(un_form).label}: {act.incident.reference}",
            "channel": Submission.Channel.EMAIL,
        }
    elif case_file is not None:
        initial = {"title": case_file.title, "case_files": [case_file]}
    if agreement is not None and initial.get("recipient") in (None, agreement.recipient):
        initial.update({"recipient": agreement.recipient, "agreement": agreement})

    def save(cleaned: dict[str, Any]) -> Submission:
        data = dict(cleaned)
        sent = data.pop("sent")
        status_on = data.pop("status_on")
        source = data.pop("source")
        case_files = list(data.pop("case_files"))
        items = data.pop("item_refs")
        if act is not None:
            data["un_form"] = un_form
        return services.submission_create(
            actor=request.user,
            data=data,
            case_files=case_files,
            handovers=[handover] if handover else [],
            acts=[act] if act else [],
            items=items,
            status=Submission.Status.SENT if sent else Submission.Status.PREPARED,
            status_on=status_on,
            source=source,
        )

    return create_page(
        request,
        forms.SubmissionForm(request.POST or None, actor=request.user, initial=initial),
        save=save,
        success_url=lambda submission: reverse(
            "accountability:submission_detail", args=[submission.pk]
        ),
        template="accountability/submission_form.html",
        context={
            "handover": handover,
            "act": act,
            "un_form": un_form,
            "title": _("Record a submission"),
            # A package recorded before (a second submission of it is allowed: sent again).
            "recorded": selectors.submissions_visible_to(request.user).filter(handovers=handover)
            if handover
            else [],
        },
        saved_message=lambda submission: (
            _("The submission was recorded as %(ref)s.") % {"ref": submission.reference}
        ),
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for(request.user, pk)
    audit_view_if_sensitive(request, submission)
    return render(
        request,
        "accountability/submission_detail.html",
        {
            "submission": submission,
            "status_form": forms.StatusForm(),
            # The agreement is named only to those who may see it.
            "agreement": submission.agreement
            if submission.agreement is not None and submission.agreement.is_visible_to(request.user)
            else None,
            "today": timezone.localdate(),
            "overdue": submission.is_overdue(timezone.localdate()),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for(request.user, pk)
    form = forms.SubmissionEditForm(request.POST or None, instance=submission, actor=request.user)
    return edit_page(
        request,
        form,
        save=lambda changes: services.submission_update(
            actor=request.user,
            submission=Submission.objects.get(pk=submission.pk),
            data={name: form.cleaned_data[name] for name in form.Meta.fields},
        ),
        success_url=reverse("accountability:submission_detail", args=[pk]),
        template="accountability/edit_form.html",
        context={"title": submission.reference, "back": submission},
        saved_message=_("The submission was saved."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def status_add(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for(request.user, pk)
    form = forms.StatusForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            # The step is checked before the letter is stored, so a refused status leaves no
            # file in the locker's store; the letter is stored outside any transaction (on
            # SQLite one holds the write lock through the upload), then linked with the step
            # in the step's own transaction (the service checks again under the row lock).
            services.status_check(
                actor=request.user,
                submission=submission,
                status=data["status"],
                on=data["on"],
                reason=data["reason"],
                recipient_reference=data["recipient_reference"],
            )
            upload = data["correspondence"]
            item = None
            if upload is not None:
                item = services.correspondence_store(
                    actor=request.user,
                    submission=submission,
                    stream=upload,
                    filename=upload.name,
                )
            try:
                services.status_record(
                    actor=request.user,
                    submission=submission,
                    status=data["status"],
                    on=data["on"],
                    source=data["source"],
                    reason=data["reason"],
                    recipient_reference=data["recipient_reference"],
                    correspondence=item,
                )
            except ValidationError as exc:
                if item is None:
                    raise
                # Refused under the lock (someone changed the status meanwhile): the locker
                # keeps what it received, so the letter is listed under the submission.
                services.correspondence_link(actor=request.user, submission=submission, item=item)
                messages.error(
                    request,
                    _(
                        "The status was not recorded: %(reason)s The letter is kept with the "
                        "submission's correspondence as %(reference)s."
                    )
                    % {"reason": error_text(exc), "reference": item.reference},
                )
                return redirect("accountability:submission_detail", pk=pk)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The status was recorded."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("accountability:submission_detail", pk=pk)


# --- Agreements -------------------------------------------------------------------------------


@login_required
@permission_required(VIEW_AGREEMENT, raise_exception=True)
def agreement_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    recipient = request.GET.get("recipient", "")
    recipient = recipient if recipient.isdigit() else ""
    agreements = selectors.agreements_visible_to(request.user, recipient=recipient, query=query)
    page = Paginator(agreements, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accountability/agreement_list.html",
        {
            "page_obj": page,
            "query": query,
            "recipient": recipient,
            "recipients": Recipient.objects.all(),
            "today": timezone.localdate(),
        },
    )


def _upload(form: Any) -> tuple[Any, str]:
    upload = form.cleaned_data.get("upload")
    return (upload, upload.name) if upload is not None else (None, "")


@login_required
@permission_required(ADD_AGREEMENT, raise_exception=True)
def agreement_new(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {}
    if request.GET.get("recipient", "").isdigit():
        initial["recipient"] = Recipient.objects.filter(pk=int(request.GET["recipient"])).first()
    form = forms.AgreementForm(
        request.POST or None, request.FILES or None, actor=request.user, initial=initial
    )

    def save(cleaned: dict[str, Any]) -> Agreement:
        data = {name: cleaned[name] for name in form.Meta.fields}
        data["document"] = cleaned["document"]
        stream, filename = _upload(form)
        return services.agreement_create(
            actor=request.user, data=data, stream=stream, filename=filename
        )

    return create_page(
        request,
        form,
        save=save,
        success_url=lambda agreement: reverse(
            "accountability:agreement_detail", args=[agreement.pk]
        ),
        template="accountability/agreement_form.html",
        context={"title": _("Record an agreement")},
        saved_message=_("The agreement was recorded."),
        atomic=False,  # the file is stored before the service's transaction (item_ingest)
    )


@login_required
@permission_required(VIEW_AGREEMENT, raise_exception=True)
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for(request.user, pk)
    audit_view_if_sensitive(request, agreement)
    today = timezone.localdate()
    return render(
        request,
        "accountability/agreement_detail.html",
        {
            "agreement": agreement,
            "document": selectors.agreement_document(request.user, agreement),
            "submissions": selectors.agreement_submissions(request.user, agreement),
            "expired": agreement.is_expired(today),
            "today": today,
        },
    )


@login_required
@permission_required(CHANGE_AGREEMENT, raise_exception=True)
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for(request.user, pk)
    form = forms.AgreementForm(
        request.POST or None, request.FILES or None, instance=agreement, actor=request.user
    )

    def save(data: dict[str, Any]) -> list[str]:
        data.pop("upload", None)
        stream, filename = _upload(form)
        return services.agreement_update(
            actor=request.user,
            agreement=agreement,
            data=data,
            stream=stream,
            filename=filename,
        )

    return edit_page(
        request,
        form,
        save=save,
        success_url=reverse("accountability:agreement_detail", args=[pk]),
        template="accountability/agreement_form.html",
        context={"title": agreement.title, "back": agreement},
        saved_message=_("The agreement was saved."),
        unchanged_message=_("Nothing was changed."),
    )


# --- Overview, timeline -------------------------------------------------------------------


@login_required
@permission_required(VIEW, raise_exception=True)
def overview(request: HttpRequest) -> HttpResponse:
    if request.GET.get("csv"):
        return overview_csv(request)
    return render(request, "accountability/overview.html", selectors.overview(request.user))


@login_required
@permission_required(VIEW, raise_exception=True)
def overview_csv(request: HttpRequest) -> HttpResponse:
    data = selectors.overview(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="accountability-overview.csv"'
    writer = csv_writer(response)
    writer.writerow(["chart", "label", "count"])
    only = request.GET.get("csv", "")
    for chart in data["charts"]:
        if only and chart.key != only:
            continue
        for label, count in chart.rows:
            writer.writerow([chart.key, label, count])
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="accountability.overview",
        request=request,
        detail={"format": "csv"},
    )
    return response


@login_required
@permission_required(VIEW, raise_exception=True)
def case_file_timeline(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = get_visible_or_404(CaseFile, request.user, pk=pk)
    return render(
        request,
        "accountability/timeline.html",
        {"case_file": case_file, "entries": selectors.case_file_timeline(request.user, case_file)},
    )


# --- Proceedings --------------------------------------------------------------------------


@login_required
@permission_required(VIEW_PROCEEDING, raise_exception=True)
def proceeding_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.proceedings_visible_to(request.user, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request, "accountability/proceeding_list.html", {"page_obj": page, "query": query}
    )


@login_required
@permission_required(ADD_PROCEEDING, raise_exception=True)
def proceeding_new(request: HttpRequest) -> HttpResponse:
    form = forms.ProceedingForm(request.POST or None, actor=request.user)
    return create_page(
        request,
        form,
        save=lambda _data: services.proceeding_create(actor=request.user, data=form.relations()),
        success_url=lambda proceeding: reverse(
            "accountability:proceeding_detail", args=[proceeding.pk]
        ),
        template="accountability/edit_form.html",
        context={"title": _("Record a proceeding")},
        saved_message=_("The proceeding was recorded."),
    )


@login_required
@permission_required(CHANGE_PROCEEDING, raise_exception=True)
def proceeding_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proceeding = selectors.proceeding_for(request.user, pk)
    form = forms.ProceedingForm(request.POST or None, instance=proceeding, actor=request.user)
    return edit_page(
        request,
        form,
        save=lambda changes: services.proceeding_update(
            actor=request.user,
            proceeding=Proceeding.objects.get(pk=proceeding.pk),
            data=form.relations(),
        ),
        success_url=reverse("accountability:proceeding_detail", args=[pk]),
        template="accountability/edit_form.html",
        context={"title": proceeding.case_name, "back": proceeding},
        saved_message=_("The proceeding was saved."),
    )


@login_required
@permission_required(VIEW_PROCEEDING, raise_exception=True)
def proceeding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proceeding = selectors.proceeding_for(request.user, pk)
    audit_view_if_sensitive(request, proceeding)
    report = MonitoringReport.objects.filter(proceeding=proceeding).first()
    return render(
        request,
        "accountability/proceeding_detail.html",
        {
            "proceeding": proceeding,
            "report": report,
            "hearing_form": forms.HearingForm(prefix="h"),
            "decision_form": forms.DecisionForm(prefix="d"),
            "today": timezone.localdate(),
        },
    )


def _add_to_proceeding(
    request: HttpRequest, pk: int, form: Any, add: Any, done: str
) -> HttpResponse:
    proceeding = selectors.proceeding_for(request.user, pk)
    if form.is_valid():
        data = dict(form.cleaned_data)
        extra = {"items": data.pop("item_refs")} if "item_refs" in data else {}
        try:
            add(actor=request.user, proceeding=proceeding, data=data, **extra)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, done)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("accountability:proceeding_detail", pk=pk)


@login_required
@permission_required(CHANGE_PROCEEDING, raise_exception=True)
@require_POST
def hearing_add(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.HearingForm(request.POST, prefix="h", actor=request.user)
    return _add_to_proceeding(
        request, pk, form, services.hearing_add, _("The hearing was recorded.")
    )


@login_required
@permission_required(CHANGE_PROCEEDING, raise_exception=True)
@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.DecisionForm(request.POST, prefix="d")
    return _add_to_proceeding(
        request, pk, form, services.decision_add, _("The decision was recorded.")
    )


@login_required
@permission_required(CHANGE_PROCEEDING, raise_exception=True)
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The monitoring report: drafted from the hearings' notes (POST ``draft``), edited, then
    published to the library (POST ``publish``)."""
    proceeding = selectors.proceeding_for(request.user, pk)
    current = MonitoringReport.objects.filter(proceeding=proceeding).first()
    form = forms.ReportForm(request.POST or None, instance=current)
    if request.method == "POST":
        try:
            if "draft" in request.POST:
                services.report_draft(actor=request.user, proceeding=proceeding)
                messages.success(request, _("The report was drafted from the hearings' notes."))
                return redirect("accountability:report", pk=pk)
            if current is None:
                current = services.report_draft(actor=request.user, proceeding=proceeding)
            if form.is_valid():
                current = services.report_update(
                    actor=request.user,
                    report=current,
                    data={name: form.cleaned_data[name] for name in form.Meta.fields},
                )
                if "publish" in request.POST:
                    services.report_publish(actor=request.user, report=current)
                    messages.success(request, _("The report was published to the library."))
                    return redirect("accountability:proceeding_detail", pk=pk)
                messages.success(request, _("The report was saved."))
                return redirect("accountability:report", pk=pk)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
    return render(
        request,
        "accountability/report_form.html",
        {"form": form, "proceeding": proceeding, "report": current},
    )
