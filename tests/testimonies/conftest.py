"""A synthetic testimony: a protected interviewee (Arabic and Latin names), a protected relative
with a phone, consent to anonymised publication with a signed form in the locker."""

from __future__ import annotations

import io
import math
import struct
import wave
from datetime import date
from typing import Any

import pytest

from mizan.cases import services as cases_services
from mizan.cases.models import Person
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from mizan.testimonies.models import Testimony


@pytest.fixture(autouse=True)
def english() -> Any:
    """Messages are asserted in English here; the Arabic ones are checked by the catalogue
    tests and the Arabic browser journey."""
    from django.utils import translation

    with translation.override("en"):
        yield


def wav_bytes(seconds: float = 3.0, *, silent: bool = False) -> bytes:
    """A mono 16-bit WAV tone (or silence) of the given length."""
    rate = 8000
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        frames = b"".join(
            struct.pack("<h", 0 if silent else int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
            for i in range(int(rate * seconds))
        )
        writer.writeframes(frames)
    return out.getvalue()


def with_recording(testimony: Testimony, seconds: float = 3) -> Testimony:
    """The testimony with a WAV tone of ``seconds`` as its recording, in the locker."""
    services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(wav_bytes(seconds)),
        filename="interview.wav",
        as_recording=True,
    )
    testimony.refresh_from_db()
    return testimony


@pytest.fixture
def interviewee(db: Any) -> Person:
    return cases_services.person_create(
        actor=None,
        data={
            "first_name_ar": "رُبى",
            "father_name_ar": "أحمد",
            "family_name_ar": "الحموي",
            "first_name_lat": "Ruba",
            "father_name_lat": "Ahmad",
            "family_name_lat": "al-Hamwi",
            "pseudonym": "سلمى",
            "identity_sensitivity": Sensitivity.CONFIDENTIAL,
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "national_id": "01020304050",
            "birth_date": PartialDate(1985, 3, 12),
        },
    )


@pytest.fixture
def relative(db: Any) -> Person:
    return cases_services.person_create(
        actor=None,
        data={
            "first_name_ar": "عبد الرحمن",
            "family_name_ar": "الحموي",
            "first_name_lat": "Abdulrahman",
            "identity_sensitivity": Sensitivity.CONFIDENTIAL,
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
    )


@pytest.fixture
def testimony(db: Any, interviewee: Person, relative: Person, team_a: Any) -> Testimony:
    from mizan.core.models import Place

    testimony = services.testimony_create(
        actor=None,
        interviewee=interviewee,
        data={
            "interview_date": PartialDate(2024, 4, 25),
            "place": Place.objects.get(code="TR-27-GAZ"),
            "languages": "ar",
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "team": team_a,
        },
    )
    services.testimony_person_add(
        actor=None, testimony=testimony, person=relative, role="relative", phone="+963 944 123 456"
    )
    return testimony


def give_consent(
    testimony: Testimony, scopes: tuple[str, ...] = ("anonymised_publication",)
) -> Any:
    from mizan.evidence.services import item_ingest

    form = item_ingest(
        io.BytesIO(f"signed consent form of {testimony.reference} {scopes}".encode()),
        filename="consent.pdf.txt",
        actor=None,
        sensitivity=testimony.sensitivity,
        team=testimony.team,
    ).item
    return services.consent_record(
        actor=None,
        testimony=testimony,
        scopes=list(scopes),
        method="written",
        taken_on=date(2024, 4, 25),
        proof=form,
    )


@pytest.fixture
def consented(testimony: Testimony) -> Testimony:
    give_consent(testimony)
    return testimony
