"""The leak crawl: every persona, in Arabic and in English, reads every page it can reach and
types the canaries of records out of its reach into every search box; no canary above its
clearance or outside its team may come back (see docs/architecture.md, "Threat model — the leak
crawl")."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from tests.conftest import signed_in
from tests.security.crawler import Crawl
from tests.security.seed import PERSONAS, World, seed_world

LANGUAGES = ("en", "ar")


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """One seeded database for every persona and language, rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield seed_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# What a persona must be able to open to read a kind of record (the public library needs none).
KIND_PERMISSION = {
    "Person": "cases.view_person",
    "Incident": "cases.view_incident",
    "Unit": "cases.view_organisation",
    "Source": "cases.view_source",
    "CaseFile": "cases.view_casefile",
    "Site": "core.view_site",
    "MissingPerson": "missing.view_missingperson",
    "Relative": "missing.view_missingperson",
    "FamilyReport": "missing.view_missingperson",
    "FamilyContact": "missing.view_missingperson",
    "SourceList": "missing.view_sourcelist",
    "SourceRecord": "missing.view_sourcelist",
    "GraveDocument": "missing.view_gravedocument",
    "Item": "evidence.view_item",
    "Document": "library.view_document",
    "Activity": "activities.view_activity",
    "Participant": "activities.view_activity",
    "Submission": "accountability.view_submission",
    "Proceeding": "accountability.view_proceeding",
}
# Patterns that must have answered 200: a crawl that reaches nothing proves nothing.
MIN_PATTERNS = {"anonymous": 6, "administrator": 50}
MIN_PATTERNS_SIGNED_IN = 30


# A canary read where it belongs: the administrator sees the restricted victim's name on the
# victim's page, team A's documenter the title of team A's incident on its page, the public the
# public document's title on its public page.
RECORD_PAGES = {
    "administrator": [("Person victim R", "first_name_{script}", "cases:person_detail")],
    "documenter_a": [("Incident A", "title_{language}", "cases:incident_detail")],
    "legal_officer": [("Incident R", "title_{language}", "cases:incident_detail")],
    "anonymous": [("Document P", "title_{language}", "library:public_detail")],
}


def expected_records(world: World, persona: str) -> set[str]:
    """Every seeded record of which the persona may read at least one canary, and which its
    role lets it open."""
    who = world.personas[persona]
    expected = set()
    for canary in [*world.canaries.values(), *world.literals.values()]:
        kind = canary.record.split(" ", 1)[0]
        public = canary.rule.level == 0 and kind == "Document"
        if canary.rule.allows(who) and (public or KIND_PERMISSION[kind] in who.perms):
            expected.add(canary.record)
    return expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_leak_crawl(world: World, persona: str, language: str) -> None:
    who = world.personas[persona]
    crawl = Crawl(
        world,
        who,
        language,
        signed_in(who.user, language=language),
        rotation=list(PERSONAS).index(persona),
    )
    started = time.monotonic()
    crawl.run()
    elapsed = time.monotonic() - started
    print(
        f"\n{persona}/{language}: {crawl.requests} requests, {len(crawl.answered)} patterns "
        f"answered, {len(crawl.forms)} forms, kinds {crawl.kinds}, {len(crawl.seen)} allowed "
        f"canaries seen, {elapsed:.1f}s"
    )
    failures = sorted({str(leak) for leak in crawl.leaks})

    # The crawl is not fooled by reaching nothing: it read the records this persona may read,
    # on the pages where they belong, and many kinds of page answered.
    seen_records = {world.canary(key).record for key in crawl.seen}
    unseen = expected_records(world, persona) - seen_records
    if unseen:
        failures.append(f"NOT SEEN as {persona} ({language}): records it may read {sorted(unseen)}")
    for record, field_name, page in RECORD_PAGES.get(persona, ()):
        # Pages show the field of the reader's language (title_ar in Arabic).
        script = "ar" if language == "ar" else "lat"
        field = field_name.format(language=language, script=script)
        (key,) = [k for k, c in world.canaries.items() if c.record == record and c.field == field]
        url = reverse(page, kwargs={"pk": world.records[record].pk})
        if url not in crawl.seen.get(key, set()):
            failures.append(f"NOT SEEN as {persona} ({language}): {record}.{field} on {url}")
    minimum = MIN_PATTERNS.get(persona, MIN_PATTERNS_SIGNED_IN)
    if len(crawl.answered) < minimum:
        failures.append(
            f"TOO LITTLE as {persona} ({language}): {len(crawl.answered)} patterns answered "
            f"200, fewer than {minimum}: {sorted(crawl.answered)}"
        )
    assert not failures, "\n".join(failures)
