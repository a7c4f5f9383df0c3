"""Joint activities are confirmed (issue 11): a partner named on an activity counts only once someone
of the partner party confirms it; until then every check runs as for any activity."""

import datetime as dt
import html as htmllib
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activities.models import Activity, Finding, FindingKind, FindingStatus
from activities.services import partners, plans
from activities.services.findings import check_all, check_pending
from activities.tasks import check_activity_task
from portal import permissions
from portal.models import Notification

START = dt.date(2027, 4, 22)


@pytest.fixture(autouse=True)
def english(client, settings):
    """The pages in English (the interface is Danish unless the user picks English)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _url(activity, action=""):
    return f"/activities/{activity.plan.organisation.slug}/{activity.plan.year}/activities/{activity.pk}/{action}"


def _open(activity, kind):
    return Finding.objects.filter(activities=activity, kind=kind, status__in=[FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED])


@pytest.fixture
def lockheed(add_activity, orgs):
    """CenSec's meeting with Lockheed Martin (3.1: single-track through DI FOS), tagged as joint with DI FOS."""
    activity = add_activity(
        "censec", title="Møde med Lockheed Martin om leverandørprogram", area="international", start=START,
        counterparts="Lockheed Martin", partner=orgs["difos"],
    )
    check_pending(activity.pk)
    return activity


def _fresh(activity):
    return Activity.objects.select_related("plan__organisation", "partner").get(pk=activity.pk)


# --- the probe: a one-sided partner tag silences nothing -----------------------------------------


def test_a_one_sided_partner_tag_no_longer_silences_the_single_track_finding(lockheed):
    assert lockheed.partner.slug == "difos" and lockheed.partner_confirmed_at is None
    assert _open(lockheed, FindingKind.SINGLE_TRACK).filter(rule="3.1").exists()
    check_all()  # the full sweep reads the same
    assert _open(lockheed, FindingKind.SINGLE_TRACK).filter(rule="3.1").exists()


def test_the_partner_partys_confirmation_silences_it_at_once(lockheed, demo_users):
    with mock.patch.object(check_activity_task, "apply_async") as apply_async, \
            mock.patch("activities.services.partners.enqueue_on_commit", side_effect=lambda task, *a: task.apply_async(args=a)):
        partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    apply_async.assert_called_once_with(args=(lockheed.pk,))  # the check is queued for the worker
    activity = _fresh(lockheed)
    assert activity.partner_confirmed_by == demo_users["difos-director"] and activity.partner_confirmed_at
    assert activity.needs_check  # and the sweep would find it if the broker dropped the nudge
    assert check_pending(activity.pk)
    assert not _open(activity, FindingKind.SINGLE_TRACK).exists()
    check_all()
    assert not _open(activity, FindingKind.SINGLE_TRACK).exists()


def test_the_partner_partys_secretariat_may_confirm_on_the_page(lockheed, demo_users, client_for):
    response = client_for(demo_users["difos-secretariat"]).post(_url(lockheed, "confirm-partner/"))
    assert response.status_code == 302 and response["Location"] == _url(lockheed)
    assert _fresh(lockheed).partner_confirmed_by == demo_users["difos-secretariat"]
    check_pending(lockheed.pk)
    assert not _open(lockheed, FindingKind.SINGLE_TRACK).exists()


@pytest.mark.parametrize("role", ["censec-secretariat", "censec-director", "admin"])
def test_the_lead_party_and_an_administrator_are_refused_and_nothing_changes(lockheed, demo_users, client_for, role):
    client = client_for(demo_users[role])
    response = client.post(_url(lockheed, "confirm-partner/"))
    assert response.status_code == 403
    assert "Only DI FOS's director or secretariat can confirm this joint activity." in htmllib.unescape(response.content.decode())
    activity = _fresh(lockheed)
    assert activity.partner_confirmed_at is None and activity.partner_confirmed_by is None
    check_pending(activity.pk)
    assert _open(activity, FindingKind.SINGLE_TRACK).exists()
    with pytest.raises(PermissionDenied):
        partners.partner_confirm(user=demo_users[role], activity=activity)


@pytest.mark.parametrize("role", ["censec-board", "difos-observer", "member"])
def test_other_roles_are_refused(lockheed, demo_users, client_for, role):
    assert client_for(demo_users[role]).post(_url(lockheed, "confirm-partner/")).status_code in (403, 404)
    assert not permissions.may_confirm_partner(demo_users[role], lockheed)
    assert _fresh(lockheed).partner_confirmed_at is None


def test_a_get_is_not_a_confirmation(lockheed, demo_users, client_for):
    assert client_for(demo_users["difos-director"]).get(_url(lockheed, "confirm-partner/")).status_code == 405
    assert _fresh(lockheed).partner_confirmed_at is None


def test_an_activity_without_partner_has_nobody_to_confirm_it(add_activity, demo_users, client_for):
    activity = add_activity("censec", title="Klyngedag", start=START)
    response = client_for(demo_users["difos-director"]).post(_url(activity, "confirm-partner/"))
    assert response.status_code == 403 and "names no partner party" in htmllib.unescape(response.content.decode())


def test_a_second_confirmation_is_a_message_not_a_second_record(lockheed, demo_users, client_for):
    client = client_for(demo_users["difos-director"])
    client.post(_url(lockheed, "confirm-partner/"))
    first = _fresh(lockheed).partner_confirmed_at
    response = client.post(_url(lockheed, "confirm-partner/"), follow=True)
    assert response.status_code == 200 and "already been confirmed" in htmllib.unescape(response.content.decode())
    assert _fresh(lockheed).partner_confirmed_at == first


# --- changing the partner; withdrawing --------------------------------------------------------------


def test_editing_other_fields_keeps_the_confirmation_and_changing_the_partner_clears_it(lockheed, demo_users, orgs):
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    activity = _fresh(lockheed)
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, place="Odense")
    activity = _fresh(lockheed)
    assert activity.partner_confirmed_at is not None and activity.place == "Odense"

    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, partner=None)
    activity = _fresh(lockheed)
    assert activity.partner is None and activity.partner_confirmed_at is None and activity.partner_confirmed_by is None
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, partner=orgs["difos"])
    activity = _fresh(lockheed)
    assert activity.partner == orgs["difos"] and activity.partner_confirmed_at is None  # named again: to be confirmed again
    check_pending(activity.pk)
    assert _open(activity, FindingKind.SINGLE_TRACK).exists()


def test_the_form_keeps_the_confirmation_when_the_partner_stays(lockheed, demo_users, client_for):
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    client = client_for(demo_users["censec-secretariat"])
    page = htmllib.unescape(client.get(_url(lockheed)).content.decode())
    assert "confirmed by" in page and "Changing the partner party clears its confirmation" in page
    activity = _fresh(lockheed)
    data = {
        "title": activity.title, "description": "Ny beskrivelse", "task_area": activity.task_area_id, "matrix_row": "",
        "start": activity.start.isoformat(), "end": activity.end.isoformat(), "topics": "", "counterparts": activity.counterparts,
        "target_groups": "", "status": activity.status, "partner": activity.partner_id, "visibility": activity.visibility,
        "place": "", "signup_url": "", "version": activity.version,
    }
    assert client.post(_url(lockheed), data).status_code == 302
    assert _fresh(lockheed).description == "Ny beskrivelse" and _fresh(lockheed).partner_confirmed_at is not None
    data.update(partner="", version=_fresh(lockheed).version)
    assert client.post(_url(lockheed), data).status_code == 302
    assert _fresh(lockheed).partner_confirmed_at is None


def test_withdrawing_brings_the_findings_back(lockheed, demo_users, client_for):
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    check_pending(lockheed.pk)
    assert not _open(lockheed, FindingKind.SINGLE_TRACK).exists()
    client = client_for(demo_users["difos-secretariat"])
    response = client.post(_url(lockheed, "withdraw-partner/"))
    assert response.status_code == 302 and _fresh(lockheed).partner_confirmed_at is None
    assert check_pending(lockheed.pk)
    assert _open(lockheed, FindingKind.SINGLE_TRACK).exists()
    response = client.post(_url(lockheed, "withdraw-partner/"), follow=True)
    assert "already been withdrawn" in htmllib.unescape(response.content.decode())


def test_the_lead_party_cannot_withdraw_the_partners_confirmation(lockheed, demo_users, client_for):
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    response = client_for(demo_users["censec-director"]).post(_url(lockheed, "withdraw-partner/"))
    assert response.status_code == 403 and "can withdraw the confirmation" in htmllib.unescape(response.content.decode())
    assert _fresh(lockheed).partner_confirmed_at is not None
    with pytest.raises(ValidationError):  # nothing to withdraw twice, but the partner party may try
        partners.partner_withdraw(user=demo_users["difos-director"], activity=_fresh(lockheed))
        partners.partner_withdraw(user=demo_users["difos-director"], activity=_fresh(lockheed))


# --- the other checks a partner silenced: overlap, responsibility; common interest never -----------


def test_overlap_and_responsibility_hold_until_the_partner_confirms(add_activity, demo_users, orgs):
    ours = add_activity("censec", title="Dronekonference om droneteknologi", area="cluster", start=START, partner=orgs["difos"])
    theirs = add_activity("difos", title="Dronekonference om droneteknologi", area="cluster", start=START)
    briefing = add_activity("censec", title="Briefing af forsvarsministeren", area="political", row="1.1", start=START,
                            partner=orgs["difos"])
    check_all()
    assert _open(ours, FindingKind.OVERLAP).filter(activities=theirs).exists()
    assert _open(briefing, FindingKind.RESPONSIBILITY).exists()
    for activity in (ours, briefing):
        partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(activity))
        check_pending(activity.pk)
    assert not _open(ours, FindingKind.OVERLAP).exists()
    assert not _open(briefing, FindingKind.RESPONSIBILITY).exists()


def test_common_interest_is_told_whether_or_not_the_partner_confirmed(add_activity, demo_users, orgs):
    activity = add_activity("censec", title="Klyngens årsmøde", start=START, common_interest=True, partner=orgs["difos"])
    check_pending(activity.pk)
    assert _open(activity, FindingKind.COMMON_INTEREST).exists()
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(activity))
    check_pending(activity.pk)
    assert _open(activity, FindingKind.COMMON_INTEREST).exists()


# --- the activity page -------------------------------------------------------------------------------


def test_the_page_says_awaiting_and_offers_the_button_only_to_the_partner_party(lockheed, demo_users, client_for):
    page = htmllib.unescape(client_for(demo_users["difos-director"]).get(_url(lockheed)).content.decode())
    assert "DI FOS — awaiting confirmation from DI FOS" in page and 'data-testid="confirm-partner"' in page
    lead = htmllib.unescape(client_for(demo_users["censec-director"]).get(_url(lockheed)).content.decode())
    assert "awaiting confirmation from DI FOS" in lead and 'data-testid="confirm-partner"' not in lead
    editor = htmllib.unescape(client_for(demo_users["censec-secretariat"]).get(_url(lockheed)).content.decode())
    assert "awaiting confirmation from DI FOS" in editor and 'data-testid="confirm-partner"' not in editor

    client_for(demo_users["difos-director"]).post(_url(lockheed, "confirm-partner/"))
    page = htmllib.unescape(client_for(demo_users["difos-director"]).get(_url(lockheed)).content.decode())
    who = str(demo_users["difos-director"])
    assert f"DI FOS — confirmed by {who} on" in page and 'data-testid="withdraw-partner"' in page
    lead = htmllib.unescape(client_for(demo_users["censec-director"]).get(_url(lockheed)).content.decode())
    assert "confirmed by" in lead and 'data-testid="withdraw-partner"' not in lead
    history = lead[lead.index('data-testid="history"'):]
    assert f"{who} ·" in history and "partner's confirmation: <del>awaiting</del> → <ins>confirmed</ins>" in history
    plan_page = htmllib.unescape(client_for(demo_users["censec-director"]).get("/activities/censec/2027/").content.decode())
    assert "with DI FOS" in plan_page and "with DI FOS (awaiting confirmation)" not in plan_page


def test_the_plan_page_marks_a_partner_awaiting_confirmation(lockheed, demo_users, client_for):
    plan_page = htmllib.unescape(client_for(demo_users["censec-director"]).get("/activities/censec/2027/").content.decode())
    assert "with DI FOS (awaiting confirmation)" in plan_page


# --- the partner party is told, once per naming; the lead party hears the answer ----------------------


def test_the_partner_party_is_told_once_per_naming(lockheed, demo_users, orgs):
    named = Notification.objects.filter(kind="activity_partner", key__startswith=f"named:{lockheed.pk}:")
    assert {n.recipient.username for n in named.all()} == {"difos-director", "difos-secretariat"}
    assert "Lockheed Martin" in named.first().subject and named.first().url == _url(lockheed)
    activity = _fresh(lockheed)
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, place="Odense")
    activity = _fresh(lockheed)
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, place="Aarhus")
    assert named.count() == 2  # edits of other fields tell nobody again
    activity = _fresh(lockheed)
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, partner=None)
    assert named.count() == 2
    activity = _fresh(lockheed)
    plans.activity_update(user=demo_users["censec-secretariat"], activity=activity, version=activity.version, partner=orgs["difos"])
    assert named.count() == 4  # a new naming is told again
    assert not Notification.objects.filter(kind="activity_partner", recipient__username__startswith="censec").exists()


def test_the_lead_party_hears_the_confirmation(lockheed, demo_users):
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    told = Notification.objects.filter(kind="activity_partner", key__startswith=f"confirmed:{lockheed.pk}:")
    assert {n.recipient.username for n in told} == {"censec-director", "censec-secretariat"}
    assert "bekræfter den fælles aktivitet" in told.first().subject  # emails are in Danish


def test_a_copied_plan_names_its_partners_unconfirmed(lockheed, demo_users, plan_for):
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    plans.plan_duplicate(user=demo_users["censec-secretariat"], plan=plan_for("censec", 2028), source=lockheed.plan)
    copy = Activity.objects.get(plan__year=2028, title=lockheed.title)
    assert copy.partner.slug == "difos" and copy.partner_confirmed_at is None
    assert Notification.objects.filter(kind="activity_partner", key__startswith=f"named:{copy.pk}:").count() == 2


# --- the members pages list a co-organiser only once confirmed ---------------------------------------


def test_the_members_pages_show_the_partner_only_when_confirmed(add_activity, demo_users, orgs, client):
    soon = dt.date.today() + dt.timedelta(days=10)
    activity = add_activity("censec", title="Fælles industridag", start=soon, visibility="public", partner=orgs["difos"])
    plans.plan_submit(user=demo_users["censec-secretariat"], plan=activity.plan)
    html = htmllib.unescape(client.get("/members/activities/").content.decode())
    assert "Fælles industridag" in html and "CenSec &amp; DI FOS" not in html and "CenSec & DI FOS" not in html
    partners.partner_confirm(user=demo_users["difos-secretariat"], activity=_fresh(activity))
    html = htmllib.unescape(client.get("/members/activities/").content.decode())  # the cached page is stale at once
    assert "CenSec & DI FOS" in html or "CenSec &amp; DI FOS" in html
    partners.partner_withdraw(user=demo_users["difos-secretariat"], activity=_fresh(activity))
    html = htmllib.unescape(client.get("/members/activities/").content.decode())
    assert "CenSec & DI FOS" not in html and "CenSec &amp; DI FOS" not in html


def test_the_import_help_says_the_partner_is_named_and_confirmed_on_the_page(demo_users, client_for, plan_for):
    plan_for("censec", 2027)
    html = htmllib.unescape(client_for(demo_users["censec-secretariat"]).get("/activities/censec/2027/import/").content.decode())
    assert 'data-testid="import-partner"' in html and "confirms it there" in html


def test_the_page_in_danish(lockheed, demo_users, client_for, client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    page = htmllib.unescape(client_for(demo_users["difos-director"]).get(_url(lockheed)).content.decode())
    assert "DI FOS — afventer bekræftelse fra DI FOS" in page and "Bekræft: DI FOS deltager" in page
    response = client_for(demo_users["censec-director"]).post(_url(lockheed, "confirm-partner/"))
    assert "Kun direktøren eller sekretariatet hos DI FOS kan bekræfte" in htmllib.unescape(response.content.decode())


def test_what_waits_for_the_partner_partys_word(lockheed, demo_users):
    from activities.selectors import partner_confirmations_awaiting

    assert list(partner_confirmations_awaiting(user=demo_users["difos-director"])) == [lockheed]
    assert list(partner_confirmations_awaiting(user=demo_users["censec-director"])) == []
    assert list(partner_confirmations_awaiting(user=demo_users["censec-board"])) == []
    partners.partner_confirm(user=demo_users["difos-director"], activity=_fresh(lockheed))
    assert list(partner_confirmations_awaiting(user=demo_users["difos-secretariat"])) == []
