"""``mizan activities import`` (issue 17): atomic, dry run row by row, bad rows refused with
their row number and reason, nothing written."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook

from mizan.activities.models import Activity
from mizan.core.models import AuditEntry

pytestmark = pytest.mark.django_db

HEADER = (
    "reference,type,title_ar,title_en,start_date,end_date,place,partners,donor,project,topics,"
    "women,men,girls,boys,groups"
)
GOOD = [
    "W-1,workshop,ورشة عفرين,Afrin workshop,2025-03-02,2025-03-03,Afrin,Lawyers Association,"
    "Donor Ministry,TJ-1,transitional_justice;upr,12,8,0,0,survivors:10;lawyers:6",
    "L-1,Lecture,محاضرة,Lecture,2025-05,,Gaziantep,,,TJ-1,,40,40,0,0,hrds:80",
]


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "activities.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_good_file_is_imported_with_its_counts_and_links(
    tmp_path: Path, project: Any, partner: Any
) -> None:
    out = io.StringIO()
    call_command("activities", "import", str(_csv(tmp_path, *GOOD)), stdout=out)
    assert "imported 2 activities" in out.getvalue()
    workshop = Activity.objects.get(reference="W-1")
    assert (workshop.women, workshop.men, workshop.total) == (12, 8, 20)
    assert list(workshop.partners.all()) == [partner]
    assert list(workshop.projects.all()) == [project]
    assert sorted(t.code for t in workshop.topics.all()) == ["transitional_justice", "upr"]
    assert {r.term.code: r.count for r in workshop.counts.select_related("term")} == {
        "survivors": 10,
        "lawyers": 6,
    }
    assert Activity.objects.get(reference="L-1").activity_type.code == "lecture"


def test_the_same_file_from_xlsx(tmp_path: Path, project: Any, partner: Any) -> None:
    book = Workbook()
    for line in [HEADER, *GOOD]:
        book.active.append(line.split(","))
    book.save(tmp_path / "a.xlsx")
    call_command("activities", "import", str(tmp_path / "a.xlsx"), stdout=io.StringIO())
    assert Activity.objects.count() == 2


def test_a_dry_run_checks_row_by_row_and_writes_nothing(
    tmp_path: Path, project: Any, partner: Any
) -> None:
    out = io.StringIO()
    before = AuditEntry.objects.count()
    call_command("activities", "import", str(_csv(tmp_path, *GOOD)), "--dry-run", stdout=out)
    assert "row 2: ok W-1 (20)" in out.getvalue()
    assert "row 3: ok L-1 (80)" in out.getvalue()
    assert not Activity.objects.exists()
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (GOOD[1].replace(",40,40,", ",-4,40,"), "Row 3: women cannot be negative"),
        (GOOD[1].replace(",40,40,", ",forty,40,"), "Row 3: women must be a whole number"),
        (GOOD[1].replace("hrds:80", "hrds:70;lawyers:20"), "adds up to 90 participants"),
        (GOOD[1].replace("2025-05,", "2025-05,2025-04"), "Row 3: The activity ends before"),
        (GOOD[1].replace(",TJ-1,", ",NOPE,"), "Row 3: Unknown project “NOPE”"),
        (GOOD[1].replace(",,,TJ-1", ",,Nobody,TJ-1"), "Row 3: Unknown donor “Nobody”"),
        (GOOD[1].replace("L-1", "W-1"), "Row 3: The reference W-1 is twice in the file"),
        (GOOD[1].replace("Lecture,", "Picnic,", 1), "Row 3: Unknown type of activity “Picnic”"),
        (GOOD[1].replace("hrds:80", "hrds"), "Write the groups as code:count"),
    ],
)
def test_a_bad_row_stops_the_import_and_nothing_is_written(
    tmp_path: Path, project: Any, partner: Any, row: str, message: str
) -> None:
    before = AuditEntry.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("activities", "import", str(_csv(tmp_path, GOOD[0], row)))
    assert message in str(refused.value)
    assert "nothing was imported" in str(refused.value)
    assert not Activity.objects.exists()
    assert AuditEntry.objects.count() == before


def test_the_refusal_is_translated(tmp_path: Path, project: Any, partner: Any) -> None:
    with translation.override("ar"), pytest.raises(CommandError) as refused:
        call_command("activities", "import", str(_csv(tmp_path, GOOD[1].replace(",TJ-1,", ",X,"))))
    assert "السطر 2: مشروع غير معروف «X»" in str(refused.value)


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("reference,title\nx,y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Missing columns: type"):
        call_command("activities", "import", str(path))
