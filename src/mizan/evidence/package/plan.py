"""A package's plan: everything it holds except the originals' bytes, decided before anything is
written.

The items (:class:`PackageItem`) and their payload paths, the checks of the caller's input (a
package that :func:`~mizan.evidence.package.verify.verify_package` would reject is never built),
``summary.json``, the custody events as they travel, ``bag-info.txt``, the bilingual README and
the HOW-TO-OPEN note beside an encrypted package. :mod:`.build` writes what the plan says.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mizan.evidence.chain import FIELDS, canonical, item_heads, verify_events
from mizan.evidence.package.layout import (
    EVENTS_PATH,
    FORMAT,
    ITEMS_DIR,
    SUMMARY_PATH,
    SUMMARY_PDF_PATH,
    PackageError,
)
from mizan.evidence.package.names import safe_filename
from mizan.evidence.package.verify import _first_event_problems
from mizan.evidence.signing import SigningKey

_ITEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class PackageItem:
    """One original to hand over, with the digests and size recorded at ingest."""

    item_id: str  # e.g. "EV-2026-000012"
    filename: str  # the name as uploaded; neutralised by safe_filename() for the path
    sha256: str
    sha512: str
    size: int
    open: Callable[[], Iterator[bytes]]  # yields the plaintext in chunks
    metadata: Mapping[str, Any] = field(default_factory=dict)  # JSON-able


def _item_paths(items: Sequence[PackageItem]) -> dict[str, str]:
    """Payload path of every item, ``data/items/<item id>/<safe name>``, unique even on file
    systems that ignore case or normalise Unicode (macOS, Windows)."""
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for item in items:
        if not _ITEM_ID.fullmatch(item.item_id):
            raise PackageError(
                f"item id {item.item_id!r} is not a safe name (letters, digits, .-_)"
            )
        if item.item_id in paths:
            raise PackageError(f"item {item.item_id} is listed twice")
        name = safe_filename(item.filename)
        path = f"{ITEMS_DIR}/{item.item_id}/{name}"
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        n = 1
        while unicodedata.normalize("NFC", path).casefold() in taken:
            n += 1
            path = f"{ITEMS_DIR}/{item.item_id}/{stem} ({n}){'.' + ext if ext else ''}"
        taken.add(unicodedata.normalize("NFC", path).casefold())
        paths[item.item_id] = path
    return paths


# --- checks of the caller's input -------------------------------------------------------------


def _check_input(items: Sequence[PackageItem], events: Sequence[Mapping[str, Any]]) -> None:
    """Refuse to build a package that verify_package would reject for its custody events."""
    problems = [str(p) for p in verify_events(events, whole_log=False)]
    ids = {item.item_id for item in items}
    first: dict[str, Mapping[str, Any]] = {}
    for event in events:
        item_id = str(event.get("item"))
        if item_id not in ids:
            problems.append(f"event {event.get('seq')} is about item {item_id}, not in the package")
        first.setdefault(item_id, event)
    for item in items:
        for name, value, length in (("sha256", item.sha256, 64), ("sha512", item.sha512, 128)):
            if not isinstance(value, str) or not re.fullmatch(f"[0-9a-f]{{{length}}}", value):
                problems.append(f"item {item.item_id}: {name} {value!r} is not a lowercase digest")
        if not isinstance(item.size, int) or item.size < 0:
            problems.append(f"item {item.item_id}: size {item.size!r} is not a byte count")
        problems.extend(_first_event_problems(item.item_id, item.sha256, first.get(item.item_id)))
    if problems:
        raise PackageError("the package was not built:\n" + "\n".join(f"  - {p}" for p in problems))


# --- contents ---------------------------------------------------------------------------------


@dataclass
class _Plan:
    """Everything a package holds except the originals' bytes, decided before anything is
    written."""

    created_at: datetime
    name: str
    items: Sequence[PackageItem]
    paths: dict[str, str]
    summary_json: bytes
    events_jsonl: bytes
    summary_pdf: bytes | None
    public_pem: bytes
    fingerprint: str
    bag_info: dict[str, str]
    readme: bytes

    def small_payload(self) -> dict[str, bytes]:
        files = {SUMMARY_PATH: self.summary_json, EVENTS_PATH: self.events_jsonl}
        if self.summary_pdf is not None:
            files[SUMMARY_PDF_PATH] = self.summary_pdf
        return files

    def payload_size(self) -> tuple[int, int]:
        small = self.small_payload()
        total = sum(len(b) for b in small.values()) + sum(i.size for i in self.items)
        return total, len(small) + len(self.items)


def _tag_value(text: str) -> str:
    """One line of a bag-info.txt value: no control characters, no surrounding space."""
    return " ".join(
        "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Zl", "Zp")).split()
    )


def _plan(
    out_dir: Path,
    *,
    items: Sequence[PackageItem],
    events: Sequence[Mapping[str, Any]],
    summary: Mapping[str, Any],
    summary_pdf: bytes | None,
    signing_key: SigningKey,
    organisation: str,
    recipient: str,
    created_at: datetime,
) -> _Plan:
    if not items:
        raise PackageError("a package needs at least one item")
    paths = _item_paths(items)
    _check_input(items, events)
    # Only the chain's fields travel: whatever else the caller's rows carry stays home.
    sealed = [{k: e.get(k) for k in (*FIELDS, "hash")} for e in events]
    heads = item_heads(sealed)
    counts: dict[str, int] = {}
    last_seq: dict[str, Any] = {}
    for e in sealed:
        counts[str(e["item"])] = counts.get(str(e["item"]), 0) + 1
        last_seq[str(e["item"])] = e.get("seq")
    key_fingerprint = signing_key.fingerprint
    stamp = created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = {
        "format": FORMAT,
        "created_at": stamp,
        "organisation": organisation,
        "recipient": recipient,
        "signing_key_fingerprint": key_fingerprint,
        "summary": summary,
        "summary_pdf": SUMMARY_PDF_PATH if summary_pdf is not None else None,
        "custody_events": {
            "path": EVENTS_PATH,
            "count": len(sealed),
            "format": "mizan.evidence.chain: hash = SHA-256 of the canonical JSON of seq, item,"
            " action, actor, at, details, prev, item_prev (sorted keys, compact, UTF-8)",
        },
        "items": [
            {
                "item_id": item.item_id,
                "original_filename": item.filename,
                "path": paths[item.item_id],
                "size": item.size,
                "sha256": item.sha256,
                "sha512": item.sha512,
                "metadata": item.metadata,
                "custody": {
                    "events": counts.get(item.item_id, 0),
                    "last_event_seq": last_seq.get(item.item_id),
                    "last_event_hash": heads.get(item.item_id),
                },
            }
            for item in items
        ],
    }
    try:
        summary_json = (
            json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        ).encode()
        events_jsonl = b"".join(canonical(e) + b"\n" for e in sealed)
    except (TypeError, ValueError) as exc:
        raise PackageError(
            f"the summary, an item's metadata or a custody event is not JSON: {exc}"
        ) from None
    name = safe_filename(out_dir.name, fallback="package")
    total, count = sum(len(b) for b in (summary_json, events_jsonl, summary_pdf or b"")), 2
    total += sum(i.size for i in items)
    count += len(items) + (summary_pdf is not None)
    import bagit  # here, not at module level: verify-package's start-up stays light

    bag_info = {
        "Source-Organization": _tag_value(organisation),
        "Recipient": _tag_value(recipient),
        "External-Description": _tag_value(
            f"Evidence handover package: {len(items)} items with their custody events"
        ),
        "External-Identifier": name,
        "Bagging-Date": created_at.astimezone(UTC).strftime("%Y-%m-%d"),
        "Mizan-Created-At": stamp,
        "Mizan-Package-Format": FORMAT,
        "Mizan-Signing-Key-Fingerprint": key_fingerprint,
        "Bag-Software-Agent": f"Mizan (mizan.evidence.package) with bagit.py v{bagit.VERSION}",
        "Payload-Oxum": f"{total}.{count}",
    }
    plan = _Plan(
        created_at=created_at,
        name=name,
        items=items,
        paths=paths,
        summary_json=summary_json,
        events_jsonl=events_jsonl,
        summary_pdf=summary_pdf,
        public_pem=signing_key.public_pem,
        fingerprint=key_fingerprint,
        bag_info=bag_info,
        readme=b"",
    )
    plan.readme = _readme(plan).encode()
    return plan


def _readme(plan: _Plan) -> str:
    fp = plan.fingerprint
    n_items = len(plan.items)
    info = plan.bag_info
    return f"""\
EVIDENCE HANDOVER PACKAGE / حزمة تسليم أدلة
==========================================

From (organisation):  {info["Source-Organization"]}
To (recipient):       {info["Recipient"]}
Created:              {info["Mizan-Created-At"]}
Items:                {n_items}
Signing key SHA-256 fingerprint (compare it with the one the organisation gave you
through another channel; this file alone cannot prove it):
    {fp}

This directory is a BagIt bag (RFC 8493). It holds the original files exactly as they were
received (data/items/<item id>/<file>), a summary (data/summary.json and, when present,
data/summary.pdf) and the chain-of-custody events of every item (data/custody-events.jsonl).
Every file is listed with its SHA-256 and SHA-512 in manifest-sha256.txt and
manifest-sha512.txt; those manifests and the other tag files are listed in
tagmanifest-sha256.txt, which the organisation signed with its Ed25519 key
(tagmanifest-sha256.txt.sig, public key in public-key.pem).

HOW TO VERIFY (run the commands inside this directory)

1. Check that the key is the organisation's:
       openssl pkey -pubin -in public-key.pem -outform DER | sha256sum
   The printed value must equal the fingerprint the organisation gave you separately
   (letter, phone call, its website). If it differs, stop: the package is not theirs.

2. Check the signature over the tag manifest (OpenSSL 3.0 or later):
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
           -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
   Expected: "Signature Verified Successfully".

3. Check every file against the signed manifests, with the Library of Congress BagIt tool
   (pip install bagit):
       bagit.py --validate .
   Expected: ". is valid". Without Python, with GNU coreutils:
       sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt
       sha512sum -c manifest-sha512.txt
   (then also check that data/ holds no file the manifests do not list).

4. Everything above plus the chain of custody (each event's hash, each item's unbroken chain
   from its ingest, the last event of each item, every file accounted for), with Mizan, which
   is free software (AGPL); this command needs no database and no Mizan data or settings:
       mizan verify-package . --fingerprint {fp}
   Expected: "verified" and exit status 0; otherwise one line per problem. Without
   --fingerprint it says "signature consistent but signer not confirmed" and exits with
   status 3: that is not a verification, since a forger's package with a new key says the same.

Custody events: one JSON object per line. An event's "hash" is the SHA-256 of the compact JSON
(keys sorted, UTF-8) of its fields seq, item, action, actor, at, details, prev, item_prev;
"item_prev" is the hash of the same item's previous event (64 zeros for its ingest), so no
event of an item can be removed, added or changed without breaking the chain. summary.json
records each item's last event hash, so removing events from the end is detected too.

------------------------------------------------------------------------------------------

الجهة المرسِلة:        {info["Source-Organization"]}
الجهة المستلِمة:       {info["Recipient"]}
تاريخ الإنشاء:         {info["Mizan-Created-At"]}
عدد الأدلة:            {n_items}
بصمة مفتاح التوقيع (SHA-256) — قارنوها بالبصمة التي أرسلتها لكم المنظمة عبر قناة أخرى،
فهذا الملف وحده لا يثبتها:
    {fp}

هذا المجلد حزمة BagIt (المعيار RFC 8493). يضم الملفات الأصلية كما استُلمت تماماً
(data/items/<رقم الدليل>/<الملف>)، وملخصاً (data/summary.json و data/summary.pdf إن وُجد)،
وسجل سلسلة العهدة لكل دليل (data/custody-events.jsonl). كل ملف مُدرج مع بصمتيه SHA-256 و
SHA-512 في manifest-sha256.txt و manifest-sha512.txt، وهذان الملفان وسائر ملفات الوصف مُدرجة
في tagmanifest-sha256.txt الذي وقّعته المنظمة بمفتاحها Ed25519
(التوقيع في tagmanifest-sha256.txt.sig والمفتاح العام في public-key.pem).

طريقة التحقق (نفّذوا الأوامر من داخل هذا المجلد)

١. تأكدوا أن المفتاح مفتاح المنظمة:
       openssl pkey -pubin -in public-key.pem -outform DER | sha256sum
   يجب أن تطابق القيمة الناتجة البصمة التي أعطتكم إياها المنظمة بوسيلة منفصلة (رسالة،
   مكالمة، موقعها الإلكتروني). إن اختلفت فتوقفوا: الحزمة ليست منها.

٢. تحققوا من التوقيع على ملف الوصف (OpenSSL 3.0 أو أحدث):
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
           -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
   النتيجة المتوقعة: "Signature Verified Successfully".

٣. تحققوا من كل ملف مقابل القوائم الموقّعة بأداة BagIt من مكتبة الكونغرس (pip install bagit):
       bagit.py --validate .
   النتيجة المتوقعة: ". is valid". ومن دون بايثون، بأدوات GNU coreutils:
       sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt
       sha512sum -c manifest-sha512.txt
   (ثم تأكدوا أن المجلد data/ لا يضم ملفاً غير مُدرج في القوائم).

٤. كل ما سبق مع سلسلة العهدة (بصمة كل حدث، وتسلسل أحداث كل دليل دون انقطاع منذ استلامه،
   وآخر حدث لكل دليل، وأن كل ملف في الحزمة معروف المصدر) ببرنامج ميزان،
   وهو برنامج حر (AGPL)؛ لا يحتاج هذا الأمر قاعدة بيانات ولا بيانات ميزان أو إعداداته:
       mizan verify-package . --fingerprint {fp}
   النتيجة المتوقعة: "verified" ورمز خروج 0، وإلا سطر لكل مشكلة. ومن دون --fingerprint يطبع
   "signature consistent but signer not confirmed" وينتهي برمز 3: وهذا ليس تحققاً، لأن حزمة
   مزوّرة بمفتاح جديد تعطي النتيجة نفسها.

أحداث العهدة: كائن JSON في كل سطر. حقل "hash" في الحدث هو SHA-256 لنص JSON المضغوط (المفاتيح
مرتبة، UTF-8) لحقوله seq و item و action و actor و at و details و prev و item_prev؛ و"item_prev"
هو بصمة الحدث السابق للدليل نفسه (64 صفراً لحدث الاستلام)، فلا يمكن حذف حدث أو إضافته أو تعديله
دون كسر السلسلة. ويسجّل summary.json بصمة آخر حدث لكل دليل، فيُكشف حذف الأحداث من آخر السلسلة أيضاً.
"""


_HOW_TO_OPEN = """\
ENCRYPTED EVIDENCE HANDOVER PACKAGE / حزمة تسليم أدلة مشفّرة

{file} is encrypted with age (https://age-encryption.org) to your age public key
{recipient_key}
Decrypt and unpack it with your age identity (private key) file:
    age -d -i YOUR-IDENTITY.txt {file} | tar -x
then follow README.txt inside the directory {name}/ to verify it. Mizan can do both at once
without writing the package anywhere but a temporary directory:
    mizan verify-package --identity YOUR-IDENTITY.txt {file} --fingerprint {fp}

الملف {file} مشفّر بأداة age لمفتاحكم العام المذكور أعلاه. فكّوا تشفيره وافتحوه بملف مفتاحكم
الخاص:
    age -d -i YOUR-IDENTITY.txt {file} | tar -x
ثم اتبعوا التعليمات في README.txt داخل المجلد {name}/ للتحقق منه. ويمكن لميزان القيام بالأمرين معاً:
    mizan verify-package --identity YOUR-IDENTITY.txt {file} --fingerprint {fp}
"""
