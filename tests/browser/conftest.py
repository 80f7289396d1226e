"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against a live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from mizan.core import audit_guard

CHROMIUM = os.environ.get("MIZAN_CHROMIUM", "/usr/bin/chromium")
# The flags this machine needs: no sandbox as root, and no background traffic to the internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long a step may wait for the page (an element, a navigation, an expect assertion). Steps
# normally take well under a second; on a loaded machine (CI runs the browser suite beside the
# PostgreSQL suite on two cores) a form whose request does real work in the request (OCR, a
# package, a PDF) was seen to take over 15 s. A generous bound only changes how long a broken
# test takes to fail.
TIMEOUT_MS = 60_000
SCREENSHOTS = Path(os.environ.get("MIZAN_SCREENSHOTS", "test-artifacts/screenshots"))


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (./mizan.sh test does)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)  # its own default is 5 s
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _audit_guard_lifted_for_flush(transactional_db: Any) -> Iterator[None]:
    """Live-server tests end with a flush (DELETE on every table); the audit log's triggers
    would refuse it. Reinstall them for the test, lift them only for the flush."""
    audit_guard.install(connection)
    yield
    audit_guard.remove(connection)


def submit(page: Any, selector: str, *, timeout: float | None = None) -> None:
    """Click what sends a form (or follows a link) and return once the page it leads to has
    loaded.

    A bare ``page.click`` can return before the answer arrives; the next read then sees the old
    page, or a new one still being parsed. ``wait_for_url`` does not help when the answer has
    the same address (a refused form re-rendered, a redirect back to the page the form is on):
    it returns at once. Waiting for the navigation itself works in every case.
    """
    with page.expect_navigation(wait_until="load", timeout=timeout):
        page.click(selector, timeout=timeout)


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
