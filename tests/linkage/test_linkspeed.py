"""The scoring step finds its candidate pairs with one plain join per blocking rule
(``engine._candidate_pairs_sql``) instead of splink's rule-by-rule exclusions: the pairs, the
rule that finds each first, and so every weight and cluster must be splink's own."""

from __future__ import annotations

import logging
from typing import Any

import duckdb
import pytest

from mizan.linkage import engine
from mizan.linkage.model import default_model
from mizan.linkage.synthetic import generate


def _records() -> tuple[list[dict[str, str]], list[str]]:
    lists, _truth = generate(2500, seed=5)
    records: list[dict[str, str]] = []
    sources: list[str] = []
    for source, rows in lists.items():
        records += rows
        sources += [source] * len(rows)
    # Names in another order than their columns say, so that only the rule on two name words in
    # any parts (``name_pairs``, an exploded rule) pairs them; and a full name read both ways.
    for index, (first, father, family) in enumerate(
        (("جهاد", "سليمان", "عدنان"), ("سليمان", "عدنان", "جهاد"), ("عدنان", "جهاد", "سليمان"))
    ):
        records.append(
            {
                "record_id": f"ORDER{index}",
                "first_name": first,
                "father_name": father,
                "family_name": family,
                "birth_year": "1980",
            }
        )
        sources.append("order")
    for index in range(3):
        records.append({"record_id": f"FULL{index}", "full_name": "Hamwi Rana Khaled"})
        sources.append("order")
    return records, sources


def _splink_and_ours(records: list[dict[str, str]]) -> tuple[list[Any], list[Any]]:
    """Splink's blocked pairs and ours, on the rows ``link`` gives splink."""
    from splink import Linker

    rows = engine._columns(records, processes=1)
    columns = rows.columns
    columns["name_pairs"] = engine._name_pairs(columns, rows.record)
    db_api = engine._duckdb_api(None, 1)
    table = db_api.register(columns, dataset_display_name="records")
    settings = default_model().settings_for(len(rows.traits))
    linker = Linker(table, settings, log_level=logging.WARNING)
    theirs = linker.inference.compute_blocked_pairs_for_predict()
    connection = db_api.duckdb_con
    splink_pairs = connection.sql(
        f"SELECT match_key, join_key_l, join_key_r FROM {theirs.physical_name}"  # noqa: S608
    ).fetchall()
    sql = engine._candidate_pairs_sql(settings["blocking_rules_to_generate_predictions"], "records")
    assert sql is not None
    our_pairs = connection.sql(sql).fetchall()
    return splink_pairs, our_pairs


def test_the_candidate_pairs_are_splinks_blocked_pairs() -> None:
    records, _sources = _records()
    splink_pairs, our_pairs = _splink_and_ours(records)
    assert len(our_pairs) == len(set(our_pairs))  # each pair once
    assert sorted(our_pairs) == sorted(splink_pairs)
    # The input reaches the rules this must get right: a pair the exploded rule (the last) alone
    # finds, and pairs first found by a rule numbered 10 or more, whose key sorts before «2»
    # as text.
    rules = default_model().settings_for(len(records))["blocking_rules_to_generate_predictions"]
    keys = {key for key, _l, _r in our_pairs}
    assert str(len(rules) - 1) in keys
    assert any(int(key) >= 10 for key in keys)


def _rules(*conditions: str, exploded: str | None = None) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = [
        {"blocking_rule": condition, "sql_dialect": "duckdb"} for condition in conditions
    ]
    if exploded is not None:
        rules.append(
            {
                "blocking_rule": f'l."{exploded}" = r."{exploded}"',
                "sql_dialect": "duckdb",
                "arrays_to_explode": [exploded],
            }
        )
    return rules


def _pairs(rules: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    connection = duckdb.connect(":memory:")
    connection.execute(
        "CREATE TABLE records AS SELECT * FROM (VALUES"
        " (0, 'a', 1, ['x|y', 'y|z']),"
        " (1, 'a', 2, ['x|y', 'y|z']),"
        " (2, 'b', 1, ['y|z']),"
        " (3, 'c', 3, []),"
        " (4, NULL, 3, NULL)"
        ") AS t(unique_id, name, year, name_pairs)"
    )
    sql = engine._candidate_pairs_sql(rules, "records")
    assert sql is not None
    return sorted(connection.sql(sql).fetchall())


def test_a_pair_found_by_several_rules_is_kept_once_under_the_first() -> None:
    never = "l.unique_id < 0"
    # Rule 2 and rule 10 both pair records 0 and 1: the first, «2», not «10» (which sorts first
    # as text). Rule 11 pairs 0 with 2, and rule 12 pairs 3 with 4 and nothing else.
    conditions = [never] * 13
    conditions[2] = 'l."name" = r."name"'
    conditions[10] = 'l."name" = r."name"'
    conditions[11] = 'l."year" = r."year" AND l."name" <> r."name"'
    conditions[12] = 'l."year" = r."year" AND (l."name" IS NULL OR r."name" IS NULL)'
    assert _pairs(_rules(*conditions)) == [
        ("11", 0, 2),
        ("12", 3, 4),
        ("2", 0, 1),
    ]


def test_an_exploded_rule_pairs_records_sharing_any_element_once() -> None:
    # Records 0 and 1 share two elements: one pair. A record with no list or an empty one pairs
    # with nothing; rule 0 found 0 with 1 first.
    pairs = _pairs(_rules('l."name" = r."name"', exploded="name_pairs"))
    assert pairs == [("0", 0, 1), ("1", 0, 2), ("1", 1, 2)]


def test_a_rule_with_a_setting_it_does_not_read_is_left_to_splink() -> None:
    rules = _rules('l."name" = r."name"')
    rules[0]["salting_partitions"] = 4
    assert engine._candidate_pairs_sql(rules, "records") is None
    assert engine._candidate_pairs_sql([], "records") is None


def test_link_gives_splinks_weights_and_clusters(monkeypatch: pytest.MonkeyPatch) -> None:
    records, sources = _records()
    calls: list[str | None] = []
    ours = engine._candidate_pairs_sql

    def counted(rules: Any, table: str) -> str | None:
        sql = ours(rules, table)
        calls.append(sql)
        return sql

    monkeypatch.setattr(engine, "_candidate_pairs_sql", counted)
    faster = engine.link(records, sources=sources, keep_pairs_above=0.01, threads=2)
    assert calls and calls[0] is not None  # the candidate pairs were ours
    monkeypatch.setattr(engine, "_candidate_pairs_sql", lambda rules, table: None)
    splinks = engine.link(records, sources=sources, keep_pairs_above=0.01, threads=2)
    assert len(faster.pairs) > 1000
    assert faster.pairs == splinks.pairs  # the same pairs, to the last bit of every weight
    assert faster.clusters == splinks.clusters
