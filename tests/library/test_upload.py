"""Upload in the web UI: a researcher adds a document; duplicates and empty files are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mizan.core.models import AuditEntry
from mizan.library.models import Document, Extraction
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def form(content: bytes, **extra: Any) -> dict[str, Any]:
    return {
        "collection": "international",
        "title_ar": "تقرير عن المعتقلين",
        "title_en": "",
        "language": "ar",
        "sensitivity": "1",
        "file": SimpleUploadedFile("report.txt", content, content_type="text/plain"),
        **extra,
    }


def test_researcher_uploads_and_text_becomes_searchable(
    make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    researcher = make_user("rana_researcher", "researcher")
    client = signed_in(researcher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("library:upload"), form("وثقت اللجنة أوضاع المعتقلين".encode())
        )
    assert response.status_code == 302
    document = Document.objects.get(title_ar="تقرير عن المعتقلين")
    assert document.versions.get().status == Extraction.DONE
    assert AuditEntry.objects.filter(object_id=str(document.pk), action="create").exists()
    page = client.get(reverse("library:staff_search"), {"q": "والمعتقلين"}).content.decode()
    assert "تقرير عن المعتقلين" in page
    detail = client.get(reverse("library:staff_detail", args=[document.pk])).content.decode()
    assert "Text extracted" in detail or "استُخرج" in detail


def test_duplicate_and_empty_files_are_refused_with_a_message(make_user: Any) -> None:
    client = signed_in(make_user("rana_researcher", "researcher"))
    client.post(reverse("library:upload"), form(b"same content"))
    before = Document.objects.count()
    response = client.post(reverse("library:upload"), form(b"same content", title_ar="نسخة"))
    assert response.status_code == 200 and "already in the library" in response.content.decode()
    response = client.post(reverse("library:upload"), form(b"", title_ar="فارغ"))
    assert response.status_code == 200 and "empty" in response.content.decode()
    assert Document.objects.count() == before


def test_viewer_cannot_upload(viewer: Any) -> None:
    response = signed_in(viewer).post(reverse("library:upload"), form(b"x"))
    assert response.status_code == 403
    assert not Document.objects.filter(title_ar="تقرير عن المعتقلين").exists()


def test_researcher_cannot_file_above_own_clearance(make_user: Any) -> None:
    client = signed_in(make_user("rana_researcher", "researcher"))
    response = client.post(reverse("library:upload"), form(b"x", sensitivity="3"))
    assert response.status_code == 200
    assert not Document.objects.filter(title_ar="تقرير عن المعتقلين").exists()


def test_researcher_adds_the_english_file_to_an_arabic_document(
    make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = signed_in(make_user("rana_researcher", "researcher"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("library:upload"), form("وثقت اللجنة أوضاع المعتقلين".encode()))
    document = Document.objects.get(title_ar="تقرير عن المعتقلين")
    url = reverse("library:version_add", args=[document.pk])
    english = SimpleUploadedFile("report-en.txt", b"The commission documented detainees.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"language": "en", "file": english})
    assert response.status_code == 302
    assert sorted(document.versions.values_list("language", flat=True)) == ["ar", "en"]
    page = client.get(reverse("library:staff_search"), {"q": "commission detainees"})
    assert "تقرير عن المعتقلين" in page.content.decode()
    # The same content again is refused with a message; nothing is added.
    again = SimpleUploadedFile("copy.txt", b"The commission documented detainees.")
    client.post(url, {"language": "en", "file": again})
    assert document.versions.count() == 2


def test_viewer_cannot_add_a_file(viewer: Any) -> None:
    from mizan.library import services

    document = services.document_create(actor=None, data={"title_en": "Internal", "sensitivity": 1})
    url = reverse("library:version_add", args=[document.pk])
    response = signed_in(viewer).post(
        url, {"language": "en", "file": SimpleUploadedFile("x.txt", b"x")}
    )
    assert response.status_code == 403
    assert document.versions.count() == 0


def test_a_duplicate_of_a_document_out_of_reach_is_not_named(make_user: Any, team_b: Any) -> None:
    """The library keeps one file per content. Refusing a researcher's upload with the number of
    a confidential document of another team would confirm the library holds it, and which."""
    import io

    from mizan.core.sensitivity import Sensitivity
    from mizan.library import services

    hidden = services.document_create(
        actor=None,
        data={
            "title_ar": "مذكرة داخلية",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_b,
        },
    )
    services.version_add(
        actor=None,
        document=hidden,
        language="ar",
        stream=io.BytesIO(b"a synthetic internal memorandum"),
        original_name="memo.txt",
        extraction="none",
    )
    researcher = make_user("rana_researcher", "researcher")
    assert not Document.objects.visible_to(researcher).filter(pk=hidden.pk).exists()
    client = signed_in(researcher)
    response = client.post(
        reverse("library:upload"), form(b"a synthetic internal memorandum", title_ar="نسخة")
    )
    page = response.content.decode()
    assert response.status_code == 200 and "a document you cannot see" in page
    assert f"document {hidden.pk})" not in page
    client.post(reverse("library:upload"), form(b"a synthetic public report"))
    response = client.post(reverse("library:upload"), form(b"a synthetic public report"))
    own = Document.objects.get(title_ar="تقرير عن المعتقلين")
    assert f"already in the library (document {own.pk})" in response.content.decode()


def test_the_file_is_stored_before_the_documents_transaction(
    make_user: Any, monkeypatch: Any
) -> None:
    """On SQLite a transaction holds the database's one write lock: a library file (up to a
    gigabyte) read, hashed and copied inside the transaction that records its document would
    stop every other writer meanwhile. The page stores it first."""
    from django.core.files.storage import default_storage
    from django.db import connection

    depths: list[int] = []
    baseline = len(connection.atomic_blocks)
    save = default_storage.save

    def traced(name: Any, content: Any, *args: Any, **kwargs: Any) -> Any:
        depths.append(len(connection.atomic_blocks) - baseline)
        return save(name, content, *args, **kwargs)

    monkeypatch.setattr(default_storage, "save", traced)
    client = signed_in(make_user("rana_researcher", "researcher"))
    response = client.post(reverse("library:upload"), form(b"a synthetic annual report"))
    assert response.status_code == 302
    assert Document.objects.get(title_ar="تقرير عن المعتقلين").versions.count() == 1
    assert depths == [0]


def test_a_version_refused_after_its_file_was_stored_leaves_no_file(
    make_user: Any, monkeypatch: Any
) -> None:
    import io

    from django.core.files.storage import default_storage
    from django.db import IntegrityError

    from mizan.library import services
    from mizan.library.models import DocumentVersion

    document = services.document_create(actor=None, data={"title_ar": "وثيقة"})

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise IntegrityError("refused (synthetic)")

    monkeypatch.setattr(DocumentVersion.objects, "create", refuse)
    content = b"a synthetic file refused after it was stored"
    with pytest.raises(IntegrityError):
        services.version_add(
            actor=None,
            document=document,
            language="ar",
            stream=io.BytesIO(content),
            original_name="refused.txt",
        )
    import hashlib

    sha256 = hashlib.sha256(content).hexdigest()
    assert not default_storage.exists(f"library/{sha256[:2]}/{sha256}.txt")
