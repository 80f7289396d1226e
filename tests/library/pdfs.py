"""Generate the PDFs the library tests need: born-digital, scanned (image only), encrypted."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter


def html_pdf(text: str, path: Path, *, rtl: bool = False) -> Path:
    """A born-digital PDF with a text layer (WeasyPrint; Pango shapes the Arabic)."""
    from weasyprint import HTML

    direction = "rtl" if rtl else "ltr"
    markup = (
        f"<html dir=\"{direction}\"><body style=\"font-family: 'Noto Naskh Arabic', 'Noto Sans',"
        f' sans-serif; font-size: 22pt">{text}</body></html>'
    )
    HTML(string=markup).write_pdf(path)
    return path


def scanned_pdf(text: str, path: Path, *, rtl: bool = True) -> Path:
    """An image-only PDF, as a scanner makes: the text is rendered, rasterised, re-wrapped."""
    with tempfile.TemporaryDirectory() as scratch:
        source = html_pdf(text, Path(scratch) / "source.pdf", rtl=rtl)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(source),
                str(Path(scratch) / "page"),
            ],
            check=True,
        )
        page = next(Path(scratch).glob("page*.png"))
        Image.open(page).convert("L").save(path, "PDF", resolution=200.0)
    assert not (PdfReader(str(path)).pages[0].extract_text() or "").strip()
    return path


def encrypted_pdf(source: Path, path: Path, password: str = "secret") -> Path:  # noqa: S107
    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password=password)
    with path.open("wb") as handle:
        writer.write(handle)
    return path
