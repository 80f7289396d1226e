"""Two years of birth one digit apart are one year misread only where a list shows OCR's damage
(issue 15, branch `linkprec12`: set 12's typed lists joined a returnee born in 1975 with a
namesake born in 1971 through the level "one digit apart (OCR?)")."""

from __future__ import annotations

from mizan.linkage.engine import score_pairs
from mizan.linkage.features import OCR_YEARS, mark_ocr_years

OCR_LEVEL = "one digit apart (OCR?)"


def _person(record_id: str, birth_year: str, **names: str) -> dict[str, str]:
    return {"record_id": record_id, "sex": "M", "birth_year": birth_year, **names}


def _others(count: int, birth_year: str) -> list[dict[str, str]]:
    return [
        _person(f"o{n}", birth_year, first_name="خالد", family_name=f"الحلبي{n}")
        for n in range(count)
    ]


def test_a_list_with_years_no_one_has_is_marked_as_read_by_ocr() -> None:
    records = [*_others(3, "1470"), *_others(3, "1980")]
    sources = ["scans"] * 3 + ["typed"] * 3
    marked = mark_ocr_years(records, sources)
    assert [bool(r.get(OCR_YEARS)) for r in marked] == [True] * 3 + [False] * 3


def test_two_such_years_are_not_enough() -> None:
    records = _others(2, "7992")
    marked = mark_ocr_years(records, ["typed"] * 2)
    assert not any(r.get(OCR_YEARS) for r in marked)


def _year_level(first_list_years: str) -> str:
    # Two typed lists, the first with three more records born in `first_list_years`.
    pair = [
        _person("a", "1971", first_name="بلال", father_name="ثائر", family_name="الأحمد"),
        _person("b", "25/09/1975", full_name="AL AHMAD BILAL", father_name="THAIR"),
    ]
    records = [pair[0], *_others(3, first_list_years), pair[1]]
    sources = ["defenders"] * 4 + ["returnees"]
    (score,) = score_pairs(records, [(0, 4)], sources=sources)
    return next(field.level for field in score.fields if field.field == "birth_year")


def test_typed_lists_read_years_one_digit_apart_as_two_years() -> None:
    assert _year_level("1980") != OCR_LEVEL


def test_a_list_read_by_ocr_reads_them_as_one_year_misread() -> None:
    assert _year_level("1470") == OCR_LEVEL
