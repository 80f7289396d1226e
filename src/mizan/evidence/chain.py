"""The custody chain's format: canonical events, their hashes, and the checks on a chain.

Pure Python, no Django: the database (``mizan.evidence.models``) stores events in this format, and
``mizan verify-package`` checks the events a handover package carries with the same functions,
on a machine that has never run Mizan.

Every custody event is a JSON object. Its hash is the SHA-256 of the canonical JSON of every field
except ``hash`` (keys sorted, no spaces, UTF-8, no ASCII escaping)::

    {"seq": 17,                      # position in the organisation's whole log, from 1
     "item": "EV-2026-000012",       # the item the event is about
     "action": "ingest",             # one of ACTIONS
     "actor": "documenter",          # user name, or "system" for scheduled work
     "at": "2026-11-24T20:31:07.123456Z",
     "details": {...},               # facts of the action (sha256 on ingest, recipient on export)
     "prev": "<hash of event seq-1, or 64 zeros>",
     "item_prev": "<hash of this item's previous event, or 64 zeros>",
     "hash": "<sha256 of the canonical JSON of the fields above>"}

Two links per event: ``prev`` chains the whole log (a removed or edited event anywhere breaks it),
``item_prev`` chains each item's own history, so a package can carry only the events of the
items it holds and its recipient can still show that no event of those items is missing or altered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

ACTIONS = (
    "ingest",
    "view",
    "download",
    "derive",
    "annotate",
    "export",
    "handover",
    "fixity",
    "link",
)

FIELDS = ("seq", "item", "action", "actor", "at", "details", "prev", "item_prev")


def canonical(data: Mapping[str, Any]) -> bytes:
    """The canonical bytes of a JSON object: sorted keys, compact, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(event: Mapping[str, Any]) -> str:
    """The hash of an event: SHA-256 of the canonical JSON of its FIELDS (``hash`` excluded)."""
    return hashlib.sha256(canonical({k: event.get(k) for k in FIELDS})).hexdigest()


def seal(event: Mapping[str, Any]) -> dict[str, Any]:
    """Return the event with its ``hash`` filled in."""
    sealed = {k: event.get(k) for k in FIELDS}
    sealed["hash"] = event_hash(sealed)
    return sealed


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    item: str | None
    problem: str

    def __str__(self) -> str:
        where = f"event {self.seq}" if self.seq is not None else "chain"
        if self.item:
            where += f" (item {self.item})"
        return f"{where}: {self.problem}"


def verify_events(events: Iterable[Mapping[str, Any]], *, whole_log: bool) -> list[ChainProblem]:
    """Check a sequence of events ordered by ``seq``.

    Every event's hash must recompute and every item's ``item_prev`` links must run unbroken from
    the item's first event. With ``whole_log`` (the organisation's own log) the ``prev`` links and
    the ``seq`` numbers must also run unbroken from 1; a package holds only some items' events,
    so it checks the per-item links only.
    """
    problems: list[ChainProblem] = []
    last_hash = GENESIS
    last_seq = 0
    item_heads: dict[str, str] = {}
    for event in events:
        seq, item = event.get("seq"), event.get("item")
        item_key = str(item)
        if not isinstance(seq, int):
            problems.append(ChainProblem(None, item_key, "has no sequence number"))
            continue
        recomputed = event_hash(event)
        if event.get("hash") != recomputed:
            problems.append(ChainProblem(seq, item_key, "its content does not match its hash"))
        if seq <= last_seq:
            problems.append(ChainProblem(seq, item_key, "is out of order or repeated"))
        if whole_log:
            if seq != last_seq + 1:
                problems.append(
                    ChainProblem(seq, item_key, f"events {last_seq + 1}–{seq - 1} are missing")
                )
            if event.get("prev") != last_hash:
                problems.append(ChainProblem(seq, item_key, "does not link to the event before it"))
        expected_item_prev = item_heads.get(item_key, GENESIS)
        if event.get("item_prev") != expected_item_prev:
            problems.append(
                ChainProblem(
                    seq, item_key, "does not link to this item's previous event (one is missing)"
                )
            )
        item_heads[item_key] = str(event.get("hash"))
        last_hash = str(event.get("hash"))
        last_seq = seq
    return problems


def item_heads(events: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The hash of each item's last event."""
    heads: dict[str, str] = {}
    for event in events:
        heads[str(event.get("item"))] = str(event.get("hash"))
    return heads


def checkpoint_payload(seq: int, head: str, at: str) -> bytes:
    """The bytes a checkpoint signature covers: the log's length and head at a moment."""
    return canonical({"seq": seq, "head": head, "at": at, "kind": "mizan-custody-checkpoint-v1"})
