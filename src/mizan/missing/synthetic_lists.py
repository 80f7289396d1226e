"""Synthetic lists of names in the DESIGN.md header set, for tests, the demo and benchmarks.

Only synthetic people (``mizan.cases.synthetic``); about half the rows give the name as
``full_name`` only, the others in parts; a share of the rows carry Arabic-Indic digits, as
lists typed on Arabic keyboards do.
"""

from __future__ import annotations

import csv
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

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
    """An XLSX file laid out as Excel and LibreOffice write them: a shared-strings table and a
    ``dimension`` element. (openpyxl writes every string inline and, in write-only mode, no
    dimension, which makes a file 2–3 times slower to read than the ones officers receive.)"""
    strings: dict[str, int] = {}

    def cell(ref: str, value: str) -> str:
        if not value:
            return ""
        index = strings.setdefault(value, len(strings))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    letters = [chr(ord("A") + i) for i in range(len(COLUMNS))]
    body: list[str] = []
    for number, values in enumerate([list(COLUMNS), *rows(count, seed=seed, prefix=prefix)], 1):
        cells = "".join(cell(f"{letters[i]}{number}", v) for i, v in enumerate(values))
        body.append(f'<row r="{number}">{cells}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">'
        f'<dimension ref="A1:{letters[-1]}{count + 1}"/><sheetData>{"".join(body)}'
        "</sheetData></worksheet>"
    )
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    files = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{package}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" '
            f'xmlns:r="{rel}"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" '
            f'uniqueCount="{len(strings)}">{shared}</sst>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path
