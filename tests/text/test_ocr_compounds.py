"""The ʿAbd of a compound name as OCR misreads its dots (issue 15, branch `linkarabic`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.linkage.features import record_features
from mizan.text.names import mend_compounds, name_words, parse_full_name


@pytest.mark.parametrize(
    ("misread", "read"),
    [
        ("عبذ الكريم", "عبد الكريم"),
        ("عبذالكريم", "عبدالكريم"),
        ("غبد الله محمد", "عبد الله محمد"),
        ("حسين عبذ الله المشاغي", "حسين عبد الله المشاغي"),
        ("عتد الرحمن", "عبد الرحمن"),
    ],
)
def test_a_misread_abd_before_a_name_is_abd(misread: str, read: str) -> None:
    assert mend_compounds(misread) == read


@pytest.mark.parametrize("text", ["عند الباب", "عيد محمد", "عبذ", "محمد عبذ", "Abdel Karim"])
def test_words_spelt_so_or_alone_are_left(text: str) -> None:
    # عند ("at") and عيد (a name) are words; a lone «عبذ» governs no name.
    assert mend_compounds(text) == text


@given(st.text(alphabet="عبذغدتثالكريم محسن", max_size=30))
def test_mending_is_idempotent(text: str) -> None:
    assert mend_compounds(mend_compounds(text)) == mend_compounds(text)


def test_the_misread_compound_is_one_name_with_the_key_of_abd() -> None:
    assert name_words("عبذ الكريم فراس الجالد") == ["عبذ الكريم", "فراس", "الجالد"]
    parts = parse_full_name("عبذ الكريم فراس الجالد")[0].parts
    assert (parts["first_name"], parts["father_name"]) == ("عبذ الكريم", "فراس")
    ocr = record_features({"full_name": "عبذ الكريم فراس الجالد"})
    typed = record_features({"full_name": "عبد الكريم فراس الخالد"})
    glued = record_features({"first_name": "عبذالكريم", "family_name": "الخالد"})
    assert ocr["first_k"] == typed["first_k"] == glued["first_k"] == "abdkrm"
    assert ocr["father_k"] == typed["father_k"]
    # The spelling stays as written: the review shows what the document says.
    assert ocr["first_n"] != typed["first_n"]


def test_name_keys_read_a_misread_abd_themselves() -> None:
    # Every user of the keys, not only `mizan link`: person search (typed_name_keys) and the
    # testimony leak check (name_key_spans) read «عبذ الكريم» as عبد الكريم (branch `linkkurd`).
    from mizan.cases.selectors import typed_name_keys
    from mizan.text import name_keys
    from mizan.text.translit import name_key_spans, search_words

    read = name_keys("عبد الكريم")
    for misread in ("عبذ الكريم", "عبذالكريم", "غبد الكريم"):
        assert name_keys(misread) == read
        assert [key for key, _f, _l in name_key_spans(search_words(misread))] == read
    assert typed_name_keys("عبذ الكريم ")[0] == read
    assert name_keys("عبذ") != name_keys("عبد")
