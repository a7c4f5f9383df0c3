"""The demo plans: one finding of each kind, and seeding twice changes nothing."""

from activities import demo
from activities.models import Activity, Finding


def test_it_seeds_plans_with_every_kind_of_finding_idempotently(demo_users):
    demo.seed(users=demo_users)
    counts = (Activity.objects.count(), Finding.objects.count())
    assert {"overlap", "responsibility", "single_track", "common_interest"} <= set(Finding.objects.values_list("kind", flat=True))
    assert Finding.objects.filter(kind="single_track", activities__counterparts__icontains="Lockheed Martin").exists()
    demo.seed(users=demo_users)
    assert (Activity.objects.count(), Finding.objects.count()) == counts
