"""What Mizan records about an original when it is captured: its type from its content, and
EXIF/GPS for images, document metadata for PDFs, duration for audio and video.

Analysis runs on decrypted bytes held in memory (never a plaintext file), so files larger than
``ANALYSE_LIMIT`` are typed from their first bytes only and their metadata is marked as not
captured, with the reason.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

logger = logging.getLogger(__name__)

SNIFF_BYTES = 64 * 1024
ANALYSE_LIMIT = 256 * 1024 * 1024


def media_type(head: bytes, filename: str = "") -> str:
    """The MIME type from the content's first bytes (libmagic), never from the file name."""
    import magic

    try:
        detected = str(magic.from_buffer(head[:SNIFF_BYTES], mime=True))
    except Exception:
        logger.warning("libmagic could not type a file", exc_info=True)
        detected = ""
    return detected or "application/octet-stream"


def _json_value(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex() if len(value) <= 64 else f"<{len(value)} bytes>"
    if isinstance(value, Fraction) or type(value).__name__ == "IFDRational":
        try:
            return float(value)
        except (ZeroDivisionError, ValueError):
            return None
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, int | float | str | bool) or value is None:
        return value.replace("\x00", "") if isinstance(value, str) else value
    return str(value)


def _dms_to_degrees(dms: Iterable[Any], ref: str) -> float | None:
    try:
        d, m, s = (float(x) for x in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    degrees = d + m / 60 + s / 3600
    return round(-degrees if ref in {"S", "W"} else degrees, 7)


def image_metadata(data: bytes) -> dict[str, Any]:
    from PIL import ExifTags, Image

    with Image.open(io.BytesIO(data)) as image:
        result: dict[str, Any] = {"width": image.width, "height": image.height}
        exif = image.getexif()
        tags = {
            ExifTags.TAGS.get(tag, str(tag)): _json_value(value)
            for tag, value in exif.items()
            if tag != 0x8825
        }
        with contextlib.suppress(KeyError, ValueError):
            tags.update(
                {
                    ExifTags.TAGS.get(tag, str(tag)): _json_value(value)
                    for tag, value in exif.get_ifd(0x8769).items()
                    if not isinstance(value, bytes) or len(value) <= 64
                }
            )
        if tags:
            result["exif"] = tags
        gps_ifd = exif.get_ifd(0x8825) if exif else {}
        if gps_ifd:
            gps = {ExifTags.GPSTAGS.get(t, str(t)): v for t, v in gps_ifd.items()}
            lat = _dms_to_degrees(gps.get("GPSLatitude", ()), str(gps.get("GPSLatitudeRef", "N")))
            lon = _dms_to_degrees(gps.get("GPSLongitude", ()), str(gps.get("GPSLongitudeRef", "E")))
            result["gps"] = {
                "latitude": lat,
                "longitude": lon,
                "raw": {k: _json_value(v) for k, v in gps.items()},
            }
    return result


def pdf_metadata(data: bytes) -> dict[str, Any]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    result: dict[str, Any] = {"encrypted": reader.is_encrypted}
    if reader.is_encrypted:
        return result
    result["pages"] = len(reader.pages)
    info: dict[Any, Any] = dict(reader.metadata or {})
    fields = {str(k).lstrip("/"): _json_value(str(v)) for k, v in info.items()}
    if fields:
        result["document"] = fields
    return result


def av_metadata(data: bytes) -> dict[str, Any]:
    import mutagen

    parsed = mutagen.File(io.BytesIO(data))
    if parsed is None or parsed.info is None:
        return {}
    result: dict[str, Any] = {"duration_seconds": round(float(parsed.info.length), 3)}
    for attribute in ("bitrate", "sample_rate", "channels"):
        value = getattr(parsed.info, attribute, None)
        if value:
            result[attribute] = value
    return result


def capture(head: bytes, read_all: Any, size: int, filename: str) -> tuple[str, dict[str, Any]]:
    """Type and metadata of a file. ``read_all()`` returns its whole content (called only when
    the file is small enough to analyse in memory and its type has something to read)."""
    kind = media_type(head, filename)
    metadata: dict[str, Any] = {}
    extractor = None
    if kind.startswith("image/"):
        extractor = image_metadata
    elif kind == "application/pdf":
        extractor = pdf_metadata
    elif kind.startswith(("audio/", "video/")):
        extractor = av_metadata
    if extractor is not None:
        if size > ANALYSE_LIMIT:
            metadata["not_captured"] = "file too large to analyse in memory"
        else:
            try:
                metadata.update(extractor(read_all()))
            except Exception as exc:
                metadata["not_captured"] = f"could not be read as {kind}: {type(exc).__name__}"
    return kind, metadata
