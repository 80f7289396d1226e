from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import formset_factory
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mizan.cases import exports, selectors, services
from mizan.cases.forms import (
    ConsentForm,
    IncidentForm,
    PerpetratorForm,
    SourceForm,
    VictimForm,
    person_from_choice,
)
from mizan.cases.models import Act, CaseFile, Incident, Organisation, Person
from mizan.core.audit import Action, audit_record
from mizan.core.editing import create_page, edit_page, error_text
from mizan.core.exports import csv_writer as spreadsheet_csv
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate, year_filters
from mizan.core.permissions import get_visible_or_404, visibility_q
from mizan.core.sensitivity import Sensitivity

VictimFormSet = formset_factory(VictimForm, extra=2, max_num=50, validate_max=True)
PerpetratorFormSet = formset_factory(PerpetratorForm, extra=1, max_num=20, validate_max=True)
SourceFormSet = formset_factory(SourceForm, extra=1, max_num=20, validate_max=True)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _filters(request: HttpRequest) -> selectors.IncidentFilters:
    params = request.GET
    years, _problems = year_filters(params, "year_from", "year_to")
    return selectors.IncidentFilters(
        query=params.get("q", "")[:200],
        act_type=params.get("act_type", ""),
        year_from=years["year_from"],
        year_to=years["year_to"],
        governorate=params.get("governorate", ""),
        unit=_int(params.get("unit")),
        sex=params.get("sex", ""),
        age_group=params.get("age_group", ""),
        status=params.get("status", ""),
        sensitivity=_int(params.get("sensitivity")),
        site=_int(params.get("site")),
    )


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    params = request.GET
    filters = _filters(request)
    page = selectors.incident_page(
        selectors.incidents_visible_to(request.user, filters),
        counted=selectors.incidents_visible_to(request.user, filters, for_count=True),
        skip_on_ids=not filters.on_acts,
        page=params.get("page"),
        after=params.get("after"),
        before=params.get("before"),
    )
    page.object_list = selectors.with_act_counts(page.object_list)
    # The filters, for the paging links (which add their own page and cursor).
    kept = params.copy()
    for name in ("page", "after", "before"):
        kept.pop(name, None)
    return render(
        request,
        "cases/incident_list.html",
        {
            "page_obj": page,
            "filter_problems": year_filters(params, "year_from", "year_to")[1],
            "filters_query": kept.urlencode(),
            "params": params,
            "act_types": Term.objects.of("act_type"),
            "statuses": Term.objects.of("act_status"),
            "sexes": Term.objects.of("sex"),
            "age_groups": Act.AgeGroup.choices,
            "governorates": selectors.governorates(),
            "units": Organisation.objects.visible_to(request.user).order_by("name_en")[:500],
            "sensitivities": Sensitivity.choices,
            "export_kinds": [
                ("incidents", _("Incidents")),
                ("acts", _("Acts")),
                ("persons", _("Persons")),
            ],
        },
    )


@login_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = selectors.incident_detail(request.user, pk)
    audit_view_if_sensitive(request, incident)
    # Related records (victims, perpetrators, sites, sources) come through the permission
    # layer in the selector; names through the ``name_for`` template filter.
    return render(
        request,
        "cases/incident_detail.html",
        {
            "incident": incident,
            "perpetrator_form": PerpetratorForm(prefix="p", actor=request.user)
            if request.user.has_perm("cases.change_incident")
            else None,
        },
    )


def _victim_rows(actor: Any, formset: Any) -> list[services.VictimAct]:
    rows = []
    for form in formset:
        data = form.cleaned_data
        if not data or not (form.has_person() or data.get("act_type")):
            continue
        person = person_from_choice(actor, data.get("person"))
        new_person = None
        if person is None and form.has_person():
            new_person = form.new_person_data()
            if data.get("sex"):
                new_person["sex"] = Term.objects.filter(vocabulary="sex", code=data["sex"]).first()
            if data.get("birth_year"):
                new_person["birth_date"] = PartialDate(data["birth_year"])
        rows.append(
            services.VictimAct(
                act_type=data.get("act_type", ""),
                person=person,
                new_person=new_person,
                start_date=data.get("start_date"),
                end_date=data.get("end_date"),
                status=data.get("status", ""),
                site_id=data["site"].pk if data.get("site") else None,
                torture_methods=list(data.get("torture_methods") or []),
                age_group=data.get("age_group") or Act.AgeGroup.UNKNOWN,
                steps_taken=data.get("steps_taken", ""),
            )
        )
    return rows


def _source_rows(actor: Any, formset: Any) -> list[services.SourceEntry]:
    rows = []
    for form in formset:
        data = form.cleaned_data
        if not data or not (form.has_person() or data.get("description")):
            continue
        person = person_from_choice(actor, data.get("person"))
        new_person = None
        if person is None and form.has_person():
            new_person = form.new_person_data()
            if data.get("protect_identity"):
                new_person["identity_sensitivity"] = Sensitivity.RESTRICTED
                new_person["sensitivity"] = Sensitivity.CONFIDENTIAL
                new_person["pseudonym"] = _("Protected witness")
        rows.append(
            services.SourceEntry(
                source_type=data.get("source_type", ""),
                person=person,
                new_person=new_person,
                description=data.get("description", ""),
                reliability=data["reliability"],
                credibility=data["credibility"],
            )
        )
    return rows


def _form_problems(form: Any, victims: Any, perpetrators: Any, sources: Any) -> list[str]:
    """Every field error of the one-pass form, each naming its row and field ("Victim 2 ·
    Until: …"), for the summary above the form; the same errors also stand by their fields."""
    lines = []
    groups = [("", [form])] + [
        (label, list(formset))
        for label, formset in (
            (_("Victim %(n)s"), victims),
            (_("Perpetrator %(n)s"), perpetrators),
            (_("Source %(n)s"), sources),
        )
    ]
    for label, forms_ in groups:
        for number, each in enumerate(forms_, start=1):
            row = label % {"n": number} if label else ""
            for name, errors in each.errors.items():
                field = each.fields[name].label if name in each.fields else ""
                where = " · ".join(str(part) for part in (row, field) if part)
                lines += [f"{where}: {error}" if where else str(error) for error in errors]
    return lines


@login_required
@permission_required("cases.add_incident", raise_exception=True)
def incident_create(request: HttpRequest) -> HttpResponse:
    post = request.POST if request.method == "POST" else None
    form = IncidentForm(post, actor=request.user)
    victims = VictimFormSet(post, prefix="v", form_kwargs={"actor": request.user})
    perpetrators = PerpetratorFormSet(post, prefix="p", form_kwargs={"actor": request.user})
    sources = SourceFormSet(post, prefix="s", form_kwargs={"actor": request.user})
    problems: list[str] = []
    if post is not None and all(
        [form.is_valid(), victims.is_valid(), perpetrators.is_valid(), sources.is_valid()]
    ):
        incident_data = {
            k: form.cleaned_data[k]
            for k in (
                "title_ar",
                "title_en",
                "narrative_ar",
                "narrative_en",
                "start_date",
                "end_date",
                "place",
                "sensitivity",
                "team",
            )
        }
        try:
            incident = services.incident_record(
                actor=request.user,
                incident=incident_data,
                victims=_victim_rows(request.user, victims),
                perpetrators=[
                    services.Perpetrator(
                        degree=f.cleaned_data["degree"], unit=f.cleaned_data["unit"]
                    )
                    for f in perpetrators
                    if f.cleaned_data.get("unit")
                ],
                sources=_source_rows(request.user, sources),
            )
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(
                request, _("Incident %(ref)s was recorded.") % {"ref": incident.reference}
            )
            return redirect("cases:incident_detail", pk=incident.pk)
    elif post is not None:
        problems = [
            _("Some fields need attention; they are marked below. Nothing was saved."),
            *_form_problems(form, victims, perpetrators, sources),
        ]
    return render(
        request,
        "cases/incident_form.html",
        {
            "form": form,
            "victims": victims,
            "perpetrators": perpetrators,
            "sources": sources,
            "problems": problems,
        },
    )


@login_required
def person_suggest(request: HttpRequest) -> HttpResponse:
    # ?q=…, or (htmx, as the name fields ask) the value of the field that was typed in.
    field = request.headers.get("HX-Trigger-Name", "")
    text = (request.GET.get("q") or request.GET.get(field) or "")[:200]
    people = selectors.person_suggestions(request.user, text) if len(text.strip()) >= 2 else []
    return render(request, "cases/_person_suggestions.html", {"people": people, "q": text})


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_visible_or_404(selectors.persons_visible_to(request.user), request.user, pk=pk)
    audit_view_if_sensitive(request, person)
    return render(
        request,
        "cases/person_detail.html",
        {
            "person": person,
            "consents": _consents_of(request.user, person),
            "consent_form": ConsentForm(actor=request.user)
            if request.user.has_perm("cases.change_person")
            else None,
            "identity_visible": person.identity_visible_to(request.user),
            **selectors.person_roles(request.user, person),
        },
    )


def _consents_of(user: Any, person: Person) -> list[Any]:
    """The person's consents; each says whether its proof (a locker item) is the user's to see,
    and gives its giver's name only as the user may see it (``name_for`` in the template)."""
    from mizan.cases.sections import locker_item

    consents = list(
        person.consents.select_related("scope", "given_by", "proof", "taken_by").order_by(
            "-created_at"
        )
    )
    for consent in consents:
        consent.proof_visible = consent.proof is not None and (  # type: ignore[attr-defined]
            locker_item(user, consent.proof.reference) is not None
        )
    return consents


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_detail(request.user, pk)
    return render(
        request,
        "cases/unit_detail.html",
        {
            "unit": unit,
            "acts": selectors.unit_acts(request.user, unit),
            "children": Organisation.objects.visible_to(request.user).filter(parent=unit),
            "commands": selectors.unit_commands(request.user, unit),
        },
    )


PERSONS_PER_PAGE = 50
PERSON_MATCHES = 200


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "")[:200]
    people: Any
    if query:
        # Name search ranks by key matches and stops at its limit; say so when it is reached.
        people = selectors.person_suggestions(request.user, query + " ", limit=PERSON_MATCHES)
    else:
        people = selectors.persons_visible_to(request.user).order_by("-pk")
    page = Paginator(people, PERSONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/person_list.html",
        {
            "page_obj": page,
            "query": query,
            "capped": bool(query) and len(people) >= PERSON_MATCHES,
        },
    )


@login_required
@permission_required("cases.export_records", raise_exception=True)
def export(request: HttpRequest, kind: str, fmt: str) -> StreamingHttpResponse:
    """Stream incidents, acts or persons as CSV or JSON; the export is audited."""
    if kind not in exports.KINDS or fmt not in ("csv", "json"):
        raise Http404
    filters = _filters(request)
    rows = exports.ROWS[kind](request.user, filters)
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type=f"cases.{kind}",
        detail={"format": fmt, "filters": {k: v[:64] for k, v in request.GET.items()}},
        request=request,
    )
    columns = exports.COLUMNS[kind]
    if fmt == "json":

        def json_stream() -> Iterator[str]:
            yield "["
            for number, row in enumerate(rows):
                yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
            yield "]"

        response = StreamingHttpResponse(
            json_stream(), content_type="application/json; charset=utf-8"
        )
    else:
        writer = spreadsheet_csv()

        def csv_stream() -> Iterator[str]:
            yield "\ufeff"  # so that spreadsheet programs read the Arabic as UTF-8
            yield writer.writerow(columns)
            for row in rows:
                yield writer.writerow(
                    [";".join(v) if isinstance(v, list) else v for v in (row[c] for c in columns)]
                )

        response = StreamingHttpResponse(csv_stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mizan-{kind}.{fmt}"'
    return response


__all__ = ["Person"]


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    from mizan.cases.statistics import charts

    all_charts = charts(request.user)
    wanted = request.GET.get("csv")
    if wanted:
        chart = next((c for c in all_charts if c.key == wanted), None)
        if chart is None:
            raise Http404
        audit_record(
            actor=request.user,
            action=Action.EXPORT,
            object_type="cases.statistics",
            detail={"chart": chart.key, "format": "csv"},
            request=request,
        )
        writer = spreadsheet_csv()
        body = (
            "\ufeff"
            + writer.writerow([chart.key, "count"])
            + "".join(writer.writerow([label, count]) for label, count in chart.rows)
        )
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mizan-{chart.key}.csv"'
        return response
    return render(request, "cases/statistics.html", {"charts": all_charts})


@login_required
@permission_required("cases.export_records", raise_exception=True)
def submission(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A submission to a UN mechanism as PDF, or the list of what is still missing."""
    from mizan.cases import submissions

    spec = submissions.KINDS.get(kind)
    if spec is None:
        raise Http404
    act = get_visible_or_404(
        Act.objects.select_related(
            "incident",
            "incident__place",
            "victim",
            "victim__sex",
            "act_type",
            "status",
            "site",
            "place",
        ),
        request.user,
        pk=pk,
    )
    prepared = submissions.prepare(spec, act, request.user)
    if not prepared.ready:
        return render(
            request,
            "cases/submission_blocked.html",
            {"act": act, "missing": prepared.missing, "kind": spec},
        )
    document = submissions.render_pdf(prepared)
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        target=act,
        request=request,
        detail={"submission": spec.key, "format": "pdf", "bytes": len(document)},
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{spec.key}-{act.incident.reference}-{act.pk}.pdf"'
    )
    return response


@login_required
@permission_required("cases.change_person", raise_exception=True)
def consent_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_visible_or_404(Person, request.user, pk=pk)
    if request.method != "POST":
        return redirect("cases:person_detail", pk=pk)
    form = ConsentForm(request.POST, actor=request.user)
    if not form.is_valid():
        messages.error(
            request,
            " ".join(
                f"{form[name].label}: {' '.join(str(e) for e in errs)}"
                for name, errs in form.errors.items()
            ),
        )
        return redirect("cases:person_detail", pk=pk)
    data = form.cleaned_data
    try:
        services.consent_record(
            actor=request.user,
            person=person,
            scope=data["scope"],
            method=data["method"],
            given_on=data["given_on"],
            given_by=data["given_by"],
            proof=data["proof"],
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The consent was recorded."))
    return redirect("cases:person_detail", pk=pk)


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    """Perpetrator units and groups as a tree, with a form to add one."""
    from mizan.cases.forms import UnitForm

    form = UnitForm(request.POST or None, actor=request.user)
    if request.method == "POST":
        if not request.user.has_perm("cases.add_organisation"):
            raise PermissionDenied
        if form.is_valid():
            unit = services.organisation_create(actor=request.user, data=form.cleaned_data)
            messages.success(request, _("The unit was added."))
            return redirect("cases:unit_detail", pk=unit.pk)
    units = list(
        Organisation.objects.visible_to(request.user)
        .select_related("org_type", "parent")
        .order_by("name_en", "name_ar")
    )
    children: dict[int | None, list[Organisation]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    known = {unit.pk for unit in units}
    tree: list[tuple[int, Organisation]] = []

    def walk(parent: int | None, depth: int) -> None:
        for unit in children.get(parent, []):
            tree.append((depth, unit))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    # Units whose parent the user may not see still appear, at the top level.
    for unit in units:
        if unit.parent_id is not None and unit.parent_id not in known:
            tree.append((0, unit))
            walk(unit.pk, 1)
    return render(request, "cases/unit_list.html", {"tree": tree, "form": form})


@login_required
@permission_required("cases.change_person", raise_exception=True)
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    from mizan.cases.forms import PersonForm

    person = get_visible_or_404(Person, request.user, pk=pk)
    if not person.identity_visible_to(request.user):
        raise PermissionDenied  # editing would disclose the protected name
    back = reverse("cases:person_detail", args=[pk])
    return edit_page(
        request,
        PersonForm(request.POST or None, instance=person, actor=request.user),
        save=lambda data: services.person_update(actor=request.user, person=person, data=data),
        success_url=back,
        template="cases/edit_form.html",
        context={"title": _("Edit person"), "back": back},
    )


@login_required
@permission_required("cases.change_incident", raise_exception=True)
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    from mizan.cases.forms import IncidentEditForm

    incident = get_visible_or_404(Incident, request.user, pk=pk)
    back = reverse("cases:incident_detail", args=[pk])
    return edit_page(
        request,
        IncidentEditForm(request.POST or None, instance=incident, actor=request.user),
        save=lambda data: services.incident_update(
            actor=request.user, incident=incident, data=data
        ),
        success_url=back,
        template="cases/edit_form.html",
        context={"title": _("Edit incident"), "back": back},
    )


# --- Case files ----------------------------------------------------------------------------

CASE_FILES_PER_PAGE = 50


@login_required
def case_file_list(request: HttpRequest) -> HttpResponse:
    from django.core.paginator import Paginator

    files = selectors.case_files_visible_to(request.user)
    status = request.GET.get("status", "")
    if status in CaseFile.Status.values:
        files = files.filter(status=status)
    page = Paginator(files, CASE_FILES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/case_file_list.html",
        {"page_obj": page, "statuses": CaseFile.Status.choices, "status": status},
    )


@login_required
@permission_required("cases.add_casefile", raise_exception=True)
def case_file_create(request: HttpRequest) -> HttpResponse:
    from mizan.cases.forms import CaseFileForm

    return create_page(
        request,
        CaseFileForm(request.POST or None, actor=request.user),
        save=lambda data: services.case_file_create(actor=request.user, data=data),
        success_url=lambda case_file: reverse("cases:case_file_detail", args=[case_file.pk]),
        template="cases/edit_form.html",
        context={"title": _("New case file"), "back": reverse("cases:case_file_list")},
        saved_message=lambda case_file: (
            _("Case file %(ref)s was created.") % {"ref": case_file.reference}
        ),
    )


@login_required
def case_file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from mizan.cases.sections import sections_for

    case_file = selectors.case_file_detail(request.user, pk)
    audit_view_if_sensitive(request, case_file)
    return render(
        request,
        "cases/case_file_detail.html",
        {"case_file": case_file, "sections": sections_for(request, case_file)},
    )


@login_required
@permission_required("cases.change_casefile", raise_exception=True)
def case_file_edit(request: HttpRequest, pk: int) -> HttpResponse:
    from mizan.cases.forms import CaseFileForm

    case_file = get_visible_or_404(CaseFile, request.user, pk=pk)
    back = reverse("cases:case_file_detail", args=[pk])
    return edit_page(
        request,
        CaseFileForm(request.POST or None, instance=case_file, actor=request.user),
        save=lambda data: services.case_file_update(
            actor=request.user, case_file=case_file, data=data
        ),
        success_url=back,
        template="cases/edit_form.html",
        context={"title": _("Edit case file"), "back": back},
    )


def _records_to_link(request: HttpRequest, relation: str) -> list[Any]:
    """The incidents (by reference) or persons (by number) named in the POST, each found through
    the permission layer: one the user may not see is reported as not found, like a wrong one."""
    text = str(request.POST.get("records", ""))[:2000]
    wanted = [w.strip().lstrip("#") for w in text.replace("،", ",").replace("\n", ",").split(",")]
    wanted = [w for w in wanted if w]
    found: list[Any]
    if relation == "incidents":
        found = list(Incident.objects.visible_to(request.user).filter(reference__in=wanted))
        known = {i.reference for i in found}
    else:
        numbers = [int(w) for w in wanted if w.isdigit()]
        found = list(Person.objects.visible_to(request.user).filter(pk__in=numbers))
        known = {str(p.pk) for p in found}
    unknown = [w for w in wanted if w not in known]
    if not wanted:
        raise ValidationError(
            _("Type the reference of an incident.")
            if relation == "incidents"
            else _("Type the number of a person.")
        )
    if unknown:
        raise ValidationError(
            _("Not found, or not yours to see: %(list)s. Nothing was added.")
            % {"list": ", ".join(unknown[:10])}
        )
    return found


@login_required
@permission_required("cases.change_casefile", raise_exception=True)
def case_file_contents(request: HttpRequest, pk: int, relation: str, verb: str) -> HttpResponse:
    """Add incidents or persons to a case file, or take one out (POST only)."""
    if relation not in services.CASE_FILE_CONTENTS or verb not in ("add", "remove"):
        raise Http404
    case_file = get_visible_or_404(CaseFile, request.user, pk=pk)
    back = redirect("cases:case_file_detail", pk=pk)
    if request.method != "POST":
        return back
    try:
        if verb == "add":
            records = _records_to_link(request, relation)
            services.case_file_add(
                actor=request.user, case_file=case_file, relation=relation, records=records
            )
            messages.success(request, _("Added to the case file."))
        else:
            model = Incident if relation == "incidents" else Person
            record = get_visible_or_404(model, request.user, pk=_int(request.POST.get("record")))
            services.case_file_remove(
                actor=request.user, case_file=case_file, relation=relation, records=[record]
            )
            messages.success(request, _("Taken out of the case file; the record itself is kept."))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return back


# --- Corrections of a recorded incident: victims and acts, perpetrators, sources -------------
# The same forms as the one-pass page (one row each) and the same checks (in the services).


def _incident_to_correct(request: HttpRequest, pk: int) -> Incident:
    return get_visible_or_404(Incident, request.user, pk=pk)


def _act_to_correct(request: HttpRequest, pk: int) -> Act:
    """An act of an incident the user sees, whose victim the user sees too (404 otherwise)."""
    acts = Act.objects.filter(visibility_q(request.user, "victim__")).select_related(
        "incident", "victim", "act_type", "status"
    )
    return get_visible_or_404(acts, request.user, pk=pk)


def _part_page(
    request: HttpRequest,
    incident: Incident,
    *,
    title: str,
    row: str,
    form: Any,
    problems: Any,
    act: Act | None = None,
) -> HttpResponse:
    if form.is_bound and form.errors:
        # Every problem at once: each is shown next to its field, and named here at the top.
        problems = [
            *problems,
            *(
                f"{form.fields[name].label if name in form.fields else ''}: {message}".lstrip(": ")
                for name, errors in form.errors.items()
                for message in errors
            ),
        ]
    return render(
        request,
        "cases/incident_part_form.html",
        {
            "incident": incident,
            "title": title,
            "row": row,
            "f": form,
            "problems": problems,
            "act": act,
        },
    )


def _row_add_page(
    request: HttpRequest,
    pk: int,
    *,
    form: Any,
    rows: Callable[[Any, Any], list[Any]],
    save: Callable[[Incident, Any], Any],
    empty: tuple[str, str],
    saved: str,
    title: str,
    template: str,
) -> HttpResponse:
    """A page that adds one row (victim and act, or source) to a recorded incident, with the
    form of a row of the one-pass page; ``empty`` is the field and message for a blank row."""
    incident = _incident_to_correct(request, pk)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        found = rows(request.user, [form])
        if not found:
            form.add_error(*empty)
        else:
            try:
                save(incident, found[0])
            except ValidationError as exc:
                problems = exc.messages
            else:
                messages.success(request, saved)
                return redirect("cases:incident_detail", pk=pk)
    return _part_page(request, incident, title=title, row=template, form=form, problems=problems)


@login_required
@permission_required("cases.change_incident", raise_exception=True)
def incident_act_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a victim and what was done to them to a recorded incident."""
    return _row_add_page(
        request,
        pk,
        form=VictimForm(request.POST or None, prefix="v", actor=request.user),
        rows=_victim_rows,
        save=lambda incident, row: services.incident_act_add(
            actor=request.user, incident=incident, row=row
        ),
        empty=("act_type", _("Choose what was done, and to whom.")),
        saved=_("The victim and act were added."),
        title=_("Add a victim and act"),
        template="cases/_victim_row.html",
    )


def _act_initial(act: Act) -> dict[str, Any]:
    return {
        "act_type": act.act_type.code,
        "start_date": act.start_date,
        "end_date": act.end_date,
        "status": act.status.code if act.status else "",
        "site": act.site_id,
        "age_group": act.victim_age_group,
        "steps_taken": act.steps_taken,
        "torture_methods": [m.code for m in act.torture_methods.all()],
    }


@login_required
@permission_required("cases.change_incident", raise_exception=True)
def act_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct an act; its victim stays (the person's own page edits the person)."""
    act = _act_to_correct(request, pk)
    incident = _incident_to_correct(request, act.incident_id)
    form = VictimForm(
        request.POST or None, prefix="v", actor=request.user, initial=_act_initial(act)
    )
    for name in ("person", "name_ar", "name_lat", "sex", "birth_year"):
        del form.fields[name]  # the victim is not changed here
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        row = services.VictimAct(
            act_type=data.get("act_type", ""),
            person=act.victim,
            start_date=data.get("start_date"),
            end_date=data.get("end_date"),
            status=data.get("status", ""),
            site_id=data["site"].pk if data.get("site") else None,
            torture_methods=list(data.get("torture_methods") or []),
            age_group=data.get("age_group") or Act.AgeGroup.UNKNOWN,
            steps_taken=data.get("steps_taken", ""),
        )
        try:
            services.act_update(actor=request.user, act=act, row=row)
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("cases:incident_detail", pk=incident.pk)
    return _part_page(
        request,
        incident,
        title=_("Correct the act"),
        row="cases/_act_row.html",
        form=form,
        problems=problems,
        act=act,
    )


@login_required
@permission_required("cases.change_incident", raise_exception=True)
@require_POST
def act_remove(request: HttpRequest, pk: int) -> HttpResponse:
    act = _act_to_correct(request, pk)
    incident = _incident_to_correct(request, act.incident_id)
    try:
        services.act_remove(actor=request.user, act=act)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The act was taken out of the incident."))
    return redirect("cases:incident_detail", pk=incident.pk)


@login_required
@permission_required("cases.change_incident", raise_exception=True)
@require_POST
def incident_perpetrator_add(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident_to_correct(request, pk)
    form = PerpetratorForm(request.POST, prefix="p", actor=request.user)
    if not form.is_valid() or not form.cleaned_data.get("unit"):
        errors = [str(e) for field in form.errors.values() for e in field]
        messages.error(request, " ".join(errors) or _("Choose a unit or group."))
    else:
        try:
            services.incident_perpetrator_add(
                actor=request.user,
                incident=incident,
                perpetrator=services.Perpetrator(
                    degree=form.cleaned_data["degree"], unit=form.cleaned_data["unit"]
                ),
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The perpetrator was linked to every act."))
    return redirect(reverse("cases:incident_detail", args=[pk]) + "#perpetrators")


@login_required
@permission_required("cases.change_incident", raise_exception=True)
@require_POST
def involvement_remove(request: HttpRequest, pk: int) -> HttpResponse:
    involvement = get_object_or_404(
        selectors.involvements_visible_to(request.user).select_related("act"), pk=pk
    )
    _act_to_correct(request, involvement.act_id)  # its act and victim within reach
    incident = _incident_to_correct(request, involvement.act.incident_id)
    services.involvement_remove(actor=request.user, involvement=involvement)
    messages.success(request, _("The perpetrator was taken out of the act."))
    return redirect("cases:incident_detail", pk=incident.pk)


@login_required
@permission_required("cases.change_incident", raise_exception=True)
def incident_source_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _row_add_page(
        request,
        pk,
        form=SourceForm(request.POST or None, prefix="s", actor=request.user),
        rows=_source_rows,
        save=lambda incident, entry: services.incident_source_add(
            actor=request.user, incident=incident, entry=entry
        ),
        empty=("source_type", _("Choose the type of source.")),
        saved=_("The source was added."),
        title=_("Add a source"),
        template="cases/_source_row.html",
    )


@login_required
@permission_required("cases.change_incident", raise_exception=True)
def source_edit(request: HttpRequest, pk: int, source_pk: int) -> HttpResponse:
    from mizan.cases.forms import SourceEditForm

    incident = _incident_to_correct(request, pk)
    source = get_visible_or_404(
        selectors.sources_visible_to(request.user).filter(incidents=incident),
        request.user,
        pk=source_pk,
    )
    back = reverse("cases:incident_detail", args=[pk])
    return edit_page(
        request,
        SourceEditForm(request.POST or None, source=source),
        save=lambda data: services.source_update(actor=request.user, source=source, data=data),
        success_url=back,
        template="cases/edit_form.html",
        context={"title": _("Correct the source"), "back": back},
    )


@login_required
@permission_required("cases.change_incident", raise_exception=True)
@require_POST
def source_remove(request: HttpRequest, pk: int, source_pk: int) -> HttpResponse:
    incident = _incident_to_correct(request, pk)
    source = get_visible_or_404(
        selectors.sources_visible_to(request.user).filter(incidents=incident),
        request.user,
        pk=source_pk,
    )
    services.incident_source_remove(actor=request.user, incident=incident, source=source)
    messages.success(request, _("The source was taken out of the incident."))
    return redirect("cases:incident_detail", pk=pk)
