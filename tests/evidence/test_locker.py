"""The locker's Django side: items, custody log, verification, commands, uploads, permissions."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from mizan.cli import main as mizan_main
from mizan.core import audit_guard
from mizan.core.models import Term
from mizan.evidence import services
from mizan.evidence.filenames import safe_filename
from mizan.evidence.models import CustodyEvent, Item, Upload
from mizan.evidence.services import item_ingest, locker_verify
from mizan.evidence.services.fixity import _check_item
from mizan.evidence.services.ingest import _read_store
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def ingest(content: bytes, name: str = "note.txt", **kwargs: Any) -> Item:
    return item_ingest(io.BytesIO(content), filename=name, actor="tester", **kwargs).item


def test_ingest_records_hashes_metadata_and_an_ingest_event() -> None:
    content = b"synthetic witness statement\n" * 100
    item = ingest(content)
    assert item.reference.startswith("EV-")
    assert item.sha256 == hashlib.sha256(content).hexdigest()
    assert item.sha512 == hashlib.sha512(content).hexdigest()
    assert item.media_type == "text/plain"
    (event,) = item.custody_events.all()
    assert event.action == "ingest" and event.details["sha256"] == item.sha256
    assert locker_verify().ok


def test_identical_content_is_one_item() -> None:
    first = item_ingest(io.BytesIO(b"same bytes"), filename="a.txt", actor="t")
    second = item_ingest(io.BytesIO(b"same bytes"), filename="b.txt", actor="t")
    assert first.created and not second.created
    assert first.item.pk == second.item.pk
    assert Item.objects.count() == 1


def test_image_gets_exif_gps_and_a_thumbnail_that_is_its_own_item() -> None:
    from PIL import Image

    image = Image.new("RGB", (640, 480), (10, 120, 30))
    exif = image.getexif()
    exif[0x010F] = "TestCam"
    exif[0x8825] = {1: "N", 2: (35.0, 12.0, 0.0), 3: "E", 4: (38.0, 0.0, 36.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    item = ingest(out.getvalue(), "photo.jpg")
    assert item.media_type == "image/jpeg"
    assert item.metadata["gps"]["latitude"] == pytest.approx(35.2)
    assert item.metadata["gps"]["longitude"] == pytest.approx(38.01)
    assert item.metadata["exif"]["Make"] == "TestCam"
    thumbnail = item.derivatives.get()
    assert thumbnail.derivation == "thumbnail" and thumbnail.kind == "derived"
    assert "gps" not in thumbnail.metadata  # the working copy does not carry the location
    assert item.custody_events.filter(action="derive").exists()
    # The original is untouched: its stored content still hashes as recorded.
    assert _check_item(services.get_store(), item) == ""


def test_pdf_and_audio_metadata() -> None:
    import math
    import struct
    import wave

    from weasyprint import HTML

    pdf = ingest(bytes(HTML(string="<p>صفحة تجريبية</p>").write_pdf()), "doc.pdf")
    assert pdf.media_type == "application/pdf" and pdf.metadata["pages"] == 1
    text_copy = pdf.derivatives.get(derivation="text")
    assert "صفحة" in _read_store(services.get_store(), text_copy.sha256, 10_000).decode()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        wav.writeframes(
            b"".join(struct.pack("<h", int(1000 * math.sin(n / 5))) for n in range(16000))
        )
    audio = ingest(out.getvalue(), "clip.wav")
    assert audio.media_type.startswith("audio/")
    assert audio.metadata["duration_seconds"] == pytest.approx(2.0, abs=0.01)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\photo.jpg", "photo.jpg"),
        ("..", "unnamed"),
        ("evil\u202egpj.exe", "evilgpj.exe"),
        ("line\nbreak.txt", "line break.txt"),
        ("CON.txt", "_CON.txt"),
        ("شهادة الشاهد.pdf", "شهادة الشاهد.pdf"),
        (".hidden", "hidden"),
        ("", "unnamed"),
    ],
)
def test_file_names_are_neutralised(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected


def test_flipped_bit_in_a_stored_object_is_named_by_verify() -> None:
    item = ingest(b"x" * 100_000)
    path = services.get_store().path_for(item.sha256)
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[5000] ^= 0x01
    path.write_bytes(bytes(data))
    report = locker_verify()
    assert not report.ok
    assert any(item.reference in problem for problem in report.problems)


def _tamper(
    sql: str, params: list[Any], tables: tuple[str, ...] = ("evidence_custodyevent",)
) -> None:
    """Someone with the database drops the guards, changes rows, and puts the guards back."""
    audit_guard.remove(connection, list(tables))
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        audit_guard.install(connection, list(tables))


def test_edited_custody_event_is_detected() -> None:
    item = ingest(b"edited event")
    services.item_fixity(item=item, actor="t")
    event = item.custody_events.get(action="ingest")
    _tamper("UPDATE evidence_custodyevent SET actor = %s WHERE id = %s", ["someone else", event.pk])
    problems = locker_verify().problems
    assert any(f"event {event.seq}" in p and "hash" in p for p in problems), problems


def test_removed_custody_event_is_detected() -> None:
    item = ingest(b"removed event")
    services.item_fixity(item=item, actor="t")
    services.item_fixity(item=item, actor="t")
    middle = item.custody_events.order_by("seq")[1]
    _tamper("DELETE FROM evidence_custodyevent WHERE id = %s", [middle.pk])
    problems = locker_verify().problems
    assert any("missing" in p for p in problems), problems


def test_removed_last_event_is_detected() -> None:
    item = ingest(b"last event removed")
    last = services.item_fixity(item=item, actor="t")
    assert last == ""
    newest = item.custody_events.order_by("-seq").first()
    assert newest is not None
    _tamper("DELETE FROM evidence_custodyevent WHERE id = %s", [newest.pk])
    problems = locker_verify().problems
    assert any(item.reference in p for p in problems), problems


def test_custody_log_refuses_changes_at_the_database() -> None:
    item = ingest(b"guarded")
    with pytest.raises(Exception, match="append-only"):
        CustodyEvent.objects.filter(item=item).update(actor="x")
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM evidence_custodyevent")


def test_checkpoints_are_signed_and_a_forged_one_is_detected() -> None:
    ingest(b"signed")
    checkpoint = services.checkpoint_sign()
    assert checkpoint is not None
    assert locker_verify().checkpoints_checked == 1
    assert (Path(settings.SIGNING_KEY_FILE).stat().st_mode & 0o777) == 0o600
    _tamper(
        "UPDATE evidence_checkpoint SET signature = %s WHERE id = %s",
        [checkpoint.signature[:-4] + "AAA=", checkpoint.pk],
        ("evidence_checkpoint",),
    )
    assert any("signature" in p for p in locker_verify().problems)


# --- commands ---------------------------------------------------------------------------------


def test_evidence_add_prints_id_sha256_and_path(tmp_path: Path, capsys: Any) -> None:
    from mizan.cases.models import CaseFile

    CaseFile.objects.create(reference="CF-1", title="Case")
    files = []
    for index in range(2):
        path = tmp_path / f"file{index}.txt"
        path.write_bytes(f"content {index}".encode())
        files.append(path)
    assert mizan_main(["evidence", "add", *map(str, files), "--case", "CF-1", "--source", "S"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    for line, path in zip(lines, files, strict=True):
        reference, sha256, printed = line.split(" ", 2)
        assert Item.objects.get(reference=reference).sha256 == sha256
        assert sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert printed == str(path)
    assert Item.objects.filter(case_files__reference="CF-1", source_text="S").count() == 2


def test_evidence_add_unknown_case_adds_nothing(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"x")
    assert mizan_main(["evidence", "add", str(path), "--case", "NOPE"]) == 2
    assert "nothing was added" in capsys.readouterr().err
    assert not Item.objects.exists()


def test_evidence_verify_and_fixity_commands(capsys: Any) -> None:
    item = ingest(b"fixity me")
    assert mizan_main(["evidence", "verify"]) == 0
    assert mizan_main(["evidence", "fixity"]) == 0
    assert item.custody_events.filter(action="fixity").count() == 1
    path = services.get_store().path_for(item.sha256)
    os.chmod(path, 0o600)
    with path.open("r+b") as f:
        f.seek(-3, os.SEEK_END)
        f.write(b"\x00\x00\x00")
    capsys.readouterr()
    assert mizan_main(["evidence", "verify"]) == 1
    assert item.reference in capsys.readouterr().out
    assert mizan_main(["evidence", "fixity"]) == 1
    item.refresh_from_db()
    assert item.last_fixity_ok is False


@pytest.mark.django_db(transaction=True)
def test_sigkill_during_ingest_leaves_nothing_half_written(tmp_path: Path) -> None:
    """A separate installation (its own data directory and SQLite database): the ingest of a
    large file is killed with SIGKILL; afterwards no item, no visible object, verify clean."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "MIZAN_HOME": str(home),
        "MIZAN_ENV": "development",
        "DATABASE_URL": "",
    }
    env.pop("DATABASE_URL")
    cli = [sys.executable, "-m", "mizan.cli"]
    subprocess.run([*cli, "manage", "migrate", "-v0"], env=env, check=True, timeout=300)
    big = tmp_path / "big.bin"
    with big.open("wb") as f:
        for _ in range(768):
            f.write(os.urandom(1024 * 1024))
    process = subprocess.Popen([*cli, "evidence", "add", str(big)], env=env)
    tmp_dir = home / "evidence" / "tmp"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the ingest is writing its partial object
        partial = list(tmp_dir.glob("*.partial")) if tmp_dir.exists() else []
        if partial and partial[0].stat().st_size > 32 * 1024 * 1024:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    objects = list((home / "evidence" / "objects").rglob("*"))
    assert not [p for p in objects if p.is_file()]
    verify = subprocess.run(
        [*cli, "evidence", "verify"], env=env, capture_output=True, text=True, timeout=300
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "0 items" in verify.stdout


# --- web: uploads, previews, permissions ------------------------------------------------------


def _upload(client: Any, content: bytes, name: str, chunk: int = 1000, **form: Any) -> Any:
    start = client.post(
        reverse("evidence:upload_start"),
        {"name": name, "size": len(content)},
        content_type="application/json",
    )
    assert start.status_code == 200, start.content
    token = start.json()["token"]
    url = reverse("evidence:upload_chunk", args=[token])
    for offset in range(0, len(content), chunk):
        piece = content[offset : offset + chunk]
        response = client.post(
            f"{url}?offset={offset}",
            piece,
            content_type="application/octet-stream",
            HTTP_X_CHUNK_SHA256=hashlib.sha256(piece).hexdigest(),
        )
        assert response.status_code == 200, response.content
    return client.post(
        reverse("evidence:upload_complete", args=[token]), {"sensitivity": 2, **form}
    )


def test_upload_in_chunks_becomes_an_item(documenter_a: Any, team_a: Any) -> None:
    client = signed_in(documenter_a)
    content = os.urandom(5500)
    iiim = Term.objects.get(vocabulary="consent_scope", code="iiim")
    response = _upload(
        client,
        content,
        "../شهادة\u202e.txt",
        team=team_a.pk,
        consent_scopes=[iiim.pk],
        collected_by="Field team",
    )
    assert response.status_code == 200, response.content
    item = Item.objects.get(reference=response.json()["reference"])
    assert item.sha256 == hashlib.sha256(content).hexdigest()
    assert item.filename == "شهادة.txt"
    assert item.team == team_a and item.collected_by == "Field team"
    assert list(item.consent_scopes.values_list("code", flat=True)) == ["iiim"]
    assert not (Path(settings.EVIDENCE_ROOT) / "uploads" / Upload.objects.get().token).exists()


def test_upload_segments_on_disk_are_not_plaintext(documenter_a: Any) -> None:
    client = signed_in(documenter_a)
    secret = b"NAME-OF-A-WITNESS " * 200
    start = client.post(
        reverse("evidence:upload_start"),
        {"name": "w.txt", "size": len(secret) * 2},
        content_type="application/json",
    ).json()
    client.post(
        reverse("evidence:upload_chunk", args=[start["token"]]) + "?offset=0",
        secret,
        content_type="application/octet-stream",
        HTTP_X_CHUNK_SHA256=hashlib.sha256(secret).hexdigest(),
    )
    directory = Path(settings.EVIDENCE_ROOT) / "uploads" / start["token"]
    stored = b"".join(p.read_bytes() for p in directory.iterdir())
    assert stored and b"NAME-OF-A-WITNESS" not in stored
    # Resuming: the server says how much it has, and a chunk at the wrong offset is refused.
    status = client.get(reverse("evidence:upload_chunk", args=[start["token"]])).json()
    assert status == {"received": len(secret), "size": len(secret) * 2}
    wrong = client.post(
        reverse("evidence:upload_chunk", args=[start["token"]]) + "?offset=0",
        secret,
        content_type="application/octet-stream",
        HTTP_X_CHUNK_SHA256=hashlib.sha256(secret).hexdigest(),
    )
    assert wrong.status_code == 409 and wrong.json()["received"] == len(secret)


def test_bad_uploads_get_clear_messages_and_change_nothing(documenter_a: Any) -> None:
    client = signed_in(documenter_a)
    start_url = reverse("evidence:upload_start")
    empty = client.post(start_url, {"name": "e.txt", "size": 0}, content_type="application/json")
    assert empty.status_code == 400 and "empty" in empty.json()["error"]
    huge = client.post(
        start_url,
        {"name": "h.bin", "size": settings.EVIDENCE_MAX_UPLOAD_BYTES + 1},
        content_type="application/json",
    )
    assert huge.status_code == 400 and "larger" in huge.json()["error"]
    token = client.post(
        start_url, {"name": "d.txt", "size": 10}, content_type="application/json"
    ).json()["token"]
    damaged = client.post(
        reverse("evidence:upload_chunk", args=[token]) + "?offset=0",
        b"0123456789",
        content_type="application/octet-stream",
        HTTP_X_CHUNK_SHA256="0" * 64,
    )
    assert damaged.status_code == 400 and "damaged" in damaged.json()["error"]
    early = client.post(reverse("evidence:upload_complete", args=[token]), {"sensitivity": 2})
    assert early.status_code == 400
    assert not Item.objects.exists()


def test_upload_in_arabic_gets_arabic_messages(documenter_a: Any) -> None:
    client = signed_in(documenter_a, language="ar")
    response = client.post(
        reverse("evidence:upload_start"),
        {"name": "e.txt", "size": 0},
        content_type="application/json",
    )
    assert "فارغ" in response.json()["error"]


def test_another_users_upload_is_not_reachable(documenter_a: Any, documenter_b: Any) -> None:
    token = (
        signed_in(documenter_a)
        .post(
            reverse("evidence:upload_start"),
            {"name": "a.txt", "size": 5},
            content_type="application/json",
        )
        .json()["token"]
    )
    other = signed_in(documenter_b).get(reverse("evidence:upload_chunk", args=[token]))
    assert other.status_code == 404


def test_preview_and_download_are_custody_events_with_safe_headers(
    documenter_a: Any, team_a: Any
) -> None:
    item = ingest(b"<html><script>alert(1)</script></html>", "page.html", team=team_a)
    client = signed_in(documenter_a)
    response = client.get(reverse("evidence:item_content", args=[item.reference]))
    assert response.status_code == 200
    # HTML is never rendered in Mizan's origin: it comes as a download of opaque bytes.
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"<html>")
    download = client.get(reverse("evidence:item_download", args=[item.reference]))
    assert b"".join(download.streaming_content).endswith(b"</html>")
    actions = list(item.custody_events.values_list("action", flat=True))
    assert actions == ["ingest", "download", "download"]
    assert [e["actor"] for e in item.custody_events.values("actor")][1:] == [
        "dana_documenter",
        "dana_documenter",
    ]


def test_item_page_shows_timeline_and_verify_adds_a_fixity_event(
    documenter_a: Any, team_a: Any
) -> None:
    item = ingest(b"page", team=team_a)
    client = signed_in(documenter_a)
    page = client.get(reverse("evidence:item_detail", args=[item.reference]))
    assert page.status_code == 200
    assert item.sha256 in page.content.decode()
    response = client.post(reverse("evidence:item_verify", args=[item.reference]), follow=True)
    assert "Verified" in response.content.decode()
    assert item.custody_events.filter(action="fixity", details__ok=True).exists()


def test_other_team_and_low_clearance_cannot_see_an_item(
    documenter_b: Any, viewer: Any, team_a: Any
) -> None:
    item = ingest(b"team a only", team=team_a)
    for user in (documenter_b, viewer):
        client = signed_in(user)
        assert client.get(reverse("evidence:item_detail", args=[item.reference])).status_code == 404
        assert (
            client.get(reverse("evidence:item_content", args=[item.reference])).status_code == 404
        )
        assert item.reference not in client.get(reverse("evidence:item_list")).content.decode()
    assert list(item.custody_events.values_list("action", flat=True)) == ["ingest"]


def test_scheduled_fixity_task_checks_items_and_queues_itself_once(settings: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    from mizan.evidence.tasks import fixity_task, schedule_fixity

    item = ingest(b"scheduled")
    assert fixity_task.call()["items"] == 1
    assert item.custody_events.filter(action="fixity", actor__contains="scheduled").exists()
    assert schedule_fixity() is False  # the immediate backend (tests) would loop: never queued
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert schedule_fixity() is True
    assert schedule_fixity() is False  # one waiting run is enough
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("fixity_task") and queued.run_after is not None


# --- handover ---------------------------------------------------------------------------------


def _case_with_items() -> tuple[Any, list[Item]]:
    from mizan.cases.models import CaseFile

    case = CaseFile.objects.create(reference="CF-9", title="Case for the IIIM")
    iiim = Term.objects.filter(vocabulary="consent_scope", code="iiim")
    with_consent = ingest(b"consented original", "a.txt", case_files=[case], consent_scopes=iiim)
    without = ingest(b"no consent yet", "b.txt", case_files=[case])
    return case, [with_consent, without]


def test_export_stops_and_lists_items_without_consent(tmp_path: Path, capsys: Any) -> None:
    _case, (_ok, lacking) = _case_with_items()
    out = tmp_path / "package"
    code = mizan_main(
        ["evidence", "export", "--case", "CF-9", "--recipient", "IIIM", "--out", str(out)]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "consent is missing" in err and lacking.reference in err
    assert not out.exists()
    assert not lacking.custody_events.filter(action="handover").exists()


def test_export_builds_a_package_that_verifies_offline_and_records_the_handover(
    tmp_path: Path, capsys: Any
) -> None:
    from mizan.evidence.models import Handover

    _case, (ok, _lacking) = _case_with_items()
    out = tmp_path / "package"
    code = mizan_main(
        ["evidence", "export", "--items", ok.reference, "--recipient", "IIIM", "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    reference, package_sha256, path = capsys.readouterr().out.split()
    handover = Handover.objects.get(reference=reference)
    assert handover.package_sha256 == package_sha256 and Path(path) == out
    assert list(handover.items.all()) == [ok]
    event = ok.custody_events.get(action="handover")
    assert (
        event.details["recipient"] == "IIIM" and event.details["package_sha256"] == package_sha256
    )
    assert (out / "data" / "items" / ok.reference / "a.txt").read_bytes() == b"consented original"
    # Offline: no database, no settings, no data directory, an empty HOME.
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "nobody")}
    fingerprint = services.get_signing_key().fingerprint
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mizan.cli",
            "verify-package",
            str(out),
            "--fingerprint",
            fingerprint,
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert locker_verify().ok


def test_export_encrypted_to_an_age_recipient(tmp_path: Path, capsys: Any) -> None:
    import pyrage

    _case, (ok, _lacking) = _case_with_items()
    identity = pyrage.x25519.Identity.generate()
    out = tmp_path / "sealed"
    code = mizan_main(
        [
            "evidence", "export", "--items", ok.reference, "--recipient", "IIIM",
            "--out", str(out), "--age-recipient", str(identity.to_public()),
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    (sealed,) = out.glob("*.tar.age")
    assert b"consented original" not in sealed.read_bytes()
    key = tmp_path / "key.txt"
    key.write_text(str(identity) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mizan.cli",
            "verify-package",
            str(sealed),
            "--identity",
            str(key),
            "--fingerprint",
            services.get_signing_key().fingerprint,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    bad = mizan_main(
        [
            "evidence", "export", "--items", ok.reference, "--recipient", "IIIM",
            "--out", str(tmp_path / "x"), "--age-recipient", "age1notakey",
        ]
    )  # fmt: skip
    assert bad == 2 and "not an age public key" in capsys.readouterr().err


def test_handover_page_checks_consent_then_builds_the_package(
    make_user: Any, tmp_path: Path
) -> None:
    import tarfile

    from mizan.evidence.models import Handover, Recipient

    legal = make_user("lina_legal", "legal_officer")
    case, (ok, lacking) = _case_with_items()
    iiim = Recipient.objects.create(
        name="IIIM", category=Term.objects.get(vocabulary="recipient_category", code="iiim")
    )
    client = signed_in(legal)
    url = reverse("evidence:handover_list")
    assert client.get(url).status_code == 200
    blocked = client.post(url, {"recipient": iiim.pk, "case_file": case.pk})
    assert blocked.status_code == 200
    assert lacking.reference in blocked.content.decode() and not Handover.objects.exists()
    # The page links the item to where its consent is recorded.
    assert reverse("evidence:item_edit", args=[lacking.reference]) in blocked.content.decode()
    both = client.post(url, {"recipient": iiim.pk, "case_file": case.pk, "items": ok.reference})
    assert "one of the two" in both.content.decode()
    done = client.post(url, {"recipient": iiim.pk, "items": ok.reference}, follow=True)
    assert done.status_code == 200
    handover = Handover.objects.get()  # the immediate task backend built it at once
    assert handover.created_by == "lina_legal"
    assert handover.reference in done.content.decode()
    download = client.get(reverse("evidence:handover_download", args=[handover.reference]))
    archive = tmp_path / "package.tar"
    archive.write_bytes(b"".join(download.streaming_content))
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "x", filter="data")
    (bag,) = (tmp_path / "x").iterdir()
    from mizan.evidence.package import verify_package

    assert verify_package(bag) == []


def test_editing_an_item_records_consent_in_its_custody_history(
    documenter_a: Any, team_a: Any
) -> None:
    item = ingest(b"edit me", team=team_a)
    client = signed_in(documenter_a)
    url = reverse("evidence:item_edit", args=[item.reference])
    assert client.get(url).status_code == 200
    iiim = Term.objects.get(vocabulary="consent_scope", code="iiim")
    bad = client.post(url, {"sensitivity": 2, "team": team_a.pk, "incident_refs": "INC-NOPE"})
    assert "INC-NOPE" in bad.content.decode()
    response = client.post(
        url,
        {"sensitivity": 2, "team": team_a.pk, "consent_scopes": [iiim.pk], "title": "Photo"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Photo" and item.sha256 == hashlib.sha256(b"edit me").hexdigest()
    event = item.custody_events.get(action="annotate")
    assert event.details["consent_scopes"] == ["iiim"]
    assert set(event.details["fields"]) == {"consent_scopes", "title"}
    assert locker_verify().ok


def test_handover_of_items_beyond_a_legal_officers_team_is_refused(
    make_user: Any, team_a: Any, team_b: Any
) -> None:
    from mizan.cases.models import CaseFile
    from mizan.evidence.models import Recipient

    legal_b = make_user("lara_legal", "legal_officer", (team_b,))
    case = CaseFile.objects.create(reference="CF-T", title="Team case")
    iiim = Term.objects.filter(vocabulary="consent_scope", code="iiim")
    ingest(b"team a", "a.txt", team=team_a, case_files=[case], consent_scopes=iiim)
    ingest(b"open", "b.txt", case_files=[case], consent_scopes=iiim)
    recipient = Recipient.objects.create(
        name="IIIM", category=Term.objects.get(vocabulary="recipient_category", code="iiim")
    )
    response = signed_in(legal_b).post(
        reverse("evidence:handover_list"), {"recipient": recipient.pk, "case_file": case.pk}
    )
    assert "beyond your clearance or case team" in response.content.decode()


def test_stale_uploads_are_forgotten(documenter_a: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from mizan.evidence.uploads import uploads_forget_stale

    client = signed_in(documenter_a)
    token = client.post(
        reverse("evidence:upload_start"),
        {"name": "a.txt", "size": 5},
        content_type="application/json",
    ).json()["token"]
    assert uploads_forget_stale() == 0
    Upload.objects.filter(token=token).update(updated_at=timezone.now() - timedelta(days=8))
    assert uploads_forget_stale() == 1
    assert not (Path(settings.EVIDENCE_ROOT) / "uploads" / token).exists()


def test_custody_history_is_in_local_time_like_the_rest_of_the_page(
    documenter_a: Any, team_a: Any
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    item = ingest(b"timed", team=team_a)
    event = item.custody_events.get()
    local = datetime.fromisoformat(event.at.replace("Z", "+00:00")).astimezone(
        ZoneInfo(settings.TIME_ZONE)
    )
    page = signed_in(documenter_a).get(reverse("evidence:item_detail", args=[item.reference]))
    body = page.content.decode()
    assert f">{local:%Y-%m-%d %H:%M:%S}</bdi>" in body
    assert f">{event.at}<" not in body  # the raw UTC text only as the tooltip


def test_iso_dates_are_isolated_left_to_right(documenter_a: Any, team_a: Any) -> None:
    """An ISO date after Arabic text keeps its order (2026-12-05, not 05-12-2026)."""
    import re

    ingest(b"dated", team=team_a)
    body = signed_in(documenter_a, language="ar").get(reverse("evidence:item_list")).content
    assert re.search(rb'<bdi dir="ltr">\d{4}-\d{2}-\d{2} \d{2}:\d{2}</bdi>', body)


def test_an_upload_of_another_teams_item_is_refused_and_tells_nothing_of_it(
    documenter_a: Any, team_a: Any, team_b: Any
) -> None:
    """The locker keeps one item per content: an upload with the bytes of an item the uploader
    may not see *is* that item. Answering with its reference would confirm the locker holds it
    and name it; linking it to the uploader's case file would let that case file's package
    carry it out. Refused with neither; the upload is dropped."""
    from mizan.cases.models import CaseFile
    from tests.factories import locker_item_of

    secret = b"a synthetic detention record held by another team"
    other = locker_item_of(team_b, secret)
    assert not other.is_visible_to(documenter_a)
    case = CaseFile.objects.create(reference="CF-A1", title="Team A case", team=team_a)
    client = signed_in(documenter_a)
    response = _upload(client, secret, "record.txt", team=team_a.pk, case_file=case.pk)
    assert response.status_code == 400
    body = response.content.decode()
    assert "cannot see" in response.json()["error"]
    assert other.reference not in body and other.sha256 not in body
    assert not other.case_files.exists()
    assert not Upload.objects.exists()
    # Without a case file, the same.
    response = _upload(client, secret, "record.txt", team=team_a.pk)
    assert response.status_code == 400 and other.reference not in response.content.decode()
    # A derived copy with those bytes does not name it either.
    own = item_ingest(
        io.BytesIO(b"a synthetic original of team A"),
        filename="o.txt",
        actor=documenter_a,
        team=team_a,
    )
    with pytest.raises(ValidationError) as refused:
        services.item_derive(
            original=own.item,
            stream=io.BytesIO(secret),
            filename="r.txt",
            derivation="redacted",
            actor=documenter_a,
        )
    assert other.reference not in " ".join(refused.value.messages)
    # The service itself never links it to a case file of the actor's.
    with pytest.raises(ValidationError):
        item_ingest(io.BytesIO(secret), filename="x.txt", actor=documenter_a, case_files=[case])
    assert not other.case_files.exists()


def test_an_upload_completed_on_an_item_out_of_reach_does_not_name_it(
    documenter_a: Any, team_b: Any
) -> None:
    """Completing an upload again answers with its item. An upload completed before duplicates
    out of reach were refused (or whose item moved out of the uploader's reach since) must not
    name it."""
    from tests.factories import locker_item_of

    other = locker_item_of(team_b, b"a synthetic record of another team")
    upload = Upload.objects.create(
        token="t" * 48, user=documenter_a, filename="record.txt", size=34, received=34, item=other
    )
    response = signed_in(documenter_a).post(
        reverse("evidence:upload_complete", args=[upload.token]), {"sensitivity": 2}
    )
    assert response.status_code == 400 and "cannot see" in response.json()["error"]
    assert other.reference not in response.content.decode()
