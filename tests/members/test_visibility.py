"""Who sees an activity on the members pages: by visibility level, plan status and cancellation, on every path."""

import datetime as dt

import pytest

from activities.models import Activity
from activities.services import plans

SOON = dt.date.today() + dt.timedelta(days=10)
PATHS = ["/members/activities/", "/members/calendar.ics", "/members/feed.atom"]


def _seen(client, title):
    """On which members paths the title appears."""
    found = [p for p in PATHS if title in client.get(p).content.decode()]
    return found


@pytest.fixture
def three_levels(publish):
    return {
        level: publish("censec", title=f"Niveau-{level}", visibility=level, start=SOON)
        for level in ("internal", "members", "public")
    }


def test_anonymous_visitors_see_public_activities_only_on_every_path(client, three_levels):
    assert _seen(client, "Niveau-public") == PATHS
    assert _seen(client, "Niveau-members") == []
    assert _seen(client, "Niveau-internal") == []
    assert client.get(f"/members/activities/{three_levels['members'].pk}/").status_code == 404
    assert client.get(f"/members/activities/{three_levels['public'].pk}/").status_code == 200


def test_members_see_members_and_public_activities_but_never_internal_ones(client, member, three_levels):
    client.force_login(member)
    assert _seen(client, "Niveau-public") == PATHS
    assert _seen(client, "Niveau-members") == PATHS
    assert _seen(client, "Niveau-internal") == []
    assert client.get(f"/members/activities/{three_levels['internal'].pk}/").status_code == 404


def test_party_staff_see_what_their_members_see(client, censec_director, three_levels):
    client.force_login(censec_director)
    assert _seen(client, "Niveau-members") == PATHS and _seen(client, "Niveau-internal") == []


def test_an_activity_shows_only_once_its_plan_is_submitted(client, publish, demo_users):
    draft = publish("difos", title="Kladdeaktivitet", submit=False, start=SOON)
    assert _seen(client, "Kladdeaktivitet") == []
    assert draft.published_at is None
    plans.plan_submit(user=demo_users["difos-secretariat"], plan=draft.plan)
    assert _seen(client, "Kladdeaktivitet") == PATHS
    draft.refresh_from_db()
    assert draft.published_at is not None


def test_a_cancelled_activity_shows_as_cancelled_if_it_had_been_published(client, publish, demo_users):
    activity = publish("censec", title="Aflyst seminar", start=SOON)
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, status="cancelled")
    page = client.get("/members/activities/").content.decode()
    assert "Aflyst seminar" in page and 'data-testid="cancelled"' in page
    assert "STATUS:CANCELLED" in client.get("/members/calendar.ics").content.decode()


def test_an_activity_cancelled_before_it_was_ever_published_never_shows(client, publish, demo_users):
    draft = publish("censec", title="Aldrig vist", submit=False, status="cancelled", start=SOON)
    plans.plan_submit(user=demo_users["censec-secretariat"], plan=draft.plan)
    assert _seen(client, "Aldrig vist") == []
    assert Activity.objects.get(pk=draft.pk).published_at is None


def test_turning_an_activity_internal_again_takes_it_off_at_once(client, publish, demo_users):
    activity = publish("censec", title="Trukket tilbage", start=SOON)
    assert _seen(client, "Trukket tilbage") == PATHS  # now cached
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, visibility="internal")
    assert _seen(client, "Trukket tilbage") == []


def test_the_secretariat_sets_visibility_place_and_sign_up_link_on_the_form(client, censec_secretariat, orgs):
    from activities.models import Plan
    from agreement.models import TaskArea

    Plan.objects.create(organisation=orgs["censec"], year=SOON.year)
    client.force_login(censec_secretariat)
    data = {"title": "Droneworkshop", "task_area": TaskArea.objects.get(slug="cluster").pk, "start": SOON.isoformat(),
            "end": SOON.isoformat(), "status": "planned", "visibility": "members", "place": "Odense",
            "signup_url": "https://example.com/tilmeld"}
    assert client.post(f"/activities/censec/{SOON.year}/activities/new/", data).status_code == 302
    activity = Activity.objects.get()
    assert (activity.visibility, activity.place, activity.signup_url) == ("members", "Odense", "https://example.com/tilmeld")
    bad = client.post(f"/activities/censec/{SOON.year}/activities/{activity.pk}/", {**data, "signup_url": "javascript:alert(1)", "version": 1})
    assert bad.status_code == 200 and "id_signup_url" in bad.content.decode()
    assert Activity.objects.get().signup_url == "https://example.com/tilmeld"
