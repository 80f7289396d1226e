"""The evidence locker's records (DESIGN decision 8; Berkeley Protocol on preservation).

An :class:`Item` is one original (or a derived working copy of one) kept in the encrypted,
content-addressed store (:mod:`mizan.evidence.store`), with its hashes, captured metadata,
provenance, sensitivity, consent scopes and links to the documentation model. Every action on an
item is a :class:`CustodyEvent` in an append-only, hash-chained log (:mod:`mizan.evidence.chain`
gives the format); :class:`Checkpoint` rows carry the organisation's Ed25519 signature over the
log's head; a :class:`Handover` records who gave which package to whom.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.models.audit import AppendOnlyError
from mizan.core.models.bases import vocabulary_terms
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import SensitiveModel


class Item(SensitiveModel):
    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Original")
        DERIVED = "derived", _("Derived working copy")

    class Derivation(models.TextChoices):
        THUMBNAIL = "thumbnail", _("Thumbnail")
        TEXT = "text", _("Extracted text")
        REDACTED = "redacted", _("Redacted version")
        TRANSLATION = "translation", _("Translation")
        OTHER = "other", _("Other working copy")

    reference = models.CharField(_("item number"), max_length=24, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ORIGINAL)
    derived_from = models.ForeignKey(
        "self",
        verbose_name=_("derived from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derivatives",
    )
    derivation = models.CharField(
        _("derivation"), max_length=12, choices=Derivation.choices, blank=True
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("file type"), max_length=127)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    sha512 = models.CharField("SHA-512", max_length=128)
    ciphertext_sha256 = models.CharField(_("SHA-256 of the encrypted object"), max_length=64)
    metadata = models.JSONField(_("captured metadata"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    # Provenance: who collected it, when, where, from whom, how.
    collected_by = models.CharField(_("collected by"), max_length=200, blank=True)
    collected_on = PartialDateField(_("collected on"), null=True, blank=True)
    collected_where = models.ForeignKey(
        "core.Place",
        verbose_name=_("collected where"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    collected_from = models.CharField(_("collected from"), max_length=300, blank=True)
    collection_method = models.CharField(_("how it was collected"), max_length=300, blank=True)
    source_text = models.CharField(_("source"), max_length=300, blank=True)

    consent_scopes = vocabulary_terms("consent_scope", _("consent scopes"))
    incidents = models.ManyToManyField(
        "cases.Incident", verbose_name=_("incidents"), blank=True, related_name="evidence_items"
    )
    acts = models.ManyToManyField(
        "cases.Act", verbose_name=_("acts"), blank=True, related_name="evidence_items"
    )
    persons = models.ManyToManyField(
        "cases.Person", verbose_name=_("persons"), blank=True, related_name="evidence_items"
    )
    case_files = models.ManyToManyField(
        "cases.CaseFile", verbose_name=_("case files"), blank=True, related_name="evidence_items"
    )

    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingested by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ingested_at = models.DateTimeField(_("ingested"), auto_now_add=True, db_index=True)
    last_event_hash = models.CharField(max_length=64, blank=True)
    last_fixity_at = models.DateTimeField(_("last fixity check"), null=True, blank=True)
    last_fixity_ok = models.BooleanField(_("last fixity result"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        ordering = ["-ingested_at", "-id"]
        permissions = [("handover_items", _("Can build handover packages of evidence"))]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_image(self) -> bool:
        return self.media_type in PREVIEW_IMAGE_TYPES

    @property
    def preview_kind(self) -> str:
        if self.media_type in PREVIEW_IMAGE_TYPES:
            return "image"
        if self.media_type == "application/pdf":
            return "pdf"
        if self.media_type in PREVIEW_AUDIO_TYPES:
            return "audio"
        if self.media_type in PREVIEW_VIDEO_TYPES:
            return "video"
        if self.media_type == "text/plain":
            return "text"
        return ""


# Only these types are ever served inline (everything else is a download), so a hostile HTML or
# SVG upload can never run in the application's origin.
PREVIEW_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
PREVIEW_AUDIO_TYPES = frozenset(
    {"audio/mpeg", "audio/ogg", "audio/wav", "audio/x-wav", "audio/flac", "audio/mp4"}
)
PREVIEW_VIDEO_TYPES = frozenset({"video/mp4", "video/webm", "video/ogg"})


class CustodyEventQuerySet(models.QuerySet["CustodyEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the custody log is append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("the custody log is append-only")


class CustodyEvent(models.Model):
    """One event of the append-only custody log, in the format of :mod:`mizan.evidence.chain`.

    ``at`` is kept as the exact ISO text that was hashed, so the hash recomputes on any database.
    """

    class Action(models.TextChoices):
        INGEST = "ingest", _("Ingested")
        VIEW = "view", _("Viewed")
        DOWNLOAD = "download", _("Downloaded")
        DERIVE = "derive", _("Derived copy made")
        ANNOTATE = "annotate", _("Annotated")
        EXPORT = "export", _("Exported in a package")
        HANDOVER = "handover", _("Handed over")
        FIXITY = "fixity", _("Fixity check")
        LINK = "link", _("Linked to records")
        REKEY = "rekey", _("Data key re-wrapped under a new store key")

    seq = models.PositiveBigIntegerField(_("number"), unique=True)
    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="custody_events"
    )
    item_reference = models.CharField(max_length=24)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.CharField(_("by"), max_length=150)
    at = models.CharField(_("time"), max_length=32)
    details = models.JSONField(_("details"), default=dict, blank=True)
    prev = models.CharField(max_length=64)
    item_prev = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = CustodyEventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("custody event")
        verbose_name_plural = _("custody events")
        indexes = [models.Index(fields=["item", "seq"], name="custody_item_seq")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.item_reference}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("the custody log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the custody log is append-only")

    def as_chain_event(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "item": self.item_reference,
            "action": self.action,
            "actor": self.actor,
            "at": self.at,
            "details": self.details,
            "prev": self.prev,
            "item_prev": self.item_prev,
            "hash": self.hash,
        }


class CustodyHead(models.Model):
    """The custody log's head; its row is locked while an event is appended (serialises appends)."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"custody head {self.last_seq}"


class Checkpoint(models.Model):
    """The organisation's Ed25519 signature over the log's length and head at a moment."""

    seq = models.PositiveBigIntegerField(_("events covered"))
    head = models.CharField(max_length=64)
    at = models.CharField(_("time"), max_length=32)
    signature = models.CharField(max_length=100)  # base64 of the 64-byte signature
    key_fingerprint = models.CharField(_("key fingerprint"), max_length=64)

    class Meta:
        ordering = ["-seq", "-id"]
        verbose_name = _("signed checkpoint")
        verbose_name_plural = _("signed checkpoints")

    def __str__(self) -> str:
        return f"checkpoint {self.seq}"


class Recipient(models.Model):
    """Someone packages are handed over to (the IIIM, a prosecutor's office, a UN body)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    category = models.ForeignKey(
        "core.Term",
        verbose_name=_("recipient category"),
        on_delete=models.PROTECT,
        limit_choices_to={"vocabulary": "recipient_category"},
        related_name="+",
    )
    age_public_key = models.CharField(
        _("age public key"),
        max_length=100,
        blank=True,
        help_text=_("When set, packages for this recipient are encrypted to this key (age1…)."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")

    def __str__(self) -> str:
        return self.name


class Handover(models.Model):
    """A package built for a recipient: who, to whom, when, what, and the package's hash."""

    reference = models.CharField(_("reference"), max_length=24, unique=True)
    recipient = models.ForeignKey(
        Recipient, verbose_name=_("recipient"), on_delete=models.PROTECT, related_name="handovers"
    )
    case_file = models.ForeignKey(
        "cases.CaseFile",
        verbose_name=_("case file"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handovers",
    )
    items = models.ManyToManyField(Item, verbose_name=_("items"), related_name="handovers")
    created_by = models.CharField(_("prepared by"), max_length=150)
    created_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    package_path = models.CharField(_("package"), max_length=500)
    package_sha256 = models.CharField(_("package SHA-256"), max_length=64)
    encrypted = models.BooleanField(_("encrypted to the recipient"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")

    def __str__(self) -> str:
        return self.reference


class Upload(models.Model):
    """A resumable browser upload in progress.

    Chunks arrive encrypted-at-once into the store's upload area (never as plaintext files); when
    the last one is in, they are streamed into the store as one item and the upload is removed.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    received = models.PositiveBigIntegerField(default=0)
    chunks = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.token
