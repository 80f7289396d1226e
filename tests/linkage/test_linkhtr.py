"""Handwritten ledgers read by HTR (issue 15, branch `linkhtr`, set 13): a record whose first name
could not be read is not a brother's record of the same ledger, and a list whose names show
their dots misread reads a seldom spelling as the name whose dots it lost (synthetic people)."""

from __future__ import annotations

from mizan.linkage import link
from mizan.linkage.features import (
    DOTTED_NAMES,
    ListVocabulary,
    mark_dotted_names,
    record_features,
)
from tests.linkage.rows import person

_FIRSTS = ("سامر", "خالد", "عمر", "ياسر", "مازن", "وائل", "فراس", "نزار", "هشام", "باسل")
_FAMILIES = ("الحلبي", "السيد", "النجار", "الخطيب", "العمر", "الحسن", "الشامي", "البكري")


def _others(count: int) -> list[dict[str, str]]:
    """Other people of the ledger, each once (no two share a first and a family name)."""
    return [
        person(
            record_id=f"o{n}",
            first_name=_FIRSTS[n % len(_FIRSTS)],
            father_name=_FIRSTS[(n + 3) % len(_FIRSTS)],
            family_name=_FAMILIES[n // len(_FIRSTS)],
            birth_year=str(1960 + n % 30),
            date_of_arrest=f"{2011 + n % 6}",
        )
        for n in range(count)
    ]


def _brothers(unread_year: str, unread_arrest: str) -> list[dict[str, str]]:
    family = {
        "father_name": "أحمد",
        "grandfather_name": "غسان",
        "family_name": "الأحمد",
        "mother_name": "حنان",
        "sex": "ذكر",
    }
    return [
        person(
            record_id="b1", first_name="غسان", birth_year="1970", date_of_arrest="2012", **family
        ),
        person(
            record_id="b2",
            first_name="(غير مقروء)",
            birth_year=unread_year,
            date_of_arrest=unread_arrest,
            **family,
        ),
    ]


def _clusters(unread_year: str, unread_arrest: str) -> list[int]:
    records = [*_brothers(unread_year, unread_arrest), *_others(60)]
    result = link(records, sources=["ledger"] * len(records))
    return result.clusters


def test_an_unread_first_name_is_not_his_brothers_in_one_ledger() -> None:
    # Two years of birth apart, one year of arrest: all they share is the family's.
    clusters = _clusters("1968", "2012")
    assert clusters[0] != clusters[1]


def test_an_unread_first_name_with_his_own_year_is_still_one_person() -> None:
    clusters = _clusters("1970", "2012")
    assert clusters[0] == clusters[1]


def _ledger(misread: int) -> list[dict[str, str]]:
    """A ledger writing محمود forty times and other names 45 times each, and ``misread`` of
    them with their dots misread (محموذ, الأجمد, مزيم …), each at most twice."""
    written = [
        person(record_id=f"m{n}", first_name="محمود", family_name="العلي") for n in range(40)
    ]
    damaged = ["محموذ", "الأجمد", "خالذ", "مزيم", "حشن", "غيان", "سامز", "قراس", "ضالح", "زياذ"]
    plain = ["خالد", "الأحمد", "مريم", "حسن", "غياث", "سامر", "فراس", "صالح", "زياد"]
    names = [person(record_id=f"p{n}", first_name=name) for n, name in enumerate(plain * 45)]
    misreadings = [
        person(record_id=f"d{n}", first_name=damaged[n % len(damaged)]) for n in range(misread)
    ]
    return [*written, *names, *misreadings]


def test_a_list_with_names_misread_in_their_dots_is_marked() -> None:
    ledger, typed = _ledger(20), _ledger(0)
    records = [*ledger, *typed]
    sources = ["ledger"] * len(ledger) + ["typed"] * len(typed)
    marked = mark_dotted_names(records, sources)
    assert all(r.get(DOTTED_NAMES) for r in marked[: len(ledger)])
    assert not any(r.get(DOTTED_NAMES) for r in marked[len(ledger) :])


def test_a_typed_list_is_not_marked_for_a_few_such_spellings() -> None:
    records = _ledger(3)
    marked = mark_dotted_names(records, ["typed"] * len(records))
    assert not any(r.get(DOTTED_NAMES) for r in marked)


def test_a_marked_list_reads_a_seldom_spelling_as_the_name_it_misreads() -> None:
    records = _ledger(20)
    vocabulary = ListVocabulary.of(records)
    assert vocabulary.dots_reading("محموذ") == "محمود"
    assert vocabulary.dots_reading("محمد") == "محمد"  # written as it is: no seldom spelling
    misread = person(record_id="x", first_name="محموذ", family_name="العلي")
    plain = record_features(
        person(record_id="y", first_name="محمود", family_name="العلي"), vocabulary
    )
    marked = record_features({**misread, DOTTED_NAMES: "1"}, vocabulary)
    typed = record_features(misread, vocabulary)
    # In a ledger whose dots are misread, محموذ is keyed, counted and shaped as محمود: the same
    # name as محمود, and a name far from محمد (not محمد with one letter misread).
    assert marked["first_k"] == plain["first_k"]
    assert marked["first_common"] == plain["first_common"]
    # In a typed list it stays the spelling it is.
    assert typed["first_k"] != plain["first_k"]
