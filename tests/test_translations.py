"""The Arabic translation is complete for every screen, and the compiled catalogue is current."""

from __future__ import annotations

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.urls import reverse

import mizan

LOCALE = Path(mizan.__file__).parent / "locale"
PO = LOCALE / "ar" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "ar" / "LC_MESSAGES" / "django.mo"


def test_every_message_is_translated() -> None:
    catalogue = polib.pofile(str(PO))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:20]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:20]}"


def test_compiled_catalogue_matches_the_po_file() -> None:
    compiled = gettext.GNUTranslations(MO.open("rb"))
    catalogue = polib.pofile(str(PO))
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            # Arabic has six plural forms: compare every count's form with the .po file's.
            for n in (0, 1, 2, 3, 11, 100):
                form = compiled.plural(n)  # type: ignore[attr-defined]
                assert (
                    compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                    == (entry.msgstr_plural[form])
                ), (entry.msgid, n)
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.skipif(
    shutil.which("xgettext") is None,
    reason="gettext is not installed (./mizan.sh test installs it)",
)
def test_no_string_in_the_code_is_missing_from_the_catalogue(tmp_path: Path) -> None:
    copy = tmp_path / "mizan"
    shutil.copytree(
        Path(mizan.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__", "static")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "ar",
            "--no-obsolete",
            "--no-location",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/ar/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in polib.pofile(str(PO)) if not e.obsolete}
    assert not fresh - known, f"run makemessages: new strings {sorted(fresh - known)[:20]}"


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left(client) -> None:  # type: ignore[no-untyped-def]
    client.cookies["mizan_language"] = "ar"
    body = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "bootstrap.rtl.min.css" in body
    client.cookies["mizan_language"] = "en"
    body = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en" dir="ltr">' in body


def test_one_spelling_for_english_month_names_and_the_locker() -> None:
    """«الإنكليزية» with «كانون الأول» (Levantine), never «الإنجليزية» or «ديسمبر» beside them;
    the evidence locker is «خزانة الأدلة», never «خزنة»."""
    catalogue = polib.pofile(str(PO))
    text = "\n".join(entry.msgstr + "".join(entry.msgstr_plural.values()) for entry in catalogue)
    for other in ("الإنجليزية", "بالإنجليزية", "الإنجليزي", "يناير", "ديسمبر", "أكتوبر", "خزنة"):
        assert other not in text, other
