"""Writes and workflows of the evidence locker: ingest, custody events, checkpoints, fixity,
verification, derived copies and handover packages.

The modules, each importing only those above it:

    custody.py   the store and the signing key (one each per installation), the custody log
                 (custody_record under a lock on the chain's head), checkpoints
    ingest.py    item_ingest, derived copies, links, notes, item_update, item_content,
                 item_range (a byte range read on its own: seeking)
    fixity.py    item_fixity, fixity_run, locker_verify (chain, checkpoints, every object)
    rekey.py     store_key_rotate (re-wrap every object's data key under a new store key)
    handover.py  consent scopes, recipients, the package summary, handover_export

This package re-exports every public name, so ``from mizan.evidence.services import …`` and
``services.item_ingest(…)`` keep working; a test that patches a name patches it in the module
that looks it up (``mizan.evidence.services.custody._stores``, for example).
"""

from mizan.evidence.services.custody import (
    StoreKeyMissing,
    actor_label,
    checkpoint_sign,
    custody_record,
    get_signing_key,
    get_store,
    now_iso,
    objects_discard_unclaimed,
    store_lock_status,
    store_sweep,
    store_unlock,
)
from mizan.evidence.services.fixity import CheckReport, fixity_run, item_fixity, locker_verify
from mizan.evidence.services.handover import (
    REQUIRED_SCOPE,
    ConsentMissing,
    handover_export,
    missing_consent,
    package_summary,
    required_scope,
    resolve_recipient,
    summary_pdf,
)
from mizan.evidence.services.ingest import (
    TEXT_PAGES_LIMIT,
    THUMBNAIL_SIZE,
    IngestResult,
    ItemDamaged,
    Provenance,
    item_annotate,
    item_content,
    item_derive,
    item_ingest,
    item_link,
    item_playback,
    item_range,
    item_unlink,
    item_update,
)
from mizan.evidence.services.rekey import RotateReport, store_key_rotate

__all__ = [
    "REQUIRED_SCOPE",
    "TEXT_PAGES_LIMIT",
    "THUMBNAIL_SIZE",
    "CheckReport",
    "ConsentMissing",
    "IngestResult",
    "ItemDamaged",
    "Provenance",
    "RotateReport",
    "StoreKeyMissing",
    "actor_label",
    "checkpoint_sign",
    "custody_record",
    "fixity_run",
    "get_signing_key",
    "get_store",
    "handover_export",
    "item_annotate",
    "item_content",
    "item_derive",
    "item_fixity",
    "item_ingest",
    "item_link",
    "item_playback",
    "item_range",
    "item_unlink",
    "item_update",
    "locker_verify",
    "missing_consent",
    "now_iso",
    "objects_discard_unclaimed",
    "package_summary",
    "required_scope",
    "resolve_recipient",
    "store_key_rotate",
    "store_lock_status",
    "store_sweep",
    "store_unlock",
    "summary_pdf",
]
