"""Reading a full name with what the lists themselves say: OCR's word splits and merges mended,
a family-first name without any sign read in the order the lists support (issue 15)."""

from __future__ import annotations

from mizan.linkage import link
from mizan.linkage.features import ListVocabulary, record_features
from mizan.linkage.synthetic import generate
from mizan.text.names import is_given_name
from tests.linkage.rows import person as _person

# Synthetic people only: the same names written in separate columns by other records of the lists.
CONTEXT = [
    _person(record_id=f"c{i}", first_name=first, father_name=father, family_name=family)
    for i, (first, father, family) in enumerate(
        [
            ("محمود", "خالد", "الحموي"),
            ("محمود", "سمير", "قطان"),
            ("خالد", "محمود", "الحموي"),
            ("قتيبة", "خالد", "الشامي"),
            ("قتيبة", "سمير", "الحموي"),
            ("سمير", "قتيبة", "قطان"),
        ]
        * 2
    )
]


def test_an_ocr_split_is_mended_and_a_merge_is_split_where_the_lists_say_so() -> None:
    vocabulary = ListVocabulary.of(CONTEXT)
    assert vocabulary.repair("محمو د خالد الحموي") == "محمود خالد الحموي"
    assert vocabulary.repair("محمودخالد الحموي") == "محمود خالد الحموي"
    # Two names the lists write are not glued; a name they never write is not cut.
    assert vocabulary.repair("خالد محمود الحموي") == "خالد محمود الحموي"
    assert vocabulary.repair("عبدالمهيمن الحموي") == "عبدالمهيمن الحموي"
    # Without the lists' word counts nothing is changed: a lone record is read as written.
    assert ListVocabulary().repair("محمو د خالد") == "محمو د خالد"


def test_an_ocr_merged_full_name_gets_the_parts_of_the_same_name_in_columns() -> None:
    merged = _person(record_id="o1", full_name="محمودخالد الحموي")
    vocabulary = ListVocabulary.of([*CONTEXT, merged])
    features = record_features(merged, vocabulary)
    assert features["first_k"] == record_features(CONTEXT[0])["first_k"]
    assert features["father_k"] == record_features(CONTEXT[0])["father_k"]
    assert features["family_k"] == record_features(CONTEXT[0])["family_k"]
    # Read alone, the glued words are one first name.
    assert record_features(merged)["father_k"] is None


def test_a_family_first_name_without_a_sign_is_read_in_the_order_the_lists_support() -> None:
    # قتيبة is in no lexicon of given names, and no comma or capital marks the family name:
    # alone the name is read in its natural order; the lists place قتيبة as a given name and
    # قطان as a family name.
    assert not is_given_name("قتيبة")
    record = _person(record_id="f1", full_name="قطان قتيبة سمير")
    alone = record_features(record)
    assert alone["first_k"] == record_features(_person(first_name="قطان"))["first_k"]
    read = record_features(record, ListVocabulary.of([*CONTEXT, record]))
    assert read["first_k"] == record_features(CONTEXT[4])["first_k"]
    assert read["father_k"] == record_features(CONTEXT[4])["father_k"]
    assert read["family_k"] == record_features(CONTEXT[1])["family_k"]


def test_the_natural_order_is_kept_when_the_lists_support_it() -> None:
    record = _person(record_id="n1", full_name="قتيبة خالد الشامي")
    read = record_features(record, ListVocabulary.of([*CONTEXT, record]))
    assert read["first_k"] == record_features(CONTEXT[3])["first_k"]
    assert read["family_k"] == record_features(CONTEXT[3])["family_k"]


def test_link_puts_an_ocr_split_name_with_the_same_person_in_columns() -> None:
    person = dict(sex="ذكر", birth_year="1984", mother_name="فاطمة")
    columns = _person(
        record_id="a", first_name="محمود", father_name="خالد", family_name="الحموي", **person
    )
    split = _person(record_id="b", full_name="محمو د خالد الحموي", **person)
    records = [*CONTEXT, columns, split]
    result = link(records, estimate_u=False)
    assert result.clusters[-1] == result.clusters[-2]


def test_the_generator_writes_ocr_word_splits_and_merges_and_signless_family_first() -> None:
    lists, _ = generate(6000, seed=5)
    official = [r["full_name"] for r in lists["official"] if r["full_name"]]
    assert len(official) > 0.2 * len(lists["official"])
    # A split leaves a fragment of one or two letters, or a glued pair a very long word.
    odd = [n for n in official if any(len(w) <= 2 or len(w) >= 11 for w in n.split())]
    assert odd
    un = [r["full_name"] for r in lists["un"] if r["full_name"]]
    signless = [
        n
        for n in un
        if "," not in n
        and not any(w.isupper() and len(w) > 2 for w in n.split())
        and n.split()[0].lower().startswith(("al", "el"))
    ]
    assert signless


def test_the_review_explains_a_pair_with_the_reading_link_used() -> None:
    from mizan.linkage import score_pairs

    columns = _person(record_id="a", first_name="محمود", father_name="خالد", family_name="الحموي")
    merged = _person(record_id="b", full_name="محمودخالد الحموي")
    records = [*CONTEXT, columns, merged]
    (score,) = score_pairs(records, [(len(records) - 2, len(records) - 1)])
    shown = {field.field: (field.value_a, field.value_b) for field in score.fields}
    assert shown["first"] == ("محمود", "محمود")
    assert shown["father"] == ("خالد", "خالد")


def test_the_generator_gives_some_clans_a_given_name_as_family_name() -> None:
    # "… محمد الحسن", "Youssef": the case where a word's placement in the lists is ambiguous.
    lists, _ = generate(6000, seed=5)
    families = [r["family_name"] for r in lists["families"] if r["family_name"]]
    share = sum(is_given_name(name) for name in families) / len(families)
    assert 0.04 < share < 0.25
