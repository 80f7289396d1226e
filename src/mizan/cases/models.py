"""The documentation model (DESIGN decisions 1–3; HURIDOCS Events Standard Formats).

One Person table for victims, witnesses, perpetrators, relatives and sources: roles come from
relations. An Incident has Acts; an Act has one victim, a type, partial dates and a place; an
Involvement links a perpetrator (person or organisation unit) to an Act with a degree of
involvement; a Source says who or what told us, with reliability (A–F) and credibility (1–6),
and supports incidents and acts. A CaseFile groups incidents, persons and sources for a
recipient.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.models.bases import ConsentMethod, Stamped, vocabulary_term
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import (
    SensitiveManager,
    SensitiveModel,
    SensitiveQuerySet,
    effective_clearance,
    visibility_q,
)
from mizan.core.sensitivity import Sensitivity

NAME_PARTS = (
    "first_name",
    "father_name",
    "grandfather_name",
    "family_name",
    "mother_name",
    "mother_family",
)


class Person(SensitiveModel, Stamped):
    """Anyone Mizan records: victim, witness, perpetrator, relative, source.

    Names are kept in parts, in Arabic and in Latin script, plus the form as written. A
    protected person's real name is shown only to users whose clearance reaches
    ``identity_sensitivity``; everyone else sees the pseudonym.
    """

    first_name_ar = models.CharField(_("first name (Arabic)"), max_length=100, blank=True)
    father_name_ar = models.CharField(_("father's name (Arabic)"), max_length=100, blank=True)
    grandfather_name_ar = models.CharField(
        _("grandfather's name (Arabic)"), max_length=100, blank=True
    )
    family_name_ar = models.CharField(_("family name (Arabic)"), max_length=100, blank=True)
    mother_name_ar = models.CharField(_("mother's name (Arabic)"), max_length=100, blank=True)
    mother_family_ar = models.CharField(
        _("mother's family name (Arabic)"), max_length=100, blank=True
    )
    first_name_lat = models.CharField(_("first name (Latin)"), max_length=100, blank=True)
    father_name_lat = models.CharField(_("father's name (Latin)"), max_length=100, blank=True)
    grandfather_name_lat = models.CharField(
        _("grandfather's name (Latin)"), max_length=100, blank=True
    )
    family_name_lat = models.CharField(_("family name (Latin)"), max_length=100, blank=True)
    mother_name_lat = models.CharField(_("mother's name (Latin)"), max_length=100, blank=True)
    mother_family_lat = models.CharField(
        _("mother's family name (Latin)"), max_length=100, blank=True
    )
    name_as_written = models.CharField(_("name as written"), max_length=300, blank=True)
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    identity_sensitivity = models.PositiveSmallIntegerField(
        _("who may see the real name"),
        choices=Sensitivity.choices,
        default=Sensitivity.INTERNAL,
        help_text=_("Users below this clearance see the pseudonym instead of the name."),
    )
    sex = vocabulary_term("sex", _("sex"), null=True)
    birth_date = PartialDateField(_("date of birth"), null=True, blank=True)
    birth_place = models.ForeignKey(
        "core.Place",
        verbose_name=_("place of birth"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    national_id = models.CharField(_("national ID number"), max_length=50, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["family_name_ar", "first_name_ar", "pk"]

    def __str__(self) -> str:
        return self.full_name or self.pseudonym or f"#{self.pk}"

    def name_parts(self, script: str) -> list[str]:
        suffix = "ar" if script == "ar" else "lat"
        return [getattr(self, f"{part}_{suffix}") for part in NAME_PARTS[:4]]

    @property
    def full_name_ar(self) -> str:
        return " ".join(p for p in self.name_parts("ar") if p)

    @property
    def full_name_lat(self) -> str:
        return " ".join(p for p in self.name_parts("lat") if p)

    @property
    def full_name(self) -> str:
        return pick(self.full_name_ar, self.full_name_lat) or self.name_as_written

    def identity_visible_to(self, user: Any) -> bool:
        return self.identity_sensitivity <= effective_clearance(user)

    def display_name_for(self, user: Any) -> str:
        """The name this user may see: the real name, or the pseudonym of a protected person."""
        if self.identity_visible_to(user):
            return str(self)
        return self.pseudonym or _("Protected person #%(id)s") % {"id": self.pk}


class PersonNameKey(models.Model):
    """Phonetic keys of a person's names in both scripts, for suggestions while typing.

    A row per key lets a lookup use an index (exact key or key range) instead of scanning every
    person's names, which keeps suggestions fast at hundreds of thousands of persons.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=40, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="person_name_key_unique")
        ]

    def __str__(self) -> str:
        return self.key


class Organisation(SensitiveModel, Stamped):
    """A perpetrator unit or group, in a hierarchy (a branch under a directorate)."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    org_type = vocabulary_term("org_type", _("type"), null=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    site = models.ForeignKey(
        "core.Site",
        verbose_name=_("seat or facility"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    description = models.TextField(_("description"), blank=True)
    search_key = models.CharField(max_length=700, editable=False, blank=True, db_index=True)

    class Meta:
        verbose_name = _("organisation or unit")
        verbose_name_plural = _("organisations and units")
        ordering = ["name_en", "name_ar"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.name_ar, self.name_en)


class Command(Stamped):
    """Who commanded a unit, and when (dates may be partial)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="commands"
    )
    commander = models.ForeignKey(
        Person, verbose_name=_("commander"), on_delete=models.PROTECT, related_name="commands"
    )
    start_date = PartialDateField(_("from"), null=True, blank=True)
    end_date = PartialDateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("command")
        verbose_name_plural = _("commands")

    def __str__(self) -> str:
        return f"{self.commander_id}@{self.organisation_id}"


class Incident(SensitiveModel, Stamped):
    """What happened, when and where: the frame around one or more acts."""

    reference = models.CharField(_("reference"), max_length=40, unique=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    narrative_ar = models.TextField(_("narrative (Arabic)"), blank=True)
    narrative_en = models.TextField(_("narrative (English)"), blank=True)
    start_date = PartialDateField(_("start"), null=True, blank=True)
    end_date = PartialDateField(_("end"), null=True, blank=True)
    place = models.ForeignKey(
        "core.Place",
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    governorate = models.ForeignKey(
        "core.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # The start date without its "approximate" mark ("" when undated): chronological when
    # sorted as text, never NULL, and indexed, so "latest first" pages read the index.
    sort_key = models.CharField(max_length=10, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-sort_key", "-pk"]
        permissions = [("export_records", _("Can export incidents, acts and persons"))]
        indexes = [
            # The sort, with the visibility columns: a page's ids, even deep ones, are read from
            # this index alone (PostgreSQL index-only scan) and only that page's rows fetched.
            models.Index(
                fields=["sort_key", "id", "sensitivity", "team"], name="incident_sort_visible"
            ),
            # Covers the visibility rule and the sort: the page count reads only the index.
            models.Index(fields=["sensitivity", "team", "sort_key"], name="incident_visible_sort"),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sort_key = self.start_date.to_storage().rstrip("~") if self.start_date else ""
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return pick(self.title_ar, self.title_en) or self.reference

    @property
    def narrative(self) -> str:
        return pick(self.narrative_ar, self.narrative_en)


class ActQuerySet(models.QuerySet["Act"]):
    def visible_to(self, user: Any) -> ActQuerySet:
        """An act is visible when its incident is (acts carry no level of their own)."""
        return self.filter(visibility_q(user, "incident__"))


class Act(Stamped):
    """One violation against one victim (HURIDOCS "act")."""

    class AgeGroup(models.TextChoices):
        CHILD = "child", _("Child (under 18)")
        ADULT = "adult", _("Adult (18–59)")
        ELDERLY = "elderly", _("Older person (60+)")
        UNKNOWN = "unknown", _("Unknown")

    incident = models.ForeignKey(
        Incident, verbose_name=_("incident"), on_delete=models.CASCADE, related_name="acts"
    )
    victim = models.ForeignKey(
        Person, verbose_name=_("victim"), on_delete=models.PROTECT, related_name="acts_suffered"
    )
    act_type = vocabulary_term("act_type", _("type of act"))
    start_date = PartialDateField(_("start"), null=True, blank=True)
    end_date = PartialDateField(_("end"), null=True, blank=True)
    place = models.ForeignKey(
        "core.Place",
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    site = models.ForeignKey(
        "core.Site",
        verbose_name=_("site or detention facility"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acts",
    )
    status = vocabulary_term("act_status", _("status"), null=True)
    legal_qualifications = models.ManyToManyField(
        "core.Term",
        verbose_name=_("legal qualifications"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "legal_qualification"},
    )
    torture_methods = models.ManyToManyField(
        "core.Term",
        verbose_name=_("methods of torture"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "torture_method"},
    )
    victim_age_group = models.CharField(
        _("age group of the victim"),
        max_length=10,
        choices=AgeGroup.choices,
        default=AgeGroup.UNKNOWN,
    )
    # The victim's sex, copied from the person (kept in step by the services) so that the
    # sex + age-group filter reads one index of acts instead of joining every person.
    victim_sex = models.ForeignKey(
        "core.Term",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        db_index=False,  # act_sex_incident starts with it
    )
    steps_taken = models.TextField(
        _("steps taken to find the person or seek remedy"),
        blank=True,
        help_text=_(
            "Inquiries with authorities, complaints, lawyers, prisons visited: needed "
            "for submissions to UN mechanisms."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ActQuerySet.as_manager()

    class Meta:
        verbose_name = _("act")
        verbose_name_plural = _("acts")
        ordering = ["incident", "pk"]
        indexes = [
            # Filters on acts are semi-joins ("an incident with at least one such act"): each
            # reads its own index down to the incident id without touching the table.
            models.Index(fields=["act_type", "incident"], name="act_type_incident"),
            # Age group alone, or with the sex; the sex alone.
            models.Index(
                fields=["victim_age_group", "victim_sex", "incident"], name="act_age_sex_incident"
            ),
            models.Index(fields=["victim_sex", "incident"], name="act_sex_incident"),
            models.Index(fields=["status", "incident"], name="act_status_incident"),
        ]

    def __str__(self) -> str:
        return f"{self.incident_id}/{self.pk}"

    def is_ongoing(self) -> bool:
        return (
            self.end_date is None
            and self.status_id is not None
            and self.status.code
            in {
                "ongoing_detention",
                "still_disappeared",
                "fate_unknown",
            }
        )


class ActTally(models.Model):
    """Acts counted by the sensitivity and team of their incident, per chart of the statistics.

    The statistics page sums these rows over what the user may see (the permission layer's own
    rule, through ``visible_to``) instead of grouping 400,000 acts on every view. The services
    that write incidents, acts, involvements or a victim's sex update the rows in the same
    transaction (``mizan.cases.tallies``); ``mizan manage rebuild_statistics`` recounts them.
    ``value`` is a term, place or unit id, a year or an age group ("" when unknown).
    """

    class Dimension(models.TextChoices):
        ACT_TYPE = "act_type", _("type of act")
        YEAR = "year", _("year")
        GOVERNORATE = "governorate", _("governorate")
        UNIT = "unit", _("perpetrator unit")
        SEX = "sex", _("sex of the victim")
        AGE_GROUP = "age_group", _("age group of the victim")

    sensitivity = models.PositiveSmallIntegerField(choices=Sensitivity.choices)
    team = models.ForeignKey("core.Team", on_delete=models.CASCADE, null=True, related_name="+")
    # The team id or 0: part of the unique key, which NULL cannot be on either database.
    team_key = models.PositiveIntegerField(default=0)
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    value = models.CharField(max_length=40, blank=True)
    acts = models.IntegerField(default=0)

    objects = SensitiveManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sensitivity", "team_key", "dimension", "value"], name="act_tally_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension}={self.value}@{self.sensitivity}/{self.team_key}: {self.acts}"


class Involvement(Stamped):
    """A perpetrator's part in an act: a person or a unit, with a degree of involvement."""

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="involvements")
    perpetrator_person = models.ForeignKey(
        Person,
        verbose_name=_("perpetrator (person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
    )
    perpetrator_unit = models.ForeignKey(
        Organisation,
        verbose_name=_("perpetrator (unit)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
    )
    degree = vocabulary_term("involvement_degree", _("degree of involvement"))

    class Meta:
        verbose_name = _("involvement")
        verbose_name_plural = _("involvements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(perpetrator_person__isnull=False, perpetrator_unit__isnull=True)
                | models.Q(perpetrator_person__isnull=True, perpetrator_unit__isnull=False),
                name="involvement_one_perpetrator",
            )
        ]

    def __str__(self) -> str:
        return f"{self.act_id}:{self.perpetrator_person_id or self.perpetrator_unit_id}"


class Source(SensitiveModel, Stamped):
    """Who or what told us, with the NATO/Admiralty grading used in documentation."""

    class Reliability(models.TextChoices):
        A = "A", _("A — completely reliable")
        B = "B", _("B — usually reliable")
        C = "C", _("C — fairly reliable")
        D = "D", _("D — not usually reliable")
        E = "E", _("E — unreliable")
        F = "F", _("F — reliability cannot be judged")

    class Credibility(models.IntegerChoices):
        CONFIRMED = 1, _("1 — confirmed by other sources")
        PROBABLE = 2, _("2 — probably true")
        POSSIBLE = 3, _("3 — possibly true")
        DOUBTFUL = 4, _("4 — doubtful")
        IMPROBABLE = 5, _("5 — improbable")
        UNKNOWN = 6, _("6 — truth cannot be judged")

    source_type = vocabulary_term("source_type", _("type of source"))
    person = models.ForeignKey(
        Person,
        verbose_name=_("person (witness, victim, relative)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sources_given",
    )
    description = models.TextField(_("description"), blank=True)
    obtained_on = PartialDateField(_("obtained on"), null=True, blank=True)
    reliability = models.CharField(
        _("reliability"), max_length=1, choices=Reliability.choices, default=Reliability.F
    )
    credibility = models.PositiveSmallIntegerField(
        _("credibility"), choices=Credibility.choices, default=Credibility.UNKNOWN
    )
    keep_confidential = models.BooleanField(
        _("keep the source confidential"),
        default=True,
        help_text=_("Never name this source in anything that leaves the organisation."),
    )
    incidents = models.ManyToManyField(
        Incident, verbose_name=_("incidents it supports"), blank=True, related_name="sources"
    )
    acts = models.ManyToManyField(
        Act, verbose_name=_("acts it supports"), blank=True, related_name="sources"
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.source_type_id}#{self.pk}"


class CaseFile(SensitiveModel, Stamped):
    """A dossier for a purpose and a recipient (IIIM, a prosecutor, a UN body)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Being built")
        REVIEW = "review", _("In legal review")
        SUBMITTED = "submitted", _("Submitted")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("purpose"), blank=True)
    recipient = vocabulary_term("recipient_category", _("recipient"), null=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    incidents = models.ManyToManyField(Incident, blank=True, related_name="case_files")
    persons = models.ManyToManyField(Person, blank=True, related_name="case_files")
    sources = models.ManyToManyField(Source, blank=True, related_name="case_files")

    class Meta:
        verbose_name = _("case file")
        verbose_name_plural = _("case files")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference


class Consent(Stamped):
    """What a person (or, for the missing, their family) allows us to share, and with whom.

    Every export checks consent and refuses, with a clear message, what is not consented
    (DESIGN decision 9). A withdrawal is recorded, never deleted.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    scope = vocabulary_term("consent_scope", _("scope"))
    given_by = models.ForeignKey(
        Person,
        verbose_name=_("given by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents_given",
    )
    given_on = PartialDateField(_("given on"), null=True, blank=True)
    method = models.CharField(
        _("how it was given"), max_length=10, choices=ConsentMethod.choices, blank=True
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The signed form or the recording, kept in the evidence locker. The locker sits above
    # cases: the key names it by label only, and cases reaches it through
    # ``mizan.cases.sections.locker_item`` (registered by the evidence app), never an import.
    proof = models.ForeignKey(
        "evidence.Item",
        verbose_name=_("signed form or recording of the consent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.person_id}:{self.scope_id}"


__all__ = [
    "Act",
    "ActQuerySet",
    "ActTally",
    "CaseFile",
    "Command",
    "Consent",
    "Incident",
    "Involvement",
    "Organisation",
    "Person",
    "PersonNameKey",
    "SensitiveQuerySet",
    "Source",
]
