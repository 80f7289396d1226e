"""A lost first name, a single reversed-looking word and a one-cell double name (issue 15, `fixc`):
three ways the merged engine joined a brother or a sister to a sibling."""

from mizan.linkage.engine import score_pair
from mizan.linkage.features import VISUAL_ORDER_LIST, ListVocabulary, record_readings

_BROTHERS = ("[ممزق] عماد الخالدي", "غير واضح عماد الخالدي")


def test_a_lost_first_name_is_no_name_two_records_share():
    rows = [{"record_id": str(i), "full_name": name} for i, name in enumerate(_BROTHERS)]
    vocabulary = ListVocabulary.of(rows)
    firsts = []
    for row in rows:
        readings = record_readings(row, vocabulary, with_parts=True)
        # The family name last: the lost word was the first name, never a family name.
        assert [parts["family"] for _f, _o, parts in readings] == ["الخالدي"]
        features = readings[0][0]
        assert features["first_n"] is None and features["first_common"] is None
        firsts.append(features["first_k"])
    # Not the placeholder's word keyed as a name both records share.
    assert firsts[0] != firsts[1] and "gmkrw" not in firsts


def test_two_brothers_whose_first_names_were_lost_are_not_joined():
    a, b = ({"full_name": name, "birth_place": "دوما"} for name in _BROTHERS)
    score = score_pair(a, b)
    first = next(f for f in score.fields if f.field == "first")
    assert "sibling" in first.level, first.level
    assert score.probability < 0.01
    # … nor one of them to a brother whose first name was read.
    score = score_pair(a, {"full_name": "محمود عماد الخالدي", "birth_place": "دوما"})
    assert score.probability < 0.01


def _given(name, father, family, **extra):
    return {"first_name": name, "father_name": father, "family_name": family, **extra}


def test_a_single_word_read_in_its_order_beside_cells_in_reading_order():
    # A list copied in visual order, whose lists write ماهر far more often than رهام: her record's
    # other cells read in reading order, so «رهام» is رهام, not her brother ماهر.
    fathers = ("خالد", "أحمد", "عمر", "سامر", "حسن", "علي")
    rows = [_given("ماهر", fathers[i % 6], "الحلبي") for i in range(30)]
    rows.append(_given("رهام", "خالد", "الحلبي"))
    vocabulary = ListVocabulary.of(rows)
    sister = record_readings({**rows[-1], VISUAL_ORDER_LIST: "1"}, vocabulary, with_parts=True)
    assert sister[0][2]["first"] == "رهام"
    # A line reversed whole is still read in reading order.
    line = _given("رهام", "دلاخ", "يبلحلا", **{VISUAL_ORDER_LIST: "1"})
    brother = record_readings(line, vocabulary, with_parts=True)[0][2]
    assert (brother["first"], brother["father"], brother["family"]) == ("ماهر", "خالد", "الحلبي")


def test_one_first_name_cell_does_not_make_a_double_name_of_every_father():
    one = [_given("محمد أحمد", "خالد", "الخطيب")]
    assert not ListVocabulary.of(one).double_father("أحمد")
    row = _given("سامر", "محمد أحمد", "الحلبي")
    father = record_readings(row, ListVocabulary.of([*one, row]), with_parts=True)[0][2]
    assert (father["father"], father["grandfather"]) == ("محمد", "أحمد")
    # A ledger that writes it in several records' first-name cells does.
    ledger = [_given("محمد أحمد", f, "الخطيب") for f in ("خالد", "عمر", "حسن")]
    assert ListVocabulary.of(ledger).double_father("أحمد")
