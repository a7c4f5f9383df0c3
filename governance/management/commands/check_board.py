from django.core.management.base import BaseCommand

from governance.services_seats import check_rows
from portal.spreadsheets import write_csv


class Command(BaseCommand):
    help = "Evaluate §3 G1 and G2 for both boards now; --format csv gives the columns board,rule,holds,reason."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "csv"], default="text")

    def handle(self, *args, format, **options):
        rows = check_rows()
        if format == "csv":
            write_csv(self.stdout, ["board", "rule", "holds", "reason"],
                      [(board, rule, "yes" if holds else "no", reason) for board, rule, holds, reason in rows])
            return
        for board, rule, holds, reason in rows:
            self.stdout.write(f"{board} {rule}: {'holds' if holds else 'DOES NOT HOLD'} — {reason}")
