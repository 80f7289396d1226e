"""The public site: anyone browses and searches public documents; internal ones never appear —
not in lists, search results, counts, snippets, files, filters or the sitemap."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from mizan.core.sensitivity import Sensitivity
from mizan.library import services
from mizan.library.models import Document, RelationKind
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

SECRET_WORDS = ["مذكرة داخلية", "Internal note", "الشهود", "witness", "organisation"]


def anonymous(language: str = "en") -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE=language)


def assert_no_internal(html: str) -> None:
    for word in ["مذكرة داخلية", "Internal note on witness protection", "أسماء الشهود"]:
        assert word not in html, word


@pytest.mark.parametrize("language", ["ar", "en"])
def test_browse_shows_public_documents_only(corpus: dict[str, Document], language: str) -> None:
    response = anonymous(language).get(reverse("library:public_search"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Torture in detention facilities" in html or "التعذيب في مرافق الاحتجاز" in html
    assert_no_internal(html)
    public_total = Document.objects.filter(sensitivity=Sensitivity.PUBLIC).count()
    count = re.search(r'id="result-count">(\d+)', html)
    assert count and int(count.group(1)) == public_total


@pytest.mark.parametrize("query", ["المعتقلين", "الشهود", "مذكرة", "Internal note", "witness"])
def test_search_results_counts_and_snippets_exclude_internal(
    corpus: dict[str, Document], query: str
) -> None:
    html = anonymous().get(reverse("library:public_search"), {"q": query}).content.decode()
    assert_no_internal(html)
    assert "محفوظة في الخزنة" not in html  # a snippet of the internal text


def test_signed_in_staff_see_only_public_documents_on_the_public_site(
    corpus: dict[str, Document], make_user: Any
) -> None:
    researcher = make_user("rana_researcher", "researcher")
    html = signed_in(researcher).get(reverse("library:public_search"), {"q": "مذكرة"}).content
    assert_no_internal(html.decode())
    staff = signed_in(researcher).get(reverse("library:staff_search"), {"q": "مذكرة"}).content
    assert "مذكرة داخلية" in staff.decode()


def test_internal_document_page_and_file_are_not_found(corpus: dict[str, Document]) -> None:
    internal = corpus["internal_note"]
    version = internal.versions.get()
    assert anonymous().get(reverse("library:public_detail", args=[internal.pk])).status_code == 404
    url = reverse("library:public_file", args=[internal.pk, version.pk])
    assert anonymous().get(url).status_code == 404
    # A public document's id with the internal file's id: still refused.
    public = corpus["torture_en"]
    url = reverse("library:public_file", args=[public.pk, version.pk])
    assert anonymous().get(url).status_code == 404


def test_public_document_page_files_and_citation(corpus: dict[str, Document]) -> None:
    document = corpus["chemical_en"]
    response = anonymous().get(reverse("library:public_detail", args=[document.pk]))
    html = response.content.decode()
    assert "Chemical weapons attacks" in html and "copy-citation" in html
    assert "UN Security Council, “Chemical weapons attacks”" in html
    version = document.versions.get()
    file_response = anonymous().get(reverse("library:public_file", args=[document.pk, version.pk]))
    assert file_response.status_code == 200
    assert b"chemical weapons" in b"".join(file_response.streaming_content)


def test_relations_to_internal_documents_are_hidden(corpus: dict[str, Document]) -> None:
    services.relation_add(
        actor=None,
        source=corpus["internal_note"],
        kind=RelationKind.RESPONDS_TO,
        target=corpus["detainees_ar"],
    )
    html = (
        anonymous()
        .get(reverse("library:public_detail", args=[corpus["detainees_ar"].pk]))
        .content.decode()
    )
    assert_no_internal(html)


def test_sitemap_lists_public_documents_only(corpus: dict[str, Document]) -> None:
    xml = anonymous().get(reverse("library:sitemap")).content.decode()
    assert reverse("library:public_detail", args=[corpus["torture_en"].pk]) in xml
    assert reverse("library:public_detail", args=[corpus["internal_note"].pk]) + "<" not in xml


def test_filters_offer_nothing_only_internal_documents_use(corpus: dict[str, Document]) -> None:
    html = anonymous().get(reverse("library:public_search")).content.decode()
    # Only the internal note is a "study" issued by "organisation" in 2024.
    assert 'value="organisation"' not in html
    assert 'value="study"' not in html
    assert 'value="2024"' not in html


def test_publications_page(corpus: dict[str, Document]) -> None:
    services.document_update(
        actor=None, document=corpus["torture_en"], data={"collection": "publication"}
    )
    html = anonymous().get(reverse("library:public_publications")).content.decode()
    assert "Torture in detention facilities" in html
    assert "Chemical weapons attacks" not in html


def test_hostile_queries_and_parameters_answer_200(corpus: dict[str, Document]) -> None:
    for params in [
        {"q": '"" AND OR NEAR( * ^ -'},
        {"q": "x", "year": "abcd", "page": "-3", "language": "xx"},
        {"q": "a" * 2000, "page": "999999"},
    ]:
        assert anonymous().get(reverse("library:public_search"), params).status_code == 200


def test_published_publication_shows_authors_and_abstracts_unpublished_does_not(
    db: Any,
) -> None:
    published = services.document_create(
        actor=None,
        data={
            "collection": "publication",
            "title_ar": "دراسة عن المحاكمات الغيابية",
            "title_en": "Study of trials in absentia",
            "authors": "Research Unit",
            "abstract_ar": "تحلّل الدراسة أحكام محكمة الإرهاب.",
            "abstract_en": "The study analyses counter-terrorism court rulings.",
            "sensitivity": Sensitivity.PUBLIC,
        },
    )
    services.document_create(
        actor=None,
        data={
            "collection": "publication",
            "title_en": "Draft study not yet published",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    listing = anonymous().get(reverse("library:public_publications")).content.decode()
    assert "Study of trials in absentia" in listing
    assert "Draft study not yet published" not in listing
    page = anonymous().get(reverse("library:public_detail", args=[published.pk])).content.decode()
    assert "Research Unit" in page and "counter-terrorism court rulings" in page
    assert "تحلّل الدراسة" in page
    # Abstracts are searchable, with a snippet.
    found = anonymous().get(reverse("library:public_search"), {"q": "rulings"}).content.decode()
    assert "<mark>rulings</mark>" in found


def test_uploaded_html_is_downloaded_never_rendered(db: Any, settings: Any, tmp_path: Any) -> None:
    import io

    settings.MEDIA_ROOT = tmp_path
    document = services.document_create(
        actor=None, data={"title_en": "Web page", "sensitivity": Sensitivity.PUBLIC}
    )
    version = services.version_add(
        actor=None,
        document=document,
        language="en",
        stream=io.BytesIO(b"<html><script>alert(1)</script><p>torture report</p></html>"),
        original_name="page.html",
        extraction="inline",
    )
    response = anonymous().get(reverse("library:public_file", args=[document.pk, version.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_bounded_search_says_more_than_and_never_counts_internal(
    corpus: dict[str, Document], monkeypatch: Any, language: str
) -> None:
    from mizan.library.search import search_documents

    # The internal note says it in its title now, and is the most recently added match.
    services.document_update(
        actor=None, document=corpus["internal_note"], data={"title_en": "Torture note"}
    )
    public_matches = search_documents("torture", visible=Document.objects.filter(sensitivity=0))
    total = public_matches.total
    assert total >= 2 and corpus["internal_note"].pk not in {
        hit.document.pk for hit in public_matches.hits
    }

    def page() -> str:
        return (
            anonymous(language)
            .get(reverse("library:public_search"), {"q": "torture"})
            .content.decode()
        )

    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", total - 1)
    text = page()
    assert_no_internal(text)
    assert "Torture note" not in text
    assert re.search(rf'id="result-count">{total - 1}<', text)
    assert ("more than" if language == "en" else "أكثر من") in text
    assert 'id="result-window"' in text
    monkeypatch.setattr("mizan.library.search.RANKED_MATCHES", total)
    text = page()
    assert 'id="result-window"' not in text
    assert re.search(rf'id="result-count">{total}<', text)


def test_year_filter_offers_only_years_of_visible_documents(corpus: dict[str, Document]) -> None:
    from mizan.core.partial_dates import PartialDate
    from mizan.library.selectors import filter_choices, public_documents

    services.document_update(
        actor=None, document=corpus["internal_note"], data={"date": PartialDate.parse("1901")}
    )
    public_years = filter_choices(public_documents())["years"]
    expected = sorted({d.year for d in public_documents() if d.year}, reverse=True)
    assert public_years == expected and 1901 not in public_years
    assert 1901 in filter_choices(Document.objects.all())["years"]
    html = anonymous().get(reverse("library:public_search")).content.decode()
    assert 'value="1901"' not in html and f'value="{expected[0]}"' in html
