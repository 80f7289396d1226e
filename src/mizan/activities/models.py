"""Activities: workshops, meetings, lectures and the like, with their participants, outputs,
follow-up and the projects (and donors) they are run under.

Participants are either *counted* (women, men, girls, boys; by group and age band where known)
or *listed* by name from an attendance sheet. The two never disagree: once an activity has a
list, its counts are computed from the list by ``services`` and can no longer be typed in.
Names on a list are persons of the documentation model (``cases.Person``) whose identity is
confidential by default; reports and the public site only ever show counts.
The scanned attendance sheet and photos are evidence-locker items; reports published about an
activity are library documents.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.models.bases import Stamped, vocabulary_term, vocabulary_terms
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import SensitiveModel

# Vocabularies (core.Term) this app reads.
ACTIVITY_TYPE = "activity_type"
ACTIVITY_TOPIC = "activity_topic"
PARTICIPANT_GROUP = "participant_group"
AGE_BAND = "age_band"
UNDER_18 = "under_18"  # the age band whose participants are girls and boys, not women and men


class Project(Stamped):
    """A project funded by a donor, over a period, with indicators and their targets."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    donor = models.ForeignKey(
        "cases.Organisation",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    @property
    def title(self) -> str:
        return pick(self.title_ar, self.title_en)


class Indicator(models.Model):
    """What a project promised its donor, as a figure the activities can be counted against."""

    class Measure(models.TextChoices):
        ACTIVITIES = "activities", _("Number of activities")
        PARTICIPANTS = "participants", _("Number of participants")
        WOMEN = "women", _("Number of women and girls taking part")
        WOMEN_SHARE = "women_share", _("Share of women and girls (per cent)")
        OUTPUTS = "outputs", _("Number of outputs (papers, recommendations, reports)")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(_("code"), max_length=40)
    label_ar = models.CharField(_("label (Arabic)"), max_length=300)
    label_en = models.CharField(_("label (English)"), max_length=300)
    measure = models.CharField(_("measured as"), max_length=20, choices=Measure.choices)
    activity_type = vocabulary_term(ACTIVITY_TYPE, _("only activities of type"), null=True)
    target = models.PositiveIntegerField(_("target"))

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "code"]
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="indicator_unique_code")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return pick(self.label_ar, self.label_en)


class Activity(SensitiveModel, Stamped):
    class Participation(models.TextChoices):
        COUNTED = "counted", _("Counted")
        LISTED = "listed", _("Listed by name")

    reference = models.CharField(_("reference"), max_length=40, unique=True)
    activity_type = vocabulary_term(ACTIVITY_TYPE, _("type"))
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    start_date = PartialDateField(_("start date"))
    end_date = PartialDateField(_("end date"), null=True, blank=True)
    place = models.ForeignKey(
        "core.Place",
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisers = models.ManyToManyField(
        "cases.Organisation", verbose_name=_("organisers"), blank=True, related_name="+"
    )
    partners = models.ManyToManyField(
        "cases.Organisation", verbose_name=_("partners"), blank=True, related_name="+"
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), blank=True, related_name="activities"
    )
    topics = vocabulary_terms(ACTIVITY_TOPIC, _("topics"))
    facilitators = models.CharField(
        _("facilitators and speakers"),
        max_length=500,
        blank=True,
        help_text=_("People who speak in public at the activity; participants go in the list."),
    )
    participation = models.CharField(
        _("participants"),
        max_length=10,
        choices=Participation.choices,
        default=Participation.COUNTED,
        editable=False,
    )
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    girls = models.PositiveIntegerField(_("girls"), default=0)
    boys = models.PositiveIntegerField(_("boys"), default=0)
    with_disability = models.PositiveIntegerField(
        _("participants with a disability"), null=True, blank=True
    )
    attendance_sheet = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("attendance sheet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    published = models.BooleanField(_("on the public site"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-start_date", "-pk"]
        permissions = [("publish_activity", _("Can publish activities on the public site"))]

    def __str__(self) -> str:
        return self.reference

    @property
    def title(self) -> str:
        return pick(self.title_ar, self.title_en)

    @property
    def summary(self) -> str:
        return pick(self.summary_ar, self.summary_en)

    @property
    def total(self) -> int:
        return self.women + self.men + self.girls + self.boys

    @property
    def female(self) -> int:
        return self.women + self.girls

    def women_share(self) -> float | None:
        """Women and girls as a percentage of everyone who took part (None with nobody)."""
        return round(100 * self.female / self.total, 1) if self.total else None


class ActivityCount(models.Model):
    """How many participants of an activity were of one group or one age band.

    One row per term (of ``participant_group`` or ``age_band``). Each participant is counted in
    one group (the one they came as) and one age band, so neither breakdown can add up to more
    people than took part.
    """

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="counts")
    term = models.ForeignKey(
        "core.Term",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary__in": [PARTICIPANT_GROUP, AGE_BAND]},
    )
    count = models.PositiveIntegerField(_("count"), validators=[MaxValueValidator(1_000_000)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "term"], name="activity_count_once")
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}:{self.term_id}={self.count}"


class Participant(Stamped):
    """One person on an activity's attendance list (a ``cases.Person``, identity confidential).

    ``name_key`` is the normalised name as written, so the same person cannot be listed twice
    however the name was spelt in the sheet.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "cases.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    name_key = models.CharField(max_length=300, editable=False)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices)
    age_band = vocabulary_term(AGE_BAND, _("age band"), null=True)
    group = vocabulary_term(PARTICIPANT_GROUP, _("group"), null=True)
    disability = models.BooleanField(_("has a disability"), default=False)
    consent = models.BooleanField(_("agreed to be listed"), default=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "name_key"], name="participant_once"),
            models.UniqueConstraint(fields=["activity", "person"], name="participant_person_once"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}:{self.person_id}"

    @property
    def is_minor(self) -> bool:
        return self.age_band is not None and self.age_band.code == UNDER_18


class Output(Stamped):
    """What an activity produced: a paper, recommendations, a published report, photos."""

    class Kind(models.TextChoices):
        PAPER = "paper", _("Paper presented")
        RECOMMENDATIONS = "recommendations", _("Recommendations")
        REPORT = "report", _("Report published")
        PHOTO = "photo", _("Photo")
        OTHER = "other", _("Other")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    document = models.ForeignKey(
        "library.Document",
        verbose_name=_("library document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    item = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("locker item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class FollowUp(Stamped):
    """An action agreed at an activity, with who owns it and by when."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("action"), max_length=500)
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.action

    def is_overdue(self, today: Any) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today
