"""Pages of testimonies, from the refused side: the public site, the permission layer, audit."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mizan.core.models import AuditEntry
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from mizan.testimonies.models import Publication, Transcript
from tests.conftest import signed_in
from tests.factories import locker_item_of
from tests.testimonies.conftest import wav_bytes


def _publish(testimony: Any, title: str = "شهادة سلمى") -> Publication:
    collection = services.collection_create(
        actor=None, data={"slug": "women", "title_ar": "نساء", "title_en": "Women"}
    )
    return services.publication_create(
        actor=None,
        testimony=testimony,
        narrative="قالت سلمى إنها اعتقلت.\n\nثم نقلت.",
        title=title,
        collection=collection,
    )


def test_public_site_shows_published_and_nothing_after_consent_withdrawal(
    consented: Any, db: Any
) -> None:
    publication = _publish(consented)
    anonymous = signed_in(None)
    detail = reverse("testimonies:public_detail", kwargs={"pk": publication.pk})
    page = anonymous.get(detail)
    assert page.status_code == 200
    assert "قالت سلمى" in page.content.decode() and "Women" in page.content.decode()
    assert "شهادة سلمى" in anonymous.get(reverse("testimonies:public_list")).content.decode()
    assert detail in anonymous.get(reverse("testimonies:sitemap")).content.decode()

    services.consent_withdraw(actor=None, consent=consented.consents.get(), reason="طلبت")
    assert anonymous.get(detail).status_code == 404
    listing = anonymous.get(reverse("testimonies:public_list")).content.decode()
    assert "شهادة سلمى" not in listing and "نساء" not in listing
    assert detail not in anonymous.get(reverse("testimonies:sitemap")).content.decode()
    collection = reverse("testimonies:public_collection", kwargs={"slug": "women"})
    assert anonymous.get(collection).status_code == 404


def test_viewing_a_confidential_testimony_is_audited(testimony: Any, documenter_a: Any) -> None:
    url = reverse("testimonies:detail", kwargs={"pk": testimony.pk})
    assert signed_in(documenter_a).get(url).status_code == 200
    assert AuditEntry.objects.filter(
        action="view", object_type="testimonies.testimony", object_id=str(testimony.pk)
    ).exists()


def test_outsider_sees_no_testimony_of_another_team(testimony: Any, documenter_b: Any) -> None:
    client = signed_in(documenter_b)
    listing = client.get(reverse("testimonies:staff_list")).content.decode()
    assert testimony.reference not in listing
    assert client.get(reverse("testimonies:detail", kwargs={"pk": testimony.pk})).status_code == 404
    assert (
        client.get(reverse("testimonies:recording", kwargs={"pk": testimony.pk})).status_code == 404
    )


def test_viewer_sees_the_pseudonym_of_a_protected_interviewee(testimony: Any, viewer: Any) -> None:
    services.testimony_update(
        actor=None, testimony=testimony, data={"sensitivity": Sensitivity.INTERNAL, "team": None}
    )
    page = signed_in(viewer).get(reverse("testimonies:staff_list")).content.decode()
    assert testimony.reference in page
    assert "سلمى" in page and "رُبى" not in page and "Ruba" not in page


def test_publish_page_shows_the_occurrences_and_publishes_nothing(
    consented: Any, administrator: Any, documenter_a: Any
) -> None:
    url = reverse("testimonies:publish", kwargs={"pk": consented.pk})
    data = {
        "title": "شهادة",
        "narrative": "قالت سلمى.\nThen Ruba al-Hamwi was moved.",
        "kind": "anonymised",
        "language": "ar",
    }
    assert signed_in(documenter_a).post(url, data).status_code == 403
    page = signed_in(administrator).post(url, data)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<mark dir="auto">Ruba al-Hamwi</mark>' in html
    assert ">2:6<" in html
    assert not Publication.objects.exists()
    data["narrative"] = "قالت سلمى.\nThen Salma was moved."
    response = signed_in(administrator).post(url, data)
    publication = Publication.objects.public().get()
    assert response["Location"] == reverse(
        "testimonies:public_detail", kwargs={"pk": publication.pk}
    )


def test_recording_answers_byte_ranges_for_seeking(testimony: Any, documenter_a: Any) -> None:
    audio = wav_bytes(2)
    services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(audio),
        filename="i.wav",
        as_recording=True,
    )
    url = reverse("testimonies:recording", kwargs={"pk": testimony.pk})
    client = signed_in(documenter_a)
    response = client.get(url, HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(audio)}"
    assert b"".join(response.streaming_content) == audio[100:200]
    whole = client.get(url)
    assert whole.status_code == 200 and b"".join(whole.streaming_content) == audio
    assert client.get(url, HTTP_RANGE=f"bytes={len(audio)}-").status_code == 416


def test_playback_starts_without_decrypting_the_whole_recording(
    testimony: Any, documenter_a: Any
) -> None:
    """A player's first request (from byte 0) is recorded as a view and answered from the
    chunks it asks for: each v2 chunk is authenticated on its own, so damage in a later chunk
    does not delay (or corrupt) the start, and stops the stream when it is reached."""
    from mizan.evidence.models import CustodyEvent
    from mizan.evidence.services import get_store

    audio = wav_bytes(200)  # 3.2 MB: several 1 MiB locker chunks
    services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(audio),
        filename="i.wav",
        as_recording=True,
    )
    item = testimony.recording
    store = get_store()
    assert store.object_info(item.sha256)[0] == 2
    path = store.path_for(item.sha256)
    data = bytearray(path.read_bytes())
    data[-40] ^= 0x01  # inside the last chunk
    path.write_bytes(bytes(data))
    url = reverse("testimonies:recording", kwargs={"pk": testimony.pk})
    client = signed_in(documenter_a)
    views = CustodyEvent.objects.filter(item=item, action=CustodyEvent.Action.VIEW)
    start = client.get(url, HTTP_RANGE="bytes=0-99")
    assert start.status_code == 206 and b"".join(start.streaming_content) == audio[:100]
    assert views.count() == 1
    whole = client.get(url)
    with pytest.raises(Exception, match=r"fails authentication"):
        b"".join(whole.streaming_content)


def test_transcript_page_refuses_overlapping_time_codes(testimony: Any, documenter_a: Any) -> None:
    url = reverse("testimonies:transcript_import", kwargs={"pk": testimony.pk})
    bad = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nأ\n\n00:00:01.000 --> 00:00:03.000\nب\n"
    ).encode()
    page = signed_in(documenter_a, language="ar").post(
        url, {"language": "ar", "file": SimpleUploadedFile("t.vtt", bad)}
    )
    assert page.status_code == 200
    assert not Transcript.objects.exists()
    assert "00:00:01.000" in page.content.decode()


def test_withdrawing_consent_from_the_page_unpublishes(consented: Any, documenter_a: Any) -> None:
    publication = _publish(consented)
    consent = consented.consents.get()
    url = reverse(
        "testimonies:consent_withdraw", kwargs={"pk": consented.pk, "consent_pk": consent.pk}
    )
    signed_in(documenter_a).post(url, {"reason": "طلبت سحب الموافقة"})
    publication.refresh_from_db()
    assert publication.state == Publication.State.WITHDRAWN
    assert (
        signed_in(None)
        .get(reverse("testimonies:public_detail", kwargs={"pk": publication.pk}))
        .status_code
        == 404
    )


def test_a_relative_added_on_the_page_is_protected_in_narratives(
    consented: Any, documenter_a: Any, documenter_b: Any
) -> None:
    url = reverse("testimonies:person_add", kwargs={"pk": consented.pk})
    data = {
        "role": "relative",
        "full_name_lat": "Yasmin Attar",
        "pseudonym": "Nada",
        "protected": "on",
        "phone": "+90 555 111 2233",
    }
    assert signed_in(documenter_b).post(url, data).status_code == 404
    assert signed_in(documenter_a).post(url, data).status_code == 302
    with pytest.raises(services.LeakFound) as caught:
        services.publication_create(
            actor=None, testimony=consented, narrative="ياسمين called 05551112233.", title="t"
        )
    assert {o.kind for o in caught.value.occurrences} == {"name", "phone"}


def test_case_file_out_of_reach_cannot_be_chosen(consented: Any, administrator: Any) -> None:
    from mizan.cases.models import CaseFile
    from mizan.core.models import Team

    hidden_team = Team.objects.create(slug="hidden", name_en="Hidden", name_ar="مخفي")
    hidden = CaseFile.objects.create(reference="CF-H", title="h", team=hidden_team)
    url = reverse("testimonies:case_file_add", kwargs={"pk": consented.pk})
    # Even an administrator's choice goes through the permission layer: superusers see all,
    # so use a legal officer of team A instead.
    from mizan.accounts.services import user_create

    officer = user_create(
        actor=None,
        username="lea",
        password="x" * 20,
        role="legal_officer",
        teams=[consented.team],
    )
    officer.is_verified = lambda: True  # type: ignore[attr-defined]
    response = signed_in(officer).post(url, {"case_file": hidden.pk})
    assert response.status_code == 302
    assert not hidden.evidence_items.exists() and not consented.case_files.exists()


def test_transcript_search_through_the_permission_layer(
    testimony: Any, documenter_a: Any, documenter_b: Any
) -> None:
    services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        data=(
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nبدأ التحقيق.\n\n"
            "00:00:01.000 --> 00:00:02.000\nثم نقلونا إلى سجن صيدنايا بالإكراه.\n"
        ).encode(),
        filename="t.vtt",
    )
    url = reverse("testimonies:search")
    page = signed_in(documenter_a).get(url, {"q": "صيدنايا اكراه"}).content.decode()
    transcript = reverse("testimonies:transcript", kwargs={"pk": testimony.pk, "language": "ar"})
    assert f"{transcript}?from=2&amp;t=1.0#segment-2" in page
    assert "Ruba Ahmad al-Hamwi" in page  # documenter A may see her name (English page)
    outsider = signed_in(documenter_b).get(url, {"q": "صيدنايا"}).content.decode()
    assert "#segment-" not in outsider and testimony.reference not in outsider


def test_transcript_page_holds_one_window_and_links_the_next(
    testimony: Any, documenter_a: Any, settings: Any
) -> None:
    """A 450-segment transcript opens with its first 200 segments; the next window comes as a
    fragment (what the page's script fetches) or as a page; ?all=1 gives every segment; each
    window of a confidential transcript is audited."""
    cues = "\n".join(
        f"00:{i // 60:02d}:{i % 60:02d}.000 --> 00:{i // 60:02d}:{i % 60:02d}.900\nمقطع {i}.\n"
        for i in range(450)
    )
    services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        data=f"WEBVTT\n\n{cues}".encode(),
        filename="t.vtt",
    )
    url = reverse("testimonies:transcript", kwargs={"pk": testimony.pk, "language": "ar"})
    client = signed_in(documenter_a)
    views_before = AuditEntry.objects.filter(action="view").count()

    first = client.get(url).content.decode()
    assert first.count('class="segment ') == 200
    assert 'id="segment-200"' in first and 'id="segment-201"' not in first
    assert f'data-window="{url}?from=201&amp;window=1"' in first

    window = client.get(url, {"from": "201", "window": "1"}).content.decode()
    assert "<html" not in window and window.count('class="segment ') == 200
    assert 'id="segment-201"' in window and f"{url}?from=401" in window

    last = client.get(url, {"from": "401"}).content.decode()
    assert last.count('class="segment ') == 50 and "data-window" not in last
    assert f"{url}?from=201" in last  # the earlier segments

    assert client.get(url, {"all": "1"}).content.decode().count('class="segment ') == 450
    assert client.get(url, {"from": "x"}).content.decode().count('class="segment ') == 200
    assert AuditEntry.objects.filter(action="view").count() == views_before + 5


def test_an_original_or_a_consent_proof_is_stored_before_any_transaction(
    testimony: Any, documenter_a: Any, store_puts: list[int]
) -> None:
    """The locker writes a file's content first and only then opens its transaction
    (``item_ingest``): on SQLite a transaction holds the database's one write lock (BEGIN
    IMMEDIATE), and an upload of up to 32 GiB under it would stop every other writer — the
    page wrapping its service in a transaction (``create_page``) must not do it here."""
    from mizan.core.models import Term

    client = signed_in(documenter_a)
    response = client.post(
        reverse("testimonies:original_add", args=[testimony.pk]),
        {"file": SimpleUploadedFile("statement.txt", b"a synthetic written statement")},
    )
    assert response.status_code == 302
    scope = Term.objects.filter(vocabulary="consent_scope", active=True).first()
    assert scope is not None
    response = client.post(
        reverse("testimonies:consent_add", args=[testimony.pk]),
        {
            "scopes": [scope.pk],
            "method": "written",
            "taken_on": "2024-05-01",
            "proof": SimpleUploadedFile("consent.txt", b"a synthetic signed consent form"),
        },
    )
    assert response.status_code == 302
    assert store_puts == [0, 0]


def test_a_consent_proof_already_in_the_locker_out_of_reach_is_refused(
    testimony: Any, documenter_a: Any, team_b: Any
) -> None:
    """The locker keeps one item per content: a proof whose bytes are those of another team's
    item is that item. Attaching it would list it under the testimony (its reference on the
    page), rewrite its consent scopes and carry it into case files and packages — an item the
    user may not see. Refused, as an original of the same kind is (``original_add``)."""
    from mizan.core.models import Term
    from mizan.evidence.models import Item

    secret = b"a synthetic document of another team"
    other = locker_item_of(team_b, secret)
    assert not other.is_visible_to(documenter_a)
    scope = Term.objects.filter(vocabulary="consent_scope", active=True).first()
    assert scope is not None
    response = signed_in(documenter_a).post(
        reverse("testimonies:consent_add", args=[testimony.pk]),
        {
            "scopes": [scope.pk],
            "method": "written",
            "taken_on": "2024-05-01",
            "proof": SimpleUploadedFile("consent.txt", secret),
        },
    )
    assert response.status_code == 200
    assert "an item you cannot see" in response.content.decode()
    assert not testimony.consents.filter(proof=other).exists()
    assert not testimony.originals.filter(pk=other.pk).exists()
    page = signed_in(documenter_a).get(reverse("testimonies:detail", args=[testimony.pk]))
    assert other.reference not in page.content.decode()
    assert Item.objects.get(pk=other.pk).consent_scopes.count() == 0


def test_a_refused_consent_leaves_no_proof_in_the_locker(testimony: Any, documenter_a: Any) -> None:
    """The form lets a date in the future through; the service refuses it. The page must refuse
    it before it stores the proof, or the signed form stays in the locker linked to nothing."""
    from datetime import timedelta

    from django.utils import timezone

    from mizan.core.models import Term
    from mizan.evidence.models import Item

    scope = Term.objects.filter(vocabulary="consent_scope", active=True).first()
    assert scope is not None
    items = Item.objects.count()
    response = signed_in(documenter_a).post(
        reverse("testimonies:consent_add", args=[testimony.pk]),
        {
            "scopes": [scope.pk],
            "method": "written",
            "taken_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "proof": SimpleUploadedFile("consent.txt", b"a synthetic signed form, dated ahead"),
        },
    )
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert Item.objects.count() == items
    assert not testimony.consents.exists()
