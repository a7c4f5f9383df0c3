from django.core.management.base import BaseCommand

from agreement.services import agreement_load


class Command(BaseCommand):
    help = "Load the parties, the agreement's clauses and the Appendix 1 matrix (idempotent)."

    def handle(self, *args, **options):
        created = agreement_load()
        summary = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Agreement loaded (new: {summary})."))
