"""A breadth-first crawl of Mizan as one persona, reading every answer for canaries.

What it reaches, without a list of pages to keep up to date:

1. every URL pattern the URL conf can reverse without arguments, and every pattern with
   arguments filled with the ids of the seeded records of the model its name starts with
   (``incident_detail`` → incidents, ``unit_…`` → organisations; see ``MODEL_WORDS``);
2. every same-site link, ``hx-get`` and ``data-…-url`` of every HTML answer, and redirects;
3. every GET form (and every fragment endpoint, which the pages' scripts call with ``?q=``),
   submitted with the canaries of records out of the persona's reach as the query;
4. every answer whatever its type: HTML, CSV, JSON, XLSX (openpyxl), PDF (``pdftotext``),
   plain text and files.

URLs are deduplicated by path and the *names* of their query parameters, so ``?page=2`` and
``?page=3`` count once; each pattern is visited a bounded number of times.
"""

from __future__ import annotations

import contextlib
import html
import io
import subprocess
import time
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404

from tests.security.seed import CONTROL, Canary, Persona, World

MAX_PER_PATTERN = 20  # distinct URLs of one pattern (records of one kind, one filter shape)
MAX_SWEPT = 10  # of which taken from the seeded records (the rest are found through links)
MAX_REFUSED = 3  # a pattern that refused this persona this often is not asked again
MAX_REQUESTS = 3000  # a runaway crawl fails instead of hanging CI
SKIP_PREFIXES = ("/static/", "/admin/", "/accounts/sign-out/")
# A url name's first word → the seeded records its arguments are taken from. A new pattern
# whose name starts with one of these words is swept with those records' ids untold.
MODEL_WORDS = {
    "incident": ("Incident",),
    "person": ("Person",),
    "consent": ("Person",),
    "unit": ("Unit",),
    "site": ("Site",),
    "file": ("MissingPerson",),
    "status": ("MissingPerson",),
    "relative": ("MissingPerson",),
    "report": ("MissingPerson",),
    "contact": ("MissingPerson",),
    "list": ("SourceList",),
    "item": ("Item",),
    "public": ("Document",),
    "staff": ("Document",),
    "document": ("Document",),
    "version": ("Document",),
    "relation": ("Document",),
}


@dataclass
class Leak:
    url: str
    persona: str
    language: str
    canary: Canary
    count: int

    def __str__(self) -> str:
        c = self.canary
        return (
            f"LEAK {self.url} as {self.persona} ({self.language}): {c.token!r} = {c.record}"
            f".{c.field} (level {c.rule.level}, team {c.rule.team or '-'}"
            f"{', perm ' + c.rule.perm if c.rule.perm else ''}) ×{self.count}"
        )


@dataclass
class Form:
    action: str
    fields: dict[str, str]  # name → default value
    text_fields: list[str]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.endpoints: list[str] = []  # fragment endpoints the scripts call with ?q=
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("a", "link") and a.get("href"):
            self.links.append(a["href"])
        if a.get("hx-get"):
            self.links.append(a["hx-get"])
        for name, value in a.items():
            if name.startswith("data-") and name.endswith("-url") and value:
                self.endpoints.append(value)
        if tag == "form":
            # Only explicit GET forms: a form without a method is sent by a script (POST).
            method = a.get("method", "").lower()
            self._form = Form(a.get("action", ""), {}, []) if method == "get" else None
            if self._form is not None:
                self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea") and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.fields[a["name"]] = a.get("value", "on")
                return
            self._form.fields[a["name"]] = a.get("value", "")
            if (kind in ("text", "search") or tag == "textarea") and a.get("inputmode") not in (
                "numeric",
                "decimal",
            ):
                self._form.text_fields.append(a["name"])
        elif self._form is not None and tag == "select" and a.get("name"):
            self._select, self._select_value = a["name"], None
        elif (
            self._form is not None
            and tag == "option"
            and self._select
            and (self._select_value is None or "selected" in a)
        ):
            # The first option, or the selected one: the filter as the page offers it.
            self._select_value = a.get("value", "")
            self._form.fields[self._select] = self._select_value

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def pdf_text(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-q", "-", "-"], input=data, capture_output=True, check=False, timeout=60
    )
    text = unicodedata.normalize("NFKC", result.stdout.decode("utf-8", "replace"))
    # Arabic may come out in visual order: read it both ways.
    return text + "\n" + "\n".join(line[::-1] for line in text.splitlines())


def xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(
        "\t".join("" if v is None else str(v) for v in row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def response_text(response: Any) -> tuple[str, str]:
    """The answer as text, whatever its type, and its kind (html, pdf, xlsx, …)."""
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type == "application/pdf" or body[:5] == b"%PDF-":
        return pdf_text(body), "pdf"
    if "spreadsheetml" in content_type or (body[:2] == b"PK" and b"xl/" in body[:2000]):
        return xlsx_text(body), "xlsx"
    kind = "html" if content_type == "text/html" else content_type or "bytes"
    return body.decode("utf-8", "replace"), kind


def strip_self(text: str, url: str) -> str:
    """Remove the page's own address (the language switch sends it back as ``next``): a
    canary typed into the URL is not a leak when the page repeats the URL."""
    for form in {url, html.escape(url), quote(url, safe="/"), unquote(url)}:
        text = text.replace(form, "")
    return text


def url_patterns() -> Iterator[tuple[str, list[str]]]:
    """Every named URL pattern with the names of its arguments."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[tuple[str, list[str]]]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, ns)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", list(entry.pattern.regex.groupindex)

    yield from walk(get_resolver().url_patterns, "")


def pattern_of(path: str) -> str:
    try:
        match = resolve(path)
    except Resolver404:
        return "(unresolved)"
    return match.view_name


@dataclass
class Crawl:
    world: World
    persona: Persona
    language: str
    client: Any
    rotation: int = 0  # which tier's canary of each kind this crawl types into the forms
    leaks: list[Leak] = field(default_factory=list)
    seen: dict[str, set[str]] = field(default_factory=dict)  # allowed canary → URLs showing it
    visited: dict[str, int] = field(default_factory=dict)  # url → status
    patterns: dict[str, int] = field(default_factory=dict)  # pattern → URLs visited
    kinds: dict[str, int] = field(default_factory=dict)  # html, pdf, xlsx, text/csv, …
    forms: dict[tuple[str, tuple[str, ...]], Form] = field(default_factory=dict)
    requests: int = 0
    endpoints: set[str] = field(default_factory=set)
    refusals: dict[str, int] = field(default_factory=dict)
    answered: set[str] = field(default_factory=set)  # patterns that answered 200
    timing: dict[str, float] = field(default_factory=dict)
    by_pattern: dict[str, int] = field(default_factory=dict)  # requests per pattern
    _keys: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    _queue: deque[tuple[str, dict[str, int]]] = field(default_factory=deque)

    # --- the frontier ------------------------------------------------------------------------

    def key(self, url: str) -> tuple[str, tuple[str, ...]]:
        parts = urlsplit(url)
        return parts.path, tuple(sorted({k for k, _v in parse_qsl(parts.query, True)}))

    def enqueue(self, url: str, base: str = "/", allow: dict[str, int] | None = None) -> None:
        url = urljoin(base, url.strip())
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            return
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if not parts.path.startswith("/") or (
            parts.path.startswith(SKIP_PREFIXES) and parts.path != "/admin/"
        ):
            return  # the admin's index is asked (only staff pass); its pages are not crawled
        key = self.key(url)
        if key in self._keys:
            return
        pattern = pattern_of(parts.path)
        if self.patterns.get(pattern, 0) >= MAX_PER_PATTERN:
            return
        self._keys.add(key)
        self.patterns[pattern] = self.patterns.get(pattern, 0) + 1
        self._queue.append((url, allow or {}))

    def seed_urls(self) -> None:
        self.enqueue("/")
        records = self.world.records
        for name, kwargs in url_patterns():
            if name.startswith("admin:"):
                continue
            if not kwargs:
                with contextlib.suppress(NoReverseMatch):
                    self.enqueue(reverse(name))
                continue
            if len(kwargs) != 1:
                continue  # reached through links from the pages of their parents
            word = name.split(":")[-1].split("_")[0]
            models = tuple(f"{m} " for m in MODEL_WORDS.get(word, ()))
            # The hub's records first (where related records out of reach show), then one
            # record of each kind per hidden tier.
            chosen = sorted(
                (label for label in records if label.startswith(models)),
                key=lambda label: (label.rsplit(" ", 1)[-1] not in ("I", "hub", "P"), label),
            )[:MAX_SWEPT]
            for label in chosen:
                obj = records[label]
                value = obj.reference if kwargs[0] == "reference" else obj.pk
                with contextlib.suppress(NoReverseMatch):
                    self.enqueue(reverse(name, kwargs={kwargs[0]: value}))
        self.enqueue(reverse("core:place_detail", kwargs={"code": records["place"].code}))

    # --- one request -------------------------------------------------------------------------

    def fetch(self, url: str, allow: dict[str, int]) -> tuple[Any, str, str]:
        self.requests += 1
        assert self.requests <= MAX_REQUESTS, f"the crawl ran away: {self.requests} requests"
        started = time.monotonic()
        response = self.client.get(url)
        self.visited[url] = response.status_code
        if response.status_code == 200:
            self.answered.add(pattern_of(urlsplit(url).path))
        text, kind = response_text(response)
        name = pattern_of(urlsplit(url).path)
        self.timing[name] = self.timing.get(name, 0.0) + time.monotonic() - started
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        text = strip_self(text, url)
        self.by_pattern[pattern_of(urlsplit(url).path)] = (
            self.by_pattern.get(pattern_of(urlsplit(url).path), 0) + 1
        )
        self.check(url, text, allow)
        return response, text, kind

    def check(self, url: str, text: str, allow: dict[str, int]) -> None:
        for key, count in self.world.find(text).items():
            canary = self.world.canary(key)
            if canary.rule.allows(self.persona):
                self.seen.setdefault(key, set()).add(url)
            elif count > allow.get(key, 0):
                self.leaks.append(Leak(url, self.persona.name, self.language, canary, count))

    def refused(self, response: Any) -> bool:
        location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
        return response.status_code in (403, 405) or location.startswith(reverse("accounts:login"))

    def crawl_links(self) -> None:
        while self._queue:
            url, allow = self._queue.popleft()
            pattern = pattern_of(urlsplit(url).path)
            if self.refusals.get(pattern, 0) >= MAX_REFUSED:
                continue
            if self.language != "en" and urlsplit(url).path.endswith(".pdf"):
                continue  # PDFs are rendered in English whatever the language (one crawl each)
            response, text, kind = self.fetch(url, allow)
            if self.refused(response):
                self.refusals[pattern] = self.refusals.get(pattern, 0) + 1
                continue
            if 300 <= response.status_code < 400 and response.get("Location"):
                self.enqueue(response["Location"], url)
                continue
            if kind != "html" or response.status_code != 200:
                continue
            page = _PageParser()
            page.feed(text)
            for link in page.links:
                self.enqueue(link, url)
            for endpoint in page.endpoints:
                self.enqueue(endpoint, url)
                self.endpoints.add(urlsplit(urljoin(url, endpoint)).path)
            for form in page.forms:
                form.action = urlsplit(urljoin(url, form.action or url)).path
                self.enqueue(f"{form.action}?{urlencode(form.fields)}", url)
                self.add_form(form)

    def add_form(self, form: Form) -> None:
        if form.action.startswith(SKIP_PREFIXES) or not form.text_fields:
            return
        self.forms.setdefault((form.action, tuple(sorted(form.fields))), form)

    # --- forms, typed with the canaries ------------------------------------------------------

    def probes(self) -> list[tuple[str, Canary | None]]:
        """What to type: the canaries' common beginning (a substring search then matches every
        seeded record at once) and, for each kind of record and field, one canary out of the
        persona's reach. English crawls type Latin and digit canaries, Arabic crawls Arabic
        ones; ``rotation`` picks another tier each time, so the suite covers them all."""
        shapes = ("arabic",) if self.language == "ar" else ("latin", "digits", "literal")
        prefixes = {"latin": "Qz", "arabic": "ظغ", "digits": "73"}
        out: list[tuple[str, Canary | None]] = [
            (prefixes[shape], None) for shape in shapes if shape in prefixes
        ]
        groups: dict[tuple[str, str], list[Canary]] = {}
        for canary in [*self.world.canaries.values(), *self.world.literals.values()]:
            if canary.probe and canary.shape in shapes and not canary.rule.allows(self.persona):
                kind = canary.record.split(" ", 1)[0]
                groups.setdefault((kind, canary.field), []).append(canary)
        for group in groups.values():
            canary = group[self.rotation % len(group)]
            out.append((canary.token, canary))
        return out

    def crawl_forms(self) -> None:
        # Fragment endpoints that answer a plain GET (suggestions) are typed into like forms.
        for path in sorted(self.endpoints):
            if self.visited.get(path) == 200:
                self.add_form(Form(path, {"q": ""}, ["q"]))
        probes = self.probes()
        for form in list(self.forms.values()):
            for name in form.text_fields:
                echo = {}
                shapes = ("arabic",) if self.language == "ar" else ("latin", "digits")
                for shape, token in CONTROL.items():
                    if shape not in shapes:
                        continue
                    _r, text, _k = self.fetch(self.form_url(form, name, token), {})
                    echo[shape] = text.count(token)
                for value, canary in probes:
                    allow = {}
                    if canary is not None:
                        key = value.lower() if canary.shape == "latin" else value
                        allow[key] = echo.get(canary.shape, max(echo.values()))
                    url = self.form_url(form, name, value)
                    response, text, kind = self.fetch(url, allow)
                    if kind == "html" and response.status_code == 200:
                        # Exports and further pages of the results carry the query along.
                        page = _PageParser()
                        page.feed(text)
                        for link in page.links:
                            if value in link or urlencode({"": value})[1:] in link:
                                self.enqueue(link, url, allow)
                self.crawl_links()

    def form_url(self, form: Form, name: str, value: str) -> str:
        return f"{form.action}?{urlencode({**form.fields, name: value})}"

    def run(self) -> None:
        self.seed_urls()
        self.crawl_links()
        self.crawl_forms()
