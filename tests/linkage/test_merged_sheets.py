"""What the sixth independent set showed lost (issue 15, branch `linksix`): a families' sheet
merged from several volunteers, one of whom types the first and the father's names together
under «الاسم»."""

from __future__ import annotations

from mizan.linkage.features import record_readings
from tests.linkage.rows import person as _person


def _keys(row: dict[str, str]) -> list[tuple[object, ...]]:
    return [(f["first_k"], f["father_k"], f["family_k"], odds) for f, odds in record_readings(row)]


def test_a_first_name_cell_holding_first_and_father_is_read_apart_first() -> None:
    azaz = _person(first_name="احمد محمود", family_name="العلي")
    readings = _keys(azaz)
    # Read apart first (its traits are the ones that keep namesakes of one list apart) …
    assert readings[0] == ("ahmd", "mhmdw", "aly", 0.0)
    # … and the cell read whole is still compared, one bit less likely.
    assert readings[1][1:] == (None, "aly", -1.0)
    # A compound first name is one name, not a first and a father's.
    assert _keys(_person(first_name="عبد القادر", family_name="اليوسف"))[0][:2] == ("abdkdr", None)
    assert _keys(_person(first_name="رضوان عبد القادر", family_name="الاحمد"))[0][:2] == (
        "rdnw",
        "abdkdr",
    )
    # A title before the name is no name (the own generator's UN list: "Hajj Fatima").
    assert [
        odds for *_k, odds in _keys(_person(first_name="Hajj Fatima", family_name="Qachit"))
    ] == [0.0]
    # A father's name in its own cell: the first cell stands as written.
    given = _person(first_name="محمد نور", father_name="خالد", family_name="العلي")
    assert [odds for *_k, odds in _keys(given)] == [0.0]


def test_his_mother_written_before_her_name_is_not_her_name() -> None:
    from mizan.linkage.features import record_features

    for cell in ("والدته فاطمة", "والدتها فاطمة", "الوالدة: فاطمة", "فاطمة"):
        assert record_features(_person(first_name="حسن", mother_name=cell))["mother_k"] == "ftm"
    # «والدته» alone stays what it is (nothing else to read).
    assert record_features(_person(first_name="حسن", mother_name="والدته"))["mother_n"]


def test_a_list_mixing_german_and_other_spellings_reads_its_plain_records_both_ways() -> None:
    from mizan.linkage.features import GERMANIC_SOME, GERMANIC_SOME_ODDS, mark_germanic_lists

    german = [_person(full_name="Dschamal AL-SCHAMI") for _ in range(2)]
    french = [_person(full_name="Djamal EL-HOMSI") for _ in range(18)]
    plain = _person(full_name="Jasir AL-SAMIN")
    records = mark_germanic_lists([*german, *french, plain], ["court"] * 21)
    assert records[-1][GERMANIC_SOME]
    keys = [(f["first_k"], odds) for f, odds in record_readings(records[-1])]
    # Read as English first (جاسر), then as German (ياسر), one bit less likely.
    assert keys[0][1] == 0.0
    assert (_keys(_person(first_name="ياسر"))[0][0], GERMANIC_SOME_ODDS) in keys
    # A list where German spelling is rare (under 1 %) reads its records one way only.
    few = mark_germanic_lists([german[0], *(french * 6), plain], ["ngo"] * 110)
    assert not few[-1].get(GERMANIC_SOME)


def test_first_father_and_mother_with_misread_dots_are_scored_together() -> None:
    from mizan.linkage.engine import link

    families = _person(first_name="حسن", father_name="أحمد", family_name="الزين",
                       mother_name="لمى الكردي", birth_year="1982")  # fmt: skip
    # A burial document: no family name, and OCR misread the dots of every name.
    burial = _person(full_name="خسن", father_name="أحمذ", mother_name="لمى", birth_year="1983")
    others = [_person(first_name=f"سامر{i}", family_name="العلي") for i in range(3)]
    result = link([families, burial, *others], sources=["families", "burial", "x", "y", "z"])
    assert result.clusters[0] == result.clusters[1]
