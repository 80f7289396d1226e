"""Writes on the documentation model. Each is atomic and writes its audit entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.cases import tallies
from mizan.cases.models import (
    NAME_PARTS,
    Act,
    Consent,
    Incident,
    Involvement,
    Organisation,
    Person,
    PersonNameKey,
    Source,
)
from mizan.core.audit import Action, audit_record
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate, check_order
from mizan.core.writing import acting_user, assign_changes, next_reference
from mizan.text import clean_name, has_bidi_controls, normalise_for_search
from mizan.text.translit import name_keys

PERSON_NAME_FIELDS = [f"{part}_{script}" for part in NAME_PARTS for script in ("ar", "lat")]


def person_search_text(person: Person) -> str:
    names = [getattr(person, name) for name in PERSON_NAME_FIELDS]
    return normalise_for_search(" ".join([*names, person.name_as_written, person.pseudonym]))


def person_keys(person: Person) -> set[str]:
    keys: set[str] = set()
    for script in ("ar", "lat"):
        keys.update(name_keys(" ".join(person.name_parts(script))))
    keys.update(name_keys(person.name_as_written))
    return {key[:40] for key in keys if key}


def _index_person(person: Person) -> None:
    PersonNameKey.objects.filter(person=person).delete()
    PersonNameKey.objects.bulk_create(
        [PersonNameKey(person=person, key=key) for key in sorted(person_keys(person))]
    )


def _clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    for name in [*PERSON_NAME_FIELDS, "name_as_written", "pseudonym"]:
        if name not in cleaned:
            continue  # a partial update must leave the other names alone
        value = cleaned[name] or ""
        if has_bidi_controls(value):
            raise ValidationError(
                _("A name contains invisible direction-control characters; retype it."),
                code="bidi_controls",
            )
        cleaned[name] = clean_name(value)
    return cleaned


def person_create(*, actor: Any, data: dict[str, Any]) -> Person:
    data = _clean_person_data(data)
    with transaction.atomic():
        person = Person(**data)
        person.search_key = person_search_text(person)
        person.full_clean()
        person.save()
        _index_person(person)
        audit_record(actor=actor, action=Action.CREATE, target=person, fields=list(data))
    return person


def person_update(*, actor: Any, person: Person, data: dict[str, Any]) -> Person:
    data = _clean_person_data(data)
    with transaction.atomic():
        if "sex" in data:
            # Serialises with a recording that copies this person's sex onto a new act.
            list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk"))
        changed = [name for name, value in data.items() if getattr(person, name) != value]
        # The statistics count a victim's sex and age group by the victim's level and team
        # too (``tallies._count``): a change of any of them recounts the person's incidents.
        incident_ids: set[int] = set()
        if {"sex", "sensitivity", "team"} & set(changed):
            incident_ids = set(
                Act.objects.filter(victim=person).values_list("incident_id", flat=True)
            )
            tallies.lock_incidents(incident_ids)
        with tallies.kept_for(incident_ids):
            for name, value in data.items():
                setattr(person, name, value)
            person.search_key = person_search_text(person)
            person.full_clean()
            person.save()
            _index_person(person)
            if "sex" in changed:
                # Acts keep their victim's sex for the filters (``Act.victim_sex``).
                Act.objects.filter(victim=person).update(victim_sex=person.sex)
        audit_record(actor=actor, action=Action.UPDATE, target=person, fields=changed)
    return person


def organisation_create(*, actor: Any, data: dict[str, Any]) -> Organisation:
    with transaction.atomic():
        unit = Organisation(**data)
        unit.search_key = _organisation_search_key(unit)
        unit.full_clean()
        unit.save()
        audit_record(actor=actor, action=Action.CREATE, target=unit, fields=list(data))
    return unit


def organisation_update(*, actor: Any, unit: Organisation, data: dict[str, Any]) -> Organisation:
    """Change a unit (organisations are edited in the admin); a renamed unit is found by its new
    name, in Arabic or in Latin letters, because its search key is recomputed."""
    with transaction.atomic():
        unit = Organisation.objects.select_for_update().get(pk=unit.pk)
        changed = assign_changes(unit, data)
        unit.search_key = _organisation_search_key(unit)
        unit.full_clean()
        unit.save()
        audit_record(actor=actor, action=Action.UPDATE, target=unit, fields=changed)
    return unit


def _organisation_search_key(unit: Organisation) -> str:
    return normalise_for_search(f"{unit.name_ar} {unit.name_en}")


@dataclass
class VictimAct:
    """One row of the one-pass form: a victim (existing or new) and what was done to them."""

    act_type: str
    person: Person | None = None
    new_person: dict[str, Any] | None = None
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    status: str = ""
    site_id: int | None = None
    torture_methods: list[str] = field(default_factory=list)
    legal_qualifications: list[str] = field(default_factory=list)
    age_group: str = Act.AgeGroup.UNKNOWN
    steps_taken: str = ""


def age_group_at(birth: PartialDate | None, when: PartialDate | None) -> str:
    """The victim's age group on the act's date, when the two dates settle it.

    Partial dates are ranges: the age lies between (earliest act day − latest birth day) and
    (latest act day − earliest birth day) in whole years. A group is given only when both ends
    fall in it (born 1990, act in 2019: 28 or 29, adult); otherwise it stays unknown.
    """
    if birth is None or when is None:
        return Act.AgeGroup.UNKNOWN

    def years(born: date, on: date) -> int:
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    youngest, oldest = (
        years(birth.latest(), when.earliest()),
        years(birth.earliest(), when.latest()),
    )
    if youngest < 0:
        return Act.AgeGroup.UNKNOWN

    def group(age: int) -> str:
        if age < 18:
            return Act.AgeGroup.CHILD
        return Act.AgeGroup.ADULT if age < 60 else Act.AgeGroup.ELDERLY

    return group(youngest) if group(youngest) == group(oldest) else Act.AgeGroup.UNKNOWN


@dataclass
class Perpetrator:
    degree: str
    unit: Organisation | None = None
    person: Person | None = None


@dataclass
class SourceEntry:
    source_type: str
    person: Person | None = None
    new_person: dict[str, Any] | None = None
    description: str = ""
    reliability: str = Source.Reliability.F
    credibility: int = Source.Credibility.UNKNOWN
    keep_confidential: bool = True
    sensitivity: int | None = None


class Terms:
    """Resolves vocabulary codes once per request, reporting unknown codes clearly."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Term] = {}

    def get(self, vocabulary: str, code: str, errors: list[str]) -> Term | None:
        key = (vocabulary, code)
        if key not in self._cache:
            term = Term.objects.filter(vocabulary=vocabulary, code=code, active=True).first()
            if term is None:
                errors.append(
                    _("Unknown term “%(code)s” in the list “%(vocabulary)s”.")
                    % {"code": code, "vocabulary": vocabulary}
                )
                return None
            self._cache[key] = term
        return self._cache[key]

    def require(self, vocabulary: str, code: str) -> Term:
        """A term already checked by ``get`` (used while writing, after validation)."""
        return self._cache[(vocabulary, code)]

    def many(self, vocabulary: str, codes: Iterable[str], errors: list[str]) -> list[Term]:
        found = [self.get(vocabulary, code, errors) for code in codes]
        return [term for term in found if term is not None]


def _check_dates(
    label: str, start: PartialDate | None, end: PartialDate | None, errors: list[str]
) -> None:
    if not check_order(start, end):
        errors.append(_("%(what)s: the end is before the start.") % {"what": label})


def _inherit_protection(data: dict[str, Any], incident: Incident) -> dict[str, Any]:
    """A person first recorded in an incident is at least as protected as the incident:
    a victim of a confidential incident must not surface in lists open to lower clearance."""
    merged = dict(data)
    merged["sensitivity"] = max(int(merged.get("sensitivity", 0)), int(incident.sensitivity))
    if merged.get("team") is None and incident.team is not None:
        merged["team"] = incident.team
    return merged


def incident_record(
    *,
    actor: Any,
    incident: dict[str, Any],
    victims: list[VictimAct],
    perpetrators: list[Perpetrator],
    sources: list[SourceEntry],
) -> Incident:
    """Record an incident with its victims, acts, perpetrators and sources in one transaction.

    Checks, before anything is written: at least one victim with an act; no unknown
    vocabulary term; no contradictory dates (end before start, an act before the victim was
    born); no victim recorded as their own perpetrator. All problems are reported together
    as one ValidationError; nothing is saved half-way.
    """
    errors: list[str] = []
    terms = Terms()
    if not victims:
        errors.append(_("An incident needs at least one victim with an act."))
    _check_dates(_("Incident"), incident.get("start_date"), incident.get("end_date"), errors)
    for number, row in enumerate(victims, start=1):
        label = _("Victim %(n)s") % {"n": number}
        if row.person is None and not row.new_person:
            errors.append(_("%(what)s: choose a person or type a name.") % {"what": label})
        terms.get("act_type", row.act_type, errors)
        if row.status:
            terms.get("act_status", row.status, errors)
        terms.many("torture_method", row.torture_methods, errors)
        terms.many("legal_qualification", row.legal_qualifications, errors)
        _check_dates(label, row.start_date, row.end_date, errors)
        birth = row.person.birth_date if row.person else (row.new_person or {}).get("birth_date")
        if birth and row.start_date and row.start_date.is_definitely_before(birth):
            errors.append(
                _("%(what)s: the act is dated before the victim's birth.") % {"what": label}
            )
        for perpetrator in perpetrators:
            if (
                row.person is not None
                and perpetrator.person is not None
                and (perpetrator.person.pk == row.person.pk)
            ):
                errors.append(
                    _("%(what)s is also recorded as their own perpetrator.") % {"what": label}
                )
    for perpetrator in perpetrators:
        terms.get("involvement_degree", perpetrator.degree, errors)
        if (perpetrator.unit is None) == (perpetrator.person is None):
            errors.append(_("Each perpetrator is either a person or a unit."))
    for entry in sources:
        terms.get("source_type", entry.source_type, errors)
    if errors:
        raise ValidationError(errors)

    with transaction.atomic(), tallies.kept_for() as counted:
        # Existing victims' sex, read under a row lock so that a concurrent change of it cannot
        # be missed by the copy on the new acts (Act.victim_sex).
        victim_sex = dict(
            Person.objects.select_for_update()
            .filter(pk__in=[row.person.pk for row in victims if row.person is not None])
            .values_list("pk", "sex_id")
        )
        record = Incident(
            reference=next_reference(Incident, "INC"),
            created_by=acting_user(actor),
            **incident,
        )
        if record.place is not None:
            record.governorate = record.place.governorate
        record.full_clean()
        record.save()
        counted.add(record.pk)
        audit_record(actor=actor, action=Action.CREATE, target=record, fields=list(incident))
        acts: list[Act] = []
        for row in victims:
            victim = row.person or person_create(
                actor=actor, data=_inherit_protection(row.new_person or {}, record)
            )
            act = Act.objects.create(
                incident=record,
                victim=victim,
                act_type=terms.require("act_type", row.act_type),
                start_date=row.start_date,
                end_date=row.end_date,
                place=record.place,
                site_id=row.site_id,
                status=terms.require("act_status", row.status) if row.status else None,
                victim_age_group=(
                    row.age_group
                    if row.age_group != Act.AgeGroup.UNKNOWN
                    else age_group_at(victim.birth_date, row.start_date or record.start_date)
                ),
                victim_sex_id=victim_sex.get(victim.pk, victim.sex_id),
                steps_taken=row.steps_taken,
            )
            act.torture_methods.set(terms.many("torture_method", row.torture_methods, errors))
            act.legal_qualifications.set(
                terms.many("legal_qualification", row.legal_qualifications, errors)
            )
            audit_record(
                actor=actor,
                action=Action.CREATE,
                target=act,
                fields=["victim", "act_type", "start_date", "end_date", "status"],
            )
            acts.append(act)
        for perpetrator in perpetrators:
            degree = terms.require("involvement_degree", perpetrator.degree)
            for act in acts:
                Involvement.objects.create(
                    act=act,
                    perpetrator_unit=perpetrator.unit,
                    perpetrator_person=perpetrator.person,
                    degree=degree,
                )
        for entry in sources:
            person = entry.person
            if person is None and entry.new_person:
                person = person_create(
                    actor=actor, data=_inherit_protection(entry.new_person, record)
                )
            source = Source.objects.create(
                source_type=terms.require("source_type", entry.source_type),
                person=person,
                description=entry.description,
                reliability=entry.reliability,
                credibility=entry.credibility,
                keep_confidential=entry.keep_confidential,
                sensitivity=entry.sensitivity
                if entry.sensitivity is not None
                else record.sensitivity,
                team=record.team,
            )
            source.incidents.add(record)
            source.acts.add(*acts)
            audit_record(
                actor=actor,
                action=Action.CREATE,
                target=source,
                fields=["source_type", "person", "reliability", "credibility"],
            )
    return record


def consent_record(
    *, actor: Any, person: Person, scope: str, given_on: PartialDate | None = None
) -> Consent:
    """Record that the person (or their family) allows sharing with ``scope``."""
    term = Term.objects.filter(vocabulary="consent_scope", code=scope, active=True).first()
    if term is None:
        raise ValidationError(_("Unknown consent scope “%(code)s”.") % {"code": scope})
    with transaction.atomic():
        consent = Consent.objects.create(person=person, scope=term, given_on=given_on)
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=consent,
            fields=["person", "scope", "given_on"],
        )
    return consent


def consent_withdraw(*, actor: Any, consent: Consent) -> Consent:
    """A withdrawal is recorded with its time; the consent row itself is kept as history."""
    with transaction.atomic():
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at", "updated_at"])
        audit_record(actor=actor, action=Action.UPDATE, target=consent, fields=["withdrawn_at"])
    return consent


def incident_update(*, actor: Any, incident: Incident, data: dict[str, Any]) -> Incident:
    with transaction.atomic():
        # Its sensitivity, team, date and place decide where its acts are counted.
        tallies.lock_incidents([incident.pk])
        with tallies.kept_for([incident.pk]):
            changed = assign_changes(incident, data)
            incident.governorate = incident.place.governorate if incident.place else None
            incident.full_clean()
            incident.save()
            audit_record(actor=actor, action=Action.UPDATE, target=incident, fields=changed)
    return incident
