"""Editing a document's metadata and relations on its staff page (issue 6): the services, the
page, who may use it, and that a document made internal leaves the public site at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from mizan.accounts.roles import ROLES
from mizan.core.models import AuditEntry
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.library import selectors, services
from mizan.library.forms import DocumentEditForm
from mizan.library.models import TOPIC_VOCABULARY, Document, DocumentRelation, RelationKind
from mizan.library.search import search_documents
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def found(query: str, *, public: bool = False) -> list[int]:
    visible = selectors.public_documents() if public else Document.objects.all()
    return [hit.document.pk for hit in search_documents(query, visible=visible).hits]


def audit_entries(document: Document, action: str = "update") -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            object_type="library.document", object_id=str(document.pk), action=action
        )
    )


def relations() -> Any:
    """The relations the test made (the seeded catalogue has its own)."""
    return DocumentRelation.objects.filter(source__catalogue_key=None)


def form_data(document: Document, user: Any, **changes: Any) -> dict[str, Any]:
    """What the edit page posts when the user changes only ``changes``."""
    form = DocumentEditForm(instance=document, actor=user)
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if name == "date":
            year, month, day, approximate = field.widget.decompress(value)
            data.update({"date_0": year, "date_1": month, "date_2": day})
            if approximate:
                data["date_3"] = "on"
        elif name == "topics":
            data[name] = [str(pk) for pk in value or []]
        else:
            data[name] = "" if value is None else str(value)
    for name, value in changes.items():
        if name == "date":
            data.update(dict(zip(("date_0", "date_1", "date_2"), value, strict=True)))
        else:
            data[name] = value
    return data


@pytest.fixture
def researcher(make_user: Any) -> Any:
    return make_user("rana_researcher", "researcher")


def edit(client: Client, document: Document, data: dict[str, Any]) -> Any:
    return client.post(reverse("library:document_edit", args=[document.pk]), data)


# --- Services ------------------------------------------------------------------------------------


def test_update_reindexes_audits_the_changed_fields_and_nothing_else(
    corpus: dict[str, Document],
) -> None:
    document = corpus["torture_en"]
    assert document.pk not in found("Caesar")
    services.document_update(
        actor=None,
        document=document,
        data={"title_en": "Caesar photographs of detainees", "symbol": "A/HRC/99/1"},
    )
    assert document.pk in found("Caesar") and document.pk in found("A/HRC/99/1")
    assert document.pk not in found('"facilities Torture"')
    [entry] = audit_entries(document)
    assert entry.fields == ["symbol", "title_en"]
    # Saving the same values again changes nothing and writes no entry.
    services.document_update(
        actor=None, document=document, data={"title_en": "Caesar photographs of detainees"}
    )
    assert len(audit_entries(document)) == 1


def test_duplicate_symbol_is_refused_and_nothing_changes(corpus: dict[str, Document]) -> None:
    services.document_update(
        actor=None, document=corpus["chemical_en"], data={"symbol": "S/RES/9118 (2013)"}
    )
    torture = corpus["torture_en"]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.document_update(
            actor=None,
            document=torture,
            data={"symbol": "s/res/9118(2013)", "title_en": "Renamed"},
        )
    assert "already has this symbol" in " ".join(refused.value.messages)
    torture.refresh_from_db()
    assert torture.symbol == "" and torture.title_en == "Torture in detention facilities"
    assert audit_entries(torture) == []


def test_documents_that_already_share_a_symbol_can_still_be_edited(
    corpus: dict[str, Document],
) -> None:
    # The catalogue's two Covenants were adopted by one resolution and share its symbol.
    for key in ("chemical_en", "torture_en"):
        Document.objects.filter(pk=corpus[key].pk).update(symbol="A/RES/2200(XXI)")
    services.document_update(
        actor=None,
        document=Document.objects.get(pk=corpus["torture_en"].pk),
        data={"symbol": "A/RES/2200(XXI)", "title_ar": "عنوان جديد"},
    )
    assert Document.objects.get(pk=corpus["torture_en"].pk).title_ar == "عنوان جديد"


@pytest.fixture
def english() -> Any:
    with translation.override("en"):
        yield


def test_relation_to_itself_or_twice_is_refused_and_removal_is_audited(
    corpus: dict[str, Document], english: None
) -> None:
    report, resolution = corpus["detainees_ar"], corpus["chemical_en"]
    with pytest.raises(ValidationError, match="itself"):
        services.relation_add(actor=None, source=report, kind="responds_to", target=report)
    relation = services.relation_add(
        actor=None, source=report, kind=RelationKind.RESPONDS_TO, target=resolution
    )
    with pytest.raises(ValidationError, match="already related"):
        services.relation_add(actor=None, source=report, kind="responds_to", target=resolution)
    with pytest.raises(ValidationError):
        services.relation_add(actor=None, source=report, kind="supersedes", target=resolution)
    assert relations().count() == 1
    services.relation_remove(actor=None, relation=relation)
    assert not relations().exists()
    entry = AuditEntry.objects.get(object_type="library.documentrelation", action="delete")
    assert entry.detail == {
        "source": report.pk,
        "target": resolution.pk,
        "kind": "responds_to",
    }
    with pytest.raises(ValidationError, match="already removed"):
        services.relation_remove(actor=None, relation=relation)


def test_every_role_that_may_upload_may_edit() -> None:
    for role in ROLES:
        if "library.add_document" in role.permissions:
            for needed in (
                "library.change_document",
                "library.add_documentrelation",
                "library.delete_documentrelation",
            ):
                assert needed in role.permissions, (role.name, needed)
    researchers = Group.objects.get(name="researcher")
    codenames = set(researchers.permissions.values_list("codename", flat=True))
    assert {"change_document", "delete_documentrelation"} <= codenames


# --- The page ------------------------------------------------------------------------------------


def test_researcher_edits_metadata_topics_and_date_on_the_page(
    corpus: dict[str, Document], researcher: Any
) -> None:
    client = signed_in(researcher)
    document = corpus["disappearance_en"]
    staff_page = client.get(reverse("library:staff_detail", args=[document.pk])).content.decode()
    assert reverse("library:document_edit", args=[document.pk]) in staff_page
    page = client.get(reverse("library:document_edit", args=[document.pk]))
    assert page.status_code == 200 and "Enforced disappearance in Syria" in page.content.decode()
    topic = services.term_for(TOPIC_VOCABULARY, "missing_persons")
    assert topic is not None
    response = edit(
        client,
        document,
        form_data(
            document,
            researcher,
            symbol="A/HRC/48/70",
            title_en="Detention in Syria: a national trauma",
            date=("2021", "7", "13"),
            topics=[str(topic.pk)],
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("library:staff_detail", args=[document.pk])
    document.refresh_from_db()
    assert document.symbol == "A/HRC/48/70"
    assert document.date == PartialDate.parse("2021-07-13") and document.year == 2021
    assert list(document.topics.all()) == [topic]
    [entry] = audit_entries(document)
    assert entry.actor_username == "rana_researcher"
    assert entry.fields == ["date", "symbol", "title_en", "topics"]
    # The search index follows the new title and symbol at once.
    assert document.pk in found("trauma") and document.pk in found("A/HRC/48/70", public=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": ("2021", "", "13")}, "A day needs a month."),
        ({"date": ("2021", "2", "30")}, "There is no day 30"),
        ({"symbol": "", "title_ar": "", "title_en": ""}, "Give the document a title"),
        ({"title_en": "Bad\u202etitle"}, "direction-control"),
    ],
)
def test_bad_input_shows_a_message_and_changes_nothing(
    corpus: dict[str, Document], researcher: Any, changes: dict[str, Any], message: str
) -> None:
    document = corpus["disappearance_en"]
    data = form_data(document, researcher, **{"title_ar": "عنوان لا يُحفظ", **changes})
    response = edit(signed_in(researcher), document, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    document.refresh_from_db()
    assert document.title_ar == "الإخفاء القسري في سوريا"
    assert str(document.date) == str(PartialDate.parse("2021-06"))
    assert audit_entries(document) == []


def test_duplicate_symbol_on_the_page_in_arabic(
    corpus: dict[str, Document], researcher: Any
) -> None:
    Document.objects.filter(pk=corpus["chemical_en"].pk).update(symbol="S/RES/9118 (2013)")
    document = corpus["torture_en"]
    data = form_data(document, researcher, symbol="S/RES/9118 (2013)", title_en="Renamed")
    response = edit(signed_in(researcher, language="ar"), document, data)
    assert response.status_code == 200
    assert "وثيقة أخرى في المكتبة تحمل هذا الرمز" in response.content.decode()
    document.refresh_from_db()
    assert document.symbol == "" and document.title_en == "Torture in detention facilities"


def test_making_a_public_document_internal_takes_it_off_the_public_site_at_once(
    corpus: dict[str, Document], researcher: Any
) -> None:
    document = corpus["chemical_en"]
    version = document.versions.get()
    visitor = Client()
    detail = reverse("library:public_detail", args=[document.pk])
    file_url = reverse("library:public_file", args=[document.pk, version.pk])
    assert visitor.get(detail).status_code == 200
    assert document.pk in found("chemical", public=True)
    assert detail in visitor.get(reverse("library:sitemap")).content.decode()

    data = form_data(document, researcher, sensitivity=str(Sensitivity.INTERNAL))
    assert edit(signed_in(researcher), document, data).status_code == 302

    assert visitor.get(detail).status_code == 404
    assert visitor.get(file_url).status_code == 404
    assert document.pk not in found("chemical", public=True)
    listing = visitor.get(reverse("library:public_search"), {"q": "chemical"}).content.decode()
    assert "Chemical weapons attacks" not in listing
    assert detail + "<" not in visitor.get(reverse("library:sitemap")).content.decode()
    # Staff still find it.
    assert document.pk in found("chemical")
    [entry] = audit_entries(document)
    assert entry.fields == ["sensitivity"]


def test_publication_fields_only_on_a_publication(
    corpus: dict[str, Document], researcher: Any
) -> None:
    client = signed_in(researcher)
    report = corpus["torture_en"]
    assert (
        'name="abstract_en"'
        not in client.get(reverse("library:document_edit", args=[report.pk])).content.decode()
    )
    # Posting an author for an international document is ignored.
    edit(client, report, form_data(report, researcher, authors="Someone"))
    report.refresh_from_db()
    assert report.authors == ""

    study = services.document_create(
        actor=None,
        data={
            "collection": "publication",
            "title_en": "Study of trials in absentia",
            "sensitivity": Sensitivity.INTERNAL,
        },
    )
    page = client.get(reverse("library:document_edit", args=[study.pk])).content.decode()
    assert 'name="abstract_ar"' in page and 'name="authors"' in page
    data = form_data(
        study,
        researcher,
        authors="Research Unit",
        abstract_en="The study analyses counter-terrorism court rulings.",
        abstract_ar="تحلّل الدراسة أحكام محكمة الإرهاب.",
        sensitivity=str(Sensitivity.PUBLIC),
    )
    assert edit(client, study, data).status_code == 302
    listing = Client().get(reverse("library:public_publications")).content.decode()
    assert "Study of trials in absentia" in listing
    assert study.pk in found("rulings", public=True)  # the abstract was reindexed


def test_relations_added_by_symbol_or_number_and_removed_on_the_page(
    corpus: dict[str, Document], researcher: Any
) -> None:
    client = signed_in(researcher)
    report, resolution = corpus["detainees_ar"], corpus["chemical_en"]
    Document.objects.filter(pk=resolution.pk).update(symbol="S/RES/9118 (2013)")
    add = reverse("library:relation_add", args=[report.pk])
    response = client.post(add, {"kind": "responds_to", "target": "s/res/9118(2013)"})
    assert response.status_code == 302
    relation = relations().get()
    assert (relation.source, relation.kind, relation.target) == (report, "responds_to", resolution)
    response = client.post(add, {"kind": "cites", "target": str(corpus["torture_en"].pk)})
    assert response.status_code == 302
    assert relations().count() == 2
    page = client.get(reverse("library:document_edit", args=[report.pk])).content.decode()
    assert "Chemical weapons attacks" in page and "Torture in detention facilities" in page
    # The resolution's edit page shows the report's relation to it, and may remove it.
    remove = reverse("library:relation_remove", args=[resolution.pk, relation.pk])
    assert (
        remove
        in client.get(reverse("library:document_edit", args=[resolution.pk])).content.decode()
    )
    assert client.post(remove).status_code == 302
    assert relations().count() == 1
    assert AuditEntry.objects.filter(
        object_type="library.documentrelation", object_id=str(relation.pk), action="delete"
    ).exists()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("self", "cannot be related to itself"),
        ("A/RES/00/000", "No document in the library has the symbol or number"),
        ("shared", "Several documents have the symbol"),
    ],
)
def test_bad_relation_shows_a_message_and_adds_nothing(
    corpus: dict[str, Document], researcher: Any, target: str, message: str
) -> None:
    report = corpus["detainees_ar"]
    for key in ("chemical_en", "torture_en"):
        Document.objects.filter(pk=corpus[key].pk).update(symbol="A/RES/2200(XXI)")
    target = {"self": str(report.pk), "shared": "A/RES/2200(XXI)"}.get(target, target)
    response = signed_in(researcher).post(
        reverse("library:relation_add", args=[report.pk]), {"kind": "cites", "target": target}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not relations().exists()


# --- Who may edit --------------------------------------------------------------------------------


def test_viewer_and_documenter_may_not_edit(
    corpus: dict[str, Document], viewer: Any, documenter_a: Any, researcher: Any
) -> None:
    document = corpus["torture_en"]
    relation = services.relation_add(
        actor=None, source=document, kind="cites", target=corpus["chemical_en"]
    )
    data = form_data(document, researcher, title_en="Renamed by someone else")
    for user in (viewer, documenter_a):
        client = signed_in(user)
        assert client.get(reverse("library:document_edit", args=[document.pk])).status_code == 403
        assert edit(client, document, data).status_code == 403
        add = reverse("library:relation_add", args=[document.pk])
        assert client.post(add, {"kind": "cites", "target": "1"}).status_code == 403
        remove = reverse("library:relation_remove", args=[document.pk, relation.pk])
        assert client.post(remove).status_code == 403
    document.refresh_from_db()
    assert document.title_en == "Torture in detention facilities"
    assert relations().count() == 1
    staff_page = signed_in(viewer).get(reverse("library:staff_detail", args=[document.pk]))
    assert reverse("library:document_edit", args=[document.pk]) not in staff_page.content.decode()


def test_researcher_cannot_raise_a_document_above_own_clearance_or_see_what_is_above(
    corpus: dict[str, Document], researcher: Any
) -> None:
    document = corpus["torture_en"]
    data = form_data(document, researcher, sensitivity=str(Sensitivity.CONFIDENTIAL))
    assert edit(signed_in(researcher), document, data).status_code == 200
    document.refresh_from_db()
    assert document.sensitivity == Sensitivity.PUBLIC
    # A confidential document is not found, whether to edit it or to relate to it.
    Document.objects.filter(pk=corpus["chemical_en"].pk).update(
        sensitivity=Sensitivity.CONFIDENTIAL, symbol="S/RES/9118 (2013)"
    )
    client = signed_in(researcher)
    secret = corpus["chemical_en"]
    assert client.get(reverse("library:document_edit", args=[secret.pk])).status_code == 404
    response = client.post(
        reverse("library:relation_add", args=[document.pk]),
        {"kind": "cites", "target": "S/RES/9118 (2013)"},
    )
    assert "No document in the library has the symbol" in response.content.decode()
    response = client.post(
        reverse("library:relation_add", args=[document.pk]),
        {"kind": "cites", "target": str(secret.pk)},
    )
    assert "No document in the library has the symbol" in response.content.decode()
    assert not relations().exists()
