"""Measure the documentation pages over real HTTP against a running Mizan (issue 3 benchmark).

Why over HTTP: the target ("under 300 ms at the 95th percentile") is what a documenter waits
for, so the figures include middleware, session and two-factor checks, template rendering and
gunicorn, not only the queries. Each endpoint is compared with a floor measured in the same run:
the public landing page ``/`` for an anonymous visitor.

The script starts no server. With ``--setup`` (the default) it first uses Django, with the same
environment as the server (``MIZAN_HOME`` or ``DATABASE_URL``), to create two benchmark
accounts — a viewer (internal clearance, no second factor) and a documenter (confidential
clearance) with a confirmed TOTP device — and to pick sample records the documenter may see.
It then signs in through the real sign-in form and, for the documenter, the real two-factor
page, with a code computed from the device's key, and times requests on one keep-alive
connection per account, one request at a time.

    python -m bench.cases_http --base-url http://127.0.0.1:8765 --label SQLite
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlsplit

PASSWORD = "bench-Password-3141"  # noqa: S105 - throwaway account on a throwaway database
VIEWER = "bench_viewer"
DOCUMENTER = "bench_documenter"
SUGGESTIONS = ["محمد الح", "Mohammad al-H", "احمد", "فاطمة النج", "Khaled Ha", "عمر الشامي "]
MIN_REQUESTS = 10
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    """A tiny HTTP client: one keep-alive connection and a cookie jar, no redirects followed.

    ``requests`` is not installed in the project's environment; ``http.client`` keeps the
    connection open between requests, so the timings do not include a TCP handshake each.
    """

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=300)

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes, float]:
        headers = {"Accept-Language": "ar", "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (http.client.HTTPException, ConnectionError):
            # The server closed the keep-alive connection; reconnect once and retry.
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=300)
            started = time.perf_counter()
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        elapsed_ms = (time.perf_counter() - started) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
        return response.status, dict(response.getheaders()), content, elapsed_ms

    def get(self, path: str) -> tuple[int, dict[str, str], bytes, float]:
        return self.request("GET", path)

    def post_form(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Fetch the form for its CSRF token, then post it (as a browser would)."""
        status, _headers, content, _ms = self.get(path)
        if status != 200:
            raise SystemExit(f"GET {path} answered {status}")
        found = CSRF_RE.search(content.decode())
        if found is None:
            raise SystemExit(f"no CSRF token in {path}")
        status, headers, content, _ms = self.request(
            "POST", path, {**form, "csrfmiddlewaretoken": found.group(1)}
        )
        return status, headers, content


def sign_in(base_url: str, username: str, totp_key: str | None) -> Client:
    """Sign in through the real form; pass the two-factor page when the account needs it."""
    client = Client(base_url)
    status, headers, _ = client.post_form(
        "/accounts/sign-in/", {"username": username, "password": PASSWORD, "next": "/"}
    )
    if status != 302:
        raise SystemExit(f"sign-in of {username} answered {status}, not a redirect")
    if totp_key is not None:
        from django_otp.oath import totp

        code = f"{totp(bytes.fromhex(totp_key)):06d}"
        status, headers, _ = client.post_form(
            "/accounts/security/two-factor/verify/", {"token": code, "next": "/"}
        )
        if status != 302:
            raise SystemExit(f"two-factor verification of {username} answered {status}")
    status, headers, _, _ = client.get("/cases/incidents/")
    if status != 200:
        raise SystemExit(f"{username} cannot open the incident list ({status} {headers})")
    return client


def setup(samples: int, seed: int) -> dict[str, Any]:
    """Create the two accounts and pick records the documenter may see (via Django, once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mizan.accounts.models import User
    from mizan.accounts.services import user_create
    from mizan.cases.models import Act, Incident, Involvement, Person

    for username, role in ((VIEWER, "viewer"), (DOCUMENTER, "documenter")):
        if not User.objects.filter(username=username).exists():
            user_create(actor=None, username=username, password=PASSWORD, role=role)
    documenter = User.objects.get(username=DOCUMENTER)
    TOTPDevice.objects.filter(user=documenter).delete()
    device = TOTPDevice.objects.create(user=documenter, name="bench", confirmed=True)

    rng = random.Random(seed)
    top = Incident.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def visible_ids(model: Any, extra: dict[str, Any] | None = None) -> list[int]:
        """Random records at most confidential and not team-limited (visible to documenter)."""
        found: list[int] = []
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        while len(found) < samples and last:
            wanted = [rng.randint(1, last) for _ in range(samples * 4)]
            found.extend(
                model.objects.filter(
                    pk__in=wanted, sensitivity__lte=2, team__isnull=True, **(extra or {})
                )
                .exclude(pk__in=found)
                .values_list("pk", flat=True)[: samples - len(found)]
            )
        return found

    incidents = visible_ids(Incident)
    # Person pages: victims of some visible act, so the page has roles to list.
    persons: list[int] = []
    while top and len(persons) < samples:
        wanted = [rng.randint(1, top) for _ in range(samples * 4)]
        persons.extend(
            Act.objects.filter(
                incident_id__in=wanted,
                incident__sensitivity__lte=2,
                incident__team__isnull=True,
                victim__sensitivity__lte=2,
                victim__team__isnull=True,
            )
            .exclude(victim_id__in=persons)
            .values_list("victim_id", flat=True)[: samples - len(persons)]
        )
    unit = (
        Involvement.objects.filter(
            perpetrator_unit__isnull=False,
            perpetrator_unit__sensitivity__lte=1,
            perpetrator_unit__team__isnull=True,
        )
        .values_list("perpetrator_unit_id", flat=True)
        .first()
    )
    # Page 100 as a reader reaches it, through "Next" links: the cursor of page 99's last row
    # for the documenter (visible: at most confidential, not team-limited), as the page makes it.
    edge = (
        Incident.objects.filter(sensitivity__lte=2, team__isnull=True)
        .order_by("-sort_key", "-pk")
        .values_list("sort_key", "pk")[99 * 50 - 1 : 99 * 50]
    )
    cursor = "_".join(str(part) for part in edge[0]) if edge else ""
    counts = {
        "incidents": Incident.objects.count(),
        "persons": Person.objects.count(),
        "acts": Act.objects.count(),
    }
    from django.db import connection

    engine = connection.vendor
    connection.close()
    return {
        "totp_key": device.key,
        "incidents": incidents,
        "persons": list(dict.fromkeys(persons)),
        "unit": unit,
        "cursor": cursor,
        "counts": counts,
        "engine": engine,
    }


@dataclass
class Endpoint:
    name: str
    paths: list[str]
    account: str  # "anonymous", VIEWER or DOCUMENTER
    target_ms: float
    timings: list[float] = field(default_factory=list)
    size: int = 0


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the value below which ``share`` of the samples fall."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def endpoints(data: dict[str, Any]) -> list[Endpoint]:
    def page(name: str, path: str, account: str = DOCUMENTER) -> Endpoint:
        return Endpoint(name, [path], account, 300)

    suggest = [f"/cases/persons/suggest/?{urlencode({'q': q})}" for q in SUGGESTIONS]
    return [
        Endpoint("baseline: / (anonymous)", ["/"], "anonymous", math.inf),
        page("incident list", "/cases/incidents/"),
        page("incident list (viewer)", "/cases/incidents/", VIEWER),
        page("filter act_type=torture", "/cases/incidents/?act_type=torture"),
        page("filter governorate=SY02", "/cases/incidents/?governorate=SY02"),
        page("filter year 2013–2014", "/cases/incidents/?year_from=2013&year_to=2014"),
        page("filter unit", f"/cases/incidents/?unit={data['unit']}"),
        page("filter sex=female&age=child", "/cases/incidents/?sex=female&age_group=child"),
        page("incident list page 100", "/cases/incidents/?page=100"),
        page(
            "incident list page 100 (Next link)",
            f"/cases/incidents/?{urlencode({'after': data['cursor'], 'page': 100})}",
        ),
        Endpoint(
            "incident detail (20 ids)",
            [f"/cases/incidents/{pk}/" for pk in data["incidents"]],
            DOCUMENTER,
            300,
        ),
        Endpoint(
            "person detail (20 ids)",
            [f"/cases/persons/{pk}/" for pk in data["persons"]],
            DOCUMENTER,
            300,
        ),
        page("person list", "/cases/persons/"),
        page("statistics", "/cases/statistics/"),
        page("statistics (viewer)", "/cases/statistics/", VIEWER),
        Endpoint("name suggestions (6 prefixes)", suggest, DOCUMENTER, 100),
    ]


def measure(
    endpoint: Endpoint, clients: dict[str, Client], requests: int, warmups: int, budget: float
) -> None:
    """Time ``requests`` GETs after ``warmups``, cycling through the endpoint's paths.

    A page that takes seconds would make 50 requests last many minutes and tell nothing more,
    so after ``budget`` seconds the endpoint stops once it has ``MIN_REQUESTS`` samples (the
    table gives n); a first request slower than 2 s counts as the only warm-up.
    """
    client = clients[endpoint.account]
    started = time.perf_counter()
    number = 0
    while len(endpoint.timings) < requests:
        path = endpoint.paths[number % len(endpoint.paths)]
        status, headers, content, elapsed = client.get(path)
        if status != 200:
            raise SystemExit(f"{path} as {endpoint.account}: {status} {headers.get('Location')}")
        number += 1
        slow = number == 1 and elapsed > 2000
        if slow:
            warmups = 1
        elif number > warmups:
            endpoint.timings.append(elapsed)
            endpoint.size = max(endpoint.size, len(content))
            if time.perf_counter() - started > budget and len(endpoint.timings) >= MIN_REQUESTS:
                break


def report(label: str, data: dict[str, Any], results: list[Endpoint], requests: int) -> str:
    floor = statistics.median(results[0].timings)
    counts = data["counts"]
    lines = [
        f"#### {label} ({data['engine']}): {counts['incidents']:,} incidents, "
        f"{counts['persons']:,} persons, {counts['acts']:,} acts",
        "",
        f"Up to {requests} timed requests per endpoint (n) after warm-up, one at a time, "
        "keep-alive; "
        f"baseline median {floor:.1f} ms.",
        "",
        "| endpoint | account | n | median ms | p95 ms | max ms | median / baseline "
        "| target p95 | met |",
        "|---|---|--:|--:|--:|--:|--:|--:|:-:|",
    ]
    for item in results:
        p95 = percentile(item.timings, 0.95)
        median = statistics.median(item.timings)
        target = "—" if math.isinf(item.target_ms) else f"{item.target_ms:.0f}"
        met = "—" if math.isinf(item.target_ms) else ("yes" if p95 < item.target_ms else "**no**")
        account = item.account.removeprefix("bench_")
        lines.append(
            f"| {item.name} | {account} | {len(item.timings)} | {median:.1f} | {p95:.1f} "
            f"| {max(item.timings):.1f} | {median / floor:.1f}× "
            f"| {target} | {met} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--label", default="")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmups", type=int, default=5)
    parser.add_argument(
        "--budget", type=float, default=90, help="seconds per endpoint before stopping early"
    )
    parser.add_argument("--samples", type=int, default=20, help="different persons/incidents")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--only", default="", help="measure endpoints whose name contains this")
    parser.add_argument("--output", default="", help="also write the Markdown table here")
    parser.add_argument("--json", default="", help="also write raw timings here")
    args = parser.parse_args(argv)

    data = setup(args.samples, args.seed)
    clients = {
        "anonymous": Client(args.base_url),
        VIEWER: sign_in(args.base_url, VIEWER, None),
        DOCUMENTER: sign_in(args.base_url, DOCUMENTER, data["totp_key"]),
    }
    results = [
        e
        for number, e in enumerate(endpoints(data))
        if number == 0 or not args.only or args.only in e.name
    ]
    for endpoint in results:
        measure(endpoint, clients, args.requests, args.warmups, args.budget)
        print(
            f"  {endpoint.name}: median {statistics.median(endpoint.timings):.1f} ms, "
            f"p95 {percentile(endpoint.timings, 0.95):.1f} ms",
            file=sys.stderr,
            flush=True,
        )
    table = report(args.label or data["engine"], data, results, args.requests)
    print(table)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(table)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({e.name: e.timings for e in results}, handle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
