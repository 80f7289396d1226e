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
        f"\n{persona}/{language}: {crawl.requests} requests, {len(crawl.patterns)} patterns, "
        f"{len(crawl.forms)} forms, kinds {crawl.kinds}, {len(crawl.seen)} allowed canaries seen, "
        f"{elapsed:.1f}s\n{[(k, crawl.by_pattern[k], round(v, 1)) for k, v in sorted(crawl.timing.items(), key=lambda kv: -kv[1])][:15]}"
    )
    print("ANSWERED", persona, language, len(crawl.answered), sorted(crawl.answered))
    print("SEENREC", persona, language, sorted({world.canary(k).record for k in crawl.seen}))
    assert not crawl.leaks, "\n".join(sorted({str(leak) for leak in crawl.leaks}))
