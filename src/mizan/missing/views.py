"""Pages of the registry of the missing. Thin: parse, call a selector or a service, render."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from mizan.cases.models import Person
from mizan.cases.selectors import governorates
from mizan.core.audit import Action, audit_record
from mizan.core.editing import edit_page
from mizan.core.exports import csv_writer as spreadsheet_csv
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate
from mizan.core.permissions import get_visible_or_404
from mizan.missing import forms, importing, review, selectors, services
from mizan.missing.models import (
    ClusterChange,
    ImportJob,
    MatchRun,
    MissingPerson,
    SourceList,
    SourceRecord,
    Status,
)

VIEW = "missing.view_missingperson"
ADD = "missing.add_missingperson"
CHANGE = "missing.change_missingperson"
IMPORT = "missing.import_sourcelist"


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _validation_message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
@permission_required(VIEW, raise_exception=True)
def registry_list(request: HttpRequest) -> HttpResponse:
    params = request.GET
    filters = selectors.RegistryFilters(
        query=params.get("q", "")[:200],
        status=params.get("status", "") if params.get("status") in Status.values else "",
        governorate=params.get("governorate", "")[:40],
        year=_int(params.get("year")),
        source_list=_int(params.get("source_list")),
    )
    page = Paginator(selectors.registry_visible_to(request.user, filters), 50).get_page(
        params.get("page")
    )
    return render(
        request,
        "missing/registry_list.html",
        {
            "page_obj": page,
            "params": params,
            "statuses": Status.choices,
            "governorates": governorates(),
            "source_lists": selectors.source_lists_visible_to(request.user),
        },
    )


@login_required
@permission_required(ADD, raise_exception=True)
def file_create(request: HttpRequest) -> HttpResponse:
    person_id = _int(request.GET.get("person"))
    person = None
    if person_id:
        person = get_visible_or_404(Person, request.user, pk=person_id)
        if not person.identity_visible_to(request.user):
            raise PermissionDenied
        if MissingPerson.objects.filter(person=person).exists():
            messages.info(request, _("This person already has a file in the registry."))
            return redirect("missing:file_detail", pk=person.missing_file.pk)
    form = forms.NewMissingPersonForm(
        request.POST or None, actor=request.user, has_person=person is not None
    )
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in ("disappeared_on", "disappeared_at", "circumstances", "sensitivity", "team")
        }
        person_data = None
        if person is None:
            person_data = form.new_person_data()
            if form.cleaned_data.get("mother_name_ar"):
                person_data["mother_name_ar"] = form.cleaned_data["mother_name_ar"]
            if form.cleaned_data.get("sex"):
                person_data["sex"] = Term.objects.filter(
                    vocabulary="sex", code=form.cleaned_data["sex"]
                ).first()
            if form.cleaned_data.get("birth_year"):
                person_data["birth_date"] = PartialDate(form.cleaned_data["birth_year"])
            if form.cleaned_data.get("national_id"):
                person_data["national_id"] = form.cleaned_data["national_id"]
        try:
            file = services.missing_person_create(
                actor=request.user,
                data=data,
                person=person,
                person_data=person_data,
                source_description=form.cleaned_data.get("source_description", ""),
            )
        except ValidationError as exc:
            form.add_error(None, _validation_message(exc))
        else:
            messages.success(request, _("The file was opened."))
            return redirect("missing:file_detail", pk=file.pk)
    return render(
        request,
        "missing/file_form.html",
        {
            "form": form,
            "title": _("New file in the registry"),
            "person": person,
            "back": reverse("missing:registry_list"),
        },
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    audit_view_if_sensitive(request, file)
    # Relatives whose own record is out of reach are not in ``file.relatives`` (the selector
    # filters them); a report or meeting names its relative through the ``name_for`` filter.
    relatives = list(file.relatives.all())
    for relative in relatives:
        relative.show_contact = relative.contact_visible_to(request.user)  # type: ignore[attr-defined]
    can_change = request.user.has_perm(CHANGE) and file.merged_into_id is None
    return render(
        request,
        "missing/file_detail.html",
        {
            "file": file,
            "timeline": selectors.timeline(file, request.user),
            "relatives": relatives,
            "reports": file.reports.all(),
            "contacts": file.contacts.all(),
            "records": selectors.records_naming(request.user, file),
            "can_change": can_change,
            "status_form": forms.StatusChangeForm(actor=request.user) if can_change else None,
            "merged_into_visible": file.merged_into is not None
            and file.merged_into.is_visible_to(request.user)
            and file.merged_into.person.is_visible_to(request.user),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def file_edit(request: HttpRequest, pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    back = reverse("missing:file_detail", args=[pk])
    return edit_page(
        request,
        forms.MissingPersonForm(request.POST or None, instance=file, actor=request.user),
        save=lambda data: services.missing_person_update(
            actor=request.user, missing_person=MissingPerson.objects.get(pk=pk), data=data
        ),
        success_url=back,
        template="missing/form.html",
        context={"title": _("Edit the file"), "back": back},
    )


def _file_action(
    request: HttpRequest,
    pk: int,
    form_class: Any,
    title: str,
    save: Any,
    **form_kwargs: Any,
) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    kwargs = {key: (file if value is None else value) for key, value in form_kwargs.items()}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            save(file, form)
        except ValidationError as exc:
            form.add_error(None, _validation_message(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("missing:file_detail", pk=pk)
    return render(
        request,
        "missing/form.html",
        {
            "form": form,
            "title": title,
            "file": file,
            "back": reverse("missing:file_detail", args=[pk]),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def status_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(file: MissingPerson, form: Any) -> None:
        data = form.cleaned_data
        services.status_change_record(
            actor=request.user,
            missing_person=file,
            status=data["status"],
            date=data.get("date"),
            facility=data.get("facility"),
            source_description=data["source_description"],
            source_list=data.get("source_list"),
            note=data.get("note", ""),
        )

    return _file_action(
        request, pk, forms.StatusChangeForm, _("Record a status change"), save, actor=request.user
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def relative_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(file: MissingPerson, form: Any) -> None:
        services.relative_add(
            actor=request.user,
            missing_person=file,
            relationship=form.cleaned_data["relationship"],
            person_data=form.new_person_data(),
            contact=form.contact(),
        )

    return _file_action(
        request, pk, forms.RelativeForm, _("Add a relative"), save, actor=request.user
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@permission_required("missing.view_contact_details", raise_exception=True)
def relative_edit(request: HttpRequest, pk: int, relative_pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    relative = file.relatives.filter(pk=relative_pk).first()
    if relative is None:
        raise Http404
    if not relative.contact_visible_to(request.user):
        raise PermissionDenied  # editing would show details above the user's clearance
    back = reverse("missing:file_detail", args=[pk])
    return edit_page(
        request,
        forms.RelativeContactForm(request.POST or None, instance=relative, actor=request.user),
        save=lambda data: services.relative_update_contact(
            actor=request.user, relative=file.relatives.get(pk=relative_pk), data=data
        ),
        success_url=back,
        template="missing/form.html",
        context={"title": _("Contact details of a relative"), "file": file, "back": back},
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def report_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(file: MissingPerson, form: Any) -> None:
        services.family_report_add(actor=request.user, missing_person=file, data=form.cleaned_data)

    return _file_action(
        request,
        pk,
        forms.FamilyReportForm,
        _("Record a family report"),
        save,
        missing_person=None,
        actor=request.user,
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(file: MissingPerson, form: Any) -> None:
        services.family_contact_add(actor=request.user, missing_person=file, data=form.cleaned_data)

    return _file_action(
        request,
        pk,
        forms.FamilyContactForm,
        _("Record a meeting or notification"),
        save,
        missing_person=None,
        actor=request.user,
    )


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
            "aliases": importing.HEADER_ALIASES,
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
            "fields": [(column, getattr(record, column)) for column in services.RECORD_COLUMNS],
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


# --- Overview and mass graves ---------------------------------------------------------------


def _csv_response(name: str, header: list[str], rows: list[list[Any]]) -> HttpResponse:
    writer = spreadsheet_csv()
    body = "\ufeff" + writer.writerow(header) + "".join(writer.writerow(row) for row in rows)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mizan-missing-{name}.csv"'
    return response


@login_required
@permission_required(VIEW, raise_exception=True)
def overview(request: HttpRequest) -> HttpResponse:
    tables = selectors.overview(request.user)
    overlap = selectors.overlap(request.user)
    wanted = request.GET.get("csv")
    if wanted:
        audit_record(
            actor=request.user,
            action=Action.EXPORT,
            object_type="missing.overview",
            detail={"table": wanted[:40], "format": "csv"},
            request=request,
        )
        if wanted == "overlap":
            return _csv_response(
                "overlap",
                ["list", *[source.name for source in overlap.lists]],
                [[source.name, *row] for source, row in overlap.rows],
            )
        table = next((t for t in tables if t.key == wanted), None)
        if table is None:
            raise Http404
        return _csv_response(table.key, [table.key, "count"], [list(r) for r in table.rows])
    return render(request, "missing/overview.html", {"tables": tables, "overlap": overlap})


@login_required
@permission_required("missing.view_gravedocument", raise_exception=True)
def grave_list(request: HttpRequest) -> HttpResponse:
    form = forms.GraveDocumentForm(request.POST or None, actor=request.user)
    if request.method == "POST":
        if not request.user.has_perm("missing.add_gravedocument"):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.grave_document_create(actor=request.user, data=form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, _validation_message(exc))
            else:
                messages.success(request, _("The document was recorded."))
                return redirect("missing:grave_list")
    documents = selectors.grave_documents_visible_to(request.user)
    return render(
        request,
        "missing/grave_list.html",
        {
            "documents": documents,
            "form": form if request.user.has_perm("missing.add_gravedocument") else None,
        },
    )


# --- Linkage review: matching runs, the queue, decisions, the person's sources -----------------


@login_required
@permission_required(IMPORT, raise_exception=True)
@require_POST
def match_run_start(request: HttpRequest) -> HttpResponse:
    """Compare the chosen imported lists (none chosen: all the user may see) in the background."""
    wanted = [int(value) for value in request.POST.getlist("lists") if value.isdigit()]
    chosen = None
    if wanted:
        chosen = list(selectors.source_lists_visible_to(request.user).filter(pk__in=wanted))
        if len(chosen) != len(set(wanted)):
            raise Http404
    try:
        run = review.matching_run_start(actor=request.user, source_lists=chosen)
    except ValidationError as exc:
        messages.error(request, _validation_message(exc))
        return redirect("missing:list_list")
    return redirect("missing:match_run_detail", pk=run.pk)


def _run(request: HttpRequest, pk: int) -> MatchRun:
    run = MatchRun.objects.filter(pk=pk).first()
    if run is None:
        raise Http404
    visible = set(
        selectors.source_lists_visible_to(request.user)
        .filter(pk__in=run.list_ids)
        .values_list("pk", flat=True)
    )
    if visible != set(run.list_ids):
        raise Http404
    return run


@login_required
@permission_required(IMPORT, raise_exception=True)
def match_run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    context = {
        "run": run,
        "lists": SourceList.objects.filter(pk__in=run.list_ids).order_by("name"),
        "stage_label": review.stage_label(run.stage),
    }
    if request.headers.get("HX-Request"):
        if run.finished:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, "missing/_match_progress.html", context)
    return render(request, "missing/match_run.html", context)


def _queue_filters(params: Any) -> review.QueueFilters:
    band = params.get("band", "")
    return review.QueueFilters(
        source_list=_int(params.get("list")), band=band if band in review.BANDS else ""
    )


def _queue_query(filters: review.QueueFilters) -> str:
    parts = []
    if filters.source_list:
        parts.append(f"list={filters.source_list}")
    if filters.band:
        parts.append(f"band={filters.band}")
    return "&".join(parts)


@login_required
@permission_required(CHANGE, raise_exception=True)
def review_queue(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The queue of candidate pairs; opens the most probable one (or the pair asked for)."""
    filters = _queue_filters(request.GET)
    pairs = review.queue(request.user, filters)
    upcoming = list(pairs[:16])
    if pk is not None:
        pair = review.visible_pair(request.user, pk)
        if pair is None:
            raise Http404
    else:
        pair = upcoming[0] if upcoming else None
    context: dict[str, Any] = {
        "pair": pair,
        "upcoming": [p for p in upcoming if pair is None or p.pk != pair.pk][:15],
        "remaining": pairs.count(),
        "filters": filters,
        "query": _queue_query(filters),
        "bands": list(review.BAND_LABELS.items()),
        "source_lists": selectors.source_lists_visible_to(request.user).filter(
            state=SourceList.State.IMPORTED
        ),
    }
    if pair is not None:
        following = next((p for p in upcoming if p.pk != pair.pk), None)
        context.update(
            {
                "rows": review.side_by_side(pair),
                "evidence": review.evidence_rows(pair),
                "percent": round(pair.probability * 100, 1),
                "next_pair": following,
                "person_a": _person_link(request, pair.record_a),
                "person_b": _person_link(request, pair.record_b),
            }
        )
    return render(request, "missing/review_queue.html", context)


def _person_link(request: HttpRequest, record: Any) -> dict[str, Any] | None:
    if record.person is None:
        return None
    file = MissingPerson.objects.filter(person=record.person).first()
    return {
        "person": record.person,
        "file": file if file is not None and file.is_visible_to(request.user) else None,
    }


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def pair_decide(request: HttpRequest, pk: int) -> HttpResponse:
    pair = review.visible_pair(request.user, pk)
    if pair is None:
        raise Http404
    decision = request.POST.get("decision", "")
    filters = _queue_filters(request.POST)
    query = _queue_query(filters)
    try:
        review.pair_decide(actor=request.user, pair=pair, decision=decision)
    except ValidationError as exc:
        messages.error(request, _validation_message(exc))
        return redirect(reverse("missing:review_pair", args=[pk]) + (f"?{query}" if query else ""))
    messages.success(request, review.decision_message(decision))
    merge = (
        ClusterChange.objects.filter(
            pair_id=pk, kind=ClusterChange.Kind.MERGE, undone_at__isnull=True
        )
        .order_by("-pk")
        .first()
    )
    if merge is not None and merge.files.get("from_file"):
        files = MissingPerson.objects.in_bulk([merge.files["from_file"], merge.files["to_file"]])
        messages.info(
            request,
            _(
                "File %(other)s was merged into %(keep)s: its records, status history, "
                "relatives, reports and meetings are there now. Undo it on the sources page "
                "of %(keep)s."
            )
            % {
                "other": files[merge.files["from_file"]].reference,
                "keep": files[merge.files["to_file"]].reference,
            },
        )
    return redirect(reverse("missing:review_queue") + (f"?{query}" if query else ""))


@login_required
@permission_required(VIEW, raise_exception=True)
def file_sources(request: HttpRequest, pk: int) -> HttpResponse:
    """The person of a file as the lists give it: each field's values and the lists behind
    each, the records linked (split them off here), and the merges and splits made."""
    file = selectors.missing_file(request.user, pk)
    fields, records = review.canonical(request.user, file.person)
    changes = list(review.changes_of(file.person)[:50])
    return render(
        request,
        "missing/file_sources.html",
        {
            "file": file,
            "fields": fields,
            "records": records,
            "changes": changes,
            "can_change": request.user.has_perm(CHANGE),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def record_detach(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    record = (
        SourceRecord.objects.filter(pk=record_pk, person=file.person)
        .filter(review.records_visible_q(request.user, ""))
        .first()
    )
    if record is None:
        raise Http404
    try:
        change = review.record_detach(
            actor=request.user, record=record, new_person=request.POST.get("to") == "new"
        )
    except ValidationError as exc:
        messages.error(request, _validation_message(exc))
    else:
        if change.to_person_id:
            new_file = MissingPerson.objects.get(person_id=change.to_person_id)
            messages.success(
                request,
                _("The record was split off to a new file, %(ref)s.") % {"ref": new_file.reference},
            )
        else:
            messages.success(request, _("The record was split off; it is unlinked again."))
    return redirect("missing:file_sources", pk=pk)


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def merge_undo(request: HttpRequest, pk: int, change_pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    change = ClusterChange.objects.filter(
        pk=change_pk, kind=ClusterChange.Kind.MERGE, to_person=file.person
    ).first()
    if (
        change is None
        or change.from_person is None
        or not change.from_person.is_visible_to(request.user)
    ):
        raise Http404
    try:
        review.merge_undo(actor=request.user, change=change)
    except ValidationError as exc:
        messages.error(request, _validation_message(exc))
    else:
        messages.success(request, _("The merge was undone; its pair is back in the queue."))
    return redirect("missing:file_sources", pk=pk)
