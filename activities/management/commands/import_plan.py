from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agreement.models import Organisation
from activities.services.imports import ImportRejected, plan_import
from activities.services.plans import plan_get_or_create


class Command(BaseCommand):
    help = "Import a CSV or XLSX plan spreadsheet into a party's plan for a year: all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--org", required=True, help="the party's slug: censec or difos")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--replace", action="store_true", help="delete the plan's current activities first")

    def handle(self, *args, file, org, year, replace, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        organisation = Organisation.objects.filter(slug=org, kind=Organisation.Kind.PARTY).first()
        if organisation is None:
            raise CommandError(f"--org must be a party's slug (censec or difos), not {org!r}.")
        plan = plan_get_or_create(organisation=organisation, year=year)
        try:
            count = plan_import(user=None, plan=plan, name=path.name, data=path.read_bytes(), replace=replace)
        except ImportRejected as exc:
            for line, reason in exc.errors:
                self.stderr.write(f"{path.name}:{line}: {reason}")
            raise CommandError(f"Nothing imported: {len(exc.errors)} bad rows.") from None
        self.stdout.write(self.style.SUCCESS(f"{count} activities imported into {plan}."))
