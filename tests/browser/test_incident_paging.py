"""A reader pages through a long incident list with Next and Previous (keyset cursors) in
English and Arabic, the filters kept on every page."""

from __future__ import annotations

import re
from typing import Any

from mizan.accounts.services import user_create
from mizan.cases.models import Incident
from tests.browser.conftest import shot
from tests.browser.test_admin_journey import sign_in
from tests.conftest import PASSWORD


def test_next_and_previous_walk_the_list(page: Any, live_server: Any) -> None:
    user_create(actor=None, username="vera", password=PASSWORD, role="viewer")
    Incident.objects.bulk_create(
        [
            Incident(
                reference=f"P-{n:03d}",
                title_en=f"Paged incident {n}",
                title_ar=f"حادثة للتصفح {n}",
                sensitivity=1,
                sort_key=f"2013-{1 + n % 12:02d}",
            )
            for n in range(120)
        ]
    )

    def follow(page: Any, selector: str) -> None:
        # Read the table of the page the link leads to, not the one still on screen.
        with page.expect_navigation(wait_until="load"):
            page.click(selector)

    sign_in(page, live_server.url, "vera")
    page.wait_for_url(re.compile(r".*/$"))
    for language in ("en", "ar"):
        page.context.add_cookies(
            [{"name": "mizan_language", "value": language, "url": live_server.url}]
        )
        page.goto(f"{live_server.url}/cases/incidents/?q=P-")
        first = page.locator("tbody tr td:first-child a").all_inner_texts()
        assert len(first) == 50
        follow(page, "a[rel=next]")
        assert "after=" in page.url and "q=P-" in page.url
        second = page.locator("tbody tr td:first-child a").all_inner_texts()
        assert len(second) == 50 and not set(first) & set(second)
        follow(page, "a[rel=next]")
        third = page.locator("tbody tr td:first-child a").all_inner_texts()
        assert len(third) == 20 and page.locator("a[rel=next]").count() == 0
        shot(page, f"incident-list-last-page-{language}")
        follow(page, "a[rel=prev]")
        assert page.locator("tbody tr td:first-child a").all_inner_texts() == second
        follow(page, "a[rel=prev]")
        assert page.locator("tbody tr td:first-child a").all_inner_texts() == first
        assert page.locator("a[rel=prev]").count() == 0
