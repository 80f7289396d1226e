"""The search service on the active backend (run the suite on SQLite and on PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mizan.library.models import Document
from mizan.library.search import SearchFilters, search_documents

pytestmark = pytest.mark.django_db


def public() -> Any:
    # The seeded catalogue is public too; these tests rank the test corpus only.
    return Document.objects.visible_to(AnonymousUser()).filter(catalogue_key__isnull=True)


def keys(results: Any, corpus: dict[str, Document]) -> list[str]:
    names = {document.pk: key for key, document in corpus.items()}
    return [names.get(hit.document.pk, "other") for hit in results.hits]


@pytest.mark.parametrize("query", ["والمعتقلين", "المعتقلين", "معتقلين", "بالمعتقلين"])
def test_arabic_clitics_and_article_meet(corpus: dict[str, Document], query: str) -> None:
    found = keys(search_documents(query, visible=public()), corpus)
    assert found[0] == "detainees_ar"
    assert "internal_note" not in found


def test_hamza_and_prefix_variants(corpus: dict[str, Document]) -> None:
    # The text says "والإخفاء القسري"; the query has another prefix and no hamza.
    found = keys(search_documents("بالاخفاء", visible=public()), corpus)
    assert found[:2] == ["detainees_ar", "disappearance_en"] or set(found[:2]) == {
        "detainees_ar",
        "disappearance_en",
    }


def test_english_stemming(corpus: dict[str, Document]) -> None:
    found = keys(search_documents("detainee tortured", visible=public()), corpus)
    assert found[0] == "torture_en"


def test_phrase_must_be_adjacent(corpus: dict[str, Document]) -> None:
    assert keys(search_documents('"enforced disappearance"', visible=public()), corpus) == [
        "disappearance_en"
    ]
    assert keys(search_documents('"continuing crime"', visible=public()), corpus)
    assert keys(search_documents('"crime continuing"', visible=public()), corpus) == []


def test_title_outranks_body(corpus: dict[str, Document]) -> None:
    found = keys(search_documents("torture", visible=public()), corpus)
    assert found[0] == "torture_en"


def test_internal_documents_never_found_by_the_public(corpus: dict[str, Document]) -> None:
    results = search_documents("الشهود", visible=public())
    assert results.total == 0 and results.hits == []
    results = search_documents("مذكرة داخلية", visible=Document.objects.all())
    assert keys(results, corpus) == ["internal_note"]


def test_filters(corpus: dict[str, Document]) -> None:
    # Every clause must match: the Arabic report's English title says "detainees".
    assert keys(search_documents("المعتقلين detainees", visible=public()), corpus) == [
        "detainees_ar"
    ]
    by_type = search_documents(
        "torture", visible=public(), filters=SearchFilters(doc_type="report")
    )
    assert keys(by_type, corpus) and all(
        hit.document.doc_type.code == "report" for hit in by_type.hits
    )
    assert keys(
        search_documents("weapons", visible=public(), filters=SearchFilters(year=2013)), corpus
    ) == ["chemical_en"]
    assert (
        keys(
            search_documents("weapons", visible=public(), filters=SearchFilters(year=2014)), corpus
        )
        == []
    )
    assert keys(
        search_documents(
            "المعتقلين", visible=public(), filters=SearchFilters(language="ar", body="coi_syria")
        ),
        corpus,
    ) == ["detainees_ar"]
    assert (
        keys(
            search_documents("المعتقلين", visible=public(), filters=SearchFilters(language="en")),
            corpus,
        )
        == []
    )
    assert "torture_en" in keys(
        search_documents("torture", visible=public(), filters=SearchFilters(topic="detention")),
        corpus,
    )


def test_snippets_highlight_words_as_written(corpus: dict[str, Document]) -> None:
    hit = search_documents("معتقلين", visible=public()).hits[0]
    snippet = hit.snippets[0]
    assert snippet.direction == "rtl"
    assert "<mark>المعتقلين</mark>" in snippet.html
    hit = search_documents("disappeared", visible=public()).hits[0]
    assert hit.snippets[0].direction == "ltr"
    assert "<mark>disappeared</mark>" in hit.snippets[0].html


def test_snippets_escape_html(db: Any, settings: Any, tmp_path: Any) -> None:
    from tests.library.conftest import make_document

    settings.MEDIA_ROOT = tmp_path
    make_document(
        (
            "x",
            "Script",
            "",
            "other",
            "other",
            "2020",
            "en",
            "<script>alert(1)</script> torture",
            True,
        )
    )
    hit = search_documents("torture", visible=public()).hits[0]
    assert "<script>" not in hit.snippets[0].html
    assert "&lt;/script&gt;" in hit.snippets[0].html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND OR NOT",
        "NEAR(a b)",
        "torture*",
        "^torture",
        "(torture",
        "col:torture",
        "'; DROP TABLE library_document; --",
        '"unclosed phrase',
        "!!! ??? ***",
        "a" * 5000,
        "\u202etorture",
        "torture -detention +x",
    ],
)
def test_queries_full_of_operators_never_fail(corpus: dict[str, Document], query: str) -> None:
    search_documents(query, visible=public())


@hsettings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=80))
def test_any_text_is_a_safe_query(db: Any, query: str) -> None:
    search_documents(query, visible=public())


# The same corpus gives the same top results on SQLite (bm25) and PostgreSQL (ts_rank_cd): the
# expected lists are constants, and the suite runs on both databases.
EXPECTED_TOP = {
    "المعتقلين": ["detainees_ar"],
    "الإخفاء القسري": ["disappearance_en", "detainees_ar"],
    "torture": ["torture_en"],
    "chemical weapons": ["chemical_en"],
    # The Arabic report's issuing body (its title terms) names the Syrian Arab Republic.
    "Syrian Arab Republic": ["detainees_ar", "chemical_en"],
    "disappeared families": ["disappearance_en"],
    "تعذيب": ["torture_en", "detainees_ar"],
}


@pytest.mark.parametrize("query", sorted(EXPECTED_TOP))
def test_same_top_results_on_both_backends(corpus: dict[str, Document], query: str) -> None:
    assert keys(search_documents(query, visible=public()), corpus) == EXPECTED_TOP[query]


# Bounded ranking: when more documents match than RANKED_MATCHES, the documents whose title
# matches come first (ranked by their title), then the most recently added RANKED_MATCHES
# matches (ranked by the full score), and the count says "more than". Same rule on both backends.
@pytest.fixture
def torture_corpus(corpus: dict[str, Document]) -> dict[str, Document]:
    from tests.library.conftest import make_document

    def row(key: str, title: str, text: str, public: bool) -> tuple[Any, ...]:
        return (key, title, "", "ohchr", "report", "2020", "en", text, public)

    corpus["torture_old"] = make_document(row("torture_old", "Torture", "Torture.", True))
    corpus["torture_mid"] = make_document(row("torture_mid", "Notes", "A torture case.", True))
    # Added last and internal: it must never take a place in the public window.
    corpus["torture_internal"] = make_document(
        row("torture_internal", "Torture", "Internal.", False)
    )
    return corpus


def test_a_common_query_ranks_the_newest_matches_and_says_more(
    torture_corpus: dict[str, Document], monkeypatch: Any
) -> None:
    everything = search_documents("torture", visible=public())
    assert everything.total == 3 and everything.reachable == 3 and not everything.more
    assert keys(everything, torture_corpus) == ["torture_old", "torture_en", "torture_mid"]
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", 2)
    bounded = search_documents("torture", visible=public())
    # The two most recently added public matches are torture_old and torture_mid; torture_en
    # (added first) is outside that window but its title matches, so it is a candidate: the
    # title matches first (by their title), then the rest of the window. The internal document
    # enters neither group.
    assert bounded.more and bounded.total == 2 and bounded.reachable == 3
    assert keys(bounded, torture_corpus) == ["torture_old", "torture_en", "torture_mid"]
    # Exactly RANKED_MATCHES matching: all are ranked by the full score and the count is exact.
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", 3)
    exact = search_documents("torture", visible=public())
    assert exact.total == 3 and not exact.more
    assert keys(exact, torture_corpus) == keys(everything, torture_corpus)


def test_pages_of_a_bounded_query_run_over_title_matches_then_the_window(
    torture_corpus: dict[str, Document], monkeypatch: Any
) -> None:
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", 2)
    pages = [
        search_documents("torture", visible=public(), limit=1, offset=offset) for offset in range(4)
    ]
    assert [keys(page, torture_corpus) for page in pages] == [
        ["torture_old"],
        ["torture_en"],
        ["torture_mid"],
        [],
    ]
    assert all(page.more and page.total == 2 and page.reachable == 3 for page in pages)
    # A page across the end of the title group takes the rest from the window.
    across = search_documents("torture", visible=public(), limit=2, offset=1)
    assert keys(across, torture_corpus) == ["torture_en", "torture_mid"]


@pytest.fixture
def convention_corpus(corpus: dict[str, Document]) -> dict[str, Document]:
    """A key text added first, then newer reports that all cite it (more than the window)."""
    from tests.library.conftest import make_document

    def row(key: str, title: str, text: str, public: bool = True) -> tuple[Any, ...]:
        return (key, title, "", "ohchr", "report", "2020", "en", text, public)

    cited = "They cite the Convention against Torture. " * 3
    corpus["convention"] = make_document(
        row(
            "convention",
            "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment",
            "Each State Party shall take effective measures to prevent acts of torture. " * 40
            + "This Convention against Torture enters into force.",
        )
    )
    corpus["old_mention"] = make_document(row("old_mention", "Old notes", "Old notes. " + cited))
    for number in range(1, 5):
        corpus[f"report_{number}"] = make_document(
            row(f"report_{number}", f"Annual report {number}", cited * number)
        )
    # The most recently added match names the Convention in its title, but it is internal.
    corpus["internal_draft"] = make_document(
        row(
            "internal_draft",
            "Draft on the Convention against Torture",
            "Draft. " + cited,
            public=False,
        )
    )
    return corpus


def test_an_old_document_whose_title_matches_is_on_the_first_page(
    convention_corpus: dict[str, Document], monkeypatch: Any
) -> None:
    query = "convention against torture"
    everything = search_documents(query, visible=public())
    assert everything.total == 6 and not everything.more
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", 3)
    bounded = search_documents(query, visible=public())
    found = keys(bounded, convention_corpus)
    # The Convention was added first, long before the three newest matches, and comes first:
    # its title matches. The old document that only mentions it in its text is not ranked.
    assert found[0] == "convention"
    assert found == ["convention", "report_4", "report_3", "report_2"]
    assert bounded.more and bounded.total == 3 and bounded.reachable == 4
    assert "old_mention" not in found and "internal_draft" not in found
    # Staff (internal documents visible) see the internal draft among the title matches.
    everyone = Document.objects.all().filter(catalogue_key__isnull=True)
    staff = keys(search_documents(query, visible=everyone), convention_corpus)
    assert set(staff[:2]) == {"internal_draft", "convention"}


def test_the_title_group_is_bounded_and_never_holds_internal_documents(
    convention_corpus: dict[str, Document], monkeypatch: Any
) -> None:
    query = "convention against torture"
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", 3)
    monkeypatch.setattr("mizan.library.search.TITLE_MATCHES", 1)
    # One title place: the newest *visible* title match takes it, not the newer internal draft.
    bounded = search_documents(query, visible=public())
    assert keys(bounded, convention_corpus)[0] == "convention"
    assert bounded.reachable == 4 and "internal_draft" not in keys(bounded, convention_corpus)
    # With the draft visible, it is the newest title match and takes the one place.
    everyone = Document.objects.all().filter(catalogue_key__isnull=True)
    staff = keys(search_documents(query, visible=everyone), convention_corpus)
    assert staff[0] == "internal_draft" and "convention" not in staff


@pytest.mark.parametrize(
    ("sparse", "floor"),
    [(False, None), (True, None), (True, "below all"), (True, "at the newest match")],
)
def test_both_ways_of_finding_the_title_group_give_the_same_documents(
    convention_corpus: dict[str, Document], monkeypatch: Any, sparse: bool, floor: str | None
) -> None:
    # PostgreSQL finds the title group by one of two plans, chosen by a first look at the
    # newest titles (``_sparse_titles``): every GIN match sorted, or the newest walked; the
    # first, when the look allows, only above a floor id first (``_title_floor``), then
    # everywhere if that found too few. Every way must give the newest *visible* title
    # matches, bounded by TITLE_MATCHES. (SQLite has one plan; there nothing is asked.)
    query = "convention against torture"
    floors = {
        None: None,
        "below all": 0,
        "at the newest match": convention_corpus["internal_draft"].pk,
    }
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", 3)
    monkeypatch.setattr("mizan.library.search._sparse_titles", lambda *args: sparse)
    monkeypatch.setattr("mizan.library.search._title_floor", lambda *args: floors[floor])
    found = keys(search_documents(query, visible=public()), convention_corpus)
    assert found == ["convention", "report_4", "report_3", "report_2"]
    monkeypatch.setattr("mizan.library.search.TITLE_MATCHES", 1)
    # Above the floor «at the newest match» only the internal draft: nothing visible, so the
    # search looks again everywhere and finds the Convention.
    bounded = search_documents(query, visible=public())
    assert keys(bounded, convention_corpus)[0] == "convention"
    assert bounded.reachable == 4 and "internal_draft" not in keys(bounded, convention_corpus)
    everyone = Document.objects.all().filter(catalogue_key__isnull=True)
    staff = keys(search_documents(query, visible=everyone), convention_corpus)
    assert staff[0] == "internal_draft" and "convention" not in staff


def test_the_title_floor_holds_a_quarter_more_title_matches_than_the_look_predicts() -> None:
    from mizan.library.search import TITLE_MATCHES, _title_floor, _TitleLook

    # 500 visible matches among the newest 4,000 entries (ids 96,001–100,000): 2,000 title
    # matches are expected among the newest 16,000, so the floor leaves 20,000 (margin 1.25).
    look = _TitleLook(560, 4000, 100_000.0, 100_000, 96_001)
    assert TITLE_MATCHES == 2000 and _title_floor(look, 500) == 80_001
    # Deleted documents leave gaps in the ids: the floor counts ids, not entries.
    assert _title_floor(_TitleLook(560, 4000, 100_000.0, 100_000, 92_001), 500) == 60_001
    # No visible match seen, or a floor that would reach the oldest entries: none.
    assert _title_floor(look, 0) is None
    assert _title_floor(_TitleLook(80, 4000, 100_000.0, 100_000, 96_001), 80) is None
    # 5,500 title matches in the table: reading them all costs less than the 50,000 entries
    # above the floor.
    assert _title_floor(_TitleLook(220, 4000, 100_000.0, 100_000, 96_001), 198) is None
    assert _title_floor(_TitleLook(3, 3, 3.0, 3, 1), 3) is None


def test_the_first_look_at_the_titles_tells_sparse_from_dense(
    convention_corpus: dict[str, Document], monkeypatch: Any
) -> None:
    from django.db import connection

    from mizan.library.search import _sparse_titles, _title_look, _tsquery, _visible_titles
    from mizan.text.stem import parse_query

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL plan choice")
    with connection.cursor() as cursor:
        sql, terms = _tsquery(parse_query("convention"))
        look = _title_look(cursor, sql, terms)
        # Of the titles naming the Convention one is visible here (the internal draft is not,
        # nor are the catalogue's, left out by ``public()``).
        assert _visible_titles(cursor, look, sql, terms, public()) == 1 < look.matching
        assert look.newest == convention_corpus["internal_draft"].pk
        # Titles that match, read among the newest: the walk unless TITLE_MATCHES is large
        # against the table (``d² < TITLE_MATCHES / N``).
        monkeypatch.setattr("mizan.library.search.TITLE_MATCHES", 0)
        assert not _sparse_titles(look)
        monkeypatch.setattr("mizan.library.search.TITLE_MATCHES", 10_000)
        assert _sparse_titles(look)
        sql, terms = _tsquery(parse_query("nowhere"))
        assert _sparse_titles(_title_look(cursor, sql, terms))


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \n\tab\u0627\u200f", max_size=40), st.data())
def test_chunk_offsets_match_the_words_as_written(text: str, data: Any) -> None:
    import re

    from mizan.library.search import _chunk_offset

    starts = [match.start() for match in re.finditer(r"\S+", text)]
    if starts:
        number = data.draw(st.integers(0, len(starts) - 1))
        assert _chunk_offset(text, number) == starts[number]


def test_a_document_made_internal_after_ranking_is_not_shown(
    corpus: dict[str, Document], monkeypatch: Any
) -> None:
    # The ranking and the loading of the page are two statements; between them a document can
    # become internal. The page is loaded through the visible documents again.
    internal = corpus["internal_note"]
    public_one = corpus["torture_en"]
    monkeypatch.setattr(
        "mizan.library.search._ranked_ids",
        lambda *args: ([(internal.pk, 2.0), (public_one.pk, 1.0)], 2, 2, False),
    )
    results = search_documents("torture", visible=public())
    assert [hit.document.pk for hit in results.hits] == [public_one.pk]


@pytest.mark.parametrize("query", ["detained", "detaining", "detainee", "detains"])
def test_any_english_form_finds_detainees(corpus: dict[str, Document], query: str) -> None:
    # Issue 19: "detained" found nothing while "detainee" did (Snowball: detaine ≠ detain).
    assert "torture_en" in keys(search_documents(query, visible=public()), corpus)


def test_committee_is_not_commit(db: Any, settings: Any, tmp_path: Any) -> None:
    from tests.library.conftest import make_document

    settings.MEDIA_ROOT = tmp_path / "media"
    committed = make_document(
        ("c", "Crimes", "", "ohchr", "report", "2019", "en", "Crimes committed.", True)
    )
    found = search_documents("committee", visible=public())
    assert committed.pk not in [hit.document.pk for hit in found.hits]


def test_the_phrase_window_holds_titles_and_bodies_with_the_words_side_by_side(
    corpus: dict[str, Document],
) -> None:
    """The window of a phrase (on PostgreSQL a walk that tests each entry's positions; testing
    the small title vector before the body's was measured and left out): the documents holding
    the words side by side, in the title or the body, newest first — not those holding them
    apart."""
    from django.db import connection

    from mizan.library.search import _newest
    from mizan.text.stem import parse_query
    from tests.library.conftest import make_document

    def row(key: str, title: str, text: str) -> tuple[Any, ...]:
        return (key, title, "", "ohchr", "report", "2020", "en", text, True)

    corpus["in_title"] = make_document(
        row("in_title", "Enforced disappearance in the north", "A list of cases.")
    )
    corpus["apart"] = make_document(
        row("apart", "Disappearance, enforced", "The disappearance was enforced by decree.")
    )
    corpus["in_body"] = make_document(
        row("in_body", "Notes", "Families describe enforced disappearance at checkpoints.")
    )
    names = {document.pk: key for key, document in corpus.items()}
    with connection.cursor() as cursor:
        window = _newest(cursor, parse_query('"enforced disappearance"'), public(), 10, title=False)
    assert [names.get(doc_id, "other") for doc_id in window] == [
        "in_body",
        "in_title",
        "disappearance_en",
    ]


def test_a_snippet_shows_the_first_passage_with_every_query_term_the_text_holds() -> None:
    """A query whose terms the text holds only in part (a word's variants, here two terms the
    text never holds) still takes the first passage holding all it does hold, and stops there:
    the same passage as a walk over every later one would keep."""
    from mizan.library.search import SNIPPET_WORDS, make_snippet

    filler = " ".join(["word"] * (SNIPPET_WORDS * 2))
    text = f"torture {filler} torture detention first {filler} torture detention last {filler}"
    snippet = make_snippet(text, {"tortur", "detent", "nowher", "absent"}, "en")
    assert snippet is not None
    assert snippet.html.startswith("… ")
    assert snippet.html.count("<mark>") == 2
    assert "<mark>torture</mark> <mark>detention</mark>" in snippet.html
    assert "first" in snippet.html and "last" not in snippet.html
    alone = make_snippet(f"torture {filler}", {"tortur", "detent"}, "en")
    assert alone is not None and alone.html.startswith("<mark>torture</mark>")


@pytest.mark.parametrize("query", ["torture", '"enforced disappearance"', "المعتقلين", ""])
def test_nothing_visible_finds_nothing(corpus: dict[str, Document], query: str) -> None:
    # A caller whose visible set is empty (``.none()``: no SQL at all) gets an empty page, not
    # Django's EmptyResultSet from the correlated EXISTS.
    results = search_documents(query, visible=Document.objects.none())
    assert results.hits == []
