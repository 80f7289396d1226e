"""Security-branch registers copied out of PDFs (issue 15, branch `linkbranch`; set 14): the
glyphs of a PDF's text layer read as letters, a name lost on a torn page kept in its place in the
full name, and a list whose rows are partly in visual order («دمحم» for محمد) read back in
reading order where the lists' own names say so. Synthetic people only."""

from __future__ import annotations

from mizan.linkage import link
from mizan.linkage.features import (
    VISUAL_ORDER_LIST,
    ListVocabulary,
    mark_visual_order_lists,
    record_readings,
)
from mizan.linkage.lists import read_name_cells
from mizan.text.bidi import visual_to_logical
from tests.linkage.rows import person

_KEYS = ("first", "father", "grandfather", "family", "mother")


def _keys(record: dict[str, str], vocabulary: ListVocabulary | None = None) -> list[str | None]:
    features = record_readings(record, vocabulary)[0][0]
    return [features[f"{part}_k"] for part in _KEYS]


def test_a_name_in_presentation_forms_is_read_as_the_letters() -> None:
    typed = _keys(person(full_name="عبد الناصر إسماعيل الحكيم", mother_name="هدى"))
    copied = _keys(person(full_name="ﻋﺒﺪ ﺍﻟﻨﺎﺻﺮ ﺇﺳﻤﺎﻋﻴﻞ ﺍﻟﺤﻜﻴﻢ", mother_name="ﻫﺪﻯ"))
    # عبد and the name after it are one name; the article opens the family name.
    assert copied == typed


def test_a_name_lost_on_a_torn_page_keeps_the_others_in_their_places() -> None:
    assert read_name_cells(person(full_name="مجهول الهوية"))["full_name"] == "مجهول الهوية"
    torn = _keys(person(full_name="نزار ماهر [ممزق]"))
    assert torn[:4] == _keys(person(first_name="نزار", father_name="ماهر"))[:4]
    assert torn[3] is None
    unclear = _keys(person(full_name="منذر غير واضح المصري"))
    assert unclear[:4] == _keys(person(first_name="منذر", family_name="المصري"))[:4]
    # In a name's own cell, what could not be read is no part of the name.
    assert _keys(person(mother_name="فاطمة [ممزق]"))[4] == _keys(person(mother_name="فاطمة"))[4]


def test_a_lost_first_name_is_no_brothers_name() -> None:
    # «[ممزق] عماد الخالدي»: his father's, family and mother's names are his brothers' too.
    lost = person(full_name="[ممزق] عماد الخالدي", mother_name="ريم")
    brother = person(
        first_name="ماهر", father_name="عماد", family_name="الخالدي", mother_name="ريم"
    )
    lost_first = _keys(lost)[0]
    assert lost_first is not None
    assert lost_first != _keys(brother)[0]
    assert _keys(lost)[1:] == _keys(brother)[1:]


_NAMES = (
    "محمد أحمد الخطيب",
    "أحمد خالد الحلبي",
    "خالد محمود العلي",
    "فاطمة حسن الشامي",
    "حسن علي المصري",
    "آمنة علي حمدان",
    "علي محمد الخالدي",
    "هدى عمر القباني",
    "عمر حسين الحكيم",
    "رامي يوسف الأحمد",
)
_MOTHERS = ("فاطمة", "مريم", "هدى", "عائشة", "خديجة", "منى", "زينب", "أمل", "سعاد", "هبة")


def _lists(reversed_every: int) -> tuple[list[dict[str, str]], list[str]]:
    """A court's list typed in reading order and a register copied out of PDFs, every
    ``reversed_every``-th of whose rows (if any) is in visual order."""
    records: list[dict[str, str]] = []
    sources: list[str] = []
    for index in range(200):
        name, mother = _NAMES[index % len(_NAMES)], _MOTHERS[index % len(_MOTHERS)]
        records.append(person(full_name=name, mother_name=mother))
        sources.append("court")
        if reversed_every and index % reversed_every == 0:
            name, mother = visual_to_logical(name), visual_to_logical(mother)
        records.append(person(full_name=name, mother_name=mother))
        sources.append("register")
    return records, sources


def test_a_register_with_rows_in_visual_order_is_marked_and_a_typed_one_is_not() -> None:
    records, sources = _lists(reversed_every=10)
    marked = mark_visual_order_lists(records, sources)
    assert [bool(r.get(VISUAL_ORDER_LIST)) for r in marked] == [s == "register" for s in sources]
    records, sources = _lists(reversed_every=0)
    assert not any(r.get(VISUAL_ORDER_LIST) for r in mark_visual_order_lists(records, sources))


def test_a_row_in_visual_order_is_read_back_by_the_lists_names() -> None:
    records, sources = _lists(reversed_every=10)
    vocabulary = ListVocabulary.of(mark_visual_order_lists(records, sources))
    assert vocabulary.logical("نادمح يلع ةنمآ") == "آمنة علي حمدان"
    # In presentation forms too, a ligature's letters in their own order.
    assert vocabulary.logical("ﺐﻴﻄﺨﻟﺍ ﺪﻤﺣﺃ ﺪﻤﺤﻣ") == "ﻣﺤﻤﺪ ﺃﺣﻤﺪ ﺍﻟﺨﻄﻴﺐ"
    # A tool that reversed each word alone kept their order: the lists' order is taken.
    assert vocabulary.logical("ةنمآ يلع نادمح") == "آمنة علي حمدان"
    # A name in reading order stays as it is, and so does a name the lists do not know.
    assert vocabulary.logical("محمد أحمد الخطيب") == "محمد أحمد الخطيب"
    assert vocabulary.logical("زياد") == "زياد"
    copied = {**person(full_name="يبلحلا دلاخ دمحأ", mother_name="ةجيدخ"), VISUAL_ORDER_LIST: "1"}
    typed = person(full_name="أحمد خالد الحلبي", mother_name="خديجة")
    assert _keys(copied, vocabulary) == _keys(typed, vocabulary)
    # … only in a list marked so.
    unmarked = person(full_name="يبلحلا دلاخ دمحأ", mother_name="ةجيدخ")
    assert _keys(unmarked, vocabulary) != _keys(typed, vocabulary)


def test_a_transferred_detainee_copied_in_visual_order_is_one_person() -> None:
    records, sources = _lists(reversed_every=10)
    rows = [
        person(
            record_id="227-2013-00001",
            full_name="ﻳﺤﻴﻰ ﺳﻌﻴﺪ ﺍﻟﺰﻳﻨﻲ",
            mother_name="ﻋﺎﺋﺸﺔ",
            birth_year="1973",
            place_of_arrest="المعضمية",
        ),
        person(
            record_id="215-2013-00002",
            full_name=visual_to_logical("يحيى سعيد الزيني"),
            mother_name=visual_to_logical("عائشة"),
            birth_year="١٩٧٣/٩/٤",
            place_of_arrest="المعضمية",
        ),
    ]
    records = [{**record, "record_id": f"x{i}"} for i, record in enumerate(records)] + rows
    sources = [*sources, "register", "register"]
    result = link(records, sources=sources)
    assert result.clusters[-1] == result.clusters[-2]
