"""Migrations 0012 to 0017 compute the stored name keys again, on a database that has
persons, and are a no-op backwards: a database taken back and forward again ends with the keys
today's code gives (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mizan.cases import services
from mizan.cases.models import Person, PersonNameKey

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(target: str | None) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = (
        [("cases", target)]
        if target
        else [node for node in executor.loader.graph.leaf_nodes() if node[0] == "cases"]
    )
    executor.migrate(targets)


def _keys_rebuilt(person: Person) -> set[str]:
    """The stored keys of ``person`` rebuilt now, which are the service's own
    (not through the service, whose audit log a transactional test could not flush)."""
    services.name_keys_rebuild()
    keys = set(PersonNameKey.objects.filter(person=person).values_list("key", flat=True))
    assert keys == services.person_keys(person)
    return keys


def _keys_after_migrating_from(before: str, person: Person, stale: tuple[str, ...]) -> set[str]:
    """Back to ``before`` (nothing to undo), ``person``'s keys as ``before`` left them
    (``stale``), and forward again: the keys the migrations after ``before`` give."""
    migrate(before)
    try:
        PersonNameKey.objects.filter(person=person).delete()
        PersonNameKey.objects.bulk_create([PersonNameKey(person=person, key=k) for k in stale])
    finally:
        migrate(None)
    return set(PersonNameKey.objects.filter(person=person).values_list("key", flat=True))


def test_keys_of_a_relatives_word_after_the_name_are_computed_again() -> None:
    person = Person.objects.create(
        name_as_written="المعتقل أحمد محمد الشاب", family_name_ar="الشاب", sensitivity=2
    )
    fresh = _keys_rebuilt(person)
    assert "cb" in fresh  # الشاب after the name is its family name
    # As 0012 left them: the family name dropped from the name as written.
    assert _keys_after_migrating_from("0011_name_keys_turkish", person, ("ahmd", "mhmd")) == fresh


def test_keys_of_an_abd_misread_by_ocr_are_computed_again() -> None:
    """0014: «عبذ الكريم» (OCR's dot on the dal of عبد) is keyed as عبد الكريم."""
    person = Person.objects.create(
        name_as_written="عبذالكريم فراس الجالد", first_name_ar="عبذ الكريم", sensitivity=2
    )
    fresh = _keys_rebuilt(person)
    assert "abdkrm" in fresh and "abz" not in fresh and "abzlkrm" not in fresh
    # As 0013 left them: «عبذ» a name of its own, «عبذالكريم» one word.
    assert (
        _keys_after_migrating_from(
            "0013_name_keys_relatives", person, ("abz", "krm", "abzlkrm", "frs")
        )
        == fresh
    )


def test_keys_of_a_name_in_kurmanji_letters_are_computed_again() -> None:
    """0015: «Yûsif Evdirehmên» (Kurmanji spelling) is keyed as يوسف عبد الرحمن."""
    person = Person.objects.create(
        name_as_written="Yûsif Evdirehmên", first_name_lat="Yûsif", sensitivity=2
    )
    fresh = _keys_rebuilt(person)
    assert {"ysfw", "abdrhmn"} <= fresh
    # As 0014 left them: û without its u flag, Evd… a name of its own.
    assert _keys_after_migrating_from("0014_name_keys_ocr_abd", person, ("ysf", "afdrhmn")) == fresh


def test_keys_of_a_latin_nisba_with_a_long_u_are_computed_again() -> None:
    """0016: «Yusuf Lubani» is keyed with the u flag of اللوباني, «Jurj» as جورج, «أبوماهر»
    as أبو ماهر."""
    person = Person.objects.create(
        name_as_written="Jurj Yusuf Lubani",
        family_name_lat="Lubani",
        family_name_ar="أبوماهر",
        sensitivity=2,
    )
    fresh = _keys_rebuilt(person)
    assert {"lbnyw", "jrjw", "ysfw", "abwmhr"} <= fresh and "lbny" not in fresh
    # As 0015 left them: the nisba without its u flag, Jurj without it too, أبو glued.
    assert (
        _keys_after_migrating_from(
            "0015_name_keys_kurmanji", person, ("lbny", "jrj", "ysfw", "abmhrw")
        )
        == fresh
    )


def test_keys_of_an_arabizi_final_qaf_are_computed_again() -> None:
    """0017: «Tare2» is keyed as طارق; «Mo2men» keeps the hamza of مؤمن."""
    person = Person.objects.create(
        name_as_written="Tare2 Mo2men", family_name_lat="Mo2men", sensitivity=2
    )
    fresh = _keys_rebuilt(person)
    assert {"trk", "mn"} <= fresh and "tr" not in fresh
    # As 0016 left them: the final 2 read as a hamza.
    assert _keys_after_migrating_from("0016_name_keys_latin_long_u", person, ("tr", "mn")) == fresh
