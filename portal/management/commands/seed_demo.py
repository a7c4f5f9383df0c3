import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agreement.services import agreement_load

# Each app's demo data, in dependency order: users first, then boards, plans, contacts.
DEMO_MODULES = ["portal.demo", "governance.demo", "activities.demo", "governance.demo_contacts", "members.demo"]


class Command(BaseCommand):
    help = "Create the demo users, boards, meetings, materials and plans (idempotent; DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: it creates users with the password 'demo'.")
        with transaction.atomic():
            agreement_load()
            users = None
            for name in DEMO_MODULES:
                if importlib.util.find_spec(name) is None:
                    continue
                module = importlib.import_module(name)
                result = module.seed() if users is None else module.seed(users=users)
                if users is None:
                    users = result
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(users)} users (password 'demo')."))
