"""Redacted audio excerpts: a stretch of a WAV recording with chosen spans silenced or beeped.

Plain PCM WAV is cut with the standard library's ``wave`` module: no ffmpeg or sox is needed,
and nothing is re-encoded (the excerpt keeps the original's rate, width and channels, so a
listener hears exactly the original outside the redacted spans). Compressed recordings (MP3,
M4A, Ogg) are refused with a message; a converter for them would be ffmpeg (see
docs/architecture.md).
"""

from __future__ import annotations

import io
import math
import re
import wave
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_EXCERPT_MS = 30 * 60 * 1000  # an excerpt is read into memory: 30 min of 48 kHz stereo ≈ 350 MB
BEEP_HZ = 1000
BEEP_LEVEL = 0.25  # of full scale: clearly a bleep, not painful
MODES = ("silence", "beep")

_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?"
_SPAN = re.compile(rf"^\s*({_TIME})\s*(?:-->|–|—|-)\s*({_TIME})\s*$")


def parse_time(text: str) -> int:
    """``h:mm:ss.mmm``, ``mm:ss`` or seconds, to milliseconds."""
    *parts, last = text.replace(",", ".").split(":")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return round((seconds * 60 + float(last)) * 1000)


def parse_spans(text: str) -> list[tuple[int, int]]:
    """One span a line, ``start - end`` (or ``-->``), in milliseconds; blank lines are skipped."""
    spans = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _SPAN.match(line)
        if match is None:
            raise ValidationError(
                _("Line %(number)s: “%(line)s” is not a span like 0:01:02.5 - 0:01:04.")
                % {"number": number, "line": line.strip()[:60]}
            )
        start, end = parse_time(match.group(1)), parse_time(match.group(2))
        if end <= start:
            raise ValidationError(
                _("Line %(number)s: the span ends before it starts.") % {"number": number}
            )
        spans.append((start, end))
    return spans


def _beep(frames: int, rate: int, width: int, channels: int, offset: int) -> bytes:
    """``frames`` of a sine tone in the recording's format; ``offset`` keeps the phase going."""
    peak = (1 << (8 * width - 1)) - 1
    samples = bytearray()
    for n in range(offset, offset + frames):
        value = int(BEEP_LEVEL * peak * math.sin(2 * math.pi * BEEP_HZ * n / rate))
        sample = (
            (value + 128).to_bytes(1, "little")  # 8-bit WAV is unsigned
            if width == 1
            else value.to_bytes(width, "little", signed=True)
        )
        samples += sample * channels
    return bytes(samples)


def redact_wav(
    source: BinaryIO, *, start_ms: int, end_ms: int, spans: list[tuple[int, int]], mode: str
) -> bytes:
    """The WAV excerpt ``start_ms``–``end_ms`` of ``source`` with each span (absolute times,
    clipped to the excerpt) replaced by silence or a beep of the same length."""
    if mode not in MODES:
        raise ValidationError(_("Choose silence or a beep."))
    try:
        reader = wave.open(source, "rb")  # noqa: SIM115 - closed below
    except (wave.Error, EOFError) as exc:
        raise ValidationError(
            _("Redacted excerpts are cut from WAV recordings; this one cannot be read as WAV.")
        ) from exc
    with reader:
        rate = reader.getframerate()
        width = reader.getsampwidth()
        channels = reader.getnchannels()
        total_ms = reader.getnframes() * 1000 // rate
        if not 0 <= start_ms < end_ms <= total_ms + 500:
            raise ValidationError(
                _("The excerpt must lie within the recording (%(total)s ms long).")
                % {"total": total_ms}
            )
        if end_ms - start_ms > MAX_EXCERPT_MS:
            raise ValidationError(_("An excerpt may be at most 30 minutes long."))
        first = start_ms * rate // 1000
        reader.setpos(first)
        audio = bytearray(reader.readframes(end_ms * rate // 1000 - first))
    frame = width * channels
    count = len(audio) // frame
    for span_start, span_end in spans:
        begin = max(span_start * rate // 1000 - first, 0)
        stop = min(span_end * rate // 1000 - first, count)
        if begin >= stop:
            continue
        if mode == "silence":
            fill = (b"\x80" if width == 1 else b"\x00") * ((stop - begin) * frame)
        else:
            fill = _beep(stop - begin, rate, width, channels, begin)
        audio[begin * frame : stop * frame] = fill
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(bytes(audio))
    return out.getvalue()
