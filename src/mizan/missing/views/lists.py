"""Pages of the source lists: the lists, a list, importing a file into it (upload, checks,
confirmation) and one imported record. Thin: parse, call a selector or a service, render."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from mizan.core.permissions import get_visible_or_404
from mizan.missing import forms, importing, selectors, services
from mizan.missing.models import (
    ImportJob,
    SourceList,
)
from mizan.missing.review.labels import column_label
from mizan.missing.views.common import IMPORT

# --- Source lists and imports -------------------------------------------------------------


@login_required
@permission_required("missing.view_sourcelist", raise_exception=True)
def list_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "missing/list_list.html",
        {"lists": selectors.source_lists_visible_to(request.user)},
    )


@login_required
@permission_required("missing.add_sourcelist", raise_exception=True)
def list_create(request: HttpRequest) -> HttpResponse:
    form = forms.SourceListForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        source_list = services.source_list_create(actor=request.user, data=form.cleaned_data)
        messages.success(request, _("The list was created; now import its file."))
        return redirect("missing:list_detail", pk=source_list.pk)
    return render(
        request,
        "missing/form.html",
        {"form": form, "title": _("New source list"), "back": reverse("missing:list_list")},
    )


@login_required
@permission_required("missing.view_sourcelist", raise_exception=True)
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source_list = get_visible_or_404(SourceList, request.user, pk=pk)
    page = Paginator(selectors.records_of(request.user, source_list), 100).get_page(
        request.GET.get("page")
    )
    can_import = request.user.has_perm(IMPORT) and source_list.state == SourceList.State.EMPTY
    return render(
        request,
        "missing/list_detail.html",
        {
            "source_list": source_list,
            "page_obj": page,
            "import_form": forms.ImportForm() if can_import else None,
            "jobs": source_list.jobs.all()[:10],
            "columns": importing.COLUMNS,
            "aliases": [
                (column, column_label(column), names)
                for column, names in importing.HEADER_ALIASES.items()
            ],
        },
    )


# Room for the form's other fields and the multipart framing around the file.
FORM_OVERHEAD = 64 * 1024


def _too_large(size: int) -> str:
    limit = importing.max_bytes()
    return str(
        importing.ImportRefused(
            "too_large", size=f"{size / 1024 / 1024:,.0f}", limit=f"{limit / 1024 / 1024:,.0f}"
        )
    )


@csrf_exempt  # checked below, once the size is known: the check must not read a 2 GB body
@login_required
@permission_required(IMPORT, raise_exception=True)
@require_POST
def list_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Store the uploaded file and start its dry run in the background.

    A body larger than the limit is refused from its Content-Length, before Django reads it
    (the CSRF check would otherwise read and spool the whole upload first).
    """
    get_visible_or_404(SourceList, request.user, pk=pk)
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > importing.max_bytes() + FORM_OVERHEAD:
        messages.error(request, _too_large(length))
        response = redirect("missing:list_detail", pk=pk)
        response["Connection"] = "close"
        return response
    return _list_import_checked(request, pk)


@csrf_protect
def _list_import_checked(request: HttpRequest, pk: int) -> HttpResponse:
    source_list = get_visible_or_404(SourceList, request.user, pk=pk)
    form = forms.ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, str(error))
        return redirect("missing:list_detail", pk=pk)
    upload = form.cleaned_data["file"]
    if upload.size > importing.max_bytes():
        messages.error(request, _too_large(upload.size))
        return redirect("missing:list_detail", pk=pk)
    try:
        path, _size = services.store_upload(
            upload.chunks(), suffix=Path(upload.name).suffix.lower()
        )
    except importing.ImportRefused as refused:
        messages.error(request, str(refused))
        return redirect("missing:list_detail", pk=pk)
    try:
        job = services.import_job_start(
            actor=request.user,
            source_list=source_list,
            path=path,
            file_name=upload.name,
            dry_run=True,
        )
    except BaseException:
        # The stored copy holds names: it must not outlive a job that was never created.
        path.unlink(missing_ok=True)
        raise
    return redirect("missing:job_detail", pk=job.pk)


def _job(request: HttpRequest, pk: int) -> ImportJob:
    job = ImportJob.objects.select_related("source_list").filter(pk=pk).first()
    if job is None or not job.source_list.is_visible_to(request.user):
        raise Http404
    return job


@login_required
@permission_required(IMPORT, raise_exception=True)
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    problems = [
        {**problem, "message": importing.problem_message(problem)} for problem in job.problems
    ]
    context = {
        "job": job,
        "problems": problems,
        "progress": services.read_progress(job),
        "hidden": job.error_count + job.warning_count - len(problems),
        "can_confirm": job.state == ImportJob.State.CHECKED
        and job.error_count == 0
        and job.source_list.state == SourceList.State.EMPTY,
    }
    if request.headers.get("HX-Request"):
        if job.finished:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, "missing/_job_progress.html", context)
    return render(request, "missing/job_detail.html", context)


@login_required
@permission_required("missing.view_sourcelist", raise_exception=True)
def record_detail(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    """One record of a list: what was parsed from it, and the row exactly as it was read."""
    source_list = get_visible_or_404(SourceList, request.user, pk=pk)
    # A record linked to a person the user may not see answers 404 (selectors.records_of).
    record = selectors.records_of(request.user, source_list).filter(pk=record_pk).first()
    if record is None:
        raise Http404
    return render(
        request,
        "missing/record_detail.html",
        {
            "source_list": source_list,
            "record": record,
            "fields": [
                (column, column_label(column), getattr(record, column))
                for column in services.RECORD_COLUMNS
            ],
        },
    )


@login_required
@permission_required(IMPORT, raise_exception=True)
@require_POST
def job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """After a clean dry run: import the same file for real."""
    job = _job(request, pk)
    if job.state != ImportJob.State.CHECKED or job.error_count:
        messages.error(request, _("Only a dry run without errors can be imported."))
        return redirect("missing:job_detail", pk=pk)
    path = Path(job.file_path)
    if not path.exists():
        messages.error(request, _("The checked file is no longer here; upload it again."))
        return redirect("missing:list_detail", pk=job.source_list_id)
    new_job = services.import_job_start(
        actor=request.user,
        source_list=job.source_list,
        path=path,
        file_name=job.file_name,
        dry_run=False,
    )
    return redirect("missing:job_detail", pk=new_job.pk)
