"""A father's cell of two names, and the wrong joins of sets 12 and 13 (issue 15, `linkdouble`)."""

from mizan.linkage.features import ListVocabulary, record_readings
from mizan.linkage.lists import usual_double_second


def _fathers(row, vocabulary=None):
    return [
        (odds, parts.get("father"), parts.get("grandfather"))
        for _features, odds, parts in record_readings(row, vocabulary, with_parts=True)
    ]


def _person(father):
    return {"first_name": "Samer", "father_name": father, "family_name": "Hasan"}


def test_a_muhammad_pair_in_a_middle_name_box_is_father_and_grandfather_first():
    # "Mohammad Ahmad" in a resettlement form's middle-name box: محمد son of أحمد.
    for father in ("Mohammad Ahmad", "Mohamed Ammar", "محمد عدنان", "Mhd Ayman", "Mohammad Saad"):
        readings = _fathers(_person(father))
        assert readings[0][0] == 0.0 and readings[0][2], father
        # … and still compared whole, a little less likely.
        assert any(odds == -1.0 and whole == father for odds, whole, _gf in readings)


def test_a_usual_double_name_is_read_whole_first():
    for father in ("Mohamad Kheir", "Mhd Nour", "Muhammad Said", "محمد خير", "محمد أمين"):
        readings = _fathers(_person(father))
        assert readings[0][1:] == (father, ""), father
        assert readings[1][0] == -1.0 and readings[1][2]


def test_the_second_halves_are_spelt_not_keyed():
    for word in ("Kheir", "Khayr", "Noor", "Saeed", "Ameen", "Eid", "Deeb", "Basheer", "Ridha"):
        assert usual_double_second(word), word
    # The key of each of these is a usual second half's, the name is not.
    for word in ("Ayman", "أيمن", "Saad", "Sayed", "سعد", "Bashar", "بشار", "Raad", "رعد"):
        assert not usual_double_second(word), word


def test_a_double_name_the_lists_write_whole_is_read_whole_first():
    # A ledger writes «محمد وائل» as a first name beside a father's (a few times: one cell is
    # no usage, ``ListVocabulary.FREQUENT``): the same two names in a middle-name box are read
    # whole first.
    ledger = [
        {"first_name": "محمد وائل", "father_name": father, "family_name": "الحسن"}
        for father in ("أحمد", "خالد", "عمر")
    ]
    vocabulary = ListVocabulary.of(ledger)
    assert vocabulary.double_father("Wael")
    readings = _fathers(_person("Mohammad Wael"), vocabulary)
    assert readings[0][1:] == ("Mohammad Wael", "")
    # Without the ledger, or when it only writes the two names as a first and a father's name
    # (no father's cell beside them), it is a father and his father.
    for rows in ([], [{"first_name": "محمد وائل", "family_name": "الحسن"}]):
        vocabulary = ListVocabulary.of(rows)
        assert _fathers(_person("Mohammad Wael"), vocabulary)[0][1:] == ("Mohammad", "Wael")


def test_mohammad_and_mahmoud_across_scripts_are_two_names():
    # A record of a first and a family name only: no father's name says "sibling", and the u
    # flag alone tells محمود from Mohammad (and محمد from "Mahmoud").
    from mizan.linkage.engine import score_pair

    for latin, arabic in (("Mohammad", "محمود"), ("Mahmoud", "محمد"), ("Omar", "عمرو")):
        a = {"first_name": latin, "family_name": "Nahhas", "mother_name": "Aisha"}
        b = {"full_name": f"{arabic} النحاس", "mother_name": "عائشة"}
        first = next(f for f in score_pair(a, b).fields if f.field == "first")
        assert first.level == "different", (latin, arabic, first.level)
    # One name in two scripts is still the same name.
    a = {"first_name": "Mahmood", "family_name": "Nahhas"}
    first = next(f for f in score_pair(a, {"full_name": "محمود النحاس"}).fields)
    assert first.weight > 0
