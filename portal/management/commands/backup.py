from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.backup import backup_write


class Command(BaseCommand):
    help = "Write the whole portal (database and uploaded files) to one zip file."

    def add_arguments(self, parser):
        parser.add_argument("destination", nargs="?", help="zip file to write (default: backup-<timestamp>.zip)")

    def handle(self, *args, destination=None, **options):
        path = Path(destination or f"backup-{timezone.localtime():%Y%m%d-%H%M%S}.zip")
        if path.exists():
            raise CommandError(f"{path} exists already; choose another name.")
        result = backup_write(path)
        rows = sum(result["counts"].values())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}: {rows} rows, {result['files']} files."))
