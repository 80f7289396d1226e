"""Tests for mizan.evidence.package: handover packages built from a real (temporary) evidence store,
checked with bagit's API and command line, openssl and ``mizan verify-package`` in a process that
has no database, no Django settings and no Mizan data; then damaged every way the issue names.

No test needs Django or the network; the people and files are synthetic.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import time
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bagit
import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.evidence.chain import GENESIS, seal
from mizan.evidence.package import (
    MAX_NAME_BYTES,
    PackageError,
    PackageItem,
    build_package,
    safe_filename,
    verify_package,
)
from mizan.evidence.package import build as package_build
from mizan.evidence.signing import SigningKey
from mizan.evidence.store import LocalStore, StoreKey

SRC = Path(__file__).resolve().parents[2] / "src"
BIN = Path(sys.executable).parent
CREATED = datetime(2026, 11, 24, 20, 31, 7, tzinfo=UTC)
ORGANISATION = "منظمة ميزان التجريبية / Mizan Test Organisation"
RECIPIENT = "IIIM (test)"

FILES = [
    ("EV-2026-000001", "شهادة الشاهد ١.pdf", 3 * 1024 * 1024 + 17),  # several store chunks
    ("EV-2026-000002", "photo.jpg", 100_000),
    ("EV-2026-000003", "empty.txt", 0),
    ("EV-2026-000004", "../../etc/passwd", 1234),
    ("EV-2026-000005", "\u202egpj.exe", 99),  # right-to-left override hiding an .exe
]


def content(size: int, seed: int) -> bytes:
    block = hashlib.sha512(f"seed {seed}".encode()).digest() * 2048
    return (block * (size // len(block) + 1))[:size]


class Log:
    """A synthetic custody log of the whole organisation (prev and item_prev links)."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.heads: dict[str, str] = {}

    def add(self, item: str, action: str, **details: Any) -> dict[str, Any]:
        event = seal(
            {
                "seq": len(self.events) + 1,
                "item": item,
                "action": action,
                "actor": "documenter_test",
                "at": f"2026-11-24T18:{len(self.events) % 60:02d}:00.000000Z",
                "details": details,
                "prev": self.events[-1]["hash"] if self.events else GENESIS,
                "item_prev": self.heads.get(item, GENESIS),
            }
        )
        self.events.append(event)
        self.heads[item] = event["hash"]
        return event

    def of(self, ids: set[str]) -> list[dict[str, Any]]:
        return [e for e in self.events if e["item"] in ids]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("package-world")
    store = LocalStore(root / "store", StoreKey.generate())
    key = SigningKey.load_or_create(root / "signing-key.pem")
    log = Log()
    items = []
    for n, (item_id, filename, size) in enumerate(FILES):
        stored = store.put(io.BytesIO(content(size, n)))
        log.add(item_id, "ingest", sha256=stored.sha256, sha512=stored.sha512, size=size)
        log.add("EV-2026-999999", "view")  # an item outside the package, between ours
        items.append(
            PackageItem(
                item_id=item_id,
                filename=filename,
                sha256=stored.sha256,
                sha512=stored.sha512,
                size=stored.size,
                open=lambda sha=stored.sha256: store.open(sha),
                metadata={"type": "application/octet-stream", "collected_by": "documenter_test"},
            )
        )
    for item_id, *_ in FILES:
        log.add(item_id, "view")
        # Characters str.splitlines() would cut at, left unescaped by canonical JSON.
        log.add(item_id, "fixity", ok=True, note="line\u2028separator\x85next\u2029")
    return {"root": root, "store": store, "key": key, "log": log, "items": items}


def build(world: dict[str, Any], out: Path, **overrides: Any) -> Any:
    items = overrides.pop("items", world["items"])
    kwargs: dict[str, Any] = {
        "items": items,
        "events": world["log"].of({i.item_id for i in items}),
        "summary": {"case": {"reference": "CF-2026-0001", "title": "قضية تجريبية"}},
        "summary_pdf": b"%PDF-1.4 synthetic summary\n",
        "signing_key": world["key"],
        "organisation": ORGANISATION,
        "recipient": RECIPIENT,
        "created_at": CREATED,
    }
    kwargs.update(overrides)
    return build_package(out, **kwargs)


@pytest.fixture(scope="module")
def built(world: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "package-CF-2026-0001"
    calls: list[tuple[int, int]] = []
    result = build(world, out, progress=lambda done, total: calls.append((done, total)))
    assert result.path == out
    assert calls[-1][0] == calls[-1][1] == sum(size for *_, size in FILES)
    return out


@pytest.fixture
def package(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def rebag_and_resign(bag_dir: Path, key: SigningKey) -> None:
    """What an insider holding the signing key would do after changing the payload: regenerate
    every manifest with bagit and sign again. Only the custody checks can catch what follows."""
    bagit.Bag(str(bag_dir)).save(manifests=True)
    signed = (bag_dir / "tagmanifest-sha256.txt").read_bytes()
    (bag_dir / "tagmanifest-sha256.txt.sig").write_bytes(key.sign(signed))


def offline_env(home: Path) -> dict[str, str]:
    """An environment with nothing of Mizan in it: empty HOME, no MIZAN_*, no DATABASE_URL."""
    return {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


# --- a good package ---------------------------------------------------------------------------


def test_package_layout_and_summary(built: Path, world: dict[str, Any]) -> None:
    assert not (built / "fetch.txt").exists()
    for name in (
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha512.txt",
        "tagmanifest-sha256.txt.sig",
        "public-key.pem",
        "README.txt",
    ):
        assert (built / name).is_file(), name
    bag = bagit.Bag(str(built))
    assert bag.version_info == (1, 0)  # RFC 8493
    info = bag.info
    assert info["Source-Organization"] == ORGANISATION
    assert info["Recipient"] == RECIPIENT
    assert info["Bagging-Date"] == "2026-11-24"
    assert info["Payload-Oxum"].endswith(f".{len(FILES) + 3}")
    summary = json.loads((built / "data/summary.json").read_text())
    assert summary["summary"]["case"]["reference"] == "CF-2026-0001"
    assert summary["signing_key_fingerprint"] == world["key"].fingerprint
    for entry, item in zip(summary["items"], world["items"], strict=True):
        assert entry["sha256"] == item.sha256 and entry["sha512"] == item.sha512
        assert entry["custody"]["last_event_hash"] == world["log"].heads[item.item_id]
        assert entry["custody"]["events"] == 3
        original = built / entry["path"]
        assert hashlib.sha256(original.read_bytes()).hexdigest() == item.sha256
        assert entry["original_filename"] == item.filename
    events = events_of(built)
    assert len(events) == 3 * len(FILES)
    assert "EV-2026-999999" not in "".join(events)  # other items' events stay home
    paths = [e["path"] for e in summary["items"]]
    assert "data/items/EV-2026-000001/شهادة الشاهد ١.pdf" in paths
    assert "data/items/EV-2026-000004/_.._etc_passwd" in paths
    assert "data/items/EV-2026-000005/gpj.exe" in paths


def test_build_logs_no_file_name(
    world: dict[str, Any], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="bagit")
    build(world, tmp_path / "out")
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "شهادة" in m or "photo.jpg" in m], messages
    assert logging.getLogger("bagit").level == logging.DEBUG  # the caller's level is back


def test_validates_with_bagit_api_and_command_line(built: Path) -> None:
    assert bagit.Bag(str(built)).validate(processes=1, fast=False)
    run = subprocess.run(
        [str(BIN / "bagit.py"), "--validate", str(built)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "is valid" in run.stderr


def test_verify_package_accepts_it(built: Path, world: dict[str, Any]) -> None:
    assert verify_package(built) == []
    assert verify_package(built, expected_fingerprint=world["key"].fingerprint) == []
    colons = ":".join(world["key"].fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    assert verify_package(built, expected_fingerprint=colons) == []


def test_readme_commands_verify_with_standard_tools(built: Path, world: dict[str, Any]) -> None:
    readme = (built / "README.txt").read_text()
    assert "bagit.py --validate ." in readme
    assert "mizan verify-package . --fingerprint" in readme
    assert "طريقة التحقق" in readme
    # Step 1: the fingerprint command of the README gives the key's fingerprint.
    fp = subprocess.run(  # noqa: S602 - the README's exact pipeline, fixed text
        "openssl pkey -pubin -in public-key.pem -outform DER | sha256sum",
        shell=True,
        cwd=built,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    assert fp == world["key"].fingerprint
    assert fp in readme
    # Step 2: openssl verifies the detached Ed25519 signature.
    command = [
        "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem", "-rawin",
        "-in", "tagmanifest-sha256.txt", "-sigfile", "tagmanifest-sha256.txt.sig",
    ]  # fmt: skip
    assert " ".join(command) in " ".join(readme.replace("\\\n", " ").split())
    ok = subprocess.run(command, cwd=built, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "Signature Verified Successfully" in ok.stdout
    # Step 3 without Python: coreutils read bagit's manifests.
    for check in (
        ["sha256sum", "-c", "--quiet", "tagmanifest-sha256.txt"],
        ["sha256sum", "-c", "--quiet", "manifest-sha256.txt"],
        ["sha512sum", "-c", "--quiet", "manifest-sha512.txt"],
    ):
        run = subprocess.run(check, cwd=built, capture_output=True, text=True, check=False)
        assert run.returncode == 0, (check, run.stdout, run.stderr)


def test_openssl_rejects_an_altered_signature(package: Path) -> None:
    sig = bytearray((package / "tagmanifest-sha256.txt.sig").read_bytes())
    sig[10] ^= 1
    (package / "tagmanifest-sha256.txt.sig").write_bytes(bytes(sig))
    run = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "public-key.pem",
            "-rawin",
            "-in",
            "tagmanifest-sha256.txt",
            "-sigfile",
            "tagmanifest-sha256.txt.sig",
        ],
        cwd=package,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0


def test_verify_package_command_runs_offline_without_django(
    built: Path, world: dict[str, Any], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    env = offline_env(home)
    assert not any(k.startswith(("MIZAN", "DJANGO", "DATABASE")) for k in env)
    fp = world["key"].fingerprint
    for command in (
        [str(BIN / "mizan"), "verify-package", str(built), "--fingerprint", fp],
        [sys.executable, "-m", "mizan.cli", "verify-package", str(built), "--fingerprint", fp],
    ):
        run = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith("verified:")
        assert "5 items" in run.stdout
    probe = textwrap.dedent(
        f"""
        import sys
        from mizan.cli import main
        code = main(["verify-package", {str(built)!r}, "--fingerprint", {fp!r}])
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("django", "psycopg"))
        assert not loaded, loaded
        sys.exit(code)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert list(home.iterdir()) == [] and list(cwd.iterdir()) == []  # wrote nothing anywhere


def test_verify_package_command_fails_with_reasons(package: Path, tmp_path: Path) -> None:
    (package / "data/custody-events.jsonl").write_text("")
    run = subprocess.run(
        [sys.executable, "-m", "mizan.cli", "verify-package", str(package)],
        cwd=tmp_path,
        env=offline_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "does NOT verify" in run.stderr
    assert "data/custody-events.jsonl has been altered" in run.stderr
    assert "EV-2026-000001 has no custody events" in run.stderr


# --- tampering --------------------------------------------------------------------------------


def item_file(package: Path, item_id: str) -> Path:
    summary = json.loads((package / "data/summary.json").read_text())
    entry = next(e for e in summary["items"] if e["item_id"] == item_id)
    return package / entry["path"]


def events_of(package: Path) -> list[str]:
    text = (package / "data/custody-events.jsonl").read_text()
    return [line + "\n" for line in text.split("\n")[:-1]]


def assert_detected(problems: list[str], *fragments: str) -> None:
    assert problems, "the tampering went unnoticed"
    text = "\n".join(problems)
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in:\n{text}"


def test_edited_payload_file_is_detected(package: Path) -> None:
    path = item_file(package, "EV-2026-000002")
    data = bytearray(path.read_bytes())
    data[500] ^= 0x01
    path.write_bytes(bytes(data))
    assert_detected(
        verify_package(package), "data/items/EV-2026-000002/photo.jpg has been altered: its sha256"
    )


def test_swapped_payload_file_is_detected(package: Path, world: dict[str, Any]) -> None:
    path = item_file(package, "EV-2026-000001")
    path.write_bytes(content(path.stat().st_size, 99))  # same size, other content
    assert_detected(verify_package(package), "شهادة الشاهد ١.pdf has been altered")
    # Even with every manifest regenerated and signed again with the organisation's own key,
    # the file no longer matches the custody record of its ingest.
    rebag_and_resign(package, world["key"])
    assert_detected(
        verify_package(package),
        "item EV-2026-000001: data/items/EV-2026-000001/شهادة الشاهد ١.pdf has SHA-256",
        "item EV-2026-000001: its ingest event (event 1) records SHA-256",
    )


def test_swapped_file_with_new_manifests_fails_the_signature(package: Path) -> None:
    path = item_file(package, "EV-2026-000002")
    path.write_bytes(b"forged")
    bagit.Bag(str(package)).save(manifests=True)  # an outsider can rebag, not re-sign
    assert_detected(verify_package(package), "does not verify with public-key.pem")


def test_removed_custody_event_is_detected(package: Path, world: dict[str, Any]) -> None:
    lines = events_of(package)
    removed = json.loads(lines[5])  # EV-2026-000001's view, between its ingest and its fixity
    assert removed["action"] == "view"
    del lines[5]
    (package / "data/custody-events.jsonl").write_text("".join(lines))
    assert_detected(verify_package(package), "data/custody-events.jsonl has been altered")
    rebag_and_resign(package, world["key"])
    assert_detected(
        verify_package(package),
        f"(item {removed['item']}): does not link to this item's previous event",
    )


def test_edited_custody_event_is_detected(package: Path, world: dict[str, Any]) -> None:
    lines = events_of(package)
    event = json.loads(lines[0])
    event["actor"] = "someone_else"
    lines[0] = json.dumps(event, ensure_ascii=False) + "\n"
    (package / "data/custody-events.jsonl").write_text("".join(lines))
    rebag_and_resign(package, world["key"])
    assert_detected(
        verify_package(package),
        f"custody event {event['seq']} (item {event['item']}): its content does not match its hash",
    )


def test_truncated_custody_events_are_detected(package: Path, world: dict[str, Any]) -> None:
    lines = events_of(package)
    last = json.loads(lines[-1])
    (package / "data/custody-events.jsonl").write_text("".join(lines[:-1]))
    rebag_and_resign(package, world["key"])
    # The remaining chain is intact; only the summary's last event hash tells.
    assert_detected(
        verify_package(package),
        f"item {last['item']}: the last custody event present (event {last['seq'] - 1}) is not"
        f" the last one the package was made with (event {last['seq']}",
    )


def test_altered_signature_is_detected(package: Path) -> None:
    sig = bytearray((package / "tagmanifest-sha256.txt.sig").read_bytes())
    sig[0] ^= 0x80
    (package / "tagmanifest-sha256.txt.sig").write_bytes(bytes(sig))
    assert_detected(verify_package(package), "tagmanifest-sha256.txt.sig does not verify")


def test_replaced_public_key_is_detected(package: Path, world: dict[str, Any]) -> None:
    forger = SigningKey.load_or_create(package.parent / "forger.pem")
    (package / "public-key.pem").write_bytes(forger.public_pem)
    bagit.Bag(str(package)).save()
    assert_detected(verify_package(package), "does not verify with public-key.pem")
    # Signing again with the forger's key: the key no longer matches the one the package names.
    signed = (package / "tagmanifest-sha256.txt").read_bytes()
    (package / "tagmanifest-sha256.txt.sig").write_bytes(forger.sign(signed))
    assert_detected(
        verify_package(package),
        f"data/summary.json names the signing key {world['key'].fingerprint}, but public-key.pem"
        f" is {forger.fingerprint}",
    )
    # A forger who rewrites every mention of the key passes every check made inside the
    # package; only the fingerprint the organisation gave the recipient separately tells.
    for name in ("data/summary.json", "bag-info.txt", "README.txt"):
        text = (package / name).read_text()
        (package / name).write_text(text.replace(world["key"].fingerprint, forger.fingerprint))
    rebag_and_resign(package, forger)
    assert verify_package(package) == []
    assert_detected(
        verify_package(package, expected_fingerprint=world["key"].fingerprint),
        f"public-key.pem is not the expected key: its fingerprint is {forger.fingerprint}",
    )


def test_a_complete_forgery_is_not_reported_verified_without_a_fingerprint(
    package: Path, world: dict[str, Any], tmp_path: Path
) -> None:
    """New key, every mention of it rewritten, everything re-signed: the command must not say
    "verified" with status 0 unless the key was compared with the organisation's."""
    forger = SigningKey.load_or_create(package.parent / "forger.pem")
    (package / "public-key.pem").write_bytes(forger.public_pem)
    for name in ("data/summary.json", "bag-info.txt", "README.txt"):
        text = (package / name).read_text()
        (package / name).write_text(text.replace(world["key"].fingerprint, forger.fingerprint))
    rebag_and_resign(package, forger)
    command = [sys.executable, "-m", "mizan.cli", "verify-package", str(package)]
    env = offline_env(tmp_path)
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 3, run.stdout + run.stderr
    assert "verified:" not in run.stdout
    assert run.stdout.startswith("signature consistent but signer not confirmed")
    assert "--fingerprint" in run.stdout
    run = subprocess.run(
        [*command, "--fingerprint", world["key"].fingerprint],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "is not the expected key" in run.stderr


def test_edited_bag_info_is_detected(package: Path) -> None:
    info = (package / "bag-info.txt").read_text()
    (package / "bag-info.txt").write_text(info.replace(RECIPIENT, "Someone Else"))
    assert_detected(verify_package(package), "bag-info.txt has been altered")
    bagit.Bag(str(package)).save()  # new tag manifests: the signature no longer holds
    assert_detected(verify_package(package), "does not verify with public-key.pem")


def test_added_payload_file_is_detected(package: Path, world: dict[str, Any]) -> None:
    extra = package / "data/items/EV-2026-000002/extra.jpg"
    extra.write_bytes(b"planted")
    assert_detected(
        verify_package(package),
        "data/items/EV-2026-000002/extra.jpg is in the package but in no manifest (added)",
    )
    rebag_and_resign(package, world["key"])
    assert_detected(
        verify_package(package),
        "data/items/EV-2026-000002/extra.jpg is not accounted for by data/summary.json (added)",
    )


def test_added_tag_file_is_detected(package: Path) -> None:
    (package / "instructions.txt").write_text("trust me")
    assert_detected(
        verify_package(package), "instructions.txt is not listed in the signed tagmanifest"
    )


def test_fetch_txt_is_refused(package: Path) -> None:
    (package / "fetch.txt").write_text("https://example.org/x 5 data/items/x\n")
    assert_detected(verify_package(package), "fetch.txt is present")


def test_symlink_in_payload_is_refused(package: Path) -> None:
    path = item_file(package, "EV-2026-000002")
    path.unlink()
    path.symlink_to("/etc/hostname")
    assert_detected(verify_package(package), "photo.jpg is a symbolic link")


def test_removed_payload_file_is_detected(package: Path) -> None:
    item_file(package, "EV-2026-000003").unlink()
    assert_detected(
        verify_package(package),
        "data/items/EV-2026-000003/empty.txt is listed in a manifest but missing (removed)",
    )


def package_files(bag_dir: Path) -> list[str]:
    files = (p for p in bag_dir.rglob("*") if p.is_file() and p.stat().st_size)
    return sorted(str(p.relative_to(bag_dir)) for p in files)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_anywhere_is_detected(built: Path, data: st.DataObject) -> None:
    """Tamper evidence as a property: one bit changed in any byte of any file of the package,
    signed or not, payload or tag file, is reported."""
    name = data.draw(st.sampled_from(package_files(built)), label="file")
    size = (built / name).stat().st_size
    offset = data.draw(st.integers(0, size - 1), label="offset")
    bit = data.draw(st.integers(0, 7), label="bit")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy"
        shutil.copytree(built, copy)
        raw = bytearray((copy / name).read_bytes())
        raw[offset] ^= 1 << bit
        (copy / name).write_bytes(bytes(raw))
        assert verify_package(copy), f"bit {bit} of byte {offset} of {name} changed unnoticed"


def test_line_feed_turned_vertical_tab_in_tag_manifest_is_detected(package: Path) -> None:
    # Found by the property above: 0x0a -> 0x0b joins two lines of the unsigned SHA-512 tag
    # manifest, which bagit then reads without complaint.
    path = package / "tagmanifest-sha512.txt"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"\n", b"\x0b", 1))
    assert_detected(verify_package(package), "tagmanifest-sha512.txt line 1 is malformed")


def test_manifest_digest_in_capitals_is_detected(package: Path) -> None:
    # bagit compares digests case-insensitively; the unsigned SHA-512 tag manifest is where that
    # would let a byte change without any other check seeing it.
    text = (package / "tagmanifest-sha512.txt").read_text()
    digest = text.split(" ", 1)[0]
    # Capitalise the first hex letter of the first digest (a random digest can start with digits,
    # which have no capitals: capitalising a fixed prefix would then change nothing).
    at = next(i for i, ch in enumerate(digest) if ch in "abcdef")
    (package / "tagmanifest-sha512.txt").write_text(text[:at] + text[at].upper() + text[at + 1 :])
    assert_detected(verify_package(package), "tagmanifest-sha512.txt line 1 is malformed")


def test_not_a_package(tmp_path: Path) -> None:
    assert_detected(verify_package(tmp_path / "nowhere"), "is not a directory")
    assert_detected(verify_package(tmp_path), "tagmanifest-sha256.txt is missing")


# --- building refuses bad input and leaves nothing --------------------------------------------


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_original_not_matching_its_digest_stops_the_build(
    world: dict[str, Any], tmp_path: Path
) -> None:
    good = world["items"][1]
    bad = PackageItem(
        item_id=good.item_id,
        filename=good.filename,
        sha256=good.sha256,
        sha512=good.sha512,
        size=good.size,
        open=lambda: iter([b"x" * good.size]),
        metadata={},
    )
    items = [world["items"][0], bad]
    for age in (None, str(pyrage.x25519.Identity.generate().to_public())):
        with pytest.raises(PackageError, match="EV-2026-000002: the original read from the store"):
            build(world, tmp_path / "out", items=items, age_recipient=age)
        assert leftovers(tmp_path) == []


def test_damaged_store_object_stops_the_build(world: dict[str, Any], tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store", StoreKey.generate())
    data = content(2 * 1024 * 1024, 7)
    stored = store.put(io.BytesIO(data))
    path = store.path_for(stored.sha256)
    path.chmod(0o600)
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0x04  # one flipped bit in the ciphertext
    path.write_bytes(bytes(damaged))
    log = Log()
    log.add("EV-2026-000077", "ingest", sha256=stored.sha256)
    item = PackageItem(
        "EV-2026-000077", "a.bin", stored.sha256, stored.sha512, stored.size,
        lambda: store.open(stored.sha256), {},
    )  # fmt: skip
    out_parent = tmp_path / "out"
    out_parent.mkdir()
    with pytest.raises(PackageError, match="EV-2026-000077: the original could not be read"):
        build(world, out_parent / "pkg", items=[item], events=log.events)
    assert leftovers(out_parent) == []


def test_broken_custody_chain_stops_the_build(world: dict[str, Any], tmp_path: Path) -> None:
    events = world["log"].of({"EV-2026-000001", "EV-2026-000002"})
    del events[1]
    with pytest.raises(PackageError, match="does not link to this item's previous event"):
        build(world, tmp_path / "out", items=world["items"][:2], events=events)
    with pytest.raises(PackageError, match="EV-2026-000002 has no custody events"):
        build(world, tmp_path / "out", items=world["items"][:2], events=events[:1])
    assert leftovers(tmp_path) == []


def test_events_of_other_items_and_bad_metadata_stop_the_build(
    world: dict[str, Any], tmp_path: Path
) -> None:
    first = world["items"][0]
    with pytest.raises(PackageError, match="is about item EV-2026-999999, not in the package"):
        build(
            world,
            tmp_path / "out",
            items=[first],
            events=world["log"].of({first.item_id, "EV-2026-999999"}),
        )
    odd = PackageItem(
        first.item_id, first.filename, first.sha256, first.sha512, first.size, first.open,
        {"taken": datetime.now(UTC)},
    )  # fmt: skip
    with pytest.raises(PackageError, match="metadata or a custody event is not JSON"):
        build(world, tmp_path / "out", items=[odd], events=world["log"].of({first.item_id}))
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("encrypted", [False, True])
def test_full_disk_gives_a_clear_error_and_leaves_nothing(
    world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool
) -> None:
    real_write = os.write
    written = 0

    def write(fd: int, data: Any) -> int:
        nonlocal written
        if fd > 2:
            written += len(data)
            if written > 2 * 1024 * 1024:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(package_build.os, "write", write)
    age = str(pyrage.x25519.Identity.generate().to_public()) if encrypted else None
    with pytest.raises(PackageError, match="No space left on device; nothing was kept"):
        build(world, tmp_path / "out", age_recipient=age)
    assert leftovers(tmp_path) == []


KILLED_CHILD = textwrap.dedent(
    """
    import hashlib, sys, time
    from pathlib import Path
    from mizan.evidence.chain import GENESIS, seal
    from mizan.evidence.package import PackageItem, build_package
    from mizan.evidence.signing import SigningKey

    out, marker = Path(sys.argv[1]), Path(sys.argv[2])
    block = b"x" * (1024 * 1024)

    def chunks():
        yield block
        marker.write_text("copying")
        time.sleep(60)  # killed here, halfway through the copy
        yield block

    data = block * 2
    item = PackageItem("EV-2026-000001", "a.bin", hashlib.sha256(data).hexdigest(),
                       hashlib.sha512(data).hexdigest(), len(data), chunks, {})
    event = seal({"seq": 1, "item": item.item_id, "action": "ingest", "actor": "t",
                  "at": "2026-11-24T00:00:00Z", "details": {"sha256": item.sha256},
                  "prev": GENESIS, "item_prev": GENESIS})
    build_package(out, items=[item], events=[event], summary={}, summary_pdf=None,
                  signing_key=SigningKey.load_or_create(out.parent / "key.pem"),
                  organisation="o", recipient="r")
    """
)


def test_killed_build_leaves_no_package_and_its_leftovers_go_at_the_next_build(
    world: dict[str, Any], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    out, marker = work / "package", tmp_path / "marker"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(out), str(marker)],
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the build ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert not out.exists()  # nothing half-written under the package's name
    (staging,) = [p for p in work.iterdir() if p.name.startswith(".package.building-")]
    assert any(staging.rglob("a.bin"))
    build(world, out)
    assert verify_package(out) == []
    assert sorted(p.name for p in work.iterdir()) == ["key.pem", "package"]


def test_existing_destination_is_not_overwritten(world: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(PackageError, match="already exists"):
        build(world, tmp_path / "out")
    assert leftovers(tmp_path) == ["out"]


def test_bad_age_recipient_is_refused(world: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="is not an age public key"):
        build(world, tmp_path / "out", age_recipient="ssh-rsa AAAA")
    assert leftovers(tmp_path) == []


# --- file names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uploaded", "expected"),
    [
        ("شهادة أحمد.pdf", "شهادة أحمد.pdf"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("..", "original"),
        ("a/b\\c:d.txt", "a_b_c_d.txt"),
        ("report\u202egpj.exe", "reportgpj.exe"),
        ("\u2067صورة\u2069.jpg", "صورة.jpg"),
        ("tab\there\nnew\rline\x00nul\x1b.txt", "tab here new linenul.txt"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("100%0A.txt", "100_0A.txt"),
        ("a\u2215b\uff0fc", "a_b_c"),
        ("   ", "original"),
        ("e\u0301te\u0301.txt", "été.txt"),  # NFD in, NFC out
        ("\ufeffbom.txt", "bom.txt"),
    ],
)
def test_safe_filename(uploaded: str, expected: str) -> None:
    assert safe_filename(uploaded) == expected


def test_safe_filename_keeps_length_and_extension() -> None:
    name = safe_filename("ش" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode()) <= MAX_NAME_BYTES
    assert set(name.removesuffix(".pdf")) == {"ش"}


@given(st.text(max_size=400))
def test_safe_filename_is_always_one_harmless_component(name: str) -> None:
    safe = safe_filename(name)
    assert safe and safe not in (".", "..")
    assert not safe.startswith((".", "-", " ")) and not safe.endswith((" ", "."))
    assert not set(safe) & set('/\\:*?"<>|%\u2215\uff0f')
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in safe)
    assert len(safe.encode()) <= MAX_NAME_BYTES
    assert unicodedata.normalize("NFC", safe) == safe
    assert safe_filename(safe) == safe


def test_colliding_names_get_distinct_paths(world: dict[str, Any], tmp_path: Path) -> None:
    base = world["items"][1]
    log = Log()
    items = []
    # Same id in other case, names equal after NFC: distinct paths even where case or
    # normalisation is folded (macOS, Windows).
    for item_id, filename in (("EV-A", "e\u0301.jpg"), ("ev-a", "\u00e9.jpg")):
        log.add(item_id, "ingest", sha256=base.sha256)
        items.append(
            PackageItem(item_id, filename, base.sha256, base.sha512, base.size, base.open, {})
        )
    out = tmp_path / "out"
    build(world, out, items=items, events=log.events)
    paths = sorted(str(p.relative_to(out)) for p in (out / "data/items").rglob("*.jpg"))
    assert paths == ["data/items/EV-A/é.jpg", "data/items/ev-a/é (2).jpg"]
    assert verify_package(out) == []
    assert bagit.Bag(str(out)).is_valid()


# --- age ------------------------------------------------------------------------------------


def decrypt_to(package_file: Path, identity: Any, into: Path) -> Path:
    plain = io.BytesIO()
    with package_file.open("rb") as f:
        pyrage.decrypt_io(f, plain, [identity])
    plain.seek(0)
    with tarfile.open(fileobj=plain, mode="r:") as archive:
        archive.extractall(into, filter="data")
    (bag_dir,) = list(into.iterdir())
    return bag_dir


def test_age_round_trip(world: dict[str, Any], built: Path, tmp_path: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    out = tmp_path / "package-CF-2026-0001"
    result = build(world, out, age_recipient=str(identity.to_public()))
    assert result.encrypted and result.path == out / "package-CF-2026-0001.tar.age"
    assert sorted(p.name for p in out.iterdir()) == [
        "HOW-TO-OPEN.txt",
        "package-CF-2026-0001.tar.age",
    ]
    assert result.package_sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    bag_dir = decrypt_to(result.path, identity, tmp_path / "opened")
    assert bagit.Bag(str(bag_dir)).validate(fast=False)
    run = subprocess.run(
        [str(BIN / "bagit.py"), "--validate", str(bag_dir)], capture_output=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert verify_package(bag_dir, expected_fingerprint=world["key"].fingerprint) == []
    # The streamed bag is the bag bagit.make_bag wrote for the same input, file for file.
    for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"):
        assert (bag_dir / name).read_bytes() == (built / name).read_bytes(), name
    for name in ("README.txt", "public-key.pem", "data/summary.json", "data/custody-events.jsonl"):
        assert (bag_dir / name).read_bytes() == (built / name).read_bytes(), name
    for name in ("tagmanifest-sha256.txt", "tagmanifest-sha512.txt"):
        lines = sorted((bag_dir / name).read_text().splitlines())
        assert lines == sorted((built / name).read_text().splitlines()), name
    assert (
        result.tagmanifest_sha256
        == hashlib.sha256((bag_dir / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
    )


def test_verify_package_opens_an_age_package_directly(
    world: dict[str, Any], tmp_path: Path
) -> None:
    identity = pyrage.x25519.Identity.generate()
    result = build(world, tmp_path / "pkg", age_recipient=str(identity.to_public()))
    identity_file = tmp_path / "identity.txt"
    identity_file.write_text(f"# created: test\n{identity}\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mizan.cli",
            "verify-package",
            str(result.path),
            "--identity",
            str(identity_file),
            "--fingerprint",
            world["key"].fingerprint,
        ],
        cwd=tmp_path,
        env=offline_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    other = tmp_path / "other.txt"
    other.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    assert_detected(
        verify_package(result.path, identity=other), "could not be decrypted with other.txt"
    )
    assert_detected(verify_package(result.path), "give an age identity")
    # age authenticates every chunk: a flipped bit or a cut-off end of the file is refused.
    sealed = result.path.read_bytes()
    for damaged in (
        sealed[:5000] + bytes([sealed[5000] ^ 1]) + sealed[5001:],
        sealed[: len(sealed) - 1000],
    ):
        result.path.write_bytes(damaged)
        assert_detected(
            verify_package(result.path, identity=identity_file),
            "could not be decrypted with identity.txt",
        )
    result.path.write_bytes(sealed)
    # The directory the export wrote works as well as the file inside it.
    assert_detected(verify_package(result.path.parent), "give an age identity")
    assert verify_package(result.path.parent, identity=identity_file) == []


# --- memory -----------------------------------------------------------------------------------

MEMORY_CHILD = textwrap.dedent(
    """
    import hashlib, sys, tempfile
    from pathlib import Path
    from mizan.evidence.chain import GENESIS, seal
    from mizan.evidence.package import PackageItem, build_package, verify_package
    from mizan.evidence.signing import SigningKey

    size, mode = int(sys.argv[1]), sys.argv[2]
    block = hashlib.sha512(b"memory").digest() * 16384  # 1 MiB

    def chunks():
        left = size
        while left:
            n = min(left, len(block))
            yield block[:n]
            left -= n

    h256, h512 = hashlib.sha256(), hashlib.sha512()
    for c in chunks():
        h256.update(c)
        h512.update(c)
    item = PackageItem("EV-2026-000001", "big.bin", h256.hexdigest(), h512.hexdigest(), size,
                       chunks, {})
    event = seal({"seq": 1, "item": item.item_id, "action": "ingest", "actor": "t",
                  "at": "2026-11-24T00:00:00Z", "details": {"sha256": item.sha256},
                  "prev": GENESIS, "item_prev": GENESIS})
    with tempfile.TemporaryDirectory() as tmp:
        key = SigningKey.load_or_create(Path(tmp) / "key.pem")
        age = None
        if mode == "age":
            import pyrage
            age = str(pyrage.x25519.Identity.generate().to_public())
        result = build_package(Path(tmp) / "out", items=[item], events=[event], summary={},
                               summary_pdf=None, signing_key=key, organisation="o",
                               recipient="r", age_recipient=age)
        assert result.bytes > size
        if mode == "dir":
            assert verify_package(result.path) == []
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            print(int(line.split()[1]) // 1024)
    """
)


def peak_mib(size: int, mode: str) -> int:
    run = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(size), mode],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert run.returncode == 0, run.stderr
    return int(run.stdout.split()[-1])


@pytest.mark.parametrize("mode", ["dir", "age"])
def test_memory_stays_constant_for_a_large_item(mode: str) -> None:
    small = peak_mib(1024 * 1024, mode)
    large = peak_mib(256 * 1024 * 1024, mode)
    # A copy of the item in memory would add 256 MiB; streaming adds a few buffers.
    assert large - small < 48, (small, large)
