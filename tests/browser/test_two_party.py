"""Both directors coordinate a plan, each in their own browser session (§4: the plans are coordinated between the two parties)."""

import datetime as dt

import pytest

from activities.models import Plan, PlanStatus
from activities.services import plans
from activities.services.findings import check_activity
from agreement.models import TaskArea

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_both_directors_coordinate_a_plan_each_from_their_own_session(demo_users, orgs, chromium, live_server, page, login_as):
    plan = Plan.objects.create(organisation=orgs["censec"], year=2027)
    activity = plans.activity_create(
        user=demo_users["censec-secretariat"], plan=plan, title="Klyngemøde om rumteknologi",
        task_area=TaskArea.objects.get(slug="cluster"), start=dt.date(2027, 4, 2), end=dt.date(2027, 4, 2),
    )
    check_activity(activity.pk)
    plans.plan_submit(user=demo_users["censec-secretariat"], plan=plan)

    censec = login_as("censec-director")
    censec.goto("/activities/censec/2027/")
    censec.click("[data-testid=approve-plan]")
    censec.wait_for_load_state()
    assert censec.locator("[data-testid=approval-censec]").get_attribute("data-approved") == "yes"
    assert censec.locator("[data-testid=approval-difos]").get_attribute("data-approved") == "no"
    assert "DI FOS" in censec.locator("[data-testid=plan-waiting]").inner_text()
    assert censec.locator("[data-testid=approve-plan]").count() == 0
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED

    context = chromium.new_context(base_url=live_server.url)
    try:
        difos = context.new_page()
        difos.set_default_timeout(10_000)
        _log_in(difos, "difos-director")
        difos.goto("/activities/censec/2027/")
        assert "DI FOS" in difos.locator("[data-testid=approve-plan]").inner_text()
        difos.click("[data-testid=approve-plan]")
        difos.wait_for_load_state()
        assert difos.locator("[data-testid=plan-coordinated]").count() == 1
        assert difos.locator("[data-testid=approval-difos]").get_attribute("data-approved") == "yes"
    finally:
        context.close()

    plan.refresh_from_db()
    assert plan.status == PlanStatus.COORDINATED and plan.coordinated_by == demo_users["difos-director"]
    censec.reload()
    assert censec.locator("[data-testid=plan-coordinated]").count() == 1
    assert demo_users["difos-director"].get_full_name() in censec.locator("[data-testid=approval-difos]").inner_text()
