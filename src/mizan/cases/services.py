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
    CaseFile,
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
from mizan.core.models.bases import ConsentMethod
from mizan.core.partial_dates import PartialDate, check_order
from mizan.core.writing import acting_user, assign_changes, next_reference
from mizan.text import clean_name, has_bidi_controls, normalise_for_search
from mizan.text.translit import name_keys

PERSON_NAME_FIELDS = [f"{part}_{script}" for part in NAME_PARTS for script in ("ar", "lat")]


def _raise_if(errors: list[str]) -> None:
    if errors:
        raise ValidationError(errors)


def person_search_text(person: Person) -> str:
    names = [getattr(person, name) for name in PERSON_NAME_FIELDS]
    return normalise_for_search(" ".join([*names, person.name_as_written, person.pseudonym]))


def person_keys(person: Any) -> set[str]:
    """The name keys of a person, from its fields alone (so a migration's model serves too)."""
    keys: set[str] = set()
    for suffix in ("ar", "lat"):
        names = " ".join(getattr(person, f"{p}_{suffix}") for p in NAME_PARTS[:4])
        keys.update(name_keys(names))
    # An ʿAbd misread by OCR (عبذ الكريم) is keyed as عبد by ``name_keys`` itself.
    keys.update(name_keys(person.name_as_written))
    return {key[:40] for key in keys if key}


def name_keys_rebuild(
    *, person_model: Any = Person, key_model: Any = PersonNameKey, check: bool = False
) -> int:
    """Compute every person's name keys again and replace those that differ; return how many
    persons had stale keys. The keys change when ``mizan.text.translit`` learns a spelling, and
    the stored ones would otherwise stay as they were until each person is saved again, so
    typing suggestions would miss them. ``check`` counts without writing. Batches of 1,000
    persons, each in its own transaction: a stop midway leaves every person with a whole set."""
    stale = 0
    last = 0
    while True:
        batch = list(
            person_model.objects.filter(pk__gt=last)
            .order_by("pk")
            .only(
                "pk",
                "name_as_written",
                *(f"{p}_{s}" for p in NAME_PARTS[:4] for s in ("ar", "lat")),
            )[:1000]
        )
        if not batch:
            return stale
        last = batch[-1].pk
        stored: dict[int, set[str]] = {person.pk: set() for person in batch}
        for person_id, key in key_model.objects.filter(person_id__in=stored).values_list(
            "person_id", "key"
        ):
            stored[person_id].add(key)
        fresh = {person.pk: person_keys(person) for person in batch}
        changed = [pk for pk in fresh if fresh[pk] != stored[pk]]
        stale += len(changed)
        if check or not changed:
            continue
        with transaction.atomic():
            key_model.objects.filter(person_id__in=changed).delete()
            key_model.objects.bulk_create(
                [key_model(person_id=pk, key=key) for pk in changed for key in sorted(fresh[pk])]
            )


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


def _check_rows(
    *,
    victims: list[VictimAct],
    perpetrators: list[Perpetrator],
    sources: list[SourceEntry],
    terms: Terms,
    errors: list[str],
    victim_persons: Iterable[Person] = (),
    perpetrator_persons: Iterable[Person] = (),
    first_victim: int = 1,
) -> None:
    """The checks of the rows of an incident, on recording and on each later correction alike.

    No unknown vocabulary term; no contradictory dates (end before start, an act before the
    victim was born); no victim recorded as their own perpetrator (``victim_persons`` are the
    incident's victims already saved, checked against new perpetrators, and
    ``perpetrator_persons`` its perpetrators already saved, checked against new victims).
    """
    saved_perpetrators = {person.pk for person in perpetrator_persons}
    for number, row in enumerate(victims, start=first_victim):
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
        perpetrator_ids = saved_perpetrators | {
            p.person.pk for p in perpetrators if p.person is not None
        }
        if row.person is not None and row.person.pk in perpetrator_ids:
            errors.append(
                _("%(what)s is also recorded as their own perpetrator.") % {"what": label}
            )
    saved_victims = {person.pk for person in victim_persons}
    for perpetrator in perpetrators:
        terms.get("involvement_degree", perpetrator.degree, errors)
        if (perpetrator.unit is None) == (perpetrator.person is None):
            errors.append(_("Each perpetrator is either a person or a unit."))
        if perpetrator.person is not None and perpetrator.person.pk in saved_victims:
            errors.append(_("A victim of this incident cannot be recorded as its perpetrator."))
    for entry in sources:
        terms.get("source_type", entry.source_type, errors)


def _write_act(
    *, actor: Any, record: Incident, row: VictimAct, terms: Terms, victim_sex_id: int | None
) -> Act:
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
        victim_sex_id=victim_sex_id if row.person is not None else victim.sex_id,
        steps_taken=row.steps_taken,
    )
    act.torture_methods.set(terms.many("torture_method", row.torture_methods, []))
    act.legal_qualifications.set(terms.many("legal_qualification", row.legal_qualifications, []))
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=act,
        fields=["victim", "act_type", "start_date", "end_date", "status"],
    )
    return act


def _write_involvements(
    *, actor: Any, perpetrator: Perpetrator, acts: Iterable[Act], terms: Terms, audit: bool
) -> None:
    degree = terms.require("involvement_degree", perpetrator.degree)
    for act in acts:
        involvement = Involvement.objects.create(
            act=act,
            perpetrator_unit=perpetrator.unit,
            perpetrator_person=perpetrator.person,
            degree=degree,
        )
        if audit:
            audit_record(
                actor=actor,
                action=Action.CREATE,
                target=involvement,
                fields=["act", "perpetrator_unit", "perpetrator_person", "degree"],
            )


def _write_source(
    *, actor: Any, record: Incident, entry: SourceEntry, acts: Iterable[Act], terms: Terms
) -> Source:
    person = entry.person
    if person is None and entry.new_person:
        person = person_create(actor=actor, data=_inherit_protection(entry.new_person, record))
    source = Source.objects.create(
        source_type=terms.require("source_type", entry.source_type),
        person=person,
        description=entry.description,
        reliability=entry.reliability,
        credibility=entry.credibility,
        keep_confidential=entry.keep_confidential,
        sensitivity=entry.sensitivity if entry.sensitivity is not None else record.sensitivity,
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
    return source


def _locked_victim_sex(victims: list[VictimAct]) -> dict[int, int | None]:
    # Existing victims' sex, read under a row lock so that a concurrent change of it cannot be
    # missed by the copy on the new acts (Act.victim_sex).
    return dict(
        Person.objects.select_for_update()
        .filter(pk__in=[row.person.pk for row in victims if row.person is not None])
        .values_list("pk", "sex_id")
    )


def incident_record(
    *,
    actor: Any,
    incident: dict[str, Any],
    victims: list[VictimAct],
    perpetrators: list[Perpetrator],
    sources: list[SourceEntry],
) -> Incident:
    """Record an incident with its victims, acts, perpetrators and sources in one transaction.

    Checks, before anything is written: at least one victim with an act, then the rows'
    checks (``_check_rows``, which every later correction runs too). All problems are reported
    together as one ValidationError; nothing is saved half-way.
    """
    errors: list[str] = []
    terms = Terms()
    if not victims:
        errors.append(_("An incident needs at least one victim with an act."))
    _check_dates(_("Incident"), incident.get("start_date"), incident.get("end_date"), errors)
    _check_rows(
        victims=victims, perpetrators=perpetrators, sources=sources, terms=terms, errors=errors
    )
    if errors:
        raise ValidationError(errors)

    with transaction.atomic(), tallies.kept_for() as counted:
        victim_sex = _locked_victim_sex(victims)
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
        acts = [
            _write_act(
                actor=actor,
                record=record,
                row=row,
                terms=terms,
                victim_sex_id=victim_sex.get(row.person.pk) if row.person else None,
            )
            for row in victims
        ]
        for perpetrator in perpetrators:
            _write_involvements(
                actor=actor, perpetrator=perpetrator, acts=acts, terms=terms, audit=False
            )
        for entry in sources:
            _write_source(actor=actor, record=record, entry=entry, acts=acts, terms=terms)
    return record


def consent_record(
    *,
    actor: Any,
    person: Person,
    scope: str,
    given_on: PartialDate | None = None,
    method: str = "",
    given_by: Person | None = None,
    proof: Any = None,
) -> Consent:
    """Record that the person (or, for them, ``given_by``: a relative, a guardian) allows
    sharing with ``scope``: when (a partial date), how (``ConsentMethod``) and the signed form
    or recording as a locker item (``proof``, found by the caller through the permission layer).
    """
    errors: list[str] = []
    term = Term.objects.filter(vocabulary="consent_scope", code=scope, active=True).first()
    if term is None:
        errors.append(_("Unknown consent scope “%(code)s”.") % {"code": scope})
    if method and method not in ConsentMethod.values:
        errors.append(_("Unknown way of giving consent “%(code)s”.") % {"code": method})
    if method == ConsentMethod.WRITTEN and proof is None:
        errors.append(_("A written consent needs its signed form: give its evidence reference."))
    if given_on is not None and given_on.year > timezone.now().year:
        errors.append(_("The consent cannot be dated in the future."))
    _raise_if(errors)
    assert term is not None  # an unknown scope was reported above
    with transaction.atomic():
        consent = Consent.objects.create(
            person=person,
            scope=term,
            given_on=given_on,
            method=method,
            given_by=given_by if given_by is not None and given_by.pk != person.pk else None,
            taken_by=acting_user(actor),
            proof=proof,
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=consent,
            fields=["person", "scope", "given_on", "method", "given_by", "proof"],
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


# --- Case files ----------------------------------------------------------------------------


def case_file_create(*, actor: Any, data: dict[str, Any]) -> CaseFile:
    """A new case file (``CF-2026-0001``), audited."""
    with transaction.atomic():
        case_file = CaseFile(reference=next_reference(CaseFile, "CF", digits=4), **data)
        case_file.full_clean()
        case_file.save()
        audit_record(actor=actor, action=Action.CREATE, target=case_file, fields=list(data))
    return case_file


def case_file_update(*, actor: Any, case_file: CaseFile, data: dict[str, Any]) -> CaseFile:
    """Change a case file's title, purpose, recipient, status, level or team, audited."""
    with transaction.atomic():
        case_file = CaseFile.objects.select_for_update().get(pk=case_file.pk)
        changed = assign_changes(case_file, data)
        case_file.full_clean()
        case_file.save()
        audit_record(actor=actor, action=Action.UPDATE, target=case_file, fields=changed)
    return case_file


CASE_FILE_CONTENTS = ("incidents", "persons")


def _case_file_contents(
    *, actor: Any, case_file: CaseFile, relation: str, records: Iterable[Any], add: bool
) -> list[Any]:
    if relation not in CASE_FILE_CONTENTS:
        raise ValueError(relation)
    with transaction.atomic():
        case_file = CaseFile.objects.select_for_update().get(pk=case_file.pk)
        manager = getattr(case_file, relation)
        present = set(manager.values_list("pk", flat=True))
        changed = [record for record in records if (record.pk in present) != add]
        if changed:
            (manager.add if add else manager.remove)(*changed)
            audit_record(
                actor=actor,
                action=Action.UPDATE,
                target=case_file,
                fields=[relation],
                detail={"added" if add else "removed": sorted(r.pk for r in changed)},
            )
    return changed


def case_file_add(
    *, actor: Any, case_file: CaseFile, relation: str, records: Iterable[Any]
) -> list[Any]:
    """Add incidents or persons (``relation``) to a case file; returns those newly added.

    The caller has found ``records`` through the permission layer. The audit entry names the
    relation and the records' numbers, never a person's name.
    """
    return _case_file_contents(
        actor=actor, case_file=case_file, relation=relation, records=records, add=True
    )


def case_file_remove(
    *, actor: Any, case_file: CaseFile, relation: str, records: Iterable[Any]
) -> list[Any]:
    """Take incidents or persons (``relation``) out of a case file (the records stay)."""
    return _case_file_contents(
        actor=actor, case_file=case_file, relation=relation, records=records, add=False
    )


# --- Corrections of a recorded incident (issue 19, core job 3) ------------------------------
# Each runs the checks of the one-pass form (``_check_rows``), writes in one transaction with
# its audit entry, and recounts the incident's statistics (``tallies``), as recording does.


def _saved_victims(incident: Incident) -> list[Person]:
    return list(Person.objects.filter(acts_suffered__incident=incident).distinct())


def incident_act_add(*, actor: Any, incident: Incident, row: VictimAct) -> Act:
    """Add a victim and what was done to them to a recorded incident."""
    errors: list[str] = []
    terms = Terms()
    _check_rows(
        victims=[row],
        perpetrators=[],
        sources=[],
        terms=terms,
        errors=errors,
        perpetrator_persons=Person.objects.filter(involvements__act__incident=incident),
        first_victim=incident.acts.count() + 1,
    )
    _raise_if(errors)
    with transaction.atomic():
        tallies.lock_incidents([incident.pk])
        with tallies.kept_for([incident.pk]):
            victim_sex = _locked_victim_sex([row])
            return _write_act(
                actor=actor,
                record=incident,
                row=row,
                terms=terms,
                victim_sex_id=victim_sex.get(row.person.pk) if row.person else None,
            )


def act_update(*, actor: Any, act: Act, row: VictimAct) -> Act:
    """Correct what was done to a victim: type, dates, status, facility, methods, age group,
    steps taken. The victim stays (to change who it was, take the act out and add another)."""
    errors: list[str] = []
    terms = Terms()
    row.person = act.victim
    # Numbered as on the incident's page, where acts are listed in the order they were added.
    number = Act.objects.filter(incident_id=act.incident_id, pk__lt=act.pk).count() + 1
    _check_rows(
        victims=[row],
        perpetrators=[],
        sources=[],
        terms=terms,
        errors=errors,
        first_victim=number,
    )
    _raise_if(errors)
    with transaction.atomic():
        tallies.lock_incidents([act.incident_id])
        with tallies.kept_for([act.incident_id]):
            act = Act.objects.select_for_update().get(pk=act.pk)
            changed = assign_changes(
                act,
                {
                    "act_type": terms.require("act_type", row.act_type),
                    "start_date": row.start_date,
                    "end_date": row.end_date,
                    "status": terms.require("act_status", row.status) if row.status else None,
                    "site_id": row.site_id,
                    "victim_age_group": row.age_group,
                    "steps_taken": row.steps_taken,
                },
            )
            act.full_clean()
            act.save()
            methods = terms.many("torture_method", row.torture_methods, [])
            if {m.pk for m in methods} != set(act.torture_methods.values_list("pk", flat=True)):
                act.torture_methods.set(methods)
                changed.append("torture_methods")
            audit_record(actor=actor, action=Action.UPDATE, target=act, fields=changed)
    return act


def act_remove(*, actor: Any, act: Act) -> None:
    """Take an act (and its perpetrators' involvement in it) out of its incident; the victim's
    person record stays. The last act cannot go: an incident needs at least one."""
    with transaction.atomic():
        tallies.lock_incidents([act.incident_id])
        if Act.objects.filter(incident_id=act.incident_id).count() <= 1:
            raise ValidationError(_("An incident needs at least one victim with an act."))
        with tallies.kept_for([act.incident_id]):
            audit_record(
                actor=actor,
                action=Action.DELETE,
                target=act,
                detail={"incident": act.incident_id, "victim": act.victim_id},
            )
            act.delete()


def incident_perpetrator_add(*, actor: Any, incident: Incident, perpetrator: Perpetrator) -> None:
    """Link a perpetrator (unit or person) to every act of the incident, as the one-pass form
    does."""
    errors: list[str] = []
    terms = Terms()
    _check_rows(
        victims=[],
        perpetrators=[perpetrator],
        sources=[],
        terms=terms,
        errors=errors,
        victim_persons=_saved_victims(incident),
    )
    _raise_if(errors)
    with transaction.atomic():
        tallies.lock_incidents([incident.pk])
        with tallies.kept_for([incident.pk]):
            acts = list(incident.acts.all())
            linked = Involvement.objects.filter(
                act__in=acts,
                perpetrator_unit=perpetrator.unit,
                perpetrator_person=perpetrator.person,
            ).values_list("act_id", flat=True)
            new_acts = [act for act in acts if act.pk not in set(linked)]
            _write_involvements(
                actor=actor, perpetrator=perpetrator, acts=new_acts, terms=terms, audit=True
            )


def involvement_remove(*, actor: Any, involvement: Involvement) -> None:
    """Take a perpetrator out of one act."""
    incident_id = involvement.act.incident_id
    with transaction.atomic():
        tallies.lock_incidents([incident_id])
        with tallies.kept_for([incident_id]):
            audit_record(
                actor=actor,
                action=Action.DELETE,
                target=involvement,
                detail={"act": involvement.act_id},
            )
            involvement.delete()


def incident_source_add(*, actor: Any, incident: Incident, entry: SourceEntry) -> Source:
    """Add a source to a recorded incident (and its acts), as the one-pass form does."""
    errors: list[str] = []
    terms = Terms()
    _check_rows(victims=[], perpetrators=[], sources=[entry], terms=terms, errors=errors)
    _raise_if(errors)
    with transaction.atomic():
        return _write_source(
            actor=actor, record=incident, entry=entry, acts=incident.acts.all(), terms=terms
        )


def source_update(*, actor: Any, source: Source, data: dict[str, Any]) -> Source:
    """Correct a source's type, description, reliability or credibility."""
    errors: list[str] = []
    terms = Terms()
    if "source_type" in data:
        data = {**data, "source_type": terms.get("source_type", data["source_type"], errors)}
    _raise_if(errors)
    with transaction.atomic():
        source = Source.objects.select_for_update().get(pk=source.pk)
        changed = assign_changes(source, data)
        source.full_clean()
        source.save()
        audit_record(actor=actor, action=Action.UPDATE, target=source, fields=changed)
    return source


def incident_source_remove(*, actor: Any, incident: Incident, source: Source) -> None:
    """Take a source out of an incident and its acts (the source record and its person stay,
    for the other incidents it supports)."""
    with transaction.atomic():
        source.incidents.remove(incident)
        source.acts.remove(*source.acts.filter(incident=incident))
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=source,
            fields=["incidents", "acts"],
            detail={"removed_from_incident": incident.pk},
        )
