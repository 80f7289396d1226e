"""Writes on the library. Each is atomic and writes its audit entry; tasks run on commit."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Lower, Replace
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mizan.core.audit import Action, audit_record
from mizan.core.background import enqueue_on_commit
from mizan.core.home import private_temp_dir
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.core.writing import acting_user, assign_changes
from mizan.library.extract import ExtractionProblem, extract
from mizan.library.models import (
    BODY_VOCABULARY,
    TOPIC_VOCABULARY,
    TYPE_VOCABULARY,
    Document,
    DocumentRelation,
    DocumentVersion,
    Extraction,
    PassageEntry,
    RelationKind,
)
from mizan.library.search import index_terms, passage_terms
from mizan.text import clean_name, has_bidi_controls

DOCUMENT_FIELDS = (
    "collection",
    "symbol",
    "title_ar",
    "title_en",
    "body",
    "doc_type",
    "date",
    "official_url",
    "authors",
    "abstract_ar",
    "abstract_en",
    "source_note",
    "sensitivity",
    "team",
)


class DuplicateFile(Exception):
    """The file's content is already in the library (``version`` holds it)."""

    def __init__(self, version: DocumentVersion) -> None:
        super().__init__(f"duplicate of document {version.document_id}")
        self.version = version


class EmptyFile(Exception):
    pass


def _clean_text_fields(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    for name in ("symbol", "title_ar", "title_en", "authors"):
        if name in cleaned and cleaned[name] is not None:
            if has_bidi_controls(cleaned[name]):
                raise ValidationError(
                    {name: _("Remove the invisible direction-control characters.")}
                )
            cleaned[name] = clean_name(cleaned[name])
    return cleaned


def _check_title(document: Document) -> None:
    if not (document.title_ar or document.title_en or document.symbol):
        raise ValidationError(_("Give the document a title in Arabic or English, or a symbol."))


def document_create(
    *, actor: Any, data: dict[str, Any], topics: Iterable[Term] = (), audit: bool = True
) -> Document:
    data = _clean_text_fields(data)
    with transaction.atomic():
        document = Document(**data, created_by=acting_user(actor))
        _check_title(document)
        document.year = document.date.year if document.date else None
        document.full_clean()
        document.save()
        document.topics.set(list(topics))
        document_reindex(document)
        if audit:
            audit_record(actor=actor, action=Action.CREATE, target=document, fields=list(data))
    return document


# The fields whose value is in the search index (``search.index_terms``).
INDEXED_FIELDS = frozenset(
    {"symbol", "title_ar", "title_en", "authors", "body", "abstract_ar", "abstract_en"}
)


def symbol_key(symbol: str) -> str:
    """A symbol as compared for duplicates: "S/RES/2118 (2013)" is "s/res/2118(2013)"."""
    return "".join(symbol.split()).casefold()


def documents_with_symbol(symbol: str) -> QuerySet[Document]:
    """Every document whose symbol is ``symbol``, ignoring case and spaces."""
    key = symbol_key(symbol)
    if not key:
        return Document.objects.none()
    return Document.objects.alias(
        symbol_key=Lower(Replace("symbol", Value(" "), Value("")))
    ).filter(symbol_key=key)


def symbol_check(symbol: str, *, document: Document | None = None) -> None:
    """Refuse (``ValidationError`` on ``symbol``) a symbol another document already has."""
    taken = documents_with_symbol(symbol or "")
    if document is not None and document.pk is not None:
        taken = taken.exclude(pk=document.pk)
    if taken.exists():
        raise ValidationError(
            {"symbol": _("Another document in the library already has this symbol.")}
        )


def document_update(
    *, actor: Any, document: Document, data: dict[str, Any], topics: Iterable[Term] | None = None
) -> Document:
    """Change a document's metadata; refused whole (``ValidationError``) on bad input.

    A symbol may not be changed to one another document already has (the import may give two
    files of one symbol their own documents; the edit page may not create such a pair). Only the
    fields that really change are written to the audit log; the search index is recomputed when
    an indexed field changed, and visibility (public or internal) takes effect at once because
    every public read goes through the permission layer.
    """
    data = _clean_text_fields(data)
    topics = None if topics is None else list(topics)
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        changed = assign_changes(document, data)
        if "symbol" in changed:
            symbol_check(document.symbol, document=document)
        _check_title(document)
        document.year = document.date.year if document.date else None
        document.full_clean()
        if topics is not None:
            before = set(document.topics.values_list("pk", flat=True))
            if before != {term.pk for term in topics}:
                changed.append("topics")
        if not changed:
            return document
        document.save()
        if "topics" in changed:
            document.topics.set(topics or [])
        if INDEXED_FIELDS.intersection(changed):
            document_reindex(document)
        audit_record(actor=actor, action=Action.UPDATE, target=document, fields=changed)
    return document


def document_reindex(document: Document) -> None:
    """Recompute the document's search terms; the database index follows (migration 0002)."""
    from mizan.library.models import SearchEntry, SearchForms

    texts = list(document.versions.values_list("text", flat=True))
    title, body, forms = index_terms(document, texts)
    SearchEntry.objects.update_or_create(
        document=document, defaults={"title_terms": title, "body_terms": body}
    )
    SearchForms.objects.update_or_create(document=document, defaults={"forms": forms})


# --- Passages of other apps' records (the search service's second kind of entry) ---------------


def passages_replace(
    *,
    kind: str,
    group_id: int,
    owner_id: int,
    passages: Iterable[tuple[int, str, str]],
) -> int:
    """Put the passages of one group (a transcript: ``(segment id, title, text)`` each) in the
    search index, replacing what the group had; returns how many.

    For apps above the library (testimonies), which own the passages and decide who may see
    them: they call this whenever the passages change, and search them with
    ``mizan.library.search.search_passages`` and their own permission layer. Index upkeep, not
    an action of its own: the caller audits the change it makes.
    """
    entries = []
    for object_id, title, text in passages:
        title_terms, body_terms, form_terms = passage_terms(title, text)
        entries.append(
            PassageEntry(
                kind=kind,
                group_id=group_id,
                owner_id=owner_id,
                object_id=object_id,
                title_terms=title_terms,
                body_terms=body_terms,
                form_terms=form_terms,
            )
        )
    with transaction.atomic():
        PassageEntry.objects.filter(kind=kind, group_id=group_id).delete()
        PassageEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


def passages_remove(*, kind: str, group_id: int) -> None:
    """Take a group's passages out of the search index (its record was deleted or replaced)."""
    PassageEntry.objects.filter(kind=kind, group_id=group_id).delete()


def passage_update(*, kind: str, object_id: int, title: str, text: str) -> None:
    """Index one passage again after its text or title changed (nothing if it is not indexed)."""
    title_terms, body_terms, form_terms = passage_terms(title, text)
    PassageEntry.objects.filter(kind=kind, object_id=object_id).update(
        title_terms=title_terms, body_terms=body_terms, form_terms=form_terms
    )


# --- Files ---------------------------------------------------------------------------------------


def _hash_to_temp(stream: IO[bytes]) -> tuple[Path, str, int]:
    digest = hashlib.sha256()
    size = 0
    # In MIZAN_HOME/tmp, never the system's /tmp; removed here on error, by version_add after.
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
        prefix="mizan-lib-", delete=False, dir=private_temp_dir()
    )
    try:
        with handle:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                handle.write(chunk)
                size += len(chunk)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return Path(handle.name), digest.hexdigest(), size


def _storage_name(sha256: str, original_name: str) -> str:
    suffix = Path(original_name).suffix.lower()[:10]
    if not suffix[1:].isalnum():
        suffix = ""
    return f"library/{sha256[:2]}/{sha256}{suffix}"


@dataclass(frozen=True)
class StoredFile:
    """A file in the library's storage under its SHA-256, not yet any document's
    (``file_store``; ``version_record`` makes it one, ``file_discard`` takes it back)."""

    name: str
    sha256: str
    size: int
    original_name: str


def file_store(*, stream: IO[bytes], original_name: str) -> StoredFile:
    """Put a file in the library's storage under its SHA-256, outside any transaction of its
    own: a page calls it before the one that records the document, since on SQLite a
    transaction holds the database's one write lock, and a file of up to
    ``MIZAN_LIBRARY_MAX_FILE_BYTES`` is read, hashed and copied here.

    Raises ``EmptyFile`` for a zero-byte file, ``DuplicateFile`` when the same content is
    already in the library, ``ValidationError`` above the size limit; nothing is stored then.
    """
    temp, sha256, size = _hash_to_temp(stream)
    try:
        if size == 0:
            raise EmptyFile(original_name)
        existing = DocumentVersion.objects.filter(sha256=sha256).first()
        if existing is not None:
            raise DuplicateFile(existing)
        if size > settings.MIZAN_LIBRARY_MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than the limit of %(mb)d MB.")
                % {"mb": settings.MIZAN_LIBRARY_MAX_FILE_BYTES // 1_000_000}
            )
        name = _storage_name(sha256, original_name)
        if not default_storage.exists(name):
            with temp.open("rb") as handle:
                saved = default_storage.save(name, handle)
            if saved != name:  # a concurrent upload stored the same content first
                default_storage.delete(saved)
    finally:
        temp.unlink(missing_ok=True)
    return StoredFile(name, sha256, size, original_name)


def file_discard(stored: StoredFile) -> None:
    """Take back a stored file that no document's version names (its record was refused)."""
    if not DocumentVersion.objects.filter(file=stored.name).exists():
        default_storage.delete(stored.name)


def version_record(
    *,
    actor: Any,
    document: Document,
    language: str,
    stored: StoredFile,
    import_path: str = "",
    extraction: str = "background",
) -> DocumentVersion:
    """Make a stored file one of ``document``'s files and have its text extracted
    (``extraction``: "background", a django-tasks task on commit; "inline", now, in this
    process; or "none")."""
    with transaction.atomic():
        version = DocumentVersion.objects.create(
            document=document,
            language=language,
            file=stored.name,
            original_name=clean_name(Path(stored.original_name).name)[:300],
            import_path=import_path[:500],
            sha256=stored.sha256,
            size=stored.size,
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=version,
            detail={"document": document.pk, "sha256": stored.sha256, "size": stored.size},
        )
        if extraction == "background":
            enqueue_on_commit("mizan.library.tasks.extract_version_text", version_id=version.pk)
    if extraction == "inline":
        version_extract(version_id=version.pk)
        version.refresh_from_db()
    return version


def version_add(
    *,
    actor: Any,
    document: Document,
    language: str,
    stream: IO[bytes],
    original_name: str,
    import_path: str = "",
    extraction: str = "background",
) -> DocumentVersion:
    """Store one file of ``document`` under its SHA-256 and have its text extracted
    (``file_store``, then ``version_record``). Raises ``DuplicateFile`` when the same content is
    already in the library and ``EmptyFile`` for a zero-byte file; nothing is written in either
    case, nor when the version is refused."""
    stored = file_store(stream=stream, original_name=original_name)
    try:
        return version_record(
            actor=actor,
            document=document,
            language=language,
            stored=stored,
            import_path=import_path,
            extraction=extraction,
        )
    except BaseException:
        file_discard(stored)
        raise


def _set_progress(version_id: int, done: int, total: int, status: str) -> None:
    DocumentVersion.objects.filter(pk=version_id).update(
        pages_done=done, pages_total=total, status=status
    )


def version_extract(*, version_id: int) -> DocumentVersion:
    """Extract the text of one version (progress saved as it goes) and reindex its document."""
    version = DocumentVersion.objects.select_related("document").get(pk=version_id)
    _set_progress(version.pk, 0, version.pages_total, Extraction.RUNNING)
    path = Path(default_storage.path(version.file.name or ""))
    try:
        extracted = extract(
            path,
            name=version.original_name,
            progress=lambda done, total, status: _set_progress(version.pk, done, total, status),
        )
    except ExtractionProblem as problem:
        DocumentVersion.objects.filter(pk=version.pk).update(
            status=problem.status, message=problem.message[:500], pages_total=problem.pages
        )
    except Exception:  # the worker must record every failure rather than die silently
        DocumentVersion.objects.filter(pk=version.pk).update(
            status=Extraction.FAILED,
            message=_("Text extraction failed unexpectedly; the file is kept."),
        )
        raise
    else:
        text = extracted.text.replace("\x00", "")
        status = Extraction.DONE if text.strip() else Extraction.EMPTY
        message = "" if text.strip() else _("No text was found in this file.")
        with transaction.atomic():
            DocumentVersion.objects.filter(pk=version.pk).update(
                text=text,
                status=status,
                message=message,
                content_type=extracted.content_type,
                pages_total=extracted.pages,
                pages_done=extracted.pages,
                ocr_used=extracted.ocr_used,
            )
            document_reindex(version.document)
    version.refresh_from_db()
    return version


def relation_add(*, actor: Any, source: Document, kind: str, target: Document) -> DocumentRelation:
    """Link two documents; a link to itself or a link already there is refused whole."""
    if source.pk == target.pk:
        raise ValidationError(_("A document cannot be related to itself."))
    if kind not in RelationKind.values:
        raise ValidationError(_("Choose a kind of relation from the list."))
    with transaction.atomic():
        if DocumentRelation.objects.filter(source=source, kind=kind, target=target).exists():
            raise ValidationError(_("These two documents are already related in this way."))
        relation = DocumentRelation(source=source, kind=kind, target=target)
        relation.full_clean()
        relation.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=relation,
            detail={"source": source.pk, "target": target.pk, "kind": kind},
        )
    return relation


def relation_remove(*, actor: Any, relation: DocumentRelation) -> None:
    """Remove one link between two documents (the documents themselves are untouched)."""
    detail = {"source": relation.source_id, "target": relation.target_id, "kind": relation.kind}
    with transaction.atomic():
        deleted, _counts = DocumentRelation.objects.filter(pk=relation.pk).delete()
        if not deleted:
            raise ValidationError(_("This relation was already removed."))
        audit_record(
            actor=actor,
            action=Action.DELETE,
            object_type="library.documentrelation",
            object_id=str(relation.pk),
            detail=detail,
        )


# --- Vocabulary look-ups used by imports and the catalogue ---------------------------------------


def term_for(
    vocabulary: str, value: str, *, create: bool = True, actor: Any = None, audit: bool = True
) -> Term | None:
    """The term whose code or label (Arabic or English) is ``value``; added when unknown.

    A term added here is audited as created by ``actor`` (the import's user), unless ``audit``
    is false (the curated catalogue seeded after ``migrate``, whose documents are not audited
    either).
    """
    value = clean_name(value or "")
    if not value:
        return None
    terms = Term.objects.filter(vocabulary=vocabulary)
    lowered = value.casefold()
    for term in terms:
        if lowered in {term.code.casefold(), term.label_en.casefold(), term.label_ar.casefold()}:
            return term
    if not create:
        return None
    code = slugify(value)[:80] or hashlib.sha256(value.encode()).hexdigest()[:12]
    with transaction.atomic():
        term, created = Term.objects.get_or_create(
            vocabulary=vocabulary,
            code=code,
            defaults={"label_en": value[:200], "label_ar": value[:200], "sort_order": 1000},
        )
        if created and audit:
            audit_record(
                actor=actor,
                action=Action.CREATE,
                target=term,
                fields=["vocabulary", "code", "label_en", "label_ar"],
                detail={"vocabulary": vocabulary},
            )
    return term


def catalogue_entry_add(row: dict[str, Any]) -> Document | None:
    """Add one curated catalogue entry unless its key is already there; never overwrite."""
    key = row["key"]
    if Document.objects.filter(catalogue_key=key).exists():
        return None
    data = {
        "symbol": row.get("symbol", ""),
        "title_ar": row.get("title_ar", ""),
        "title_en": row.get("title_en", ""),
        "body": term_for(BODY_VOCABULARY, row.get("body", ""), audit=False),
        "doc_type": term_for(TYPE_VOCABULARY, row.get("type", ""), audit=False),
        "date": PartialDate.parse(row["date"]) if row.get("date") else None,
        "official_url": row.get("url", ""),
        "source_note": row.get("source", "")[:500],
        "sensitivity": Sensitivity.PUBLIC,
    }
    topics = [
        t for code in row.get("topics", []) if (t := term_for(TOPIC_VOCABULARY, code, audit=False))
    ]
    document = document_create(actor=None, data=data, topics=topics, audit=False)
    Document.objects.filter(pk=document.pk).update(catalogue_key=key)
    for relation in row.get("relations", []):
        target = Document.objects.filter(catalogue_key=relation["target"]).first()
        if target is not None:
            DocumentRelation.objects.get_or_create(
                source=document, kind=relation["kind"], target=target
            )
    return document


def catalogue_symbol_fill(row: dict[str, Any]) -> bool:
    """Give an entry already seeded without a symbol the symbol verified since, with its source.

    Only a blank is filled: a symbol an administrator entered or changed is never touched, and a
    symbol another document already has is left for a person to resolve. Audited as a change.
    """
    document = Document.objects.filter(catalogue_key=row["key"]).first()
    if document is None or document.symbol or not row.get("symbol"):
        return False
    try:
        document_update(
            actor=None,
            document=document,
            data={"symbol": row["symbol"], "source_note": row.get("source", "")[:500]},
        )
    except ValidationError:
        return False
    return True
