"""Importing lists of names: the dry run, the atomic import, and every kind of bad input."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.core.models import AuditEntry
from mizan.missing import importing, services
from mizan.missing.models import SourceList, SourceRecord
from mizan.missing.synthetic_lists import write_csv, write_xlsx
from mizan.text import has_bidi_controls

HEADER = list(importing.COLUMNS)


def _csv(
    path: Path, rows: list[list[str]], *, header: list[str] | None = None, encoding: str = "utf-8"
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header or HEADER)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _row(record_id: str, **values: str) -> list[str]:
    return [record_id if c == "record_id" else values.get(c, "") for c in HEADER]


def _list(name: str = "Families 2024") -> SourceList:
    return services.source_list_create(
        actor=None, data={"name": name, "origin": SourceList.Origin.FAMILIES}
    )


def _imported_with_two_flags(path: Path) -> dict[str, SourceRecord]:
    """Import ``path``, which flags a birth year on row 5 and a date on row 6 and nothing else;
    its records by id."""
    outcome = services.source_list_import(actor=None, source_list=_list(), path=path)
    assert outcome.ok
    assert [(p["row"], p["code"]) for p in outcome.scan.problems] == [
        (5, "bad_birth_year"),
        (6, "bad_date"),
    ]
    return {r.record_id: r for r in SourceRecord.objects.all()}


@pytest.mark.django_db
def test_dry_run_reports_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "list.csv",
        [
            _row("1", full_name="محمد أحمد علي الحلبي", birth_year="1980"),
            _row("", full_name="خالد العمر"),
            _row("1", full_name="عمر الشامي"),
            _row("3", full_name="حسن النجار", birth_year="19x0"),
            _row("4"),
        ],
    )
    source = _list()
    before = AuditEntry.objects.count()
    outcome = services.source_list_import(actor=None, source_list=source, path=path, dry_run=True)
    codes = [(p["row"], p["code"]) for p in outcome.scan.problems]
    assert codes == [
        (3, "empty_record_id"),
        (4, "duplicate_record_id"),
        (5, "bad_birth_year"),
        (6, "no_name_in_row"),
    ]
    # An implausible birth year is a warning (an OCR'd digit), not an error (issue 15).
    assert outcome.scan.errors == 3
    assert outcome.scan.problems[2]["severity"] == "warning"
    assert SourceRecord.objects.count() == 0
    assert AuditEntry.objects.count() == before
    # Even when asked to import, a file with errors writes nothing.
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert not outcome.ok and SourceRecord.objects.count() == 0
    source.refresh_from_db()
    assert source.state == SourceList.State.EMPTY


@pytest.mark.django_db
def test_import_keeps_the_row_verbatim_and_splits_full_names(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "list.csv",
        [
            _row("A-1", full_name="عبد الرحمن محمد علي الحلبي", sex="ذكر", birth_year="١٩٨5"),
            _row(
                "A-2",
                first_name="فاطمة",
                family_name="النجار",
                sex="أنثى",
                date_of_arrest="٢٠١٣-٠٤",
                national_id="٠١٢ 345",
            ),
        ],
    )
    source = _list()
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert outcome.ok and outcome.imported == 2
    first, second = SourceRecord.objects.order_by("row_number")
    assert (first.first_name, first.father_name, first.grandfather_name, first.family_name) == (
        "عبد الرحمن",
        "محمد",
        "علي",
        "الحلبي",
    )
    assert first.birth_year == 1985  # mixed Arabic-Indic and Latin digits
    assert first.raw["birth_year"] == "١٩٨5"  # the row as it was read
    assert first.raw["full_name"] == "عبد الرحمن محمد علي الحلبي"
    assert first.sex == "male" and second.sex == "female"
    assert second.date_of_arrest == "2013-04" and second.arrest_year == 2013
    assert second.national_id == "012345"
    source.refresh_from_db()
    assert source.state == SourceList.State.IMPORTED and source.record_count == 2
    entry = AuditEntry.objects.filter(object_type="missing.sourcelist").order_by("seq").last()
    assert entry is not None and entry.detail["records"] == 2


@pytest.mark.django_db
def test_arabic_headers_are_understood(tmp_path: Path) -> None:
    header = [
        "رقم السجل",
        "الاسم الكامل",
        "اسم الأم",
        "الجنس",
        "سنة الولادة",
        "تاريخ الاعتقال",
        "ملاحظات",
    ]
    path = _csv(
        tmp_path / "ar.csv",
        [["٧", "سامر خالد الحموي", "مريم", "ذكر", "1990", "2012", "x"]],
        header=header,
    )
    source = _list()
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert outcome.ok
    record = SourceRecord.objects.get()
    assert record.record_id == "7" and record.mother_name == "مريم"
    assert record.family_name == "الحموي" and record.raw["ملاحظات"] == "x"
    assert [p["code"] for p in outcome.scan.problems] == ["unknown_column"]


@pytest.mark.django_db
def test_windows_1256_is_detected_and_named(tmp_path: Path) -> None:
    path = _csv(tmp_path / "cp.csv", [_row("1", full_name="محمد الشامي")], encoding="cp1256")
    source = _list()
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert outcome.ok and outcome.scan.encoding == "cp1256"
    assert SourceRecord.objects.get().family_name == "الشامي"
    with translation.override("en"):
        out = io.StringIO()
        path2 = _csv(tmp_path / "cp2.csv", [_row("1", full_name="محمد الشامي")], encoding="cp1256")
        call_command("missing_import", str(path2), "--source", "cp2", "--dry-run", stdout=out)
        assert "Windows-1256" in out.getvalue()


@pytest.mark.django_db
def test_bidi_controls_are_stripped_and_reported(tmp_path: Path) -> None:
    path = _csv(tmp_path / "b.csv", [_row("1", first_name="\u202bمحمد\u202c", family_name="علي")])
    source = _list()
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert outcome.ok
    assert SourceRecord.objects.get().first_name == "محمد"
    assert [(p["code"], p["column"]) for p in outcome.scan.problems] == [
        ("bidi_removed", "first_name")
    ]
    with translation.override("ar"):
        message = importing.problem_message(outcome.scan.problems[0])
    assert "first_name" in message and message != str(importing.MESSAGES["bidi_removed"])


@pytest.mark.django_db
def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path, settings: Any) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:  # a sparse 2 GB file: nothing is written to the disk
        out.truncate(2 * 1024 * 1024 * 1024)
    source = _list()
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=source, path=path, dry_run=True)
    assert refused.value.code == "too_large"
    with translation.override("en"):
        assert "2,048 MB" in str(refused.value) and "512 MB" in str(refused.value)
    with pytest.raises(CommandError, match=r"2,048.*512"):
        call_command("missing_import", str(path), "--source", "huge")
    assert not SourceList.objects.filter(name="huge").exists()


@pytest.mark.django_db
def test_bad_header_and_bad_format_are_refused(tmp_path: Path) -> None:
    source = _list()
    no_id = _csv(tmp_path / "noid.csv", [["محمد"]], header=["full_name"])
    with pytest.raises(importing.ImportRefused, match="record_id"):
        services.source_list_import(actor=None, source_list=source, path=no_id, dry_run=True)
    other = tmp_path / "list.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=source, path=other, dry_run=True)
    assert refused.value.code == "unknown_format"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=source, path=broken, dry_run=True)
    assert refused.value.code == "bad_xlsx"


@pytest.mark.django_db
def test_a_list_is_imported_once(tmp_path: Path) -> None:
    path = _csv(tmp_path / "l.csv", [_row("1", full_name="محمد الشامي")])
    source = _list()
    services.source_list_import(actor=None, source_list=source, path=path)
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=source, path=path)
    assert refused.value.code == "list_not_empty"
    assert SourceRecord.objects.count() == 1


@pytest.mark.django_db
def test_a_failure_during_the_write_leaves_nothing(tmp_path: Path, monkeypatch: Any) -> None:
    path = write_csv(tmp_path / "l.csv", 5000)
    source = _list()
    calls = {"n": 0}
    original = services._insert_records

    def failing(rows: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        original(rows)

    monkeypatch.setattr(services, "_insert_records", failing)
    with pytest.raises(RuntimeError):
        services.source_list_import(actor=None, source_list=source, path=path)
    assert SourceRecord.objects.count() == 0
    source.refresh_from_db()
    assert source.state == SourceList.State.EMPTY


@pytest.mark.django_db
def test_xlsx_with_merged_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(_row("1", full_name="محمد الشامي", place_of_arrest="داريا"))
    sheet.append(_row("2", full_name="أحمد الشامي"))
    sheet.append(_row("3", full_name="عمر الحلبي", place_of_arrest="حلب"))
    column = HEADER.index("place_of_arrest") + 1
    sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    source = _list()
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert outcome.ok
    places = list(
        SourceRecord.objects.order_by("row_number").values_list("place_of_arrest", flat=True)
    )
    assert places == ["داريا", "داريا", "حلب"]
    assert [(p["row"], p["code"]) for p in outcome.scan.problems] == [(3, "merged_cells")]


@pytest.mark.django_db
def test_xlsx_and_csv_import_alike(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "l.xlsx", 300, prefix="X")
    first = _list("xlsx list")
    assert services.source_list_import(actor=None, source_list=first, path=xlsx).imported == 300
    csv_path = write_csv(tmp_path / "l.csv", 300, prefix="X")
    second = _list("csv list")
    assert (
        services.source_list_import(actor=None, source_list=second, path=csv_path).imported == 300
    )
    fields = ["record_id", "first_name", "family_name", "birth_year", "date_of_arrest"]
    assert list(first.records.order_by("row_number").values_list(*fields)) == list(
        second.records.order_by("row_number").values_list(*fields)
    )


@pytest.mark.django_db
def test_command_imports_and_dry_runs(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", 50)
    out = io.StringIO()
    with translation.override("en"):
        call_command("missing_import", str(path), "--source", "cli", "--dry-run", stdout=out)
    assert "nothing was written" in out.getvalue()
    assert not SourceList.objects.filter(name="cli").exists()
    with translation.override("en"):
        call_command("missing_import", str(path), "--source", "cli", stdout=out)
    assert SourceList.objects.get(name="cli").records.count() == 50
    bad = _csv(tmp_path / "bad.csv", [_row("1", full_name="x"), _row("1", full_name="y")])
    with pytest.raises(CommandError):
        call_command("missing_import", str(bad), "--source", "bad", stdout=out)
    assert not SourceList.objects.filter(name="bad").exists()


def test_cli_parser_has_the_contract() -> None:
    from mizan.cli import build_parser

    args = build_parser().parse_args(["missing", "import", "f.csv", "--source", "S", "--dry-run"])
    assert (args.file, args.source, args.dry_run) == ("f.csv", "S", True)


@given(cells=st.lists(st.text(max_size=60), min_size=0, max_size=16))
@settings(max_examples=300, deadline=None)
def test_any_row_is_checked_without_crashing(cells: list[str]) -> None:
    """Whatever a file holds, a row yields either a clean record or problems, never an
    exception; names never keep direction controls; the raw row keeps every cell as read."""
    mapping = dict(enumerate(importing.COLUMNS))
    record, raw, problems = importing.check_row(2, cells, mapping, list(importing.COLUMNS), {})
    assert list(raw.values()) == cells
    for column in importing.TEXT_COLUMNS:
        assert not has_bidi_controls(record[column])
    errors = [p for p in problems if p["severity"] == importing.ERROR]
    if not errors:
        assert record["record_id"]
        for column, limit in importing.MAX_LENGTHS.items():
            assert len(record[column]) <= limit
        assert record["birth_year"] is None or 1900 <= record["birth_year"] <= 2100
    for problem in problems:
        assert importing.problem_message(problem)


@given(header=st.lists(st.sampled_from([*importing.COLUMNS, "ملاحظات", "", "x"]), max_size=20))
@settings(max_examples=200, deadline=None)
def test_header_matching_refuses_or_maps(header: list[str]) -> None:
    try:
        mapping, _problems = importing.match_header(header)
    except importing.ImportRefused as refused:
        assert refused.code in {"duplicate_header", "no_record_id", "no_name"}
    else:
        assert "record_id" in mapping.values()
        assert len(set(mapping.values())) == len(mapping)


@pytest.mark.django_db
def test_utf16_files_are_read(tmp_path: Path) -> None:
    path = _csv(tmp_path / "u16.csv", [_row("1", full_name="هبة الزعبي")], encoding="utf-16")
    outcome = services.source_list_import(actor=None, source_list=_list(), path=path)
    assert outcome.ok and outcome.scan.encoding == "utf-16"
    assert SourceRecord.objects.get().family_name == "الزعبي"


@pytest.mark.django_db
def test_cli_main_runs_the_contract(tmp_path: Path, capsys: Any) -> None:
    from mizan.cli import main

    path = write_csv(tmp_path / "families.csv", 20)
    assert main(["missing", "import", str(path), "--source", "Families", "--dry-run"]) == 0
    assert not SourceList.objects.filter(name="Families").exists()
    assert main(["missing", "import", str(path), "--source", "Families"]) == 0
    assert SourceList.objects.get(name="Families").record_count == 20
    assert main(["missing", "import", str(path), "--source", "Families"]) == 1
    assert "mizan missing import:" in capsys.readouterr().err


@pytest.mark.django_db
def test_uploads_that_cannot_be_imported_are_not_kept(
    tmp_path: Path, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from mizan.missing.models import ImportJob

    settings.MEDIA_ROOT = tmp_path
    source = _list()
    bad, _size = services.store_upload([b"record_id,full_name\n,x\n"], suffix=".csv")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.import_job_start(
            actor=None, source_list=source, path=bad, file_name="b.csv", dry_run=True
        )
    job.refresh_from_db()
    assert job.state == ImportJob.State.CHECKED and job.error_count == 1 and not bad.exists()
    good, _size = services.store_upload([b"record_id,full_name\n1,x\n"], suffix=".csv")
    with django_capture_on_commit_callbacks(execute=True):
        services.import_job_start(
            actor=None, source_list=source, path=good, file_name="g.csv", dry_run=True
        )
    assert good.exists()  # waiting for the officer's confirmation
    ImportJob.objects.update(updated_at=timezone.now() - timedelta(days=3))
    assert services.forget_expired_uploads() == 1 and not good.exists()


@pytest.mark.django_db
def test_damaged_utf8_is_refused_not_misread(tmp_path: Path) -> None:
    """A UTF-8 file with one broken byte is not Windows-1256: refuse it, naming the line."""
    path = tmp_path / "damaged.csv"
    path.write_bytes(
        "record_id,full_name\n1,محمد الشامي\n2,عمر الحلبي\n".encode() + b"3,\xff\xfe\n"
    )
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=_list(), path=path, dry_run=True)
    assert refused.value.code == "bad_encoding" and refused.value.params["line"] == 4


@pytest.mark.django_db
def test_an_oversized_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("record_id,full_name\n1," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=_list(), path=path, dry_run=True)
    assert refused.value.code == "bad_csv"


@pytest.mark.django_db
def test_ocr_values_are_imported_and_an_unclosed_quote_refuses_the_file(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "list.csv",
        [
            _row("1", full_name="HAMWI, Rana Khaled", birth_year="7992"),
            _row("2", full_name="أحمد بن محمد الحموي", birth_year="1470"),
        ],
    )
    source = _list()
    outcome = services.source_list_import(actor=None, source_list=source, path=path)
    assert outcome.ok and outcome.imported == 2
    rana, ahmad = SourceRecord.objects.order_by("row_number")
    assert (rana.first_name, rana.father_name, rana.family_name) == ("Rana", "Khaled", "HAMWI")
    assert rana.birth_year is None and rana.raw["birth_year"] == "7992"
    assert (ahmad.first_name, ahmad.father_name, ahmad.family_name) == ("أحمد", "محمد", "الحموي")

    broken = tmp_path / "broken.csv"
    broken.write_text(
        'record_id,full_name\n1,أحمد الحموي\n2,"خالد العمر\n' + "3,سامر حداد\n" * 20,
        encoding="utf-8",
    )
    other = _list("Broken")
    with pytest.raises(importing.ImportRefused) as refused:
        services.source_list_import(actor=None, source_list=other, path=broken)
    assert refused.value.code == "unclosed_quote"
    assert refused.value.params["line"] == 3
    assert "line 3" in str(refused.value)
    assert SourceRecord.objects.filter(source_list=other).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "rows", "expected"),
    [
        ("en", 1, "1 row read;"),
        ("en", 6, "6 rows read;"),
        ("ar", 1, "قُرئ سطر واحد؛"),
        ("ar", 2, "قُرئ سطران؛"),
        ("ar", 6, "قُرئت 6 أسطر؛"),
        ("ar", 11, "قُرئ 11 سطراً؛"),
    ],
)
def test_command_counts_rows_in_their_plural(
    tmp_path: Path, language: str, rows: int, expected: str
) -> None:
    path = write_csv(tmp_path / "l.csv", rows)
    out = io.StringIO()
    with translation.override(language):
        call_command("missing_import", str(path), "--source", "cli", "--dry-run", stdout=out)
    assert expected in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "expected"),
    [(1, "استُورد سجل واحد إلى"), (6, "استُوردت 6 سجلات إلى"), (11, "استُورد 11 سجلاً إلى")],
)
def test_command_counts_imported_records_in_their_plural(
    tmp_path: Path, rows: int, expected: str
) -> None:
    path = write_csv(tmp_path / "l.csv", rows)
    out = io.StringIO()
    with translation.override("ar"):
        call_command("missing_import", str(path), "--source", f"cli{rows}", stdout=out)
    assert expected in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "marked", "expected"),
    [
        ("en", 0, "no errors, 0 warnings;"),
        ("en", 1, "no errors, 1 warning;"),
        ("en", 2, "no errors, 2 warnings;"),
        ("ar", 0, "لا أخطاء ولا تنبيهات؛"),
        ("ar", 1, "لا أخطاء، وتنبيه واحد؛"),
        ("ar", 2, "لا أخطاء، وتنبيهان؛"),
        ("ar", 3, "لا أخطاء، و3 تنبيهات؛"),
    ],
)
def test_dry_run_counts_warnings_in_their_plural(
    tmp_path: Path, language: str, marked: int, expected: str
) -> None:
    # Each first name wrapped in direction controls is a warning (the controls are stripped).
    rows = [
        _row(str(n), first_name="\u202bمحمد\u202c" if n <= marked else "محمد", family_name="علي")
        for n in range(1, 4)
    ]
    path = _csv(tmp_path / "w.csv", rows)
    out = io.StringIO()
    with translation.override(language):
        call_command("missing_import", str(path), "--source", "dry", "--dry-run", stdout=out)
    assert expected in out.getvalue()


@pytest.mark.django_db
def test_years_and_months_in_words_are_read_as_mizan_link_reads_them(tmp_path: Path) -> None:
    # «مواليد 1979», a Saudi card's Hijri date and a Levantine month are read, not flagged;
    # digits that make no year (1470) and a day that does not exist still are.
    path = _csv(
        tmp_path / "words.csv",
        [
            _row("1", full_name="سامر خالد الحموي", birth_year="مواليد 1979"),
            _row("2", full_name="عدنان شادي النعيمي", birth_year="04/04/1396H"),
            _row("3", full_name="أنس باسل الخطيب", date_of_arrest="تموز 2011"),
            _row("4", full_name="مروان علي الإبراهيم", birth_year="1470"),
            _row("5", full_name="حسن النجار", date_of_arrest="2013-02-30"),
        ],
    )
    records = _imported_with_two_flags(path)
    assert records["1"].birth_year == 1979
    assert records["2"].birth_year == 1976
    assert (str(records["3"].date_of_arrest), records["3"].arrest_year) == ("2011-07", 2011)
    assert records["4"].birth_year is None


@pytest.mark.django_db
def test_born_in_two_digits_unknown_and_a_month_first_date_as_mizan_link_reads_them(
    tmp_path: Path,
) -> None:
    # Seen in the demo (a court roll, a health workers' list): «مواليد 85» was flagged as no
    # year, "unknown" as an implausible year, 04/15/2013 as unreadable; mizan link reads all
    # three. A lone «85» (an age?) and 13/13/2013 stay flagged.
    path = _csv(
        tmp_path / "court.csv",
        [
            _row("1", full_name="وليد أيمن الأحمد", birth_year="مواليد 85"),
            _row(
                "2", full_name="سامر خالد الحسن", birth_year="unknown", date_of_arrest="غير معروف"
            ),
            _row("3", full_name="Walid Ayman Alahmad", date_of_arrest="04/15/2013"),
            _row("4", full_name="مروان علي الإبراهيم", birth_year="85"),
            _row("5", full_name="حسن النجار", date_of_arrest="13/13/2013"),
            _row("6", full_name="سامر خالد الحسن", date_of_arrest="موقوف منذ تاريخ 2/3/2012"),
        ],
    )
    records = _imported_with_two_flags(path)
    assert records["1"].birth_year == 1985
    assert (records["2"].birth_year, records["2"].arrest_year) == (None, None)
    assert (str(records["3"].date_of_arrest), records["3"].arrest_year) == ("2013-04-15", 2013)
    assert str(records["6"].date_of_arrest) == "2012-03-02"


@pytest.mark.django_db
def test_a_list_that_writes_its_dates_month_first_is_read_so_throughout(tmp_path: Path) -> None:
    # An American NGO's form: 04/15/2013 and 11/20/2012 can only be month first, so the list's
    # 04/07/2013 is 7 April, as mizan link reads it (one decision per list). The file's
    # notice says so, on its first line; a Syrian list's 04/07/2013 stays 4 July.
    american = _csv(
        tmp_path / "ngo.csv",
        [
            _row("1", full_name="Walid Ayman Alahmad", date_of_arrest="04/15/2013"),
            _row("2", full_name="Samer Khaled Alhasan", date_of_arrest="11/20/2012"),
            _row("3", full_name="Marwan Ali Alibrahim", date_of_arrest="04/07/2013"),
            _row("4", full_name="Hasan Alnajjar", date_of_arrest="3/3/2014"),
        ],
    )
    syrian = _csv(
        tmp_path / "families.csv",
        [
            _row("5", full_name="مروان علي الإبراهيم", date_of_arrest="04/07/2013"),
            _row("6", full_name="سامر خالد الحسن", date_of_arrest="20/11/2012"),
        ],
    )
    ngo = _list("ngo")
    dry = services.source_list_import(actor=None, source_list=ngo, path=american, dry_run=True)
    assert dry.scan.month_first
    assert [(p["row"], p["code"], p["params"]["reread"]) for p in dry.scan.problems] == [
        (1, "month_first_list", 1)
    ]
    with translation.override("ar"):
        assert "04/07/2013" in importing.problem_message(dry.scan.problems[0])
    assert not SourceRecord.objects.exists()
    assert services.source_list_import(actor=None, source_list=ngo, path=american).ok
    syrian_outcome = services.source_list_import(actor=None, source_list=_list("s"), path=syrian)
    assert not syrian_outcome.scan.month_first
    assert syrian_outcome.scan.problems == []
    dates = {r.record_id: str(r.date_of_arrest) for r in SourceRecord.objects.all()}
    assert dates == {
        "1": "2013-04-15",
        "2": "2012-11-20",
        "3": "2013-04-07",
        "4": "2014-03-03",
        "5": "2013-07-04",
        "6": "2012-11-20",
    }


@pytest.mark.django_db
def test_the_mother_after_the_name_is_the_mother_not_the_family(tmp_path: Path) -> None:
    # Seen in the demo: a court roll's «الموقوف وليد أيمن الأحمد والدته زينب» was stored with
    # family «والدته زينب» and no mother, and the matching weighed that family as different.
    path = _csv(
        tmp_path / "court.csv",
        [
            _row("1", full_name="الموقوف وليد أيمن الأحمد والدته زينب"),
            _row("2", full_name="سامر خالد الحسن والدته رنا", mother_name="رنا العلي"),
        ],
    )
    assert services.source_list_import(actor=None, source_list=_list(), path=path).ok
    records = {r.record_id: r for r in SourceRecord.objects.all()}
    one = records["1"]
    assert (one.first_name, one.father_name, one.family_name, one.mother_name) == (
        "وليد",
        "أيمن",
        "الأحمد",
        "زينب",
    )
    assert (records["2"].family_name, records["2"].mother_name) == ("الحسن", "رنا العلي")


@pytest.mark.django_db
def test_a_rank_kept_in_its_own_column_is_no_part_of_the_name(tmp_path: Path) -> None:
    # «النقيب» is a family name too: only the list's own rank column says it is the rank here.
    from mizan.missing.review import linkage_row

    path = tmp_path / "army.csv"
    path.write_text(
        "رقم السجل,الرتبة,الاسم الكامل\n"
        "J-1,نقيب,النقيب مروان علي الإبراهيم\n"
        "J-2,,النقيب مروان علي\n",
        encoding="utf-8",
    )
    outcome = services.source_list_import(actor=None, source_list=_list("army"), path=path)
    assert outcome.ok
    captain = SourceRecord.objects.get(record_id="J-1")
    assert (captain.first_name, captain.father_name, captain.family_name) == (
        "مروان",
        "علي",
        "الإبراهيم",
    )
    assert captain.full_name == "النقيب مروان علي الإبراهيم"  # kept as written
    assert linkage_row(captain)["rank"] == "نقيب"
    # Without a rank of its own, «النقيب» may be the family name written first: as before.
    assert linkage_row(SourceRecord.objects.get(record_id="J-2"))["rank"] == ""
