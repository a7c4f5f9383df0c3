"""A secretariat member adds an activity in the browser and sees that it overlaps the other party's plan.

The check runs synchronously here: Celery's `task_always_eager` makes the on-commit enqueue run the
task in the web server's thread, so the page the user lands on already shows the finding. (In
production the page shows "checking…" and htmx polls until the worker is done.)
"""

import datetime as dt

import pytest

from activities.models import Plan
from activities.services import plans
from agreement.models import TaskArea
from portal.celery import app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def eager_checks():
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def test_a_secretariat_member_adds_an_activity_and_sees_the_overlap(demo_users, orgs, eager_checks, login_as):
    cluster = TaskArea.objects.get(slug="cluster")
    plans.activity_create(
        user=demo_users["difos-secretariat"], plan=Plan.objects.create(organisation=orgs["difos"], year=2027),
        title="Matchmaking-dag for forsvarsindustrien", task_area=cluster, start=dt.date(2027, 3, 11), end=dt.date(2027, 3, 11),
        topics="match-making", target_groups="store virksomheder",
    )
    Plan.objects.create(organisation=orgs["censec"], year=2027)

    page = login_as("censec-secretariat")
    page.goto("/activities/censec/2027/")
    page.click("a[href='/activities/censec/2027/activities/new/']")
    # htmx (at the end of the page) must be loaded before typing, or the suggestion request never starts
    page.wait_for_load_state()
    page.fill("#id_title", "Innovationsmatchmaking for SMV'er")
    page.wait_for_selector("[data-testid=row-suggestions]")  # the matrix row is suggested from the text
    page.select_option("#id_task_area", value=str(cluster.pk))
    page.fill("#id_start", "2027-03-10")
    page.fill("#id_end", "2027-03-12")
    page.fill("#id_topics", "Matchmaking; innovation")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    assert page.url.endswith("/activities/censec/2027/")
    finding = page.locator("[data-testid=plan-findings] [data-kind=overlap]")
    assert finding.count() == 1
    text = finding.inner_text()
    assert "Matchmaking-dag for forsvarsindustrien" in text and "DI FOS" in text and "§4" in text
    assert "Innovationsmatchmaking for SMV'er" in page.locator("[data-testid=activity-table]").inner_text()
