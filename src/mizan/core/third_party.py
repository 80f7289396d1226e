"""Other packages' apps under names an Arabic-speaking administrator can read.

django-otp, django-axes and django-tasks-db name their apps (and django-otp its models) in
plain English, not through gettext, so the admin showed "Otp_Totp" and "TOTP devices" in the
Arabic interface. The apps are installed through these configs (settings.INSTALLED_APPS) with
translated names; the admin index and sidebar take the models' translated names from
``MODEL_NAMES`` (``relabel_app_list``). Model options are left alone: changing them would
change those packages' migration state.
"""

from __future__ import annotations

from typing import Any

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from django_tasks_db.apps import TasksAppConfig


class AuthenticatorAppsConfig(TOTPConfig):  # type: ignore[misc]
    verbose_name = _("Two-factor: authenticator apps")


class BackupCodesConfig(StaticConfig):  # type: ignore[misc]
    verbose_name = _("Two-factor: backup codes")


class SignInLockoutsConfig(AxesConfig):  # type: ignore[misc]
    verbose_name = _("Sign-in attempts and lockouts")


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")  # type: ignore[assignment]


# (app label, model name) → the model's name in the admin's lists.
MODEL_NAMES: dict[tuple[str, str], Any] = {
    ("otp_totp", "totpdevice"): _("Authenticator apps"),
    ("otp_static", "staticdevice"): _("Backup code sets"),
    ("django_tasks_database", "dbtaskresult"): _("Background task results"),
}


def relabel_app_list(app_list: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for app in app_list:
        for model in app.get("models", []):
            label = MODEL_NAMES.get((app["app_label"], model["object_name"].lower()))
            if label is not None:
                model["name"] = label
    return app_list
