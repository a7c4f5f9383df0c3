import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError

from portal.backup import backup_restore, database_is_empty


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("source", help="zip file written by `manage.py backup`")

    def handle(self, *args, source, **options):
        path = Path(source)
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
        if not zipfile.is_zipfile(path):
            raise CommandError(f"{path} is not a backup made by `manage.py backup` (not a zip file).")
        if not database_is_empty():
            raise CommandError(
                "The database is not empty. Restore into a new database: create it, run `manage.py migrate`, then restore."
            )
        try:
            result = backup_restore(path)
        except (KeyError, ValueError, DeserializationError) as exc:
            raise CommandError(f"Cannot restore {path}: {exc}") from None
        rows = sum(result["counts"].values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows and {result['files']} files from {path}."))
