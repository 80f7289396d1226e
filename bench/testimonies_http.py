"""The transcript page of a 2,000-segment testimony over real HTTP (issue 14's page target).

Why over HTTP: the target (p95 under 300 ms) is what a documenter waits for, so the figures
include gunicorn (as ``mizan serve`` runs it), middleware, session, two-factor check, queries,
template and the bytes on the wire. ``bench/testimonies_page.py`` times the same page in process.

Two steps, both with the server's environment (``MIZAN_HOME`` or ``DATABASE_URL``):

    python -m bench.testimonies_http setup [--segments 2000] [--hours 2]   # once, via Django
    python -m bench.testimonies_http measure --base-url http://127.0.0.1:8102 [--requests 40]

``setup`` migrates, creates a legal officer with a confirmed TOTP device, a protected synthetic
interviewee, a confidential testimony with a two-hour WAV (a tone) in the locker and a
2,000-segment WebVTT transcript in which one segment in ten carries a keyword and a place; it
writes what ``measure`` needs to ``$MIZAN_HOME/bench-testimonies.json``. ``measure`` signs in
through the real forms and times, round-robin on one keep-alive connection, one request at a
time: the public landing page (a floor), the testimony page, the transcript page as it opens
(the first window of segments), the next window of segments (what the page fetches while
reading on), and the whole transcript in one page (``?all=1``, the page before the windows).
``bench/run_testimonies.sh`` does setup, serve, measure and stop in one go.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

from bench.cases_http import PASSWORD, percentile, sign_in

OFFICER = "bench_legal"
TARGET_MS = 300.0


def _state_file() -> Path:
    home = os.environ.get("MIZAN_HOME")
    if not home:
        raise SystemExit("set MIZAN_HOME (the server's) first")
    return Path(home) / "bench-testimonies.json"


def setup(segments: int, hours: float) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bench.testimonies_page import long_testimony
    from mizan.accounts.services import user_create
    from mizan.core.models import Place, Term
    from mizan.core.sensitivity import Sensitivity
    from mizan.testimonies.models import Segment

    call_command("migrate", verbosity=0)
    user = user_create(actor=None, username=OFFICER, password=PASSWORD, role="legal_officer")
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    testimony, transcript = long_testimony(
        hours=hours,
        segments=segments,
        interviewee={
            "first_name_ar": "اختبار",
            "family_name_ar": "المقعد",
            "pseudonym": "سلمى",
            "identity_sensitivity": Sensitivity.CONFIDENTIAL,
        },
    )
    keyword = Term.objects.filter(vocabulary="torture_method").first()
    place = Place.objects.exclude(kind=Place.Kind.COUNTRY).first()
    tagged = list(Segment.objects.filter(transcript=transcript).order_by("position")[::10])
    if keyword is not None:
        Segment.keywords.through.objects.bulk_create(
            [Segment.keywords.through(segment=s, term=keyword) for s in tagged]
        )
    if place is not None:
        Segment.places.through.objects.bulk_create(
            [Segment.places.through(segment=s, place=place) for s in tagged]
        )
    state = {"testimony": testimony.pk, "totp_key": device.key, "segments": segments}
    _state_file().write_text(json.dumps(state))
    return state


def measure(base_url: str, requests: int, warmups: int) -> str:
    state = json.loads(_state_file().read_text())
    client = sign_in(base_url, OFFICER, state["totp_key"])
    base = f"/testimonies/staff/{state['testimony']}"
    endpoints = {
        "landing page / (floor)": "/",
        "testimony page": f"{base}/",
        "transcript page (opens)": f"{base}/transcripts/ar/",
        "next window of segments": f"{base}/transcripts/ar/?from=401&window=1",
        "whole transcript in one page": f"{base}/transcripts/ar/?all=1",
    }
    timings: dict[str, list[float]] = {name: [] for name in endpoints}
    sizes: dict[str, int] = {}
    for number in range(warmups + requests):
        for name, path in endpoints.items():  # round-robin: the machine's load hits all alike
            status, headers, content, elapsed = client.get(path)
            if status != 200:
                raise SystemExit(f"{path}: {status} {headers.get('Location')}")
            if number >= warmups:
                timings[name].append(elapsed)
                sizes[name] = len(content)
    floor = statistics.median(timings["landing page / (floor)"])
    lines = [
        f"{state['segments']:,} segments; {requests} timed requests per endpoint after "
        f"{warmups} warm-up, round-robin, one at a time, keep-alive; floor median {floor:.1f} ms",
        "",
        "| endpoint | KB | median ms | p95 ms | max ms | median / floor |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, values in timings.items():
        median = statistics.median(values)
        lines.append(
            f"| {name} | {sizes[name] / 1024:.0f} | {median:.1f} | "
            f"{percentile(values, 0.95):.1f} | {max(values):.1f} | {median / floor:.1f}× |"
        )
    opened = percentile(timings["transcript page (opens)"], 0.95)
    lines += [
        "",
        f"transcript page p95 {opened:.1f} ms: target < {TARGET_MS:.0f} ms "
        + ("met" if opened < TARGET_MS else "NOT met"),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="step", required=True)
    make = sub.add_parser("setup")
    make.add_argument("--segments", type=int, default=2000)
    make.add_argument("--hours", type=float, default=2.0)
    run = sub.add_parser("measure")
    run.add_argument("--base-url", default="http://127.0.0.1:8102")
    run.add_argument("--requests", type=int, default=40)
    run.add_argument("--warmups", type=int, default=3)
    args = parser.parse_args(argv)
    if args.step == "setup":
        print(setup(args.segments, args.hours))
    else:
        print(measure(args.base_url, args.requests, args.warmups))
    return 0


if __name__ == "__main__":
    sys.exit(main())
