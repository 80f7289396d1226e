"""Fill the database with a large synthetic documentation set for the issue 3 benchmark.

Why not the services: ``incident_record`` and ``person_create`` validate and audit every row,
which is right for real data and would take hours for 100,000 incidents. This script writes
with ``bulk_create`` in batches instead, but derives everything the pages rely on with the same
code the services use (``person_search_text``, ``person_keys`` for the suggestion index, the
incident's governorate from its place), so list filters and name suggestions see realistic data.

Everyone is synthetic (``mizan.cases.synthetic``); vocabularies and places come from the
reference data that ``migrate`` loads. Memory stays bounded: rows are built and written a batch
at a time; only ids and a few small integers per incident are kept.

    mizan manage migrate
    python -m bench.cases_generate --incidents 100000 --persons 300000 --acts 400000
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SENSITIVITY_MIX = ((1, 60), (2, 30), (3, 10))  # internal 60 %, confidential 30 %, restricted 10 %
TEAM_SHARE = 0.01  # "a few" records limited to a case team
AGE_MIX = (("adult", 70), ("child", 12), ("elderly", 5), ("unknown", 13))
UNITS = 300
# Most documented acts are arrests, detention, disappearance and torture; the rest of the
# vocabulary is drawn evenly, so filters see a realistic selectivity.
COMMON_ACTS = (
    "arrest",
    "arbitrary_detention",
    "enforced_disappearance",
    "torture",
    "torture",
    "death_in_custody",
    "extrajudicial_killing",
)


@dataclass
class Progress:
    """Prints rows written and the rate, so a long run shows it is alive and how fast it goes."""

    what: str
    total: int
    done: int = 0
    started: float = 0.0

    def __post_init__(self) -> None:
        self.started = time.perf_counter()

    def add(self, rows: int) -> None:
        self.done += rows
        elapsed = time.perf_counter() - self.started
        print(
            f"  {self.what}: {self.done:>9,}/{self.total:,}  ({self.done / elapsed:,.0f} rows/s)",
            flush=True,
        )

    def finish(self) -> float:
        elapsed = time.perf_counter() - self.started
        print(f"{self.what}: {self.done:,} rows in {elapsed:.1f} s", flush=True)
        return elapsed


def batched(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def weighted(rng: random.Random, mix: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([value for value, _ in mix], weights=[w for _, w in mix])[0]


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()


def generate(args: argparse.Namespace) -> dict[str, float]:
    """Write units, persons (with name keys), incidents, acts, involvements and sources."""
    from django.db import connection, transaction

    from mizan.cases import synthetic
    from mizan.cases.models import (
        Act,
        Incident,
        Involvement,
        Organisation,
        Person,
        PersonNameKey,
        Source,
    )
    from mizan.cases.services import person_keys, person_search_text
    from mizan.core.models import Place, Team, Term
    from mizan.core.partial_dates import PartialDate
    from mizan.text import normalise_for_search

    rng = random.Random(args.seed)
    size = args.batch
    timings: dict[str, float] = {}

    if Incident.objects.exists():
        raise SystemExit("The database already holds incidents; generate into a fresh one.")

    def terms(vocabulary: str) -> dict[str, int]:
        return dict(Term.objects.filter(vocabulary=vocabulary).values_list("code", "pk"))

    act_types = list(terms("act_type").items())
    statuses = list(terms("act_status").values())
    degrees = list(terms("involvement_degree").values())
    source_types = list(terms("source_type").values())
    org_types = list(terms("org_type").values())
    torture_methods = list(terms("torture_method").values())
    sexes = terms("sex")
    places = {p.pk: p for p in Place.objects.all()}

    def governorate_of(place: Place) -> int | None:
        node: Place | None = place
        while node is not None and node.kind != Place.Kind.GOVERNORATE:
            node = places.get(node.parent_id) if node.parent_id else None
        return node.pk if node else None

    towns = [(p.pk, governorate_of(p)) for p in places.values() if p.kind == Place.Kind.TOWN]
    team, _ = Team.objects.get_or_create(
        slug="bench-team", defaults={"name_en": "Benchmark team", "name_ar": "فريق القياس"}
    )

    def sensitivity_and_team() -> tuple[int, int | None]:
        return weighted(rng, SENSITIVITY_MIX), (team.pk if rng.random() < TEAM_SHARE else None)

    def timed(name: str, step: Callable[[], None]) -> None:
        started = time.perf_counter()
        step()
        timings[name] = time.perf_counter() - started

    # --- Units: a few dozen directorates, the rest branches under them ------------------------
    unit_ids: list[int] = []

    def make_units() -> None:
        with transaction.atomic():
            heads = []
            for number in range(UNITS // 10):
                name_en, name_ar = f"Directorate {number + 1}", f"الإدارة {number + 1}"
                heads.append(
                    Organisation(
                        name_en=name_en,
                        name_ar=name_ar,
                        org_type_id=rng.choice(org_types),
                        sensitivity=1,
                        search_key=normalise_for_search(f"{name_ar} {name_en}"),
                    )
                )
            Organisation.objects.bulk_create(heads)
            branches = []
            for number in range(UNITS - len(heads)):
                name_en, name_ar = f"Branch {number + 100}", f"الفرع {number + 100}"
                sensitivity, team_id = sensitivity_and_team()
                branches.append(
                    Organisation(
                        name_en=name_en,
                        name_ar=name_ar,
                        org_type_id=rng.choice(org_types),
                        parent=rng.choice(heads),
                        sensitivity=min(sensitivity, 2),
                        team_id=team_id,
                        search_key=normalise_for_search(f"{name_ar} {name_en}"),
                    )
                )
            Organisation.objects.bulk_create(branches)
        unit_ids.extend(u.pk for u in [*heads, *branches])
        print(f"units: {len(unit_ids)}", flush=True)

    timed("units", make_units)

    # --- Persons and their phonetic name keys -------------------------------------------------
    # Names repeat (a few thousand combinations), so the keys of a combination are computed
    # once by the services' own functions and reused.
    @lru_cache(maxsize=200_000)
    def keys_and_text(names: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        person = Person(**dict(zip(NAME_FIELDS, names, strict=True)))
        return tuple(sorted(person_keys(person))), person_search_text(person)

    person_ids: list[int] = []

    sex_of: dict[int, int | None] = {}  # copied onto each act as Act.victim_sex

    def make_persons() -> None:
        progress = Progress("persons", args.persons)
        for chunk in batched(args.persons, size):
            people: list[Person] = []
            keys: list[tuple[str, ...]] = []
            for _ in chunk:
                who = synthetic.person(rng)
                names = (
                    who.first_ar,
                    who.father_ar,
                    who.grandfather_ar,
                    who.family_ar,
                    who.mother_ar,
                    who.first_lat,
                    who.father_lat,
                    who.family_lat,
                )
                person_keys_, search_key = keys_and_text(names)
                sensitivity, team_id = sensitivity_and_team()
                people.append(
                    Person(
                        **dict(zip(NAME_FIELDS, names, strict=True)),
                        sex_id=sexes[who.sex],
                        birth_date=PartialDate(who.birth_year) if rng.random() < 0.5 else None,
                        sensitivity=sensitivity,
                        identity_sensitivity=3 if rng.random() < 0.02 else 1,
                        team_id=team_id,
                        search_key=search_key,
                    )
                )
                keys.append(person_keys_)
            with transaction.atomic():
                Person.objects.bulk_create(people)
                PersonNameKey.objects.bulk_create(
                    [
                        PersonNameKey(person_id=p.pk, key=key)
                        for p, person_key_set in zip(people, keys, strict=True)
                        for key in person_key_set
                    ]
                )
            person_ids.extend(p.pk for p in people)
            sex_of.update((p.pk, p.sex_id) for p in people)
            progress.add(len(people))
        timings["persons"] = progress.finish()

    make_persons()

    # --- Incidents ------------------------------------------------------------------------------
    incident_rows: list[tuple[int, int, int, int | None, int | None]] = []

    def incident_date() -> tuple[PartialDate, PartialDate | None]:
        year, month = rng.randint(2011, 2024), rng.randint(1, 12)
        roll = rng.random()
        if roll < 0.6:
            start = PartialDate(year, month, rng.randint(1, 28))
        elif roll < 0.9:
            start = PartialDate(year, month)
        else:
            start = PartialDate(year, approximate=True)
        end = PartialDate(min(year + rng.randint(0, 3), 2025)) if rng.random() < 0.2 else None
        return start, end

    def make_incidents() -> None:
        progress = Progress("incidents", args.incidents)
        for chunk in batched(args.incidents, size):
            batch: list[Incident] = []
            for number in chunk:
                start, end = incident_date()
                place_id, governorate_id = rng.choice(towns)
                sensitivity, team_id = sensitivity_and_team()
                batch.append(
                    Incident(
                        reference=f"BENCH-{number + 1:07d}",
                        title_ar=f"حادثة تجريبية رقم {number + 1}",
                        title_en=f"Synthetic incident {number + 1}",
                        narrative_en="Synthetic narrative for the benchmark.",
                        start_date=start,
                        end_date=end,
                        # bulk_create skips Incident.save(), which derives the sort key.
                        sort_key=start.to_storage().rstrip("~"),
                        place_id=place_id,
                        governorate_id=governorate_id,
                        sensitivity=sensitivity,
                        team_id=team_id,
                    )
                )
            with transaction.atomic():
                Incident.objects.bulk_create(batch)
            incident_rows.extend(
                (i.pk, i.start_date.year, i.sensitivity, i.team_id, i.place_id) for i in batch
            )
            progress.add(len(batch))
        timings["incidents"] = progress.finish()

    make_incidents()

    # --- Acts (≥ 1 per incident), their involvements and torture methods ----------------------
    extra = [0] * len(incident_rows)
    for _ in range(max(0, args.acts - len(incident_rows))):
        extra[rng.randrange(len(incident_rows))] += 1
    perpetrator_pool = person_ids[: max(1, len(person_ids) // 150)]
    act_ids_by_incident_sample: dict[int, list[int]] = {}
    act_type_ids = dict(act_types)
    torture_id = act_type_ids.get("torture")
    ThroughTM = Act.torture_methods.through

    def make_acts() -> None:
        progress = Progress("acts", args.acts)
        acts: list[Act] = []

        def flush() -> None:
            with transaction.atomic():
                Act.objects.bulk_create(acts)
                involvements = []
                methods: list[Any] = []
                for act in acts:
                    if rng.random() < 0.1:
                        perpetrator = {"perpetrator_person_id": rng.choice(perpetrator_pool)}
                    else:
                        perpetrator = {"perpetrator_unit_id": rng.choice(unit_ids)}
                    involvements.append(
                        Involvement(act_id=act.pk, degree_id=rng.choice(degrees), **perpetrator)
                    )
                    if act.act_type_id == torture_id:
                        methods.extend(
                            ThroughTM(act_id=act.pk, term_id=term)
                            for term in rng.sample(torture_methods, 2)
                        )
                    if act.incident_id in act_ids_by_incident_sample:
                        act_ids_by_incident_sample[act.incident_id].append(act.pk)
                Involvement.objects.bulk_create(involvements)
                ThroughTM.objects.bulk_create(methods)
            progress.add(len(acts))
            acts.clear()

        for index, (incident_id, year, _sens, _team, place_id) in enumerate(incident_rows):
            if rng.random() < 0.3:  # sources will link to these incidents' acts
                act_ids_by_incident_sample[incident_id] = []
            for _ in range(1 + extra[index]):
                act_type_id = (
                    act_type_ids[rng.choice(COMMON_ACTS)]
                    if rng.random() < 0.6
                    else rng.choice(act_types)[1]
                )
                victim_id = rng.choice(person_ids)
                acts.append(
                    Act(
                        incident_id=incident_id,
                        victim_id=victim_id,
                        victim_sex_id=sex_of[victim_id],
                        act_type_id=act_type_id,
                        start_date=PartialDate(year) if rng.random() < 0.5 else None,
                        place_id=place_id,
                        status_id=rng.choice(statuses) if rng.random() < 0.7 else None,
                        victim_age_group=weighted(rng, AGE_MIX),
                    )
                )
            if len(acts) >= size:
                flush()
        if acts:
            flush()
        timings["acts"] = progress.finish()

    make_acts()

    # --- Sources (~0.3 per incident) supporting the incident and its acts ---------------------
    def make_sources() -> None:
        by_incident = {row[0]: row for row in incident_rows}
        chosen = list(act_ids_by_incident_sample.items())
        progress = Progress("sources", len(chosen))
        ThroughIncident = Source.incidents.through
        ThroughAct = Source.acts.through
        for start in range(0, len(chosen), size):
            part = chosen[start : start + size]
            sources = []
            for incident_id, _acts in part:
                _pk, year, sensitivity, team_id, _place = by_incident[incident_id]
                sources.append(
                    Source(
                        source_type_id=rng.choice(source_types),
                        person_id=rng.choice(person_ids) if rng.random() < 0.5 else None,
                        description="Synthetic source.",
                        obtained_on=PartialDate(min(year + 1, 2025)),
                        reliability=rng.choice("ABCDEF"),
                        credibility=rng.randint(1, 6),
                        sensitivity=sensitivity,
                        team_id=team_id,
                    )
                )
            with transaction.atomic():
                Source.objects.bulk_create(sources)
                ThroughIncident.objects.bulk_create(
                    [
                        ThroughIncident(source_id=s.pk, incident_id=incident_id)
                        for s, (incident_id, _acts) in zip(sources, part, strict=True)
                    ]
                )
                ThroughAct.objects.bulk_create(
                    [
                        ThroughAct(source_id=s.pk, act_id=act_id)
                        for s, (_incident, act_ids) in zip(sources, part, strict=True)
                        for act_id in act_ids
                    ]
                )
            progress.add(len(sources))
        timings["sources"] = progress.finish()

    make_sources()

    # The statistics summary, which the services keep as they write and which bulk_create
    # bypasses (the same as `mizan manage rebuild_statistics`).
    def make_summary() -> None:
        from mizan.cases import tallies

        started = time.perf_counter()
        tallies.rebuild()
        timings["summary"] = time.perf_counter() - started

    make_summary()

    # Fresh planner statistics, as autovacuum (PostgreSQL) would gather soon after a load.
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM too, which sets the visibility map that index-only scans need.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    timings["analyze"] = time.perf_counter() - started
    return timings


NAME_FIELDS = (
    "first_name_ar",
    "father_name_ar",
    "grandfather_name_ar",
    "family_name_ar",
    "mother_name_ar",
    "first_name_lat",
    "father_name_lat",
    "family_name_lat",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--persons", type=int, default=300_000)
    parser.add_argument("--acts", type=int, default=400_000)
    parser.add_argument("--batch", type=int, default=5_000, help="rows per bulk_create")
    parser.add_argument("--seed", type=int, default=2011)
    args = parser.parse_args(argv)
    if args.acts < args.incidents:
        parser.error("every incident needs an act: --acts must be at least --incidents")
    _setup_django()
    started = time.perf_counter()
    timings = generate(args)
    total = time.perf_counter() - started
    summary = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
    print(f"generated in {total:.1f} s ({summary})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
