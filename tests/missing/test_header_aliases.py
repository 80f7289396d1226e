"""One table of list headers for `mizan link` and the registry's import; «الاسم» by context."""

from __future__ import annotations

from pathlib import Path

from mizan.linkage.lists import read_lists
from mizan.missing.importing import match_header


def test_bare_name_is_the_first_name_beside_other_name_parts() -> None:
    mapping, _problems = match_header(["رقم السجل", "الاسم", "اسم الأب", "الكنية"])
    assert mapping == {0: "record_id", 1: "first_name", 2: "father_name", 3: "family_name"}


def test_bare_name_alone_is_the_full_name() -> None:
    mapping, _problems = match_header(["الرقم", "الاسم", "الجنس"])
    assert mapping == {0: "record_id", 1: "full_name", 2: "sex"}


def test_link_reads_the_same_headers(tmp_path: Path) -> None:
    both = tmp_path / "families.csv"
    both.write_text("رقم السجل,الاسم,اسم الأب\n1,أحمد,محمود\n", encoding="utf-8")
    alone = tmp_path / "official.csv"
    alone.write_text("id,الاسم\n7,أحمد محمود الحلبي\n", encoding="utf-8")
    first, second = read_lists([both, alone])
    assert first.values["first_name"] == "أحمد" and first.values["father_name"] == "محمود"
    assert second.values["full_name"] == "أحمد محمود الحلبي"
