"""Reading lists for ``mizan link``: header aliases, digits, and bad input refused whole."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mizan.cli import main
from mizan.linkage import ListError, read_lists

HEADER = "record_id,first_name,father_name,family_name,birth_year\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_arabic_headers_and_arabic_indic_digits_are_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "families.csv",
        "رقم السجل,الاسم,اسم الأب,الكنية,سنة الولادة\n"
        "١٢,أحمد,محمد,الحموي,١٩٨٥\n13,خالد,علي,حداد,19٨٧\n",
    )
    records = read_lists([path])
    assert [r.record_id for r in records] == ["12", "13"]
    assert records[0].source == "families"
    assert records[0].values["first_name"] == "أحمد"
    assert records[1].values["birth_year"] == "19٨٧"


def test_byte_order_mark_and_header_spelling_do_not_matter(tmp_path: Path) -> None:
    path = _write(tmp_path / "un.csv", "\ufeffRecord ID,Full Name\nA1,Ahmad Hamwi\n")
    assert read_lists([path])[0].values == {"record_id": "A1", "full_name": "Ahmad Hamwi"}


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        (HEADER + "1,أحمد,محمد,الحموي,1985\n", "cp1256", "Windows-1256"),
        (HEADER + ",أحمد,محمد,الحموي,1985\n", "utf-8", "record_id is empty"),
        (
            HEADER + "1,أحمد,محمد,الحموي,1985\n1,خالد,علي,حداد,1980\n",
            "utf-8",
            "already used on line 2",
        ),
        (HEADER + "1,أحمد\u202e,محمد,الحموي,1985\n", "utf-8", "direction-control"),
        (HEADER + "1,أحمد,محمد,الحموي\n", "utf-8", "merged or split cells"),
        (
            HEADER + '1,أحمد,محمد,الحموي,1985\n2,"خالد,علي,حداد,1980\n3,سامر,علي,حداد,1990\n',
            "utf-8",
            "line 3: a quoted field",
        ),
        ("name,age\nأحمد,3\n", "utf-8", "no record_id column"),
        ("", "utf-8", "is empty"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    tmp_path: Path, content: str, encoding: str, message: str
) -> None:
    path = _write(tmp_path / "list.csv", content, encoding)
    with pytest.raises(ListError) as caught:
        read_lists([path])
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_two_files_with_the_same_stem_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _write(tmp_path / "a" / "un.csv", HEADER + "1,Ahmad,Ali,Hamwi,1980\n")
    second = _write(tmp_path / "b" / "un.csv", HEADER + "1,Ahmad,Ali,Hamwi,1980\n")
    with pytest.raises(ListError, match="already taken"):
        read_lists([first, second])


def test_every_problem_of_every_file_is_reported(tmp_path: Path) -> None:
    first = _write(tmp_path / "one.csv", HEADER + ",أحمد,محمد,الحموي,1985\n")
    second = _write(tmp_path / "two.csv", HEADER + "1,x,y,z,1985\n1,x,y,z,1985\n", "utf-8")
    with pytest.raises(ListError) as caught:
        read_lists([first, second])
    assert len(caught.value.problems) == 2


def test_the_command_writes_nothing_when_a_list_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "good.csv", HEADER + "1,أحمد,محمد,الحموي,1985\n")
    bad = _write(tmp_path / "bad.csv", HEADER + "1,أحمد,محمد,الحموي,1985\n", "cp1256")
    out = tmp_path / "clusters.csv"
    assert main(["link", str(good), str(bad), "--out", str(out)]) == 1
    assert not out.exists()
    assert not list(tmp_path.glob(".clusters.csv.*"))
    error = capsys.readouterr().err
    assert "nothing was written" in error
    assert "Windows-1256" in error


def test_the_command_refuses_a_threshold_outside_zero_and_one(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.csv", HEADER + "1,أحمد,محمد,الحموي,1985\n")
    assert main(["link", str(good), "--out", str(tmp_path / "o.csv"), "--threshold", "1.5"]) == 2


def test_a_list_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mizan.linkage import lists

    path = _write(tmp_path / "big.csv", HEADER + "1,أحمد,محمد,الحموي,1985\n")
    monkeypatch.setattr(lists, "MAX_BYTES", 10)
    with pytest.raises(ListError, match="split it into several files"):
        read_lists([path])


def test_implausible_values_are_flagged_not_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "record_id,first_name,father_name,family_name,birth_year,national_id,date_of_arrest\n"
    rows = (
        "1,أحمد,محمد,الحموي,1470,,2012-03-01\n"  # an OCR'd birth year
        "2,أحمد,محمد,الحموي,١٩٨٥,0123456789O,1012-03-01\n"  # O for 0; 2012 read as 1012
        "3,Ahmad,Mohammad,HAMWI,7992,123,2012\n"  # a year and a national number too short
        "4,خالد,علي,حداد,1990,,1985\n"  # arrested before birth
        "5,=cmd,علي,حداد,19x5,,\n"  # a year that is no year; a formula-looking name
    )
    path = _write(tmp_path / "ocr.csv", header + rows)
    assert len(read_lists([path])) == 5
    out = tmp_path / "clusters.csv"
    assert main(["link", str(path), "--out", str(out)]) == 0
    assert out.exists()
    problems = tmp_path / "clusters.problems.csv"
    with problems.open(encoding="utf-8") as handle:
        found = {(r["record_id"], r["field"], r["problem"]) for r in csv.DictReader(handle)}
    assert found == {
        ("1", "birth_year", "birth_year_implausible"),
        ("2", "national_id", "national_id_letters"),
        ("2", "date_of_arrest", "arrest_date_implausible"),
        ("3", "birth_year", "birth_year_implausible"),
        ("3", "national_id", "national_id_malformed"),
        ("4", "date_of_arrest", "arrest_before_birth"),
        ("5", "birth_year", "birth_year_unreadable"),
    }
    assert "7 implausible values flagged" in capsys.readouterr().err


def test_the_problems_file_is_safe_to_open_in_a_spreadsheet(tmp_path: Path) -> None:
    header = "record_id,first_name,family_name,birth_year\n"
    path = _write(tmp_path / "l.csv", header + "=1+1,أحمد,الحموي,+7992\n")
    out = tmp_path / "c.csv"
    assert main(["link", str(path), "--out", str(out)]) == 0
    text = (tmp_path / "c.problems.csv").read_text(encoding="utf-8")
    assert "'=1+1" in text and "'+7992" in text


def test_an_unclosed_quote_stops_the_command_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = '1,أحمد,محمد,الحموي,1985\n2,"خالد,علي,حداد,1980\n' + "3,x,y,z,1990\n" * 50
    path = _write(tmp_path / "l.csv", HEADER + rows)
    out = tmp_path / "c.csv"
    assert main(["link", str(path), "--out", str(out)]) == 1
    assert not out.exists() and not (tmp_path / "c.problems.csv").exists()
    assert "line 3: a quoted field" in capsys.readouterr().err
