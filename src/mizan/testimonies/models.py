"""Testimonies: interviews kept to documentation standards, transcribed, and published with consent.

A testimony is an interview of a ``cases.Person`` (the interviewee, with their identity
protection level). Its originals — the recording, a video, a signed or handwritten statement —
are evidence-locker items (``evidence.Item``: encrypted, hashed on receipt, custody chain); this
app keeps links to them, never a copy. The informed consent (``TestimonyConsent``) lists the
scopes of DESIGN decision 9 from the shared ``consent_scope`` vocabulary; a withdrawal is kept on
the row as history. Transcripts are per language, made of time-coded segments. A
``Publication`` is a narrative derived from the testimony — never the testimony edited in
place — and is on the public site only while it is published and the consent allows it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.models.bases import ConsentMethod, Stamped, vocabulary_terms
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import SensitiveModel
from mizan.core.sensitivity import Sensitivity

# Scopes (codes of the consent_scope vocabulary) by what they allow.
ANONYMISED_PUBLICATION = "anonymised_publication"
NAMED_PUBLICATION = "named_publication"
# Scopes that take a testimony to a court, a mechanism or the public need the consent kept as a
# locker item (a signed form or a recording of the verbal consent), not only a note of it.
SCOPES_NEEDING_FORM = frozenset(
    {ANONYMISED_PUBLICATION, NAMED_PUBLICATION, "courts_prosecutors", "iiim"}
)

LANGUAGES = (
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("ku", _("Kurdish")),
    ("tr", _("Turkish")),
    ("fr", _("French")),
    ("de", _("German")),
)
LANGUAGE_CODES = frozenset(code for code, _label in LANGUAGES)


def timecode(ms: int | None) -> str:
    """A time as h:mm:ss (or m:ss), as players show it."""
    total = (ms or 0) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Collection(Stamped):
    """A public series of published testimonies ("Women in Assad's Holocaust")."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("collection of testimonies")
        verbose_name_plural = _("collections of testimonies")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(self.title_ar, self.title_en)

    @property
    def description(self) -> str:
        return pick(self.description_ar, self.description_en)


class Testimony(SensitiveModel, Stamped):
    __test__ = False  # not a pytest test class, despite its name

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remote (call or video)")

    reference = models.CharField(_("reference"), max_length=40, unique=True)
    interviewee = models.ForeignKey(
        "cases.Person",
        verbose_name=_("interviewee"),
        on_delete=models.PROTECT,
        related_name="testimonies_given",
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("interviewers"), blank=True, related_name="+"
    )
    interviewer_names = models.CharField(
        _("other interviewers"),
        max_length=300,
        blank=True,
        help_text=_("Interviewers who have no account in Mizan (archives of earlier interviews)."),
    )
    interpreter = models.ForeignKey(
        "cases.Person",
        verbose_name=_("interpreter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    interview_date = PartialDateField(_("date of the interview"), null=True, blank=True)
    place = models.ForeignKey(
        "core.Place",
        verbose_name=_("place of the interview"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    languages = models.CharField(
        _("languages"), max_length=60, blank=True, help_text=_("Codes such as ar, en, ku.")
    )
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    circumstances = models.TextField(_("circumstances of the interview"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    recording = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("recording"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    originals = models.ManyToManyField(
        "evidence.Item",
        verbose_name=_("originals"),
        blank=True,
        related_name="testimonies",
    )
    incidents = models.ManyToManyField(
        "cases.Incident", verbose_name=_("incidents"), blank=True, related_name="testimonies"
    )
    acts = models.ManyToManyField(
        "cases.Act", verbose_name=_("acts"), blank=True, related_name="testimonies"
    )
    places = models.ManyToManyField(
        "core.Place", verbose_name=_("places spoken of"), blank=True, related_name="+"
    )
    case_files = models.ManyToManyField(
        "cases.CaseFile", verbose_name=_("case files"), blank=True, related_name="testimonies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("testimony")
        verbose_name_plural = _("testimonies")
        ordering = ["-pk"]
        permissions = [("publish_testimony", _("Can publish and unpublish testimonies"))]

    def __str__(self) -> str:
        return self.reference

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def active_consents(self) -> models.QuerySet[TestimonyConsent]:
        return self.consents.filter(withdrawn_at__isnull=True)

    def consented_scopes(self) -> set[str]:
        return set(
            self.active_consents()
            .filter(scopes__isnull=False)
            .values_list("scopes__code", flat=True)
        )


class TestimonyPerson(Stamped):
    """A person the testimony speaks of (a relative, another victim, a perpetrator, a witness)."""

    __test__ = False  # not a pytest test class, despite its name

    class Role(models.TextChoices):
        RELATIVE = "relative", _("Relative of the interviewee")
        VICTIM = "victim", _("Other victim")
        WITNESS = "witness", _("Witness")
        PERPETRATOR = "perpetrator", _("Alleged perpetrator")
        OTHER = "other", _("Other")

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="persons")
    person = models.ForeignKey(
        "cases.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    phone = models.CharField(
        _("phone"),
        max_length=60,
        blank=True,
        help_text=_("Kept so the leak check can find it; shown only with the testimony."),
    )

    class Meta:
        verbose_name = _("person in a testimony")
        verbose_name_plural = _("persons in testimonies")
        constraints = [
            models.UniqueConstraint(fields=["testimony", "person"], name="testimony_person_once")
        ]

    def __str__(self) -> str:
        return f"{self.testimony_id}:{self.person_id}"


class TestimonyConsent(Stamped):
    """The interviewee's informed consent: scopes, who took it, when and how, and the proof.

    A consent is never edited or deleted: a change is a new consent, a withdrawal is written on
    the row (when, by whom, why) and ends every publication it allowed.
    """

    __test__ = False  # not a pytest test class, despite its name

    Method = ConsentMethod  # shared with the consents of persons (cases.Consent)

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="consents")
    scopes = vocabulary_terms("consent_scope", _("scopes"), blank=False)
    method = models.CharField(_("how it was given"), max_length=10, choices=Method.choices)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    taken_on = models.DateField(_("taken on"))
    proof = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("signed form or recording of the consent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawal_reason = models.TextField(_("reason for the withdrawal"), blank=True)

    class Meta:
        verbose_name = _("consent to a testimony")
        verbose_name_plural = _("consents to testimonies")
        ordering = ["testimony", "-pk"]

    def __str__(self) -> str:
        return f"{self.testimony_id}:consent:{self.pk}"


class Transcript(Stamped):
    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Original")
        TRANSLATION = "translation", _("Translation")

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="transcripts")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ORIGINAL)
    source_name = models.CharField(_("imported from"), max_length=255, blank=True)
    timed = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")
        ordering = ["testimony", "kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["testimony", "language"], name="transcript_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.testimony_id}:{self.language}"


class Segment(models.Model):
    """A stretch of a transcript: time codes (in milliseconds), text and its index entries."""

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField()
    start_ms = models.PositiveIntegerField(null=True, blank=True)
    end_ms = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(_("text"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    keywords = models.ManyToManyField(
        "core.Term", verbose_name=_("keywords"), blank=True, related_name="+"
    )
    persons = models.ManyToManyField(
        "cases.Person", verbose_name=_("persons"), blank=True, related_name="+"
    )
    places = models.ManyToManyField(
        "core.Place", verbose_name=_("places"), blank=True, related_name="+"
    )
    acts = models.ManyToManyField("cases.Act", verbose_name=_("acts"), blank=True, related_name="+")
    sites = models.ManyToManyField(
        "core.Site", verbose_name=_("sites"), blank=True, related_name="+"
    )
    units = models.ManyToManyField(
        "cases.Organisation", verbose_name=_("units"), blank=True, related_name="+"
    )
    # The text in mizan.text's search form (hamza, diacritics, tatweel folded) for staff search.
    search_key = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["transcript", "position"]
        constraints = [
            models.UniqueConstraint(fields=["transcript", "position"], name="segment_position_once")
        ]

    def __str__(self) -> str:
        return f"{self.transcript_id}#{self.position}"

    @property
    def start_seconds(self) -> float:
        return (self.start_ms or 0) / 1000

    @property
    def timecode(self) -> str:
        return timecode(self.start_ms)


class PublicationQuerySet(models.QuerySet["Publication"]):
    def public(self) -> PublicationQuerySet:
        """What the public site may show: published and not withdrawn. (Withdrawing consent
        withdraws the publications it allowed in the same transaction.)"""
        return self.filter(state=Publication.State.PUBLISHED)


class Publication(Stamped):
    """A narrative derived from a testimony for the public site, checked for leaks.

    Never edited: a corrected narrative is a new publication that replaces this one.
    """

    class Kind(models.TextChoices):
        ANONYMISED = "anonymised", _("Anonymised")
        NAMED = "named", _("With the interviewee's name")

    class State(models.TextChoices):
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    testimony = models.ForeignKey(Testimony, on_delete=models.PROTECT, related_name="publications")
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    narrative = models.TextField(_("narrative"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES, default="ar")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PUBLISHED)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.TextField(_("reason for the withdrawal"), blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("published testimony")
        verbose_name_plural = _("published testimonies")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["state", "collection"], name="publication_public")]

    def __str__(self) -> str:
        return f"{self.testimony_id}:publication:{self.pk}"

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        first = self.narrative.split("\n", 1)[0]
        return first if len(first) <= 90 else first[:88].rsplit(" ", 1)[0] + " …"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.narrative.split("\n\n") if p.strip()]


def identity_protected(person: Any) -> bool:
    """A person whose name only some users may see is protected on the public site."""
    return int(person.identity_sensitivity) > Sensitivity.PUBLIC


__all__ = [
    "Collection",
    "Publication",
    "Segment",
    "Testimony",
    "TestimonyConsent",
    "TestimonyPerson",
    "Transcript",
    "identity_protected",
]
