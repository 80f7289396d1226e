"""The library: international documents and the organisation's own publications (issue 6).

A ``Document`` is the bibliographic record (symbol, titles, issuing body, type, date, topics);
each ``DocumentVersion`` is one language's file with the text extracted from it. Files are
stored once, under their SHA-256, so the same file can never be imported twice. Documents
are ``SensitiveModel``s: public ones appear on the public site, internal ones only to staff
through the permission layer. ``SearchEntry`` holds the search terms of one document; the
backend's index (FTS5 table or tsvector column) is built from it by the database itself.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.models.bases import vocabulary_term, vocabulary_terms
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import SensitiveModel

BODY_VOCABULARY = "library_body"
TYPE_VOCABULARY = "library_type"
TOPIC_VOCABULARY = "library_topic"


class Collection(models.TextChoices):
    INTERNATIONAL = "international", _("International document")
    PUBLICATION = "publication", _("Our publication")


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class Document(SensitiveModel):
    collection = models.CharField(
        _("collection"),
        max_length=20,
        choices=Collection.choices,
        default=Collection.INTERNATIONAL,
        db_index=True,
    )
    symbol = models.CharField(
        _("symbol"), max_length=120, blank=True, db_index=True, help_text=_("e.g. A/RES/71/248")
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    body = vocabulary_term(BODY_VOCABULARY, _("issuing body"), null=True)
    doc_type = vocabulary_term(TYPE_VOCABULARY, _("type"), null=True)
    date = PartialDateField(_("date"), null=True, blank=True)
    # The year of ``date``, kept as a number so the year filter is an indexed comparison.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    topics = vocabulary_terms(TOPIC_VOCABULARY, _("topics"))
    official_url = models.URLField(_("official text"), max_length=500, blank=True)
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    abstract_ar = models.TextField(_("abstract (Arabic)"), blank=True)
    abstract_en = models.TextField(_("abstract (English)"), blank=True)
    source_note = models.CharField(
        _("verified against"),
        max_length=500,
        blank=True,
        help_text=_("Where the symbol, date and title were checked."),
    )
    catalogue_key = models.SlugField(
        _("catalogue key"), max_length=80, null=True, blank=True, unique=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        indexes = [models.Index(fields=["sensitivity", "team", "year"], name="library_doc_visible")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(self.title_ar, self.title_en) or self.symbol or str(self.pk)

    @property
    def abstract(self) -> str:
        return pick(self.abstract_ar, self.abstract_en)

    @property
    def is_public(self) -> bool:
        return self.sensitivity == 0 and self.team_id is None


class Extraction(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    RUNNING = "running", _("Extracting text")
    OCR = "ocr", _("Recognising text (OCR)")
    DONE = "done", _("Text extracted")
    EMPTY = "empty", _("No text found")
    OCR_UNAVAILABLE = "ocr_unavailable", _("Scan kept; OCR is not installed")
    TOO_LARGE = "too_large", _("Scan kept; too large for OCR")
    FAILED = "failed", _("Text could not be extracted")


class DocumentVersion(models.Model):
    """One language's file of a document, stored by content hash, with its extracted text."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    file = models.FileField(_("file"), max_length=300, blank=True)
    original_name = models.CharField(_("file name"), max_length=300, blank=True)
    import_path = models.CharField(
        _("import path"), max_length=500, blank=True, help_text=_("The path given at import.")
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, null=True, blank=True, unique=True)
    size = models.BigIntegerField(_("size"), default=0)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    status = models.CharField(
        _("text extraction"),
        max_length=20,
        choices=Extraction.choices,
        default=Extraction.PENDING,
        db_index=True,
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    pages_total = models.PositiveIntegerField(_("pages"), default=0)
    pages_done = models.PositiveIntegerField(_("pages read"), default=0)
    ocr_used = models.BooleanField(_("OCR used"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["document", "language", "id"]
        verbose_name = _("document file")
        verbose_name_plural = _("document files")

    def __str__(self) -> str:
        return f"{self.document_id}/{self.language}"

    @property
    def progress_percent(self) -> int:
        if self.status in {Extraction.DONE, Extraction.EMPTY}:
            return 100
        if not self.pages_total:
            return 0
        return min(100, round(100 * self.pages_done / self.pages_total))

    @property
    def is_finished(self) -> bool:
        return self.status not in {Extraction.PENDING, Extraction.RUNNING, Extraction.OCR}


class RelationKind(models.TextChoices):
    RESPONDS_TO = "responds_to", _("responds to")
    RENEWS = "renews", _("renews")
    AMENDS = "amends", _("amends")
    IMPLEMENTS = "implements", _("implements")
    ESTABLISHED_BY = "established_by", _("established by")
    CITES = "cites", _("cites")


class DocumentRelation(models.Model):
    """A typed link between two documents: a report responds to a resolution, and so on."""

    source = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="relations"
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        Document,
        verbose_name=_("related document"),
        on_delete=models.CASCADE,
        related_name="inverse_relations",
    )

    class Meta:
        verbose_name = _("document relation")
        verbose_name_plural = _("document relations")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="library_relation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="library_relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} {self.kind} {self.target_id}"


class SearchEntry(models.Model):
    """The search terms of one document (``mizan.text.stem.search_terms``).

    The database indexes these columns itself: on SQLite an FTS5 table kept in step by triggers,
    on PostgreSQL a generated, GIN-indexed tsvector column (migration 0002). Both backends thus
    index the same terms, which is why they return the same documents.
    """

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return str(self.document_id)


class SearchForms(models.Model):
    """The distinct exact forms of one document's title and body words
    (``mizan.text.stem.terms_and_forms``), space-separated and space-surrounded: in no full-text
    index, only tested (a substring test) on the documents a search matched, to rank those
    holding the query as typed first (issue 16).

    A narrow table of their own, not a column of ``SearchEntry`` (migration 0006): the test
    then reads a few kB per matched document instead of walking past its long ``body_terms``
    first (on SQLite, every overflow page of the row) — common-word searches at 100,000
    documents were 70 % slower with the forms in the entry's row (bench/README.md).
    """

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, primary_key=True, related_name="search_forms"
    )
    forms = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("search forms")
        verbose_name_plural = _("search forms")

    def __str__(self) -> str:
        return str(self.document_id)


class PassageEntry(models.Model):
    """The search terms of a passage of another app's record — a testimony transcript's segment
    (issue 14) — so that it is searched by the same service as the library's documents
    (``mizan.library.search.search_passages``), Arabic-aware and ranked alike.

    The library knows nothing of the other app: ``kind`` names the passage's kind
    (``"testimonies.segment"``), ``object_id`` the passage, ``group_id`` what is replaced at once
    (a transcript) and ``owner_id`` the record whose visibility decides whether a user may see
    the passage (the testimony). The app that owns the passages feeds them through
    ``mizan.library.services.passages_replace`` and passes its own permission layer's queryset
    when it searches. Indexed like ``SearchEntry``: FTS5 (SQLite), generated tsvector with GIN
    (PostgreSQL), migration 0005.
    """

    kind = models.CharField(max_length=60)
    owner_id = models.PositiveBigIntegerField()
    group_id = models.PositiveBigIntegerField()
    object_id = models.PositiveBigIntegerField()
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    form_terms = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("search passage")
        verbose_name_plural = _("search passages")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="passage_once_per_kind")
        ]
        indexes = [models.Index(fields=["kind", "group_id"], name="passage_group")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
