"""``mizan createadmin``: the first administrator of a new installation.

Asks for the password twice (or reads MIZAN_ADMIN_PASSWORD for unattended set-up), checks it
against the password rules, and creates a superuser in the administrator role, audited.
"""

import getpass
import os
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.accounts.models import User
from mizan.accounts.services import user_create


class Command(BaseCommand):
    help = "Create an administrator account."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"an account named {username!r} exists already; nothing changed")
        password = os.environ.get("MIZAN_ADMIN_PASSWORD")
        if not password:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("the two passwords differ; nothing changed")
        try:
            validate_password(password, User(username=username, email=options["email"]))
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages) + " Nothing changed.") from None
        user_create(
            actor=None,
            username=username,
            password=password,
            role="administrator",
            email=options["email"],
            is_superuser=True,
        )
        self.stdout.write(
            f"Administrator {username!r} created. At first sign-in you will set up "
            "two-factor authentication."
        )
