"""The layout at the widths people use: the top bar stays one row at 1280 px in Arabic and
English for the user with the most links (an administrator); pages fit a 390 px phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from tests.browser.conftest import TIMEOUT_MS, shot
from tests.conftest import signed_in


def _signed_in_context(browser: Any, live_server: Any, user: Any, language: str, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    session = signed_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url},
            {"name": "mizan_language", "value": language, "url": live_server.url},
        ]
    )
    return context


@pytest.mark.parametrize("language", ["ar", "en"])
def test_top_bar_is_one_row_at_1280(
    browser: Any, live_server: Any, administrator: Any, language: str
) -> None:
    context = _signed_in_context(browser, live_server, administrator, language, 1280)
    page = context.new_page()
    page.goto(live_server.url + "/")
    brand = page.locator(".navbar-brand").bounding_box()
    bar = page.locator("nav.mizan-navbar").bounding_box()
    # Every link, button and the sign-out form: one line each, all on the bar's one row.
    tops = page.eval_on_selector_all(
        "nav.mizan-navbar .nav-link, nav.mizan-navbar .btn, nav.mizan-navbar .lang-switch button",
        """els => els.filter(e => e.offsetParent).map(e => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.bottom)));
            return [e.getBoundingClientRect().top, lines.size, e.textContent.trim()];
        })""",
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    shot(page, f"top-bar-1280-{language}")
    context.close()
    assert overflow <= 0, f"the page is {overflow} px wider than the window"
    assert bar["height"] < brand["height"] * 1.9 + 16, (bar, brand)
    for top, lines, text in tops:
        assert lines == 1, f"{text!r} breaks over {lines} lines"
        assert abs(top - tops[0][0]) < 20, f"{text!r} is on another row"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_start_page_fits_a_phone(
    browser: Any, live_server: Any, administrator: Any, language: str
) -> None:
    context = _signed_in_context(browser, live_server, administrator, language, 390)
    page = context.new_page()
    page.goto(live_server.url + "/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    shot(page, f"start-390-{language}")
    context.close()
    assert overflow <= 0


def test_place_picker_filters_as_one_types(
    browser: Any, live_server: Any, documenter_a: Any
) -> None:
    context = _signed_in_context(browser, live_server, documenter_a, "ar", 1280)
    page = context.new_page()
    page.goto(live_server.url + "/cases/incidents/new/")
    select = page.locator('select[name="place"]')
    total = select.locator("option").count()
    page.locator("input.place-search").first.fill("دمشق")
    visible = select.evaluate("s => [...s.options].filter(o => !o.hidden && o.value).length")
    shot(page, "place-picker-ar")
    context.close()
    assert 0 < visible < total
