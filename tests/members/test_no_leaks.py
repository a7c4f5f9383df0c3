"""Nothing internal reaches a members page, feed, search result, sitemap or error page, for visitors or members.

Every text field of an internal activity, of a visible activity in a draft plan, of an internal
service, of findings, board meetings, agenda items, materials, people, director contacts and action
items, and every staff name, holds a marker; then every members address is crawled.
"""

import datetime as dt
import re

import pytest
from django.db import models

from activities.models import Activity, Finding, Plan
from activities.services import plans
from agreement.models import MatrixRow, TaskArea

MARKER = "ZQXLEAK"
SOON = dt.date.today() + dt.timedelta(days=10)


def _mark_every_text_field(model):
    """Put the marker (with the row's id, so a leak names its source) into every free-text field of every row."""
    fields = [
        f for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices and not f.unique
        and not isinstance(f, (models.SlugField, models.EmailField, models.URLField)) and f.name not in ("sha256", "content_type")
        and (f.max_length or 100) >= len(MARKER) + 6
    ]

    def marked(field, pk):
        text = f"{MARKER}-{model.__name__}-{field.name}-{pk}"
        return text if len(text) <= (field.max_length or len(text)) else f"{MARKER}-{pk}"[: field.max_length]

    for obj in model.objects.all():
        model.objects.filter(pk=obj.pk).update(**{f.name: marked(f, obj.pk) for f in fields})


@pytest.fixture
def world(demo_users, orgs, django_user_model):
    from activities import demo as activities_demo
    from governance import demo as governance_demo
    from coordination import demo as demo_contacts
    from coordination.models import ActionItem, DirectorContact
    from governance.models import AgendaItem, Material, Meeting, Person
    from members import demo as members_demo
    from members.services import service_create

    governance_demo.seed(users=demo_users)
    activities_demo.seed(users=demo_users)
    demo_contacts.seed(users=demo_users)
    members_demo.seed(users=demo_users)
    secretariat = demo_users["censec-secretariat"]
    submitted = Plan.objects.filter(organisation=orgs["censec"], status="submitted").order_by("year").last()
    fields = {name: f"{MARKER}-internal-{name}" for name in ("title", "description", "topics", "counterparts", "target_groups", "place")}
    internal = plans.activity_create(
        user=secretariat, plan=submitted, task_area=TaskArea.objects.get(slug="cluster"), matrix_row=MatrixRow.objects.get(code="2.1"),
        start=dt.date(submitted.year, 6, 1), end=dt.date(submitted.year, 6, 2), visibility="internal",
        signup_url=f"https://example.com/{MARKER}-internal-signup", common_interest=True, partner=orgs["difos"], **fields,
    )
    draft = Plan.objects.create(organisation=orgs["censec"], year=SOON.year + 2)
    in_draft = plans.activity_create(
        user=secretariat, plan=draft, title=f"{MARKER}-draft-title", description=f"{MARKER}-draft-description",
        task_area=TaskArea.objects.get(slug="cluster"), start=dt.date(draft.year, 3, 1), end=dt.date(draft.year, 3, 1),
        visibility="public", place=f"{MARKER}-draft-place",
    )
    service_create(user=secretariat, organisation=orgs["censec"], name=f"{MARKER}-service", description=f"{MARKER}-service-description",
                   contact_name=f"{MARKER}-service-contact", contact_email="hidden@example.com", visibility="internal",
                   matrix_row=MatrixRow.objects.get(code="2.1"))
    for model in (Meeting, AgendaItem, Material, Person, DirectorContact, ActionItem, Finding):
        _mark_every_text_field(model)
    Finding.objects.update(reason=f"{MARKER}-finding-reason")
    django_user_model.objects.exclude(username="member").update(first_name=MARKER, last_name="staff")
    visible = list(Activity.objects.filter(plan__status="submitted").exclude(visibility="internal").values_list("pk", flat=True))
    return {"internal": internal.pk, "draft": in_draft.pk, "visible": visible, "year": submitted.year}


def members_urls(world):
    urls = ["/members/", "/members/activities/", "/members/services/", "/members/calendar.ics", "/members/feed.atom",
            "/sitemap.xml", "/robots.txt", "/members/?lang=en", "/members/activities/?lang=en"]
    # MARKER[:-1]: the page repeats the query in its search box; the prefix would still find a marked text.
    for query in (MARKER[:-1].lower(), "cluster", "klynge", "Lockheed Martin", "SMV", "staff", "matchmaking"):
        urls += [f"/members/activities/?q={query}", f"/members/contact/?q={query}", f"/members/services/?q={query}",
                 f"/members/calendar.ics?q={query}", f"/members/feed.atom?q={query}"]
    for year in (world["year"], SOON.year + 2):
        for month in range(1, 13):
            urls += [f"/members/activities/?month={year}-{month:02d}", f"/members/calendar.ics?month={year}-{month:02d}"]
    for org in ("censec", "difos"):
        urls += [f"/members/activities/?organisation={org}&task_area=cluster", f"/members/services/?organisation={org}"]
    urls += [f"/members/activities/{pk}/" for pk in [*world["visible"], world["internal"], world["draft"], 999999]]
    urls += ["/members/activities/?month=garbage", "/members/nothing-here/", "/members/activities/?page=9999"]
    return urls


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_no_internal_text_reaches_any_members_address(world, client, demo_users, who):
    if who == "member":
        client.force_login(demo_users["member"])
    leaks = []
    for url in members_urls(world):
        response = client.get(url)
        assert response.status_code in (200, 404), f"{url}: {response.status_code}"
        body = response.content.decode()
        if MARKER in body:
            leaks.extend(f"{url}: {m}" for m in sorted(set(re.findall(rf"{MARKER}[\w-]*", body))))
    assert leaks == []


def test_the_crawl_does_see_the_visible_activities(world, client):
    """The crawl above is not vacuous: the public activities are on the pages it reads."""
    html = client.get("/members/activities/").content.decode()
    assert html.count('data-testid="activity"') >= 1
    assert client.get(f"/members/activities/{world['internal']}/").status_code == 404
    assert client.get(f"/members/activities/{world['draft']}/").status_code == 404
