from typing import Any

from django.http import HttpRequest

from mizan.core.permissions import effective_clearance


def mizan(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "effective_clearance": effective_clearance(user),
    }
