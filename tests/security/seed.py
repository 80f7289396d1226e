"""Records for the leak crawl: every text field carries a canary, and the map says who may see it.

A canary is a made-up word that appears nowhere else: a Latin one (``Qz`` + four consonants),
an Arabic one (``ظغ`` + four letters that Arabic normalisation leaves alone, so a search that
folds alef, taa marbuta or yaa cannot turn it into another word) and a digit one (national IDs,
phone numbers). Each is registered with the record and field it was written into and the rule
that decides who may read it (level, team, permission), so a failure names what leaked.

Records are seeded in *tiers* that differ only by protection:

* ``R`` restricted, no team (legal officers and administrators);
* ``A`` confidential, limited to team A;
* ``B`` internal, limited to team B;
* ``C`` confidential, no team;
* ``I`` internal, no team: the *hub* every signed-in persona can open, linked to records of the
  other tiers (a restricted victim of an internal incident, an internal commander of a restricted
  unit, an internal witness supporting a restricted incident, an internal source list whose
  record is linked to a confidential person, …) because related records are where leaks hide;
* ``P`` public: library documents the anonymous public may read (one cites a restricted one).
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mizan.accounts.models import User
from mizan.accounts.services import user_create
from mizan.core.models import Place, Site, Team, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity

PASSWORD = "correct horse battery staple 42"

LATIN_DIGITS = "bcdfghjklmnprstvwxy"  # no q or z: a canary cannot start inside another
ARABIC_DIGITS = "بتثجحخدذرزسشصضطعفقكلمنهوي"  # no ظ or غ; nothing normalisation rewrites
# Canaries stand as words of their own: without the boundaries a random token on a page (a
# CSRF token, a CSP nonce, an upload id: 60-odd random letters each) now and then holds
# "qz" and four consonants, and the crawl failed on a leak that was not there.
LATIN_RE = re.compile(r"(?<![a-z0-9])qz[" + LATIN_DIGITS + r"]{4}(?![a-z0-9])", re.IGNORECASE)
ARABIC_RE = re.compile(r"ظغ[" + ARABIC_DIGITS + r"]{4}")
DIGIT_RE = re.compile(r"(?<!\d)73\d{6}19(?!\d)")
# Control tokens: shaped like canaries, never seeded, used to count how often a page echoes
# what was typed into a form (an echo of the query is not a leak).
CONTROL = {"latin": "Qzzzzz", "arabic": "ظغظظظظ", "digits": "7399999919"}


@dataclass(frozen=True)
class Rule:
    """Who may read a canary: clearance ``level``, membership of ``team`` (None: any team),
    and ``perm`` (a Django permission) when the field needs one."""

    level: int
    team: str | None = None
    perm: str | None = None

    def allows(self, persona: Persona) -> bool:
        if persona.clearance < self.level:
            return False
        if self.team is not None and not persona.superuser and self.team not in persona.teams:
            return False
        return self.perm is None or self.perm in persona.perms


@dataclass(frozen=True)
class Canary:
    token: str
    record: str  # "Person V/R" (model, role in the seed, tier)
    field: str
    rule: Rule
    shape: str  # latin, arabic, digits
    probe: bool  # typed into every search box by the crawl


@dataclass
class Persona:
    name: str
    user: User | None
    clearance: int
    teams: frozenset[str]
    superuser: bool = False
    perms: frozenset[str] = frozenset()


@dataclass
class World:
    canaries: dict[str, Canary] = field(default_factory=dict)
    literals: dict[str, Canary] = field(default_factory=dict)  # generated references
    records: dict[str, Any] = field(default_factory=dict)  # "Incident I" -> object
    personas: dict[str, Persona] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    _latin: Any = field(default_factory=lambda: itertools.product(LATIN_DIGITS, repeat=4))
    _arabic: Any = field(default_factory=lambda: itertools.product(ARABIC_DIGITS, repeat=4))
    _digits: Any = field(default_factory=lambda: itertools.count(1))

    def token(self, shape: str, record: str, name: str, rule: Rule, *, probe: bool = False) -> str:
        if shape == "latin":
            token = "Qz" + "".join(next(self._latin))
        elif shape == "arabic":
            token = "ظغ" + "".join(next(self._arabic))
        else:
            token = f"73{next(self._digits):06d}19"
        self.canaries[token.lower() if shape == "latin" else token] = Canary(
            token, record, name, rule, shape, probe
        )
        return token

    def lat(self, record: str, name: str, rule: Rule, *, probe: bool = False) -> str:
        return self.token("latin", record, name, rule, probe=probe)

    def ar(self, record: str, name: str, rule: Rule, *, probe: bool = False) -> str:
        return self.token("arabic", record, name, rule, probe=probe)

    def num(self, record: str, name: str, rule: Rule, *, probe: bool = False) -> str:
        return self.token("digits", record, name, rule, probe=probe)

    def text(self, record: str, name: str, rule: Rule) -> str:
        """A sentence with a Latin and an Arabic canary, for notes and narratives."""
        return f"Note {self.lat(record, name, rule)} — ملاحظة {self.ar(record, name, rule)}."

    def literal(self, token: str, record: str, name: str, rule: Rule) -> None:
        self.literals[token] = Canary(token, record, name, rule, "literal", True)

    def find(self, text: str) -> dict[str, int]:
        """Every canary in ``text``, with how often it occurs."""
        found: dict[str, int] = {}
        for regex in (LATIN_RE, ARABIC_RE, DIGIT_RE):
            for match in regex.finditer(text):
                key = match.group(0)
                key = key.lower() if regex is LATIN_RE else key
                if key in self.canaries:
                    found[key] = found.get(key, 0) + 1
        for token in self.literals:
            if token in text:
                found[token] = text.count(token)
        return found

    def canary(self, key: str) -> Canary:
        return self.canaries.get(key) or self.literals[key]


TIERS: dict[str, tuple[int, str | None]] = {
    "R": (Sensitivity.RESTRICTED, None),
    "A": (Sensitivity.CONFIDENTIAL, "team-a"),
    "B": (Sensitivity.INTERNAL, "team-b"),
    "C": (Sensitivity.CONFIDENTIAL, None),
    "I": (Sensitivity.INTERNAL, None),
}

NAME_PARTS = ("first_name", "father_name", "grandfather_name", "family_name", "mother_name")


def _term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


def _person(
    world: World,
    key: str,
    level: int,
    team: str | None,
    *,
    identity: int | None = None,
) -> Any:
    """A person whose every name part, pseudonym, national ID and occupation is a canary.

    The name is readable at ``max(level, identity)``; the pseudonym, at the person's level (a
    pseudonym shown where the person is out of reach reveals that a protected witness exists).
    """
    from mizan.cases import services

    record = f"Person {key}"
    identity = level if identity is None else identity
    name_rule = Rule(max(level, identity), team)
    rule = Rule(level, team)
    data: dict[str, Any] = {}
    for part in NAME_PARTS:
        data[f"{part}_lat"] = world.lat(
            record, f"{part}_lat", name_rule, probe=part == "first_name"
        )
        data[f"{part}_ar"] = world.ar(record, f"{part}_ar", name_rule, probe=part == "family_name")
    data["name_as_written"] = world.lat(record, "name_as_written", name_rule)
    data["national_id"] = world.num(record, "national_id", name_rule, probe=True)
    data["pseudonym"] = world.lat(record, "pseudonym", rule)
    data["occupation"] = world.lat(record, "occupation", name_rule)
    data["sensitivity"] = level
    data["identity_sensitivity"] = identity
    data["team"] = world.teams[team] if team else None
    data["sex"] = _term("sex", "female")
    person = services.person_create(actor=None, data=data)
    world.records[record] = person
    return person


def _site(world: World, key: str, level: int, team: str | None, site_type: str) -> Site:
    record = f"Site {key}"
    rule = Rule(level, team)
    site = Site.objects.create(
        name_en=world.lat(record, "name_en", rule, probe=True),
        name_ar=world.ar(record, "name_ar", rule, probe=True),
        site_type=_term("site_type", site_type),
        place=world.records["place"],
        sensitivity=level,
        team=world.teams[team] if team else None,
    )
    world.records[record] = site
    return site


def _unit(world: World, key: str, level: int, team: str | None, **extra: Any) -> Any:
    from mizan.cases import services

    record = f"Unit {key}"
    rule = Rule(level, team)
    unit = services.organisation_create(
        actor=None,
        data={
            "name_en": world.lat(record, "name_en", rule, probe=True),
            "name_ar": world.ar(record, "name_ar", rule, probe=True),
            "description": world.text(record, "description", rule),
            "sensitivity": level,
            "team": world.teams[team] if team else None,
            **extra,
        },
    )
    world.records[record] = unit
    return unit


def _with_person_rule(world: World, rule: Rule, person: Any) -> Rule:
    """The stricter of ``rule`` and the rule of the seeded ``person``'s tier."""
    name = next((key for key, obj in world.records.items() if obj is person), "")
    tier = name.rsplit(" ", 1)[-1]
    if tier not in TIERS:
        return rule
    level, team = TIERS[tier]
    return Rule(max(rule.level, level), team or rule.team, rule.perm)


def _incident(
    world: World,
    key: str,
    level: int,
    team: str | None,
    victims: list[Any],
    perpetrators: list[Any],
    witnesses: list[Any],
) -> Any:
    from mizan.cases import services
    from mizan.cases.models import Act, Incident

    record = f"Incident {key}"
    rule = Rule(level, team)
    incident = services.incident_record(
        actor=None,
        incident={
            "title_en": world.lat(record, "title_en", rule, probe=True),
            "title_ar": world.ar(record, "title_ar", rule, probe=True),
            "narrative_en": world.text(record, "narrative_en", rule),
            "narrative_ar": world.text(record, "narrative_ar", rule),
            "sensitivity": level,
            "team": world.teams[team] if team else None,
            "place": world.records["place"],
        },
        victims=[
            services.VictimAct(
                act_type="torture",
                person=victim,
                steps_taken=world.text(record, "act.steps_taken", rule),
                site_id=world.records[f"Site {key}"].pk if f"Site {key}" in world.records else None,
                start_date=PartialDate(2013, 4),
                torture_methods=["beating"],
            )
            for victim in victims
        ],
        perpetrators=[
            services.Perpetrator(degree="ordered", unit=p)
            if p.__class__.__name__ == "Organisation"
            else services.Perpetrator(degree="direct_perpetrator", person=p)
            for p in perpetrators
        ],
        sources=[
            services.SourceEntry(
                source_type="witness",
                person=witness,
                # A source is shown only to who may see its witness's record too (a source
                # whose witness is out of reach is left out whole): its text follows both rules.
                description=world.text(
                    f"Source {key}", "description", _with_person_rule(world, rule, witness)
                ),
            )
            for witness in witnesses
        ],
    )
    reference = "INC-" + world.lat(record, "reference", rule, probe=True)
    Incident.objects.filter(pk=incident.pk).update(reference=reference)
    incident.refresh_from_db()
    Act.objects.filter(incident=incident).update(notes=world.text(record, "act.notes", rule))
    world.records[record] = incident
    return incident


def _tier(world: World, tier: str) -> None:
    """One complete set of records at one tier's protection."""
    from mizan.cases.models import CaseFile, Command
    from mizan.evidence.services import Provenance, item_ingest
    from mizan.missing import services as missing
    from mizan.missing.models import SourceRecord

    level, team = TIERS[tier]
    rule = Rule(level, team)
    team_obj = world.teams[team] if team else None
    site = _site(world, tier, level, team, "detention_facility")
    grave = _site(world, f"grave {tier}", level, team, "mass_grave")
    unit = _unit(world, tier, level, team, site=site)
    victim = _person(world, f"victim {tier}", level, team)
    perpetrator = _person(world, f"perpetrator {tier}", level, team)
    witness = _person(world, f"witness {tier}", level, team, identity=Sensitivity.RESTRICTED)
    commander = _person(world, f"commander {tier}", level, team)
    Command.objects.create(organisation=unit, commander=commander)
    incident = _incident(world, tier, level, team, [victim], [unit, perpetrator], [witness])

    record = f"CaseFile {tier}"
    case_file = CaseFile.objects.create(
        reference="CF-" + world.lat(record, "reference", rule, probe=True),
        title=world.lat(record, "title", rule, probe=True),
        purpose=world.text(record, "purpose", rule),
        sensitivity=level,
        team=team_obj,
    )
    case_file.incidents.add(incident)
    case_file.persons.add(victim)
    case_file.sources.add(*incident.sources.all())
    world.records[record] = case_file

    # The registry of the missing: a file, a relative with contact details, a report, a contact.
    missing_person = _person(world, f"missing {tier}", level, team)
    record = f"MissingPerson {tier}"
    file = missing.missing_person_create(
        actor=None,
        data={
            "sensitivity": level,
            "team": team_obj,
            "circumstances": world.text(record, "circumstances", rule),
            "disappeared_at": world.records["place"],
        },
        person=missing_person,
        source_description=world.text(record, "status.source_description", rule),
    )
    file.reference = "MP-" + world.lat(record, "reference", rule, probe=True)
    file.save(update_fields=["reference"])
    world.records[record] = file
    missing.status_change_record(
        actor=None,
        missing_person=file,
        status="detained",
        facility=site,
        note=world.text(record, "status.note", rule),
    )
    relative_person = _person(world, f"relative {tier}", level, team)
    contact = Rule(max(level, Sensitivity.CONFIDENTIAL), team, "missing.view_contact_details")
    record = f"Relative {tier}"
    relative = missing.relative_add(
        actor=None,
        missing_person=file,
        relationship="mother",
        person=relative_person,
        contact={
            "phone": "+963 " + world.num(record, "phone", contact, probe=True),
            "email": world.lat(record, "email", contact) + "@example.org",
            "address": world.text(record, "address", contact),
            "contact_notes": world.text(record, "contact_notes", contact),
        },
    )
    world.records[record] = relative
    missing.family_report_add(
        actor=None,
        missing_person=file,
        data={
            "reported_by": relative,
            "account": world.text(f"FamilyReport {tier}", "account", rule),
            # A family report records what the family allowed (at least one scope).
            "consent_scopes": [_term("consent_scope", "internal_use")],
        },
    )
    missing.family_contact_add(
        actor=None,
        missing_person=file,
        data={
            "relative": relative,
            "kind": "meeting",
            "date": date(2024, 5, 1),
            "summary": world.text(f"FamilyContact {tier}", "summary", rule),
            "follow_up": world.text(f"FamilyContact {tier}", "follow_up", rule),
        },
    )

    # A source list with one record, and a mass-grave document.
    record = f"SourceList {tier}"
    source_list = missing.source_list_create(
        actor=None,
        data={
            "name": world.lat(record, "name", rule, probe=True),
            "origin": "families",
            "origin_detail": world.text(record, "origin_detail", rule),
            "description": world.text(record, "description", rule),
            "sensitivity": level,
            "team": team_obj,
        },
    )
    source_list.file_name = world.lat(record, "file_name", rule) + ".csv"
    source_list.save(update_fields=["file_name"])
    world.records[record] = source_list
    record = f"SourceRecord {tier}"
    row = {
        "record_id": world.lat(record, "record_id", rule),
        "full_name": f"{world.lat(record, 'full_name', rule, probe=True)} "
        f"{world.ar(record, 'full_name_ar', rule, probe=True)}",
        "first_name": world.ar(record, "first_name", rule),
        "father_name": world.ar(record, "father_name", rule),
        "grandfather_name": world.ar(record, "grandfather_name", rule),
        "family_name": world.ar(record, "family_name", rule),
        "mother_name": world.ar(record, "mother_name", rule),
        "birth_place": world.lat(record, "birth_place", rule),
        "national_id": world.num(record, "national_id", rule, probe=True),
        "place_of_arrest": world.lat(record, "place_of_arrest", rule),
    }
    world.records[record] = SourceRecord.objects.create(
        source_list=source_list,
        row_number=2,
        raw={**row, "notes": world.lat(record, "raw.notes", rule)},
        **row,
    )
    record = f"GraveDocument {tier}"
    world.records[record] = missing.grave_document_create(
        actor=None,
        data={
            "site": grave,
            "title": world.lat(record, "title", rule, probe=True),
            "evidence_reference": world.lat(record, "evidence_reference", rule),
            "notes": world.text(record, "notes", rule),
            "sensitivity": level,
            "team": team_obj,
        },
    )

    # An evidence item whose file name, title, provenance and content carry canaries.
    record = f"Item {tier}"
    content = (
        f"evidence content {world.lat(record, 'content', rule)} "
        f"{world.ar(record, 'content_ar', rule)}"
    )
    item = item_ingest(
        io.BytesIO(content.encode()),
        filename=world.lat(record, "filename", rule, probe=True) + ".txt",
        actor=None,
        title=world.lat(record, "title", rule, probe=True),
        note=world.text(record, "note", rule),
        provenance=Provenance(
            collected_by=world.lat(record, "collected_by", rule),
            collected_from=world.lat(record, "collected_from", rule),
            collection_method=world.lat(record, "collection_method", rule),
            source_text=world.lat(record, "source_text", rule),
        ),
        sensitivity=level,
        team=team_obj,
        case_files=[case_file],
    ).item
    item.incidents.add(incident)
    item.persons.add(victim)
    world.literal(item.reference, record, "reference", rule)
    world.records[record] = item

    _library(world, tier, level, team)
    _activity(world, tier, level, team)
    _accountability(world, tier, level, team, case_file, item)


def _activity(world: World, tier: str, level: int, team: str | None) -> Any:
    """An activity whose title, summary and speakers carry canaries, with one participant on its
    attendance list: the name is confidential at least, whatever the activity's level."""
    from mizan.activities import services as activities
    from mizan.core.partial_dates import PartialDate

    record = f"Activity {tier}"
    rule = Rule(level, team)
    activity = activities.activity_create(
        actor=None,
        data={
            "activity_type": _term("activity_type", "focused_meeting"),
            "title_en": world.lat(record, "title_en", rule, probe=True),
            "title_ar": world.ar(record, "title_ar", rule, probe=True),
            "summary_en": world.text(record, "summary_en", rule),
            "facilitators": world.lat(record, "facilitators", rule),
            "start_date": PartialDate(2024, 5, 1),
            "place": world.records["place"],
            "sensitivity": level,
            "team": world.teams[team] if team else None,
        },
    )
    world.literal(activity.reference, record, "reference", rule)
    world.records[record] = activity
    record = f"Participant {tier}"
    name_rule = Rule(max(level, Sensitivity.CONFIDENTIAL), team)
    activities.participant_add(
        actor=None,
        activity=activity,
        data={
            "full_name_ar": f"{world.ar(record, 'first_name_ar', name_rule, probe=True)} "
            f"{world.ar(record, 'family_name_ar', name_rule)}",
            "full_name_lat": f"{world.lat(record, 'first_name_lat', name_rule, probe=True)} "
            f"{world.lat(record, 'family_name_lat', name_rule)}",
            "sex": "female",
            "consent": True,
        },
    )
    return activity


def _accountability(
    world: World, tier: str, level: int, team: str | None, case_file: Any, item: Any
) -> None:
    """A submission of the tier's case file and item, with its status history and the
    recipient's reference, and a proceeding with a hearing and a decision."""
    from mizan.accountability import services as accountability
    from mizan.evidence.models import Recipient

    rule = Rule(level, team)
    team_obj = world.teams[team] if team else None
    recipient, _created = Recipient.objects.get_or_create(
        name="Crawl prosecutor", defaults={"category": _term("recipient_category", "icc_otp")}
    )
    record = f"Submission {tier}"
    submission = accountability.submission_create(
        actor=None,
        data={
            "title": world.lat(record, "title", rule, probe=True),
            "summary": world.text(record, "summary", rule),
            "recipient": recipient,
            "sensitivity": level,
            "team": team_obj,
        },
        case_files=[case_file],
        items=[item],
        status="sent",
        status_on=date(2024, 1, 2),
        source=world.lat(record, "source", rule),
    )
    accountability.status_record(
        actor=None,
        submission=submission,
        status="registered",
        on=date(2024, 2, 3),
        source=world.lat(record, "registered source", rule),
        recipient_reference="OTP-" + world.lat(record, "recipient_reference", rule, probe=True),
    )
    world.literal(submission.reference, record, "reference", rule)
    world.records[record] = submission
    record = f"Proceeding {tier}"
    proceeding = accountability.proceeding_create(
        actor=None,
        data={
            "jurisdiction": "France",
            "court": world.lat(record, "court", rule),
            "case_name": world.lat(record, "case_name", rule, probe=True),
            "case_number": world.lat(record, "case_number", rule, probe=True),
            "opened_on": date(2024, 1, 1),
            "summary": world.text(record, "summary", rule),
            "sensitivity": level,
            "team": team_obj,
            "case_files": [case_file],
            "submissions": [submission],
        },
    )
    accountability.hearing_add(
        actor=None,
        proceeding=proceeding,
        data={
            "held_on": date(2024, 3, 4),
            "notes_ar": world.ar(record, "notes_ar", rule),
            "notes_en": world.text(record, "notes_en", rule),
        },
    )
    world.records[record] = proceeding


def _library(world: World, tier: str, level: int, team: str | None) -> Any:
    from mizan.library import services as library

    record = f"Document {tier}"
    rule = Rule(level, team)
    document = library.document_create(
        actor=None,
        data={
            "title_en": world.lat(record, "title_en", rule, probe=True),
            "title_ar": world.ar(record, "title_ar", rule, probe=True),
            "authors": world.lat(record, "authors", rule),
            "abstract_en": world.text(record, "abstract_en", rule),
            "abstract_ar": world.text(record, "abstract_ar", rule),
            "source_note": world.lat(record, "source_note", rule),
            "symbol": "S/" + world.lat(record, "symbol", rule, probe=True),
            "sensitivity": level,
            "team": world.teams[team] if team else None,
        },
    )
    library.version_add(
        actor=None,
        document=document,
        language="en",
        stream=io.BytesIO(f"The text of {world.lat(record, 'text', rule, probe=True)}.".encode()),
        original_name=world.lat(record, "original_name", rule) + ".txt",
        extraction="inline",
    )
    world.records[record] = document
    return document


def _hub_links(world: World) -> None:
    """Link the internal hub (tier I) to records of every other tier: the pages of visible
    records are where related records out of reach can surface."""
    from mizan.cases import services
    from mizan.cases.models import Command, Source
    from mizan.library.models import DocumentRelation
    from mizan.missing import services as missing
    from mizan.missing.models import SourceRecord

    hidden = ["R", "A", "B", "C"]
    records = world.records
    # An internal incident whose victims, perpetrators and witnesses are out of reach.
    hub = _incident(
        world,
        "hub",
        Sensitivity.INTERNAL,
        None,
        [records[f"Person victim {t}"] for t in hidden],
        [records[f"Unit {t}"] for t in hidden]
        + [records[f"Person perpetrator {t}"] for t in hidden],
        [records[f"Person witness {t}"] for t in hidden],
    )
    world.records["Incident hub"] = hub
    internal = records["Person commander I"]
    witness = records["Person witness I"]
    for t in hidden:
        # An internal person who commanded units out of reach; an internal witness's source
        # supporting incidents out of reach.
        Command.objects.create(organisation=records[f"Unit {t}"], commander=internal)
        source = Source.objects.create(
            source_type=_term("source_type", "witness"),
            person=witness,
            # Readable only with the incident it is about: shown nowhere else.
            description=world.text(f"Source witness I for {t}", "description", Rule(*TIERS[t])),
            sensitivity=Sensitivity.INTERNAL,
        )
        source.incidents.add(records[f"Incident {t}"])
        # The internal case file and evidence item list incidents and persons out of reach.
        records["CaseFile I"].incidents.add(records[f"Incident {t}"])
        records["CaseFile I"].persons.add(records[f"Person victim {t}"])
        records["Item I"].incidents.add(records[f"Incident {t}"])
        records["Item I"].persons.add(records[f"Person victim {t}"])
        records["Item I"].case_files.add(records[f"CaseFile {t}"])
        # The internal source list's record was linked (by the review) to a person out of
        # reach: the row names that person and gives their national ID.
        person = records[f"Person missing {t}"]
        SourceRecord.objects.create(
            source_list=records["SourceList I"],
            row_number=3 + hidden.index(t),
            record_id=f"hub-{t}",
            full_name=f"{person.full_name_lat} {person.full_name_ar}",
            first_name=person.first_name_ar,
            family_name=person.family_name_ar,
            national_id=person.national_id,
            person=person,
        )
        # The internal missing file was seen detained in facilities out of reach.
        missing.status_change_record(
            actor=None,
            missing_person=records["MissingPerson I"],
            status="detained",
            facility=records[f"Site {t}"],
        )
    # The internal submission holds case files and items out of reach; the internal proceeding
    # names accused persons, units and victims out of reach and feeds on hidden submissions.
    for t in hidden:
        records["Submission I"].case_files.add(records[f"CaseFile {t}"])
        records["Submission I"].items.add(records[f"Item {t}"])
        records["Proceeding I"].accused.add(records[f"Person perpetrator {t}"])
        records["Proceeding I"].victims.add(records[f"Person victim {t}"])
        records["Proceeding I"].units.add(records[f"Unit {t}"])
        records["Proceeding I"].case_files.add(records[f"CaseFile {t}"])
        records["Proceeding I"].submissions.add(records[f"Submission {t}"])
    # An internal unit whose parent and site are restricted.
    _unit(
        world, "hub", Sensitivity.INTERNAL, None, parent=records["Unit R"], site=records["Site R"]
    )
    services.person_update(
        actor=None, person=records["Person victim I"], data={"birth_place": records["place"]}
    )
    # Consent to share with UN bodies for team A's victim: the acts of that victim (in incident
    # A and in the internal hub incident) can be rendered as PDF submissions.
    services.consent_record(actor=None, person=records["Person victim A"], scope="un_bodies")
    # Public library documents, one citing an internal and a restricted document.
    public = _library(world, "P", Sensitivity.PUBLIC, None)
    for t in ("I", "R", "A"):
        DocumentRelation.objects.create(
            source=public, kind="cites", target=records[f"Document {t}"]
        )
        DocumentRelation.objects.create(
            source=records[f"Document {t}"], kind="cites", target=public
        )


PERSONAS: dict[str, tuple[str | None, tuple[str, ...], bool]] = {
    # persona: (role, teams, superuser)
    "anonymous": (None, (), False),
    "viewer": ("viewer", (), False),
    "researcher": ("researcher", (), False),
    "documenter_a": ("documenter", ("team-a",), False),
    "documenter_b": ("documenter", ("team-b",), False),
    "missing_officer": ("missing_persons_officer", (), False),
    "legal_officer": ("legal_officer", (), False),
    "administrator": ("administrator", (), True),
}


def seed_world() -> World:
    """Seed every tier, the hub's links and the personas; return the canary map."""
    world = World()
    world.teams = {
        "team-a": Team.objects.get_or_create(slug="team-a", defaults={"name_en": "Team A"})[0],
        "team-b": Team.objects.get_or_create(slug="team-b", defaults={"name_en": "Team B"})[0],
    }
    world.records["place"] = Place.objects.filter(kind="town").order_by("code").first()
    for tier in TIERS:
        _tier(world, tier)
    _hub_links(world)
    for name, (role, teams, superuser) in PERSONAS.items():
        if role is None:
            world.personas[name] = Persona(name, None, Sensitivity.PUBLIC, frozenset())
            continue
        user = user_create(
            actor=None,
            username=f"crawl_{name}",
            password=PASSWORD,
            role=role,
            teams=[world.teams[t] for t in teams],
            is_superuser=superuser,
        )
        user = User.objects.get(pk=user.pk)
        perms = frozenset(user.get_all_permissions())
        world.personas[name] = Persona(
            name,
            user,
            Sensitivity.RESTRICTED if superuser else int(user.clearance),
            frozenset(teams),
            superuser,
            perms,
        )
    return world
