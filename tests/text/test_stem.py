"""Arabic light stemming with clitics, English stemming, and safe query parsing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.text.stem import arabic_light_stem, parse_query, search_terms, word_spans


@pytest.mark.parametrize(
    "variants",
    [
        ["والمعتقلين", "المعتقلين", "معتقلين", "بالمعتقلين", "للمعتقلين", "فالمعتقلين"],
        ["الإخفاء", "والاخفاء", "بالإخفاء", "إخفاء", "الاخفاء"],
        ["القرارات", "قرارات", "وقرارات"],
        ["سورية", "سوريه", "سوريا"],
        ["الأمم", "للامم", "والأمم"],
    ],
)
def test_arabic_variants_share_one_term(variants: list[str]) -> None:
    terms = {tuple(search_terms(word)) for word in variants}
    assert len(terms) == 1, terms


def test_different_roots_stay_apart() -> None:
    assert search_terms("معتقل") != search_terms("مقتل")
    assert search_terms("لبنان") != search_terms("بنان")


def test_english_stemming_and_function_words() -> None:
    assert search_terms("The detained persons") == search_terms("detain person")
    assert search_terms("of the and") == []


def test_diacritics_and_tatweel_do_not_matter() -> None:
    assert search_terms("المُعتَقَلِين") == search_terms("المعتـــقلين")


def test_parse_query_phrases_and_symbols() -> None:
    clauses = parse_query('"enforced disappearance" A/RES/71/248 torture')
    assert [c.terms for c in clauses] == [
        ("enforc", "disappear"),
        ("res", "71", "248"),
        ("tortur",),
    ]
    assert [c.is_phrase for c in clauses] == [True, True, False]


def test_word_spans_point_at_the_text_as_written() -> None:
    text = "قال: «والمعتقلين» detainees"
    spans = word_spans(text)
    assert [text[s:e] for s, e, _ in spans] == ["قال", "والمعتقلين", "detainees"]
    assert spans[1][2] == "معتقل"


@given(st.text(max_size=60))
def test_stem_never_grows_a_word(word: str) -> None:
    assert len(arabic_light_stem(word)) <= len(word)


@given(st.text(max_size=200))
def test_any_query_parses_into_letter_and_digit_terms(query: str) -> None:
    for clause in parse_query(query):
        for term in clause.terms:
            assert term and all(char.isalnum() for char in term), term


@given(st.text(max_size=300))
def test_chunked_terms_equal_whole_text_normalisation(text: str) -> None:
    from mizan.text import normalise_for_search
    from mizan.text.stem import search_term

    whole = [t for word in normalise_for_search(text).split() if (t := search_term(word))]
    assert search_terms(text) == whole


# Issue 16: suffixes, plurals and bare prepositions.
@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("معتقلة", "المعتقلات"),
        ("محامي", "المحامين"),
        ("عسكرية", "العسكريين"),
        ("عملية", "العمليات"),
        ("لاجئ", "اللاجئين"),
        ("محكمتين", "المحكمة"),
        ("شهادتهم", "الشهادة"),
        ("منظمتنا", "المنظمة"),
        ("معتقليهم", "المعتقلين"),
    ],
)
def test_suffixes_plurals_and_pronouns_meet(one: str, other: str) -> None:
    assert search_terms(one) == search_terms(other)


def test_short_words_keep_their_letters() -> None:
    # محاكم (courts) is not محا + كم; بيتها keeps its ت.
    assert search_terms("محاكم") == ["محاكم"]
    assert search_terms("بيتها") == ["بيت"]


def test_a_nisba_word_keeps_its_yaa_for_the_ranking_only() -> None:
    from mizan.text.normalise import normalise_for_search
    from mizan.text.stem import nisba_base

    def base(word: str) -> str:
        return nisba_base(normalise_for_search(word))

    # The index term merges them; the base (a prefix of the stored forms) keeps them apart.
    assert search_terms("مدني") == search_terms("المدن") == search_terms("المدنيين")
    assert base("مدني") == base("المدنيين") == "مدني" and base("المدن") == ""
    assert base("اتفاقية") == base("الاتفاقيات") == "اتفاقي" and base("للاتفاقات") == ""
    # A feminine ending alone is no nisba: لجنة has none.
    assert base("لجنة") == ""
    assert parse_query("اتفاقية")[0].nisba == "اتفاقي"
    assert parse_query('"اتفاقية"')[0].nisba == ""


def test_preposition_variants_take_off_and_put_on() -> None:
    from mizan.text.stem import preposition_variants

    assert "معتقل" in preposition_variants("بمعتقلين")
    assert {"بمعتقل", "لمعتقل", "كمعتقل"} <= set(preposition_variants("معتقلين"))
    assert "بمعتقل" not in preposition_variants("بمعتقلين")  # its own term is left out
    assert preposition_variants("detainee") == ()


def test_exact_forms_drop_only_the_conjunction_and_the_article() -> None:
    from mizan.text.stem import exact_forms

    assert exact_forms("والمعتقلين في اللجنة، وللمعتقلين Detained 2254") == [
        "معتقلين",
        "لجنه",
        "detained",
        "2254",
    ]


@pytest.mark.parametrize(
    "words", [("detained", "detainee", "detainees", "detaining"), ("deported", "deportee")]
)
def test_english_agent_nouns_meet_their_verb(words: tuple[str, ...]) -> None:
    assert len({tuple(search_terms(word)) for word in words}) == 1


def test_committee_and_agree_keep_their_stems() -> None:
    assert search_terms("committee") != search_terms("committed")
    assert search_terms("agree") != search_terms("agr")


def _terms_and_forms_word_by_word(text: str) -> tuple[str, list[str]]:
    """What the chunk cache must give, computed word by word without it: the terms in order, and
    each chunk's distinct exact forms (space-joined) in order of first appearance."""
    from mizan.text import normalise_for_search
    from mizan.text.stem import _form_of_normalised, search_term

    terms: list[str] = []
    forms: dict[str, None] = {}
    for chunk in text.split():
        words = [w for w in normalise_for_search(chunk).split() if search_term(w)]
        terms += [search_term(w) for w in words]
        forms[" ".join(dict.fromkeys(_form_of_normalised(w) for w in words))] = None
    forms.pop("", None)
    return " ".join(terms), list(forms)


_TEXTS = st.lists(
    st.sampled_from(["المعتقلين،", "والمعتقلين", "قال", "the", "Detained", "A/RES/71/248", "و"])
    | st.text(max_size=12),
    max_size=30,
).map(" ".join)


@given(_TEXTS, _TEXTS, st.integers(1, 6))
def test_title_and_body_terms_equal_word_by_word(title: str, body: str, bound: int) -> None:
    """Whatever the chunk cache holds, and even when it is emptied in the middle of a text (its
    bound, here a few chunks), indexing gives what word-by-word normalisation gives (issue 16)."""
    from mizan.text import stem

    saved = stem._MAX_CHUNKS
    stem._MAX_CHUNKS = bound
    try:
        stem._CHUNKS.clear()
        title_terms, body_terms, forms = stem.title_and_body_terms(title, body)
        assert stem.terms_text(body) == body_terms
    finally:
        stem._MAX_CHUNKS = saved
        stem._CHUNKS.clear()
    expected_title, title_forms = _terms_and_forms_word_by_word(title)
    expected_body, body_forms = _terms_and_forms_word_by_word(body)
    assert (title_terms, body_terms) == (expected_title, expected_body)
    assert forms == list(dict.fromkeys(body_forms + title_forms))
    assert [" ".join(t) for t in map(stem.chunk_terms, body.split())] == [
        _terms_and_forms_word_by_word(chunk)[0] for chunk in body.split()
    ]


def test_a_long_chunk_is_indexed_but_not_kept() -> None:
    """The cache's bound counts chunks; a chunk without whitespace can be any length (a URL, a
    base64 run), so a long one is computed each time and not kept: 500,000 of them would hold
    gigabytes in a long-running server."""
    from mizan.text import stem

    long_chunk = "المعتقلين" * 2_000
    stem._CHUNKS.clear()
    both = stem.terms_text(f"{long_chunk} قال")
    assert both == f"{stem.terms_text(long_chunk)} {stem.terms_text('قال')}"
    assert stem.chunk_terms(long_chunk) == tuple(stem.terms_text(long_chunk).split())
    assert long_chunk not in stem._CHUNKS
    assert "قال" in stem._CHUNKS
