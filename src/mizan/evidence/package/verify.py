"""The offline verifier: everything ``mizan verify-package`` runs, on a machine that has never
run Mizan.

Pure Python, no Django, no database, no Mizan data directory. It imports only
:mod:`.layout`, :mod:`mizan.evidence.chain` and :mod:`mizan.evidence.signing` (bagit and pyrage
inside the functions that need them), never the modules that build a package (:mod:`.names`,
:mod:`.plan`, :mod:`.build`): the import-linter contract "The offline package verifier imports
nothing that builds" in pyproject.toml checks it. The building side imports from here (a built
package is verified before it is kept; the first-event rule is the same on both sides).

What :func:`verify_package` checks (each failure is one sentence):

1. no ``fetch.txt``, no symbolic links, bag validity with bagit including every hash (payload and
   tag manifests), every payload file in both payload manifests, every tag file in the signed tag
   manifest;
2. the Ed25519 signature of ``tagmanifest-sha256.txt`` with the included ``public-key.pem``, and
   with ``expected_fingerprint`` that the key is the one the organisation published;
3. the custody events' chain (:func:`mizan.evidence.chain.verify_events`, per-item links), every
   event is about an item of the package, every item's first event is its ``ingest`` with the
   payload file's SHA-256, and ``summary.json``'s last event hash per item equals the last event
   present (so events removed from the end are detected as well as from the middle); the key
   named in ``summary.json`` and ``bag-info.txt`` is the included one;
4. every payload file is accounted for by ``summary.json`` and every item's file has the sizes and
   digests ``summary.json`` records.
"""

from __future__ import annotations

import json
import os
import re
import tarfile
import tempfile
import threading
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mizan.evidence.chain import item_heads, verify_events
from mizan.evidence.package.layout import (
    ALGORITHMS,
    EVENTS_PATH,
    FORMAT,
    PUBLIC_KEY_FILE,
    REQUIRED_TAG_FILES,
    SIGNATURE_FILE,
    SIGNED_FILE,
    SUMMARY_PATH,
    SUMMARY_PDF_PATH,
    PackageError,
)
from mizan.evidence.signing import fingerprint, verify_signature

_CHUNK = 1024 * 1024


# --- verification -----------------------------------------------------------------------------


def _read_manifest(path: Path) -> dict[str, str] | None:
    if not path.is_file():
        return None
    entries: dict[str, str] = {}
    # Damage is reported by the format check and bagit; read what can be read.
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, name = line.strip().partition(" ")
        entries[unicodedata.normalize("NFC", name.strip().lstrip("*"))] = digest.lower()
    return entries


# The path: no control character and no other line break anywhere in it (a line feed flipped
# into a vertical tab, 0x0a -> 0x0b, joins two lines that splitlines() would still split).
_MANIFEST_PATH = r"[^\x00-\x20\x7f-\x9f\u2028\u2029][^\x00-\x1f\x7f-\x9f\u2028\u2029]*"
_MANIFEST_LINE = {
    "sha256": re.compile(r"[0-9a-f]{64}  ?" + _MANIFEST_PATH),
    "sha512": re.compile(r"[0-9a-f]{128}  ?" + _MANIFEST_PATH),
}


def _manifest_format_problems(bag_dir: Path) -> list[str]:
    """Every manifest line exactly as Mizan (bagit) writes it: lowercase hex, one or two spaces,
    a path; lines end with a line feed. bagit itself is lenient (it ignores case and malformed
    lines), so without this a changed byte in the unsigned tagmanifest-sha512.txt could go
    unnoticed; with it, no byte of the package can change unseen."""
    problems: list[str] = []
    for kind in ("manifest", "tagmanifest"):
        for alg, pattern in _MANIFEST_LINE.items():
            path = bag_dir / f"{kind}-{alg}.txt"
            try:
                text = path.read_bytes().decode("utf-8")
            except FileNotFoundError:
                continue  # reported elsewhere
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"{path.name} cannot be read as UTF-8: {exc}")
                continue
            lines = text.split("\n")
            if lines[-1] != "":
                problems.append(f"{path.name} does not end with a line feed")
            for number, line in enumerate(lines[:-1], start=1):
                if not pattern.fullmatch(line):
                    problems.append(f"{path.name} line {number} is malformed")
    return problems


def _bag_problems(bag_dir: Path) -> list[str]:
    """bagit's validation, with hashes, turned into sentences."""
    import bagit

    try:
        bag = bagit.Bag(str(bag_dir))
    except (bagit.BagError, UnicodeDecodeError, OSError, ValueError) as exc:
        # bagit raises more than BagError on damaged tag files (invalid UTF-8 in bag-info.txt).
        return [f"the package is not a readable BagIt bag: {exc}"]
    problems: list[str] = []
    while True:
        try:
            bag.validate(processes=1, fast=False)
        except bagit.BagValidationError as exc:
            if "Payload-Oxum" in str(exc) and "Payload-Oxum" in bag.info:
                # bagit stops at the size and count summary; look at every file to name them.
                problems.append(
                    f"the payload's size or file count differs from bag-info.txt: {exc}"
                )
                del bag.info["Payload-Oxum"]
                continue
            return problems + (_bag_details(exc) or [f"bag validation failed: {exc}"])
        except (bagit.BagError, UnicodeDecodeError, OSError, ValueError) as exc:
            return [*problems, f"bag validation failed: {exc}"]
        return problems


def _bag_details(exc: Any) -> list[str]:
    import bagit

    problems: list[str] = []
    altered: dict[str, list[Any]] = {}
    for detail in exc.details or []:
        if isinstance(detail, bagit.ChecksumMismatch):
            altered.setdefault(detail.path, []).append(detail)
        elif isinstance(detail, bagit.UnexpectedFile):
            problems.append(f"{detail.path} is in the package but in no manifest (added)")
        elif isinstance(detail, bagit.FileMissing):
            problems.append(f"{detail.path} is listed in a manifest but missing (removed)")
        else:
            problems.append(str(detail))
    for path, mismatches in altered.items():
        first = min(mismatches, key=lambda d: d.algorithm)  # sha256 before sha512
        also = [d.algorithm for d in mismatches if d is not first]
        problems.append(
            f"{path} has been altered: its {first.algorithm} is {first.found}, the manifest says"
            f" {first.expected}" + (f" ({', '.join(also)} differs too)" if also else "")
        )
    return problems


def _structure_problems(bag_dir: Path) -> list[str]:
    problems: list[str] = []
    if (bag_dir / "fetch.txt").exists():
        problems.append(
            "fetch.txt is present: a handover package must hold all its files, never point to"
            " files elsewhere"
        )
    for directory, dirs, files in os.walk(bag_dir):
        for name in dirs + files:
            path = Path(directory) / name
            if path.is_symlink():
                problems.append(f"{path.relative_to(bag_dir)} is a symbolic link (not allowed)")
    tagmanifest = _read_manifest(bag_dir / SIGNED_FILE)
    if tagmanifest is None:
        return [*problems, f"{SIGNED_FILE} is missing"]
    for required in REQUIRED_TAG_FILES:
        if required not in tagmanifest:
            problems.append(f"{required} is not listed in the signed {SIGNED_FILE}")
    exempt = {SIGNATURE_FILE} | {f"tagmanifest-{alg}.txt" for alg in ALGORITHMS}
    for entry in sorted(os.listdir(bag_dir)):
        if entry == "data" or entry in exempt:
            continue
        if unicodedata.normalize("NFC", entry) not in tagmanifest:
            problems.append(f"{entry} is not listed in the signed {SIGNED_FILE} (added)")
    other = _read_manifest(bag_dir / "tagmanifest-sha512.txt")
    if other is None:
        problems.append("tagmanifest-sha512.txt is missing")
    elif set(other) != set(tagmanifest):
        problems.append("tagmanifest-sha512.txt does not list the same files as the signed one")
    payload = {alg: _read_manifest(bag_dir / f"manifest-{alg}.txt") for alg in ALGORITHMS}
    for alg, entries in payload.items():
        if entries is None:
            problems.append(f"manifest-{alg}.txt is missing")
    if payload["sha256"] is not None and payload["sha512"] is not None:
        for listed in sorted(set(payload["sha256"]) ^ set(payload["sha512"])):
            problems.append(f"{listed} is not listed in both payload manifests")
    return problems


def _signature_problems(bag_dir: Path, expected_fingerprint: str | None) -> list[str]:
    try:
        public_pem = (bag_dir / PUBLIC_KEY_FILE).read_bytes()
        signed = (bag_dir / SIGNED_FILE).read_bytes()
        signature = (bag_dir / SIGNATURE_FILE).read_bytes()
    except OSError as exc:
        return [f"cannot check the signature: {Path(str(exc.filename)).name} is missing"]
    try:
        actual = fingerprint(public_pem)
    except Exception:  # ValueError, or cryptography's UnsupportedAlgorithm for a damaged key
        return [f"{PUBLIC_KEY_FILE} is not an Ed25519 public key"]
    problems = []
    if not verify_signature(public_pem, signed, signature):
        problems.append(
            f"the signature {SIGNATURE_FILE} does not verify with {PUBLIC_KEY_FILE}:"
            f" {SIGNED_FILE} was changed after signing, or the key or signature was replaced"
        )
    if expected_fingerprint is not None:
        expected = re.sub(r"[^0-9a-f]", "", expected_fingerprint.lower())
        if actual != expected:
            problems.append(
                f"{PUBLIC_KEY_FILE} is not the expected key: its fingerprint is {actual},"
                f" expected {expected}"
            )
    return problems


def _read_bag_info(bag_dir: Path) -> dict[str, str]:
    info: dict[str, str] = {}
    try:
        text = (bag_dir / "bag-info.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return info
    for line in text.splitlines():
        name, colon, value = line.partition(":")
        if colon and not line[:1].isspace():
            info.setdefault(name.strip(), value.strip())
    return info


def _load_json(path: Path) -> tuple[Any, str | None]:
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, f"{path.name} is missing"
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"{path.name} is not valid JSON: {exc}"


def _custody_problems(bag_dir: Path) -> list[str]:
    summary, error = _load_json(bag_dir / SUMMARY_PATH)
    if error:
        return [f"data/{error}"]
    if not isinstance(summary, dict) or summary.get("format") != FORMAT:
        return [f"{SUMMARY_PATH} is not a Mizan package summary (format {FORMAT})"]
    problems: list[str] = []
    try:
        key_fingerprint = fingerprint((bag_dir / PUBLIC_KEY_FILE).read_bytes())
    except Exception:  # a missing or damaged key is reported by the signature check
        key_fingerprint = None
    info = _read_bag_info(bag_dir)
    for where, named in (
        (SUMMARY_PATH, summary.get("signing_key_fingerprint")),
        ("bag-info.txt", info.get("Mizan-Signing-Key-Fingerprint")),
    ):
        if key_fingerprint is not None and named != key_fingerprint:
            problems.append(
                f"{where} names the signing key {named}, but {PUBLIC_KEY_FILE} is {key_fingerprint}"
            )
    events: list[dict[str, Any]] = []
    try:
        raw = (bag_dir / EVENTS_PATH).read_bytes()
    except OSError:
        return [*problems, f"{EVENTS_PATH} is missing"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{EVENTS_PATH} is not valid UTF-8 ({exc.reason} at byte {exc.start})")
        text = raw.decode("utf-8", errors="replace")
    # Split on "\n" only: canonical JSON keeps U+2028, U+2029 and U+0085 unescaped inside
    # strings, and str.splitlines() would cut an event there.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"{EVENTS_PATH} line {number} is not a JSON object")
            continue
        if not isinstance(event, dict):
            problems.append(f"{EVENTS_PATH} line {number} is not a JSON object")
            continue
        events.append(event)
    problems += [f"custody {p}" for p in verify_events(events, whole_log=False)]
    manifest = _read_manifest(bag_dir / "manifest-sha256.txt") or {}
    manifest512 = _read_manifest(bag_dir / "manifest-sha512.txt") or {}
    items = summary.get("items")
    if not isinstance(items, list):
        return [*problems, f"{SUMMARY_PATH} lists no items"]
    first: dict[str, dict[str, Any]] = {}
    for event in events:
        first.setdefault(str(event.get("item")), event)
    heads = item_heads(events)
    accounted = {SUMMARY_PATH, EVENTS_PATH}
    if summary.get("summary_pdf"):
        accounted.add(SUMMARY_PDF_PATH)
    ids: set[str] = set()
    for entry in items:
        if not isinstance(entry, dict):
            problems.append(f"{SUMMARY_PATH} has an item that is not an object")
            continue
        item_id = str(entry.get("item_id"))
        ids.add(item_id)
        path = unicodedata.normalize("NFC", str(entry.get("path")))
        accounted.add(path)
        sha256 = str(entry.get("sha256"))
        if path not in manifest:
            problems.append(f"item {item_id}: its file {path} is not in the package")
        else:
            if manifest[path] != sha256:
                problems.append(
                    f"item {item_id}: {path} has SHA-256 {manifest[path]} in the manifest,"
                    f" {sha256} in {SUMMARY_PATH}"
                )
            if manifest512.get(path) != entry.get("sha512"):
                problems.append(
                    f"item {item_id}: {path} has another SHA-512 in the manifest than in"
                    f" {SUMMARY_PATH}"
                )
            size = (bag_dir / path).stat().st_size if (bag_dir / path).is_file() else None
            if size != entry.get("size"):
                problems.append(
                    f"item {item_id}: {path} is {size} bytes, {SUMMARY_PATH} says"
                    f" {entry.get('size')}"
                )
        # The ingest event must record the file that is really there (bagit checked the manifest).
        file_sha256 = manifest.get(path, sha256)
        problems += _first_event_problems(item_id, file_sha256, first.get(item_id))
        custody = entry.get("custody")
        if not isinstance(custody, dict):
            custody = {}
        expected_head = custody.get("last_event_hash")
        actual_head = heads.get(item_id)
        if actual_head is not None and expected_head != actual_head:
            last = next(e for e in reversed(events) if str(e.get("item")) == item_id)
            problems.append(
                f"item {item_id}: the last custody event present (event {last.get('seq')}) is not"
                f" the last one the package was made with (event {custody.get('last_event_seq')},"
                f" hash {expected_head}): events were removed from the end or changed"
            )
    for event in events:
        if str(event.get("item")) not in ids:
            problems.append(
                f"custody event {event.get('seq')} is about item {event.get('item')},"
                " which is not in the package"
            )
    for path in sorted(set(manifest) - accounted):
        problems.append(f"{path} is not accounted for by {SUMMARY_PATH} (added)")
    return problems


def _verify_directory(bag_dir: Path, expected_fingerprint: str | None) -> list[str]:
    if not bag_dir.is_dir():
        return [f"{bag_dir} is not a directory"]
    problems = _structure_problems(bag_dir)
    problems += _manifest_format_problems(bag_dir)
    problems += _signature_problems(bag_dir, expected_fingerprint)
    problems += _bag_problems(bag_dir)
    problems += _custody_problems(bag_dir)
    # One fault often shows in several checks; say each sentence once, in order.
    return list(dict.fromkeys(problems))


def verify_package(
    path: Path, *, expected_fingerprint: str | None = None, identity: Path | None = None
) -> list[str]:
    """Every problem of the package at ``path``, one sentence each; ``[]`` when all holds.

    ``path`` is a bag directory, or with ``identity`` (an age identity file) a ``.tar.age``
    package, which is decrypted and unpacked into a private temporary directory, verified and
    removed.
    """
    return check_package(path, expected_fingerprint=expected_fingerprint, identity=identity)[0]


def check_package(
    path: Path, *, expected_fingerprint: str | None = None, identity: Path | None = None
) -> tuple[list[str], str]:
    """verify_package's problems, and one line describing the package (for ``mizan``)."""
    path = Path(path)
    if path.is_dir() and not (path / "bagit.txt").exists():
        # The directory build_package wrote for an encrypted package: use the file inside it.
        encrypted = sorted(path.glob("*.tar.age"))
        if len(encrypted) == 1:
            path = encrypted[0]
    if path.is_file():
        if identity is None:
            return [
                f"{path} is a file: give an age identity (--identity) to open an encrypted"
                " package, or the directory of a decrypted one"
            ], ""
        with tempfile.TemporaryDirectory(prefix="mizan-verify-") as tmp:
            try:
                bag_dir = _decrypt_and_unpack(path, Path(identity), Path(tmp))
            except PackageError as exc:
                return [str(exc)], ""
            return _verify_directory(bag_dir, expected_fingerprint), describe_package(bag_dir)
    return _verify_directory(path, expected_fingerprint), describe_package(path)


def _decrypt_and_unpack(package: Path, identity_file: Path, into: Path) -> Path:
    import pyrage

    identities = []
    try:
        lines = identity_file.read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PackageError(f"cannot read the identity file {identity_file}: {exc}") from None
    for line in lines:
        if line.strip() and not line.startswith("#"):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line.strip()))
            except Exception:
                raise PackageError(f"{identity_file} holds no valid age identity") from None
    if not identities:
        raise PackageError(f"{identity_file} holds no age identity")
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def decrypt() -> None:
        with package.open("rb") as source, open(write_fd, "wb", closefd=True) as sink:
            try:
                pyrage.decrypt_io(source, sink, identities)
            except BaseException as exc:
                failure.append(exc)

    thread = threading.Thread(target=decrypt, name="package-decrypt", daemon=True)
    thread.start()
    try:
        with open(read_fd, "rb", closefd=True) as stream:
            try:
                with tarfile.open(fileobj=stream, mode="r|") as archive:
                    archive.extractall(into, filter="data")
            except (tarfile.TarError, OSError) as exc:
                if not failure:
                    raise PackageError(
                        f"{package.name} is not a valid package archive: {exc}"
                    ) from None
            # Drain so the decrypting thread can finish writing.
            while stream.read(_CHUNK):
                pass
    finally:
        thread.join()
    if failure:
        raise PackageError(
            f"{package.name} could not be decrypted with {identity_file.name}: {failure[0]}"
        )
    entries = [p for p in into.iterdir()]
    if len(entries) != 1 or not entries[0].is_dir():
        raise PackageError(f"{package.name} does not hold exactly one package directory")
    return entries[0]


def describe_package(path: Path) -> str:
    """One line about a package (call after verify_package found nothing)."""
    summary, _problem = _load_json(Path(path) / SUMMARY_PATH)
    try:
        items = summary["items"]
        events = summary["custody_events"]["count"]
        size = sum(int(i["size"]) for i in items)
    except (KeyError, TypeError, ValueError):
        return str(path)
    return (
        f"{len(items)} items ({size} bytes), {events} custody events; from"
        f" {summary.get('organisation')} to {summary.get('recipient')},"
        f" created {summary.get('created_at')};"
        f" signed by key {summary.get('signing_key_fingerprint')}"
    )


def _first_event_problems(item_id: str, sha256: str, event: Mapping[str, Any] | None) -> list[str]:
    if event is None:
        return [f"item {item_id} has no custody events (its ingest event is missing)"]
    if event.get("action") != "ingest":
        return [
            f"item {item_id}: its first custody event (event {event.get('seq')}) is"
            f" {event.get('action')!r}, not its ingest"
        ]
    details = event.get("details")
    recorded = details.get("sha256") if isinstance(details, Mapping) else None
    if recorded != sha256:
        return [
            f"item {item_id}: its ingest event (event {event.get('seq')}) records SHA-256"
            f" {recorded}, but the item's file has {sha256}"
        ]
    return []
