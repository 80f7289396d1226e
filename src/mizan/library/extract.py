"""Text extraction from a library file: PDF (text layer, else OCR), DOCX, HTML and plain text.

No Django here beyond settings; the service (``services.version_extract``) stores what comes
out and reports progress through the ``progress`` callback. Every failure is an
``ExtractionProblem`` with a status and a message that people can act on; the file itself is
always kept.

OCR runs ``ocrmypdf`` (Debian's package, with ``tesseract-ocr-ara`` and ``tesseract-ocr-eng``)
in chunks of pages, so a long scan shows progress and a stuck page cannot hold the worker for
ever. Nothing is downloaded at run time.
"""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils.translation import gettext as _

Progress = Callable[[int, int, str], None]
"""progress(pages_done, pages_total, status) — status is "running" or "ocr"."""

# A page whose text layer has fewer letters than this is treated as a scan.
MIN_LETTERS_PER_PAGE = 25
OCR_CHUNK_PAGES = 10


@dataclass
class Extracted:
    text: str
    pages: int = 0
    ocr_used: bool = False
    content_type: str = ""


class ExtractionProblem(Exception):
    """Extraction stopped; ``status`` is an ``Extraction`` value, ``message`` says why."""

    def __init__(self, status: str, message: str, *, pages: int = 0) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.pages = pages


def sniff_content_type(path: Path, name: str = "") -> str:
    """The file's type from its first bytes (and, for text formats, its name)."""
    with path.open("rb") as handle:
        head = handle.read(2048)
    lowered = name.lower()
    if head.startswith(b"%PDF"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        except zipfile.BadZipFile:
            pass
        return "application/zip"
    if lowered.endswith((".html", ".htm")) or re.search(rb"<(!doctype html|html)", head, re.I):
        return "text/html"
    if b"\x00" in head:
        return "application/octet-stream"
    return "text/plain"


def extract(path: Path, *, name: str = "", progress: Progress | None = None) -> Extracted:
    content_type = sniff_content_type(path, name)
    report = progress or (lambda done, total, status: None)
    if content_type == "application/pdf":
        result = _extract_pdf(path, report)
    elif content_type.endswith("wordprocessingml.document"):
        result = Extracted(_extract_docx(path))
    elif content_type == "text/html":
        result = Extracted(_extract_html(_read_text(path)))
    elif content_type == "text/plain":
        result = Extracted(_read_text(path))
    else:
        raise ExtractionProblem(
            "failed",
            _("This file type cannot be read (PDF, DOCX, HTML or text are); the file is kept."),
        )
    result.content_type = content_type
    return result


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1256"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


class _HTMLText(html.parser.HTMLParser):
    _SKIP = frozenset({"script", "style", "head", "noscript"})
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _extract_html(markup: str) -> str:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _extract_docx(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
        root = ET.fromstring(xml)  # noqa: S314 - no entity expansion in ElementTree by default
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as exc:
        raise ExtractionProblem(
            "failed", _("The Word document is damaged; the file is kept.")
        ) from exc
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        paragraphs.append("".join(node.text or "" for node in paragraph.iter(f"{_W}t")))
    return "\n".join(paragraphs)


def _letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


def _extract_pdf(path: Path, report: Progress) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only to forbid printing.
            try:
                if not reader.decrypt(""):
                    raise FileNotDecryptedError("password")
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise ExtractionProblem(
                    "failed",
                    _(
                        "The PDF is protected by a password, so its text cannot be read; "
                        "the file is kept. Import an unprotected copy to make it searchable."
                    ),
                ) from exc
        total = len(reader.pages)
    except ExtractionProblem:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise ExtractionProblem(
            "failed", _("The PDF is damaged and cannot be read; the file is kept.")
        ) from exc
    if total == 0:
        raise ExtractionProblem("empty", _("The PDF has no pages."))
    pages: list[str] = []
    report(0, total, "running")
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(page.extract_text() or "")
        except Exception:  # one bad page must not lose the others
            pages.append("")
        if number % 5 == 0 or number == total:
            report(number, total, "running")
    scanned = sum(1 for text in pages if _letters(text) < MIN_LETTERS_PER_PAGE)
    if scanned * 2 <= total:
        return Extracted("\n\f".join(pages), pages=total)
    return Extracted(_ocr(path, total, report), pages=total, ocr_used=True)


def ocr_available() -> bool:
    return shutil.which("ocrmypdf") is not None and shutil.which("tesseract") is not None


def _ocr_languages() -> str:
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"],  # noqa: S607 - Debian's tesseract on PATH
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return "+".join(lang for lang in ("ara", "eng") if lang in listed)


def _ocr(path: Path, total: int, report: Progress) -> str:
    if not ocr_available():
        raise ExtractionProblem(
            "ocr_unavailable",
            _(
                "This PDF is a scan and OCR is not installed on the server (Debian packages "
                "ocrmypdf, tesseract-ocr-ara, tesseract-ocr-eng); the file is kept and can be "
                "read again once they are installed."
            ),
            pages=total,
        )
    max_pages = settings.MIZAN_LIBRARY_OCR_MAX_PAGES
    max_bytes = settings.MIZAN_LIBRARY_OCR_MAX_BYTES
    if total > max_pages or path.stat().st_size > max_bytes:
        raise ExtractionProblem(
            "too_large",
            _(
                "This scan is too large for OCR here (%(pages)d pages, %(mb)d MB; the limit is "
                "%(max_pages)d pages and %(max_mb)d MB). The file is kept; split it to make it "
                "searchable."
            )
            % {
                "pages": total,
                "mb": path.stat().st_size // 1_000_000,
                "max_pages": max_pages,
                "max_mb": max_bytes // 1_000_000,
            },
            pages=total,
        )
    languages = _ocr_languages()
    if not languages:
        raise ExtractionProblem(
            "ocr_unavailable",
            _(
                "Tesseract has neither its Arabic nor its English data (Debian packages "
                "tesseract-ocr-ara and tesseract-ocr-eng); the file is kept."
            ),
            pages=total,
        )
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    texts: list[str] = []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    report(0, total, "ocr")
    from mizan.core.home import private_temp_dir

    with tempfile.TemporaryDirectory(prefix="mizan-ocr-", dir=private_temp_dir()) as scratch:
        for first in range(0, total, OCR_CHUNK_PAGES):
            last = min(total, first + OCR_CHUNK_PAGES)
            chunk = Path(scratch) / f"chunk-{first}.pdf"
            sidecar = Path(scratch) / f"chunk-{first}.txt"
            writer = PdfWriter()
            for index in range(first, last):
                writer.add_page(reader.pages[index])
            with chunk.open("wb") as handle:
                writer.write(handle)
            try:
                completed = subprocess.run(  # noqa: S603 - fixed arguments, our own temp paths
                    [  # noqa: S607 - Debian's ocrmypdf on PATH
                        "ocrmypdf",
                        "-l",
                        languages,
                        "--force-ocr",
                        "--output-type",
                        "none",
                        "--sidecar",
                        str(sidecar),
                        "--jobs",
                        "1",
                        "--quiet",
                        str(chunk),
                        "-",
                    ],
                    capture_output=True,
                    text=True,
                    timeout=settings.MIZAN_LIBRARY_OCR_TIMEOUT,
                    check=False,
                    env=env,
                )
            except subprocess.TimeoutExpired as exc:
                raise ExtractionProblem(
                    "failed",
                    _("OCR took too long on pages %(first)d–%(last)d; the file is kept.")
                    % {"first": first + 1, "last": last},
                    pages=total,
                ) from exc
            if completed.returncode != 0 or not sidecar.exists():
                raise ExtractionProblem(
                    "failed",
                    _("OCR failed on pages %(first)d–%(last)d; the file is kept.")
                    % {"first": first + 1, "last": last},
                    pages=total,
                )
            texts.append(sidecar.read_text(encoding="utf-8", errors="replace"))
            report(last, total, "ocr")
    return "\n".join(texts)
