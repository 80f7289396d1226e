"""A documenter adds files to the evidence locker in a real browser, survives a dropped
connection and a reload mid-upload, opens the item and verifies it — in Arabic."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from mizan.accounts.services import user_create
from mizan.evidence.models import Item, Upload
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import PASSWORD, enrol, sign_in


def _documenter(page: Any, live_server: Any) -> None:
    user_create(actor=None, username="rana", password=PASSWORD, role="documenter")
    sign_in(page, live_server.url, "rana")
    page.wait_for_url("**/security/two-factor/setup/**")
    enrol(page)
    page.wait_for_url(f"{live_server.url}/")


def test_upload_resumes_after_dropped_connection_and_reload(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    _documenter(page, live_server)
    page.on("dialog", lambda dialog: dialog.accept())  # "uploads are still running; leave?"
    big = tmp_path / "video-evidence.bin"
    big.write_bytes(os.urandom(9 * 1024 * 1024))  # two chunks of at most 8 MiB
    note = tmp_path / "شهادة.txt"
    note.write_text("synthetic testimony\n", encoding="utf-8")

    blocked = {"on": True, "aborted": 0}

    def second_chunk(route: Any) -> None:
        if blocked["on"] and "offset=0" not in route.request.url:
            blocked["aborted"] += 1
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/evidence/uploads/*/?offset=*", second_chunk)
    page.goto(f"{live_server.url}/evidence/upload/")
    page.select_option("#id_sensitivity", "2")
    page.set_input_files("#evidence-files", [str(big)])
    page.wait_for_selector(".upload-status.text-warning")  # "connection lost; trying again"
    assert blocked["aborted"] >= 1
    upload = Upload.objects.get()
    assert upload.received == 8 * 1024 * 1024 and upload.item is None

    # The browser is reloaded mid-upload; the connection is back; the same file is added again.
    page.reload()
    blocked["on"] = False
    page.set_input_files("#evidence-files", [str(big), str(note)])
    expect(page.locator(".upload-status a")).to_have_count(2, timeout=60000)
    shot(page, "20-evidence-upload-en")
    assert Upload.objects.count() == 2  # the big file continued its first upload
    item = Item.objects.get(filename="video-evidence.bin")
    assert item.sha256 == hashlib.sha256(big.read_bytes()).hexdigest()
    assert item.custody_events.get().action == "ingest"

    # The Arabic item page: preview, custody history, verify.
    text_item = Item.objects.get(filename="شهادة.txt")
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    page.goto(f"{live_server.url}/evidence/items/{text_item.reference}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    submit(page, "#verify-item")  # back to the item's page, read whole (.custody-event count)
    page.wait_for_selector(".alert-success")
    assert "تم التحقق" in page.inner_text(".alert-success")
    assert text_item.custody_events.filter(action="fixity", details__ok=True).exists()
    assert page.locator(".custody-event").count() >= 3  # ingest, view (preview), fixity
    shot(page, "21-evidence-item-ar")
