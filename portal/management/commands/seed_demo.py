from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Create the demo users, boards, meetings, materials and plans (idempotent; DEBUG only)."

    def handle(self, *args, **options):
        """Each app's `demo.seed()`, in INSTALLED_APPS order (the order apps depend in): the first, the
        agreement's, loads the agreement and returns the users; every later one gets them."""
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: it creates users with the password 'demo'.")
        with transaction.atomic():
            users = None
            for config in apps.get_app_configs():
                if not module_has_submodule(config.module, "demo"):
                    continue
                module = import_module(f"{config.name}.demo")
                result = module.seed() if users is None else module.seed(users=users)
                if users is None:
                    users = result
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(users)} users (password 'demo')."))
