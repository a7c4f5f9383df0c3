"""seed_demo's director contacts: a year of months, one missed, one overdue action item; idempotent."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from coordination.models import ActionItem, DirectorContact, MonthRecord


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_the_demo_has_a_year_of_contacts_one_missed_month_and_an_overdue_item():
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    counts = (DirectorContact.objects.count(), ActionItem.objects.count(), MonthRecord.objects.count())
    assert counts == (11, 11, 12)
    assert list(MonthRecord.objects.filter(status="missed").values_list("status", flat=True)) == ["missed"]
    assert ActionItem.objects.filter(done=False, due_on__lt=timezone.localdate()).count() == 1
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (DirectorContact.objects.count(), ActionItem.objects.count(), MonthRecord.objects.count()) == counts
