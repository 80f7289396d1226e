"""Benchmark of the transcript page and of seeking in a long recording (issue 14's speed goals).

    python -m bench.testimonies_page [--hours 2] [--segments 2000] [--runs 30]

Targets: the page of a testimony with a two-hour recording and a 2,000-segment transcript, p95
under 300 ms; seeking under 100 ms. The script uses a throwaway embedded database in a temporary
MIZAN_HOME (or DATABASE_URL if set), makes a two-hour 8 kHz WAV recording (a tone: synthetic),
puts it in the locker through the testimonies services, imports a 2,000-segment WebVTT
transcript, and times, in process through Django's test client (middleware, session, two-factor
check, queries, template — not a network hop or gunicorn): the transcript page, the testimony
page, and byte-range requests of the recording at its start, middle and end, which is what the
player sends when a segment is clicked. Seeks are timed on the recording stored in the locker's
object format v2 and, as the baseline of the same run, on a copy stored in format v1.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import statistics
import struct
import tempfile
import time
import wave
from typing import Any


def _recording(hours: float) -> bytes:
    rate = 8000
    second = b"".join(
        struct.pack("<h", int(4000 * math.sin(2 * math.pi * 300 * n / rate))) for n in range(rate)
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(second * int(hours * 3600))
    return out.getvalue()


def _vtt(segments: int, seconds: float) -> bytes:
    from mizan.testimonies.transcripts import format_time

    step = int(seconds * 1000 / segments)
    cues = [
        f"{format_time(i * step)} --> {format_time(i * step + step - 10)}\n"
        f"مقطع رقم {i}: كان التحقيق يبدأ في الليل وكنا نسمع أصوات المعتقلين في الممرات.\n"
        for i in range(segments)
    ]
    return ("WEBVTT\n\n" + "\n".join(cues)).encode()


def long_testimony(*, hours: float, segments: int, interviewee: dict[str, Any]) -> Any:
    """A confidential testimony with a synthetic recording of ``hours`` in the locker and a
    WebVTT transcript of ``segments`` (needs Django set up); returns (testimony, transcript)."""
    from mizan.cases import services as cases_services
    from mizan.testimonies import services

    person = cases_services.person_create(actor=None, data=interviewee)
    testimony = services.testimony_create(actor=None, interviewee=person, data={"sensitivity": 2})
    audio = _recording(hours)
    started = time.perf_counter()
    services.original_add(
        actor=None,
        testimony=testimony,
        stream=io.BytesIO(audio),
        filename="long.wav",
        as_recording=True,
    )
    print(f"recording: {len(audio) / 1e6:.0f} MB, stored in {time.perf_counter() - started:.1f} s")
    testimony.refresh_from_db()
    transcript = services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        data=_vtt(segments, hours * 3600),
        filename="long.vtt",
    )
    return testimony, transcript


def _timed(call, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _report(name: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    print(f"{name:32s} median {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="mizan-bench-")
    os.environ.setdefault("MIZAN_HOME", home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mizan.accounts.services import user_create

    # Pages in process without collectstatic: plain static URLs (what a page costs is the same).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    setup_test_environment()
    call_command("migrate", verbosity=0)
    user = user_create(
        actor=None,
        username="bench_admin",
        password="bench-Password-3141",  # noqa: S106 - throwaway account, throwaway database
        role="administrator",
        is_superuser=True,
    )
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    testimony, _transcript = long_testimony(
        hours=args.hours,
        segments=args.segments,
        interviewee={"first_name_ar": "اختبار", "identity_sensitivity": 2},
    )
    audio_size = testimony.recording.size
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    transcript = f"/testimonies/staff/{testimony.pk}/transcripts/ar/"
    detail = f"/testimonies/staff/{testimony.pk}/"
    recording = f"/testimonies/staff/{testimony.pk}/recording"
    assert client.get(transcript).status_code == 200

    # The same recording (one byte different, so it is not deduplicated) in an object of the
    # locker's format v1, for a baseline measured in the same run (issue 13).
    from mizan.evidence.services import get_store
    from mizan.testimonies import services

    store = get_store()
    audio = b"".join(store.open(testimony.recording.sha256))
    old_testimony = services.testimony_create(
        actor=None, interviewee=testimony.interviewee, data={"sensitivity": 2}
    )
    store._write_version = 1
    try:
        services.original_add(
            actor=None,
            testimony=old_testimony,
            stream=io.BytesIO(audio[:-1] + bytes([audio[-1] ^ 1])),
            filename="long-v1.wav",
            as_recording=True,
        )
    finally:
        store._write_version = 2
    recording_v1 = f"/testimonies/staff/{old_testimony.pk}/recording"

    def seek(offset: int, url: str = recording) -> None:
        response = client.get(url, HTTP_RANGE=f"bytes={offset}-{offset + 65535}")
        assert response.status_code == 206
        assert len(b"".join(response.streaming_content)) == 65536

    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = os.path.join(home, "page.prof")
        cProfile.runctx("client.get(transcript)", globals(), locals(), profile)
        pstats.Stats(profile).sort_stats("tottime").print_stats(12)
    print(f"{args.segments} segments, {args.hours:g} h recording, {args.runs} runs each")
    _report("transcript page", _timed(lambda: client.get(transcript), args.runs))
    _report("testimony page", _timed(lambda: client.get(detail), args.runs))
    for label, offset in (
        ("seek: start", 0),
        ("seek: middle", audio_size // 2),
        ("seek: end", audio_size - 70000),
    ):
        runs = max(args.runs // 3, 5)
        _report(label + " (v1 object)", _timed(lambda o=offset: seek(o, recording_v1), runs))
        _report(label + " (v2 object)", _timed(lambda o=offset: seek(o), runs))


if __name__ == "__main__":
    main()
