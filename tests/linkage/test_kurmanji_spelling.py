"""Kurmanji (Hawar) spelling as a reading tradition of its own (issue 15, branch `linkkurd`): a
Kurdish group's list writes Arabic and Kurdish names in the Kurdish Latin alphabet (c ج, x خ,
ş ش, ê î û, Evd… for ʿAbd) and Kurdish town names that differ wholly from the Arabic ones. It is
read so by a word's own letters, by its record's, or by its list's."""

from __future__ import annotations

import pytest

from mizan.linkage.features import (
    KURMANJI_LIST,
    TURKISH_LIST,
    _arrest_place,
    _place,
    mark_kurmanji_lists,
    mark_turkish_lists,
    record_features,
)
from mizan.text import name_keys
from mizan.text.translit import is_kurmanji_spelling, is_turkish_spelling
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("kurmanji", "arabic"),
    [
        # û is the long vowel Arabic writes و: the key's u flag.
        ("Yûsif", "يوسف"),
        ("Birrûsk", "بروسك"),
        # c is ج and g the Kurdish g that Arabic letters write ك, in a word with ê î û.
        ("Cemîl", "جميل"),
        ("Cîgerxwîn", "جكرخوين"),
        ("Rizgarî", "رزكاري"),
        # ʿAbd is said and written Evd; Allah's l written once.
        ("Evdirehmên", "عبد الرحمن"),
        ("Evdilqadîr", "عبد القادر"),
        # … al-Din written -edîn.
        ("Selahedîn", "صلاح الدين"),
        ("Nûredîn", "نور الدين"),
        # ẍ is غ, ḧ ح.
        ("Ẍazî", "غازي"),
        ("Ḧesen", "حسن"),
    ],
)
def test_a_name_with_kurmanji_letters_is_read_in_kurmanji_spelling(
    kurmanji: str, arabic: str
) -> None:
    assert is_kurmanji_spelling(kurmanji)
    assert name_keys(kurmanji) == name_keys(arabic)


@pytest.mark.parametrize(
    ("kurmanji", "arabic"),
    [
        # Typed without Kurdish letters: the list says how to read them.
        ("Dilovan", "ديلوفان"),
        ("Rojhat", "روجهات"),
        ("Zozan", "زوزان"),
        ("Cihad", "جهاد"),
        ("Ciger", "جكر"),
        ("Rizgar", "رزكار"),
        ("Evdila", "عبد الله"),
        ("Evdo", "عبدو"),
        ("Evdulkerim", "عبد الكريم"),
        # ş ç of Kurmanji, not Turkish: v is ڤ (ف), not و.
        ("Şivan", "شڤان"),
        ("Şivan", "شفان"),
        # ch and gh typed for ç and ẍ stay themselves; an o that starts a word is a short u.
        ("Ghazal", "غزال"),
        ("Omer", "عمر"),
        ("Osman", "عثمان"),
        # An English Mo- in a Kurdish list is a short u: Mohammed is not محمود.
        ("Mohammed", "محمد"),
        ("Mostafa", "مصطفى"),
    ],
)
def test_a_kurmanji_list_reads_its_every_latin_name_so(kurmanji: str, arabic: str) -> None:
    assert name_keys(kurmanji, kurmanji=True) == name_keys(arabic)


def test_plain_latin_names_are_not_read_as_kurmanji_outside_a_kurmanji_list() -> None:
    # An English or French list's c and g are not ج and ك, its o no و.
    assert name_keys("Cihad") != name_keys("جهاد")
    assert name_keys("Mohammed") == name_keys("محمد")
    assert name_keys("Rojhat", kurmanji=True) != name_keys("Rojhat")
    assert not is_kurmanji_spelling("Şadi HALİT")
    assert not is_turkish_spelling("Şêrzad Mehmûd")


def test_a_kurdish_list_is_read_in_kurmanji_not_turkish() -> None:
    kurdish = [
        _person(first_name="Xelîl", father_name="Mehmûd", family_name="Hemo"),
        _person(first_name="Şivan", father_name="Cihad", family_name="Zeydo"),
        _person(first_name="Dilovan", father_name="Rizgar", family_name="Kelo"),
    ]
    arabic = [_person(first_name="خليل", family_name="حمو")]
    sources = ["ku", "ku", "ku", "ar"]
    marked = mark_turkish_lists(mark_kurmanji_lists([*kurdish, *arabic], sources), sources)
    assert [bool(record.get(KURMANJI_LIST)) for record in marked] == [True, True, True, False]
    assert not any(record.get(TURKISH_LIST) for record in marked)
    sivan = record_features(marked[1])
    expected = record_features(_person(first_name="شڤان", father_name="جهاد"))
    assert (sivan["first_k"], sivan["father_k"]) == (expected["first_k"], expected["father_k"])
    dilovan = record_features(marked[2])
    expected = record_features(_person(first_name="ديلوفان", father_name="رزكار"))
    assert (dilovan["first_k"], dilovan["father_k"]) == (expected["first_k"], expected["father_k"])
    # The same record alone, with no Kurmanji letter of its own, is read the English way.
    alone = record_features(kurdish[2])
    assert alone["first_k"] != expected["first_k"]


def test_a_record_with_kurmanji_letters_reads_all_its_latin_names_so() -> None:
    record = _person(first_name="Cihad", father_name="Mehmûd", family_name="Şêxo")
    arabic = _person(first_name="جهاد", father_name="محمود", family_name="شيخو")
    assert record_features(record)["first_k"] == record_features(arabic)["first_k"]


@pytest.mark.parametrize(
    ("kurdish", "arabic"),
    [
        ("Kobanî", "عين العرب"),
        ("Kobani", "عين العرب"),
        ("Dêrik", "المالكية"),
        ("Serêkaniyê", "رأس العين"),
        ("Tirbespi", "القحطانية"),
        ("Qamişlo", "القامشلي"),
        ("Qamishlo", "القامشلي"),
        ("Girê Spî", "تل أبيض"),
        ("Reco", "راجو"),
        ("Şam", "دمشق"),
    ],
)
def test_kurdish_town_names_are_the_arabic_ones(kurdish: str, arabic: str) -> None:
    assert _place(kurdish)[0] == _place(arabic)[0]
    # "bazgeha …", the checkpoint of a town, is that town, as «حاجز …» is.
    # (Two places agree when they share a part's key.)
    kurdish_parts = _arrest_place(f"bazgeha {kurdish}") or []
    assert set(kurdish_parts) & set(_arrest_place(f"حاجز {arabic}") or [])
    assert "bazgeha" not in " ".join(kurdish_parts)


def test_a_kurmanji_x_is_also_read_as_ghayn() -> None:
    # Kurmanji writes both خ and غ with x: a record in Kurmanji spelling is also read with غ.
    from mizan.linkage.features import record_readings

    record = _person(first_name="Xade", father_name="Evdilxenî", family_name="Axa")
    arabic = record_features(_person(first_name="غادة", father_name="عبد الغني", family_name="آغا"))
    readings = record_readings({**record, KURMANJI_LIST: "1"})
    ghayn = [features for features, odds in readings if odds < 0]
    assert ghayn
    assert (ghayn[0]["first_k"], ghayn[0]["father_k"], ghayn[0]["family_k"]) == (
        arabic["first_k"],
        arabic["father_k"],
        arabic["family_k"],
    )
    # The likeliest reading keeps خ (Xelîl خليل).
    assert readings[0][0]["first_k"] == record_features(_person(first_name="خادة"))["first_k"]


def test_kurmanji_abd_apart_abu_and_a_dropped_y_of_yu() -> None:
    from mizan.text.names import name_words

    # ʿAbd written apart ("Evdil Rehman") is one name with the next word, as "Abdul Rahman" is.
    assert name_words("Evdil Selam Ekram RAFÛ") == ["Evdil Selam", "Ekram", "RAFÛ"]
    assert name_keys("Evdil Selam") == name_keys("عبد السلام")
    # Ebû is أبو in a Kurmanji name, its û read as و.
    assert name_keys("EBÛ ŞAR") == name_keys("ابو شعر")
    # Kurmanji drops the y of Yû-: Ûsiv is يوسف.
    assert name_keys("Ûsiv") == name_keys("يوسف")


def test_kurdish_names_in_arabic_letters() -> None:
    # ڤ is the v of Kurmanji, as ف writes it too.
    assert name_keys("هڤال") == name_keys("هفال") == name_keys("Heval")
    # ئ opening a word is a vowel's seat (ئازاد, ئاڤين), the alef of آزاد, آفين.
    assert name_keys("ئازاد") == name_keys("آزاد") == name_keys("Azad")
    assert name_keys("ئاڤين") == name_keys("آفين") == name_keys("Evîn")
    # گ is the Kurdish g that Arabic letters otherwise write ك.
    assert name_keys("گلستان") == name_keys("كلستان") == name_keys("Gulistan", kurmanji=True)
    # A ئ inside a word is the hamza it always was.
    assert name_keys("رائد") == name_keys("Raed")


def test_busra_al_sham_is_no_damascus() -> None:
    # "Sham" typed for Şam is not read: Busra al-Sham (in Daraa) would become Damascus.
    assert _place("Damascus")[0] not in (_place("Busra al-Sham")[1] or ())
