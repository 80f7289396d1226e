"""Writes on activities. Each is atomic and writes its audit entry (and, for files, the locker's
custody events through the evidence services).

Counts and lists agree (issue 17): an activity is *counted* (the figures are typed in, with an
optional breakdown by group and age band) until its first participant is listed; from then on
every figure is recomputed from the list inside the same transaction as the change to the list,
and typed counts are refused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mizan.activities.models import (
    AGE_BAND,
    PARTICIPANT_GROUP,
    Activity,
    ActivityCount,
    FollowUp,
    Indicator,
    Output,
    Participant,
    Project,
)
from mizan.cases import services as cases_services
from mizan.core.audit import Action, audit_record
from mizan.core.models import Term
from mizan.core.partial_dates import check_order
from mizan.core.sensitivity import Sensitivity
from mizan.core.writing import acting_user, assign_changes, next_reference
from mizan.evidence import services as evidence_services
from mizan.text import normalise_for_search
from mizan.text.names import split_full_name

RELATIONS = ("organisers", "partners", "projects", "topics")
SEXES = ("women", "men", "girls", "boys")
FIGURES = (*SEXES, "with_disability")


def _check_dates(data: Mapping[str, Any]) -> None:
    if not check_order(data.get("start_date"), data.get("end_date")):
        raise ValidationError(_("The activity ends before it starts."))


def _set_relations(activity: Activity, relations: Mapping[str, Any]) -> list[str]:
    changed = []
    for name, values in relations.items():
        before = set(getattr(activity, name).values_list("pk", flat=True))
        if before != {value.pk for value in values}:
            getattr(activity, name).set(values)
            changed.append(name)
    return changed


def activity_create(*, actor: Any, data: Mapping[str, Any]) -> Activity:
    """Record an activity; ``data`` may hold the many-to-many links (organisers, partners,
    projects, topics) and, for a counted audience, ``women``, ``men``, ``girls``, ``boys``."""
    data = dict(data)
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    _check_dates(data)
    with transaction.atomic():
        activity = Activity(created_by=acting_user(actor), **data)
        if not activity.reference:
            activity.reference = next_reference(Activity, "ACT")
        activity.full_clean()
        activity.save()
        _set_relations(activity, relations)
        audit_record(actor=actor, action=Action.CREATE, target=activity, fields=[*data, *relations])
    return activity


def activity_update(*, actor: Any, activity: Activity, data: Mapping[str, Any]) -> Activity:
    data = dict(data)
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    _check_dates({"start_date": activity.start_date, "end_date": activity.end_date, **data})
    with transaction.atomic():
        changed = assign_changes(activity, data)
        activity.full_clean()
        if activity.published and (activity.sensitivity or activity.team_id):
            raise ValidationError(
                _("A published activity must stay public: take it off the public site first.")
            )
        activity.save()
        changed += _set_relations(activity, relations)
        audit_record(actor=actor, action=Action.UPDATE, target=activity, fields=changed)
    return activity


# --- Participants -----------------------------------------------------------------------------


def sex_labels() -> dict[str, str]:
    return {"women": _("women"), "men": _("men"), "girls": _("girls"), "boys": _("boys")}


def parse_count(value: Any, label: str) -> int:
    """A head count from a form, a file or a command: a whole number, zero or more."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise ValidationError(_("%(what)s must be a whole number.") % {"what": label})
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(_("%(what)s must be a whole number.") % {"what": label}) from None
    if number < 0:
        raise ValidationError(_("%(what)s cannot be negative.") % {"what": label})
    if number > 1_000_000:
        raise ValidationError(_("%(what)s is too large.") % {"what": label})
    return number


def check_breakdown(total: int, breakdown: Mapping[Term, int]) -> None:
    """Refuse a breakdown by group or by age band that holds more people than took part."""
    for vocabulary, what in (
        (PARTICIPANT_GROUP, _("groups")),
        (AGE_BAND, _("age bands")),
    ):
        part = sum(count for term, count in breakdown.items() if term.vocabulary == vocabulary)
        if part > total:
            raise ValidationError(
                _(
                    "The breakdown by %(what)s adds up to %(part)s participants, more than the "
                    "%(total)s who took part."
                )
                % {"what": what, "part": part, "total": total}
            )


def counts_set(
    *,
    actor: Any,
    activity: Activity,
    figures: Mapping[str, Any],
    breakdown: Mapping[Term, Any],
    with_disability: Any = None,
) -> Activity:
    """Type in the counted audience: ``figures`` by sex and age (women, men, girls, boys) and a
    ``breakdown`` of terms of ``participant_group`` or ``age_band`` to counts."""
    if activity.participation == Activity.Participation.LISTED:
        raise ValidationError(
            _("This activity has an attendance list: its counts come from the list.")
        )
    labels = sex_labels()
    numbers = {name: parse_count(figures.get(name), labels[name]) for name in SEXES}
    counts = {term: parse_count(value, term.label) for term, value in breakdown.items()}
    bad = [t for t in counts if t.vocabulary not in (PARTICIPANT_GROUP, AGE_BAND)]
    if bad:
        raise ValidationError(_("Unknown participant group or age band."))
    total = sum(numbers.values())
    check_breakdown(total, counts)
    disabled = (
        None
        if with_disability in (None, "")
        else parse_count(with_disability, _("participants with a disability"))
    )
    if disabled is not None and disabled > total:
        raise ValidationError(_("More participants with a disability than participants in all."))
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.participation == Activity.Participation.LISTED:
            raise ValidationError(
                _("This activity has an attendance list: its counts come from the list.")
            )
        changed = assign_changes(activity, {**numbers, "with_disability": disabled})
        activity.save(update_fields=[*FIGURES, "updated_at"])
        activity.counts.all().delete()
        ActivityCount.objects.bulk_create(
            ActivityCount(activity=activity, term=term, count=count)
            for term, count in counts.items()
            if count
        )
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=activity,
            fields=[*changed, "counts"],
            detail={"participants": total},
        )
    return activity


def _recount(activity: Activity) -> None:
    """Every figure of a listed activity, from its list (called inside the caller's atomic)."""
    rows = list(activity.participants.select_related("age_band", "group"))
    sexes: Counter[str] = Counter()
    terms: Counter[Term] = Counter()
    for row in rows:
        female = row.sex == Participant.Sex.FEMALE
        key = ("girls" if female else "boys") if row.is_minor else ("women" if female else "men")
        sexes[key] += 1
        for term in (row.group, row.age_band):
            if term is not None:
                terms[term] += 1
    for name in SEXES:
        setattr(activity, name, sexes[name])
    activity.with_disability = sum(1 for row in rows if row.disability)
    activity.participation = (
        Activity.Participation.LISTED if rows else Activity.Participation.COUNTED
    )
    # Only the figures: the rest of the row may have been changed since ``activity`` was read.
    activity.save(update_fields=[*FIGURES, "participation", "updated_at"])
    activity.counts.all().delete()
    ActivityCount.objects.bulk_create(
        ActivityCount(activity=activity, term=term, count=count) for term, count in terms.items()
    )


def participant_name_key(full_name_ar: str, full_name_lat: str) -> str:
    return normalise_for_search(full_name_ar or full_name_lat)


def participant_add(*, actor: Any, activity: Activity, data: Mapping[str, Any]) -> Participant:
    """List one participant from the attendance sheet.

    ``data``: ``full_name_ar`` and/or ``full_name_lat``, ``sex`` (female/male), optional
    ``age_band`` and ``group`` terms, ``disability``, ``consent``. The person is recorded with
    a confidential identity (users below confidential clearance see a pseudonym), at the
    activity's level and team. The first listed participant turns a counted activity into a
    listed one: the typed counts are replaced by the list's.
    """
    name_ar = (data.get("full_name_ar") or "").strip()
    name_lat = (data.get("full_name_lat") or "").strip()
    key = participant_name_key(name_ar, name_lat)
    if not key:
        raise ValidationError(_("Write the participant's name as it is on the sheet."))
    if not data.get("consent"):
        raise ValidationError(
            _("A participant is listed by name only with their consent; count them instead.")
        )
    if data.get("sex") not in Participant.Sex.values:
        raise ValidationError(_("Choose the participant's sex."))
    with transaction.atomic():
        Activity.objects.select_for_update().filter(pk=activity.pk).first()
        if activity.participants.filter(name_key=key).exists():
            raise ValidationError(
                _("%(name)s is already on the list of this activity.")
                % {"name": name_ar or name_lat}
            )
        person_data: dict[str, Any] = {
            "name_as_written": name_ar or name_lat,
            "identity_sensitivity": max(Sensitivity.CONFIDENTIAL, activity.sensitivity),
            # A participant's record is never public, even from a public activity.
            "sensitivity": max(Sensitivity.INTERNAL, activity.sensitivity),
            "team": activity.team,
        }
        for text, suffix in ((name_ar, "ar"), (name_lat, "lat")):
            person_data.update({f"{k}_{suffix}": v for k, v in split_full_name(text).items() if v})
        person = cases_services.person_create(actor=actor, data=person_data)
        participant = Participant(
            activity=activity,
            person=person,
            name_key=key,
            sex=data["sex"],
            age_band=data.get("age_band"),
            group=data.get("group"),
            disability=bool(data.get("disability")),
            consent=True,
        )
        participant.full_clean()
        participant.save()
        _recount(activity)
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=participant,
            fields=["person", "sex", "age_band", "group", "disability", "consent"],
            detail={"activity": activity.pk},
        )
    return participant


def participant_remove(*, actor: Any, participant: Participant) -> None:
    activity = participant.activity
    with transaction.atomic():
        Activity.objects.select_for_update().filter(pk=activity.pk).first()
        pk = participant.pk
        participant.delete()
        _recount(activity)
        audit_record(
            actor=actor,
            action=Action.DELETE,
            object_type="activities.participant",
            object_id=str(pk),
            detail={"activity": activity.pk},
        )


# --- Files: attendance sheet, photos -----------------------------------------------------------


def _locker_level(activity: Activity) -> int:
    # A sheet of names, or a photo of faces, is never less than confidential.
    return max(Sensitivity.CONFIDENTIAL, activity.sensitivity)


def sheet_attach(*, actor: Any, activity: Activity, stream: BinaryIO, filename: str) -> Activity:
    """Keep the scanned attendance sheet in the evidence locker and link it to the activity.

    The locker stores the file and records its item before this service's transaction opens:
    on SQLite a transaction holds the one write lock, which an upload must not hold."""
    result = evidence_services.item_ingest(
        stream,
        filename=filename,
        actor=actor,
        title=_("Attendance sheet of %(ref)s") % {"ref": activity.reference},
        sensitivity=_locker_level(activity),
        team=activity.team,
    )
    sheet = result.within_reach_of(actor)
    with transaction.atomic():
        activity.attendance_sheet = sheet
        activity.save(update_fields=["attendance_sheet", "updated_at"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=activity,
            fields=["attendance_sheet"],
            detail={"item": result.item.reference},
        )
    return activity


def output_add(
    *,
    actor: Any,
    activity: Activity,
    data: Mapping[str, Any],
    stream: BinaryIO | None = None,
    filename: str = "",
) -> Output:
    """Record an output; a photo's file goes to the locker (its thumbnail, the copy pages show,
    is made without the EXIF and GPS metadata by the locker's ingest).

    The output is checked before the file is stored, and the file stored before the output's
    transaction opens (on SQLite a transaction holds the one write lock, which an upload must
    not hold)."""
    data = dict(data)
    if data.get("kind") == Output.Kind.PHOTO and stream is None:
        raise ValidationError(_("Attach the photo."))
    output = Output(activity=activity, **data)
    output.full_clean(exclude=["item"])
    if stream is not None:
        output.item = evidence_services.item_ingest(
            stream,
            filename=filename,
            actor=actor,
            title=str(data.get("title", "")),
            sensitivity=_locker_level(activity),
            team=activity.team,
        ).within_reach_of(actor)
    with transaction.atomic():
        output.full_clean()
        output.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=output,
            fields=list(data),
            detail={"activity": activity.pk},
        )
    return output


def follow_up_add(*, actor: Any, activity: Activity, data: Mapping[str, Any]) -> FollowUp:
    with transaction.atomic():
        follow_up = FollowUp(activity=activity, **data)
        follow_up.full_clean()
        follow_up.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=follow_up,
            fields=list(data),
            detail={"activity": activity.pk},
        )
    return follow_up


def follow_up_done(*, actor: Any, follow_up: FollowUp, on: date) -> FollowUp:
    with transaction.atomic():
        follow_up.done_on = on
        follow_up.save(update_fields=["done_on", "updated_at"])
        audit_record(actor=actor, action=Action.UPDATE, target=follow_up, fields=["done_on"])
    return follow_up


# --- The public record of work -----------------------------------------------------------------


def activity_publish(*, actor: Any, activity: Activity) -> Activity:
    """Put an activity on the public list of completed work (public, no case team only)."""
    if activity.sensitivity != Sensitivity.PUBLIC or activity.team_id:
        raise ValidationError(
            _("Only a public activity limited to no case team can go on the public site.")
        )
    with transaction.atomic():
        activity.published = True
        activity.save(update_fields=["published", "updated_at"])
        audit_record(actor=actor, action=Action.UPDATE, target=activity, fields=["published"])
    return activity


def activity_unpublish(*, actor: Any, activity: Activity) -> Activity:
    with transaction.atomic():
        activity.published = False
        activity.save(update_fields=["published", "updated_at"])
        audit_record(actor=actor, action=Action.UPDATE, target=activity, fields=["published"])
    return activity


# --- Projects and their indicators ----------------------------------------------------------------


def _check_project(project: Project, actor: Any) -> None:
    """Refuse a project that ends before it starts, or one whose donor the actor may not see
    (a project must not name a record its author could not read)."""
    if project.ends_on is not None and project.starts_on and project.ends_on < project.starts_on:
        raise ValidationError(
            {
                "ends_on": _("The project would end (%(end)s) before it starts (%(start)s).")
                % {"end": project.ends_on.isoformat(), "start": project.starts_on.isoformat()}
            }
        )
    if actor is not None and project.donor_id and not project.donor.is_visible_to(actor):
        raise ValidationError({"donor": _("You may not see this donor's record.")})
    project.full_clean()


def project_create(*, actor: Any, data: Mapping[str, Any]) -> Project:
    """Record a project: its code, bilingual title, donor and period."""
    project = Project(**dict(data))
    _check_project(project, actor)
    with transaction.atomic():
        project.save()
        audit_record(actor=actor, action=Action.CREATE, target=project, fields=list(data))
    return project


def project_update(*, actor: Any, project: Project, data: Mapping[str, Any]) -> list[str]:
    """Change a project (``data``: the changed fields); the changed fields' names."""
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        changed = assign_changes(project, dict(data))
        _check_project(project, actor)
        if changed:
            project.save()
            audit_record(actor=actor, action=Action.UPDATE, target=project, fields=changed)
    return changed


def _check_indicator(indicator: Indicator) -> None:
    if indicator.measure == Indicator.Measure.WOMEN_SHARE and (indicator.target or 0) > 100:
        raise ValidationError(
            {"target": _("A share is a percentage: the target cannot be more than 100.")}
        )
    # Also the one-code-per-project constraint: a code already used is a message, not an error.
    indicator.full_clean()


def indicator_add(*, actor: Any, project: Project, data: Mapping[str, Any]) -> Indicator:
    """Add an indicator (what the project promised, as a figure with a target)."""
    indicator = Indicator(project=project, **dict(data))
    _check_indicator(indicator)
    with transaction.atomic():
        indicator.save()
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=project,
            fields=["indicators"],
            detail={"indicator": indicator.pk, "added": indicator.code},
        )
    return indicator


def indicator_update(*, actor: Any, indicator: Indicator, data: Mapping[str, Any]) -> list[str]:
    with transaction.atomic():
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        changed = assign_changes(indicator, dict(data))
        _check_indicator(indicator)
        if changed:
            indicator.save()
            audit_record(
                actor=actor,
                action=Action.UPDATE,
                target=indicator.project,
                fields=["indicators"],
                detail={"indicator": indicator.pk, "changed": changed},
            )
    return changed


def indicator_remove(*, actor: Any, indicator: Indicator) -> None:
    with transaction.atomic():
        project, pk, code = indicator.project, indicator.pk, indicator.code
        indicator.delete()
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=project,
            fields=["indicators"],
            detail={"indicator": pk, "removed": code},
        )
