"""Pages of activities. Thin: parse, call a selector or a service, render.

Staff pages go through the permission layer (an activity out of reach answers 404) and views of
confidential activities are audited. Participants' names are shown only as ``person_name_for``
gives them (a pseudonym below confidential clearance). The donor report and the public list
show counts, never names; the public list reads only published public activities.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.activities import forms, reports, selectors, services
from mizan.activities.models import Activity, FollowUp, Indicator, Output, Participant
from mizan.core.charts import Chart
from mizan.core.editing import create_page, edit_page, error_text
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.permissions import person_name_for

VIEW = "activities.view_activity"
ADD = "activities.add_activity"
CHANGE = "activities.change_activity"
PUBLISH = "activities.publish_activity"
VIEW_PROJECT = "activities.view_project"
ADD_PROJECT = "activities.add_project"
CHANGE_PROJECT = "activities.change_project"
ADD_INDICATOR = "activities.add_indicator"
CHANGE_INDICATOR = "activities.change_indicator"
DELETE_INDICATOR = "activities.delete_indicator"


@login_required
@permission_required(VIEW, raise_exception=True)
def staff_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.activities_visible_to(request.user, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "activities/staff_list.html", {"page_obj": page, "query": query})


@login_required
@permission_required(ADD, raise_exception=True)
def create(request: HttpRequest) -> HttpResponse:
    return create_page(
        request,
        forms.ActivityForm(request.POST or None, actor=request.user),
        save=lambda data: services.activity_create(actor=request.user, data=data),
        success_url=lambda activity: reverse("activities:detail", args=[activity.pk]),
        template="activities/form.html",
        context={"title": _("New activity")},
        saved_message=lambda activity: (
            _("The activity was recorded as %(ref)s.") % {"ref": activity.reference}
        ),
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_for(request.user, pk)
    audit_view_if_sensitive(request, activity)
    participants = [
        {"row": row, "name": person_name_for(row.person, request.user)}
        for row in activity.participants.select_related("person", "age_band", "group")
    ]
    sheet = activity.attendance_sheet
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "participants": participants,
            "counts": activity.counts.select_related("term").order_by(
                "term__vocabulary", "term__sort_order"
            ),
            "sheet": sheet if sheet is not None and sheet.is_visible_to(request.user) else None,
            "outputs": [
                {
                    "row": output,
                    # Linked records are shown by their own level, never the activity's.
                    "document": output.document
                    if output.document and output.document.is_visible_to(request.user)
                    else None,
                    "item": output.item
                    if output.item and output.item.is_visible_to(request.user)
                    else None,
                }
                for output in activity.outputs.select_related("document", "item")
            ],
            "projects": [
                {"project": p, "donor": p.donor if p.donor.is_visible_to(request.user) else None}
                for p in activity.projects.select_related("donor")
            ],
            "follow_ups": activity.follow_ups.all(),
            "today": timezone.localdate(),
            "organisers": activity.organisers.visible_to(request.user),
            "partners": activity.partners.visible_to(request.user),
        },
    )


def _changeable(request: HttpRequest, pk: int) -> Any:
    return selectors.activity_for(request.user, pk)


@login_required
@permission_required(CHANGE, raise_exception=True)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    return edit_page(
        request,
        forms.ActivityForm(request.POST or None, instance=activity, actor=request.user),
        save=lambda data: services.activity_update(
            actor=request.user, activity=activity, data=data
        ),
        success_url=reverse("activities:detail", args=[pk]),
        template="activities/form.html",
        context={"title": _("Edit activity"), "activity": activity},
        saved_message=_("The activity was saved."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def counts(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    form = forms.CountsForm(request.POST or None, activity=activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.counts_set(
                actor=request.user,
                activity=activity,
                figures=form.cleaned_data,
                breakdown=form.breakdown(),
                with_disability=form.cleaned_data.get("with_disability"),
            )
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("The participants were counted."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/counts.html", {"form": form, "activity": activity})


@login_required
@permission_required(CHANGE, raise_exception=True)
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    # "Save and add another" comes back to an empty form.
    following = "activities:participant_add" if "another" in request.POST else "activities:detail"
    return create_page(
        request,
        forms.ParticipantForm(request.POST or None),
        save=lambda data: services.participant_add(
            actor=request.user, activity=activity, data=data
        ),
        success_url=reverse(following, args=[activity.pk]),
        template="activities/small_form.html",
        context={"activity": activity, "title": _("Add a participant"), "another": True},
        saved_message=_("The participant was added to the list."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def participant_remove(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    participant = get_object_or_404(Participant, pk=participant_pk, activity=activity)
    services.participant_remove(actor=request.user, participant=participant)
    messages.success(request, _("The participant was taken off the list."))
    return redirect("activities:detail", pk=activity.pk)


@login_required
@permission_required(CHANGE, raise_exception=True)
def sheet_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)

    def save(data: dict[str, Any]) -> Activity:
        upload = data["file"]
        return services.sheet_attach(
            actor=request.user, activity=activity, stream=upload, filename=upload.name
        )

    return create_page(
        request,
        forms.FileForm(request.POST or None, request.FILES or None),
        save=save,
        success_url=reverse("activities:detail", args=[activity.pk]),
        template="activities/small_form.html",
        context={"activity": activity, "title": _("Attendance sheet"), "upload": True},
        saved_message=_("The attendance sheet is in the evidence locker."),
        atomic=False,  # the file is stored before the service's transaction (item_ingest)
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def output_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)

    def save(cleaned: dict[str, Any]) -> Output:
        upload = cleaned.get("file")
        return services.output_add(
            actor=request.user,
            activity=activity,
            data={k: v for k, v in cleaned.items() if k != "file"},
            stream=upload,
            filename=upload.name if upload else "",
        )

    return create_page(
        request,
        forms.OutputForm(request.POST or None, request.FILES or None, actor=request.user),
        save=save,
        success_url=reverse("activities:detail", args=[activity.pk]),
        template="activities/small_form.html",
        context={"activity": activity, "title": _("Add an output"), "upload": True},
        saved_message=_("The output was recorded."),
        atomic=False,  # the file is stored before the service's transaction (item_ingest)
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    form = forms.FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.follow_up_add(actor=request.user, activity=activity, data=form.cleaned_data)
        messages.success(request, _("The follow-up action was recorded."))
        return redirect("activities:detail", pk=activity.pk)
    return render(
        request,
        "activities/small_form.html",
        {"form": form, "activity": activity, "title": _("Add a follow-up action")},
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def follow_up_done(request: HttpRequest, pk: int, follow_up_pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    follow_up = get_object_or_404(FollowUp, pk=follow_up_pk, activity=activity)
    services.follow_up_done(actor=request.user, follow_up=follow_up, on=timezone.localdate())
    return redirect("activities:detail", pk=activity.pk)


@login_required
@permission_required(PUBLISH, raise_exception=True)
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _changeable(request, pk)
    try:
        if request.POST.get("publish") == "0":
            services.activity_unpublish(actor=request.user, activity=activity)
            messages.success(request, _("The activity was taken off the public site."))
        else:
            services.activity_publish(actor=request.user, activity=activity)
            messages.success(request, _("The activity is on the public list of completed work."))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("activities:detail", pk=activity.pk)


# --- Projects and their indicators ------------------------------------------------------------


@login_required
@permission_required(VIEW_PROJECT, raise_exception=True)
def project_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.projects_visible_to(request.user, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "activities/project_list.html",
        {
            "page_obj": page,
            "rows": [
                {"project": p, "donor": selectors.project_donor(request.user, p)} for p in page
            ],
            "query": query,
            "today": timezone.localdate(),
        },
    )


@login_required
@permission_required(ADD_PROJECT, raise_exception=True)
def project_new(request: HttpRequest) -> HttpResponse:
    return create_page(
        request,
        forms.ProjectForm(request.POST or None, actor=request.user),
        save=lambda data: services.project_create(actor=request.user, data=data),
        success_url=lambda project: reverse("activities:project_detail", args=[project.pk]),
        template="activities/project_form.html",
        context={"title": _("New project")},
        saved_message=lambda project: (
            _("The project %(code)s was recorded.") % {"code": project.code}
        ),
    )


@login_required
@permission_required(VIEW_PROJECT, raise_exception=True)
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for(pk)
    today = timezone.localdate()
    figures = selectors.project_report(request.user, project, today)
    return render(
        request,
        "activities/project_detail.html",
        {
            "project": project,
            "donor": selectors.project_donor(request.user, project),
            "report": figures,
            "indicator_form": forms.IndicatorForm(project=project, prefix="i"),
            "report_query": f"project={project.pk}&start={figures.start:%Y-%m-%d}"
            f"&end={figures.end:%Y-%m-%d}",
            "today": today,
        },
    )


@login_required
@permission_required(CHANGE_PROJECT, raise_exception=True)
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for(pk)
    return edit_page(
        request,
        forms.ProjectForm(request.POST or None, instance=project, actor=request.user),
        save=lambda data: services.project_update(actor=request.user, project=project, data=data),
        success_url=reverse("activities:project_detail", args=[pk]),
        template="activities/project_form.html",
        context={"title": _("Edit project"), "project": project},
        saved_message=_("The project was saved."),
        unchanged_message=_("Nothing was changed."),
    )


@login_required
@permission_required(ADD_INDICATOR, raise_exception=True)
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_for(pk)
    return create_page(
        request,
        forms.IndicatorForm(
            request.POST or None, instance=Indicator(project=project), project=project, prefix="i"
        ),
        save=lambda data: services.indicator_add(actor=request.user, project=project, data=data),
        success_url=reverse("activities:project_detail", args=[project.pk]),
        template="activities/project_form.html",
        context={"title": _("Add an indicator"), "project": project},
        saved_message=_("The indicator was added."),
    )


def _indicator(project_pk: int, indicator_pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("project"), pk=indicator_pk, project_id=project_pk
    )


@login_required
@permission_required(CHANGE_INDICATOR, raise_exception=True)
def indicator_edit(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    indicator = _indicator(pk, indicator_pk)
    return edit_page(
        request,
        forms.IndicatorForm(
            request.POST or None, instance=indicator, project=indicator.project, prefix="i"
        ),
        save=lambda data: services.indicator_update(
            actor=request.user, indicator=indicator, data=data
        ),
        success_url=reverse("activities:project_detail", args=[pk]),
        template="activities/project_form.html",
        context={"title": _("Edit indicator"), "project": indicator.project},
        saved_message=_("The indicator was saved."),
        unchanged_message=_("Nothing was changed."),
    )


@login_required
@permission_required(DELETE_INDICATOR, raise_exception=True)
@require_POST
def indicator_remove(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    indicator = _indicator(pk, indicator_pk)
    services.indicator_remove(actor=request.user, indicator=indicator)
    messages.success(request, _("The indicator was removed."))
    return redirect("activities:project_detail", pk=pk)


# --- Donor report --------------------------------------------------------------------------------


def report_charts(report: selectors.DonorReport) -> list[Chart]:
    return [
        Chart("by_type", _("Activities by type"), [(str(k), n) for k, n in report.by_type]),
        Chart("by_month", _("Activities by month"), report.by_month),
        Chart(
            "by_sex",
            _("Participants by sex and age"),
            [(str(reports.SEX_LABELS[name]), report.sexes[name]) for name in reports.SEX_LABELS],
        ),
        Chart("groups", _("Participants by group"), [(str(k), n) for k, n in report.groups]),
        Chart(
            "age_bands", _("Participants by age band"), [(str(k), n) for k, n in report.age_bands]
        ),
    ]


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    form = forms.ReportForm(request.GET or None, actor=request.user)
    context: dict[str, Any] = {"form": form}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        figures = selectors.donor_report(
            request.user,
            project=data["project"],
            donor=data["donor"],
            start=data["start"],
            end=data["end"],
        )
        fmt = request.GET.get("format", "")
        if fmt in ("xlsx", "pdf"):
            subject = data["project"].code if data["project"] else f"donor-{data['donor'].pk}"
            name = f"mizan-{subject}-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}"
            if fmt == "xlsx":
                body = reports.report_xlsx(figures, actor=request.user)
                kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            else:
                body = reports.report_pdf(figures, actor=request.user)
                kind = "application/pdf"
            response = HttpResponse(body, content_type=kind)
            response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
            return response
        context.update(
            {
                "report": figures,
                "project": data["project"],
                "charts": report_charts(figures),
                "query": request.GET.urlencode(),
            }
        )
    return render(request, "activities/report.html", context)


# --- Public record of work ------------------------------------------------------------------------


@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    activities = list(selectors.public_activities())
    return render(
        request,
        "activities/public_list.html",
        {"years": selectors.public_by_year(activities), "total": len(activities)},
    )
