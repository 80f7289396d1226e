"""Pages of the registry itself: the list of files, a file (create, read, edit, status, relatives,
reports, contacts), the overview and the mass-grave documents. Thin: parse, call a selector or a
service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from mizan.cases.models import Person
from mizan.cases.selectors import governorates
from mizan.core.audit import Action, audit_record
from mizan.core.editing import create_page, edit_page, error_text
from mizan.core.exports import csv_writer as spreadsheet_csv
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate, year_filters
from mizan.core.permissions import get_visible_or_404, person_name_for
from mizan.missing import forms, selectors, services
from mizan.missing.models import (
    MissingPerson,
    Status,
)
from mizan.missing.views.common import ADD, CHANGE, VIEW, _int


def _registry_filters(params: Any) -> selectors.RegistryFilters:
    return selectors.RegistryFilters(
        query=params.get("q", "")[:200],
        status=params.get("status", "") if params.get("status") in Status.values else "",
        governorate=params.get("governorate", "")[:40],
        year=year_filters(params, "year")[0]["year"],
        source_list=_int(params.get("source_list")),
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def registry_export(request: HttpRequest) -> StreamingHttpResponse:
    """The registry list as the filters give it, as spreadsheet-safe CSV (a name typed as
    "=HYPERLINK(…)" stays text): names as the user may see them, dates as ISO 8601. Audited."""
    files = selectors.registry_visible_to(request.user, _registry_filters(request.GET))
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="missing.missingperson",
        detail={"format": "csv", "filters": {k: v[:64] for k, v in request.GET.items()}},
        request=request,
    )
    writer = spreadsheet_csv()
    header = ["reference", "name", "disappeared_on", "governorate", "status", "sensitivity"]

    def rows() -> Any:
        yield "\ufeff" + writer.writerow(header)
        for file in files.order_by("reference").iterator(chunk_size=500):
            yield writer.writerow(
                [
                    file.reference,
                    person_name_for(file.person, request.user),
                    file.disappeared_on.to_storage() if file.disappeared_on else "",
                    file.governorate.name_en if file.governorate else "",
                    file.status,
                    file.get_sensitivity_display(),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mizan-missing-registry.csv"'
    return response


@login_required
@permission_required(VIEW, raise_exception=True)
def registry_list(request: HttpRequest) -> HttpResponse:
    params = request.GET
    filters = _registry_filters(params)
    page = Paginator(selectors.registry_visible_to(request.user, filters), 50).get_page(
        params.get("page")
    )
    return render(
        request,
        "missing/registry_list.html",
        {
            "page_obj": page,
            "filter_problems": year_filters(params, "year")[1],
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

    def save(cleaned: dict[str, Any]) -> MissingPerson:
        data = {
            name: cleaned[name]
            for name in ("disappeared_on", "disappeared_at", "circumstances", "sensitivity", "team")
        }
        person_data = None
        if person is None:
            person_data = form.new_person_data()
            if cleaned.get("mother_name_ar"):
                person_data["mother_name_ar"] = cleaned["mother_name_ar"]
            if cleaned.get("sex"):
                person_data["sex"] = Term.objects.filter(
                    vocabulary="sex", code=cleaned["sex"]
                ).first()
            if cleaned.get("birth_year"):
                person_data["birth_date"] = PartialDate(cleaned["birth_year"])
            if cleaned.get("national_id"):
                person_data["national_id"] = cleaned["national_id"]
        return services.missing_person_create(
            actor=request.user,
            data=data,
            person=person,
            person_data=person_data,
            source_description=cleaned.get("source_description", ""),
        )

    return create_page(
        request,
        form,
        save=save,
        success_url=lambda file: reverse("missing:file_detail", args=[file.pk]),
        template="missing/file_form.html",
        context={
            "title": _("New file in the registry"),
            "person": person,
            "back": reverse("missing:registry_list"),
        },
        saved_message=_("The file was opened."),
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
            actor=request.user, missing_person=file, data=data
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
    back = reverse("missing:file_detail", args=[pk])
    return create_page(
        request,
        form,
        save=lambda _data: save(file, form),
        success_url=back,
        template="missing/form.html",
        context={"title": title, "file": file, "back": back},
        saved_message=_("Saved."),
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
            actor=request.user, relative=relative, data=data
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
                form.add_error(None, error_text(exc))
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
