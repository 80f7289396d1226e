"""A list written with two-digit years of birth is matched on them in the web review too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mizan.missing.importing import verbatim_cell
from mizan.missing.models import CandidatePair, SourceRecord
from mizan.missing.review import runs
from tests.missing.test_review import FAMILIES, HEADER, make_list, run_matching

SHORT_YEARS = (
    HEADER
    + "U-1,Mohammad,Ahmad,Abdulrahman,Fatima,85,Daraya\n"
    + "U-2,Yusuf,Hasan,Al-Attar,Salma,68,Deraa\n"
    + "U-3,Omar,Khaled,Al-Hamwi,Zainab,77,Homs\n"
)


def test_the_cell_is_found_under_any_header_that_names_the_column() -> None:
    row = {"record_id": "1", "الاسم": "أحمد", "سنة الولادة": "85"}
    assert verbatim_cell(row, "birth_year") == "85"
    assert (
        verbatim_cell({"record_id": "1", "first_name": "x", "birth_year": None}, "birth_year") == ""
    )
    assert verbatim_cell({"record_id": "1", "first_name": "x"}, "birth_year") == ""
    # A row kept from a header that no longer reads (no name column): nothing.
    assert verbatim_cell({"record_id": "1", "birth_year": "85"}, "birth_year") == ""


@pytest.mark.django_db
def test_two_digit_years_reach_the_engine_and_agree(officer: Any, tmp_path: Path) -> None:
    make_list(officer, tmp_path, "Families", FAMILIES)
    make_list(officer, tmp_path, "Short years", SHORT_YEARS)
    record = SourceRecord.objects.get(record_id="U-1")
    assert record.birth_year is None  # the import stores no year it cannot be sure of
    assert runs.linkage_row(record)["birth_year"] == "85"
    run_matching(officer)
    a = SourceRecord.objects.get(record_id="F-1")
    pair = CandidatePair.objects.get(record_a=min(a.pk, record.pk), record_b=max(a.pk, record.pk))
    fields = {item["field"]: item for item in pair.evidence}
    assert fields["birth_year"]["level"] == "same year"
    assert fields["birth_year"]["weight"] > 0


@pytest.mark.django_db
def test_the_flags_read_the_lists_two_digit_years_as_the_matching_does(
    officer: Any, tmp_path: Path
) -> None:
    from mizan.missing.review import queries

    make_list(officer, tmp_path, "Short years", SHORT_YEARS)
    record = SourceRecord.objects.get(record_id="U-1")
    assert queries.writes_two_digit_years(record.source_list_id)
    # «85» is 1985 there, as the matching read it: neither an age nor unreadable.
    assert queries.record_flags(record) == []


def test_the_import_reads_a_sex_as_mizan_link_does() -> None:
    from mizan.linkage.features import sex_of
    from mizan.missing.importing import SEX_STORED

    for written, stored in (
        ("K", "female"),
        ("kvinna", "female"),
        ("أنثى", "female"),
        ("ذكر", "male"),
        ("M", "male"),
        ("woman", "female"),
        ("x", ""),
    ):
        assert SEX_STORED.get(sex_of(written) or "", "") == stored


@pytest.mark.django_db
def test_a_date_the_import_could_not_read_reaches_the_engine_as_written(
    officer: Any, tmp_path: Path
) -> None:
    sheet = (
        HEADER.replace("birth_place", "date_of_arrest")
        + "X-1,Omar,Khaled,Al-Hamwi,Zainab,27,41171\n"
    )
    make_list(officer, tmp_path, "Defender sheet", sheet)
    record = SourceRecord.objects.get(record_id="X-1")
    assert record.date_of_arrest == ""  # the import stores no date it cannot read
    row = runs.linkage_row(record)
    assert row["date_of_arrest"] == "41171"
    # The flags say a day number read as its date and an age at arrest; the engine reads both.
    from mizan.linkage.features import record_features

    assert record_features(row)["birth_year"] == 2012 - 27
