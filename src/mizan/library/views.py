"""Library pages: the public site (no sign-in, public documents only) and the staff pages.

The public views never look at ``request.user``: they read through
``selectors.public_documents()`` (the permission layer's answer for an anonymous visitor), so
a signed-in researcher sees exactly what the public sees there, and internal documents cannot
reach a public list, count, snippet, file or sitemap. Staff pages read through
``Document.objects.visible_to(user)``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.core.editing import edit_page, error_text
from mizan.core.mixins import audit_view_if_sensitive
from mizan.library import selectors, services
from mizan.library.forms import DocumentEditForm, DocumentUploadForm, RelationForm, VersionAddForm
from mizan.library.models import (
    Collection,
    Document,
    DocumentRelation,
    DocumentVersion,
    Language,
)
from mizan.library.search import SearchFilters, search_documents

PER_PAGE = 20


def _filters(params: Any) -> SearchFilters:
    year = params.get("year", "")
    language = params.get("language", "")
    collection = params.get("collection", "")
    return SearchFilters(
        body=params.get("body", "")[:80],
        doc_type=params.get("type", "")[:80],
        topic=params.get("topic", "")[:80],
        language=language if language in Language.values else "",
        year=int(year) if year.isdigit() and len(year) == 4 else None,
        collection=collection if collection in Collection.values else "",
    )


def _search_page(
    request: HttpRequest, visible: QuerySet[Document], template: str, extra: dict[str, Any]
) -> HttpResponse:
    params = request.GET
    query = params.get("q", "")[:300]
    filters = _filters(params)
    page_number = params.get("page", "1")
    number = int(page_number) if page_number.isdigit() else 1
    number = max(1, min(number, 500))
    results = search_documents(
        query, visible=visible, filters=filters, limit=PER_PAGE, offset=(number - 1) * PER_PAGE
    )
    # A paginator over the count alone: the page's documents come from the search itself. It
    # reaches every ranked result (with "more than …", the title matches and the window).
    page_obj = Paginator(range(results.reachable), PER_PAGE).get_page(number)
    context = {
        "query": query,
        "params": params,
        "results": results,
        "page_obj": page_obj,
        "choices": selectors.filter_choices(visible),
        "languages": Language.choices,
        "collections": Collection.choices,
        **extra,
    }
    return render(request, template, context)


# --- Public site ---------------------------------------------------------------------------------


@require_GET
def public_search(request: HttpRequest) -> HttpResponse:
    return _search_page(
        request, selectors.public_documents(), "library/public_search.html", {"publications": False}
    )


@require_GET
def public_publications(request: HttpRequest) -> HttpResponse:
    visible = selectors.public_documents().filter(collection=Collection.PUBLICATION)
    return _search_page(request, visible, "library/public_search.html", {"publications": True})


@require_GET
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_detail(selectors.public_documents(), pk)
    if document is None:
        raise Http404
    return render(
        request,
        "library/public_detail.html",
        {
            "document": document,
            "citation_en": citation(document, "en"),
            "citation_ar": citation(document, "ar"),
        },
    )


@require_GET
def public_file(request: HttpRequest, pk: int, version_pk: int) -> FileResponse:
    version = (
        DocumentVersion.objects.filter(document__in=selectors.public_documents().values("id"))
        .filter(pk=version_pk, document_id=pk)
        .first()
    )
    return _file_response(version)


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    documents = selectors.public_documents().order_by("id").only("id", "updated_at")[:50_000]
    return render(
        request,
        "library/sitemap.xml",
        {"documents": documents, "base": request.build_absolute_uri("/").rstrip("/")},
        content_type="application/xml",
    )


def _file_response(version: DocumentVersion | None) -> FileResponse:
    if version is None or not version.file:
        raise Http404
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # PDFs and plain text open in the browser; anything else (an uploaded HTML page above all,
    # which would run in Mizan's origin) is downloaded, never rendered.
    inline = version.content_type in {"application/pdf", "text/plain"}
    return FileResponse(
        handle,
        as_attachment=not inline,
        filename=version.original_name or f"document-{version.document_id}",
        content_type=version.content_type if inline else "application/octet-stream",
    )


def citation(document: Document, language: str) -> str:
    """A plain citation: issuing body, title, symbol, date, official link."""
    arabic = language == "ar"
    title = (
        (document.title_ar or document.title_en)
        if arabic
        else (document.title_en or document.title_ar)
    )
    body = ""
    if document.body:
        body = document.body.label_ar if arabic else document.body.label_en
    if document.collection == Collection.PUBLICATION and document.authors:
        body = document.authors
    parts = [body, f"«{title}»" if arabic else f"“{title}”", document.symbol]
    if document.date:
        parts.append(document.date.display(language))
    text = ("، " if arabic else ", ").join(part for part in parts if part)
    if document.official_url:
        text += f". {document.official_url}"
    return text + ("" if text.endswith(".") else ".")


# --- Staff pages ---------------------------------------------------------------------------------


@login_required
@permission_required("library.view_document", raise_exception=True)
@require_GET
def staff_search(request: HttpRequest) -> HttpResponse:
    return _search_page(
        request,
        selectors.documents_visible_to(request.user),
        "library/staff_search.html",
        {},
    )


@login_required
@permission_required("library.view_document", raise_exception=True)
@require_GET
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_detail(selectors.documents_visible_to(request.user), pk)
    if document is None:
        raise Http404
    audit_view_if_sensitive(request, document)
    return render(
        request,
        "library/staff_detail.html",
        {"document": document, "version_form": VersionAddForm()},
    )


def _duplicate_message(user: Any, duplicate: services.DuplicateFile) -> str:
    """The library keeps one file per content: name the document that holds it only to someone
    who may see that document (its number would otherwise confirm that the library holds a
    restricted document, and which)."""
    document_id = duplicate.version.document_id
    if selectors.documents_visible_to(user).filter(pk=document_id).exists():
        return _("This file is already in the library (document %(id)d).") % {"id": document_id}
    return _("This file is already in the library, in a document you cannot see. Ask a librarian.")


@login_required
@permission_required("library.add_documentversion", raise_exception=True)
def version_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add another language's file to a document the user may see (POST from its page)."""
    document = selectors.document_detail(selectors.documents_visible_to(request.user), pk)
    if document is None:
        raise Http404
    if request.method != "POST":
        return redirect("library:staff_detail", pk=pk)
    form = VersionAddForm(request.POST, request.FILES)
    if form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            services.version_add(
                actor=request.user,
                document=Document.objects.get(pk=pk),
                language=form.cleaned_data["language"],
                stream=upload_file,
                original_name=upload_file.name or "",
            )
        except services.DuplicateFile as duplicate:
            messages.error(request, _duplicate_message(request.user, duplicate))
        except services.EmptyFile:
            messages.error(request, _("The file is empty (0 bytes)."))
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request, _("The file was added; its text is being extracted in the background.")
            )
    else:
        messages.error(request, _("Choose a language and a file."))
    return redirect("library:staff_detail", pk=pk)


@login_required
@permission_required("library.view_document", raise_exception=True)
@require_GET
def staff_progress(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_detail(selectors.documents_visible_to(request.user), pk)
    if document is None:
        raise Http404
    return render(request, "library/_versions.html", {"document": document})


@login_required
@permission_required("library.view_document", raise_exception=True)
@require_GET
def staff_file(request: HttpRequest, pk: int, version_pk: int) -> FileResponse:
    visible = selectors.documents_visible_to(request.user).values("id")
    version = DocumentVersion.objects.filter(
        document__in=visible, pk=version_pk, document_id=pk
    ).first()
    return _file_response(version)


@login_required
@permission_required("library.add_document", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = DocumentUploadForm(request.POST or None, request.FILES or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields if name != "topics"}
        upload_file = form.cleaned_data["file"]
        try:
            # The file is stored (read, hashed, copied) before the transaction that records the
            # document: on SQLite a transaction holds the one write lock through all of it.
            stored = services.file_store(stream=upload_file, original_name=upload_file.name or "")
            try:
                with transaction.atomic():
                    document = services.document_create(
                        actor=request.user, data=data, topics=form.cleaned_data["topics"]
                    )
                    services.version_record(
                        actor=request.user,
                        document=document,
                        language=form.cleaned_data["language"],
                        stored=stored,
                    )
            except BaseException:
                services.file_discard(stored)
                raise
        except services.DuplicateFile as duplicate:
            form.add_error("file", _duplicate_message(request.user, duplicate))
        except services.EmptyFile:
            form.add_error("file", _("The file is empty (0 bytes)."))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The document was saved; its text is being extracted in the background.")
            )
            return redirect(reverse("library:staff_detail", args=[document.pk]))
    return render(request, "library/upload.html", {"form": form})


# --- Editing a document (researchers: whoever may add a document may change it) ------------------


def _editable_document(request: HttpRequest, pk: int) -> Document:
    document = selectors.document_detail(selectors.documents_visible_to(request.user), pk)
    if document is None:
        raise Http404
    return document


def _edit_context(
    request: HttpRequest, document: Document, relation_form: RelationForm | None = None
) -> dict[str, Any]:
    return {
        "document": document,
        "relation_form": relation_form or RelationForm(),
        "back": reverse("library:staff_detail", args=[document.pk]),
    }


@login_required
@permission_required("library.change_document", raise_exception=True)
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The metadata of a document, and its relations to other documents, on one page."""
    document = _editable_document(request, pk)

    def save(data: dict[str, Any]) -> None:
        topics = data.pop("topics", None)
        services.document_update(actor=request.user, document=document, data=data, topics=topics)

    return edit_page(
        request,
        DocumentEditForm(request.POST or None, instance=document, actor=request.user),
        save=save,
        success_url=reverse("library:staff_detail", args=[pk]),
        template="library/edit.html",
        context=_edit_context(request, document),
    )


@login_required
@permission_required("library.change_document", raise_exception=True)
@permission_required("library.add_documentrelation", raise_exception=True)
@require_POST
def relation_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = _editable_document(request, pk)
    form = RelationForm(request.POST)
    if form.is_valid():
        try:
            target = selectors.document_by_reference(
                selectors.documents_visible_to(request.user), form.cleaned_data["target"]
            )
            services.relation_add(
                actor=request.user,
                source=Document.objects.get(pk=pk),
                kind=form.cleaned_data["kind"],
                target=target,
            )
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("The relation was added."))
            return redirect("library:document_edit", pk=pk)
    edit_form = DocumentEditForm(instance=Document.objects.get(pk=pk), actor=request.user)
    return render(
        request,
        "library/edit.html",
        {"form": edit_form, **_edit_context(request, document, form)},
    )


@login_required
@permission_required("library.change_document", raise_exception=True)
@permission_required("library.delete_documentrelation", raise_exception=True)
@require_POST
def relation_remove(request: HttpRequest, pk: int, relation_pk: int) -> HttpResponse:
    """Remove a relation of this document; both its documents must be visible to the user."""
    _editable_document(request, pk)
    visible = selectors.documents_visible_to(request.user).values("id")
    relation = (
        DocumentRelation.objects.filter(pk=relation_pk, source__in=visible, target__in=visible)
        .filter(Q(source_id=pk) | Q(target_id=pk))
        .first()
    )
    if relation is None:
        raise Http404
    try:
        services.relation_remove(actor=request.user, relation=relation)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The relation was removed."))
    return redirect("library:document_edit", pk=pk)
