"""No English from the catalogue is left in the Arabic interface: every route of the route
matrix, as every persona that may open it, rendered in Arabic and compared with the catalogue.

How it stays reliable: only the catalogue's own English (Mizan's and Django admin's msgids that
have an Arabic translation) is looked for, so a person's name, a file name, a reference or
any other user data in Latin letters is never flagged; a msgid with placeholders is looked for
by its longest literal phrase (three words or more). Text of <script>, <style>, <code>,
<pre> and form values is not read, nor user data: values are isolated in <bdi> and free text
shown with dir="auto" (CONVENTIONS: every embedded value in <bdi>).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import django
import polib
import pytest
from django.urls import reverse

import mizan
from tests.conftest import signed_in
from tests.test_route_matrix import MATRIX, PERSONAS, populate

CATALOGUES = [
    Path(mizan.__file__).parent / "locale/ar/LC_MESSAGES/django.po",
    Path(django.__file__).parent / "contrib/admin/locale/ar/LC_MESSAGES/django.po",
]
# English that is the same in both interfaces (proper nouns, standards, codes); kept small.
# "English" is the language switch's name of that language, written in it on purpose.
ALLOWED = {"English", "Mizan", "IIIM", "BagIt", "SHA-256", "SHA-512", "CSV", "JSON", "PDF", "ID"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\{.*?\}\}|\{\w*\}")
SKIPPED_TAGS = {"script", "style", "code", "pre", "textarea", "title", "bdi"}
VOID_TAGS = {"input", "br", "img", "meta", "link", "hr", "source", "track", "wbr", "col"}


def _normal(text: str) -> str:
    return " ".join(text.split())


def english_of_the_catalogue() -> tuple[set[str], set[str]]:
    """(whole messages, phrases of messages with placeholders) that have an Arabic translation."""
    whole: set[str] = set()
    phrases: set[str] = set()
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)).translated_entries():
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                text = _normal(re.sub(r"<[^>]+>", " ", msgid))
                if not re.search(r"[A-Za-z]{3}", text) or text in ALLOWED:
                    continue
                if PLACEHOLDER.search(text):
                    parts = [_normal(p) for p in PLACEHOLDER.split(text)]
                    longest = max(parts, key=len)
                    if len(longest.split()) >= 3:
                        phrases.add(longest)
                else:
                    whole.add(text.casefold())
    return whole, phrases


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.skipping = 0
        self.stack: list[bool] = []
        self.nodes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            self.handle_startendtag(tag, attrs)
            return
        user_text = ("dir", "auto") in attrs
        self.stack.append(tag in SKIPPED_TAGS or user_text)
        if tag in SKIPPED_TAGS or user_text:
            self.skipping += 1
        self._attributes(attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(attrs)

    def _attributes(self, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            return
        for name, value in attrs:
            # What a user reads or hears without it being text: labels, placeholders, titles.
            if name in ("placeholder", "title", "aria-label", "alt") and value:
                self.nodes.append(_normal(value))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not self.stack:
            return
        if self.stack.pop() and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.nodes.append(_normal(data))


def untranslated(html: str, whole: set[str], phrases: set[str]) -> list[str]:
    parser = _Text()
    parser.feed(html)
    found = []
    for node in parser.nodes:
        if node.casefold() in whole:
            found.append(node)
        elif len(node) > 12:
            found.extend(phrase for phrase in phrases if phrase in node)
    return found


@pytest.mark.django_db
def test_no_english_of_the_catalogue_in_the_arabic_interface(
    viewer: Any, documenter_a: Any, documenter_b: Any, administrator: Any, sites: Any, team_a: Any
) -> None:
    populate(sites, team_a)
    whole, phrases = english_of_the_catalogue()
    users = {
        "anonymous": None,
        "viewer": viewer,
        "documenter_a": documenter_a,
        "documenter_b": documenter_b,
        "administrator": administrator,
    }
    clients = {p: signed_in(users[p], language="ar") for p in PERSONAS}
    failures: dict[str, list[str]] = {}
    for name, (kwargs_for, expectations) in MATRIX.items():
        url = reverse(name, kwargs=kwargs_for(sites) if kwargs_for else None)
        for persona in PERSONAS:
            if expectations[persona] != 200:
                continue
            response = clients[persona].get(url)
            if "text/html" not in response.get("Content-Type", ""):
                continue
            for text in untranslated(response.content.decode(), whole, phrases):
                failures.setdefault(text, []).append(f"{name} as {persona}")
    report = [f"{text!r} on {', '.join(sorted(set(at))[:3])}" for text, at in failures.items()]
    assert not report, "English in the Arabic interface:\n" + "\n".join(sorted(report))


def test_the_check_finds_english_and_ignores_user_data() -> None:
    whole, phrases = english_of_the_catalogue()
    page = (
        "<p>Persons</p><p><bdi>Samer Persons</bdi></p><span title='Sign in'>x</span>"
        "<p>تم <bdi>report.pdf</bdi></p><script>var s = 'Persons';</script>"
    )
    assert untranslated(page, whole, phrases) == ["Persons", "Sign in"]
