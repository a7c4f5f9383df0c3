from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.models import Board
from governance.services_seats import BoardRejected, board_import


class Command(BaseCommand):
    help = "Import a board's people and seats from a CSV or XLSX file (CONTRACT.md board columns): all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--board", required=True, help="the board's party slug: censec or difos")

    def handle(self, *args, file, board, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        target = Board.objects.select_related("organisation").filter(organisation__slug=board).first()
        if target is None:
            raise CommandError(f"--board must be the slug of a party with a board (censec or difos), not {board!r}.")
        try:
            counts = board_import(user=None, board=target, name=path.name, data=path.read_bytes())
        except BoardRejected as exc:
            for line, reason in exc.errors:
                self.stderr.write(f"{path.name}:{line}: {reason}")
            raise CommandError(f"Nothing imported: {len(exc.errors)} bad rows.") from None
        self.stdout.write(self.style.SUCCESS(
            "{people_created} people added, {people_updated} corrected, {seats_created} seats added, "
            "{seats_updated} corrected on ".format(**counts) + str(target) + "."
        ))
