"""Load the common pages with many signed-in users at once over real HTTP (issue 11).

Why: one request at a time (``bench.cases_http``) shows what a page costs; a team of fifty
working at once shows whether two cores keep up — requests wait for a worker, so the 95th
percentile is set by throughput as much as by one page's cost. The attack on the running demo
measured p95 2.6 s at 26 requests/s under 50 signed-in users.

The script starts no server. With the same environment as the server (``MIZAN_HOME`` or
``DATABASE_URL``) it first uses Django to create (or reuse) ``--users`` benchmark accounts —
documenters, who must pass a second factor, each with a confirmed TOTP device — and picks an
incident and a person every one of them may see (through the permission layer). Each account
then signs in through the real sign-in form and two-factor page, on its own keep-alive
connection.

Two phases, same number of concurrent users, same duration budget:

1. the floor: anonymous visitors on the public landing page ``/`` (no database work beyond the
   session check), so a noisy or slower machine gives usable ratios;
2. the signed-in users, each looping over the common pages in its own shuffled order.

It reports requests per second, median and p95 per page and overall, the ratio of each to the
floor, and the machine's load average before and after. Traffic goes only to 127.0.0.1.

    MIZAN_HOME=/tmp/perf-home python -m bench.pages_load --base-url http://127.0.0.1:8766
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from bench.cases_http import PASSWORD, Client, percentile, sign_in

PREFIX = "bench_load_"


def setup(users: int) -> dict[str, Any]:
    """Create (or reuse) the accounts with a TOTP device each; pick visible records."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.db import connection
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mizan.accounts.models import User
    from mizan.accounts.services import user_create
    from mizan.cases.models import Incident, Person

    keys: dict[str, str] = {}
    for number in range(users):
        username = f"{PREFIX}{number:03d}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(actor=None, username=username, password=PASSWORD, role="documenter")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        keys[username] = device.key
    first = User.objects.get(username=f"{PREFIX}000")
    # Records every benchmark account may see: all have the same role and no team.
    incident = Incident.objects.visible_to(first).order_by("-pk").values_list("pk", flat=True)[:1]
    person = Person.objects.visible_to(first).order_by("-pk").values_list("pk", flat=True)[:1]
    counts = {"incidents": Incident.objects.count(), "persons": Person.objects.count()}
    engine = connection.vendor
    connection.close()
    return {
        "keys": keys,
        "incident": incident[0] if incident else None,
        "person": person[0] if person else None,
        "counts": counts,
        "engine": engine,
    }


def server_cpu_seconds(master: int) -> float:
    """CPU time (user + system) of the server's worker processes, from /proc (Linux)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master or int(entry) == master:  # fields[1] is the parent's pid
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def pages(data: dict[str, Any]) -> dict[str, str]:
    found = {
        "dashboard": "/",
        "incident list": "/cases/incidents/",
        "incident": f"/cases/incidents/{data['incident']}/",
        "person list": "/cases/persons/",
        "person": f"/cases/persons/{data['person']}/",
        "missing list": "/missing/",
        "library": "/library/",
        "evidence list": "/evidence/",
    }
    return found


class Recorder:
    """Timings per page, shared by the user threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)

    def add(self, name: str, status: int, elapsed_ms: float) -> None:
        with self.lock:
            if status == 200:
                self.timings[name].append(elapsed_ms)
            else:
                self.errors[f"{name} ({status})"] += 1


def run_phase(
    clients: list[Client], targets: dict[str, str], seconds: float, seed: int
) -> tuple[Recorder, float]:
    """Every client loops over ``targets`` in its own shuffled order until time is up."""
    recorder = Recorder()
    start = threading.Barrier(len(clients) + 1)
    stop_at: list[float] = [0.0]

    def user(number: int, client: Client) -> None:
        rng = random.Random(seed * 1000 + number)
        order = list(targets.items())
        start.wait()
        while True:
            rng.shuffle(order)
            for name, path in order:
                if time.perf_counter() >= stop_at[0]:
                    return
                try:
                    status, _headers, _content, elapsed = client.get(path)
                except OSError:
                    status, elapsed = 599, 0.0
                recorder.add(name, status, elapsed)

    threads = [
        threading.Thread(target=user, args=(n, c), daemon=True) for n, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join()
    return recorder, time.perf_counter() - began


def summarise(recorder: Recorder, elapsed: float) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    everything: list[float] = []
    for name, values in recorder.timings.items():
        everything.extend(values)
        rows[name] = {
            "n": len(values),
            "rps": len(values) / elapsed,
            "median": statistics.median(values),
            "p95": percentile(values, 0.95),
        }
    rows["all pages"] = {
        "n": len(everything),
        "rps": len(everything) / elapsed,
        "median": statistics.median(everything) if everything else 0.0,
        "p95": percentile(everything, 0.95) if everything else 0.0,
    }
    return rows


def report(
    label: str,
    data: dict[str, Any],
    users: int,
    seconds: float,
    floor: dict[str, float],
    rows: dict[str, dict[str, float]],
    errors: dict[str, int],
    load: tuple[tuple[float, ...], tuple[float, ...]],
) -> str:
    counts = data["counts"]
    lines = [
        f"#### {label} ({data['engine']}): {users} signed-in users for {seconds:.0f} s, "
        f"{counts['incidents']:,} incidents, {counts['persons']:,} persons",
        "",
        f"Floor (anonymous `/`, {users} users): {floor['rps']:.0f} requests/s, "
        f"median {floor['median']:.0f} ms, p95 {floor['p95']:.0f} ms. "
        f"Load average before {load[0][0]:.2f}, after {load[1][0]:.2f} "
        f"(1 min; {os.cpu_count()} cores).",
        "",
        "| page | n | requests/s | median ms | p95 ms | p95 / floor p95 |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, row in rows.items():
        label_name = f"**{name}**" if name == "all pages" else name
        lines.append(
            f"| {label_name} | {row['n']:.0f} | {row['rps']:.1f} | {row['median']:.0f} "
            f"| {row['p95']:.0f} | {row['p95'] / floor['p95']:.1f}× |"
        )
    if "cpu_ms" in rows["all pages"]:
        lines += [
            "",
            f"Server workers' CPU time per signed-in request: {rows['all pages']['cpu_ms']:.1f} ms "
            "(user + system, from /proc: the figure least affected by other load).",
        ]
    if errors:
        lines += [
            "",
            "Answers other than 200: " + ", ".join(f"{k}: {v}" for k, v in errors.items()),
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8766")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--floor-seconds", type=float, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--label", default="")
    parser.add_argument(
        "--server-pid",
        type=int,
        default=0,
        help="gunicorn's master pid: also report the workers' CPU milliseconds per request",
    )
    parser.add_argument("--output", default="", help="also write the Markdown table here")
    parser.add_argument("--json", default="", help="also write the figures here")
    args = parser.parse_args(argv)
    if urlsplit(args.base_url).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("this benchmark sends traffic to 127.0.0.1 only")

    data = setup(args.users)
    targets = pages(data)
    print(f"signing in {args.users} accounts…", file=sys.stderr, flush=True)
    clients = [sign_in(args.base_url, name, key) for name, key in data["keys"].items()]
    for name, path in targets.items():  # every page must answer 200 before timing starts
        status, _headers, _content, _ms = clients[0].get(path)
        if status != 200:
            raise SystemExit(f"{name} ({path}) answered {status} to {PREFIX}000")

    load_before = os.getloadavg()
    anonymous = [Client(args.base_url) for _ in range(args.users)]
    floor_recorder, floor_elapsed = run_phase(
        anonymous, {"floor": "/"}, args.floor_seconds, args.seed
    )
    floor = summarise(floor_recorder, floor_elapsed)["floor"]
    print(f"floor: {floor['rps']:.0f} rps, p95 {floor['p95']:.0f} ms", file=sys.stderr)
    cpu_before = server_cpu_seconds(args.server_pid) if args.server_pid else 0.0
    recorder, elapsed = run_phase(clients, targets, args.seconds, args.seed)
    cpu = server_cpu_seconds(args.server_pid) - cpu_before if args.server_pid else 0.0
    load_after = os.getloadavg()
    rows = summarise(recorder, elapsed)
    if cpu:
        rows["all pages"]["cpu_ms"] = cpu * 1000 / max(1, rows["all pages"]["n"])
    table = report(
        args.label or "pages under load",
        data,
        args.users,
        args.seconds,
        floor,
        rows,
        dict(recorder.errors) | {f"floor {k}": v for k, v in floor_recorder.errors.items()},
        (load_before, load_after),
    )
    print(table)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(table)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"floor": floor, "pages": rows, "load": [load_before, load_after]}, handle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
