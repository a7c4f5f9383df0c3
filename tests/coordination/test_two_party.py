"""The two parties' words (§4): a plan is coordinated by both parties, a finding is settled by the party
whose word the agreement asks for, and each director sees what waits for their own party."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Finding, FindingDuty, FindingKind, FindingStatus, PlanStatus
from activities.services import plans
from activities.services.findings import check_activity, check_all
from coordination.models import FindingWord, PlanApproval, WordAction, WordOutcome
from coordination.services_twoparty import finding_word_give, plan_approve
from portal import permissions
from portal.dashboard_cache import dashboard_changed
from portal.models import Notification

from ..activities.conftest import add_activity, plan_for  # noqa: F401  (fixtures)
from .contacts_factory import local, make_contact


def _submitted(add_activity, slug="censec", **fields):
    activity = add_activity(slug, **fields)
    check_activity(activity.pk)
    plans.plan_submit(user=_secretariat(activity), plan=activity.plan)
    activity.plan.refresh_from_db()
    return activity


def _secretariat(activity):
    from portal.models import User

    return User.objects.get(username=f"{activity.plan.organisation.slug}-secretariat")


def _made_finding(kind, *activities, duty="", rule="2.1"):
    """A finding as a check would store it (the checks themselves are tested in tests/activities)."""
    finding = Finding.objects.create(
        kind=kind, rule=rule, key=f"{kind}:{rule}:{':'.join(str(a.pk) for a in activities)}", year=activities[0].plan.year, duty=duty,
    )
    finding.activities.set(activities)
    return Finding.objects.prefetch_related("activities__plan").get(pk=finding.pk)


def _fresh(finding):
    return Finding.objects.prefetch_related("activities__plan", "words").get(pk=finding.pk)


def _post(client, finding, action, **data):
    return client.post(f"/activities/findings/{finding.pk}/{action}/", {"reason": "Aftalt", **data})


# --- Plans are coordinated by both ------------------------------------------------------------------


def test_a_plan_approved_by_one_party_stays_submitted_and_shows_what_waits(client_for, add_activity, censec_director):
    activity = _submitted(add_activity, title="Klyngemøde")
    client = client_for(censec_director)
    response = client.post("/activities/censec/2027/coordinate/")
    assert response.status_code == 302
    plan = activity.plan
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert PlanApproval.objects.get().party.slug == "censec" and PlanApproval.objects.get().revision == plan.revision
    html = client.get("/activities/censec/2027/").content.decode()
    assert 'data-testid="approval-censec" data-approved="yes"' in html and str(censec_director) in html
    assert 'data-testid="approval-difos" data-approved="no"' in html
    assert 'data-testid="plan-waiting"' in html and "DI FOS" in html.split('data-testid="plan-waiting"')[1][:300]
    assert 'data-testid="approve-plan"' not in html  # CenSec has spoken for this revision


def test_the_plan_is_coordinated_once_a_director_of_each_party_has_approved(client_for, add_activity, censec_director, difos_director):
    activity = _submitted(add_activity, title="Klyngemøde")
    client_for(censec_director).post("/activities/censec/2027/coordinate/")
    html = client_for(difos_director).get("/activities/censec/2027/").content.decode()
    assert 'data-testid="approve-plan"' in html and "Godkend for DI FOS" in html
    client_for(difos_director).post("/activities/censec/2027/coordinate/")
    plan = activity.plan
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COORDINATED and plan.coordinated_by == difos_director
    html = client_for(censec_director).get("/activities/censec/2027/").content.decode()
    assert 'data-testid="approval-difos" data-approved="yes"' in html and 'data-testid="plan-coordinated"' in html


def test_a_second_click_of_the_same_party_adds_nothing(add_activity, censec_director):
    activity = _submitted(add_activity, title="Klyngemøde")
    assert plan_approve(user=censec_director, plan=activity.plan).created
    assert not plan_approve(user=censec_director, plan=activity.plan).created
    assert PlanApproval.objects.count() == 1


@pytest.mark.parametrize("persona", ["censec_secretariat", "difos_secretariat", "admin_user", "censec_board"])
def test_only_a_director_approves_a_plan_for_their_party(request, add_activity, persona):
    activity = _submitted(add_activity, title="Klyngemøde")
    user = request.getfixturevalue(persona)
    assert not permissions.may_coordinate_plan(user, activity.plan)
    with pytest.raises(PermissionDenied):
        plan_approve(user=user, plan=activity.plan)
    assert not PlanApproval.objects.exists()


def test_an_administrator_is_refused_with_the_reason(client_for, add_activity, admin_user):
    _submitted(add_activity, title="Klyngemøde")
    response = client_for(admin_user).post("/activities/censec/2027/coordinate/")
    assert response.status_code == 403 and "administrator" in response.content.decode().lower()


def test_a_draft_plan_is_not_approved(add_activity, censec_director):
    activity = add_activity("censec", title="Klyngemøde")
    assert not permissions.may_coordinate_plan(censec_director, activity.plan)
    with pytest.raises(PermissionDenied):
        plan_approve(user=censec_director, plan=activity.plan)


def test_an_approval_of_an_earlier_revision_does_not_count(add_activity, censec_director, difos_director):
    activity = _submitted(add_activity, title="Klyngemøde")
    plan_approve(user=censec_director, plan=activity.plan)
    add_activity("censec", title="Nyt seminar")  # the plan changed after CenSec's approval
    plan = activity.plan
    plan.refresh_from_db()
    result = plan_approve(user=difos_director, plan=plan)
    plan.refresh_from_db()
    assert not result.coordinated and plan.status == PlanStatus.SUBMITTED
    assert [p for p in result.waiting_for] == [censec_director.roles.get().organisation_id]


def test_probe_censec_alone_cannot_settle_and_coordinate_di_fos_plan(client_for, add_activity, censec_director):
    """Issue 11's first probe: CenSec's director dismissed DI FOS's findings and marked DI FOS's plan coordinated alone."""
    add_activity("censec", title="Droner i Arktis", topics="droner")
    difos = _submitted(add_activity, "difos", title="Dronedag", topics="droner")
    check_all()
    overlap = Finding.objects.get(kind=FindingKind.OVERLAP)
    client = client_for(censec_director)
    assert _post(client, overlap, "dismiss").status_code == 302
    overlap = _fresh(overlap)
    assert overlap.status == FindingStatus.OPEN  # CenSec's word is in; DI FOS's is still needed
    assert [w.party.slug for w in overlap.words.all()] == ["censec"]
    assert _post(client, overlap, "dismiss").status_code == 403  # and CenSec cannot speak twice
    client.post("/activities/difos/2027/coordinate/")
    difos.plan.refresh_from_db()
    assert difos.plan.status == PlanStatus.SUBMITTED
    assert list(PlanApproval.objects.values_list("party__slug", flat=True)) == ["censec"]


# --- Findings are settled by both -----------------------------------------------------------------


def test_a_finding_about_one_partys_activity_closes_only_with_the_other_partys_word(
    client_for, add_activity, censec_director, difos_secretariat
):
    activity = add_activity("censec", title="Briefing for forsvarsministeren", area="political", row="1.1")
    check_activity(activity.pk)
    finding = Finding.objects.get(kind=FindingKind.RESPONSIBILITY)
    response = _post(client_for(censec_director), finding, "acknowledge")
    assert response.status_code == 403
    assert "DI FOS" in response.content.decode() and "foreslå" in response.content.decode()  # says who must answer
    assert _fresh(finding).status == FindingStatus.OPEN and not FindingWord.objects.exists()
    assert _post(client_for(censec_director), finding, "dismiss").status_code == 403
    assert _fresh(finding).status == FindingStatus.OPEN
    _post(client_for(difos_secretariat), finding, "acknowledge", outcome=WordOutcome.JOINT)
    finding = _fresh(finding)
    assert finding.status == FindingStatus.ACKNOWLEDGED and finding.handled_by == difos_secretariat
    assert finding.words.get().outcome == WordOutcome.JOINT


def test_the_owner_proposes_with_a_reason_and_the_other_party_agrees(client_for, add_activity, censec_secretariat, difos_director):
    activity = add_activity("censec", title="Briefing for forsvarsministeren", area="political", row="1.1")
    check_activity(activity.pk)
    finding = Finding.objects.get(kind=FindingKind.RESPONSIBILITY)
    assert permissions.may_propose_finding(censec_secretariat, _fresh(finding))
    assert not permissions.may_propose_finding(difos_director, _fresh(finding))  # DI FOS's word closes it: no proposing
    client = client_for(censec_secretariat)
    client.post(f"/activities/findings/{finding.pk}/propose/", {"reason": "", "outcome": WordOutcome.JOINT})
    assert not FindingWord.objects.exists()  # no reason, no proposal
    client.post(f"/activities/findings/{finding.pk}/propose/", {"reason": "DI FOS inviteres med", "outcome": WordOutcome.JOINT})
    finding = _fresh(finding)
    assert finding.status == FindingStatus.OPEN and finding.words.get().action == WordAction.PROPOSE
    html = client.get("/activities/findings/").content.decode()
    assert "DI FOS inviteres med" in html and 'data-testid="finding-waiting"' in html
    assert _post(client_for(difos_director), finding, "propose").status_code == 403
    _post(client_for(difos_director), finding, "acknowledge", outcome=WordOutcome.JOINT, reason="Enig: fælles briefing")
    assert _fresh(finding).status == FindingStatus.ACKNOWLEDGED


def test_an_overlap_needs_both_parties_words(add_activity, censec_director, difos_director, difos_secretariat):
    add_activity("censec", title="A", topics="droner")
    add_activity("difos", title="B", topics="droner")
    check_all()
    finding = _fresh(Finding.objects.get(kind=FindingKind.OVERLAP))
    assert not permissions.may_propose_finding(censec_director, finding)
    finding_word_give(user=censec_director, finding=finding, action=WordAction.DISMISS, reason="To målgrupper")
    finding = _fresh(finding)
    assert finding.status == FindingStatus.OPEN
    assert not permissions.may_dismiss_finding(censec_director, finding) and permissions.may_dismiss_finding(difos_director, finding)
    assert not permissions.may_dismiss_finding(difos_secretariat, finding)  # dismissing is a director's word
    finding_word_give(user=difos_director, finding=finding, action=WordAction.DISMISS, reason="Enig")
    finding = _fresh(finding)
    assert finding.status == FindingStatus.DISMISSED and "CenSec: To målgrupper" in finding.reason


def test_an_overlap_with_one_agreement_and_one_dismissal_is_acknowledged(add_activity, censec_director, difos_secretariat):
    add_activity("censec", title="A", topics="droner")
    add_activity("difos", title="B", topics="droner")
    check_all()
    finding = _fresh(Finding.objects.get(kind=FindingKind.OVERLAP))
    finding_word_give(user=censec_director, finding=finding, action=WordAction.DISMISS, reason="Ikke det samme")
    finding_word_give(
        user=difos_secretariat, finding=_fresh(finding), action=WordAction.ACKNOWLEDGE, reason="Vi deler opgaven",
        outcome=WordOutcome.DIVISION, division="CenSec: klyngen; DI FOS: medlemsdagen",
    )
    assert _fresh(finding).status == FindingStatus.ACKNOWLEDGED


def test_probe_censec_cannot_dismiss_a_common_interest_finding_on_its_own_activity(client_for, add_activity, censec_director, difos_director):
    """Issue 11's second probe: DI FOS was never told, because CenSec dismissed the finding itself."""
    add_activity("censec", title="Industridag", common_interest=True)
    check_all()
    finding = Finding.objects.get(kind=FindingKind.COMMON_INTEREST)
    response = _post(client_for(censec_director), finding, "dismiss")
    assert response.status_code == 403 and "DI FOS" in response.content.decode()
    assert _fresh(finding).status == FindingStatus.OPEN
    assert not permissions.may_propose_finding(difos_director, _fresh(finding))
    _post(client_for(difos_director), finding, "acknowledge", outcome=WordOutcome.INFORMED, reason="Orienteret")
    assert _fresh(finding).status == FindingStatus.ACKNOWLEDGED


def test_an_inform_finding_is_answered_by_the_told_party_and_an_involve_one_with_join_or_no_need(
    add_activity, censec_secretariat, difos_secretariat
):
    activity = add_activity("difos", title="Møde med Lockheed Martin", counterparts="Lockheed Martin")
    activity.__class__.objects.filter(pk=activity.pk).update(needs_check=False)
    informed = _made_finding(FindingKind.INFORM, activity, duty=FindingDuty.INFORMED, rule="3.1")
    with pytest.raises(PermissionDenied):
        finding_word_give(user=difos_secretariat, finding=informed, action=WordAction.ACKNOWLEDGE, reason="Vi har orienteret")
    finding_word_give(user=censec_secretariat, finding=informed, action=WordAction.ACKNOWLEDGE, reason="Læst")
    assert _fresh(informed).status == FindingStatus.ACKNOWLEDGED and _fresh(informed).words.get().outcome == WordOutcome.INFORMED
    involved = _made_finding(FindingKind.INFORM, activity, duty=FindingDuty.INVOLVED, rule="1.1")
    with pytest.raises(ValidationError):  # an involved party says whether it joins
        finding_word_give(user=censec_secretariat, finding=involved, action=WordAction.ACKNOWLEDGE, reason="Læst")
    with pytest.raises(ValidationError):
        finding_word_give(
            user=censec_secretariat, finding=involved, action=WordAction.ACKNOWLEDGE, reason="Læst", outcome=WordOutcome.WITHDRAWN,
        )
    finding_word_give(user=censec_secretariat, finding=involved, action=WordAction.ACKNOWLEDGE, reason="Vi deltager", outcome=WordOutcome.JOIN)
    assert _fresh(involved).status == FindingStatus.ACKNOWLEDGED


def test_withdrawing_names_the_party_and_a_division_says_who_does_what(add_activity, difos_director, orgs):
    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    check_activity(activity.pk)
    finding = _fresh(Finding.objects.get())
    with pytest.raises(ValidationError) as withdrawn:
        finding_word_give(user=difos_director, finding=finding, action=WordAction.ACKNOWLEDGE, reason="x", outcome=WordOutcome.WITHDRAWN)
    assert "acting_party" in withdrawn.value.message_dict
    with pytest.raises(ValidationError) as divided:
        finding_word_give(user=difos_director, finding=finding, action=WordAction.ACKNOWLEDGE, reason="x", outcome=WordOutcome.DIVISION)
    assert "division" in divided.value.message_dict
    assert _fresh(finding).status == FindingStatus.OPEN
    finding_word_give(
        user=difos_director, finding=finding, action=WordAction.ACKNOWLEDGE, reason="CenSec aflyser", outcome=WordOutcome.WITHDRAWN,
        acting_party=orgs["censec"],
    )
    assert _fresh(finding).words.get().acting_party == orgs["censec"]


@pytest.mark.parametrize("persona", ["admin_user", "censec_board", "difos_observer"])
def test_no_one_outside_the_parties_staff_gives_a_word(request, add_activity, persona):
    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    check_activity(activity.pk)
    finding = _fresh(Finding.objects.get())
    user = request.getfixturevalue(persona)
    for action in WordAction:
        with pytest.raises(PermissionDenied):
            finding_word_give(user=user, finding=finding, action=action, reason="x")
    assert _fresh(finding).status == FindingStatus.OPEN


def test_the_outcome_who_said_it_and_the_contact_are_shown_and_in_the_csv(
    client_for, add_activity, censec_director, difos_director, difos_secretariat
):
    activity = add_activity("censec", title="Briefing for forsvarsministeren", area="political", row="1.1")
    check_activity(activity.pk)
    finding = Finding.objects.get()
    contact = make_contact(by=difos_secretariat, participants=[censec_director, difos_director], when=local(2027, 2, 10))
    response = _post(
        client_for(difos_director), finding, "acknowledge", outcome=WordOutcome.MOVED, acting_party="censec", contact=contact.pk,
        reason="CenSec flytter briefingen til DI",
    )
    assert response.status_code == 302
    html = client_for(censec_director).get(f"/activities/findings/?id={finding.pk}").content.decode()
    assert 'data-testid="word-difos"' in html and 'data-outcome="moved"' in html
    assert "En part flytter den" in html and "(CenSec)" in html and str(difos_director) in html
    assert f'href="{contact.get_absolute_url()}"' in html and 'data-testid="word-contact"' in html
    rows = list(csv.reader(io.StringIO(client_for(censec_director).get("/activities/findings/?format=csv").content.decode())))
    assert rows[0][:7] == ["id", "kind", "rule", "organisations", "activities", "status", "explanation"]
    assert rows[0][-1] == "words"
    assert rows[1][-1].startswith("difos: ") and "CenSec flytter briefingen til DI" in rows[1][-1] and "2027-02-10" in rows[1][-1]
    # and the contact's own page lists what was settled there
    html = client_for(censec_director).get(contact.get_absolute_url()).content.decode()
    settled = html.split('data-testid="contact-findings-settled"', 1)[1].split("</ul>", 1)[0]
    assert "Briefing for forsvarsministeren" in settled and "En part flytter den" in settled and "CenSec flytter briefingen til DI" in settled


def test_the_plan_page_offers_each_party_its_own_word(client_for, add_activity, censec_director, difos_director):
    activity = add_activity("censec", title="Briefing for forsvarsministeren", area="political", row="1.1")
    check_activity(activity.pk)
    html = client_for(censec_director).get("/activities/censec/2027/").content.decode()
    assert 'data-testid="word-propose"' in html and 'data-testid="word-acknowledge"' not in html
    html = client_for(difos_director).get("/activities/censec/2027/").content.decode()
    assert 'data-testid="word-acknowledge"' in html and 'data-testid="word-dismiss"' in html and 'data-testid="word-propose"' not in html


def test_closing_the_last_finding_coordinates_a_plan_both_parties_approved(add_activity, censec_director, difos_director):
    activity = _submitted(add_activity, title="Briefing", area="political", row="1.1")
    plan_approve(user=censec_director, plan=activity.plan)
    plan_approve(user=difos_director, plan=activity.plan)
    activity.plan.refresh_from_db()
    assert activity.plan.status == PlanStatus.SUBMITTED
    finding_word_give(user=difos_director, finding=_fresh(Finding.objects.get()), action=WordAction.ACKNOWLEDGE, reason="Aftalt")
    activity.plan.refresh_from_db()
    assert activity.plan.status == PlanStatus.COORDINATED


# --- A change reopens a coordinated plan -------------------------------------------------------------


def _coordinated(add_activity, censec_director, difos_director):
    activity = _submitted(add_activity, title="Klyngemøde")
    plan_approve(user=censec_director, plan=activity.plan)
    plan_approve(user=difos_director, plan=activity.plan)
    activity.plan.refresh_from_db()
    assert activity.plan.status == PlanStatus.COORDINATED
    return activity


def test_a_change_to_a_coordinated_plan_reopens_it_and_tells_both_directors_once(
    client_for, add_activity, censec_director, difos_director, censec_secretariat
):
    activity = _coordinated(add_activity, censec_director, difos_director)
    revision = activity.plan.revision
    plans.activity_update(user=censec_secretariat, activity=activity, version=activity.version, title="Klyngemøde om rumfart")
    plan = activity.plan
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.revision == revision + 1 and plan.coordinated_at is None
    told = Notification.objects.filter(kind="plan_reopened")
    assert sorted(n.recipient.username for n in told) == ["censec-director", "difos-director"]
    add_activity("censec", title="Endnu et møde")  # already reopened: nobody is told again
    assert Notification.objects.filter(kind="plan_reopened").count() == 2
    html = client_for(difos_director).get("/activities/censec/2027/").content.decode()
    assert 'data-testid="approval-difos" data-approved="no"' in html and "godkendte en tidligere version" in html


SAME_EVENT = {
    "title": "Matchmaking-dag for forsvarsindustrien", "topics": "match-making; innovation",
    "description": "Matchmaking mellem SMV'er og store forsvarsvirksomheder", "target_groups": "SMV'er",
}


def test_a_new_finding_on_a_coordinated_plan_reopens_it_until_both_parties_settle_it(
    add_activity, censec_director, difos_director, django_capture_on_commit_callbacks
):
    activity = _submitted(add_activity, **SAME_EVENT)
    plan = activity.plan
    plan_approve(user=censec_director, plan=plan)
    plan_approve(user=difos_director, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COORDINATED
    # DI FOS plans the same event: an overlap with CenSec's coordinated plan.
    theirs = add_activity("difos", **SAME_EVENT)
    check_activity(theirs.pk)
    overlap = Finding.objects.get(kind=FindingKind.OVERLAP, status=FindingStatus.OPEN)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    told = Notification.objects.filter(kind="plan_reopened", key__contains=":finding:")
    assert sorted(n.recipient.username for n in told) == ["censec-director", "difos-director"]
    check_activity(theirs.pk)  # found again: nobody is told twice
    assert told.count() == 2
    # The approvals stand: once both parties have settled the overlap, the plan is coordinated again.
    for director in (censec_director, difos_director):
        finding_word_give(user=director, finding=_fresh(overlap), action=WordAction.ACKNOWLEDGE,
                          outcome=WordOutcome.JOINT, reason="Vi holder det sammen")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COORDINATED


def test_a_new_finding_on_a_plan_not_yet_coordinated_reopens_nothing(add_activity, censec_director):
    _submitted(add_activity, **SAME_EVENT)
    theirs = add_activity("difos", **SAME_EVENT)
    check_activity(theirs.pk)
    assert Finding.objects.filter(kind=FindingKind.OVERLAP).exists()
    assert not Notification.objects.filter(kind="plan_reopened").exists()


def test_an_import_and_a_deletion_reopen_a_coordinated_plan(add_activity, censec_director, difos_director, censec_secretariat):
    from activities.services import imports

    activity = _coordinated(add_activity, censec_director, difos_director)
    plans.activity_delete(user=censec_secretariat, activity=add_activity("censec", title="Kort"))  # reopens (added), then deletes
    plan = activity.plan
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    plan_approve(user=censec_director, plan=plan)
    plan_approve(user=difos_director, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COORDINATED
    revision = plan.revision
    data = (
        "title,description,task_area,responsibility,start,end,topics,counterparts,target_groups,common_interest,status\n"
        "Importeret,,cluster,,2027-05-01,2027-05-01,,,,no,planned\n"
    ).encode()
    imports.plan_import(user=censec_secretariat, plan=plan, name="plan.csv", data=data)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.revision == revision + 1
    assert Notification.objects.filter(kind="plan_reopened").count() == 4  # two reopenings, both directors each


def test_a_change_to_a_plan_not_coordinated_tells_no_one(add_activity, censec_secretariat):
    activity = _submitted(add_activity, title="Klyngemøde")
    plans.activity_update(user=censec_secretariat, activity=activity, version=activity.version, title="Nyt navn")
    assert not Notification.objects.filter(kind="plan_reopened").exists()


# --- The dashboard: what waits for the director's own party -------------------------------------------


def _my_word(html):
    return html.split('data-testid="dashboard-my-word"')[1].split("</section>")[0]


def test_the_dashboard_shows_each_director_what_waits_for_their_partys_word(
    client_for, add_activity, censec_director, difos_director, django_capture_on_commit_callbacks
):
    activity = _submitted(add_activity, title="Briefing", area="political", row="1.1")
    section = _my_word(client_for(difos_director).get("/").content.decode())
    assert "/activities/censec/2027/" in section and 'data-testid="my-word-findings-count">1<' in section
    section = _my_word(client_for(censec_director).get("/").content.decode())
    # CenSec's own plan waits for CenSec's approval too; its finding waits for DI FOS, not for CenSec.
    assert "/activities/censec/2027/" in section and 'data-testid="my-word-findings-count">0<' in section
    with django_capture_on_commit_callbacks(execute=True):
        plan_approve(user=censec_director, plan=activity.plan)
    assert "/activities/censec/2027/" not in _my_word(client_for(censec_director).get("/").content.decode())


def test_the_dashboard_lists_joint_activities_waiting_for_the_partner_partys_confirmation(
    client_for, add_activity, orgs, censec_director, difos_director, django_capture_on_commit_callbacks
):
    from activities.services.partners import partner_confirm

    joint = add_activity("censec", title="Fælles F-35 leverandørdag", partner=orgs["difos"])
    section = _my_word(client_for(difos_director).get("/").content.decode())
    assert 'data-testid="my-word-partners"' in section and "Fælles F-35 leverandørdag" in section
    assert 'data-testid="my-word-partners"' not in _my_word(client_for(censec_director).get("/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        partner_confirm(user=difos_director, activity=joint)
    assert "Fælles F-35 leverandørdag" not in _my_word(client_for(difos_director).get("/").content.decode())


def test_board_members_see_no_such_section(client_for, censec_board):
    assert 'data-testid="dashboard-my-word"' not in client_for(censec_board).get("/").content.decode()


def _many_findings(add_activity, n, start):
    for i in range(start, start + n):
        day = dt.date(2027, 1, 1) + dt.timedelta(days=i)
        own = add_activity("censec", title=f"Briefing {i}", area="political", row="1.1", start=day)
        told = add_activity("difos", title=f"Industridag {i}", start=day)
        own.__class__.objects.filter(pk__in=[own.pk, told.pk]).update(needs_check=False)
        _made_finding(FindingKind.RESPONSIBILITY, own, rule="1.1")
        _made_finding(FindingKind.COMMON_INTEREST, told, rule="§4")


@pytest.mark.parametrize("persona", ["difos_director", "censec_director"])
def test_what_waits_costs_the_same_queries_with_few_and_many_findings(
    request, client_for, add_activity, orgs, censec_secretariat, persona, django_capture_on_commit_callbacks
):
    client = client_for(request.getfixturevalue(persona))
    counts = []
    for n, start in ((2, 0), (40, 2)):
        _many_findings(add_activity, n, start)
        if start == 0:
            plans.plan_submit(user=censec_secretariat, plan=orgs["censec"].plans.get(year=2027))
        client.get("/")
        with django_capture_on_commit_callbacks(execute=True):
            dashboard_changed()
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/").content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    # DI FOS answers CenSec's 42 responsibility findings, CenSec the 42 common-interest ones on DI FOS's activities.
    assert 'data-testid="my-word-findings-count">42<' in _my_word(html)
    assert "/activities/censec/2027/" in _my_word(html)
