from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import formset_factory
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from mizan.cases import exports, selectors, services
from mizan.cases.forms import (
    IncidentForm,
    PerpetratorForm,
    SourceForm,
    VictimForm,
    person_from_choice,
)
from mizan.cases.models import Act, Incident, Organisation, Person
from mizan.core.audit import Action, audit_record
from mizan.core.editing import edit_page
from mizan.core.exports import csv_writer as spreadsheet_csv
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate, year_filters
from mizan.core.permissions import get_visible_or_404
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
    return render(request, "cases/incident_detail.html", {"incident": incident})


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
            "consents": person.consents.select_related("scope").order_by("-created_at"),
            "consent_scopes": Term.objects.of("consent_scope"),
            "identity_visible": person.identity_visible_to(request.user),
            **selectors.person_roles(request.user, person),
        },
    )


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
    try:
        services.consent_record(
            actor=request.user, person=person, scope=request.POST.get("scope", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
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
        save=lambda data: services.person_update(
            actor=request.user, person=Person.objects.get(pk=pk), data=data
        ),
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
            actor=request.user, incident=Incident.objects.get(pk=pk), data=data
        ),
        success_url=back,
        template="cases/edit_form.html",
        context={"title": _("Edit incident"), "back": back},
    )
