"""The next meeting's agenda (§5 O1), proposed on the form for a new contact from what changed since the last one;
and the plan activities presented, linked to the contact."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Activity, Finding, FindingKind, FindingStatus, Plan, PlanStatus
from agreement.models import TaskArea
from coordination import agenda
from coordination.models import DirectorContact
from portal.once import new_token

from .contacts_factory import local, make_contact

T0 = local(2026, 10, 1, 9)  # the plans as they stood
T1 = local(2026, 10, 15, 10)  # the last contact
T2 = local(2026, 11, 2, 9)  # what changed since
NOW = local(2026, 11, 20, 12)  # the form for the next meeting


def _activity(plan, title, start=dt.date(2026, 12, 1)):
    return Activity.objects.create(
        plan=plan, title=title, task_area=TaskArea.objects.get(slug="cluster"), start=start, end=start
    )


def _finding(kind, rule, activity, status=FindingStatus.OPEN):
    finding = Finding.objects.create(
        kind=kind, rule=rule, key=f"{kind}:{rule}:{activity.pk}", year=activity.plan.year, status=status,
        reason="" if status == FindingStatus.OPEN else "Aftalt", detail="",
    )
    finding.activities.add(activity)
    return finding


@pytest.fixture
def world(orgs, censec_director, difos_director, censec_secretariat, difos_secretariat):
    """Two plans with old, changed and new activities, findings in every state, plans in every status, action items."""
    with time_machine.travel(T0, tick=False) as clock:
        censec = Plan.objects.create(organisation=orgs["censec"], year=2026, status=PlanStatus.COORDINATED)
        difos = Plan.objects.create(organisation=orgs["difos"], year=2026, status=PlanStatus.DRAFT)
        waiting = Plan.objects.create(organisation=orgs["difos"], year=2027, status=PlanStatus.SUBMITTED, submitted_at=T0)
        old_plan = Plan.objects.create(organisation=orgs["censec"], year=2024, status=PlanStatus.SUBMITTED, submitted_at=T0)
        unchanged = _activity(censec, "Uændret klyngemøde")
        changed = _activity(difos, "Eksportseminar")
        overlap = _finding(FindingKind.OVERLAP, "§4", unchanged)
        inform = _finding(FindingKind.INFORM, "3.1", changed)
        dismissed = _finding(FindingKind.RESPONSIBILITY, "1.1", changed, status=FindingStatus.DISMISSED)
        old_activity = _activity(old_plan, "Gammel aktivitet", start=dt.date(2024, 5, 1))
        clock.move_to(T1)
        last = make_contact(
            by=censec_secretariat, participants=[censec_director, difos_director], when=T1,
            items=[
                {"text": "Send programudkast", "owner": difos_director, "due_on": dt.date(2026, 11, 1)},
                {"text": "Allerede klaret", "owner": censec_director, "due_on": dt.date(2026, 11, 1), "done": True},
                {"text": "Ikke forfalden endnu", "owner": censec_director, "due_on": dt.date(2026, 12, 15)},
            ],
        )
        clock.move_to(T2)
        changed.title = "Eksportseminar i Oslo"
        changed.save()
        new = _activity(waiting, "Ny innovationsdag", start=dt.date(2027, 3, 4))
    return locals()


def _proposal_sections():
    with time_machine.travel(NOW, tick=False):
        proposal = agenda.agenda_proposal()
    return {s.key: s.lines for s in proposal.sections}, proposal


def test_the_agenda_lists_each_source_and_nothing_else(world):
    sections, proposal = _proposal_sections()
    assert proposal.since == T1 and proposal.last_contact == world["last"]
    assert sections["new_activities"] == ["DI FOS: Ny innovationsdag (2027-03-04)"]
    assert sections["changed_activities"] == ["DI FOS: Eksportseminar i Oslo (2026-12-01)"]
    assert [line.split(":")[0] for line in sections["findings"]] == [world["overlap"].get_kind_display() + " §4"]
    assert "Uændret klyngemøde" in sections["findings"][0]
    assert len(sections["inform"]) == 1 and "Eksportseminar i Oslo" in sections["inform"][0]
    assert [line.split(",")[0] for line in sections["plans"]] == ["CenSec 2024", "DI FOS 2027"]
    assert len(sections["action_items"]) == 1 and sections["action_items"][0].startswith("Send programudkast (")
    text = proposal.text()
    for absent in ("Uændret klyngemøde (", "Gammel aktivitet", "Allerede klaret", "Ikke forfalden endnu"):
        assert absent not in text, absent  # unchanged, an old plan's, done, not yet due
    assert "1.1" not in text  # the dismissed finding


def test_with_no_contact_yet_the_agenda_starts_at_the_previous_month(orgs):
    with time_machine.travel(NOW, tick=False):
        proposal = agenda.agenda_proposal()
    assert proposal.last_contact is None and proposal.since == local(2026, 10, 1, 0)
    assert proposal.empty
    assert "Intet er ændret" in proposal.text() or "Nothing has changed" in proposal.text()


def test_a_long_source_is_cut_with_a_count_of_the_rest(world):
    with time_machine.travel(T2, tick=False):
        for i in range(agenda.AGENDA_LIMIT + 4):
            _activity(world["censec"], f"Ekstra {i:02d}")
    sections, proposal = _proposal_sections()
    new = next(s for s in proposal.sections if s.key == "new_activities")
    censec = [line for line in new.lines if line.startswith("CenSec:")]
    assert len(censec) == agenda.AGENDA_LIMIT and new.more == 4
    assert "DI FOS: Ny innovationsdag (2027-03-04)" in new.lines  # the other party's news stays on the agenda


def test_the_agenda_costs_the_same_queries_with_few_and_many_rows(world, censec_director, difos_director):
    def count():
        with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as ctx:
            agenda.agenda_proposal().text()
        return len(ctx.captured_queries)

    def add_rows(n, start):
        with time_machine.travel(T2, tick=False):
            for i in range(start, start + n):
                activity = _activity(world["difos"], f"Mange {i}")
                _finding(FindingKind.INFORM if i % 2 else FindingKind.OVERLAP, f"r{i}", activity)
            make_contact(
                by=censec_director, participants=[censec_director, difos_director], when=local(2026, 9, 1 + start // 40),
                items=[{"text": f"Punkt {i}", "owner": difos_director, "due_on": dt.date(2026, 10, 1)} for i in range(n)],
            )

    few = count()
    add_rows(40, 0)
    many = count()
    add_rows(40, 40)
    more = count()
    # One query for the last contact, one per source (activities: per party; and the findings' activities), and a
    # count where a source is cut: the same with 80 rows per source as with 40, and never more than that.
    assert few <= many == more <= 1 + 8 + 2 + 8, (few, many, more)


def test_the_form_for_a_new_contact_offers_the_agenda_and_stores_what_is_kept(
    world, client_for, censec_director, difos_director
):
    client = client_for(censec_director)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/governance/contacts/new/")
    html = response.content.decode()
    assert 'data-testid="agenda-proposal"' in html
    proposed = response.context["form"].initial["agenda"]
    assert "Ny innovationsdag" in proposed and "Send programudkast" in proposed and "DI FOS 2027" in proposed
    edited = proposed + "\n- Eventuelt"
    data = {
        "occurred_at": "2026-11-20T14:00", "form": "meeting",
        "participants": [censec_director.pk, difos_director.pk],
        "task_areas": [TaskArea.objects.get(slug="cluster").pk], "agenda": edited, "decisions": "Aftalt",
        "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "50",
        "once": new_token(),
    }
    with time_machine.travel(NOW, tick=False):
        response = client.post("/governance/contacts/new/", data, follow=True)
    contact = DirectorContact.objects.latest("created_at")
    assert contact.agenda == edited.replace("\n", "\r\n") or contact.agenda == edited
    assert "Eventuelt" in response.content.decode()


def test_the_form_for_an_existing_contact_proposes_nothing(world, client_for, censec_director):
    with time_machine.travel(NOW, tick=False):
        response = client_for(censec_director).get(f"/governance/contacts/{world['last'].pk}/edit/")
    assert 'data-testid="agenda-proposal"' not in response.content.decode()
    assert response.context["form"]["agenda"].value() == ""


# --- The plan activities presented (O1) --------------------------------------------------------------


def test_the_form_offers_both_parties_current_plans_grouped_by_plan_and_links_the_chosen(
    world, client_for, censec_director, difos_director
):
    client = client_for(censec_director)
    with time_machine.travel(NOW, tick=False):
        form = client.get("/governance/contacts/new/").context["form"]
    groups = dict(form.fields["activities"].choices)
    assert set(groups) == {"CenSec 2026", "DI FOS 2026", "DI FOS 2027"}  # not CenSec's 2024 plan
    data = {
        "occurred_at": "2026-11-20T14:00", "form": "meeting",
        "participants": [censec_director.pk, difos_director.pk],
        "task_areas": [TaskArea.objects.get(slug="cluster").pk],
        "activities": [world["changed"].pk, world["new"].pk], "decisions": "Aftalt",
        "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "50",
        "once": new_token(),
    }
    with time_machine.travel(NOW, tick=False):
        response = client.post("/governance/contacts/new/", data, follow=True)
    contact = DirectorContact.objects.latest("created_at")
    assert set(contact.activities.all()) == {world["changed"], world["new"]}
    shown = response.content.decode()
    assert "Eksportseminar i Oslo" in shown and "Ny innovationsdag" in shown
    # an activity of an old plan is not offered: choosing it is a form error, and nothing is saved
    with time_machine.travel(NOW, tick=False):
        response = client.post("/governance/contacts/new/", data | {"activities": [world["old_activity"].pk]})
    assert response.status_code == 200 and response.context["form"].errors["activities"]
    assert DirectorContact.objects.count() == 2



def test_a_plan_waiting_for_approval_says_which_party_has_approved_its_current_revision(world, orgs, censec_director):
    from django.utils import translation

    from coordination.models import PlanApproval

    def difos_2027_line():
        with translation.override("en"):
            sections, _ = _proposal_sections()
        return next(line for line in sections["plans"] if line.startswith("DI FOS 2027"))

    waiting = world["waiting"]
    assert "approved by" not in difos_2027_line()
    PlanApproval.objects.create(plan=waiting, party=orgs["censec"], revision=waiting.revision, approved_by=censec_director)
    assert difos_2027_line().endswith("; approved by CenSec")
    waiting.revision += 1  # the plan changed after the approval: it was of an earlier version
    waiting.save(update_fields=["revision"])
    assert "approved by" not in difos_2027_line()
