"""The daily digest of the accountability tracker: to each legal officer, what is overdue or
coming (the dashboard card's reminders), for those who do not open Mizan every day.

    mizan manage accountability_digest [--send] [--user NAME]

Run once a day (cron or a systemd timer). Without ``--send`` it prints each user's digest and
sends nothing (a dry run); with it, it e-mails each user who has reminders and an e-mail
address, through Django's configured e-mail backend. Each user's digest holds only what that
user may see, so a digest never carries a record beyond its reader's clearance or team — and,
as e-mail is not a session verified with a second factor, the permission layer treats the reader
as it treats an unverified session: internal records at most. Reminders about confidential and
restricted records are on the dashboard only, after signing in.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from mizan.accountability import selectors
from mizan.core.audit import Action, audit_record


class Command(BaseCommand):
    help = "Print (or e-mail with --send) each legal officer's overdue and coming reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--send", action="store_true", help="e-mail the digests")
        parser.add_argument("--user", help="only this username")

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        if options["user"]:
            users = users.filter(username=options["user"])
        sent = 0
        for user in users:
            if not user.has_perm("accountability.view_submission"):
                continue
            language = getattr(user, "preferred_language", "") or "ar"
            with translation.override(language):
                reminders = selectors.reminders_for(user)
                if not reminders:
                    continue
                lines = [
                    f"{r.when.isoformat()}  {'!' if r.overdue else ' '}  {r.reference}  {r.text}"
                    for r in reminders
                ]
                subject = _("Mizan: what is overdue or coming")
                lines.append(
                    _("Reminders about confidential records are on your dashboard in Mizan.")
                )
            self.stdout.write(f"== {user.username} ({len(reminders)})")
            self.stdout.write("\n".join(lines))
            if options["send"] and user.email:
                send_mail(subject, "\n".join(lines), None, [user.email])
                audit_record(
                    actor=None,
                    action=Action.EXPORT,
                    object_type="accountability.digest",
                    object_id=str(user.pk),
                    detail={"reminders": len(reminders)},
                )
                sent += 1
        if options["send"]:
            self.stdout.write(f"{sent} digests sent.")
