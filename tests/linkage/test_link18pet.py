"""Pet names of a WhatsApp roll-call (issue 15, set 18): «حمود الحسن» for محمد الحسن; a pet
name that is also a family's (حمود, حسون, قدور) read so only as a first name that goes on."""

from __future__ import annotations

from mizan.linkage.features import record_features
from mizan.text.names import formal_name


def _full(name: str) -> dict[str, str]:
    return {"record_id": "1", "full_name": name}


def test_hammoud_is_muhammad_as_a_first_name_that_goes_on() -> None:
    muhammad = record_features(_full("محمد مؤمن الشيخ"))["first_k"]
    assert record_features(_full("حمود مؤمن الشيخ"))["first_k"] == muhammad
    assert record_features(_full("حمود الحسن"))["first_k"] == muhammad
    assert formal_name("قدور", first=True) == "عبد القادر"
    assert formal_name("صطيف") == "مصطفى"


def test_a_pet_name_that_is_a_familys_stays_itself_elsewhere() -> None:
    # In the family's place, in the father's, or alone in a full name: a family's name.
    assert formal_name("حمود") == "حمود"
    assert formal_name("حسون") == "حسون"
    muhammad = record_features(_full("محمد"))["first_k"]
    assert record_features(_full("علي حمود"))["family_k"] != muhammad
    assert record_features(_full("علي حمود الحسن"))["father_k"] != muhammad
    assert record_features(_full("حمود"))["first_k"] != muhammad
