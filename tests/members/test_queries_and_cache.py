"""The members pages answer in at most 5 SQL queries whatever the number of activities, and from a cache a change invalidates."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Activity, Plan
from activities.services import plans
from agreement.models import TaskArea

PAGES = ["/members/activities/", "/members/activities/?organisation=censec&q=seminar", "/members/calendar.ics",
         "/members/feed.atom", "/members/", "/members/services/", "/members/contact/?q=eksport", "/sitemap.xml"]
MAX_QUERIES = 5


def _fill(orgs, demo_users, count):
    """`count` activities per party over this year and next, one in five visible, both plans submitted."""
    areas = list(TaskArea.objects.all())
    today = dt.date.today()
    for slug in ("censec", "difos"):
        for year in (today.year, today.year + 1):
            plan = Plan.objects.get_or_create(organisation=orgs[slug], year=year)[0]
            batch = [
                Activity(title=f"Seminar {slug} {year} {i}", task_area=areas[i % 5], start=dt.date(year, 1 + i % 12, 1 + i % 28),
                         end=dt.date(year, 1 + i % 12, 1 + i % 28), visibility=("public", "internal", "members", "internal", "internal")[i % 5],
                         target_groups="SMV")
                for i in range(count // 2)
            ]
            plans.activities_bulk_create(plan=plan, activities=batch)
            if plan.status == "draft":
                plans.plan_submit(user=demo_users[f"{slug}-secretariat"], plan=plan)


def _queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_every_members_page_stays_within_5_queries_at_two_data_sizes(client, orgs, demo_users, who):
    if who == "member":
        client.force_login(demo_users["member"])
    counts = {}
    # The session's once-a-minute touch, the roles and the parties are cached across pages: not these pages' cost.
    client.get("/members/activities/")
    for size in (40, 800):
        _fill(orgs, demo_users, size)
        for path in PAGES:
            cold = _queries(client, path)
            warm = _queries(client, path)
            counts[(size, path)] = (cold, warm)
            assert cold <= MAX_QUERIES and warm <= MAX_QUERIES, f"{path} at {size}: {cold} cold, {warm} warm"
    for path in PAGES:
        assert counts[(40, path)] == counts[(800, path)], path


def test_a_cached_page_answers_without_touching_the_activities(client, orgs, demo_users):
    _fill(orgs, demo_users, 40)
    client.get("/members/activities/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/members/activities/")
        client.get("/members/calendar.ics")
        client.get("/members/feed.atom")
    client.get("/members/calendar.ics")
    assert not any("activities_activity" in q["sql"] for q in ctx.captured_queries[3:])


def test_a_change_to_a_visible_activity_invalidates_the_cached_pages(client, orgs, demo_users):
    _fill(orgs, demo_users, 40)
    for path in ("/members/activities/", "/members/calendar.ics", "/members/feed.atom"):
        client.get(path)
    activity = Activity.objects.filter(visibility="public", start__gte=dt.date.today()).order_by("start").first()
    plans.activity_update(user=demo_users[f"{activity.plan.organisation.slug}-secretariat"], activity=activity,
                          version=activity.version, title="Omdøbt seminar")
    for path in ("/members/activities/", "/members/calendar.ics", "/members/feed.atom"):
        assert "Omdøbt seminar" in client.get(path).content.decode(), path


def test_a_cached_page_gives_each_visitor_a_working_language_switch(agreement):
    from django.test import Client

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get("/members/")
    page = second.get("/members/").content.decode()  # from the cache, made for the first visitor
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert "members-csrf-token-slot" not in page
    response = second.post("/i18n/setlang/", {"language": "en", "next": "/members/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Who does what" in second.get("/members/").content.decode()
