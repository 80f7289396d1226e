"""A column the registry has no field for but its matching reads from the original row (the
rank, «الرتبة»: ``lists.rank_in_row``) is named as such by the import — on the command line's
dry run and on the web import's page, in English and Arabic — not "kept in the original row
only" (issue 15). Synthetic people only."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from mizan.linkage.lists import HEADERS
from mizan.missing import importing, services
from mizan.missing.models import ImportJob, SourceList, SourceRecord
from mizan.missing.review import linkage_row
from tests.conftest import signed_in

READ_EN = "it is kept in the original row, and the matching reads it from there"
READ_AR = "يُحفظ في السطر الأصلي، ومنه تقرؤه المطابقة"
ONLY_EN = "it is kept in the original row only"

ARMY_LIST = (
    "رقم السجل,الرتبة,الاسم الكامل,ملاحظات\n"
    "J-1,نقيب,النقيب مروان علي الإبراهيم,منشق\n"
    "J-2,مجند,سامر خالد الحموي,\n"
)


def _list(name: str = "army") -> SourceList:
    return services.source_list_create(
        actor=None, data={"name": name, "origin": SourceList.Origin.FAMILIES}
    )


@pytest.mark.parametrize("header", ["الرتبة", "Rank", "military rank", "الرتبة العسكرية"])
def test_a_rank_column_is_named_as_read_by_the_matching(header: str) -> None:
    _mapping, problems = importing.match_header(["record_id", "full_name", header, "Notes"])
    assert [(p["code"], p["params"]["header"]) for p in problems] == [
        ("row_column", header),
        ("unknown_column", "Notes"),
    ]
    with translation.override("en"):
        rank, notes = map(importing.problem_message, problems)
    assert READ_EN in rank and ONLY_EN not in rank
    assert ONLY_EN in notes
    with translation.override("ar"):
        assert READ_AR in importing.problem_message(problems[0])


def test_a_problem_stored_before_says_the_same() -> None:
    """An import job checked before keeps "unknown_column" for its rank column: its page
    tells the truth too."""
    stored = {"row": 1, "column": "", "code": "unknown_column", "severity": "warning"}
    with translation.override("en"):
        rank = importing.problem_message({**stored, "params": {"header": "الرتبة"}})
        notes = importing.problem_message({**stored, "params": {"header": "ملاحظات"}})
    assert READ_EN in rank
    assert ONLY_EN in notes


@pytest.mark.django_db
def test_every_column_the_matching_reads_from_the_row_is_named(tmp_path: Path) -> None:
    """What ``linkage_row`` reads beyond the registry's fields is ``READ_FROM_ROW``, no more."""
    path = tmp_path / "army.csv"
    path.write_text(ARMY_LIST, encoding="utf-8")
    assert services.source_list_import(actor=None, source_list=_list(), path=path).ok
    row = linkage_row(SourceRecord.objects.get(record_id="J-1"))
    assert set(row) - set(HEADERS) - {"source"} == set(importing.READ_FROM_ROW)
    assert row["rank"] == "نقيب"


@pytest.mark.django_db
def test_the_dry_run_names_the_rank_column(tmp_path: Path) -> None:
    path = tmp_path / "army.csv"
    path.write_text(ARMY_LIST, encoding="utf-8")
    _list()
    for language, expected in (("en", READ_EN), ("ar", READ_AR)):
        out = io.StringIO()
        with translation.override(language):
            call_command("missing_import", str(path), "--source", "army", "--dry-run", stdout=out)
        lines = out.getvalue().splitlines()
        assert any("الرتبة" in line and expected in line for line in lines), lines
        assert any("ملاحظات" in line and expected not in line for line in lines), lines


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("en", READ_EN), ("ar", READ_AR)])
def test_the_web_import_names_the_rank_column(
    officer: Any,
    tmp_path: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
    language: str,
    expected: str,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client = signed_in(officer, language=language)
    source = _list()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("missing:list_import", args=[source.pk]),
            {"file": SimpleUploadedFile("army.csv", ARMY_LIST.encode(), content_type="text/csv")},
        )
    job = ImportJob.objects.get()
    assert job.state == "checked" and job.error_count == 0 and job.warning_count == 2
    page = client.get(reverse("missing:job_detail", args=[job.pk])).content.decode()
    assert expected in page


REGISTER = (
    "رقم السجل,الاسم الكامل,مكان الإقامة,البلدة الأصلية,ملاحظات\n"
    "WN-1,نور بنت جمال العبد الله,حرستا,لوبية,\n"
)


@pytest.mark.django_db
def test_a_residence_and_a_village_of_origin_reach_the_matching_as_mizan_link_reads_them(
    tmp_path: Path,
) -> None:
    # A women's network's register gives «مكان الإقامة» where it asks no place of birth, a
    # Palestinian group's list «البلدة الأصلية»: mizan link compares both; the registry's
    # matching read neither, and its import called them "kept in the original row only".
    path = tmp_path / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    outcome = services.source_list_import(actor=None, source_list=_list("register"), path=path)
    assert outcome.ok
    codes = {p["params"]["header"]: p["code"] for p in outcome.scan.problems}
    assert codes == {
        "مكان الإقامة": "row_column",
        "البلدة الأصلية": "row_column",
        "ملاحظات": "unknown_column",
    }
    row = linkage_row(SourceRecord.objects.get(record_id="WN-1"))
    assert (row["residence"], row["origin"], row["rank"]) == ("حرستا", "لوبية", "")
