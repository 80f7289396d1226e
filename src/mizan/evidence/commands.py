"""``mizan evidence …``: the locker from the command line (contracts written in issue 4).

* ``add PATH… [--case REF] [--source TEXT] [--note TEXT]`` prints ``<item id> <sha256> <path>``
  per file on stdout; problems go to stderr and make the exit status non-zero.
* ``verify`` exits 0 when every original and the whole custody chain hold; otherwise it names
  every bad item or event and exits 1. It is read-only: a missing key is named (exit 2), never
  created. Objects no item names (orphans of an interrupted ingest) are listed as warnings.
* ``fixity`` re-checks every item and records a fixity event for each.
* ``sweep`` removes the temporary files of ingests that were killed (``serve`` and ``worker``
  do it when they start).
* ``export`` builds a signed BagIt package for a recipient (see services.handover_export).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError


def _actor() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return f"{user} (command line)"


def ask_passphrase(prompt: str = "Passphrase of the store key: ") -> bytes:
    """Ask on the terminal (not echoed); refuse when there is no terminal to ask on."""
    from mizan.evidence.store import KeyLockedError

    if not sys.stdin.isatty():
        raise KeyLockedError(
            "the store key is locked and there is no terminal to ask for its passphrase:"
            " set MIZAN_KEY_PASSPHRASE_FILE to a file holding it (mode 0600)"
        )
    return getpass.getpass(prompt).encode("utf-8")


def unlock_or_explain(command: str) -> bool:
    """Unlock a locked store key (MIZAN_KEY_PASSPHRASE_FILE or the terminal) before a command
    that reads evidence; on failure say why on stderr and return False."""
    from mizan.evidence.services import store_unlock
    from mizan.evidence.store import StoreError

    try:
        store_unlock(ask=ask_passphrase)
    except StoreError as exc:
        print(f"mizan {command}: {exc}", file=sys.stderr)
        return False
    return True


def _files(paths: list[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def _message(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def _case_file(reference: str) -> Any:
    from mizan.cases.models import CaseFile

    case = CaseFile.objects.filter(reference__iexact=reference.strip()).first()
    if case is None:
        raise ValidationError(f"no case file with the reference {reference!r}")
    return case


def cmd_add(args: argparse.Namespace) -> int:
    from mizan.core.models import Term
    from mizan.evidence.services import Provenance, checkpoint_sign, item_ingest
    from mizan.evidence.store import StoreError, StoreFullError

    try:
        cases = [_case_file(args.case)] if args.case else []
    except ValidationError as exc:
        print(f"mizan evidence add: {_message(exc)}; nothing was added", file=sys.stderr)
        return 2
    scopes = list(Term.objects.filter(vocabulary="consent_scope", code__in=args.consent))
    unknown = sorted(set(args.consent) - {t.code for t in scopes})
    if unknown:
        known = ", ".join(Term.objects.of("consent_scope").values_list("code", flat=True))
        print(
            f"mizan evidence add: unknown consent scope {', '.join(unknown)} (known: {known});"
            " nothing was added",
            file=sys.stderr,
        )
        return 2
    actor = _actor()
    status = 0
    for path in _files(args.paths):
        try:
            with path.open("rb") as stream:
                result = item_ingest(
                    stream,
                    filename=path.name,
                    actor=actor,
                    note=args.note,
                    provenance=Provenance(source_text=args.source),
                    case_files=cases,
                    consent_scopes=scopes,
                )
        except StoreFullError as exc:
            print(f"mizan evidence add: {exc}", file=sys.stderr)
            return 1
        except (OSError, StoreError, ValidationError) as exc:
            if isinstance(exc, ValidationError):
                reason = _message(exc)
            elif isinstance(exc, OSError) and exc.strerror:
                reason = exc.strerror.lower()
            else:
                reason = str(exc)
            print(f"mizan evidence add: {path}: {reason}", file=sys.stderr)
            status = 1
            continue
        item = result.item
        print(f"{item.reference} {item.sha256} {path}", flush=True)
        if not result.created:
            print(f"mizan evidence add: {path}: already in the locker", file=sys.stderr)
    checkpoint_sign()
    return status


def _progress(label: str) -> Any:
    interactive = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if interactive:
            print(f"\r{label}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return report


def cmd_verify(args: argparse.Namespace) -> int:
    from mizan.core.keys import SigningKeyMissing
    from mizan.evidence.services import StoreKeyMissing, locker_verify
    from mizan.evidence.store import StoreError

    try:
        report = locker_verify(progress=_progress("verifying items"))
    except (StoreKeyMissing, SigningKeyMissing, StoreError, PermissionError) as exc:
        print(f"mizan evidence verify: cannot check: {exc}; nothing was created", file=sys.stderr)
        return 2
    for problem in report.problems:
        print(problem)
    for orphan in report.orphans:
        print(
            f"warning: orphan object {orphan}: stored content no item names (an ingest was"
            " interrupted before its item was recorded); adding the same file again attaches it"
        )
    summary = (
        f"{report.items_checked} items, {report.events_checked} custody events, "
        f"{report.checkpoints_checked} signed checkpoints checked"
        + (f", {len(report.orphans)} orphan objects" if report.orphans else "")
    )
    if report.ok:
        print(f"mizan evidence verify: all hold ({summary})")
        return 0
    print(f"mizan evidence verify: {len(report.problems)} problems ({summary})", file=sys.stderr)
    return 1


def cmd_fixity(args: argparse.Namespace) -> int:
    from mizan.evidence.services import fixity_run

    report = fixity_run(actor="system (fixity)", progress=_progress("fixity"))
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(f"mizan evidence fixity: {report.items_checked} items checked, all intact")
        return 0
    print(
        f"mizan evidence fixity: {len(report.problems)} of {report.items_checked} items failed",
        file=sys.stderr,
    )
    return 1


def cmd_sweep(args: argparse.Namespace) -> int:
    from mizan.evidence.services import store_sweep

    removed = store_sweep()
    print(f"mizan evidence sweep: removed {removed} temporary files of interrupted ingests")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from mizan.evidence.models import Item
    from mizan.evidence.services import ConsentMissing, handover_export, resolve_recipient

    try:
        recipient = resolve_recipient(args.recipient, actor=_actor())
        case = _case_file(args.case) if args.case else None
        if case is not None:
            items = list(case.evidence_items.order_by("pk"))
            if not items:
                raise ValidationError(f"the case file {case.reference} has no evidence items")
        else:
            wanted = [ref.strip() for ref in args.items]
            found = {i.reference: i for i in Item.objects.filter(reference__in=wanted)}
            unknown = [ref for ref in wanted if ref not in found]
            if unknown:
                raise ValidationError(f"no evidence item {', '.join(unknown)}")
            items = [found[ref] for ref in dict.fromkeys(wanted)]
        handover = handover_export(
            items=items,
            case_file=case,
            recipient=recipient,
            out_dir=Path(args.out),
            actor=_actor(),
            age_recipient=args.age_recipient,
            progress=_progress("packing"),
        )
    except ConsentMissing as exc:
        print("mizan evidence export: stopped — consent is missing:", file=sys.stderr)
        for line in exc.lines:
            print(f"  {line}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"mizan evidence export: {_message(exc)}", file=sys.stderr)
        return 2
    print(f"{handover.reference} {handover.package_sha256} {handover.package_path}")
    return 0


def run(args: argparse.Namespace) -> int:
    from django.utils import translation

    commands = {
        "add": cmd_add,
        "verify": cmd_verify,
        "fixity": cmd_fixity,
        "export": cmd_export,
        "sweep": cmd_sweep,
    }
    with translation.override("en"):  # the command line speaks English throughout
        if args.action != "sweep" and not unlock_or_explain(f"evidence {args.action}"):
            return 2 if args.action == "verify" else 1
        return commands[args.action](args)
