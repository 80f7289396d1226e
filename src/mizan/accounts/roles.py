"""The six roles of Mizan as Django groups, with their permissions and default clearance.

Groups are created by a data migration (0002_roles). Permissions are attached after every
``migrate`` (post_migrate) because the permission rows of apps added later exist only then; the
sync only adds, so permissions an administrator granted by hand are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.core.sensitivity import Sensitivity


@dataclass(frozen=True)
class Role:
    name: str
    label: Promise
    description: Promise
    clearance: Sensitivity
    permissions: tuple[str, ...]  # "app_label.codename"; missing ones (apps not yet built) skip


VIEW_REFERENCE = (
    "core.view_place",
    "core.view_site",
    "core.view_term",
    "core.view_team",
    "cases.view_incident",
    "cases.view_person",
    "cases.view_organisation",
    "cases.view_source",
    "cases.view_casefile",
    "evidence.view_item",
    "missing.view_missingperson",
    "missing.view_sourcelist",
    "missing.view_gravedocument",
    "testimonies.view_testimony",
    "activities.view_activity",
    # Projects and their indicators hold no personal data: whoever reads activities reads them.
    "activities.view_project",
)
# The registry of the missing: files, families, lists and their imports, mass-grave documents.
# Relatives' contact details need their own permission (and clearance): see Relative.
KEEP_REGISTRY = (
    "missing.add_missingperson",
    "missing.change_missingperson",
    "missing.add_sourcelist",
    "missing.change_sourcelist",
    "missing.import_sourcelist",
    "missing.add_gravedocument",
    "missing.change_gravedocument",
    "missing.view_contact_details",
)
LIBRARY = (
    "library.view_document",
    "library.add_document",
    "library.change_document",
    "library.add_documentversion",
    "library.add_documentrelation",
    "library.delete_documentrelation",
)
# The accountability tracker: submissions to courts, prosecutors and UN bodies, proceedings.
ACCOUNTABILITY = (
    "accountability.view_submission",
    "accountability.add_submission",
    "accountability.change_submission",
    "accountability.view_proceeding",
    "accountability.add_proceeding",
    "accountability.change_proceeding",
    "accountability.view_agreement",
)
DOCUMENT = (
    "cases.export_records",
    "cases.add_incident",
    "cases.change_incident",
    "cases.add_person",
    "cases.change_person",
    "cases.add_organisation",
    "cases.change_organisation",
    "cases.add_source",
    "cases.change_source",
    "evidence.add_item",
    "evidence.change_item",
    "testimonies.add_testimony",
    "testimonies.change_testimony",
    "activities.add_activity",
    "activities.change_activity",
    # Programme staff who record activities keep the projects they run under (issue 17).
    "activities.add_project",
    "activities.change_project",
    "activities.add_indicator",
    "activities.change_indicator",
    "activities.delete_indicator",
)

ROLES: tuple[Role, ...] = (
    Role(
        "administrator",
        _("Administrator"),
        _("Manages users, roles, vocabularies, keys and backups; reads the audit log."),
        Sensitivity.RESTRICTED,
        (
            *VIEW_REFERENCE,
            "core.add_site",
            "core.change_site",
            "core.delete_site",
            *DOCUMENT,
            "cases.add_casefile",
            "cases.change_casefile",
            "evidence.handover_items",
            "testimonies.publish_testimony",
            "activities.publish_activity",
            "activities.add_project",
            "activities.change_project",
            "activities.view_project",
            "activities.add_indicator",
            "activities.change_indicator",
            "activities.delete_indicator",
            *ACCOUNTABILITY,
            "accountability.add_agreement",
            "accountability.change_agreement",
            "evidence.add_recipient",
            "evidence.change_recipient",
            "core.add_term",
            "core.change_term",
            "core.add_place",
            "core.change_place",
            "core.add_team",
            "core.change_team",
            "core.view_auditentry",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.view_user",
            "auth.view_group",
            *KEEP_REGISTRY,
            *LIBRARY,
        ),
    ),
    Role(
        "legal_officer",
        _("Legal officer"),
        _("Qualifies incidents legally, builds case files and hands evidence over."),
        Sensitivity.RESTRICTED,
        (
            *VIEW_REFERENCE,
            *DOCUMENT,
            "core.add_site",
            "core.change_site",
            "cases.add_casefile",
            "cases.change_casefile",
            "evidence.handover_items",
            "testimonies.publish_testimony",
            *ACCOUNTABILITY,
            # The memoranda of understanding submissions are made under (issue 18).
            "accountability.add_agreement",
            "accountability.change_agreement",
        ),
    ),
    Role(
        "documenter",
        _("Documenter"),
        _("Interviews victims, witnesses and families; records incidents and evidence."),
        Sensitivity.CONFIDENTIAL,
        (*VIEW_REFERENCE, *DOCUMENT, "core.add_site", "core.change_site"),
    ),
    Role(
        "missing_persons_officer",
        _("Missing-persons officer"),
        _("Keeps the registry of the missing and their families; imports and matches lists."),
        Sensitivity.CONFIDENTIAL,
        (
            *VIEW_REFERENCE,
            "core.add_site",
            "core.change_site",
            # Missing persons and their relatives are Persons: the officer keeps their names.
            "cases.add_person",
            "cases.change_person",
            *KEEP_REGISTRY,
        ),
    ),
    Role(
        "researcher",
        _("Researcher"),
        _("Publishes the library of international documents and the organisation's studies."),
        Sensitivity.INTERNAL,
        (*VIEW_REFERENCE, *LIBRARY),
    ),
    Role(
        "viewer",
        _("Viewer"),
        _("Reads internal records; cannot change anything."),
        Sensitivity.INTERNAL,
        (*VIEW_REFERENCE, "library.view_document"),
    ),
)
ROLES_BY_NAME = {role.name: role for role in ROLES}


def role_label(name: str) -> str:
    role = ROLES_BY_NAME.get(name)
    return str(role.label) if role else name


def sync_role_permissions(*, apps: Any = None, using: str = "default", **kwargs: Any) -> None:
    from django.contrib.auth.models import Group, Permission
    from django.db import connections

    if using != "default" or "auth_group" not in connections[using].introspection.table_names():
        return
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        wanted: list[Any] = []
        for dotted in role.permissions:
            app_label, codename = dotted.split(".", 1)
            wanted.extend(
                Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.add(*wanted)
