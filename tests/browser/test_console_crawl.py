"""Every page of the route matrix in real Chromium: no console error (a Content-Security-Policy
violation is one), no uncaught script error and no resource answering 404.

Each route is opened once, as the first persona the matrix lets in (administrator first: the
fullest page), in Arabic — the language with the most to get wrong — to keep the run short.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from tests.browser.conftest import TIMEOUT_MS
from tests.conftest import signed_in
from tests.test_route_matrix import MATRIX, populate

ORDER = ("administrator", "documenter_a", "viewer", "documenter_b", "anonymous")


def test_no_console_error_or_missing_resource_on_any_page(  # type: ignore[no-untyped-def]
    browser, live_server, viewer, documenter_a, documenter_b, administrator, sites, team_a
) -> None:
    populate(sites, team_a)
    users = {
        "administrator": administrator,
        "documenter_a": documenter_a,
        "viewer": viewer,
        "documenter_b": documenter_b,
    }
    contexts: dict[str, Any] = {}
    for persona in ORDER:
        context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 860})
        context.set_default_timeout(TIMEOUT_MS)
        cookies = [{"name": "mizan_language", "value": "ar", "url": live_server.url}]
        if persona in users:
            client = signed_in(users[persona])
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            cookies.append(
                {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
            )
        context.add_cookies(cookies)
        contexts[persona] = context
    problems: list[str] = []
    for name, (kwargs_for, expectations) in MATRIX.items():
        persona = next((p for p in ORDER if expectations[p] == 200), None)
        if persona is None:
            continue
        url = reverse(name, kwargs=kwargs_for(sites) if kwargs_for else None)
        page = contexts[persona].new_page()
        seen: list[str] = []
        page.on(
            "console",
            lambda msg, seen=seen: (
                seen.append(f"console: {msg.text}") if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda exc, seen=seen: seen.append(f"script: {exc}"))
        page.on(
            "response",
            lambda r, seen=seen: seen.append(f"404: {r.url}") if r.status == 404 else None,
        )
        try:
            response = page.goto(live_server.url + url, wait_until="load")
            if response is not None and "text/html" in (response.headers.get("content-type") or ""):
                page.wait_for_timeout(50)
            else:
                seen.clear()  # a download or a file: no page to judge
        except Exception as exc:  # a download aborts navigation; that is not a page's error
            if "Download" not in str(exc) and "ERR_ABORTED" not in str(exc):
                seen.append(f"navigation: {exc}")
        page.close()
        problems += [f"{name} as {persona}: {line}" for line in dict.fromkeys(seen)]
    for context in contexts.values():
        context.close()
    assert not problems, "\n".join(problems[:60])
