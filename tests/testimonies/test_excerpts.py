"""Redacted audio excerpts (issue 14, optional): a range of segments cut from the recording with
chosen spans silenced or beeped, kept as a redacted copy derived from it, with custody."""

from __future__ import annotations

import io
import struct
import wave
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mizan.core.models import AuditEntry
from mizan.evidence.models import CustodyEvent, Item
from mizan.evidence.services import get_store
from mizan.testimonies import services
from mizan.testimonies.excerpts import parse_spans
from tests.conftest import signed_in
from tests.testimonies.conftest import with_recording

VTT = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nأ\n\n00:00:02.000 --> 00:00:03.500\nب\n\n"
    "00:00:04.000 --> 00:00:05.500\nج\n"
)


@pytest.fixture
def recorded(testimony: Any) -> Any:
    with_recording(testimony, 6)
    return services.transcript_import(
        actor=None, testimony=testimony, language="ar", data=VTT.encode(), filename="t.vtt"
    )


def _samples(item: Item) -> tuple[int, list[int]]:
    plain = io.BytesIO()
    get_store().read_to(item.sha256, plain)
    plain.seek(0)
    with wave.open(plain) as reader:
        rate = reader.getframerate()
        frames = reader.readframes(reader.getnframes())
    return rate, list(struct.unpack(f"<{len(frames) // 2}h", frames))


def test_excerpt_silences_a_segment_and_is_a_redacted_copy_with_custody(recorded: Any) -> None:
    original = recorded.testimony.recording
    excerpt = services.excerpt_create(
        actor=None, transcript=recorded, first=1, last=3, redact_segments=[2], mode="silence"
    )
    assert excerpt.derived_from == original and excerpt.derivation == "redacted"
    assert excerpt.sensitivity == original.sensitivity and excerpt.team == original.team
    rate, samples = _samples(excerpt)
    _rate, source = _samples(original)
    assert len(samples) == int(5.5 * rate)
    assert set(samples[2 * rate : int(3.5 * rate)]) == {0}  # segment 2: silence
    assert samples[: int(1.5 * rate)] == source[: int(1.5 * rate)]  # the rest as recorded
    assert samples[4 * rate :] == source[4 * rate : int(5.5 * rate)]
    assert CustodyEvent.objects.filter(item=original, action="derive").exists()
    assert CustodyEvent.objects.filter(item=excerpt, action="ingest").exists()
    assert "00:00:02.000–00:00:03.500" in excerpt.note
    assert AuditEntry.objects.filter(
        action="export", object_type="testimonies.testimony", object_id=str(recorded.testimony.pk)
    ).exists()


def test_excerpt_beeps_a_time_span(recorded: Any) -> None:
    excerpt = services.excerpt_create(
        actor=None, transcript=recorded, first=2, last=3, redact_spans=[(2500, 3000)]
    )
    rate, samples = _samples(excerpt)
    _rate, source = _samples(recorded.testimony.recording)
    assert len(samples) == int(3.5 * rate)  # 2.0 s to 5.5 s
    beep = samples[int(0.5 * rate) : rate]
    assert beep != source[int(2.5 * rate) : 3 * rate] and max(beep) > 1000  # a tone, not silence
    assert samples[: int(0.5 * rate)] == source[2 * rate : int(2.5 * rate)]


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ({"first": 1, "last": 3}, "at least one segment or span"),
        ({"first": 3, "last": 1, "redact_segments": [2]}, "first and last segments"),
        ({"first": 1, "last": 2, "redact_segments": [3]}, "not a timed segment of the excerpt"),
        ({"first": 1, "last": 1, "redact_spans": [(1000, 2500)]}, "outside the excerpt"),
    ],
)
def test_a_wrong_choice_stores_nothing(recorded: Any, choice: dict[str, Any], message: str) -> None:
    items = Item.objects.count()
    with pytest.raises(ValidationError, match=message):
        services.excerpt_create(actor=None, transcript=recorded, **choice)
    assert Item.objects.count() == items


def test_spans_are_parsed_or_refused_with_the_line() -> None:
    assert parse_spans("0:01:02.5 - 0:01:04\n\n1:05 --> 1:06,25\n7-8") == [
        (62500, 64000),
        (65000, 66250),
        (7000, 8000),
    ]
    with pytest.raises(ValidationError, match="Line 2"):
        parse_spans("1-2\nabc")
    with pytest.raises(ValidationError, match="ends before it starts"):
        parse_spans("5 - 4")


def test_excerpt_page_makes_one_and_refuses_outsiders(
    recorded: Any, documenter_a: Any, documenter_b: Any
) -> None:
    url = reverse(
        "testimonies:excerpt_create", kwargs={"pk": recorded.testimony.pk, "language": "ar"}
    )
    form = {"first": "1", "last": "2", "redact_segments": "2", "mode": "beep"}
    assert signed_in(documenter_b).post(url, form).status_code == 404
    assert not Item.objects.filter(derivation="redacted").exists()
    bad = signed_in(documenter_a).post(url, {**form, "redact_segments": "2-x"})
    assert "is not a segment number or range" in bad.content.decode()
    response = signed_in(documenter_a).post(url, form)
    excerpt = Item.objects.get(derivation="redacted")
    assert response.status_code == 302 and excerpt.reference in response["Location"]


def test_the_recording_is_read_and_cut_before_any_transaction(
    recorded: Any, documenter_a: Any, monkeypatch: Any
) -> None:
    """Reading an hour-long recording and cutting it takes a while: the page must not hold a
    transaction (on SQLite, the database's one write lock) meanwhile; only the excerpt's own
    record is written in one (``services.excerpt_create``)."""
    from django.db import connection

    from mizan.evidence.store import LocalStore

    depths: list[int] = []
    baseline = len(connection.atomic_blocks)
    read_to = LocalStore.read_to

    def traced(self: Any, *args: Any) -> Any:
        depths.append(len(connection.atomic_blocks) - baseline)
        return read_to(self, *args)

    monkeypatch.setattr(LocalStore, "read_to", traced)
    url = reverse(
        "testimonies:excerpt_create", kwargs={"pk": recorded.testimony.pk, "language": "ar"}
    )
    form = {"first": "1", "last": "2", "redact_segments": "2", "mode": "beep"}
    assert signed_in(documenter_a).post(url, form).status_code == 302
    assert depths == [0]
