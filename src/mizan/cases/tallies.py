"""The statistics summary: acts counted per (incident sensitivity, team, dimension, value).

Why: the statistics page grouped every visible act six times per view (5.8 s on SQLite, 2 s on
PostgreSQL at 400,000 acts). ``ActTally`` holds the same counts, split additionally by the
incident's sensitivity and team, so the page sums a few hundred rows filtered by the permission
layer's own rule. The victim's sex and age group are keyed by the incident's *and* the victim's
level and team (see ``_count``): they are the victim's data, not the incident's.

How it stays right: every service that writes something counted here takes a snapshot of the
counts of the incidents it touches, writes, takes a second snapshot and adds the difference, in
the same transaction (``kept_for``). One function (``_count``) computes both the snapshots and
the full recount (``rebuild``), so the two cannot drift apart; a property test checks that the
maintained table equals a fresh recount after random writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps as global_apps
from django.db import connection, transaction
from django.db.models import Count

TallyKey = tuple[int, int | None, str, str]  # sensitivity, team id, dimension, value


def _year(date: Any) -> str:
    return f"{date.year:04d}" if date is not None else ""


def _count(apps: Any = global_apps, incident_ids: Iterable[int] | None = None) -> Counter[TallyKey]:
    """Counts of the acts of ``incident_ids`` (of every incident when None)."""
    act_model = apps.get_model("cases", "Act")
    involvement_model = apps.get_model("cases", "Involvement")
    acts = act_model.objects.order_by()
    involvements = involvement_model.objects.order_by()
    if incident_ids is not None:
        ids = list(incident_ids)
        if not ids:
            return Counter()
        acts = acts.filter(incident_id__in=ids)
        involvements = involvements.filter(act__incident_id__in=ids)
    counts: Counter[TallyKey] = Counter()
    rows = acts.values_list(
        "incident__sensitivity",
        "incident__team_id",
        "act_type_id",
        "start_date",
        "incident__start_date",
        "incident__governorate_id",
        "victim_sex_id",
        "victim_age_group",
        "victim__sensitivity",
        "victim__team_id",
    )
    for (
        level,
        team,
        act_type,
        start,
        incident_start,
        governorate,
        sex,
        age,
        victim_level,
        victim_team,
    ) in rows.iterator(chunk_size=5000):
        counts[(level, team, "act_type", str(act_type))] += 1
        # An act without its own date counts in its incident's year; an undated one under ""
        # (shown as "Unknown"), so every dimension adds up to the same total.
        counts[(level, team, "year", _year(start) or _year(incident_start))] += 1
        counts[(level, team, "governorate", str(governorate or ""))] += 1
        # The victim's sex and age group are the victim's: counted only for who may see both
        # the incident and the victim (the higher level, the team of either), so a chart
        # compared with the victims one can see tells nothing of a hidden one. A victim of
        # another team than the incident's cannot be keyed by one team: counted as unknown.
        both_level = max(level, victim_level)
        if team is None or victim_team is None or team == victim_team:
            both_team = team if team is not None else victim_team
            counts[(both_level, both_team, "sex", str(sex or ""))] += 1
            counts[(both_level, both_team, "age_group", age or "")] += 1
        else:
            counts[(level, team, "sex", "")] += 1
            counts[(level, team, "age_group", "")] += 1
    # A unit counts an act once, however many involvements it has in it.
    units = (
        involvements.filter(perpetrator_unit__isnull=False)
        .values_list("act__incident__sensitivity", "act__incident__team_id", "perpetrator_unit_id")
        .annotate(n=Count("act_id", distinct=True))
    )
    for level, team, unit, n in units.iterator(chunk_size=5000):
        counts[(level, team, "unit", str(unit))] += n
    # Acts with no perpetrator unit recorded count under "" ("Unknown").
    no_unit = (
        acts.exclude(pk__in=involvements.filter(perpetrator_unit__isnull=False).values("act_id"))
        .values_list("incident__sensitivity", "incident__team_id")
        .annotate(n=Count("pk"))
    )
    for level, team, n in no_unit.iterator(chunk_size=5000):
        counts[(level, team, "unit", "")] += n
    return counts


def _upsert(apps: Any, delta: Counter[TallyKey]) -> None:
    """Add ``delta`` to the rows, creating missing ones, as one atomic statement per batch."""
    rows = [(key, n) for key, n in delta.items() if n]
    if not rows:
        return
    table = connection.ops.quote_name(apps.get_model("cases", "ActTally")._meta.db_table)
    # Only the quoted table name is formatted in; every value is a query parameter.
    columns = "(sensitivity, team_id, team_key, dimension, value, acts)"
    sql_head = f"INSERT INTO {table} {columns} VALUES "  # noqa: S608
    sql_tail = (
        " ON CONFLICT (sensitivity, team_key, dimension, value)"
        f" DO UPDATE SET acts = {table}.acts + excluded.acts"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            batch = rows[start : start + 500]
            params: list[Any] = []
            for (level, team, dimension, value), n in batch:
                params.extend([level, team, team or 0, dimension, value, n])
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
            cursor.execute(sql_head + values + sql_tail, params)


def difference(before: Counter[TallyKey], after: Counter[TallyKey]) -> Counter[TallyKey]:
    delta: Counter[TallyKey] = Counter(after)
    delta.subtract(before)
    return delta


@contextmanager
def kept_for(incident_ids: Iterable[int] = ()) -> Iterator[set[int]]:
    """Keep the tallies right across the writes in the ``with`` block.

    Pass the incidents the block will change; add the ids of incidents it creates to the set
    it yields. Must run inside the writing transaction, after the incidents are locked (see
    ``lock_incidents``), so that a concurrent write cannot slip between the two snapshots.
    """
    touched = set(incident_ids)
    before = _count(incident_ids=touched)
    yield touched
    _upsert(global_apps, difference(before, _count(incident_ids=touched)))


def lock_incidents(incident_ids: Iterable[int]) -> None:
    """Lock the incidents' rows until the transaction ends (PostgreSQL; SQLite has one writer)."""
    from mizan.cases.models import Incident

    ids = list(incident_ids)
    if ids:
        list(Incident.objects.select_for_update().filter(pk__in=ids).values_list("pk"))


def rebuild(apps: Any = global_apps) -> int:
    """Recount every act; returns the number of rows written. Atomic; blocks writers meanwhile."""
    tally = apps.get_model("cases", "ActTally")
    with transaction.atomic():
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(tally._meta.db_table)
            with connection.cursor() as cursor:
                # A writer's upsert waits until the recount is committed and then adds its own
                # change, which the recount did not see.
                cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        tally.objects.all().delete()
        counts = _count(apps)
        tally.objects.bulk_create(
            [
                tally(
                    sensitivity=level,
                    team_id=team,
                    team_key=team or 0,
                    dimension=dimension,
                    value=value,
                    acts=n,
                )
                for (level, team, dimension, value), n in counts.items()
                if n
            ],
            batch_size=1000,
        )
    return sum(1 for n in counts.values() if n)


def stored(apps: Any = global_apps) -> Counter[TallyKey]:
    """The maintained counts, without rows that went down to zero (for checks and tests)."""
    tally = apps.get_model("cases", "ActTally")
    return Counter(
        {
            (level, team, dimension, value): n
            for level, team, dimension, value, n in tally.objects.values_list(
                "sensitivity", "team_id", "dimension", "value", "acts"
            )
            if n
        }
    )


def recount() -> Counter[TallyKey]:
    return Counter({key: n for key, n in _count().items() if n})
