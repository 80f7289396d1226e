"""Nothing Mizan keeps is readable by other local accounts, and uploads never touch /tmp
(issue 11).

The attacker here is another account on the same machine: it can read a world-readable SQLite
file, and whatever Django spools to the shared /tmp (left behind when the process is killed).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mizan.core import home
from mizan.core.models import Team
from tests.conftest import PASSWORD, signed_in

NAMES = "record_id,full_name\n1,محمد الشامي\n2,أحمد الحلبي\n".encode()


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file()) if directory.exists() else []


@pytest.fixture
def system_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The machine's shared temporary directory, watched."""
    directory = tmp_path / "system-tmp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    monkeypatch.setenv("TMPDIR", str(directory))
    return directory


@pytest.fixture
def officer_and_list(make_user: Any, settings: Any, tmp_path: Path) -> tuple[Any, Any]:
    from mizan.missing import services
    from mizan.missing.models import SourceList

    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team.objects.create(slug="reg", name_en="Registry", name_ar="السجل")
    officer = make_user("mona_officer", "missing_persons_officer", (team,))
    source = services.source_list_create(
        actor=officer, data={"name": "Families", "origin": SourceList.Origin.FAMILIES}
    )
    return officer, source


def _upload_dir() -> Path:
    from django.conf import settings

    return Path(settings.FILE_UPLOAD_TEMP_DIR)


@pytest.mark.django_db
def test_an_imported_list_is_never_spooled_to_the_system_temp_dir(
    officer_and_list: Any, system_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mizan.missing import services

    officer, source = officer_and_list
    seen: dict[str, list[Path]] = {}
    original = services.store_upload

    def spy(chunks: Any, **kwargs: Any) -> Any:
        seen["system"] = _files(system_tmp)
        seen["uploads"] = _files(_upload_dir())
        return original(chunks, **kwargs)

    monkeypatch.setattr(services, "store_upload", spy)
    response = signed_in(officer).post(
        reverse("missing:list_import", args=[source.pk]),
        {"file": SimpleUploadedFile("list.csv", NAMES, content_type="text/csv")},
    )
    assert response.status_code == 302
    assert seen["system"] == [], "the upload was spooled to the shared temporary directory"
    assert len(seen["uploads"]) == 1  # spooled in MIZAN_HOME/tmp/uploads instead
    assert stat.S_IMODE(_upload_dir().stat().st_mode) == 0o700
    assert _files(_upload_dir()) == [] and _files(system_tmp) == []


@pytest.mark.django_db
def test_a_library_upload_is_never_spooled_to_the_system_temp_dir(
    make_user: Any, settings: Any, tmp_path: Path, system_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mizan.library import services

    settings.MEDIA_ROOT = tmp_path / "media"
    seen: list[Path] = []
    original = services._hash_to_temp

    def spy(stream: Any) -> Any:
        result = original(stream)
        seen.extend(_files(system_tmp))
        return result

    monkeypatch.setattr(services, "_hash_to_temp", spy)
    client = signed_in(make_user("rana_researcher", "researcher"))
    response = client.post(
        reverse("library:upload"),
        {
            "collection": "international",
            "title_ar": "تقرير",
            "title_en": "",
            "language": "ar",
            "sensitivity": "1",
            "file": SimpleUploadedFile("report.txt", "نص التقرير".encode(), "text/plain"),
        },
    )
    assert response.status_code == 302
    assert seen == [], "the document was written to the shared temporary directory"
    assert _files(system_tmp) == [] and _files(_upload_dir()) == []
    assert _files(home.private_temp_root()) == []
    stored = _files(Path(settings.MEDIA_ROOT))
    assert stored and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in stored)


@pytest.mark.django_db
def test_a_failing_import_leaves_no_copy_of_the_list(
    officer_and_list: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mizan.missing import services

    officer, source = officer_and_list

    def broken(**kwargs: Any) -> Any:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "import_job_start", broken)
    with pytest.raises(RuntimeError):
        signed_in(officer).post(
            reverse("missing:list_import", args=[source.pk]),
            {"file": SimpleUploadedFile("list.csv", NAMES, content_type="text/csv")},
        )
    assert _files(services.import_dir()) == []
    assert _files(_upload_dir()) == []


def test_what_a_killed_process_left_is_swept_at_start(settings: Any, tmp_path: Path) -> None:
    settings.MIZAN_HOME = tmp_path / "home"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "home" / "tmp" / "uploads")
    uploads = home.upload_temp_dir()
    stale, fresh = uploads / "tmpabc.upload.csv", uploads / "tmpdef.upload.csv"
    scratch = home.private_temp_root() / "mizan-ocr-x"
    scratch.mkdir()
    (scratch / "chunk-0.pdf").write_bytes(b"%PDF")
    for path in (stale, fresh):
        path.write_bytes(NAMES)
    long_ago = time.time() - 2 * home.STALE_TEMP_SECONDS
    for path in (stale, scratch / "chunk-0.pdf", scratch):
        os.utime(path, (long_ago, long_ago))
    removed = home.sweep_stale_temp()
    assert sorted(removed) == sorted([stale, scratch])
    assert fresh.exists() and not stale.exists() and not scratch.exists()


def test_loose_permissions_are_fixed_and_named(tmp_path: Path) -> None:
    root = tmp_path / "home"
    (root / "media").mkdir(parents=True)
    database = root / "mizan.sqlite3"
    database.write_bytes(b"SQLite format 3\x00")
    os.chmod(database, 0o644)
    os.chmod(root / "media", 0o755)  # noqa: S103 - the loose mode under test
    os.chmod(root, 0o750)  # noqa: S103 - the loose mode under test
    problems = home.loose_permissions([root], fix=True)
    described = "\n".join(p.describe() for p in problems)
    assert "mizan.sqlite3 was open to group and others (mode 0644); now 0600" in described
    assert "media was open to group and others (mode 0755); now 0700" in described
    assert "home was open to its group (mode 0750); now 0700" in described
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert home.loose_permissions([root], fix=False) == []


def _mizan(home_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(home_dir.parent),
        "MIZAN_HOME": str(home_dir),
        "MIZAN_ENV": "development",
        "PYTHONHASHSEED": "0",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "mizan.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        umask=0o022,  # the usual default: what Mizan must not rely on
        check=False,
        timeout=300,
    )


def test_everything_mizan_creates_is_private(tmp_path: Path) -> None:
    """Setup, an account, evidence and a library document: no group or other bit anywhere."""
    mizan_home = tmp_path / "var"
    migrated = _mizan(mizan_home, "manage", "migrate", "--verbosity", "0")
    assert migrated.returncode == 0, migrated.stderr
    admin = _mizan(mizan_home, "createadmin", "--username", "root", MIZAN_ADMIN_PASSWORD=PASSWORD)
    assert admin.returncode == 0, admin.stderr
    exhibit = tmp_path / "exhibit.txt"
    exhibit.write_text("شهادة مكتوبة", encoding="utf-8")
    added = _mizan(mizan_home, "evidence", "add", str(exhibit), "--source", "test")
    assert added.returncode == 0, added.stderr
    shared = [
        f"{p.relative_to(mizan_home)} {stat.S_IMODE(p.lstat().st_mode):04o}"
        for p in [mizan_home, *mizan_home.rglob("*")]
        if not p.is_symlink() and p.lstat().st_mode & 0o077
    ]
    assert shared == [], "readable by other accounts: " + ", ".join(shared)
    assert (mizan_home / "mizan.sqlite3").exists()

    # A database made world-readable (a careless copy) is tightened at the next start, and the
    # administrator is told which file it was and what its mode had been.
    os.chmod(mizan_home / "mizan.sqlite3", 0o644)
    checked = _mizan(mizan_home, "manage", "check")
    assert checked.returncode == 0, checked.stderr
    assert "mizan.sqlite3 was open to group and others (mode 0644); now 0600" in checked.stderr
    assert stat.S_IMODE((mizan_home / "mizan.sqlite3").stat().st_mode) == 0o600


def test_only_the_files_themselves_are_checked_outside_mizan_home(
    settings: Any, tmp_path: Path
) -> None:
    """A key kept in a shared folder: the key is tightened, its neighbours are left alone."""
    settings.MIZAN_HOME = tmp_path / "home"
    settings.MEDIA_ROOT = tmp_path / "home" / "media"
    settings.EVIDENCE_ROOT = tmp_path / "home" / "evidence"
    settings.EVIDENCE_EXPORT_ROOT = tmp_path / "home" / "handovers"
    shared = tmp_path / "etc"
    shared.mkdir()
    key, neighbour = shared / "store.key", shared / "proxy.conf"
    for path in (key, neighbour):
        path.write_text("x")
        os.chmod(path, 0o644)
    settings.EVIDENCE_KEY_FILE = key
    home.secure_home(fix=True)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(neighbour.stat().st_mode) == 0o644
