"""Writing plans and activities: validation, history, the refused concurrent save, submit, coordinate, copy."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activities.models import Activity, Finding, FindingStatus, Plan, PlanStatus
from activities.services import plans
from activities.services.findings import check_activity
from agreement.models import TaskArea


def test_it_adds_an_activity_with_history_and_a_pending_check(add_activity, censec_secretariat):
    activity = add_activity("censec", title="  Droneworkshop  ", topics="droner; ; Droner; sensorer")
    assert activity.title == "Droneworkshop" and activity.topics == "droner; sensorer"
    assert activity.needs_check and activity.version == 1
    [record] = activity.history.all()
    assert record.history_user == censec_secretariat and record.history_type == "+"


@pytest.mark.parametrize(
    "start, end, field",
    [
        (dt.date(2027, 3, 2), dt.date(2027, 3, 1), "end"),
        (dt.date(2026, 12, 30), dt.date(2027, 1, 2), "start"),
        (dt.date(2027, 1, 1), dt.date(2028, 1, 3), "end"),
    ],
)
def test_it_refuses_bad_dates_with_a_clear_message(plan_for, censec_secretariat, start, end, field):
    with pytest.raises(ValidationError) as exc:
        plans.activity_create(
            user=censec_secretariat, plan=plan_for("censec"), title="X", task_area=TaskArea.objects.get(slug="cluster"), start=start, end=end
        )
    assert field in exc.value.message_dict
    assert not Activity.objects.exists()


def test_the_database_refuses_an_end_before_the_start(plan_for):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Activity.objects.create(
            plan=plan_for("censec"), title="X", task_area=TaskArea.objects.get(slug="cluster"), start=dt.date(2027, 3, 2), end=dt.date(2027, 3, 1)
        )


def test_the_database_keeps_one_plan_per_party_and_year(plan_for, orgs):
    from django.db import IntegrityError

    plan_for("censec")
    with pytest.raises(IntegrityError):
        Plan.objects.create(organisation=orgs["censec"], year=2027)


def test_it_refuses_the_other_partys_secretariat(plan_for, difos_secretariat, censec_director):
    for user in (difos_secretariat, censec_director):
        with pytest.raises(PermissionDenied):
            plans.activity_create(
                user=user, plan=plan_for("censec"), title="X", task_area=TaskArea.objects.get(slug="cluster"),
                start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 1),
            )


def test_it_refuses_the_second_of_two_concurrent_saves_and_says_what_changed(add_activity, demo_users):
    first = add_activity("censec", title="Droneworkshop")
    second = Activity.objects.get(pk=first.pk)  # another browser tab, opened at the same version
    plans.activity_update(user=demo_users["censec-secretariat"], activity=first, version=1, title="Droneworkshop i Aalborg")
    with pytest.raises(plans.StaleActivity) as exc:
        plans.activity_update(user=demo_users["censec-secretariat"], activity=second, version=1, title="Droneseminar")
    assert [c[1:] for c in exc.value.changes] == [("Droneworkshop", "Droneworkshop i Aalborg")]
    assert exc.value.version == 2
    assert Activity.objects.get(pk=first.pk).title == "Droneworkshop i Aalborg"


def test_every_change_is_kept_with_before_and_after(add_activity, censec_secretariat):
    from activities.selectors import activity_history

    activity = add_activity("censec", title="A")
    plans.activity_update(user=censec_secretariat, activity=activity, version=1, title="B", status="ongoing")
    [changed, created] = activity_history(user=censec_secretariat, plan=activity.plan, activity_id=activity.pk)
    assert created.action == "created" and changed.action == "changed" and changed.who == censec_secretariat
    assert [c[1:] for c in changed.changes][0] == ("A", "B") and len(changed.changes) == 2


def test_deleting_an_activity_resolves_its_findings(add_activity, censec_secretariat):
    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    check_activity(activity.pk)
    finding = Finding.objects.get()
    plans.activity_delete(user=censec_secretariat, activity=activity)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RESOLVED


def test_a_plan_is_coordinated_only_once_both_parties_approved_and_no_finding_is_open(
    add_activity, censec_secretariat, censec_director, difos_director
):
    from coordination.services_twoparty import finding_word_give, plan_approve

    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    plan = activity.plan
    with pytest.raises(PermissionDenied):
        plan_approve(user=censec_director, plan=plan)  # still a draft
    plans.plan_submit(user=censec_secretariat, plan=plan)
    with pytest.raises(PermissionDenied):
        plan_approve(user=censec_secretariat, plan=plan)
    result = plan_approve(user=censec_director, plan=plan)  # runs the pending check, finds 1.1
    assert not result.coordinated and result.open_findings == 1
    plan_approve(user=difos_director, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED  # both approved, but a finding is open
    finding = Finding.objects.get()
    finding_word_give(user=difos_director, finding=finding, action="acknowledge", reason="Aftalt med DI FOS: CenSec deltager.")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COORDINATED and plan.coordinated_by == difos_director


def test_every_change_to_a_plans_activities_raises_its_revision(add_activity, censec_secretariat):
    activity = add_activity("censec", title="Briefing")
    plan = activity.plan
    plan.refresh_from_db()
    first = plan.revision
    plans.activity_update(user=censec_secretariat, activity=activity, version=activity.version, title="Briefing 2")
    add_activity("censec", title="Andet")
    plans.activity_delete(user=censec_secretariat, activity=activity)
    plan.refresh_from_db()
    assert plan.revision == first + 3


def test_it_copies_last_years_plan_moved_one_year(add_activity, plan_for, censec_secretariat):
    add_activity("censec", title="Årsmøde", start=dt.date(2026, 11, 18), days=2, status="done")
    add_activity("censec", title="Skudårsdag", start=dt.date(2026, 2, 27), days=1)
    add_activity("censec", title="Aflyst", start=dt.date(2026, 5, 1), status="cancelled")
    plan = plan_for("censec", 2027)
    assert plans.plan_duplicate(user=censec_secretariat, plan=plan, source=plan_for("censec", 2026)) == 2
    copied = {a.title: a for a in plan.activities.all()}
    assert copied["Årsmøde"].start == dt.date(2027, 11, 18) and copied["Årsmøde"].status == "planned"
    assert set(copied) == {"Årsmøde", "Skudårsdag"}
    assert all(a.needs_check for a in copied.values())
