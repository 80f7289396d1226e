"""Hostile files given to the import: refused early, with a clear message, in bounded memory
(issue 11: a 400 MB file of NULs took 879 MB before it was refused)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from mizan.core.models import Team
from mizan.missing import importing, services
from mizan.missing.models import ImportJob, SourceList, SourceRecord
from tests.conftest import signed_in

MB = 1024 * 1024


def _write_nuls(path: Path, size: int) -> Path:
    block = b"\x00" * MB
    with path.open("wb") as out:
        for _ in range(size // MB):
            out.write(block)
    return path


def _peak_while(action: Any) -> tuple[int, BaseException | None]:
    tracemalloc.start()
    error: BaseException | None = None
    try:
        action()
    except BaseException as exc:
        error = exc
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, error


def _iterate(path: Path, name: str) -> None:
    _source, rows = importing.open_source(path, file_name=name)
    for _row in rows:
        pass


def test_a_large_file_of_nuls_is_refused_from_its_first_chunk(tmp_path: Path) -> None:
    path = _write_nuls(tmp_path / "list.csv", 60 * MB)
    peak, error = _peak_while(lambda: _iterate(path, "list.csv"))
    assert isinstance(error, importing.ImportRefused) and error.code == "binary"
    assert peak < 2 * MB, f"{peak / MB:.0f} MB held to refuse a file of NULs"
    with translation.override("en"):
        assert "not a list of names: it holds binary data (NUL) near line 1" in str(error)


def test_nuls_after_good_lines_are_found_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    good = "record_id,full_name\n" + "".join(f"{n},محمد الشامي\n" for n in range(1, 40_000))
    path.write_bytes(good.encode() + b"\x00" * (3 * MB))
    peak, error = _peak_while(lambda: _iterate(path, "list.csv"))
    assert isinstance(error, importing.ImportRefused) and error.code == "binary"
    assert error.params["line"] == 40_001  # header + 39,999 rows, then the NULs
    assert peak < 8 * MB


def test_a_file_without_line_breaks_is_refused_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"record_id,full_name\n" + b"a" * (20 * MB))
    peak, error = _peak_while(lambda: _iterate(path, "list.csv"))
    assert isinstance(error, importing.ImportRefused) and error.code == "line_too_long"
    assert error.params["line"] == 2
    assert peak < 12 * MB, f"{peak / MB:.0f} MB held for a 20 MB line"


def test_a_false_xlsx_and_control_bytes_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "list.xlsx"
    fake.write_bytes(b"record_id,full_name\n1,x\n")
    with pytest.raises(importing.ImportRefused) as refused:
        importing.open_source(fake)
    assert refused.value.code == "bad_xlsx"
    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(range(1, 32)) * 100)
    with pytest.raises(importing.ImportRefused) as refused:
        importing.open_source(noise)
    assert refused.value.code == "binary"


def test_ordinary_lists_still_pass_the_first_bytes_check() -> None:
    importing.check_first_bytes("record_id,full_name\r\n1,محمد\tx\x1a".encode(), suffix=".csv")
    importing.check_first_bytes("record_id".encode("utf-16"), suffix=".csv")
    importing.check_first_bytes("رقم السجل".encode("cp1256"), suffix=".csv")
    importing.check_first_bytes(b"PK\x03\x04rest", suffix=".xlsx")


@pytest.mark.django_db
def test_the_web_import_refuses_binary_at_upload_and_keeps_nothing(
    make_user: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team.objects.create(slug="reg", name_en="Registry", name_ar="السجل")
    officer = make_user("mona_officer", "missing_persons_officer", (team,))
    source = services.source_list_create(
        actor=officer, data={"name": "Families", "origin": SourceList.Origin.FAMILIES}
    )
    client = signed_in(officer)
    response = client.post(
        reverse("missing:list_import", args=[source.pk]),
        {"file": SimpleUploadedFile("list.csv", b"\x00" * (4 * MB), "text/csv")},
        follow=True,
    )
    assert "holds binary data (NUL)" in response.content.decode()
    assert not ImportJob.objects.exists() and not SourceRecord.objects.exists()
    assert list(services.import_dir().iterdir()) == []
    assert list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir()) == []
