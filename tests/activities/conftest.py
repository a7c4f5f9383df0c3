"""Factories for plans and activities, written through the services like a secretariat would."""

import datetime as dt

import pytest

from activities.models import Plan
from activities.services import plans
from agreement.models import MatrixRow, TaskArea


@pytest.fixture
def plan_for(orgs):
    """plan_for("censec", 2027) → that party's plan for the year (created if missing)."""

    def make(slug, year=2027):
        return Plan.objects.get_or_create(organisation=orgs[slug], year=year)[0]

    return make


@pytest.fixture
def add_activity(demo_users, plan_for):
    """add_activity("censec", title=..., area="cluster", start=date, days=2, row="1.1", **fields)."""

    def make(slug, *, title="Aktivitet", area="cluster", start=dt.date(2027, 3, 1), days=1, row=None, year=None, **fields):
        plan = plan_for(slug, year or start.year)
        return plans.activity_create(
            user=demo_users[f"{slug}-secretariat"],
            plan=plan,
            title=title,
            task_area=TaskArea.objects.get(slug=area),
            matrix_row=MatrixRow.objects.get(code=row) if row else None,
            start=start,
            end=start + dt.timedelta(days=days - 1),
            **fields,
        )

    return make
