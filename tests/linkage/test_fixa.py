"""Defects of the linkage engine's newest readings found by review (issue 15)."""

from mizan.linkage.engine import _FATHER, _different_name, _traits
from mizan.linkage.features import ListVocabulary, record_readings


def _fathers(row, vocabulary=None):
    return [
        (odds, parts.get("father"), parts.get("grandfather"))
        for _features, odds, parts in record_readings(row, vocabulary, with_parts=True)
    ]


def test_a_father_cell_that_begins_with_muhammad_is_read_whole_first():
    # «محمد خير» is one man's double name more often than محمد son of خير: read whole first,
    # so the traits of the first reading keep two cousins of one list apart.
    rows = [
        {"first_name": "خالد", "father_name": "محمد خير", "family_name": "الحسن"},
        {"first_name": "خالد", "father_name": "محمد", "family_name": "الحسن"},
    ]
    vocabulary = ListVocabulary.of(rows * 10)
    traits = [_traits(record_readings(row, vocabulary)[0][0], vocabulary)[_FATHER] for row in rows]
    assert _different_name(traits[0], traits[1])
    for father in ("Mohamad Khair", "Mohammad Ali", "محمد نور"):
        readings = _fathers({"first_name": "Samer", "father_name": father, "family_name": "Hasan"})
        assert readings[0][1:] == (father, "")
        assert readings[1][0] == -1.0 and readings[1][2]
    # Another father's cell of two names is still the father and his father first.
    readings = _fathers(
        {"first_name": "Samer", "father_name": "Khaled Ahmad", "family_name": "Hasan"}
    )
    assert readings[0] == (0.0, "Khaled", "Ahmad")


def test_a_given_name_with_the_article_is_not_swapped_first():
    rows = [
        {"first_name": name, "father_name": "أحمد", "family_name": "الحسن"}
        for name in ("البراء", "عباس", "الحارث")
    ]
    vocabulary = ListVocabulary.of(rows * 3)
    for first in ("Albaraa", "Al-Baraa", "Alwalid", "Alabbas", "Alhareth", "Alamin", "Elissa"):
        row = {"first_name": first, "father_name": "Ahmad", "family_name": "Hasan"}
        readings = record_readings(row, vocabulary, with_parts=True)
        assert readings[0][2]["first"] == first and readings[0][1] == 0.0
        assert any(parts["first"] == "Hasan" and odds == -4.0 for _f, odds, parts in readings)
    # A family name with the article beside a given name is still read back first.
    row = {"first_name": "AL-KURDI", "father_name": "Ahmad", "family_name": "Mohamad"}
    assert record_readings(row, vocabulary, with_parts=True)[0][2]["first"] == "Mohamad"


def test_a_maiden_name_placeholder_gives_no_family():
    from mizan.linkage.features import MAIDEN_KEY, record_features

    for placeholder in ("Unknown", "N/A", "none", "غير معروف", "لا يوجد", "(illegible)", "ΑΓΝΩΣΤΟ"):
        row = {"first_name": "Fatima", "family_name": "Hasan", "maiden_name": placeholder}
        readings = record_readings({**row, "sex": "F"}, None, with_parts=True)
        assert [parts["family"] for _f, _o, parts in readings] == ["Hasan"], placeholder
        assert readings[0][0][MAIDEN_KEY] is None
        assert record_features(row)[MAIDEN_KEY] is None
    # A maiden name given is still her family's.
    row = {"first_name": "Fatima", "family_name": "Hasan", "maiden_name": "Al-Hamwi", "sex": "F"}
    assert record_readings(row)[0][0][MAIDEN_KEY]


def test_a_month_first_date_with_a_time_and_a_few_slips_in_a_day_first_list():
    from mizan.linkage.features import MONTH_FIRST_LIST, _year_month, mark_month_first_lists

    assert _year_month("04/07/2013 00:00:00", 2013, True) == "2013-04"
    assert _year_month("04/07/2013 10:30 PM", 2013, True) == "2013-04"
    assert _year_month("04/07/2013 00:00:00", 2013) == "2013-07"
    # Two American slips among thirty day-first dates do not make the list month first …
    syrian = [{"date_of_arrest": "03/04/2012"}] * 30
    slips = [{"date_of_arrest": "04/17/2013"}, {"date_of_arrest": "05/18/2013"}]
    marked = mark_month_first_lists([*syrian, *slips], ["sy"] * 32)
    assert not marked[0].get(MONTH_FIRST_LIST)
    # … as they do a list whose unambiguous dates are all month first.
    marked = mark_month_first_lists([*syrian[:8], *slips], ["us"] * 10)
    assert marked[0].get(MONTH_FIRST_LIST)
