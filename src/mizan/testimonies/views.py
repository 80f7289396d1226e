"""Pages of testimonies. Thin: parse, call a selector or a service, render.

Staff pages go through the permission layer (a testimony out of reach answers 404) and views of
confidential testimonies are audited. The public pages read only published narratives
(``selectors.public_publications``): nothing unpublished reaches a public list, count or sitemap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.cases import services as cases_services
from mizan.cases.models import CaseFile
from mizan.core.audit import Action, audit_record
from mizan.core.editing import create_page, edit_page, error_text
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import Term
from mizan.core.permissions import get_visible_or_404
from mizan.core.sensitivity import Sensitivity
from mizan.evidence import services as evidence_services
from mizan.evidence.models import Item
from mizan.testimonies import forms, selectors, services
from mizan.testimonies.models import (
    Collection,
    Publication,
    Segment,
    Testimony,
    TestimonyConsent,
    Transcript,
)
from mizan.text.names import split_full_name

VIEW = "testimonies.view_testimony"
ADD = "testimonies.add_testimony"
CHANGE = "testimonies.change_testimony"
PUBLISH = "testimonies.publish_testimony"


def staff_testimony(
    permission: str | tuple[str, ...], *, methods: tuple[str, ...] = ("GET", "POST")
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """The staff pages of one testimony: signed in, holding ``permission`` (403), asked with one
    of ``methods`` (405), and the testimony read through the permission layer (404 when out of
    reach), which the view receives in place of the ``pk`` of its URL."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @login_required
        @permission_required(permission, raise_exception=True)
        @require_http_methods(list(methods))
        @functools.wraps(view)
        def load(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponseBase:
            return view(request, selectors.testimony_for(request.user, pk), **kwargs)

        return load

    return decorate


# --- Staff -----------------------------------------------------------------------------------


@login_required
@permission_required(VIEW, raise_exception=True)
def staff_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.testimonies_visible_to(request.user, query=query), 50).get_page(
        request.GET.get("page")
    )
    for testimony in page.object_list:
        testimony.interviewee_label = testimony.interviewee.display_name_for(request.user)  # type: ignore[attr-defined]
    return render(request, "testimonies/staff_list.html", {"page_obj": page, "query": query})


@login_required
@permission_required(VIEW, raise_exception=True)
def search(request: HttpRequest) -> HttpResponse:
    """Search the transcripts of the testimonies the user may see; a hit opens the transcript
    at that segment, and the player starts there."""
    query = request.GET.get("q", "").strip()[:200]
    hits = selectors.segments_matching(request.user, query) if query else []
    for hit in hits:
        hit.interviewee_label = hit.transcript.testimony.interviewee.display_name_for(  # type: ignore[attr-defined]
            request.user
        )
    if hits:
        audit_record(
            actor=request.user,
            action=Action.VIEW,
            object_type="testimonies.segment",
            detail={"search_hits": len(hits)},
            request=request,
        )
    return render(
        request,
        "testimonies/search.html",
        {"query": query, "hits": hits, "limit": selectors.SEARCH_LIMIT},
    )


@login_required
@permission_required(ADD, raise_exception=True)
def create(request: HttpRequest) -> HttpResponse:
    form = forms.TestimonyForm(request.POST or None, actor=request.user, prefix="t")
    person_form = forms.IntervieweeForm(request.POST or None, prefix="p")

    def save(cleaned: dict[str, Any]) -> Testimony:
        data = _person_data(
            person_form.cleaned_data,
            Testimony(sensitivity=cleaned["sensitivity"], team=cleaned["team"]),
        )
        person = cases_services.person_create(actor=request.user, data=data)
        return services.testimony_create(
            actor=request.user,
            interviewee=person,
            data={**cleaned, "interviewers": [request.user]},
        )

    return create_page(
        request,
        form,
        save=save,
        success_url=lambda testimony: reverse("testimonies:detail", args=[testimony.pk]),
        template="testimonies/form.html",
        context={"person_form": person_form, "title": _("New testimony")},
        saved_message=lambda testimony: (
            _("The testimony was recorded as %(ref)s.") % {"ref": testimony.reference}
        ),
        also_valid=[person_form],
    )


@staff_testimony(VIEW)
def detail(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    audit_view_if_sensitive(request, testimony)
    return render(
        request,
        "testimonies/detail.html",
        {
            "testimony": testimony,
            "interviewee_label": testimony.interviewee.display_name_for(request.user),
            "originals": testimony.originals.visible_to(request.user).order_by("pk"),
            "consents": testimony.consents.prefetch_related("scopes").select_related(
                "proof", "taken_by"
            ),
            "transcripts": testimony.transcripts.all(),
            "publications": testimony.publications.select_related("collection"),
            "persons": [
                (link, link.person.display_name_for(request.user))
                for link in testimony.persons.select_related("person")
            ],
            "withdraw_form": forms.WithdrawForm(),
            "case_files": CaseFile.objects.visible_to(request.user)
            .exclude(testimonies=testimony)
            .order_by("-created_at")[:200]
            if request.user.has_perm("cases.change_casefile")
            else [],
            "linked_case_files": testimony.case_files.visible_to(request.user),
            "recipient_categories": Term.objects.of("recipient_category"),
        },
    )


@staff_testimony(CHANGE)
def edit(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    return edit_page(
        request,
        forms.TestimonyForm(request.POST or None, instance=testimony, actor=request.user),
        save=lambda data: services.testimony_update(
            actor=request.user, testimony=testimony, data=data
        ),
        success_url=reverse("testimonies:detail", kwargs={"pk": testimony.pk}),
        template="testimonies/form.html",
        context={"title": _("Edit %(ref)s") % {"ref": testimony.reference}},
        saved_message=_("The testimony was saved."),
    )


def _person_data(names: dict[str, Any], testimony: Testimony) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name_as_written": names["full_name_ar"] or names["full_name_lat"],
        "pseudonym": names["pseudonym"],
        "identity_sensitivity": Sensitivity.CONFIDENTIAL
        if names["protected"]
        else Sensitivity.PUBLIC,
        "sensitivity": testimony.sensitivity,
        "team": testimony.team,
    }
    for text, suffix in ((names["full_name_ar"], "ar"), (names["full_name_lat"], "lat")):
        data.update({f"{k}_{suffix}": v for k, v in split_full_name(text).items() if v})
    return data


def _link_person(
    request: HttpRequest, form: Any, testimony: Testimony, person: Callable[[], Any]
) -> HttpResponse | None:
    """Link the person ``person()`` gives (made or chosen) with the form's role and phone, in one
    transaction; the redirect on success, None (the reason on the form) on refusal."""
    try:
        with transaction.atomic():
            services.testimony_person_add(
                actor=request.user,
                testimony=testimony,
                person=person(),
                role=form.cleaned_data["role"],
                phone=form.cleaned_data["phone"],
            )
    except ValidationError as exc:
        form.add_error(None, error_text(exc))
        return None
    messages.success(request, _("The person was linked to the testimony."))
    return redirect("testimonies:detail", pk=testimony.pk)


@staff_testimony(CHANGE)
def person_add(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    """A person the testimony speaks of; protected persons' names are then refused in narratives."""
    form = forms.LinkedPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = _person_data(form.cleaned_data, testimony)
        if form.cleaned_data["national_id"]:
            data["national_id"] = form.cleaned_data["national_id"]
        linked = _link_person(
            request,
            form,
            testimony,
            lambda: cases_services.person_create(actor=request.user, data=data),
        )
        if linked is not None:
            return linked
    return render(
        request,
        "testimonies/small_form.html",
        {"form": form, "testimony": testimony, "title": _("Add a person it speaks of")},
    )


@staff_testimony(CHANGE)
def person_link(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    """Link a person already recorded, found by name in either script. Only records the user
    may see, under names their clearance allows, are offered (``selectors.person_candidates``);
    the chosen one is checked again on the way in (``forms.PersonLinkForm``)."""
    query = request.GET.get("q", "").strip()[:200]
    form = forms.PersonLinkForm(request.POST or None, actor=request.user, testimony=testimony)
    if request.method == "POST" and form.is_valid():
        linked = _link_person(request, form, testimony, lambda: form.cleaned_data["person"])
        if linked is not None:
            return linked
    chosen = form["person"].value() if request.method == "POST" else None
    candidates = selectors.person_candidates(request.user, testimony, query) if query else []
    if chosen and str(chosen).isdigit():
        picked = form.fields["person"].queryset.filter(pk=int(chosen)).first()  # type: ignore[attr-defined]
        if picked is not None and picked not in candidates:
            candidates.insert(0, picked)
    context = {
        "form": form,
        "testimony": testimony,
        "query": query,
        "candidates": candidates,
        "chosen": str(chosen or ""),
    }
    if request.headers.get("HX-Request"):
        return render(request, "testimonies/_person_candidates.html", context)
    return render(request, "testimonies/person_link.html", context)


@staff_testimony(CHANGE)
def original_add(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    def save(data: dict[str, Any]) -> Item:
        upload = data["file"]
        return services.original_add(
            actor=request.user,
            testimony=testimony,
            stream=upload,
            filename=upload.name,
            as_recording=data["as_recording"],
            title=data["title"],
            request=request,
        )

    return create_page(
        request,
        forms.OriginalForm(request.POST or None, request.FILES or None),
        save=save,
        success_url=reverse("testimonies:detail", args=[testimony.pk]),
        template="testimonies/small_form.html",
        context={"testimony": testimony, "title": _("Add an original"), "upload": True},
        saved_message=lambda item: (
            _("Stored in the evidence locker as %(ref)s.") % {"ref": item.reference}
        ),
        atomic=False,  # the file is stored before the item's transaction (item_ingest)
    )


@staff_testimony(CHANGE)
def consent_add(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    def save(data: dict[str, Any]) -> TestimonyConsent:
        scopes = [term.code for term in data["scopes"]]
        # Refuse what can be refused before the proof is stored: a refusal after it would leave
        # the file in the locker, linked to nothing.
        services.consent_check(
            scopes=scopes,
            method=data["method"],
            taken_on=data["taken_on"],
            has_proof=bool(data["proof"]),
        )
        proof = None
        if data["proof"]:
            proof = evidence_services.item_ingest(
                data["proof"],
                filename=data["proof"].name,
                actor=request.user,
                title=f"{testimony.reference}: consent",
                sensitivity=testimony.sensitivity,
                team=testimony.team,
                request=request,
            ).item
        return services.consent_record(
            actor=request.user,
            testimony=testimony,
            scopes=scopes,
            method=data["method"],
            taken_on=data["taken_on"],
            proof=proof,
            note=data["note"],
        )

    return create_page(
        request,
        forms.ConsentForm(request.POST or None, request.FILES or None),
        save=save,
        success_url=reverse("testimonies:detail", args=[testimony.pk]),
        template="testimonies/small_form.html",
        context={"testimony": testimony, "title": _("Record consent"), "upload": True},
        saved_message=_("The consent was recorded."),
        atomic=False,  # the proof is stored before the item's transaction (item_ingest)
    )


@staff_testimony(CHANGE, methods=("POST",))
def consent_withdraw(request: HttpRequest, testimony: Testimony, consent_pk: int) -> HttpResponse:
    consent = get_object_or_404(TestimonyConsent, pk=consent_pk, testimony=testimony)
    form = forms.WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the consent is withdrawn."))
        return redirect("testimonies:detail", pk=testimony.pk)
    try:
        withdrawn = services.consent_withdraw(
            actor=request.user, consent=consent, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("The consent was withdrawn; %(count)s publication(s) taken off the public site.")
            % {"count": len(withdrawn)},
        )
    return redirect("testimonies:detail", pk=testimony.pk)


@staff_testimony(CHANGE)
def transcript_import(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    form = forms.TranscriptForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            transcript = services.transcript_import(
                actor=request.user,
                testimony=testimony,
                language=form.cleaned_data["language"],
                data=upload.read(),
                filename=upload.name,
                replace=form.cleaned_data["replace"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("%(count)s segments imported.") % {"count": transcript.segments.count()},
            )
            return redirect("testimonies:transcript", pk=testimony.pk, language=transcript.language)
    return render(
        request,
        "testimonies/small_form.html",
        {"form": form, "testimony": testimony, "title": _("Import a transcript"), "upload": True},
    )


@staff_testimony(VIEW, methods=("GET",))
def transcript(request: HttpRequest, testimony: Testimony, language: str) -> HttpResponse:
    """The transcript, one window of segments at a time (``?from=N``; ``?all=1`` for all of it).

    The page's script fetches the next window (``&window=1``: the segments alone) as the reader
    scrolls; without the script the same link opens the next window as a page. Each window is
    audited like the page: what a reader saw of a confidential transcript is in the log."""
    found = get_object_or_404(Transcript, testimony=testimony, language=language)
    audit_view_if_sensitive(request, testimony)
    start = request.GET.get("from", "")
    start_at = max(int(start), 1) if start.isdigit() and len(start) < 7 else 1
    rows, following = selectors.segment_rows(
        found,
        request.user,
        start=start_at,
        limit=None if request.GET.get("all") else selectors.SEGMENT_WINDOW,
    )
    base = reverse("testimonies:transcript", kwargs={"pk": testimony.pk, "language": language})
    context = {
        "testimony": testimony,
        "transcript": found,
        "segments": rows,
        "can_change": request.user.has_perm(CHANGE),
        # One URL prefix for the "Index" links instead of one reverse() call a segment.
        "edit_base": reverse(
            "testimonies:segment_edit", kwargs={"pk": testimony.pk, "segment_pk": 0}
        )[: -len("0/")],
        "next_url": f"{base}?from={following}" if following else "",
        "previous_url": f"{base}?from={max(start_at - selectors.SEGMENT_WINDOW, 1)}"
        if start_at > 1 and rows
        else "",
    }
    if request.GET.get("window"):
        return render(request, "testimonies/_segments.html", context)
    return render(request, "testimonies/transcript.html", context)


@staff_testimony(CHANGE)
def excerpt_create(request: HttpRequest, testimony: Testimony, language: str) -> HttpResponse:
    """A redacted audio excerpt of the recording, stored in the locker as a derived copy."""
    found = get_object_or_404(Transcript, testimony=testimony, language=language)
    return create_page(
        request,
        forms.ExcerptForm(request.POST or None, initial={"first": 1, "last": 1}),
        save=lambda data: services.excerpt_create(
            actor=request.user,
            transcript=found,
            first=data["first"],
            last=data["last"],
            redact_segments=data["redact_segments"],
            redact_spans=data["redact_spans"],
            mode=data["mode"],
        ),
        success_url=lambda excerpt: reverse("evidence:item_detail", args=[excerpt.reference]),
        template="testimonies/small_form.html",
        context={"testimony": testimony, "title": _("Redacted audio excerpt")},
        saved_message=lambda excerpt: (
            _("The redacted excerpt is in the evidence locker as %(ref)s.")
            % {"ref": excerpt.reference}
        ),
        atomic=False,  # the recording is read and cut before the excerpt's transaction
    )


@staff_testimony(VIEW, methods=("GET",))
def transcript_export(
    request: HttpRequest, testimony: Testimony, language: str, fmt: str
) -> HttpResponse:
    found = get_object_or_404(Transcript, testimony=testimony, language=language)
    if fmt not in ("vtt", "srt", "txt"):
        raise Http404
    text = services.transcript_export(found, fmt, actor=request.user)
    content_type = {"vtt": "text/vtt", "srt": "application/x-subrip", "txt": "text/plain"}[fmt]
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    name = f"{testimony.reference}-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_testimony(CHANGE)
def segment_edit(request: HttpRequest, testimony: Testimony, segment_pk: int) -> HttpResponse:
    """A segment's title and index entries: keywords, and the persons, places, sites, units and
    acts it speaks of, offered through the permission layer (``forms.SegmentForm``)."""
    segment = get_object_or_404(
        Segment.objects.select_related("transcript"), pk=segment_pk, transcript__testimony=testimony
    )
    segment.transcript.testimony = testimony
    form = forms.SegmentForm(request.POST or None, actor=request.user, segment=segment)
    if request.method == "POST" and form.is_valid():
        services.segment_index(
            actor=request.user, segment=segment, title=form.cleaned_data["title"], **form.entries()
        )
        messages.success(request, _("The segment was indexed."))
        start = (segment.position - 1) // selectors.SEGMENT_WINDOW * selectors.SEGMENT_WINDOW + 1
        return redirect(
            reverse(
                "testimonies:transcript",
                kwargs={"pk": testimony.pk, "language": segment.transcript.language},
            )
            + (f"?from={start}" if start > 1 else "")
            + f"#segment-{segment.position}"
        )
    return render(
        request,
        "testimonies/small_form.html",
        {
            "form": form,
            "testimony": testimony,
            "title": _("Index segment %(number)s") % {"number": segment.position},
            "quote": segment.text,
        },
    )


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@staff_testimony(VIEW, methods=("GET",))
def recording(request: HttpRequest, testimony: Testimony) -> HttpResponse | StreamingHttpResponse:
    """The recording for the transcript page, with byte ranges so the player can seek.

    A request from the start is recorded as a view in the item's custody history (the player's
    later range requests while seeking are not, to keep the history readable)."""
    item = testimony.recording
    if item is None or not item.is_visible_to(request.user):
        raise Http404
    size = item.size
    start, end = 0, size - 1
    match = _RANGE.match(request.headers.get("Range", ""))
    if match and (match.group(1) or match.group(2)):
        if match.group(1):
            start = int(match.group(1))
            end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
        else:
            start = max(size - int(match.group(2)), 0)
        if start > end or start >= size:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
    if start == 0:  # playback starts: recorded as a view
        chunks = evidence_services.item_playback(
            item, actor=request.user, start=start, stop=end + 1, request=request
        )
    else:  # a seek: only the locker chunks holding the range are read
        chunks = evidence_services.item_range(item, start=start, stop=end + 1)
    streamed = StreamingHttpResponse(
        chunks, content_type=item.media_type, status=206 if match else 200
    )
    streamed["Content-Length"] = str(end - start + 1)
    streamed["Accept-Ranges"] = "bytes"
    if match:
        streamed["Content-Range"] = f"bytes {start}-{end}/{size}"
    streamed["X-Content-Type-Options"] = "nosniff"
    streamed["Content-Security-Policy"] = "sandbox; default-src 'none'"
    streamed["Cache-Control"] = "no-store"
    return streamed


@staff_testimony((CHANGE, "cases.change_casefile"), methods=("POST",))
def case_file_add(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    """Add the testimony (originals, transcripts, consent proof) to a case file the user sees."""
    chosen = str(request.POST.get("case_file", ""))
    case_file = (
        CaseFile.objects.visible_to(request.user).filter(pk=int(chosen)).first()
        if chosen.isdigit()
        else None
    )
    if case_file is None:
        messages.error(request, _("Choose a case file."))
    else:
        _add_to_case_file(request, testimony, case_file)
    return redirect("testimonies:detail", pk=testimony.pk)


@staff_testimony((CHANGE, "cases.export_records"), methods=("GET",))
def statement(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    """The witness statement as PDF for a recipient (``?for=iiim``), checked against consent."""
    from mizan.testimonies.statement import statement_pdf

    try:
        document = statement_pdf(
            actor=request.user,
            testimony=testimony,
            recipient_category=request.GET.get("for", "")[:40],
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("testimonies:detail", pk=testimony.pk)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{testimony.reference}-statement.pdf"'
    return response


@staff_testimony(PUBLISH)
def publish(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    form = forms.PublishForm(request.POST or None)
    occurrences = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            publication = services.publication_create(
                actor=request.user,
                testimony=testimony,
                narrative=data["narrative"],
                title=data["title"],
                kind=data["kind"],
                language=data["language"],
                collection=data["collection"],
            )
        except services.LeakFound as exc:
            occurrences = exc.occurrences
            form.add_error(None, error_text(exc))
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Published. It is on the public site now."))
            return redirect("testimonies:public_detail", pk=publication.pk)
    return render(
        request,
        "testimonies/publish.html",
        {"form": form, "testimony": testimony, "occurrences": occurrences},
    )


@staff_testimony(PUBLISH, methods=("POST",))
def unpublish(request: HttpRequest, testimony: Testimony) -> HttpResponse:
    form = forms.WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the testimony is taken off the public site."))
    else:
        withdrawn = services.testimony_unpublish(
            actor=request.user, testimony=testimony, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("%(count)s publication(s) taken off the public site.") % {"count": len(withdrawn)},
        )
    return redirect("testimonies:detail", pk=testimony.pk)


# --- Public site ------------------------------------------------------------------------------


@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.public_publications(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "testimonies/public_list.html",
        {"page_obj": page, "collections": selectors.public_collections()},
    )


@require_GET
def public_collection(request: HttpRequest, slug: str) -> HttpResponse:
    collection = get_object_or_404(Collection, slug=slug)
    publications = selectors.public_publications(collection=collection)
    if not publications.exists():
        raise Http404
    page = Paginator(publications, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "testimonies/public_list.html",
        {"page_obj": page, "collection": collection, "collections": []},
    )


def citation(publication: Any, language: str) -> str:
    title = publication.display_title
    date = publication.published_at.date().isoformat()
    collection = publication.collection
    if language == "ar":
        series = f"، ضمن «{collection.title_ar}»" if collection else ""
        return f"منظمة ميزان لحقوق الإنسان، «{title}»{series}، شهادة منشورة في {date}."
    series = f", in “{collection.title_en}”" if collection else ""
    return f"Mizan for Human Rights, “{title}”{series}, testimony published {date}."


@require_GET
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.public_publications().filter(pk=pk).first()
    if publication is None:
        raise Http404
    return render(
        request,
        "testimonies/public_detail.html",
        {
            "publication": publication,
            "citation_ar": citation(publication, "ar"),
            "citation_en": citation(publication, "en"),
        },
    )


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    publications = Publication.objects.public().order_by("pk").only("pk", "updated_at")
    return render(
        request,
        "testimonies/sitemap.xml",
        {"publications": publications, "base": request.build_absolute_uri("/").rstrip("/")},
        content_type="application/xml",
    )


def _add_to_case_file(request: HttpRequest, testimony: Any, case_file: CaseFile) -> None:
    try:
        items = services.testimony_add_to_case_file(
            actor=request.user, testimony=testimony, case_file=case_file
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Added to %(case)s with %(count)s items of the evidence locker.")
            % {"case": case_file.reference, "count": len(items)},
        )


@login_required
@permission_required((CHANGE, "cases.change_casefile"), raise_exception=True)
@require_POST
def case_file_testimonies(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    """From a case file's page: add a testimony (by its reference) or take one out."""
    if verb not in ("add", "remove"):
        raise Http404
    case_file = get_visible_or_404(CaseFile, request.user, pk=pk)
    reference = str(request.POST.get("testimony", "")).strip()[:40]
    testimony = (
        Testimony.objects.visible_to(request.user).filter(reference=reference).first()
        if reference
        else None
    )
    if testimony is None:
        messages.error(
            request,
            _("Not found, or not yours to see: %(list)s. Nothing was changed.")
            % {"list": reference}
            if reference
            else _("Type the reference of a testimony."),
        )
    elif verb == "add":
        _add_to_case_file(request, testimony, case_file)
    else:
        services.testimony_remove_from_case_file(
            actor=request.user, testimony=testimony, case_file=case_file
        )
        messages.success(request, _("Taken out of the case file; the record itself is kept."))
    return redirect(reverse("cases:case_file_detail", args=[pk]) + "#testimonies")
