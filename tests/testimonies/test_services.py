"""Testimonies' services, from the refused side first: consent, originals, transcripts,
publication."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from mizan.core.models import AuditEntry
from mizan.evidence.models import CustodyEvent, Item
from mizan.testimonies import services
from mizan.testimonies.models import Publication, Segment, Transcript
from tests.testimonies.conftest import give_consent, wav_bytes, with_recording

VTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
بدأ التحقيق في الليل.

00:00:01.000 --> 00:00:02.500
نقلونا إلى سجن آخر.
"""


def test_publication_without_consent_is_refused(testimony: Any) -> None:
    with pytest.raises(ValidationError, match="not consented to anonymised publication"):
        services.publication_create(
            actor=None, testimony=testimony, narrative="قالت سلمى إنها اعتقلت.", title="شهادة"
        )
    assert not Publication.objects.exists()


def test_named_publication_needs_the_named_scope(consented: Any) -> None:
    with pytest.raises(ValidationError, match="with their name"):
        services.publication_create(
            actor=None, testimony=consented, narrative="Ruba al-Hamwi", title="t", kind="named"
        )


def test_narrative_naming_the_interviewee_in_latin_letters_is_refused(consented: Any) -> None:
    narrative = "قالت سلمى إنها اعتقلت عام 2013.\nLater, Ruba al-Hamwi was moved to Sednaya.\n"
    with pytest.raises(services.LeakFound) as caught:
        services.publication_create(
            actor=None, testimony=consented, narrative=narrative, title="شهادة سلمى"
        )
    # The family name is the relative's too: one occurrence per person it may identify.
    found = {(o.line, o.column, o.text, o.reference) for o in caught.value.occurrences}
    assert (2, 8, "Ruba al-Hamwi", services.person_reference(consented.interviewee)) in found
    assert {(line, column) for line, column, _text, _ref in found} == {(2, 8), (2, 13)}
    assert not Publication.objects.exists()


def test_relatives_phone_and_name_and_the_title_are_checked(consented: Any) -> None:
    narrative = "اتصلت بأخيها على 0944123456.\nوكان عبدالرحمن معها."
    with pytest.raises(services.LeakFound) as caught:
        services.publication_create(
            actor=None, testimony=consented, narrative=narrative, title="Ruba's story"
        )
    found = {(o.line, o.kind) for o in caught.value.occurrences}
    assert found == {(0, "name"), (1, "phone"), (2, "name")}


def test_publish_then_withdraw_consent_unpublishes_at_once(consented: Any) -> None:
    publication = services.publication_create(
        actor=None, testimony=consented, narrative="قالت سلمى إنها اعتقلت.", title="شهادة سلمى"
    )
    assert list(Publication.objects.public()) == [publication]
    consent = consented.consents.get()
    withdrawn = services.consent_withdraw(actor=None, consent=consent, reason="طلبت ذلك")
    assert [p.pk for p in withdrawn] == [publication.pk]
    assert not Publication.objects.public().exists()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None  # kept as history, not deleted
    assert AuditEntry.objects.filter(
        object_type="testimonies.publication", object_id=str(publication.pk), action="update"
    ).exists()
    with pytest.raises(ValidationError):
        services.publication_create(
            actor=None, testimony=consented, narrative="قالت سلمى.", title="شهادة"
        )


def test_withdrawing_one_consent_keeps_a_publication_another_allows(consented: Any) -> None:
    give_consent(consented, ("anonymised_publication",))
    publication = services.publication_create(
        actor=None, testimony=consented, narrative="قالت سلمى.", title="شهادة"
    )
    first = consented.consents.order_by("pk").first()
    assert services.consent_withdraw(actor=None, consent=first, reason="r") == []
    assert Publication.objects.public().get() == publication


def test_a_new_version_replaces_the_published_one(consented: Any) -> None:
    first = services.publication_create(
        actor=None, testimony=consented, narrative="نص أول.", title="شهادة"
    )
    second = services.publication_create(
        actor=None, testimony=consented, narrative="نص ثان.", title="شهادة"
    )
    first.refresh_from_db()
    assert first.state == Publication.State.WITHDRAWN and first.narrative == "نص أول."
    assert list(Publication.objects.public()) == [second]


def test_consent_scopes_needing_a_form_are_refused_without_one(testimony: Any) -> None:
    with pytest.raises(ValidationError, match="need the signed form"):
        services.consent_record(
            actor=None,
            testimony=testimony,
            scopes=["anonymised_publication"],
            method="verbal",
            taken_on=date(2024, 4, 25),
        )
    with pytest.raises(ValidationError, match="needs the signed form"):
        services.consent_record(
            actor=None,
            testimony=testimony,
            scopes=["internal_use"],
            method="written",
            taken_on=date(2024, 4, 25),
        )
    with pytest.raises(ValidationError, match="Unknown consent scope"):
        services.consent_record(
            actor=None,
            testimony=testimony,
            scopes=["tv"],
            method="verbal",
            taken_on=date(2024, 1, 1),
        )
    assert not testimony.consents.exists()
    # Internal use on a verbal consent needs no form.
    services.consent_record(
        actor=None,
        testimony=testimony,
        scopes=["internal_use"],
        method="verbal",
        taken_on=date(2024, 4, 25),
    )


def test_recording_goes_to_the_locker_with_the_testimony_protection(testimony: Any) -> None:
    give_consent(testimony)
    item = services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(wav_bytes(3)),
        filename="interview.wav",
        as_recording=True,
    )
    testimony.refresh_from_db()
    assert testimony.recording == item and testimony.duration_seconds == 3
    assert (item.sensitivity, item.team_id) == (testimony.sensitivity, testimony.team_id)
    assert CustodyEvent.objects.filter(item=item, action="ingest").exists()
    assert set(item.consent_scopes.values_list("code", flat=True)) == {"anonymised_publication"}


def test_silent_recording_is_refused_and_nothing_stored(testimony: Any) -> None:
    with pytest.raises(ValidationError, match="silent"):
        services.original_add(
            actor=None,
            testimony=testimony,
            stream=io.BytesIO(wav_bytes(2, silent=True)),
            filename="mic-off.wav",
            as_recording=True,
        )
    assert not Item.objects.exists()
    testimony.refresh_from_db()
    assert testimony.recording is None


def test_webvtt_import_and_export_round_trip(testimony: Any) -> None:
    testimony = with_recording(testimony)
    transcript = services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=VTT.encode(), filename="t.vtt"
    )
    assert list(transcript.segments.values_list("start_ms", "end_ms")) == [(0, 1000), (1000, 2500)]
    exported = services.transcript_export(transcript, "srt", actor=None)
    assert "00:00:01,000 --> 00:00:02,500\nنقلونا إلى سجن آخر." in exported
    again = services.transcript_import(
        actor=None, testimony=testimony, language="en", data=exported.encode(), filename="t.srt"
    )
    assert again.segments.count() == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nب\n\n00:00:00.000 --> 00:00:00.500\nأ\n",
            "out of order",
        ),
        (
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nأ\n\n00:00:01.000 --> 00:00:02.500\nب\n",
            "overlap",
        ),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:09.000\nأ\n", "after the end of the recording"),
        ("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nأ\n", "before it starts"),
        ("not a subtitle file", "not a valid WebVTT file"),
    ],
)
def test_bad_time_codes_are_refused_and_nothing_written(
    testimony: Any, content: str, message: str
) -> None:
    testimony = with_recording(testimony)
    with pytest.raises(ValidationError) as caught:
        services.transcript_import(
            actor=None, testimony=testimony, language="ar", data=content.encode(), filename="t.vtt"
        )
    assert message in " ".join(caught.value.messages)
    assert not Transcript.objects.exists() and not Segment.objects.exists()


def test_transcript_in_the_wrong_encoding_is_refused(testimony: Any) -> None:
    data = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nبدأ التحقيق\n".encode("cp1256")
    with pytest.raises(ValidationError, match="not UTF-8"):
        services.transcript_import(
            actor=None, testimony=testimony, language="ar", data=data, filename="t.vtt"
        )
    assert not Transcript.objects.exists()


def test_plain_text_transcript_has_untimed_segments(testimony: Any) -> None:
    transcript = services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        data="فقرة أولى\n\nفقرة ثانية\n".encode(),
        filename="t.txt",
    )
    assert list(transcript.segments.values_list("start_ms", "text")) == [
        (None, "فقرة أولى"),
        (None, "فقرة ثانية"),
    ]


def test_persons_indexed_in_a_segment_are_protected_too(consented: Any) -> None:
    from mizan.cases import services as cases_services

    other = cases_services.person_create(
        actor=None,
        data={"first_name_lat": "Yasmin", "family_name_lat": "Attar", "identity_sensitivity": 2},
    )
    transcript = services.transcript_import(
        actor=None, testimony=consented, language="ar", data="فقرة\n".encode(), filename="t.txt"
    )
    services.segment_index(actor=None, segment=transcript.segments.get(), persons=[other])
    with pytest.raises(services.LeakFound):
        services.publication_create(
            actor=None, testimony=consented, narrative="Yasmin was there.", title="t"
        )


def test_a_file_already_in_the_locker_out_of_reach_is_not_linked(
    testimony: Any, documenter_a: Any, team_b: Any
) -> None:
    from mizan.evidence.services import item_ingest

    audio = wav_bytes(2)
    hidden = item_ingest(io.BytesIO(audio), filename="a.wav", actor=None, team=team_b).item
    with pytest.raises(ValidationError, match="cannot see"):
        services.original_add(
            actor=documenter_a, testimony=testimony, stream=io.BytesIO(audio), filename="a.wav"
        )
    assert not testimony.originals.filter(pk=hidden.pk).exists()
    assert not hidden.persons.exists()


def test_adding_to_a_case_file_needs_consent_for_its_recipient_then_hands_over(
    consented: Any, tmp_path: Any
) -> None:
    from mizan.cases.models import CaseFile
    from mizan.core.models import Term
    from mizan.evidence.models import Recipient
    from mizan.evidence.services import handover_export

    iiim = Term.objects.get(vocabulary="recipient_category", code="iiim")
    case = CaseFile.objects.create(reference="CF-T-1", title="Case", recipient=iiim)
    testimony = with_recording(consented)
    services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=VTT.encode(), filename="t.vtt"
    )
    with pytest.raises(ValidationError, match="not consented to sharing"):
        services.testimony_add_to_case_file(actor=None, testimony=testimony, case_file=case)
    assert not case.evidence_items.exists()

    give_consent(testimony, ("iiim",))
    items = services.testimony_add_to_case_file(actor=None, testimony=testimony, case_file=case)
    names = {item.filename for item in items}
    assert "interview.wav" in names and f"{testimony.reference}-ar.vtt" in names
    assert set(case.evidence_items.all()) == set(items)
    handover = handover_export(
        items=items,
        recipient=Recipient.objects.create(name="IIIM", category=iiim),
        out_dir=tmp_path / "package",
        actor=None,
        case_file=case,
    )
    assert handover.items.count() == len(items)


def test_a_transcript_export_already_in_the_locker_out_of_reach_is_not_linked(
    consented: Any, documenter_a: Any, team_b: Any
) -> None:
    """The locker keeps one item per content: when the WebVTT export of a transcript has the
    bytes of another team's item (the same text, an empty transcript), the export *is* that
    item. Adding the testimony to a case file must not put it into the case file (whose package
    would carry it, with its title and the recording it was derived from)."""
    import hashlib

    from mizan.cases.models import CaseFile
    from mizan.evidence.services import get_store
    from tests.factories import locker_item_of

    testimony = with_recording(consented)
    for language, text in (("ar", VTT), ("en", VTT.replace("00:00:01", "00:00:02"))):
        services.transcript_import(
            actor=None, testimony=testimony, language=language, data=text.encode(), filename="t.vtt"
        )
    exports = {
        t.language: services.transcript_export(t, "vtt", actor=None).encode()
        for t in testimony.transcripts.all()
    }
    assert exports["ar"] != exports["en"]
    hidden = locker_item_of(team_b, exports["en"])
    assert not hidden.is_visible_to(documenter_a)
    case = CaseFile.objects.create(reference="CF-T-2", title="Case", team=testimony.team)
    with pytest.raises(ValidationError, match="cannot see"):
        services.testimony_add_to_case_file(actor=documenter_a, testimony=testimony, case_file=case)
    assert not hidden.case_files.exists()
    assert not case.evidence_items.exists() and not testimony.case_files.exists()
    # The Arabic export, stored before the English one was refused, is not left in the store
    # with no item naming it.
    assert not get_store().exists(hashlib.sha256(exports["ar"]).hexdigest())


def test_statement_pdf_needs_consent_for_its_recipient_and_is_audited(
    consented: Any, documenter_a: Any
) -> None:
    import pypdf

    from mizan.testimonies.statement import statement_pdf

    testimony = with_recording(consented)
    services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=VTT.encode(), filename="t.vtt"
    )
    with pytest.raises(ValidationError, match="not consented to sharing"):
        statement_pdf(actor=documenter_a, testimony=testimony, recipient_category="iiim")
    assert not AuditEntry.objects.filter(action="export").exists()
    give_consent(testimony, ("iiim",))
    document = statement_pdf(actor=documenter_a, testimony=testimony, recipient_category="iiim")
    assert document.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(document)).pages)
    assert testimony.reference in text
    assert testimony.recording.sha256 in "".join(text.split())  # the hash wraps across lines
    assert "00:00:01.000" in text
    assert AuditEntry.objects.filter(
        action="export", object_type="testimonies.testimony", object_id=str(testimony.pk)
    ).exists()


def _docx(paragraphs: list[str]) -> bytes:
    import zipfile

    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def test_docx_transcript_gives_one_segment_per_paragraph(testimony: Any) -> None:
    data = _docx(["بدأ التحقيق في الليل.", "", "نقلونا إلى سجن آخر."])
    transcript = services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=data, filename="t.docx"
    )
    assert list(transcript.segments.values_list("text", flat=True)) == [
        "بدأ التحقيق في الليل.",
        "نقلونا إلى سجن آخر.",
    ]


def test_damaged_docx_is_refused(testimony: Any) -> None:
    with pytest.raises(ValidationError, match="damaged Word document"):
        services.transcript_import(
            actor=None,
            testimony=testimony,
            language="ar",
            data=b"PK\x03\x04 junk",
            filename="t.docx",
        )
    assert not Transcript.objects.exists()


def test_a_recording_that_is_not_audio_or_video_is_refused_before_it_is_stored(
    testimony: Any, documenter_a: Any, store_puts: list[int]
) -> None:
    """Typed from its first bytes before the locker stores it: refused after the ingest, the
    file would stay in the locker as an item linked to nothing."""
    items = Item.objects.count()
    with pytest.raises(ValidationError, match="not an audio or video recording"):
        services.original_add(
            actor=documenter_a,
            testimony=testimony,
            stream=io.BytesIO(b"a synthetic statement typed as text, not a recording"),
            filename="interview.mp3",
            as_recording=True,
        )
    assert Item.objects.count() == items
    assert store_puts == []
    assert testimony.recording is None
    # A real recording still goes in.
    item = services.original_add(
        actor=documenter_a,
        testimony=testimony,
        stream=io.BytesIO(wav_bytes()),
        filename="interview.wav",
        as_recording=True,
    )
    assert item.media_type.startswith("audio/")
