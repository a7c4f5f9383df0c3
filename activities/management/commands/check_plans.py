from django.core.management.base import BaseCommand

from activities import selectors
from activities.models import Finding, FindingStatus
from activities.services.findings import check_all, findings_with_activities
from portal.spreadsheets import write_csv


class Command(BaseCommand):
    help = "Run the plan checks now and print the open findings (exit 0 whether or not there are any)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int)
        parser.add_argument("--format", choices=["text", "csv"], default="text")

    def handle(self, *args, year, format, **options):
        result = check_all(year=year)
        found = Finding.objects.filter(status=FindingStatus.OPEN).order_by("id")
        if year:
            found = found.filter(year=year)
        rows = selectors.finding_rows(findings_with_activities(found), selectors.parties(), user=None)
        if format == "csv":
            write_csv(self.stdout, selectors.findings_csv_columns(), map(selectors.finding_csv_row, rows))
            return
        for row in rows:
            self.stdout.write(f"#{row.finding.pk} [{row.finding.kind} {row.finding.rule}] {row.explanation}")
        self.stdout.write(
            f"{len(rows)} open findings ({len(result.created)} new, {len(result.resolved)} resolved, {len(result.reopened)} reopened)."
        )
