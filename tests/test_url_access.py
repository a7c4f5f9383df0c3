"""Every URL pattern of the project, requested as every role and as an anonymous visitor, against an
explicit table of who may see what. Nothing is reachable that the table does not allow.

The table lists GET answers. 200: the page; 302: sent elsewhere (login for anonymous visitors);
403: refused with a reason; 404: "not there" (a guessed id of something the user may not see);
405: the address only takes a form post.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ["anonymous", "censec-secretariat", "difos-secretariat", "censec-director", "difos-director",
         "censec-board", "difos-observer", "censec-observer", "admin", "outsider", "member"]
ANON, CS, DS, CD, DD, CB, DO, CO, AD, OUT, MEM = ROLES


def everyone(status, anonymous=302):
    return {role: (anonymous if role == ANON else status) for role in ROLES}


def only(allowed, status=200, others=403, anonymous=302, **special):
    table = {role: (status if role in allowed else others) for role in ROLES}
    table[ANON] = anonymous
    table.update({k.replace("_", "-"): v for k, v in special.items()})
    return table


PARTY_STAFF = {CS, DS, CD, DD, AD}


@pytest.fixture
def world(demo_users, settings):
    """The demo portal: both boards and meetings, a year of plans with findings, director contacts."""
    from activities import demo as activities_demo
    from activities.models import Activity, Finding
    from governance import demo as governance_demo
    from coordination import demo as demo_contacts
    from coordination.models import ActionItem, DirectorContact
    from governance.models import CalendarToken, Confidentiality, Material, Meeting
    from agreement import services as agreement_services
    from agreement.selectors import agreement_get
    import datetime as dt

    governance_demo.seed(users=demo_users)
    activities_demo.seed(users=demo_users)
    demo_contacts.seed(users=demo_users)
    from members import demo as members_demo
    from members.models import Service
    from governance.models import Seat

    members_demo.seed(users=demo_users)
    meeting = Meeting.objects.filter(board__organisation__slug="censec", items__confidentiality="personnel").first()
    material = {c: Material.objects.filter(meeting=meeting, agenda_item__confidentiality=c).first() for c in Confidentiality.values}
    activity = Activity.objects.filter(plan__organisation__slug="censec").order_by("pk").first()
    notice = agreement_services.notice_give(
        user=demo_users["censec-director"], agreement=agreement_get(), party=activity.plan.organisation, given_on=dt.date(2027, 1, 15)
    )
    return {
        "org": "censec",
        "year": activity.plan.year,
        "activity": activity.pk,
        "finding": Finding.objects.order_by("pk").first().pk,
        "meeting": meeting.pk,
        "ordinary": material["ordinary"].pk,
        "personnel": material["personnel"].pk,
        "internal": material["internal_secretariat"].pk,
        "contact": DirectorContact.objects.order_by("pk").first().pk,
        "action": ActionItem.objects.order_by("pk").first().pk,
        "notice": notice.pk,
        "token": CalendarToken.objects.get_or_create(user=demo_users["censec-board"])[0].token,
        "public_activity": Activity.objects.filter(visibility="public", plan__status="submitted").order_by("pk").first().pk,
        "members_activity": Activity.objects.filter(visibility="members", plan__status="submitted").order_by("pk").first().pk,
        "service": Service.objects.filter(organisation__slug="censec").order_by("pk").first().pk,
        # i11b: a finding about one CenSec activity alone (the other party's word closes it)
        "censec_finding": Finding.objects.filter(kind__in=["responsibility", "single_track"], activities__plan__organisation__slug="censec")
        .order_by("pk").first().pk,
        "seat": Seat.objects.filter(board__organisation__slug="censec", person__user__username="censec-board").first().pk,
        "person": Seat.objects.filter(board__organisation__slug="censec", person__user__username="censec-board").first().person_id,
        # i12b: an ordinary agenda item of that meeting (the observer sees it, only the secretariat edits it)
        "agenda_item": meeting.items.filter(confidentiality="ordinary").order_by("position").first().pk,
    }


def url_patterns(resolver=None, prefix="", namespace=None):
    """(route, name) of every URL pattern of the project but the admin's own."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern) != "admin/":
                yield from url_patterns(entry, prefix + str(entry.pattern), entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), (f"{namespace}:" if namespace else "") + entry.name


# CenSec's board: its secretariat, members (CenSec's observer on DI FOS's board is one, §3 G2), DI FOS's observer, administrators
BOARD_READERS = {CS, CB, CO, DO, AD}
BOARD_READERS_CONFIDENTIAL = {CS, CB, CO, AD}  # personnel and internal-secretariat items: not the observer (§3 G2)
CENSEC_PLAN_EDITORS = {CS}

# name (or name[variant]) → expected GET status per role
GET_TABLE = {
    "dashboard": everyone(200),
    "landing": everyone(302),
    "notifications": everyone(200),
    "audit": only({AD}),
    "notifications-read": everyone(405),
    "notification-settings": everyone(200),
    "mfa-verify": everyone(302),
    "mfa-setup": everyone(200),
    "mfa-recovery-codes": everyone(405),
    "login": everyone(200, anonymous=200),
    "logout": everyone(405),
    "password_change": everyone(200),
    "password_change_done": everyone(200),
    "password_reset": everyone(200, anonymous=200),
    "password_reset_done": everyone(200, anonymous=200),
    "password_reset_confirm": everyone(200, anonymous=200),
    "password_reset_complete": everyone(200, anonymous=200),
    "set_language": everyone(302, anonymous=302),
    "agreement:detail": everyone(200),
    "agreement:notice-withdraw": everyone(405),
    "agreement:matrix": everyone(200),
    "agreement:matrix-csv": everyone(200),
    "agreement:matrix-row": everyone(200),
    "agreement:lookup": everyone(200),
    "activities:index": only(PARTY_STAFF),
    "activities:findings": only(PARTY_STAFF),
    "activities:timeline": only(PARTY_STAFF),
    "activities:suggest-row": only(PARTY_STAFF),
    "activities:plan": only(PARTY_STAFF, others=404),
    "activities:plan-create": everyone(405),
    "activities:plan-checks": only(PARTY_STAFF, others=404),
    "activities:plan-submit": everyone(405),
    "activities:plan-duplicate": everyone(405),
    "activities:plan-import": only(CENSEC_PLAN_EDITORS, others=404, difos_secretariat=403, censec_director=403, difos_director=403, admin=403),
    "activities:import-template-csv": only(CENSEC_PLAN_EDITORS, others=404, difos_secretariat=403, censec_director=403, difos_director=403, admin=403),
    "activities:import-template-xlsx": only(CENSEC_PLAN_EDITORS, others=404, difos_secretariat=403, censec_director=403, difos_director=403, admin=403),
    "activities:export-csv": only(PARTY_STAFF, others=404),
    "activities:export-xlsx": only(PARTY_STAFF, others=404),
    "activities:activity-create": only(CENSEC_PLAN_EDITORS, others=404, difos_secretariat=403, censec_director=403, difos_director=403, admin=403),
    "activities:activity": only(PARTY_STAFF, others=404),
    "activities:activity-delete": everyone(405),
    "governance:boards": everyone(200),
    "governance:meetings": everyone(200),
    "governance:meeting-create": only({CS, DS, AD}),
    "governance:meeting": only(BOARD_READERS, others=404),
    "governance:agenda-item-create": everyone(405),
    "governance:meeting-zip": only(BOARD_READERS, others=404),
    "governance:material-upload": everyone(405),
    "governance:material-download[ordinary]": only(BOARD_READERS, others=404),
    "governance:material-download[personnel]": only(BOARD_READERS_CONFIDENTIAL, others=404),
    "governance:material-download[internal]": only(BOARD_READERS_CONFIDENTIAL, others=404),
    "governance:material-version-download[ordinary]": only(BOARD_READERS, others=404),
    "governance:material-version-download[personnel]": only(BOARD_READERS_CONFIDENTIAL, others=404),
    "governance:material-new-version": everyone(405),
    "governance:download-log": only({CS, DS, AD}),
    "governance:calendar": everyone(200),
    "coordination:contacts": only(PARTY_STAFF),
    "coordination:contact-create": only(PARTY_STAFF),
    "coordination:contact-detail": only(PARTY_STAFF, others=404),
    "coordination:contact-update": only(PARTY_STAFF, others=404),
    "coordination:action-item-done": everyone(405),
    "calendar-feed": everyone(200, anonymous=200),
    "members:index": everyone(200, anonymous=200),
    "members:activities": everyone(200, anonymous=200),
    "members:activity[public_activity]": everyone(200, anonymous=200),
    "members:activity[members_activity]": only({CS, DS, CD, DD, AD, MEM}, others=404, anonymous=404),
    "members:services": everyone(200, anonymous=200),
    "members:contact": everyone(200, anonymous=200),
    "members:calendar": everyone(200, anonymous=200),
    "members:feed": everyone(200, anonymous=200),
    "members:manage": only({CS, DS, AD}),
    "members:manage-members": only({CS, DS, AD}),
    "members:manage-members-import": only({CS, DS, AD}),
    "members:manage-services": only({CS, DS, AD}),
    "members:manage-service-create": only({CS, AD}),
    "members:manage-service": only({CS, AD}, difos_secretariat=404),
    "members:manage-service-delete": everyone(405),
    "members:manage-newsletter": only({CS, DS, AD}),
    "sitemap": everyone(200, anonymous=200),
    "robots": everyone(200, anonymous=200),
    "healthz": everyone(200, anonymous=200),
    "readyz": everyone(200, anonymous=200),
    # i11d: the partner party confirms a joint activity (form posts only)
    "activities:activity-confirm-partner": everyone(405),
    "activities:activity-withdraw-partner": everyone(405),
    # i11b: the two parties' words (coordination, namespace twoparty), at their /activities/ addresses
    "twoparty:finding-acknowledge": everyone(405),
    "twoparty:finding-dismiss": everyone(405),
    "twoparty:finding-propose": everyone(405),
    "twoparty:plan-coordinate": everyone(405),
    # i11c: the month-by-month record of C-MONTHLY (also for board chairs; the demo's chairs have no portal account)
    "coordination:months": only(PARTY_STAFF),
    # i12c: the board pack (form posts only)
    "governance:meeting-publish": everyone(405),
    "governance:material-publish": everyone(405),
    "governance:material-withdraw": everyone(405),
    "governance:material-restore": everyone(405),
    "governance:minutes-approve": everyone(405),
    # i12b: running meetings, the agenda, invitations and attendance
    "governance:meeting-edit": only({CS, AD}, others=404, censec_board=403, difos_observer=403, censec_observer=403),
    "governance:meeting-cancel": everyone(405),
    "governance:meeting-invitation": only(BOARD_READERS, others=404),
    "governance:meeting-attendance": everyone(405),
    "governance:agenda-item-edit": only({CS, AD}, others=404, censec_board=403, difos_observer=403, censec_observer=403),
    "governance:agenda-item-move": everyone(405),
    "governance:agenda-item-remove": everyone(405),
}

# A member company's person reaches the members pages and their own account, nothing of the staff
# portal: the start page sends them to /members/, every other staff address is refused.
MEMBER_REACHES = {
    "dashboard": 302, "landing": 302, "login": 200, "logout": 405, "password_change": 200, "password_change_done": 200,
    "password_reset": 200, "password_reset_done": 200, "password_reset_confirm": 200, "password_reset_complete": 200,
    "set_language": 302, "mfa-verify": 302, "mfa-setup": 200, "mfa-recovery-codes": 405, "calendar-feed": 200,
    "healthz": 200, "readyz": 200,
}
for _key, _row in GET_TABLE.items():
    _name = _key.split("[")[0]
    if _name in MEMBER_REACHES:
        _row[MEM] = MEMBER_REACHES[_name]
    elif _name.startswith("members:manage"):  # under /members/: the view itself refuses (a form-post address first says 405)
        _row[MEM] = 405 if _row[CS] == 405 else 403
    elif not _name.startswith("members:") and _name not in ("sitemap", "robots"):
        _row[MEM] = 403

# Form posts: the roles that must be refused (403 or 404); anonymous visitors are sent to log in.
NOT_CENSEC_EDITORS = set(ROLES) - {ANON, CS}
NOT_STAFF = {CB, DO, CO, OUT, MEM}
POST_REFUSED = {
    "agreement:notice-withdraw": set(ROLES) - {ANON, CD, AD},
    "activities:plan-create": NOT_CENSEC_EDITORS,
    "activities:plan-submit": NOT_CENSEC_EDITORS,
    "activities:plan-duplicate": NOT_CENSEC_EDITORS,
    "activities:plan-import": NOT_CENSEC_EDITORS,
    "activities:activity-create": NOT_CENSEC_EDITORS,
    "activities:activity": NOT_CENSEC_EDITORS,
    "activities:activity-delete": NOT_CENSEC_EDITORS,
    "governance:meeting-create": {CD, DD} | NOT_STAFF,
    "governance:agenda-item-create": set(ROLES) - {ANON, CS, AD},
    "governance:material-upload": set(ROLES) - {ANON, CS, AD},
    "governance:material-new-version": set(ROLES) - {ANON, CS, AD},
    "coordination:contact-create": NOT_STAFF,
    "coordination:contact-update": NOT_STAFF,
    "coordination:action-item-done": NOT_STAFF,
    "members:manage-members": set(ROLES) - {ANON, CS, DS, AD},
    "members:manage-members-import": set(ROLES) - {ANON, CS, DS, AD},
    "members:manage-service-create": set(ROLES) - {ANON, CS, AD},
    "members:manage-service": set(ROLES) - {ANON, CS, AD},
    "members:manage-service-delete": set(ROLES) - {ANON, CS, AD},
    # i11d: the world's activity names no partner, so nobody may confirm or withdraw (the partner
    # party's word is tested in tests/activities/test_partner_confirmation.py)
    "activities:activity-confirm-partner": set(ROLES) - {ANON},
    "activities:activity-withdraw-partner": set(ROLES) - {ANON},
    # i11b: on a finding about a CenSec activity only DI FOS closes it (its director dismisses), CenSec proposes;
    # an administrator speaks for neither party
    "twoparty:finding-acknowledge": {CS, CD, AD} | NOT_STAFF,
    "twoparty:finding-dismiss": {CS, DS, CD, AD} | NOT_STAFF,
    "twoparty:finding-propose": {DS, DD, AD} | NOT_STAFF,
    "twoparty:plan-coordinate": {CS, DS, AD} | NOT_STAFF,
    # i12c: the board pack: the board's secretariat publishes, withdraws and restores; only the chair approves minutes
    # (the demo's chair has no login, and the probe's material is no minutes: everyone is refused)
    "governance:meeting-publish": set(ROLES) - {ANON, CS, AD},
    "governance:material-publish": set(ROLES) - {ANON, CS, AD},
    "governance:material-withdraw": set(ROLES) - {ANON, CS, AD},
    "governance:material-restore": set(ROLES) - {ANON, CS, AD},
    "governance:minutes-approve": set(ROLES) - {ANON},
    # i12b: only the board's secretariat runs meetings; only its members and observers answer invitations
    "governance:meeting-edit": set(ROLES) - {ANON, CS, AD},
    "governance:meeting-cancel": set(ROLES) - {ANON, CS, AD},
    "governance:meeting-attendance": set(ROLES) - {ANON, CB, CO, DO},
    "governance:agenda-item-edit": set(ROLES) - {ANON, CS, AD},
    "governance:agenda-item-move": set(ROLES) - {ANON, CS, AD},
    "governance:agenda-item-remove": set(ROLES) - {ANON, CS, AD},
}

PK_FOR = {
    "agreement:notice-withdraw": "notice",
    "activities:activity": "activity", "activities:activity-delete": "activity", "governance:meeting": "meeting",
    "governance:agenda-item-create": "meeting", "governance:meeting-zip": "meeting", "governance:material-upload": "meeting",
    "governance:material-download": "ordinary", "governance:material-version-download": "ordinary",
    "governance:material-new-version": "ordinary", "coordination:contact-detail": "contact", "coordination:contact-update": "contact",
    "coordination:action-item-done": "action", "members:manage-service": "service", "members:manage-service-delete": "service",
    # i11d
    "activities:activity-confirm-partner": "activity", "activities:activity-withdraw-partner": "activity",
    # i12c: the board pack
    "governance:meeting-publish": "meeting", "governance:material-publish": "ordinary", "governance:material-withdraw": "ordinary",
    "governance:material-restore": "ordinary", "governance:minutes-approve": "ordinary",
    # i12b
    "governance:meeting-edit": "meeting", "governance:meeting-cancel": "meeting", "governance:meeting-invitation": "meeting",
    "governance:meeting-attendance": "meeting", "governance:agenda-item-edit": "agenda_item",
    "governance:agenda-item-move": "agenda_item", "governance:agenda-item-remove": "agenda_item",
}
# i11b
PK_FOR.update({
    "twoparty:finding-acknowledge": "censec_finding", "twoparty:finding-dismiss": "censec_finding",
    "twoparty:finding-propose": "censec_finding",
})
VARIANTS = {"ordinary": "ordinary", "personnel": "personnel", "internal": "internal",
            "public_activity": "public_activity", "members_activity": "members_activity"}


def concrete_paths(world):
    """(table key, path) for every URL pattern, with the arguments filled from the demo world."""
    import re

    fixed = {"org": "censec", "year": world["year"], "code": "3.1", "token": world["token"], "number": 1, "uidb64": "MQ"}
    for route, name in url_patterns():
        path = "/" + route
        for key, value in fixed.items():
            path = re.sub(rf"<(\w+:)?{key}>", str(value), path)
        if "<id:pk>" not in path:
            yield name, path
            continue
        variants = [k.split("[")[1][:-1] for k in GET_TABLE if k.startswith(name + "[")]
        if not variants:
            yield name, path.replace("<id:pk>", str(world[PK_FOR[name]]))
        for variant in variants:
            yield f"{name}[{variant}]", path.replace("<id:pk>", str(world[VARIANTS[variant]]))


@pytest.fixture
def users(demo_users, django_user_model):
    return {**demo_users, OUT: django_user_model.objects.create_user(OUT, password="x")}


def as_role(client, users, role):
    client.logout()
    if role != ANON:
        client.force_login(users[role])
    return client


def test_the_table_covers_every_url_pattern(world):
    names = {key.split("[")[0] for key, _path in concrete_paths(world)}
    assert names == {key.split("[")[0] for key in GET_TABLE}


def test_every_page_answers_every_role_as_the_table_says(world, client, users):
    wrong = []
    for key, path in concrete_paths(world):
        for role in ROLES:
            status = as_role(client, users, role).get(path).status_code
            if status != GET_TABLE[key][role]:
                wrong.append(f"{role} GET {path} ({key}): {status}, table says {GET_TABLE[key][role]}")
    assert wrong == []


def test_every_form_post_refuses_whom_the_table_refuses(world, client, users):
    wrong = []
    paths = dict(concrete_paths(world))
    for name, refused in POST_REFUSED.items():
        path = paths[name] if name in paths else paths[f"{name}[ordinary]"]
        for role in sorted(refused | {ANON}):
            # What the page's form would send, so the request reaches the permission check.
            response = as_role(client, users, role).post(path, {"reason": "probe", "title": "probe"})
            expected = {302} if role == ANON else {403, 404}
            if response.status_code not in expected or (role == ANON and "/accounts/login/" not in response["Location"]):
                wrong.append(f"{role} POST {path}: {response.status_code}")
    assert wrong == []


def test_the_admin_is_only_for_administrators(client, users):
    for role in ROLES:
        response = as_role(client, users, role).get("/admin/")
        assert response.status_code == (200 if role == AD else 403 if role == MEM else 302), role


# i12a: one board's page, its people and seats, history and spreadsheet (§3 G1, G2). The board page
# is for whoever sees the board; the rest for its own secretariat and administrators (readers: 403).
_BOARD_MANAGE = only({CS, AD}, others=404, censec_board=403, difos_observer=403, censec_observer=403, member=403)
GET_TABLE.update({
    "governance:board": only(BOARD_READERS, others=404, member=403),
    "governance:person-create": _BOARD_MANAGE,
    "governance:person-edit": _BOARD_MANAGE,
    "governance:seat-create": _BOARD_MANAGE,
    "governance:seat-edit": _BOARD_MANAGE,
    "governance:seat-end": _BOARD_MANAGE,
    "governance:board-history": _BOARD_MANAGE,
    "governance:board-export": _BOARD_MANAGE,
    "governance:board-export-xlsx": _BOARD_MANAGE,
    "governance:board-import": _BOARD_MANAGE,
})
POST_REFUSED.update({
    name: set(ROLES) - {ANON, CS, AD}
    for name in ("governance:person-create", "governance:person-edit", "governance:seat-create", "governance:seat-edit",
                 "governance:seat-end", "governance:board-import")
})
PK_FOR.update({"governance:person-edit": "person", "governance:seat-edit": "seat", "governance:seat-end": "seat"})
