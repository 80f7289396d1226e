from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from mizan.core import selectors, services
from mizan.core.audit import Action, AuditLogBroken, audit_checkpoint_export, audit_record
from mizan.core.audit_links import field_labels, record_label
from mizan.core.dashboard import cards_for, notifications
from mizan.core.editing import edit_page
from mizan.core.exports import csv_writer as spreadsheet_csv
from mizan.core.forms import SiteForm
from mizan.core.mixins import SensitiveObjectMixin, VisibleQuerysetMixin
from mizan.core.models import AuditEntry, Place, Site, Term
from mizan.core.permissions import get_visible_or_404
from mizan.core.sensitivity import Sensitivity


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon (its
    hashed name is known only once the static files are collected, so it is looked up here)."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("mizan/favicon.svg"))


ARABIC_PART = "## بالعربية"


def help_page(request: HttpRequest) -> HttpResponse:
    """The user guide (docs/user-guide.md, or MIZAN_USER_GUIDE), the part in the interface's
    language. Rendered by markdown-it in CommonMark mode with raw HTML off: the file is ours,
    but nothing in it can inject markup."""
    from markdown_it import MarkdownIt

    path = settings.USER_GUIDE_PATH
    if not path.is_file():
        raise Http404(_("The user guide is not installed on this server."))
    text = path.read_text(encoding="utf-8")
    english, _sep, arabic = text.partition(ARABIC_PART)
    part = "# دليل المستخدم\n" + arabic if translation.get_language_bidi() and arabic else english
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(part)
    return render(request, "core/help.html", {"guide": mark_safe(html)})  # noqa: S308


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    cards = cards_for(request)
    return render(
        request,
        "core/dashboard.html",
        {
            "site_counts": selectors.site_counts_by_type(request.user),
            "sites_total": Site.objects.visible_to(request.user).count(),
            "dashboard_cards": cards,
            "notifications": notifications(cards),
            "places_total": Place.objects.count(),
            "can_read_audit": request.user.has_perm("core.view_auditentry"),
        },
    )


class SiteListView(VisibleQuerysetMixin, ListView):  # type: ignore[type-arg]
    model = Site
    paginate_by = 50
    template_name = "core/site_list.html"

    def get_queryset(self) -> QuerySet[Site]:
        params = self.request.GET
        governorate = None
        if params.get("governorate"):
            governorate = Place.objects.filter(
                code=params["governorate"], kind=Place.Kind.GOVERNORATE
            ).first()
        sensitivity = params.get("sensitivity", "")
        return selectors.sites_visible_to(
            self.request.user,
            query=params.get("q", "")[:200],
            site_type=params.get("type", ""),
            governorate=governorate,
            sensitivity=int(sensitivity) if sensitivity.isdigit() else None,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            site_types=Term.objects.of("site_type"),
            governorates=Place.objects.filter(kind=Place.Kind.GOVERNORATE),
            sensitivities=Sensitivity.choices,
            params=self.request.GET,
            total=context["paginator"].count if context.get("paginator") else 0,
        )
        return context


class SiteDetailView(SensitiveObjectMixin, DetailView):  # type: ignore[type-arg]
    model = Site
    template_name = "core/site_detail.html"
    context_object_name = "site"

    def get_queryset(self) -> QuerySet[Site]:
        return (
            super()
            .get_queryset()
            .select_related("site_type", "facility_type", "place", "place__parent", "team")
        )


@login_required
@permission_required("core.add_site", raise_exception=True)
def site_create(request: HttpRequest) -> HttpResponse:
    form = SiteForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        site = services.site_create(actor=request.user, data=form.cleaned_data)
        messages.success(request, _("The site was saved."))
        return redirect("core:site_detail", pk=site.pk)
    return render(request, "core/site_form.html", {"form": form, "site": None})


@login_required
@permission_required("core.change_site", raise_exception=True)
def site_edit(request: HttpRequest, pk: int) -> HttpResponse:
    site = get_visible_or_404(Site, request.user, pk=pk)
    return edit_page(
        request,
        SiteForm(request.POST or None, instance=site, actor=request.user),
        save=lambda data: services.site_update(actor=request.user, site=site, data=data),
        success_url=reverse("core:site_detail", args=[pk]),
        template="core/site_form.html",
        context={"site": site},
    )


@login_required
def place_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    places = selectors.places_matching(query)
    if not query:
        places = places.filter(kind__in=[Place.Kind.GOVERNORATE, Place.Kind.DISTRICT])
    page = Paginator(places, 100).get_page(request.GET.get("page"))
    return render(request, "core/place_list.html", {"page_obj": page, "query": query})


@login_required
def place_detail(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Place.objects.select_related("parent"), code=code)
    return render(
        request,
        "core/place_detail.html",
        {
            "place": place,
            "children": place.children.order_by("name_en"),
            "sites": selectors.sites_visible_to(request.user, governorate=None).filter(
                place_id__in=selectors.place_descendant_ids(place)
            )[:100],
        },
    )


def _audit_entries(request: HttpRequest) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    params = request.GET
    if params.get("action"):
        entries = entries.filter(action=params["action"])
    if params.get("actor"):
        entries = entries.filter(actor_username__icontains=params["actor"][:150])
    if params.get("object_type"):
        entries = entries.filter(object_type=params["object_type"][:100])
    if params.get("object_id"):
        entries = entries.filter(object_id=params["object_id"][:64])
    if params.get("since"):
        entries = entries.filter(at__date__gte=params["since"][:10])
    if params.get("until"):
        entries = entries.filter(at__date__lte=params["until"][:10])
    return entries


@login_required
@permission_required("core.view_auditentry", raise_exception=True)
def audit_list(request: HttpRequest) -> HttpResponse:
    try:
        entries = _audit_entries(request)
        page = Paginator(entries, 100).get_page(request.GET.get("page"))
        for entry in page:
            entry.record = record_label(entry.object_type, entry.object_id)  # type: ignore[attr-defined]
            entry.field_labels = pgettext("list separator", ", ").join(  # type: ignore[attr-defined]
                field_labels(entry.object_type, entry.fields or [])
            )
    except Exception:  # a malformed date filter
        messages.error(request, _("A date filter is not a date (use YYYY-MM-DD)."))
        page = Paginator(AuditEntry.objects.all(), 100).get_page(1)
    object_types = (
        AuditEntry.objects.exclude(object_type="")
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )
    return render(
        request,
        "core/audit_list.html",
        {
            "page_obj": page,
            "actions": AuditEntry.Action.choices,
            "object_types": object_types,
            "params": request.GET,
        },
    )


@login_required
@permission_required("core.view_auditentry", raise_exception=True)
@require_POST
def audit_checkpoint(request: HttpRequest) -> HttpResponse:
    """Sign the audit log's head and hand the checkpoint to the director, to keep off the
    server: ``mizan audit verify --against FILE`` later shows whether the log was rewritten."""
    try:
        document = audit_checkpoint_export()
    except AuditLogBroken as exc:
        messages.error(
            request,
            _(
                "The audit log does not verify (first bad entry #%(seq)s), so no checkpoint was "
                "signed. Run “mizan audit verify” on the server and tell the other administrators."
            )
            % {"seq": exc.problems[0].seq},
        )
        return redirect("core:audit_list")
    if document is None:
        messages.error(request, _("The audit log is empty: there is nothing to sign yet."))
        return redirect("core:audit_list")
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="core.auditcheckpoint",
        object_id=str(document["seq"]),
        detail={"format": "checkpoint"},
        request=request,
    )
    body = json.dumps(document, indent=2, sort_keys=True) + "\n"
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = (
        f'attachment; filename="mizan-audit-checkpoint-{document["seq"]}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@permission_required("core.view_auditentry", raise_exception=True)
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    entries = _audit_entries(request).order_by("seq")
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="core.auditentry",
        detail={"format": "csv", "filters": {k: v[:64] for k, v in request.GET.items()}},
        request=request,
    )
    writer = spreadsheet_csv()
    header = [
        "seq",
        "at",
        "actor_id",
        "actor",
        "action",
        "object_type",
        "object_id",
        "fields",
        "ip_address",
        "prev_hash",
        "hash",
    ]

    def rows() -> Any:
        yield writer.writerow(header)
        for e in entries.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    e.seq,
                    e.at.isoformat(),
                    e.actor_id or "",
                    e.actor_username,
                    e.action,
                    e.object_type,
                    e.object_id,
                    " ".join(e.fields),
                    e.ip_address or "",
                    e.prev_hash,
                    e.hash,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mizan-audit.csv"'
    return response
