"""What set 5's lists lost (issue 15, branch `linkfive`): relatives' WhatsApp messages,
cellmates' testimonies, a field court's OCR'd register and a prosecutor's Latin list. Each test
is a reading of what such lists say, not of set 5's generator (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import score_pair
from mizan.linkage.model import NAMESAKE_COUSIN_LABEL
from tests.linkage.rows import person


def _field(pair: object, name: str) -> object:
    return next(f for f in pair.fields if f.field == name)  # type: ignore[attr-defined]


def test_one_name_and_family_with_another_fathers_name_is_a_cousin() -> None:
    # The eldest sons of two brothers are both named after their grandfather: «محمد عمر دغاح»
    # in a relative's message and «محمد مصطفى دغاح» in the court's register are two cousins.
    message = person(first_name="محمد", father_name="عمر", family_name="الدغاح")
    court = person(first_name="محمد", father_name="مصطفى", family_name="الدغاح")
    father = _field(score_pair(message, court, population=5000), "father")
    assert father.level == NAMESAKE_COUSIN_LABEL  # type: ignore[attr-defined]
    assert father.weight < -9  # type: ignore[attr-defined]
    # Across scripts a father's name misread by OCR (صاح for صالح) against a Latin one is no
    # proof of another father: the plain "different" level, not the cousin's.
    latin = person(first_name="Imad", father_name="Saleh", family_name="HUNAIGH")
    ocr = person(first_name="عماد", father_name="صاح", family_name="حنيغ")
    across = _field(score_pair(latin, ocr, population=5000), "father")
    assert across.level != NAMESAKE_COUSIN_LABEL  # type: ignore[attr-defined]
    assert across.weight > -7  # type: ignore[attr-defined]
