"""Accepting a pair whose records already have registry files merges the files: the officer is
told so, the merged file points to the kept one, and the kept file holds both histories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mizan.accounts.models import User
from mizan.accounts.services import user_create
from mizan.core.models import Team
from mizan.missing import review, services
from mizan.missing.models import CandidatePair, MissingPerson, SourceRecord
from tests.browser.conftest import shot, submit
from tests.browser.test_admin_journey import enrol, sign_in
from tests.conftest import PASSWORD
from tests.missing.test_review import FAMILIES, UN_LIST, make_list


def test_accepting_across_two_files_merges_them(
    page: Any, live_server: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team.objects.create(slug="missing-registry", name_en="Registry", name_ar="السجل")
    officer = user_create(
        actor=None, username="mona", password=PASSWORD, role="missing_persons_officer", teams=[team]
    )
    officer = User.objects.get(pk=officer.pk)
    make_list(officer, tmp_path, "Families", FAMILIES)
    make_list(officer, tmp_path, "UN list", UN_LIST)
    review.matching_run_execute(review.matching_run_start(actor=officer).pk)
    files = []
    for record_id, name in (("F-1", "محمد"), ("U-1", "Mohammad")):
        record = SourceRecord.objects.get(record_id=record_id)
        file = services.missing_person_create(
            actor=officer,
            data={"team": team},
            person_data={"first_name_ar" if record_id == "F-1" else "first_name_lat": name},
        )
        SourceRecord.objects.filter(pk=record.pk).update(person=file.person)
        services.status_change_record(
            actor=officer,
            missing_person=file,
            status="detained" if record_id == "F-1" else "released",
            source_description=f"told by the family ({record_id})",
        )
        files.append(file)
    kept, merged = files
    a, b = (SourceRecord.objects.get(record_id=r) for r in ("F-1", "U-1"))
    pair = CandidatePair.objects.get(record_a=min(a.pk, b.pk), record_b=max(a.pk, b.pk))
    base = live_server.url

    sign_in(page, base, "mona")
    page.wait_for_url("**/two-factor/setup/**")
    enrol(page)
    page.goto(f"{base}/missing/review/{pair.pk}/")
    # The decision's answer is under /missing/review/ too: wait for it, not for the address.
    submit(page, "button[value=accepted]")
    page.wait_for_url("**/missing/review/**")
    notice = page.locator(".alert-info[role=alert]").inner_text()
    assert merged.reference in notice and kept.reference in notice
    shot(page, "46-review-files-merged-en")

    merged.refresh_from_db()
    assert merged.merged_into_id == kept.pk
    sources = set(kept.status_changes.values_list("source_description", flat=True))
    assert {"told by the family (F-1)", "told by the family (U-1)"} <= sources
    assert not merged.status_changes.exists()

    page.goto(f"{base}/missing/{merged.pk}/")
    assert kept.reference in page.inner_text("#merged-notice")
    assert page.locator("text=Edit the file").count() == 0
    shot(page, "47-merged-file-en")
    page.click("#merged-notice a")
    page.wait_for_url(f"**/missing/{kept.pk}/")
    timeline = page.inner_text("main")
    assert "told by the family (F-1)" in timeline and "told by the family (U-1)" in timeline

    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": base}])
    page.goto(f"{base}/missing/{merged.pk}/")
    assert "دُمج هذا الملف" in page.inner_text("#merged-notice")
    shot(page, "48-merged-file-ar")
    page.goto(f"{base}/missing/")
    listed = page.inner_text("main")
    assert kept.reference in listed and merged.reference not in listed
    assert MissingPerson.objects.filter(merged_into__isnull=True).count() == 1
