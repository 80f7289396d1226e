"""Pages of testimonies. Thin: parse, call a selector or a service, render.

Staff pages go through the permission layer (a testimony out of reach answers 404) and views of
confidential testimonies are audited. The public pages read only published narratives
(``selectors.public_publications``): nothing unpublished reaches a public list, count or sitemap.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.cases import services as cases_services
from mizan.cases.models import CaseFile
from mizan.core.audit import Action, audit_record
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.models import Term
from mizan.core.sensitivity import Sensitivity
from mizan.evidence import services as evidence_services
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


def _messages(exc: ValidationError) -> str:
    return " ".join(exc.messages)


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
    if request.method == "POST" and form.is_valid() and person_form.is_valid():
        data = _person_data(
            person_form.cleaned_data,
            Testimony(sensitivity=form.cleaned_data["sensitivity"], team=form.cleaned_data["team"]),
        )
        try:
            person = cases_services.person_create(actor=request.user, data=data)
            testimony = services.testimony_create(
                actor=request.user,
                interviewee=person,
                data={**form.cleaned_data, "interviewers": [request.user]},
            )
        except ValidationError as exc:
            form.add_error(None, _messages(exc))
        else:
            messages.success(
                request, _("The testimony was recorded as %(ref)s.") % {"ref": testimony.reference}
            )
            return redirect("testimonies:detail", pk=testimony.pk)
    return render(
        request,
        "testimonies/form.html",
        {"form": form, "person_form": person_form, "title": _("New testimony")},
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
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


@login_required
@permission_required(CHANGE, raise_exception=True)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
    form = forms.TestimonyForm(request.POST or None, instance=testimony, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.testimony_update(
                actor=request.user,
                testimony=Testimony.objects.get(pk=testimony.pk),
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, _messages(exc))
        else:
            messages.success(request, _("The testimony was saved."))
            return redirect("testimonies:detail", pk=testimony.pk)
    return render(
        request,
        "testimonies/form.html",
        {"form": form, "title": _("Edit %(ref)s") % {"ref": testimony.reference}},
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


@login_required
@permission_required(CHANGE, raise_exception=True)
def person_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A person the testimony speaks of; protected persons' names are then refused in narratives."""
    testimony = selectors.testimony_for(request.user, pk)
    form = forms.LinkedPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = _person_data(form.cleaned_data, testimony)
        if form.cleaned_data["national_id"]:
            data["national_id"] = form.cleaned_data["national_id"]
        try:
            person = cases_services.person_create(actor=request.user, data=data)
            services.testimony_person_add(
                actor=request.user,
                testimony=testimony,
                person=person,
                role=form.cleaned_data["role"],
                phone=form.cleaned_data["phone"],
            )
        except ValidationError as exc:
            form.add_error(None, _messages(exc))
        else:
            messages.success(request, _("The person was linked to the testimony."))
            return redirect("testimonies:detail", pk=testimony.pk)
    return render(
        request,
        "testimonies/small_form.html",
        {"form": form, "testimony": testimony, "title": _("Add a person it speaks of")},
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def original_add(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
    form = forms.OriginalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            item = services.original_add(
                actor=request.user,
                testimony=testimony,
                stream=upload,
                filename=upload.name,
                as_recording=form.cleaned_data["as_recording"],
                title=form.cleaned_data["title"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, _messages(exc))
        else:
            messages.success(
                request,
                _("Stored in the evidence locker as %(ref)s.") % {"ref": item.reference},
            )
            return redirect("testimonies:detail", pk=testimony.pk)
    return render(
        request,
        "testimonies/small_form.html",
        {"form": form, "testimony": testimony, "title": _("Add an original"), "upload": True},
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def consent_add(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
    form = forms.ConsentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
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
            services.consent_record(
                actor=request.user,
                testimony=testimony,
                scopes=[term.code for term in data["scopes"]],
                method=data["method"],
                taken_on=data["taken_on"],
                proof=proof,
                note=data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, _messages(exc))
        else:
            messages.success(request, _("The consent was recorded."))
            return redirect("testimonies:detail", pk=testimony.pk)
    return render(
        request,
        "testimonies/small_form.html",
        {"form": form, "testimony": testimony, "title": _("Record consent"), "upload": True},
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def consent_withdraw(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
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
        messages.error(request, _messages(exc))
    else:
        messages.success(
            request,
            _("The consent was withdrawn; %(count)s publication(s) taken off the public site.")
            % {"count": len(withdrawn)},
        )
    return redirect("testimonies:detail", pk=testimony.pk)


@login_required
@permission_required(CHANGE, raise_exception=True)
def transcript_import(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
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


@login_required
@permission_required(VIEW, raise_exception=True)
def transcript(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
    found = get_object_or_404(Transcript, testimony=testimony, language=language)
    audit_view_if_sensitive(request, testimony)
    return render(
        request,
        "testimonies/transcript.html",
        {
            "testimony": testimony,
            "transcript": found,
            "segments": selectors.segment_rows(found),
            "can_change": request.user.has_perm(CHANGE),
            # One URL prefix for the 2,000 "Index" links instead of 2,000 reverse() calls.
            "edit_base": reverse(
                "testimonies:segment_edit", kwargs={"pk": testimony.pk, "segment_pk": 0}
            )[: -len("0/")],
        },
    )


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
def transcript_export(request: HttpRequest, pk: int, language: str, fmt: str) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
    found = get_object_or_404(Transcript, testimony=testimony, language=language)
    if fmt not in ("vtt", "srt", "txt"):
        raise Http404
    text = services.transcript_export(found, fmt, actor=request.user)
    content_type = {"vtt": "text/vtt", "srt": "application/x-subrip", "txt": "text/plain"}[fmt]
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    name = f"{testimony.reference}-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@permission_required(CHANGE, raise_exception=True)
def segment_edit(request: HttpRequest, pk: int, segment_pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
    segment = get_object_or_404(Segment, pk=segment_pk, transcript__testimony=testimony)
    initial = {
        "title": segment.title,
        "keywords": list(segment.keywords.all()),
        "places": list(segment.places.all()),
    }
    form = forms.SegmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.segment_index(
            actor=request.user,
            segment=segment,
            title=form.cleaned_data["title"],
            keywords=form.cleaned_data["keywords"],
            places=form.cleaned_data["places"],
            persons=segment.persons.all(),
            acts=segment.acts.all(),
        )
        messages.success(request, _("The segment was indexed."))
        return redirect(
            reverse(
                "testimonies:transcript",
                kwargs={"pk": testimony.pk, "language": segment.transcript.language},
            )
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


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
def recording(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    """The recording for the transcript page, with byte ranges so the player can seek.

    A request from the start is recorded as a view in the item's custody history (the player's
    later range requests while seeking are not, to keep the history readable)."""
    testimony = selectors.testimony_for(request.user, pk)
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
    if start == 0:
        chunks = _byte_range(
            evidence_services.item_content(
                item, actor=request.user, download=False, request=request
            ),
            start,
            end,
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


def _byte_range(chunks: Any, start: int, end: int) -> Any:
    position = 0
    for chunk in chunks:
        chunk_end = position + len(chunk)
        if chunk_end > start and position <= end:
            yield chunk[max(start - position, 0) : end - position + 1]
        position = chunk_end
        if position > end:
            break


@login_required
@permission_required((CHANGE, "cases.change_casefile"), raise_exception=True)
@require_POST
def case_file_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the testimony (originals, transcripts, consent proof) to a case file the user sees."""
    testimony = selectors.testimony_for(request.user, pk)
    chosen = str(request.POST.get("case_file", ""))
    case_file = (
        CaseFile.objects.visible_to(request.user).filter(pk=int(chosen)).first()
        if chosen.isdigit()
        else None
    )
    if case_file is None:
        messages.error(request, _("Choose a case file."))
        return redirect("testimonies:detail", pk=testimony.pk)
    try:
        items = services.testimony_add_to_case_file(
            actor=request.user, testimony=testimony, case_file=case_file
        )
    except ValidationError as exc:
        messages.error(request, _messages(exc))
    else:
        messages.success(
            request,
            _("Added to %(case)s with %(count)s items of the evidence locker.")
            % {"case": case_file.reference, "count": len(items)},
        )
    return redirect("testimonies:detail", pk=testimony.pk)


@login_required
@permission_required((CHANGE, "cases.export_records"), raise_exception=True)
@require_GET
def statement(request: HttpRequest, pk: int) -> HttpResponse:
    """The witness statement as PDF for a recipient (``?for=iiim``), checked against consent."""
    from mizan.testimonies.statement import statement_pdf

    testimony = selectors.testimony_for(request.user, pk)
    try:
        document = statement_pdf(
            actor=request.user,
            testimony=testimony,
            recipient_category=request.GET.get("for", "")[:40],
        )
    except ValidationError as exc:
        messages.error(request, _messages(exc))
        return redirect("testimonies:detail", pk=testimony.pk)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{testimony.reference}-statement.pdf"'
    return response


@login_required
@permission_required(PUBLISH, raise_exception=True)
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
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
            form.add_error(None, _messages(exc))
        except ValidationError as exc:
            form.add_error(None, _messages(exc))
        else:
            messages.success(request, _("Published. It is on the public site now."))
            return redirect("testimonies:public_detail", pk=publication.pk)
    return render(
        request,
        "testimonies/publish.html",
        {"form": form, "testimony": testimony, "occurrences": occurrences},
    )


@login_required
@permission_required(PUBLISH, raise_exception=True)
@require_POST
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = selectors.testimony_for(request.user, pk)
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
