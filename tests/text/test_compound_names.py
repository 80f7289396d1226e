"""``names.compound_names``: the names of two words or more that ``name_words`` keeps together,
found without reading a text that cannot hold one (issue 15: the fathers' rule counts a father
«عبد الله» as the one name it is). Synthetic names only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mizan.text.names import compound_names, name_words

# Pieces of names as lists write them, in both scripts, with the joiners' misreadings, marks,
# digits and invisible characters that ``name_words`` reads through.
_PIECES = [
    "عبد", "العبد", "ابو", "أبو", "بو", "عبذ", "غبد", "عتد", "الله", "اللة", "الرحمن", "بكر",
    "الدين", "الدىن", "ٱلدين", "الدّين", "نور", "صلاح", "محمد", "سامر", "الحموي", "عبـد",
    "ع\u200bبد",
    "Abd", "ABDUL", "Abdel", "Abu", "abou", "Abo", "Ebdul", "Evdil", "al", "El", "AL", "Al-Abd",
    "el-abd", "3abd", "3bd", "2abu", "ʿAbd", "Abū", "al-Raḥmān", "Allah", "Karim", "Bakr",
    "ed-din", "Eddine", "Nour", "Salah", "Rana", "Khaled", "HAMWI,", "(Abu", "x3abd", "Din",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6))
def test_compound_names_are_name_words_of_two_words_or_more(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert compound_names(text) == [word for word in name_words(text) if " " in word]


def test_compound_names() -> None:
    assert compound_names("يوسف عبد الله الرفاعي") == ["عبد الله"]
    assert compound_names("Yousef Abdul Karim AL-RIFAEE") == ["Abdul Karim"]
    assert compound_names("محمد أبو بكر صلاح الدين") == ["أبو بكر", "صلاح الدين"]
    assert compound_names("سامر خالد الحموي") == []
