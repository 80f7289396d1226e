"""Court-ready handover packages: build them, and verify them on a machine that has never run Mizan.

Pure Python, no Django, no database, no Mizan data directory. The Django side (``mizan evidence
export``, :func:`mizan.evidence.services.handover_export`) gathers the items, their custody
events and the consent checks, then calls :func:`build_package`; ``mizan verify-package`` calls
:func:`check_package`. The modules, each importing only those above it in this list:

    layout.py   the format: file names and places inside a package, PackageError
    names.py    safe_filename: an uploaded name as one safe path component
    verify.py   the offline verifier (verify_package, check_package, describe_package):
                imports layout, mizan.evidence.chain and mizan.evidence.signing only, never
                names, plan or build (an import-linter contract in pyproject.toml checks it)
    plan.py     PackageItem; the items' paths, the input checks, summary.json, bag-info, README
    build.py    build_package (directory or .tar.age), PackageResult, tar_directory

This package re-exports the names callers use, so ``from mizan.evidence.package import ...``
keeps working.

Interface::

    PackageItem(item_id, filename, sha256, sha512, size, open, metadata)   # one original
    build_package(out_dir, *, items, events, summary, summary_pdf, signing_key,
                  organisation, recipient, age_recipient=None, progress=None,
                  created_at=None) -> PackageResult
        # PackageResult(path, package_sha256, tagmanifest_sha256, signing_key_fingerprint,
        #               files, bytes, encrypted)
    verify_package(path, *, expected_fingerprint=None, identity=None) -> list[str]
    check_package(...) -> (problems, one-line description)   # what ``mizan verify-package`` uses
    safe_filename(name) -> str             # how an uploaded name becomes a path component

:func:`verify_package` raises nothing for a damaged package: it returns one sentence per problem
(naming the file, item or event) and an empty list when everything holds.
:func:`build_package` raises :class:`PackageError` and leaves nothing behind when its input is
wrong (an original that does not hash to its recorded digests, a broken custody chain, an item
without its ingest event, a destination that already exists) or the disk fails.
``package_sha256`` is what the handover record keeps: the SHA-256 of the ``.tar.age`` file, or for
a directory package of its signed ``tagmanifest-sha256.txt`` (which commits to every byte).

The package (a BagIt bag, RFC 8493, made by the Library of Congress ``bagit`` library; bagit.py
1.9 writes ``BagIt-Version: 0.97``, and as Mizan's bags also meet the stricter rules of 1.0 (no
``%``, CR or LF in names, no duplicate entries) they declare 1.0, the version of RFC 8493)::

    <out_dir>/
      bagit.txt
      bag-info.txt                 Source-Organization, Recipient, Bagging-Date, Payload-Oxum, ...
      manifest-sha256.txt          every payload file, SHA-256
      manifest-sha512.txt          every payload file, SHA-512
      public-key.pem               the organisation's Ed25519 public key
      README.txt                   how to verify, step by step, in English and Arabic
      tagmanifest-sha256.txt       SHA-256 of every tag file above
      tagmanifest-sha512.txt       SHA-512 of the same
      tagmanifest-sha256.txt.sig   raw Ed25519 signature over tagmanifest-sha256.txt
      data/
        items/<item id>/<name>     the originals, byte for byte
        summary.json               case, items (sha256, sha512, size, metadata, last event hash)
        summary.pdf                when the caller gives one
        custody-events.jsonl       the items' custody events, one canonical JSON object a line

The signature covers the tag manifest, which covers the payload manifests, which cover every
payload file: one signature check plus a bag validation prove every byte. There is never a
``fetch.txt``: a package is complete in itself.
"""

from mizan.evidence.package.build import PackageResult, build_package, tar_directory
from mizan.evidence.package.layout import FORMAT, PackageError
from mizan.evidence.package.names import MAX_NAME_BYTES, safe_filename
from mizan.evidence.package.plan import PackageItem
from mizan.evidence.package.verify import check_package, describe_package, verify_package

__all__ = [
    "FORMAT",
    "MAX_NAME_BYTES",
    "PackageError",
    "PackageItem",
    "PackageResult",
    "build_package",
    "check_package",
    "describe_package",
    "safe_filename",
    "tar_directory",
    "verify_package",
]
