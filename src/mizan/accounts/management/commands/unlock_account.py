"""``mizan manage unlock_account USERNAME``: lift a sign-in lockout before it expires.

A lockout (too many wrong passwords for an account, or from one address) ends by itself after
``MIZAN_AXES_COOLOFF_MINUTES``; an owner who cannot wait, after the administrator has made sure
it is really them, is unlocked with this command. The unlocking is written to the audit log
under the administrator named with ``--by``.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.accounts.models import User
from mizan.accounts.services import account_unlock


class Command(BaseCommand):
    help = "Unlock an account (or an address) locked by too many failed sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", default="", help="the locked account")
        parser.add_argument("--address", default="", help="also unlock this IP address")
        parser.add_argument(
            "--by", required=True, help="the administrator doing it (for the audit log)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be unlocked; change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username, address = options["username"].strip(), options["address"].strip()
        if not username and not address:
            raise CommandError("name the account to unlock (or --address IP); nothing changed")
        actor = User.objects.filter(username=options["by"], is_active=True).first()
        if actor is None or not actor.has_perm("accounts.change_user"):
            raise CommandError(
                f"{options['by']!r} is not an active administrator who may change accounts; "
                "nothing changed"
            )
        if username and not User.objects.filter(username=username).exists():
            self.stderr.write(f"No account is named {username!r}; its failures are cleared anyway.")
        if options["dry_run"]:
            self.stdout.write(f"Would unlock {username or '-'} {address}".strip())
            return
        cleared = account_unlock(actor=actor, username=username, ip_address=address)
        self.stdout.write(
            f"Unlocked {username or address}: {cleared} failure record(s) cleared; "
            "the unlocking is in the audit log."
        )
