"""The registry of the missing: files, status history, families, source lists, mass graves.

A missing person *is* a ``cases.Person`` (DESIGN decision 1: one Person table); the registry adds
a file around that person (``MissingPerson``), a history of what is known of their fate
(``StatusChange``), the relatives who reported them (``Relative``, each a Person too), the
family's reports with the consent scopes the family chose (``FamilyReport``; terms of the shared
``consent_scope`` vocabulary), and meetings and notifications with the family (``FamilyContact``).

Lists of names from outside (families' reports, official documents, mass-grave records, lists
prepared for UN bodies) are imported as a ``SourceList`` of ``SourceRecord`` rows. Each record
keeps the row exactly as it was read (``raw``) beside the parsed fields, and may later be linked
to a canonical Person (``SourceRecord.person``) by the linkage review: records are evidence of
what a list said, never overwritten by what we concluded.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.cases.models import Source
from mizan.core.models.bases import Stamped, vocabulary_term, vocabulary_terms
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import SensitiveModel, SensitiveQuerySet, effective_clearance
from mizan.core.sensitivity import Sensitivity


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    DETAINED = "detained", _("Known detained")
    DECEASED = "deceased", _("Deceased")
    FOUND = "found", _("Found")
    RELEASED = "released", _("Released")


class MissingPerson(SensitiveModel, Stamped):
    """The registry file of one missing person (who is a ``cases.Person``)."""

    reference = models.CharField(_("reference"), max_length=40, unique=True)
    person = models.OneToOneField(
        "cases.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="missing_file",
    )
    disappeared_on = PartialDateField(_("date of disappearance"), null=True, blank=True)
    disappeared_at = models.ForeignKey(
        "core.Place",
        verbose_name=_("place of disappearance"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    circumstances = models.TextField(_("circumstances"), blank=True)
    # Derived on every write (services), indexed for the registry's filters and the overview.
    governorate = models.ForeignKey(
        "core.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    disappearance_year = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, db_index=True
    )
    status = models.CharField(
        _("current status"),
        max_length=10,
        choices=Status.choices,
        default=Status.MISSING,
        editable=False,
        db_index=True,
    )
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # Set when the review found this file's person to be another file's person: its history,
    # relatives, reports and contacts moved there (``review.merge_persons``; undone by
    # ``review.merge_undo``). A merged file leaves the registry's lists and counts.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_files",
        editable=False,
    )

    class Meta:
        verbose_name = _("missing person")
        verbose_name_plural = _("missing persons")
        ordering = ["-pk"]
        permissions = [
            ("view_contact_details", _("Can see the contact details of families")),
            ("import_sourcelist", _("Can import lists of names")),
        ]

    def __str__(self) -> str:
        return self.reference


class StatusChange(Stamped):
    """What became known of the person's fate, when, and who or what said so.

    The current status of a file is its latest change by date (then by entry): a later
    finding never erases an earlier one, so the timeline is the history of knowledge.
    """

    missing_person = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    date = PartialDateField(_("date"), null=True, blank=True)
    facility = models.ForeignKey(
        "core.Site",
        verbose_name=_("detention facility"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    source_description = models.TextField(_("source of the information"), blank=True)
    source_list = models.ForeignKey(
        "missing.SourceList",
        verbose_name=_("source list"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["missing_person", "pk"]

    def __str__(self) -> str:
        return f"{self.missing_person_id}:{self.status}"


class Relative(Stamped):
    """A relative of a missing person (a ``cases.Person``) and how to reach them.

    Contact details are the most dangerous thing in the registry: a phone number can lead to
    a family inside Syria. They are shown only to users holding the ``view_contact_details``
    permission whose clearance reaches ``contact_sensitivity`` (see ``contact_visible_to``).
    """

    missing_person = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="relatives"
    )
    person = models.ForeignKey(
        "cases.Person",
        verbose_name=_("relative"),
        on_delete=models.PROTECT,
        related_name="missing_relatives",
    )
    relationship = vocabulary_term("relationship", _("relationship"))
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)
    contact_notes = models.TextField(_("how and when to contact"), blank=True)
    contact_sensitivity = models.PositiveSmallIntegerField(
        _("who may see the contact details"),
        choices=Sensitivity.choices,
        default=Sensitivity.CONFIDENTIAL,
    )

    class Meta:
        verbose_name = _("relative")
        verbose_name_plural = _("relatives")
        ordering = ["missing_person", "pk"]

    def __str__(self) -> str:
        return f"{self.missing_person_id}:{self.person_id}"

    def contact_visible_to(self, user: Any) -> bool:
        return bool(
            getattr(user, "is_authenticated", False)
            and user.has_perm("missing.view_contact_details")
            and effective_clearance(user) >= self.contact_sensitivity
        )


class FamilyReport(Stamped):
    """A family's report of a disappearance, with the sharing the family consented to."""

    missing_person = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="reports"
    )
    reported_by = models.ForeignKey(
        Relative,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    reported_on = PartialDateField(_("reported on"), null=True, blank=True)
    # The shared consent vocabulary (DESIGN decision 9), as for a person, a testimony or an item.
    consent_scopes = vocabulary_terms("consent_scope", _("the family allows sharing with"))
    account = models.TextField(_("what the family told us"), blank=True)

    class Meta:
        verbose_name = _("family report")
        verbose_name_plural = _("family reports")
        ordering = ["missing_person", "pk"]

    def __str__(self) -> str:
        return f"{self.missing_person_id}:report:{self.pk}"

    def allows(self, scope: str) -> bool:
        """Whether the family allows sharing with ``scope`` (a code of ``consent_scope``)."""
        return any(term.code == scope for term in self.consent_scopes.all())


class FamilyContact(Stamped):
    """A meeting with the family, or a notification given to them (news, a finding, a death)."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CALL = "call", _("Phone or video call")
        NOTIFICATION = "notification", _("Notification to the family")

    missing_person = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="contacts"
    )
    relative = models.ForeignKey(
        Relative,
        verbose_name=_("with"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"))
    follow_up = models.TextField(_("follow-up"), blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("meeting or notification")
        verbose_name_plural = _("meetings and notifications")
        ordering = ["missing_person", "-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.missing_person_id}:{self.kind}:{self.date}"


class SourceList(SensitiveModel, Stamped):
    """A list of names from one origin: a family association, an official document, a grave."""

    class Origin(models.TextChoices):
        FAMILIES = "families", _("Families' reports")
        OFFICIAL = "official", _("Official document")
        MASS_GRAVE = "mass_grave", _("Mass-grave record")
        UN = "un", _("List prepared for UN bodies")
        NGO = "ngo", _("Another organisation's list")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        EMPTY = "empty", _("No records yet")
        IMPORTED = "imported", _("Imported")

    name = models.CharField(_("name"), max_length=200, unique=True)
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    origin_detail = models.CharField(_("origin in detail"), max_length=300, blank=True)
    list_date = PartialDateField(_("date of the list"), null=True, blank=True)
    reliability = models.CharField(
        _("reliability"),
        max_length=1,
        choices=Source.Reliability.choices,
        default=Source.Reliability.F,
    )
    description = models.TextField(_("description"), blank=True)
    grave_document = models.ForeignKey(
        "missing.GraveDocument",
        verbose_name=_("mass-grave document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="source_lists",
    )
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.EMPTY, editable=False
    )
    record_count = models.PositiveIntegerField(default=0, editable=False)
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    file_encoding = models.CharField(max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("source list")
        verbose_name_plural = _("source lists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def encoding_label(self) -> str:
        from mizan.missing.importing import encoding_label

        return encoding_label(self.file_encoding)


class SourceRecord(models.Model):
    """One row of an imported list: the parsed fields and the row verbatim.

    ``person`` is empty until the linkage review links the record to a canonical Person; the
    same person named in three lists is three records pointing at one Person.
    """

    source_list = models.ForeignKey(SourceList, on_delete=models.CASCADE, related_name="records")
    row_number = models.PositiveIntegerField()
    record_id = models.CharField(max_length=100)
    full_name = models.CharField(max_length=400, blank=True)
    first_name = models.CharField(max_length=100, blank=True)
    father_name = models.CharField(max_length=100, blank=True)
    grandfather_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    mother_name = models.CharField(max_length=200, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_place = models.CharField(max_length=200, blank=True)
    national_id = models.CharField(max_length=50, blank=True, db_index=True)
    date_of_arrest = models.CharField(max_length=20, blank=True)  # a PartialDate's storage form
    arrest_year = models.PositiveSmallIntegerField(null=True, blank=True)
    place_of_arrest = models.CharField(max_length=200, blank=True)
    raw = models.JSONField(default=dict)
    person = models.ForeignKey(
        "cases.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_records",
    )

    class Meta:
        verbose_name = _("source record")
        verbose_name_plural = _("source records")
        ordering = ["source_list", "row_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_list", "record_id"], name="source_record_unique_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_list_id}:{self.record_id}"


class ImportJob(Stamped):
    """One check (dry run) or import of a file into a source list, run in the background."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        CHECKED = "checked", _("Checked")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    source_list = models.ForeignKey(SourceList, on_delete=models.CASCADE, related_name="jobs")
    dry_run = models.BooleanField(default=True)
    file_path = models.CharField(max_length=500)
    file_name = models.CharField(max_length=255)
    file_size = models.BigIntegerField(default=0)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    encoding = models.CharField(max_length=20, blank=True)
    rows = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)  # the first problems, row by row (capped)
    message = models.TextField(blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"import#{self.pk}"

    @property
    def encoding_label(self) -> str:
        from mizan.missing.importing import encoding_label

        return encoding_label(self.encoding)

    @property
    def finished(self) -> bool:
        return self.state in {self.State.CHECKED, self.State.DONE, self.State.FAILED}


class MatchRun(Stamped):
    """One run of the record linkage over source lists, in the background.

    It finds candidate pairs of records that may name the same person and stores them for the
    review (``CandidatePair``); it never links a record to a person by itself.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    list_ids = models.JSONField(default=list)  # the source lists compared (resolved at start)
    floor = models.FloatField(default=0.3)  # pairs scored below this are not kept for review
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    stage = models.CharField(max_length=20, blank=True)
    fraction = models.FloatField(default=0.0)
    records = models.PositiveIntegerField(default=0)
    pairs_new = models.PositiveIntegerField(default=0)
    pairs_updated = models.PositiveIntegerField(default=0)
    pairs_decided_skipped = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"match-run#{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}


class CandidatePair(Stamped):
    """Two records that may name the same person, with the evidence, until a person decides.

    Stored once per pair (``record_a`` has the smaller id). A decided pair (accepted or
    rejected) is never asked again: a later run updates only undecided and unsure pairs.
    """

    class Decision(models.TextChoices):
        PENDING = "", _("Not decided")
        ACCEPTED = "accepted", _("Same person")
        REJECTED = "rejected", _("Different people")
        UNSURE = "unsure", _("Unsure")

    record_a = models.ForeignKey(SourceRecord, on_delete=models.CASCADE, related_name="+")
    record_b = models.ForeignKey(SourceRecord, on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField()
    match_weight = models.FloatField()
    # One entry per compared field: {"field", "value_a", "value_b", "level", "weight"}.
    evidence = models.JSONField(default=list)
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PENDING, blank=True
    )
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    run = models.ForeignKey(
        MatchRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="pairs"
    )

    class Meta:
        ordering = ["-probability", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["record_a", "record_b"], name="candidate_pair_once"),
            models.CheckConstraint(
                condition=models.Q(record_a__lt=models.F("record_b")),
                name="candidate_pair_ordered",
            ),
        ]
        indexes = [models.Index(fields=["decision", "-probability"], name="candidate_pair_queue")]

    def __str__(self) -> str:
        return f"pair#{self.pk}"

    @property
    def decided(self) -> bool:
        return self.decision in {self.Decision.ACCEPTED, self.Decision.REJECTED}


class ClusterChange(Stamped):
    """A change of which records belong to which person: a merge or a split.

    ``record_ids`` are the records moved from ``from_person`` to ``to_person`` (a split to
    "unlinked" has no ``to_person``). A merge can be undone: the same records move back.
    Records themselves (list, row, verbatim row) are never changed, only their link.
    """

    class Kind(models.TextChoices):
        MERGE = "merge", _("Merge")
        SPLIT = "split", _("Split")

    kind = models.CharField(max_length=6, choices=Kind.choices)
    from_person = models.ForeignKey(
        "cases.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_person = models.ForeignKey(
        "cases.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    record_ids = models.JSONField(default=list)
    # What a merge moved between the two persons' registry files, to undo it exactly:
    # {"from_file", "to_file", "moved": {related name: [ids]}, "before": {...}, "after": {...}}
    # or {"file", "person_moved": true} when the kept person had no file of its own.
    files = models.JSONField(default=dict, blank=True)
    pair = models.ForeignKey(
        CandidatePair, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.kind}#{self.pk}"


class GraveDocument(SensitiveModel, Stamped):
    """A document listing people buried in a mass grave (a ``core.Site`` of type mass grave).

    The document itself is kept in the evidence locker: ``evidence_item`` links the item when
    ``evidence_reference`` names one (``EV-…``); otherwise the reference is kept as text (a shelf
    mark, another archive's number).
    """

    site = models.ForeignKey(
        "core.Site",
        verbose_name=_("mass grave"),
        on_delete=models.PROTECT,
        related_name="grave_documents",
        limit_choices_to={"site_type__code": "mass_grave"},
    )
    title = models.CharField(_("title"), max_length=300)
    document_date = PartialDateField(_("date of the document"), null=True, blank=True)
    evidence_reference = models.CharField(_("evidence reference"), max_length=200, blank=True)
    evidence_item = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("evidence item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="grave_documents",
    )
    persons_listed = models.PositiveIntegerField(_("number of persons listed"), default=0)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("mass-grave document")
        verbose_name_plural = _("mass-grave documents")
        ordering = ["site", "pk"]

    def __str__(self) -> str:
        return self.title


__all__ = [
    "CandidatePair",
    "ClusterChange",
    "FamilyContact",
    "FamilyReport",
    "GraveDocument",
    "ImportJob",
    "MatchRun",
    "MissingPerson",
    "Relative",
    "SensitiveQuerySet",
    "SourceList",
    "SourceRecord",
    "Status",
    "StatusChange",
]
