"""Accountability: what the organisation submitted to whom, what came back, and the proceedings
it follows.

A ``Submission`` goes to one of the evidence locker's recipients (``evidence.Recipient``, with
its category) and holds what was sent — case files, handover packages already built, acts whose
UN submission PDF was sent, locker items — and its status over time (``StatusChange``: a date, a
source and, for correspondence, a locker item). The current status is kept on the submission so
lists and reminders read one row; the history is the record. An ``Agreement`` is the memorandum
of understanding a submission is made under.

A ``Proceeding`` is a case before a court or a prosecutor's office that the organisation follows:
its ``Hearing`` days (attendance and notes), its ``Decision``s and a ``MonitoringReport`` drafted
from the hearings' notes and published to the library.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mizan.core.bilingual import pick
from mizan.core.models.bases import Stamped
from mizan.core.permissions import SensitiveModel

# A submission that has had no answer for this long is a reminder on the dashboard.
UNANSWERED_DAYS = 90
# Hearings this close are a reminder too.
HEARING_NOTICE_DAYS = 7


class Agreement(SensitiveModel, Stamped):
    """A memorandum of understanding (or another agreement) with a recipient."""

    recipient = models.ForeignKey(
        "evidence.Recipient",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    title = models.CharField(_("title"), max_length=300)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    terms = models.TextField(_("terms"), blank=True)
    document = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("signed document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["recipient__name", "-signed_on"]

    def __str__(self) -> str:
        return self.title

    def is_expired(self, today: datetime.date) -> bool:
        """In force no longer: its last day has passed."""
        return self.valid_until is not None and self.valid_until < today


class Submission(SensitiveModel, Stamped):
    class Status(models.TextChoices):
        # The word alone is the handover list's "date prepared" column: a context tells them apart.
        PREPARED = "prepared", pgettext_lazy("submission status", "Prepared")
        SENT = "sent", _("Sent")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        REGISTERED = "registered", _("Registered")
        INFO_REQUESTED = "info_requested", _("Information requested")
        INFO_PROVIDED = "info_provided", _("Information provided")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")

    class Channel(models.TextChoices):
        SECURE_TRANSFER = "secure_transfer", _("Secure transfer")
        IN_PERSON = "in_person", _("Handed over in person")
        EMAIL = "email", _("E-mail")
        PORTAL = "portal", _("The recipient's portal")
        POST = "post", _("Post or courier")
        OTHER = "other", _("Other")

    class UnForm(models.TextChoices):
        NONE = "", _("None")
        WGEID = "wgeid", _("WGEID submission")
        SR_TORTURE = "sr-torture", _("Communication to the Special Rapporteur on torture")

    reference = models.CharField(_("reference"), max_length=24, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    recipient = models.ForeignKey(
        "evidence.Recipient",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.SECURE_TRANSFER
    )
    recipient_reference = models.CharField(
        _("recipient's reference"),
        max_length=100,
        blank=True,
        help_text=_("The number the recipient gave it, e.g. an OTP communication number."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREPARED, editable=False
    )
    status_on = models.DateField(_("status since"), editable=False)
    sent_on = models.DateField(_("sent on"), null=True, blank=True, editable=False)
    due_on = models.DateField(
        _("due on"),
        null=True,
        blank=True,
        help_text=_("A deadline: the recipient's, or the day to follow up."),
    )
    summary = models.TextField(_("summary"), blank=True)
    case_files = models.ManyToManyField(
        "cases.CaseFile", verbose_name=_("case files"), blank=True, related_name="submissions"
    )
    handovers = models.ManyToManyField(
        "evidence.Handover",
        verbose_name=_("handover packages"),
        blank=True,
        related_name="submissions",
    )
    un_form = models.CharField(
        _("UN submission form"), max_length=20, choices=UnForm.choices, blank=True
    )
    acts = models.ManyToManyField(
        "cases.Act",
        verbose_name=_("acts (UN submission PDFs)"),
        blank=True,
        related_name="submissions",
    )
    items = models.ManyToManyField(
        "evidence.Item", verbose_name=_("documents"), blank=True, related_name="submissions"
    )
    # The public record (issue 18 item 5): off by default; only the public summary and the
    # fields the public page lists are shown there, never the record's other contents.
    public = models.BooleanField(
        _("on the public site"),
        default=False,
        help_text=_("Only the public summary below and the dates and status are shown."),
    )
    public_summary_ar = models.TextField(_("public summary (Arabic)"), blank=True)
    public_summary_en = models.TextField(_("public summary (English)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-status_on", "-pk"]
        constraints = [
            # A recipient gives one number to one submission (DB backstop of the service check).
            models.UniqueConstraint(
                fields=["recipient", "recipient_reference"],
                condition=~models.Q(recipient_reference=""),
                name="accountability_one_reference_per_recipient",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def public_summary(self) -> str:
        return pick(self.public_summary_ar, self.public_summary_en)

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.DECLINED, self.Status.CLOSED)

    def unanswered_since(self, today: datetime.date) -> int | None:
        """Days without an answer, when the ball is in the recipient's court."""
        if self.status in (self.Status.SENT, self.Status.INFO_PROVIDED):
            return (today - self.status_on).days
        return None

    def is_overdue(self, today: datetime.date) -> bool:
        if not self.is_open:
            return False
        if self.due_on and self.due_on < today:
            return True
        days = self.unanswered_since(today)
        return days is not None and days >= UNANSWERED_DAYS


# The order statuses normally follow: going to a lower rank needs a reason. A request for more
# information and its answer may alternate as often as the recipient asks.
STATUS_RANK = {
    Submission.Status.PREPARED: 0,
    Submission.Status.SENT: 1,
    Submission.Status.ACKNOWLEDGED: 2,
    Submission.Status.REGISTERED: 3,
    Submission.Status.INFO_REQUESTED: 4,
    Submission.Status.INFO_PROVIDED: 4,
    Submission.Status.DECLINED: 5,
    Submission.Status.CLOSED: 6,
}


class StatusChange(Stamped):
    """One step of a submission's history: what, when, on what source."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="history", editable=False
    )
    status = models.CharField(_("status"), max_length=20, choices=Submission.Status.choices)
    on = models.DateField(_("date"))
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where this is known from: a letter, an e-mail, a call."),
    )
    correspondence = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("correspondence"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.on}"


class Proceeding(SensitiveModel, Stamped):
    class Stage(models.TextChoices):
        INVESTIGATION = "investigation", _("Investigation")
        INDICTMENT = "indictment", _("Indictment")
        TRIAL = "trial", _("Trial")
        JUDGMENT = "judgment", _("Judgment")
        APPEAL = "appeal", _("Appeal")
        CLOSED = "closed", _("Closed")

    class LegalBasis(models.TextChoices):
        UNIVERSAL = "universal", _("Universal jurisdiction")
        ACTIVE_PERSONALITY = "active_personality", _("Nationality of the accused")
        PASSIVE_PERSONALITY = "passive_personality", _("Nationality of the victims")
        TERRITORIAL = "territorial", _("Territorial jurisdiction")
        INTERNATIONAL = "international", _("International court or mechanism")
        OTHER = "other", _("Other")

    jurisdiction = models.CharField(_("jurisdiction (country)"), max_length=100)
    court = models.CharField(_("court or prosecutor's office"), max_length=300)
    case_name = models.CharField(_("case name"), max_length=300)
    case_number = models.CharField(_("case number"), max_length=100, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=30, choices=LegalBasis.choices, default=LegalBasis.UNIVERSAL
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.INVESTIGATION
    )
    opened_on = models.DateField(_("opened on"))
    summary = models.TextField(_("summary"), blank=True)
    accused = models.ManyToManyField(
        "cases.Person", verbose_name=_("accused persons"), blank=True, related_name="+"
    )
    units = models.ManyToManyField(
        "cases.Organisation", verbose_name=_("accused units"), blank=True, related_name="+"
    )
    victims = models.ManyToManyField(
        "cases.Person",
        verbose_name=_("victims and parties supported"),
        blank=True,
        related_name="+",
    )
    crimes = models.ManyToManyField(
        "core.Term",
        verbose_name=_("crimes charged"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "legal_qualification"},
    )
    case_files = models.ManyToManyField(
        "cases.CaseFile", verbose_name=_("case files"), blank=True, related_name="proceedings"
    )
    submissions = models.ManyToManyField(
        Submission, verbose_name=_("submissions"), blank=True, related_name="proceedings"
    )
    # The public record (issue 18 item 5): off by default; only the public summary and the
    # fields the public page lists are shown there, never the record's other contents.
    public = models.BooleanField(
        _("on the public site"),
        default=False,
        help_text=_("Only the public summary below and the dates and status are shown."),
    )
    public_summary_ar = models.TextField(_("public summary (Arabic)"), blank=True)
    public_summary_en = models.TextField(_("public summary (English)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("proceeding")
        verbose_name_plural = _("proceedings")
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return self.case_name

    @property
    def public_summary(self) -> str:
        return pick(self.public_summary_ar, self.public_summary_en)


class Hearing(Stamped):
    proceeding = models.ForeignKey(
        Proceeding, on_delete=models.CASCADE, related_name="hearings", editable=False
    )
    held_on = models.DateField(_("date"))
    attended = models.BooleanField(_("attended by the organisation"), default=False)
    attendees = models.CharField(_("who attended"), max_length=300, blank=True)
    notes_ar = models.TextField(_("notes (Arabic)"), blank=True)
    notes_en = models.TextField(_("notes (English)"), blank=True)
    items = models.ManyToManyField(
        "evidence.Item", verbose_name=_("documents"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.proceeding} {self.held_on}"

    @property
    def notes(self) -> str:
        return pick(self.notes_ar, self.notes_en)


class Decision(Stamped):
    class Kind(models.TextChoices):
        PROCEDURAL = "procedural", _("Procedural decision")
        WARRANT = "warrant", _("Arrest warrant")
        INDICTMENT = "indictment", _("Indictment")
        VERDICT = "verdict", _("Verdict")
        SENTENCE = "sentence", _("Sentence")
        APPEAL = "appeal", _("Appeal decision")
        OTHER = "other", _("Other")

    proceeding = models.ForeignKey(
        Proceeding, on_delete=models.CASCADE, related_name="decisions", editable=False
    )
    decided_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decided_on}"

    @property
    def summary(self) -> str:
        return pick(self.summary_ar, self.summary_en)


class MonitoringReport(Stamped):
    """The trial-monitoring report of a proceeding: drafted here, published to the library."""

    proceeding = models.OneToOneField(
        Proceeding, on_delete=models.CASCADE, related_name="report", editable=False
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    body_ar = models.TextField(_("text (Arabic)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    document = models.ForeignKey(
        "library.Document",
        verbose_name=_("library document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")

    def __str__(self) -> str:
        return pick(self.title_ar, self.title_en) or str(self.proceeding)

    @property
    def published(self) -> bool:
        return self.document_id is not None
