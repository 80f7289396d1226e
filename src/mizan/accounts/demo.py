"""Demo accounts, one per role. Passwords are random per installation and kept in
``MIZAN_HOME/demo-accounts.txt`` (mode 0600), so a second run prints the same ones."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.conf import settings

from mizan.accounts.models import User
from mizan.accounts.services import user_create
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity

ACCOUNTS = [
    # username, role, teams, superuser
    ("admin", "administrator", ["detention-files", "missing-registry"], True),
    ("legal", "legal_officer", ["detention-files"], False),
    ("documenter", "documenter", ["detention-files"], False),
    ("missing", "missing_persons_officer", ["missing-registry"], False),
    ("researcher", "researcher", [], False),
    ("viewer", "viewer", [], False),
]


def _passwords() -> dict[str, str]:
    path = settings.MIZAN_HOME / "demo-accounts.txt"
    known: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                name, password = line.split("\t", 1)
                known[name] = password
    missing = [name for name, *_ in ACCOUNTS if name not in known]
    if missing:
        for name in missing:
            known[name] = "demo-" + secrets.token_urlsafe(9)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines(f"{name}\t{password}\n" for name, password in known.items())
    return known


def load(stdout: Any, show_credentials: bool = True) -> None:
    passwords = _passwords()
    for username, role, teams, superuser in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user_create(
            actor=None,
            username=username,
            password=passwords[username],
            role=role,
            teams=list(Team.objects.filter(slug__in=teams)),
            is_superuser=superuser,
        )
    if show_credentials:
        stdout.write(
            "\nDemo accounts (synthetic data only; passwords in "
            f"{settings.MIZAN_HOME / 'demo-accounts.txt'}):"
        )
        for username, role, _teams, _superuser in ACCOUNTS:
            user = User.objects.get(username=username)
            stdout.write(
                f"  {username:<11} {passwords[username]:<20} {role:<24} "
                f"clearance: {Sensitivity(user.clearance).name.lower()}"
            )
        stdout.write(
            "Accounts with confidential or restricted clearance set up two-factor "
            "authentication at first sign-in (any TOTP app)."
        )
