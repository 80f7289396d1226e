from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from mizan.cases.models import CaseFile
from mizan.core.editing import edit_page
from mizan.core.mixins import audit_view_if_sensitive
from mizan.core.permissions import get_visible_or_404, visible_prefetch
from mizan.evidence import services, uploads
from mizan.evidence.forms import (
    DeriveForm,
    HandoverForm,
    ItemDetailsForm,
    ItemEditForm,
    NoteForm,
)
from mizan.evidence.models import Item, Upload
from mizan.evidence.store import StoreError, StoreFullError


def _visible_items(request: HttpRequest) -> Any:
    return Item.objects.visible_to(request.user)


@login_required
@permission_required("evidence.view_item", raise_exception=True)
def item_list(request: HttpRequest) -> HttpResponse:
    # The original of a working copy only if the user may see it (the permission layer).
    items = _visible_items(request).prefetch_related(
        visible_prefetch("derived_from", Item.objects.all(), request.user)
    )
    query = request.GET.get("q", "").strip()[:200]
    if query:
        items = items.filter(
            Q(reference__icontains=query)
            | Q(filename__icontains=query)
            | Q(title__icontains=query)
            | Q(sha256__startswith=query.lower())
        )
    kind = request.GET.get("kind", "original")
    if kind in Item.Kind.values:
        items = items.filter(kind=kind)
    case = request.GET.get("case", "")
    if case.isdigit():
        items = items.filter(case_files__pk=int(case))
    page = Paginator(items.order_by("-ingested_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "evidence/item_list.html",
        {"page": page, "query": query, "kind": kind, "kinds": Item.Kind.choices},
    )


@login_required
@permission_required("evidence.view_item", raise_exception=True)
def item_detail(request: HttpRequest, reference: str) -> HttpResponse:
    item = get_visible_or_404(
        Item.objects.select_related("collected_where", "ingested_by").prefetch_related(
            visible_prefetch("derived_from", Item.objects.all(), request.user)
        ),
        request.user,
        reference=reference,
    )
    audit_view_if_sensitive(request, item)
    derivatives = _visible_items(request).filter(derived_from=item).order_by("pk")
    thumbnail = derivatives.filter(derivation=Item.Derivation.THUMBNAIL).first()
    return render(
        request,
        "evidence/item_detail.html",
        {
            "item": item,
            "events": item.custody_events.order_by("-seq"),
            "derivatives": derivatives,
            "thumbnail": thumbnail,
            "case_files": CaseFile.objects.visible_to(request.user).filter(evidence_items=item),
            "consent_scopes": item.consent_scopes.all(),
            "note_form": NoteForm(),
            "handovers": item.handovers.select_related("recipient").order_by("-created_at"),
            "gps": (item.metadata or {}).get("gps"),
        },
    )


def _stream(
    item: Item, request: HttpRequest, *, download: bool
) -> HttpResponse | StreamingHttpResponse:
    inline = not download and item.preview_kind != ""
    try:
        chunks = services.item_content(
            item, actor=request.user, download=not inline, request=request
        )
    except services.ItemDamaged as exc:
        message = _(
            "The stored original of %(ref)s failed its integrity check, so nothing of it was "
            "sent (%(problem)s). A failed fixity check was added to its custody history. Tell an "
            "administrator now: the original must be restored from a backup."
        ) % {"ref": item.reference, "problem": exc.problem}
        page = render(request, "errors/error.html", {"code": 500, "message": message}, status=500)
        page["Cache-Control"] = "no-store"
        return page
    content_type = item.media_type if inline else "application/octet-stream"
    if item.media_type == "text/plain":
        content_type = "text/plain; charset=utf-8"
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Length"] = str(item.size)
    response["Content-Disposition"] = content_disposition_header(not inline, item.filename) or ""
    response["X-Content-Type-Options"] = "nosniff"
    # Shown only inside Mizan's own pages; images, audio and video also in a sandbox (no
    # scripts, no forms, no same-origin access). Chromium refuses to show PDFs in a sandbox.
    policy = (
        "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline';"
        " frame-ancestors 'self'"
    )
    if item.media_type != "application/pdf":
        policy = "sandbox; " + policy
    response["Content-Security-Policy"] = policy
    response["Cache-Control"] = "no-store"
    return response


@login_required
@permission_required("evidence.view_item", raise_exception=True)
@require_GET
@xframe_options_sameorigin
def item_content(request: HttpRequest, reference: str) -> HttpResponse | StreamingHttpResponse:
    """The original for the preview on the item page (recorded as a view)."""
    item = get_visible_or_404(Item, request.user, reference=reference)
    return _stream(item, request, download=False)


@login_required
@permission_required("evidence.view_item", raise_exception=True)
@require_GET
def item_download(request: HttpRequest, reference: str) -> HttpResponse | StreamingHttpResponse:
    item = get_visible_or_404(Item, request.user, reference=reference)
    return _stream(item, request, download=True)


@login_required
@permission_required("evidence.view_item", raise_exception=True)
@require_POST
def item_verify(request: HttpRequest, reference: str) -> HttpResponse:
    item = get_visible_or_404(Item, request.user, reference=reference)
    problem = services.item_fixity(item=item, actor=request.user)
    if problem:
        messages.error(
            request,
            _("Verification FAILED for %(ref)s: %(problem)s. Tell an administrator now.")
            % {"ref": item.reference, "problem": problem},
        )
    else:
        messages.success(
            request,
            _(
                "Verified: the stored original still has the SHA-256 and SHA-512 recorded when it "
                "was received. A fixity event was added to its custody history."
            ),
        )
    return redirect("evidence:item_detail", reference=item.reference)


@login_required
@permission_required("evidence.change_item", raise_exception=True)
@require_POST
def item_annotate(request: HttpRequest, reference: str) -> HttpResponse:
    item = get_visible_or_404(Item, request.user, reference=reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.item_annotate(item=item, actor=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("The note was added to the item and to its custody history."))
    else:
        messages.error(request, _("Write the note first."))
    return redirect("evidence:item_detail", reference=item.reference)


@login_required
@permission_required("evidence.add_item", raise_exception=True)
def upload_page(request: HttpRequest) -> HttpResponse:
    derive_from = None
    if request.GET.get("derive"):
        derive_from = get_visible_or_404(Item, request.user, reference=request.GET["derive"])
    return render(
        request,
        "evidence/upload.html",
        {
            "form": ItemDetailsForm(actor=request.user),
            "derive_form": DeriveForm() if derive_from else None,
            "derive_from": derive_from,
            "texts": {
                "waiting": _("Waiting"),
                "sending": _("Sending"),
                "storing": _("Encrypting and storing…"),
                "retrying": _("Connection lost; trying again…"),
                "done": _("Stored as"),
                "duplicate": _("Already in the locker as"),
                "failed": _("Failed"),
                "empty": _("This file is empty."),
                "too_large": _("This file is larger than an upload may be."),
                "resumed": _("Continuing an interrupted upload"),
                "leave": _("Uploads are still running. Leave the page anyway?"),
            },
            "chunk_bytes": settings.EVIDENCE_UPLOAD_CHUNK_BYTES,
            "max_bytes": settings.EVIDENCE_MAX_UPLOAD_BYTES,
        },
    )


def _error(message: str, status: int = 400, **extra: Any) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def _own_upload(request: HttpRequest, token: str) -> Upload:
    return get_object_or_404(Upload, token=token, user_id=request.user.pk)


@login_required
@permission_required("evidence.add_item", raise_exception=True)
@require_POST
def upload_start(request: HttpRequest) -> JsonResponse:
    try:
        data = json.loads(request.body or b"{}")
        size = int(data.get("size", -1))
        name = str(data.get("name", ""))
    except (ValueError, TypeError):
        return _error(_("The upload request could not be read."))
    resume = Upload.objects.filter(
        user_id=int(request.user.pk or 0), token=str(data.get("resume", "")), item__isnull=True
    ).first()
    if resume is not None and resume.size == size:
        return JsonResponse({"token": resume.token, "received": resume.received})
    try:
        upload = uploads.upload_start(user=request.user, filename=name, size=size)
    except ValidationError as exc:
        return _error(" ".join(exc.messages))
    return JsonResponse({"token": upload.token, "received": 0})


@login_required
@permission_required("evidence.add_item", raise_exception=True)
def upload_chunk(request: HttpRequest, token: str) -> JsonResponse:
    upload = _own_upload(request, token)
    if request.method == "GET":
        return JsonResponse({"received": upload.received, "size": upload.size})
    if request.method != "POST":
        return _error(_("Method not allowed."), 405)
    try:
        offset = int(request.GET.get("offset", "-1"))
    except ValueError:
        return _error(_("The upload request could not be read."))
    limit = settings.EVIDENCE_UPLOAD_CHUNK_BYTES
    data = request.read(limit + 1)  # the raw body: no multipart parsing, no temporary file
    try:
        upload = uploads.upload_chunk(
            upload=upload,
            offset=offset,
            data=data,
            sha256=request.headers.get("X-Chunk-Sha256", ""),
        )
    except uploads.OffsetMismatch as exc:
        return _error(" ".join(exc.messages), 409, received=exc.received)
    except ValidationError as exc:
        return _error(" ".join(exc.messages))
    except OSError:
        return _error(_("The server could not keep this chunk (disk full?). Try again later."), 507)
    return JsonResponse({"received": upload.received})


@login_required
@permission_required("evidence.add_item", raise_exception=True)
@require_POST
def upload_complete(request: HttpRequest, token: str) -> JsonResponse:
    upload = _own_upload(request, token)
    if upload.item_id is not None and upload.item is not None:
        # An upload completed earlier names its item only while the uploader may see it (one
        # completed before out-of-reach duplicates were refused, or an item moved since).
        try:
            services.IngestResult(upload.item, created=False).within_reach_of(request.user)
        except ValidationError as exc:
            return _error(" ".join(exc.messages))
        return JsonResponse(
            {
                "reference": upload.item.reference,
                "created": False,
                "url": reverse("evidence:item_detail", args=[upload.item.reference]),
            }
        )
    form = ItemDetailsForm(request.POST, actor=request.user)
    if not form.is_valid():
        errors = "; ".join(
            f"{form.fields[name].label}: {' '.join(str(m) for m in msgs)}"
            if name in form.fields
            else " ".join(str(m) for m in msgs)
            for name, msgs in form.errors.items()
        )
        return _error(errors)
    data = form.cleaned_data
    derived_from = None
    derivation = ""
    if request.POST.get("derive_from"):
        derived_from = get_visible_or_404(Item, request.user, reference=request.POST["derive_from"])
        derive_form = DeriveForm(request.POST)
        if not derive_form.is_valid():
            return _error(_("Choose the kind of derived copy."))
        derivation = derive_form.cleaned_data["derivation"]
    try:
        result = uploads.upload_complete(
            upload=upload,
            actor=request.user,
            title=data["title"],
            note=data["note"],
            provenance=services.Provenance(
                collected_by=data["collected_by"],
                collected_on=data["collected_on"],
                collected_where=data["collected_where"],
                collected_from=data["collected_from"],
                collection_method=data["collection_method"],
                source_text=data["source_text"],
            ),
            sensitivity=data["sensitivity"],
            team=data["team"],
            case_files=[data["case_file"]] if data["case_file"] else [],
            incidents=data["incident_refs"],
            persons=data["person_numbers"],
            consent_scopes=data["consent_scopes"],
            derived_from=derived_from,
            derivation=derivation,
            request=request,
        )
    except StoreFullError:
        return _error(
            _(
                "The evidence store is full. Nothing already stored was touched;"
                " tell an administrator."
            ),
            507,
        )
    except (StoreError, ValidationError) as exc:
        message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        return _error(message)
    item = result.item
    return JsonResponse(
        {
            "reference": item.reference,
            "created": result.created,
            "url": reverse("evidence:item_detail", args=[item.reference]),
            "sha256": item.sha256,
        }
    )


@login_required
@permission_required("evidence.handover_items", raise_exception=True)
def handover_list(request: HttpRequest) -> HttpResponse:
    from django_tasks import TaskResultStatus

    from mizan.evidence.models import Handover
    from mizan.evidence.tasks import handover_task

    form = HandoverForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        handover_task.enqueue(
            actor_id=int(request.user.pk or 0),
            recipient_id=data["recipient"].pk,
            item_ids=[item.pk for item in form.chosen],
            case_file_id=data["case_file"].pk if data["case_file"] else None,
            age_recipient=data["age_recipient"].strip(),
            # The package's human text (summary.pdf) is in the language it was asked for in.
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        messages.success(
            request,
            _(
                "The package of %(n)s items is being prepared and signed. It appears below when "
                "it is ready; reload this page."
            )
            % {"n": len(form.chosen)},
        )
        return redirect("evidence:handover_list")
    pending = 0
    if "django_tasks_db" in settings.TASKS["default"]["BACKEND"]:
        from django_tasks_db.models import DBTaskResult

        pending = DBTaskResult.objects.filter(
            task_path__endswith="handover_task",
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        ).count()
    visible = Item.objects.visible_to(request.user)
    handovers = Handover.objects.select_related("recipient", "case_file").prefetch_related(
        Prefetch("items", queryset=visible, to_attr="visible_items")
    )
    return render(
        request,
        "evidence/handover_list.html",
        {"form": form, "handovers": handovers[:200], "pending": pending},
    )


@login_required
@permission_required("evidence.handover_items", raise_exception=True)
@require_GET
def handover_download(request: HttpRequest, reference: str) -> StreamingHttpResponse:
    from pathlib import Path

    from mizan.core.audit import Action, audit_record
    from mizan.evidence.models import Handover
    from mizan.evidence.package import tar_directory

    handover = get_object_or_404(Handover, reference=reference)
    # A package is as protected as the most protected item in it.
    if handover.items.exclude(pk__in=Item.objects.visible_to(request.user)).exists():
        raise Http404
    path = Path(handover.package_path)
    sealed = sorted(path.glob("*.tar.age")) if path.is_dir() else []
    if not path.exists():
        raise Http404
    audit_record(actor=request.user, action=Action.EXPORT, target=handover, request=request)
    if sealed:
        response = StreamingHttpResponse(
            _file_chunks(sealed[0]), content_type="application/octet-stream"
        )
        response["Content-Disposition"] = content_disposition_header(True, sealed[0].name) or ""
        response["Content-Length"] = str(sealed[0].stat().st_size)
    else:
        response = StreamingHttpResponse(tar_directory(path), content_type="application/x-tar")
        response["Content-Disposition"] = (
            content_disposition_header(True, f"{handover.reference}.tar") or ""
        )
    response["Cache-Control"] = "no-store"
    return response


def _file_chunks(path: Any, size: int = 1024 * 1024) -> Any:
    with open(path, "rb") as f:
        while chunk := f.read(size):
            yield chunk


@login_required
@permission_required("evidence.change_item", raise_exception=True)
def item_edit(request: HttpRequest, reference: str) -> HttpResponse:
    item = get_visible_or_404(Item, request.user, reference=reference)
    form = ItemEditForm(request.POST or None, instance=item, actor=request.user)
    return edit_page(
        request,
        form,
        save=lambda data: services.item_update(
            item=item,
            actor=request.user,
            data={name: value for name, value in data.items() if name in form.Meta.fields},
            incidents=form.incidents,
        ),
        success_url=reverse("evidence:item_detail", args=[item.reference]),
        template="cases/edit_form.html",
        context={
            "title": _("Edit %(ref)s") % {"ref": item.reference},
            "back": reverse("evidence:item_detail", args=[item.reference]),
        },
        saved_message=_("The changes were saved and added to the custody history."),
        unchanged_message=_("Nothing was changed."),
    )


@login_required
@permission_required(("cases.change_casefile", "evidence.change_item"), raise_exception=True)
@require_POST
def case_file_items(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    """Add evidence items (by reference) to a case file, or take one out; a custody event each.

    An item the user may not see is reported as not found, like a wrong reference.
    """
    if verb not in ("add", "remove"):
        raise Http404
    case_file = get_visible_or_404(CaseFile, request.user, pk=pk)
    field = "items" if verb == "add" else "item"
    text = str(request.POST.get(field, ""))[:2000]
    wanted = [w.strip() for w in text.replace("،", ",").split(",") if w.strip()]
    found = list(_visible_items(request).filter(reference__in=wanted))
    unknown = [w for w in wanted if w not in {item.reference for item in found}]
    back = redirect(reverse("cases:case_file_detail", args=[pk]) + "#evidence")
    if not wanted or unknown:
        messages.error(
            request,
            _("Not found, or not yours to see: %(list)s. Nothing was changed.")
            % {"list": ", ".join(unknown[:10])}
            if unknown
            else _("Type the reference of an evidence item."),
        )
        return back
    with transaction.atomic():
        for item in found:
            if verb == "add":
                services.item_link(item=item, actor=request.user, case_files=[case_file])
            else:
                services.item_unlink(item=item, actor=request.user, case_files=[case_file])
    messages.success(
        request,
        _("Added to the case file.")
        if verb == "add"
        else _("Taken out of the case file; the record itself is kept."),
    )
    return back
