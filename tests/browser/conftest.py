"""Data for the browser tests that walk many pages."""

import pytest
from django.core.management import call_command

from activities.tasks import notify_findings_task
from governance.models import Meeting


@pytest.fixture
def demo(settings, tmp_path):
    """What `seed_demo` makes, plus the notifications of the first checks; returns the upcoming CenSec board meeting."""
    settings.DEBUG = True  # seed_demo refuses otherwise
    call_command("seed_demo", stdout=open(tmp_path / "seed.log", "w"))
    settings.DEBUG = False
    notify_findings_task.run()
    return Meeting.objects.filter(title="Bestyrelsesmøde i CenSec").first()
