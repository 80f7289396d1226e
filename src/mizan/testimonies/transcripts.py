"""Reading and writing transcripts: WebVTT, SRT and plain text.

WebVTT and SRT are read and written with ``webvtt-py``; this module adds the checks a testimony's
transcript needs before anything is stored: the file must be UTF-8 (or UTF-16 with a byte-order
mark), each segment must end after it starts, segments must come in order without overlapping,
and none may end after the recording. Every problem found is reported (up to a limit), each with
the segment's number and time, so the file can be fixed in one go; nothing is written when there
is one.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterable
from dataclasses import dataclass

import webvtt
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mizan.text.bidi import isolate

MAX_PROBLEMS = 20
# A recording's duration is read from its header; allow for rounding between tools.
END_TOLERANCE_MS = 500
FORMATS = ("vtt", "srt", "txt")
IMPORT_FORMATS = (*FORMATS, "docx")


@dataclass(frozen=True)
class ParsedSegment:
    start_ms: int | None
    end_ms: int | None
    text: str


def format_time(ms: int | None, *, separator: str = ".") -> str:
    if ms is None:
        return ""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def decode(data: bytes, filename: str) -> str:
    """The text of an uploaded transcript, or a clear message if it is not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _(
                "“%(name)s” is not UTF-8 text (unreadable bytes at position %(position)s). Save "
                "it again as UTF-8 (in most editors: Save as… → Encoding: UTF-8) and import it "
                "again. Nothing was imported."
            )
            % {"name": isolate(filename), "position": exc.start}
        ) from None


def format_of(filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in IMPORT_FORMATS:
        raise ValidationError(
            _(
                "“%(name)s” is not a transcript Mizan can read: use a .vtt, .srt, .txt or .docx "
                "file."
            )
            % {"name": isolate(filename)}
        )
    return extension


def _docx_text(data: bytes, filename: str) -> str:
    """The paragraphs of a Word document, one segment each (read as the library reads DOCX)."""
    import tempfile
    from pathlib import Path

    from mizan.library.extract import ExtractionProblem, _extract_docx

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "transcript.docx"
        path.write_bytes(data)
        try:
            paragraphs = _extract_docx(path)
        except ExtractionProblem:
            raise ValidationError(
                _("“%(name)s” is a damaged Word document. Nothing was imported.")
                % {"name": isolate(filename)}
            ) from None
    return "\n\n".join(p for p in paragraphs.split("\n") if p.strip())


def _cue_ms(timestamp: object) -> int:
    return (
        (getattr(timestamp, "hours", 0) * 3600 + getattr(timestamp, "minutes", 0) * 60)
        + getattr(timestamp, "seconds", 0)
    ) * 1000 + getattr(timestamp, "milliseconds", 0)


def parse(data: bytes, filename: str, *, duration_ms: int | None = None) -> list[ParsedSegment]:
    """Parse and check a transcript file; raise ValidationError listing every problem."""
    kind = format_of(filename)
    text = _docx_text(data, filename) if kind == "docx" else decode(data, filename)
    if kind in ("txt", "docx"):
        segments = [
            ParsedSegment(None, None, " ".join(block.split()))
            for block in text.replace("\r\n", "\n").split("\n\n")
            if block.strip()
        ]
    else:
        try:
            if kind == "vtt":
                captions = webvtt.WebVTT.from_string(text)
            else:
                captions = webvtt.WebVTT.from_buffer(io.StringIO(text), format="srt")
        except Exception:  # webvtt raises MalformedFileError, or ValueError on odd time codes
            raise ValidationError(
                _("“%(name)s” is not a valid %(format)s file. Nothing was imported.")
                % {"name": isolate(filename), "format": "WebVTT" if kind == "vtt" else "SRT"}
            ) from None
        segments = [
            ParsedSegment(_cue_ms(c.start_time), _cue_ms(c.end_time), c.text.strip())
            for c in captions.captions
        ]
    if not segments:
        raise ValidationError(_("“%(name)s” holds no text.") % {"name": isolate(filename)})
    check(segments, duration_ms=duration_ms)
    return segments


def check(segments: list[ParsedSegment], *, duration_ms: int | None = None) -> None:
    problems: list[str] = []
    previous: ParsedSegment | None = None
    for number, segment in enumerate(segments, start=1):
        at = {"number": number, "start": format_time(segment.start_ms)}
        if not segment.text:
            problems.append(_("Segment %(number)s (%(start)s) has no text.") % at)
        if segment.start_ms is not None and segment.end_ms is not None:
            if segment.end_ms <= segment.start_ms:
                problems.append(
                    _("Segment %(number)s ends (%(end)s) before it starts (%(start)s).")
                    % {**at, "end": format_time(segment.end_ms)}
                )
            if previous is not None and previous.start_ms is not None:
                if segment.start_ms < previous.start_ms:
                    problems.append(
                        _(
                            "Segment %(number)s starts at %(start)s, before segment %(before)s "
                            "(%(before_start)s): the time codes are out of order."
                        )
                        % {
                            **at,
                            "before": number - 1,
                            "before_start": format_time(previous.start_ms),
                        }
                    )
                elif previous.end_ms is not None and segment.start_ms < previous.end_ms:
                    problems.append(
                        _(
                            "Segment %(number)s starts at %(start)s, before segment %(before)s "
                            "ends (%(before_end)s): the segments overlap."
                        )
                        % {**at, "before": number - 1, "before_end": format_time(previous.end_ms)}
                    )
            if duration_ms is not None and segment.end_ms > duration_ms + END_TOLERANCE_MS:
                problems.append(
                    _(
                        "Segment %(number)s ends at %(end)s, after the end of the recording "
                        "(%(duration)s)."
                    )
                    % {
                        **at,
                        "end": format_time(segment.end_ms),
                        "duration": format_time(duration_ms),
                    }
                )
        previous = segment
        if len(problems) >= MAX_PROBLEMS:
            problems.append(_("… and possibly more; fix these first."))
            break
    if problems:
        raise ValidationError(problems)


def export(segments: Iterable[ParsedSegment], kind: str) -> str:
    """The transcript as WebVTT or SRT (only timed segments), or plain text."""
    segments = list(segments)
    if kind == "txt":
        return "\n\n".join(s.text for s in segments) + "\n"
    captions = [
        webvtt.Caption(format_time(s.start_ms), format_time(s.end_ms), s.text)
        for s in segments
        if s.start_ms is not None and s.end_ms is not None
    ]
    document = webvtt.WebVTT(captions=captions)
    if kind == "vtt":
        return document.content
    out = io.StringIO()
    document.write(out, format="srt")
    return out.getvalue()
