"""Demo testimonies: synthetic interviewees only, with recordings, transcripts, consent and one
published narrative in the collection "Women in Assad's Holocaust". Idempotent.

The recordings are spoken by espeak-ng from the synthetic transcript when it is installed
(mizan.sh installs it); otherwise a tone of the same length stands in, so the transcript page
can still seek in it.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import tempfile
import wave
from datetime import date
from pathlib import Path
from typing import Any

from mizan.cases import services as cases_services
from mizan.core.models import Place
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from mizan.testimonies.models import Collection, Testimony
from mizan.testimonies.transcripts import format_time

ACTOR = None  # the demo data is written by no user (audited as such)

SEGMENTS_1 = [
    "اعتُقلتُ من الحاجز في ربيع عام ألفين وثلاثة عشر.",
    "أخذونا إلى فرع تحت الأرض، وبقيت هناك أشهرًا لا أعرف الليل من النهار.",
    "كان التحقيق يبدأ في الليل، وكنا نسمع أصوات المعتقلين الآخرين.",
    "بعد الإفراج عني بحثت عن صديقتي التي كانت معي، وما زالت مفقودة.",
]
SEGMENTS_2 = [
    "خرجنا من حلب في عام ألفين وستة عشر بعد أن اختفى أخي.",
    "سألنا في كل فرع، ودفعنا المال لوسطاء، ولم نعرف شيئًا.",
]
NARRATIVE = "\n\n".join(
    [
        "اعتُقلت هدى على حاجز في ربيع عام 2013، وهي في طريقها إلى عملها.",
        "أُخذت إلى فرع تحت الأرض، حيث بقيت أشهرًا لا تميّز الليل من النهار. "
        "كان التحقيق يبدأ في الليل، وكانت أصوات المعتقلين الآخرين تملأ الممرات.",
        "بعد الإفراج عنها، بدأت هدى رحلة البحث عن صديقتها التي اعتُقلت معها، "
        "والتي ما زالت مفقودة حتى اليوم.",
        "(الأسماء والتفاصيل التي تكشف الهوية في هذه الرواية مغيّرة حمايةً للشاهدة.)",
    ]
)


def _speech(lines: list[str]) -> tuple[bytes, list[tuple[int, int]]]:
    """A WAV file of the lines one after another, and each line's start and end in ms."""
    rate = 16000
    pieces: list[bytes] = []
    espeak = shutil.which("espeak-ng")
    for number, line in enumerate(lines):
        frames = b""
        if espeak:
            with tempfile.TemporaryDirectory() as folder:
                spoken = Path(folder) / "line.wav"
                subprocess.run(  # noqa: S603 (espeak-ng from PATH; our own synthetic text)
                    [espeak, "-v", "ar", "-s", "140", "-w", str(spoken), line],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
                with wave.open(str(spoken), "rb") as reader:
                    rate = reader.getframerate()
                    frames = reader.readframes(reader.getnframes())
        if not frames:
            frames = b"".join(
                struct.pack(
                    "<h", int(5000 * math.sin(2 * math.pi * (330 + 40 * number) * n / rate))
                )
                for n in range(rate * 3)
            )
        pieces.append(frames + b"\x00\x00" * (rate // 2))  # half a second between lines
    spans, position = [], 0
    for piece in pieces:
        samples = len(piece) // 2
        spans.append((position * 1000 // rate, (position + samples - rate // 2) * 1000 // rate))
        position += samples
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"".join(pieces))
    return out.getvalue(), spans


def _vtt(lines: list[str], spans: list[tuple[int, int]]) -> bytes:
    cues = [
        f"{format_time(start)} --> {format_time(end)}\n{line}\n"
        for line, (start, end) in zip(lines, spans, strict=True)
    ]
    return ("WEBVTT\n\n" + "\n".join(cues)).encode()


def _testimony(
    *, reference: str, person: dict[str, Any], place: str, when: PartialDate, lines: list[str]
) -> Testimony:
    interviewee = cases_services.person_create(actor=ACTOR, data=person)
    testimony = services.testimony_create(
        actor=ACTOR,
        interviewee=interviewee,
        data={
            "reference": reference,
            "interview_date": when,
            "place": Place.objects.get(code=place),
            "languages": "ar",
            "interviewer_names": "Documentation team (demo)",
            "circumstances": "Synthetic demonstration interview; every person in it is invented.",
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
    )
    audio, spans = _speech(lines)
    recording = services.original_add(
        actor=ACTOR,
        testimony=testimony,
        stream=io.BytesIO(audio),
        filename=f"{reference}.wav",
        as_recording=True,
    )
    testimony.refresh_from_db()
    services.transcript_import(
        actor=ACTOR,
        testimony=testimony,
        language="ar",
        data=_vtt(lines, spans),
        filename=f"{reference}.vtt",
    )
    assert recording is not None
    return Testimony.objects.get(pk=testimony.pk)


def load(stdout: Any, show_credentials: bool = True) -> None:
    if Testimony.objects.filter(reference__startswith="T-DEMO-").exists():
        stdout.write(f"Testimonies: {Testimony.objects.count()} in all (none added).")
        return
    collection = Collection.objects.filter(slug="women-in-assads-holocaust").first()
    if collection is None:
        collection = services.collection_create(
            actor=ACTOR,
            data={
                "slug": "women-in-assads-holocaust",
                "title_ar": "نساء في محرقة الأسد",
                "title_en": "Women in Assad's Holocaust",
                "description_ar": "شهادات حية لناجيات من الاعتقال في سوريا، بأسلوب سردي يحافظ "
                "على دقة الوقائع. (مجموعة تجريبية: الشهادات اصطناعية.)",
                "description_en": "Live testimonies of women survivors of detention in Syria, "
                "told as narratives while keeping to the facts. (Demo collection: the "
                "testimonies are synthetic.)",
            },
        )
    first = _testimony(
        reference="T-DEMO-001",
        person={
            "first_name_ar": "ريم",
            "father_name_ar": "خالد",
            "family_name_ar": "العطار",
            "first_name_lat": "Reem",
            "father_name_lat": "Khaled",
            "family_name_lat": "al-Attar",
            "pseudonym": "هدى",
            "identity_sensitivity": Sensitivity.CONFIDENTIAL,
            "sensitivity": Sensitivity.CONFIDENTIAL,
            "birth_date": PartialDate(1988, 6, 2),
        },
        place="TR-27-GAZ",
        when=PartialDate(2024, 4, 25),
        lines=SEGMENTS_1,
    )
    services.consent_record(
        actor=ACTOR,
        testimony=first,
        scopes=["un_bodies", "anonymised_publication"],
        method="recorded",
        taken_on=date(2024, 4, 25),
        proof=first.recording,
        note="Consent given at the start of the recording (demo).",
    )
    services.publication_create(
        actor=ACTOR,
        testimony=first,
        narrative=NARRATIVE,
        title="هدى: أشهر تحت الأرض",
        collection=collection,
    )
    second = _testimony(
        reference="T-DEMO-002",
        person={
            "first_name_ar": "مريم",
            "father_name_ar": "يوسف",
            "family_name_ar": "الحمصي",
            "first_name_lat": "Maryam",
            "family_name_lat": "al-Homsi",
            "pseudonym": "سعاد",
            "identity_sensitivity": Sensitivity.CONFIDENTIAL,
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
        place="TR-34-IST",
        when=PartialDate(2022, 7),
        lines=SEGMENTS_2,
    )
    services.consent_record(
        actor=ACTOR,
        testimony=second,
        scopes=["internal_use"],
        method="verbal",
        taken_on=date(2022, 7, 15),
        note="Verbal consent to internal use only (demo).",
    )
    stdout.write("Testimonies: 2 synthetic testimonies, 1 published narrative.")
