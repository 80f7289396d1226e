"""The testimonies' section of a case file's page (``mizan.cases.sections``).

It lists the testimonies in the file that the user may see (the interviewee's name as the user's
clearance allows, through ``name_for``) and offers to add one by its reference; adding goes
through ``services.testimony_add_to_case_file``, which checks the interviewee's consent against
the file's recipient and links the testimony's items to the file.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mizan.testimonies.models import Testimony


def section_context(request: HttpRequest, case_file: Any) -> dict[str, Any]:
    user = request.user
    if not user.has_perm("testimonies.view_testimony"):
        return {"allowed": False}
    linked = Testimony.objects.filter(case_files=case_file)
    testimonies = list(linked.visible_to(user).select_related("interviewee").order_by("reference"))
    return {
        "allowed": True,
        "testimonies": testimonies,
        "hidden_testimonies": linked.count() - len(testimonies),
        "case_file": case_file,
    }
