"""Published plans for the members pages, written through the services like the secretariats would."""

import datetime as dt

import pytest

from activities.models import Plan
from activities.services import plans
from activities.services.partners import partner_confirm
from agreement.models import TaskArea


@pytest.fixture
def member(demo_users):
    return demo_users["member"]


@pytest.fixture
def publish(demo_users, orgs):
    """publish("censec", title=..., visibility="public", start=date, submit=True, **fields) → the activity.

    The plan of that party and year is submitted (so its visible activities are published) unless `submit=False`;
    a named partner is confirmed by the partner party's director unless `confirm_partner=False`.
    """

    def make(slug, *, title="Aktivitet", visibility="public", area="cluster", start=None, days=1, submit=True, confirm_partner=True, **fields):
        start = start or dt.date.today() + dt.timedelta(days=10)
        plan = Plan.objects.get_or_create(organisation=orgs[slug], year=start.year)[0]
        user = demo_users[f"{slug}-secretariat"]
        activity = plans.activity_create(
            user=user, plan=plan, title=title, task_area=TaskArea.objects.get(slug=area), start=start,
            end=start + dt.timedelta(days=days - 1), visibility=visibility, **fields,
        )
        if submit and plan.status == "draft":
            plans.plan_submit(user=user, plan=plan)
        if confirm_partner and activity.partner_id:  # the partner party confirms the joint activity (i11d)
            partner_confirm(user=demo_users[f"{activity.partner.slug}-director"], activity=activity)
        activity.refresh_from_db()
        return activity

    return make
