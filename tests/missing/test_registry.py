"""The registry: files, status over time, relatives' contact details, permissions, pages."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mizan.core.models import AuditEntry, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.services import item_ingest
from mizan.missing import selectors, services
from mizan.missing.models import GraveDocument, MissingPerson, Status
from tests.conftest import make_site, signed_in

PHONE = "+963 944 000 111"


@pytest.mark.django_db
def test_a_file_reuses_the_person_and_starts_missing(missing_file: MissingPerson) -> None:
    assert missing_file.person.first_name_ar == "سامر"
    assert missing_file.status == Status.MISSING
    assert missing_file.reference.startswith("MP-")
    assert missing_file.status_changes.count() == 1
    assert AuditEntry.objects.filter(object_type="cases.person").exists()
    assert AuditEntry.objects.filter(object_type="missing.missingperson").exists()


@pytest.mark.django_db
def test_status_follows_the_latest_change_by_date(
    missing_file: MissingPerson, officer: Any
) -> None:
    prison = make_site("Prison", "سجن", Sensitivity.INTERNAL)
    services.status_change_record(
        actor=officer,
        missing_person=missing_file,
        status=Status.DETAINED,
        date=PartialDate(2015, 3),
        facility=prison,
        source_description="A released detainee saw him.",
    )
    missing_file.refresh_from_db()
    assert missing_file.status == Status.DETAINED
    # An older piece of news recorded later does not hide the newer one.
    services.status_change_record(
        actor=officer,
        missing_person=missing_file,
        status=Status.MISSING,
        date=PartialDate(2013),
        source_description="Family report",
    )
    missing_file.refresh_from_db()
    assert missing_file.status == Status.DETAINED
    timeline = selectors.timeline(missing_file, officer)
    assert [c.status for c in timeline] == ["missing", "detained", "missing"]


@pytest.mark.django_db
def test_a_facility_only_with_detention(missing_file: MissingPerson, officer: Any) -> None:
    prison = make_site("Prison", "سجن", Sensitivity.INTERNAL)
    with pytest.raises(ValidationError):
        services.status_change_record(
            actor=officer, missing_person=missing_file, status=Status.FOUND, facility=prison
        )


@pytest.mark.django_db
def test_contact_details_only_for_cleared_officers(
    missing_file: MissingPerson, officer: Any, viewer: Any, documenter_a: Any, administrator: Any
) -> None:
    url = reverse("missing:file_detail", args=[missing_file.pk])
    assert PHONE in signed_in(officer).get(url).content.decode()
    assert PHONE in signed_in(administrator).get(url).content.decode()
    for refused in (viewer, documenter_a):
        page = signed_in(refused).get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert PHONE not in html and "family@example.org" not in html
        assert "Contact details are restricted" in html
    # The officer without a verified second factor is held at internal clearance.
    page = signed_in(officer, verified=False).get(url)
    assert PHONE not in page.content.decode()


@pytest.mark.django_db
def test_restricted_contact_needs_restricted_clearance(
    missing_file: MissingPerson, officer: Any, administrator: Any
) -> None:
    relative = missing_file.relatives.get()
    services.relative_update_contact(
        actor=administrator, relative=relative, data={"contact_sensitivity": Sensitivity.RESTRICTED}
    )
    url = reverse("missing:file_detail", args=[missing_file.pk])
    assert PHONE not in signed_in(officer).get(url).content.decode()  # confidential clearance
    assert PHONE in signed_in(administrator).get(url).content.decode()


@pytest.mark.django_db
def test_team_files_are_hidden_from_outsiders(
    officer: Any, registry_team: Any, documenter_b: Any, viewer: Any
) -> None:
    file = services.missing_person_create(
        actor=officer,
        data={"sensitivity": Sensitivity.INTERNAL, "team": registry_team},
        person_data={"first_name_ar": "باسل", "family_name_ar": "الخطيب"},
    )
    for outsider in (documenter_b, viewer):
        assert (
            signed_in(outsider).get(reverse("missing:file_detail", args=[file.pk])).status_code
            == 404
        )
        html = signed_in(outsider).get(reverse("missing:registry_list")).content.decode()
        assert "باسل" not in html
        assert "باسل" not in signed_in(outsider).get(reverse("missing:overview")).content.decode()
    assert "باسل" in signed_in(officer).get(reverse("missing:registry_list")).content.decode()


@pytest.mark.django_db
def test_registry_filters(officer: Any, place: Any) -> None:
    services.missing_person_create(
        actor=officer,
        data={"disappeared_on": PartialDate(2013, 5), "disappeared_at": place},
        person_data={"first_name_ar": "غسان"},
    )
    services.missing_person_create(
        actor=officer,
        data={"disappeared_on": PartialDate(2016)},
        person_data={"first_name_ar": "ماهر"},
    )
    client = signed_in(officer)
    url = reverse("missing:registry_list")
    html = client.get(url, {"year": "2013"}).content.decode()
    assert "غسان" in html and "ماهر" not in html
    html = client.get(url, {"governorate": place.governorate.code}).content.decode()
    assert "غسان" in html and "ماهر" not in html
    html = client.get(url, {"status": "found"}).content.decode()
    assert "غسان" not in html


@pytest.mark.django_db
def test_pages_in_both_languages(missing_file: MissingPerson, officer: Any) -> None:
    for language, word in (("en", "Status over time"), ("ar", "الحالة عبر الزمن")):
        client = signed_in(officer, language=language)
        page = client.get(reverse("missing:file_detail", args=[missing_file.pk]))
        assert word in page.content.decode()
        for name in ("registry_list", "list_list", "overview", "grave_list", "file_create"):
            assert client.get(reverse(f"missing:{name}")).status_code == 200


@pytest.mark.django_db
def test_forms_write_through_services(missing_file: MissingPerson, officer: Any) -> None:
    client = signed_in(officer)
    pk = missing_file.pk
    response = client.post(
        reverse("missing:status_add", args=[pk]),
        {"status": "deceased", "date_0": "2016", "source_description": "Official document"},
    )
    assert response.status_code == 302
    missing_file.refresh_from_db()
    assert missing_file.status == Status.DECEASED
    relative = missing_file.relatives.get()
    scopes = Term.objects.of("consent_scope").filter(code__in=["un_bodies", "iimp"])
    response = client.post(
        reverse("missing:report_add", args=[pk]),
        {
            "reported_by": relative.pk,
            "consent_scopes": [t.pk for t in scopes],
            "account": "...",
        },
    )
    assert response.status_code == 302
    report = missing_file.reports.get()
    assert report.allows("un_bodies") and report.allows("iimp")
    assert not report.allows("other_organisations") and not report.allows("iiim")
    response = client.post(
        reverse("missing:contact_add", args=[pk]),
        {
            "kind": "notification",
            "relative": relative.pk,
            "date": "2024-02-01",
            "summary": "Told the family of the document.",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("missing:relative_add", args=[pk]),
        {
            "name_ar": "خالد الحلبي",
            "relationship": "brother",
            "phone": "123",
            "contact_sensitivity": "2",
        },
    )
    assert response.status_code == 302
    assert missing_file.relatives.count() == 2
    response = client.post(
        reverse("missing:file_create"),
        {
            "name_ar": "رامي محمد العطار",
            "sex": "male",
            "birth_year": "1990",
            "disappeared_on_0": "2014",
            "sensitivity": "1",
            "source_description": "His mother",
        },
    )
    assert response.status_code == 302
    new = MissingPerson.objects.order_by("-pk").first()
    assert new is not None and new.person.family_name_ar == "العطار"
    assert new.disappearance_year == 2014
    assert new.status_changes.get().source_description == "His mother"


@pytest.mark.django_db
def test_viewers_cannot_write(missing_file: MissingPerson, viewer: Any) -> None:
    client = signed_in(viewer)
    for name in ("status_add", "relative_add", "report_add", "contact_add", "file_edit"):
        assert client.get(reverse(f"missing:{name}", args=[missing_file.pk])).status_code == 403
    assert client.get(reverse("missing:file_create")).status_code == 403
    assert client.get(reverse("missing:list_create")).status_code == 403


@pytest.mark.django_db
def test_web_import_dry_run_then_import(
    officer: Any, tmp_path: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mizan.missing.models import ImportJob, SourceList

    settings.MEDIA_ROOT = tmp_path
    client = signed_in(officer)
    client.post(
        reverse("missing:list_create"),
        {"name": "Families", "origin": "families", "reliability": "B", "sensitivity": "1"},
    )
    source = SourceList.objects.get(name="Families")
    body = "record_id,full_name\n1,محمد الشامي\n1,أحمد الحلبي\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("missing:list_import", args=[source.pk]),
            {"file": SimpleUploadedFile("list.csv", body, content_type="text/csv")},
        )
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("missing:job_detail", args=[job.pk])
    assert job.state == "checked" and job.error_count == 1
    page = client.get(reverse("missing:job_detail", args=[job.pk])).content.decode()
    assert "already used in row 2" in page and "Import now" not in page
    good = "record_id,full_name\n1,محمد الشامي\n2,أحمد الحلبي\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("missing:list_import", args=[source.pk]),
            {"file": SimpleUploadedFile("list.csv", good, content_type="text/csv")},
        )
    job = ImportJob.objects.order_by("-pk").first()
    assert job is not None and job.state == "checked" and job.error_count == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("missing:job_confirm", args=[job.pk]))
    done = ImportJob.objects.order_by("-pk").first()
    assert done is not None and done.state == "done" and not done.dry_run
    source.refresh_from_db()
    assert source.record_count == 2


@pytest.mark.django_db
def test_overview_counts_and_overlap(officer: Any, tmp_path: Any) -> None:
    from mizan.missing.models import SourceList

    rows = "record_id,full_name,national_id\n1,محمد الشامي,111\n2,أحمد الحلبي,222\n"
    other = "record_id,full_name,national_id\n9,محمد شامي,111\n"
    for name, body in (("A", rows), ("B", other)):
        path = tmp_path / f"{name}.csv"
        path.write_text(body, encoding="utf-8")
        source = services.source_list_create(
            actor=officer, data={"name": name, "origin": SourceList.Origin.FAMILIES}
        )
        services.source_list_import(actor=officer, source_list=source, path=path)
    result = selectors.overlap(officer)
    assert [s.name for s in result.lists] == ["A", "B"]
    assert result.matrix == [[2, 1], [1, 1]]
    assert result.pairs.rows == [("A ∩ B", 1)]
    client = signed_in(officer)
    csv_body = client.get(reverse("missing:overview"), {"csv": "overlap"}).content.decode()
    assert "A,2,1" in csv_body
    assert AuditEntry.objects.filter(action="export", object_type="missing.overview").exists()
    assert client.get(reverse("missing:overview"), {"csv": "nope"}).status_code == 404


@pytest.mark.django_db
def test_progress_is_polled_until_the_job_ends(officer: Any, tmp_path: Any, settings: Any) -> None:
    from mizan.missing.models import ImportJob, SourceList

    settings.MEDIA_ROOT = tmp_path
    source = services.source_list_create(
        actor=officer, data={"name": "L", "origin": SourceList.Origin.OTHER}
    )
    job = ImportJob.objects.create(
        source_list=source,
        file_path=str(tmp_path / "x.csv"),
        file_name="x.csv",
        state=ImportJob.State.RUNNING,
    )
    services.progress_path(job).write_text('{"rows": 4000, "fraction": 0.4}')
    client = signed_in(officer)
    url = reverse("missing:job_detail", args=[job.pk])
    partial = client.get(url, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200 and b'value="0.4"' in partial.content
    assert b"4000" in partial.content or b"4,000" in partial.content
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.CHECKED)
    done = client.get(url, HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_a_protected_relative_is_never_named(
    missing_file: MissingPerson, officer: Any, viewer: Any
) -> None:
    relative = missing_file.relatives.get()
    person = relative.person
    person.identity_sensitivity = Sensitivity.RESTRICTED
    person.pseudonym = "Relative R-1"
    person.save()
    services.family_report_add(
        actor=officer,
        missing_person=missing_file,
        data={
            "reported_by": relative,
            "consent_scopes": Term.objects.filter(vocabulary="consent_scope", code="internal_use"),
        },
    )
    for user in (officer, viewer):
        html = (
            signed_in(user)
            .get(reverse("missing:file_detail", args=[missing_file.pk]))
            .content.decode()
        )
        assert "فاطمة" not in html and "Relative R-1" in html
        form = signed_in(user).get(reverse("missing:report_add", args=[missing_file.pk]))
        if form.status_code == 200:
            assert "فاطمة" not in form.content.decode()


@pytest.mark.django_db
def test_web_upload_over_the_limit_is_refused_unread(
    officer: Any, tmp_path: Any, settings: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mizan.missing.models import ImportJob, SourceList

    settings.MEDIA_ROOT = tmp_path
    settings.MIZAN_MISSING_IMPORT_MAX_BYTES = 1000
    source = services.source_list_create(
        actor=officer, data={"name": "L", "origin": SourceList.Origin.OTHER}
    )
    client = signed_in(officer, language="en")
    url = reverse("missing:list_import", args=[source.pk])
    big = SimpleUploadedFile("big.csv", b"record_id,full_name\n" + b"1,x\n" * 40_000)
    response = client.post(url, {"file": big}, follow=True)
    assert "the largest file accepted" in response.content.decode()
    small_but_over = SimpleUploadedFile("l.csv", b"record_id,full_name\n" + b"1,x\n" * 300)
    response = client.post(url, {"file": small_but_over}, follow=True)
    assert "the largest file accepted" in response.content.decode()
    pdf = SimpleUploadedFile("l.pdf", b"%PDF")
    response = client.post(url, {"file": pdf}, follow=True)
    assert "Only CSV and XLSX" in response.content.decode()
    assert not ImportJob.objects.exists() and not list((tmp_path / "imports").glob("*"))
    # The CSRF check still applies to uploads within the limit.
    strict = signed_in(officer)
    strict.handler.enforce_csrf_checks = True
    assert strict.post(url, {"file": pdf}).status_code == 403


@pytest.mark.django_db
def test_contact_details_are_edited_by_cleared_officers_only(
    missing_file: MissingPerson, officer: Any, administrator: Any
) -> None:
    relative = missing_file.relatives.get()
    url = reverse("missing:relative_edit", args=[missing_file.pk, relative.pk])
    response = signed_in(officer).post(
        url, {"phone": "+90 500 000 0000", "contact_sensitivity": "2"}
    )
    assert response.status_code == 302
    relative.refresh_from_db()
    assert relative.phone == "+90 500 000 0000"
    services.relative_update_contact(
        actor=administrator, relative=relative, data={"contact_sensitivity": Sensitivity.RESTRICTED}
    )
    assert signed_in(officer).get(url).status_code == 403
    assert signed_in(administrator).get(url).status_code == 200


@pytest.mark.django_db
def test_files_found_in_a_list_by_national_id(officer: Any, tmp_path: Any) -> None:
    from mizan.missing.models import SourceList

    file = services.missing_person_create(
        actor=officer, data={}, person_data={"first_name_ar": "وائل", "national_id": "0101"}
    )
    services.missing_person_create(actor=officer, data={}, person_data={"first_name_ar": "طارق"})
    path = tmp_path / "l.csv"
    path.write_text("record_id,full_name,national_id\n7,وائل السعدي,٠١٠١\n", encoding="utf-8")
    source = services.source_list_create(
        actor=officer, data={"name": "Notices", "origin": SourceList.Origin.OFFICIAL}
    )
    services.source_list_import(actor=officer, source_list=source, path=path)
    client = signed_in(officer, language="en")
    html = client.get(reverse("missing:registry_list"), {"source_list": source.pk}).content.decode()
    assert "وائل" in html and "طارق" not in html
    page = client.get(reverse("missing:file_detail", args=[file.pk])).content.decode()
    assert "Notices" in page and "not yet reviewed" in page


@pytest.mark.django_db
def test_a_file_for_an_existing_person(officer: Any) -> None:
    from mizan.cases import services as cases_services

    person = cases_services.person_create(
        actor=officer, data={"first_name_ar": "جمال", "family_name_ar": "الخليل"}
    )
    client = signed_in(officer)
    page = client.get(reverse("cases:person_detail", args=[person.pk])).content.decode()
    create = reverse("missing:file_create") + f"?person={person.pk}"
    assert create.replace("&", "&amp;") in page or create in page
    response = client.post(create, {"disappeared_on_0": "2012", "sensitivity": "1"})
    file = MissingPerson.objects.get(person=person)
    assert response["Location"] == reverse("missing:file_detail", args=[file.pk])
    # A second attempt leads to the existing file instead of a duplicate.
    again = client.get(create)
    assert again["Location"] == reverse("missing:file_detail", args=[file.pk])


@pytest.mark.django_db
def test_a_relative_above_the_readers_level_is_not_named(
    missing_file: MissingPerson, viewer: Any, officer: Any
) -> None:
    from mizan.cases import services as cases_services

    relative = missing_file.relatives.get()
    cases_services.person_update(
        actor=officer, person=relative.person, data={"sensitivity": Sensitivity.CONFIDENTIAL}
    )
    html = signed_in(viewer).get(reverse("missing:file_detail", args=[missing_file.pk]))
    assert "فاطمة" not in html.content.decode()
    assert (
        "فاطمة"
        in signed_in(officer)
        .get(reverse("missing:file_detail", args=[missing_file.pk]))
        .content.decode()
    )


@pytest.mark.django_db
def test_lists_above_the_readers_level_are_not_counted(
    officer: Any, viewer: Any, tmp_path: Any
) -> None:
    from mizan.missing.models import SourceList

    path = tmp_path / "l.csv"
    path.write_text("record_id,full_name,national_id\n1,محمد الشامي,555\n", encoding="utf-8")
    secret = services.source_list_create(
        actor=officer,
        data={
            "name": "Leaked branch register",
            "origin": SourceList.Origin.OFFICIAL,
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
    )
    services.source_list_import(actor=officer, source_list=secret, path=path)
    client = signed_in(viewer, language="en")
    for url in (
        reverse("missing:overview"),
        reverse("missing:overview") + "?csv=source",
        reverse("missing:overview") + "?csv=overlap",
        reverse("missing:list_list"),
    ):
        assert "Leaked branch register" not in client.get(url).content.decode()
    assert client.get(reverse("missing:list_detail", args=[secret.pk])).status_code == 404
    assert (
        "Leaked branch register"
        in signed_in(officer).get(reverse("missing:overview")).content.decode()
    )


@pytest.mark.django_db
def test_a_record_shows_its_row_verbatim(officer: Any, tmp_path: Any) -> None:
    from mizan.missing.models import SourceList

    path = tmp_path / "l.csv"
    path.write_text("رقم السجل,الاسم الكامل,سنة الولادة\n٧,سامر الحموي,١٩٩٠\n", encoding="utf-8")
    source = services.source_list_create(
        actor=officer, data={"name": "L", "origin": SourceList.Origin.FAMILIES}
    )
    services.source_list_import(actor=officer, source_list=source, path=path)
    record = source.records.get()
    html = (
        signed_in(officer)
        .get(reverse("missing:record_detail", args=[source.pk, record.pk]))
        .content.decode()
    )
    assert "١٩٩٠" in html and "1990" in html and "رقم السجل" in html


@pytest.mark.django_db
def test_grave_documents(officer: Any, viewer: Any, registry_team: Any) -> None:
    grave = make_site(
        "Grave (test)", "مقبرة (اختبار)", Sensitivity.INTERNAL, site_type="mass_grave"
    )
    hidden = make_site(
        "Undisclosed grave", "مقبرة غير معلنة", Sensitivity.RESTRICTED, site_type="mass_grave"
    )
    client = signed_in(officer, language="en")
    form = {
        "site": grave.pk,
        "title": "Burial register 2014",
        "document_date_0": "2015",
        "evidence_reference": "EV-2015-999999",
        "persons_listed": "25",
        "sensitivity": "1",
    }
    # An EV- reference must be an item of the locker the officer can see; then it is linked.
    unknown = client.post(reverse("missing:grave_list"), form)
    assert "No item EV-2015-999999 in the evidence locker" in unknown.content.decode()
    item = item_ingest(
        io.BytesIO(b"burial register scan"), filename="register.pdf", actor=None
    ).item
    response = client.post(
        reverse("missing:grave_list"), {**form, "evidence_reference": item.reference.lower()}
    )
    assert response.status_code == 302
    document = GraveDocument.objects.get(title="Burial register 2014")
    assert document.evidence_item == item and document.evidence_reference == item.reference
    services.grave_document_create(
        actor=officer,
        data={"site": hidden, "title": "Secret register", "sensitivity": Sensitivity.INTERNAL},
    )
    html = signed_in(viewer, language="en").get(reverse("missing:grave_list")).content.decode()
    assert "Burial register 2014" in html
    assert "Secret register" not in html and "Undisclosed" not in html
    prison = make_site("Prison", "سجن", Sensitivity.INTERNAL)
    with pytest.raises(ValidationError):
        services.grave_document_create(actor=officer, data={"site": prison, "title": "x"})
    assert signed_in(viewer).post(reverse("missing:grave_list"), {}).status_code == 403


@pytest.mark.django_db
def test_registry_exports_the_filtered_list_as_safe_csv(
    officer: Any, registry_team: Any, viewer: Any
) -> None:
    from mizan.core.models import AuditEntry

    services.missing_person_create(
        actor=officer,
        data={"disappeared_on": PartialDate(2013, 5)},
        person_data={"first_name_ar": "=HYPERLINK(1)", "family_name_ar": "غسان"},
    )
    services.missing_person_create(
        actor=officer,
        data={"disappeared_on": PartialDate(2016), "team": registry_team},
        person_data={"first_name_ar": "ماهر"},
    )
    url = reverse("missing:registry_export")
    response = signed_in(officer).get(url, {"year": "2013"})
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    lines = body.lstrip("\ufeff").splitlines()
    assert lines[0] == "reference,name,disappeared_on,governorate,status,sensitivity"
    assert len(lines) == 2 and "2013-05" in lines[1] and "'=HYPERLINK(1)" in lines[1]
    assert AuditEntry.objects.filter(action="export", object_type="missing.missingperson").exists()
    # A file of a team the viewer is not on is not exported to them.
    other = b"".join(signed_in(viewer).get(url).streaming_content).decode()
    assert "ماهر" not in other


@pytest.mark.django_db
def test_a_record_linked_to_a_person_out_of_reach_has_no_link(
    officer: Any, viewer: Any, team_b: Any
) -> None:
    from mizan.cases import services as cases_services
    from mizan.missing.models import SourceRecord

    source_list = services.source_list_create(
        actor=None, data={"name": "Families' list (synthetic)", "origin": "families"}
    )
    hidden = cases_services.person_create(
        actor=None, data={"first_name_ar": "سري", "sensitivity": 2, "team": team_b}
    )
    SourceRecord.objects.create(
        source_list=source_list, row_number=2, record_id="1", raw={}, person=hidden
    )
    url = reverse("missing:list_detail", args=[source_list.pk])
    page = signed_in(viewer).get(url).content.decode()
    assert reverse("cases:person_detail", args=[hidden.pk]) not in page
    assert (
        signed_in(viewer).get(reverse("cases:person_detail", args=[hidden.pk])).status_code == 404
    )
