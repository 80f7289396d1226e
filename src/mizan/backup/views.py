from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mizan.backup.health import FAIL, findings


@login_required
# The administrators' permission (the accounts app grants it to the administrator role only).
@permission_required("core.view_auditentry", raise_exception=True)
def health(request: HttpRequest) -> HttpResponse:
    """Backups, drill, worker, fixity, disk and key files: what is wrong and what to do."""
    found = findings()
    return render(
        request,
        "backup/health.html",
        {"findings": found, "failing": sum(1 for f in found if f.status == FAIL)},
    )
