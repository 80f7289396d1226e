"""Synthetic lists of names in the DESIGN.md header set, for tests, the demo and benchmarks.

Only synthetic people (``mizan.cases.synthetic``); about half the rows give the name as
``full_name`` only, the others in parts; a share of the rows carry Arabic-Indic digits, as
lists typed on Arabic keyboards do.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

from mizan.cases import synthetic
from mizan.missing.importing import COLUMNS

PLACES = ["دمشق", "حلب", "حمص", "حماة", "درعا", "إدلب", "دير الزور", "الرقة", "اللاذقية", "داريا"]
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def rows(count: int, *, seed: int = 7, prefix: str = "R") -> Iterator[list[str]]:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    for number in range(1, count + 1):
        p = synthetic.person(rng)
        year = rng.randint(2011, 2020)
        arrest = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.7 else str(year)
        birth = str(p.birth_year)
        national_id = f"{rng.randint(10**10, 10**11 - 1)}" if rng.random() < 0.4 else ""
        if rng.random() < 0.2:
            birth, arrest = birth.translate(_INDIC), arrest.translate(_INDIC)
        as_full = rng.random() < 0.5
        full = " ".join([p.first_ar, p.father_ar, p.grandfather_ar, p.family_ar])
        yield [
            f"{prefix}{number:07d}",
            full if as_full else "",
            "" if as_full else p.first_ar,
            "" if as_full else p.father_ar,
            "" if as_full else p.grandfather_ar,
            "" if as_full else p.family_ar,
            p.mother_ar,
            "ذكر" if p.sex == "male" else "أنثى",
            birth,
            rng.choice(PLACES),
            national_id,
            arrest,
            rng.choice(PLACES),
        ]


def write_csv(path: Path, count: int, *, seed: int = 7, prefix: str = "R") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(rows(count, seed=seed, prefix=prefix))
    return path


def write_xlsx(path: Path, count: int, *, seed: int = 7, prefix: str = "R") -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(COLUMNS))
    for row in rows(count, seed=seed, prefix=prefix):
        sheet.append(row)
    workbook.save(path)
    return path
