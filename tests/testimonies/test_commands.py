"""`mizan testimonies import | publish | unpublish`, through call_command and the CLI."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mizan.cases.models import Person
from mizan.core.models import AuditEntry
from mizan.evidence.models import Item
from mizan.testimonies import services
from mizan.testimonies.models import Publication, Testimony
from tests.testimonies.conftest import wav_bytes

pytestmark = pytest.mark.django_db

HEADER = [
    "reference",
    "interviewee_name_ar",
    "interviewee_name_en",
    "sex",
    "protected",
    "interview_date",
    "place",
    "languages",
    "interviewers",
    "recording",
    "transcript",
    "consent_scopes",
    "sensitivity",
]
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nبدأ التحقيق في الليل.\n"


def _archive(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    (tmp_path / "audio").mkdir(exist_ok=True)
    (tmp_path / "audio" / "one.wav").write_bytes(wav_bytes(2))
    (tmp_path / "audio" / "two.wav").write_bytes(wav_bytes(3))
    (tmp_path / "one.vtt").write_text(VTT, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: row.get(name, "") for name in HEADER})
    return manifest


GOOD = [
    {
        "reference": "ARCH-001",
        "interviewee_name_ar": "سلوى محمود الشامي",
        "interviewee_name_en": "Salwa Mahmoud al-Shami",
        "sex": "female",
        "protected": "yes",
        "interview_date": "04/2019",
        "place": "Gaziantep",
        "languages": "ar",
        "interviewers": "dana_documenter;Hala K.",
        "recording": "audio/one.wav",
        "transcript": "one.vtt",
        "consent_scopes": "un_bodies;anonymised_publication",
        "sensitivity": "confidential",
    },
    {
        "reference": "ARCH-002",
        "interviewee_name_en": "Nour Khatib",
        "protected": "no",
        "interview_date": "2020",
        "place": "TR-34-IST",
        "languages": "ar;en",
        "recording": "audio/two.wav",
        "consent_scopes": "internal_use",
        "sensitivity": "internal",
    },
]


def test_import_prints_reference_id_and_sha256(tmp_path: Path, documenter_a: Any) -> None:
    manifest = _archive(tmp_path, GOOD)
    out = io.StringIO()
    call_command("testimonies", "import", str(tmp_path), "--manifest", str(manifest), stdout=out)
    lines = out.getvalue().splitlines()
    first = Testimony.objects.get(reference="ARCH-001")
    sha = hashlib.sha256((tmp_path / "audio" / "one.wav").read_bytes()).hexdigest()
    assert lines[0] == f"ARCH-001 {first.pk} {sha}"
    assert lines[1].startswith("ARCH-002 ")
    assert first.interviewee.identity_sensitivity == 2
    assert first.interviewee.first_name_lat == "Salwa"
    assert first.recording.sha256 == sha
    assert list(first.interviewers.all()) == [documenter_a]
    assert first.interviewer_names == "Hala K."
    assert first.transcripts.get().segments.count() == 1
    assert first.consented_scopes() == {"un_bodies", "anonymised_publication"}
    assert first.consents.get().proof == first.recording
    assert Testimony.objects.get(reference="ARCH-002").interviewee.identity_sensitivity == 0


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    manifest = _archive(tmp_path, GOOD)
    out = io.StringIO()
    call_command(
        "testimonies", "import", str(tmp_path), "--manifest", str(manifest), "--dry-run", stdout=out
    )
    assert "nothing was written" in out.getvalue()
    assert not Testimony.objects.exists() and not Item.objects.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"place": "Atlantis"}, "row 3: unknown place “Atlantis”"),
        ({"recording": "../etc/passwd"}, "row 3: recording “../etc/passwd” is outside the folder"),
        ({"recording": "audio/none.wav"}, "row 3: recording “audio/none.wav” was not found"),
        ({"consent_scopes": "tv"}, "row 3: unknown consent scope tv"),
        ({"protected": "maybe"}, "row 3: protected must be yes or no"),
        ({"reference": "ARCH-001"}, "row 3: the reference ARCH-001 appears twice"),
        ({"interview_date": "31/02/2019"}, "row 3: interview_date"),
        (
            {"recording": "", "consent_scopes": "named_publication"},
            "row 3: the consent scopes named_publication need a proof of consent",
        ),
    ],
)
def test_a_bad_row_stops_the_whole_import(
    tmp_path: Path, change: dict[str, str], reason: str
) -> None:
    manifest = _archive(tmp_path, [GOOD[0], {**GOOD[1], **change}])
    with pytest.raises(CommandError) as caught:
        call_command("testimonies", "import", str(tmp_path), "--manifest", str(manifest))
    assert reason in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert not Testimony.objects.exists()
    assert not Person.objects.exists()


def test_a_dry_run_refuses_a_contradictory_consent(tmp_path: Path) -> None:
    """The dry run applies the consent rule the import applies (found by review: it passed)."""
    row = {**GOOD[1], "consent_scopes": "internal_use;un_bodies"}
    manifest = _archive(tmp_path, [GOOD[0], row])
    with pytest.raises(CommandError, match="row 3: “Internal use only” cannot be chosen"):
        call_command(
            "testimonies", "import", str(tmp_path), "--manifest", str(manifest), "--dry-run"
        )
    assert not Testimony.objects.exists()


def test_a_row_failing_while_written_rolls_back_the_rows_before(tmp_path: Path) -> None:
    # The transcript runs past the end of the second (3 s) recording: found only once the
    # recording is in the locker, after the first row was written.
    (tmp_path / "long.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:09.000\nأ\n", encoding="utf-8"
    )
    manifest = _archive(tmp_path, [GOOD[0], {**GOOD[1], "transcript": "long.vtt"}])
    with pytest.raises(CommandError, match=r"row 3: Segment 1 ends at 00:00:09\.000"):
        call_command("testimonies", "import", str(tmp_path), "--manifest", str(manifest))
    assert not Testimony.objects.exists()


def _published_setup(consented: Any, tmp_path: Path, text: str) -> Path:
    narrative = tmp_path / "narrative.txt"
    narrative.write_text(text, encoding="utf-8")
    services.collection_create(
        actor=None,
        data={"slug": "women", "title_ar": "نساء في محرقة الأسد", "title_en": "Women"},
    )
    return narrative


def test_publish_refuses_and_prints_every_occurrence(consented: Any, tmp_path: Path) -> None:
    narrative = _published_setup(
        consented, tmp_path, "قالت سلمى إنها اعتقلت.\nLater Ruba was moved; her ID 01020304050.\n"
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="nothing was published"):
        call_command(
            "testimonies",
            "publish",
            consented.reference,
            "--narrative",
            str(narrative),
            "--collection",
            "women",
            stdout=out,
        )
    reference = services.person_reference(consented.interviewee)
    assert out.getvalue().splitlines() == [
        f"2:7  Ruba  → {reference}",
        f"2:30  01020304050  → {reference}",
    ]
    assert not Publication.objects.exists()


def test_publish_then_unpublish(consented: Any, tmp_path: Path, settings: Any) -> None:
    settings.MIZAN_PUBLIC_URL = "https://mizan.example"
    narrative = _published_setup(consented, tmp_path, "قالت سلمى إنها اعتقلت.\n")
    out = io.StringIO()
    call_command(
        "testimonies",
        "publish",
        consented.reference,
        "--narrative",
        str(narrative),
        "--collection",
        "women",
        stdout=out,
    )
    publication = Publication.objects.public().get()
    assert out.getvalue().strip() == f"https://mizan.example/testimonies/{publication.pk}/"
    assert publication.collection.slug == "women"
    out = io.StringIO()
    call_command(
        "testimonies", "unpublish", consented.reference, "--reason", "طلب الأسرة", stdout=out
    )
    assert not Publication.objects.public().exists()
    assert AuditEntry.objects.filter(
        object_type="testimonies.publication", action="update"
    ).exists()
    with pytest.raises(CommandError, match="nothing published"):
        call_command("testimonies", "unpublish", consented.reference, "--reason", "again")


def test_publish_unknown_collection_is_refused(consented: Any, tmp_path: Path) -> None:
    narrative = _published_setup(consented, tmp_path, "نص.\n")
    with pytest.raises(CommandError, match="no collection “nope” \\(known: women\\)"):
        call_command(
            "testimonies",
            "publish",
            consented.reference,
            "--narrative",
            str(narrative),
            "--collection",
            "nope",
        )


def test_cli_exit_status(consented: Any, tmp_path: Path, capsys: Any) -> None:
    from mizan.cli import main

    narrative = _published_setup(consented, tmp_path, "Ruba al-Hamwi\n")
    status = main(["testimonies", "publish", consented.reference, "--narrative", str(narrative)])
    captured = capsys.readouterr()
    assert status == 1
    assert "1:1  Ruba al-Hamwi  →" in captured.out
    assert "mizan testimonies: refused" in captured.err


def test_a_failed_import_removes_the_recordings_it_stored_and_only_those(tmp_path: Path) -> None:
    """Row 5 fails after its recording went into the store (its transcript runs past the end):
    the database rolls back, and the store loses the two recordings this import put there —
    not the one another item already holds, nor content that was in the store before."""
    from mizan.evidence.services import get_store, item_ingest

    # Content of this test alone (the store outlives a test): a random last sample each.
    recordings = {
        name: wav_bytes(seconds)[:-2] + os.urandom(2)
        for name, seconds in (("a", 4), ("b", 5), ("c", 6), ("d", 2))
    }
    manifest = _archive(tmp_path, [])
    for name, content in recordings.items():
        (tmp_path / "audio" / f"{name}.wav").write_bytes(content)
    (tmp_path / "long.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:09.000\nأ\n", encoding="utf-8"
    )
    store = get_store()
    held = item_ingest(io.BytesIO(recordings["b"]), filename="b.wav", actor=None).item
    stored_before = store.put(io.BytesIO(recordings["c"])).sha256  # an orphan from before
    sha = {name: hashlib.sha256(content).hexdigest() for name, content in recordings.items()}
    two = {**GOOD[1], "consent_scopes": "", "transcript": ""}
    manifest = _archive(
        tmp_path,
        [
            {**GOOD[0], "recording": "audio/d.wav"},  # new
            {**two, "reference": "ARCH-B", "recording": "audio/b.wav"},  # held by an item
            {**two, "reference": "ARCH-C", "recording": "audio/c.wav"},  # stored before
            {**two, "reference": "ARCH-A", "recording": "audio/a.wav", "transcript": "long.vtt"},
        ],
    )
    with pytest.raises(CommandError, match=r"row 5: Segment 1 ends at 00:00:09\.000"):
        call_command("testimonies", "import", str(tmp_path), "--manifest", str(manifest))
    assert not Testimony.objects.exists()
    assert list(Item.objects.all()) == [held]
    assert not store.exists(sha["d"]) and not store.exists(sha["a"])
    assert store.exists(sha["b"]) and store.exists(stored_before)
    assert stored_before == sha["c"]
