"""Pages of the registry of the missing. Thin: parse, call a selector or a service, render.

    common.py    the permissions the pages check, small parsing helpers
    registry.py  the registry's files, the overview, mass-grave documents
    lists.py     source lists, importing a list, an imported record
    review.py    the linkage review: matching runs, the queue, decisions, a person's sources

This package re-exports every view, so ``urls.py`` keeps ``views.<name>``.
"""

from mizan.missing.views.lists import (
    job_confirm,
    job_detail,
    list_create,
    list_detail,
    list_import,
    list_list,
    record_detail,
)
from mizan.missing.views.registry import (
    contact_add,
    file_create,
    file_detail,
    file_edit,
    grave_list,
    overview,
    registry_export,
    registry_list,
    relative_add,
    relative_edit,
    report_add,
    status_add,
)
from mizan.missing.views.review import (
    file_sources,
    match_run_detail,
    match_run_start,
    merge_undo,
    pair_decide,
    record_detach,
    review_queue,
)

__all__ = [
    "contact_add",
    "file_create",
    "file_detail",
    "file_edit",
    "file_sources",
    "grave_list",
    "job_confirm",
    "job_detail",
    "list_create",
    "list_detail",
    "list_import",
    "list_list",
    "match_run_detail",
    "match_run_start",
    "merge_undo",
    "overview",
    "pair_decide",
    "record_detach",
    "record_detail",
    "registry_export",
    "registry_list",
    "relative_add",
    "relative_edit",
    "report_add",
    "review_queue",
    "status_add",
]
