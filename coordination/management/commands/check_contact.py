import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coordination.monthly import check_contact
from portal.notifications import batch, deliver_pending
from portal.parsing import validate_date


class Command(BaseCommand):
    help = (
        "Apply the monthly director-contact rule (§5 C-MONTHLY) as of today, or --today YYYY-MM-DD; "
        "its messages have been sent when it returns. Safe to run any number of times."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="the local date to apply the rule as of (default: today in TIME_ZONE)")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
                validate_date(today)
            except (ValueError, ValidationError):
                raise CommandError(f"--today must be a date as YYYY-MM-DD between 1900 and 2199, not {options['today']!r}.") from None
        with batch():
            result = check_contact(today=today)
        emailed = deliver_pending()
        if result.recorded is not None:
            self.stdout.write(f"{result.recorded.month:%Y-%m}: {result.recorded.status}")
        for line in result.notified:
            self.stdout.write(f"notified {line}")
        self.stdout.write(f"{len(result.notified)} new notifications, {emailed} emails sent.")
