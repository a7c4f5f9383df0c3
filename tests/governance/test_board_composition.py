"""§3 G1 and G2 as the agreement words them, the board page and its forms (with the consequence shown
before saving), the notice when a rule stops holding, and the composition as a spreadsheet."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation

from governance import selectors, services, services_seats
from governance.models import BoardRuleState, Person, Seat
from portal.models import Notification

START = date(2025, 1, 1)


@pytest.fixture(autouse=True)
def english(client, settings):
    """Messages are asserted in English: in the services, and on the pages (the language cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def censec(orgs):
    return services.board_ensure(organisation=orgs["censec"])


@pytest.fixture
def difos(orgs):
    return services.board_ensure(organisation=orgs["difos"])


def rep(name, **overrides):
    """A person who is every part of a G1 representative unless told otherwise."""
    fields = {"company": "Terma", "company_role": "CEO", "censec_member": True, "statutes_accepted_on": START}
    fields.update(overrides)
    return services.person_create(name=name, **fields)


def seat(board, person, orgs, *, role="member", nominated="difos", backed=True, backing=START, start=START, end=None):
    return services.seat_create(
        board=board, person=person, role=role, term_start=start, term_end=end, nominated_by=orgs[nominated],
        backed_by_difos=backed, backing_confirmed_on=backing if backed else None,
    )


def g1():
    return selectors.dashboard_board_rules()["g1"]


def g2():
    return selectors.dashboard_board_rules()["g2"]


# --- G1 -------------------------------------------------------------------------------------------


def test_g1_holds_with_two_representatives(censec, orgs):
    seat(censec, rep("Anna"), orgs)
    seat(censec, rep("Bo"), orgs)
    assert g1().met is True
    assert "2 of 2 representatives" in g1().reason and "Anna, Bo" in g1().reason


@pytest.mark.parametrize(
    "person, seat_args, why",
    [
        ({"company_role": ""}, {}, "not a company representative (no role in the company)"),
        ({"company": "", "company_role": ""}, {}, "not a company representative (no company)"),
        ({"censec_member": False}, {}, "not a member of CenSec"),
        ({"statutes_accepted_on": None}, {}, "has not accepted to serve under CenSec's statutes"),
        ({}, {"backed": False}, "no confirmed DI FOS backing"),
        ({}, {"backing": START - timedelta(days=1)}, "lies outside the seat's term"),
        ({}, {"backing": date(2030, 1, 2), "end": date(2030, 1, 1)}, "lies outside the seat's term"),
        ({}, {"nominated": "censec"}, None),
        ({}, {"role": "observer"}, None),
    ],
)
def test_g1_does_not_hold_when_the_second_person_lacks_one_condition(censec, difos, orgs, person, seat_args, why):
    seat(censec, rep("Anna"), orgs)
    bo = rep("Bo", **person)
    if seat_args.get("role") == "observer":
        seat(difos, bo, orgs, backed=False)  # §3 G2: an observer sits on the sending party's board
    seat(censec, bo, orgs, **seat_args)
    result = g1()
    assert result.met is False
    assert "1 of 2 representatives" in result.reason
    if why:
        assert f"Bo: " in result.reason and why in result.reason


def test_g1_accepts_a_nomination_by_di_and_a_backing_on_the_first_day(censec, orgs):
    seat(censec, rep("Anna"), orgs, nominated="di")
    seat(censec, rep("Bo"), orgs, backing=START)
    assert g1().met is True


def test_a_person_with_two_seats_counts_once(censec, orgs):
    anna = rep("Anna")
    seat(censec, anna, orgs, role="vice_chair")
    seat(censec, anna, orgs, role="member")
    assert Seat.objects.filter(person=anna).count() == 2
    assert g1().met is False
    assert "1 of 2 representatives" in g1().reason and "(Anna)" in g1().reason


# --- G2a ------------------------------------------------------------------------------------------


def test_g2_holds_with_one_observer_from_each_party_off_their_own_board(censec, difos, orgs):
    peter, sofie = rep("Peter"), rep("Sofie")
    seat(difos, peter, orgs, backed=False)
    seat(censec, peter, orgs, role="observer", backed=False)
    seat(censec, sofie, orgs, nominated="censec", backed=False)
    seat(difos, sofie, orgs, role="observer", nominated="censec", backed=False)
    assert g2().met is True
    assert "Peter" in g2().reason and "Sofie" in g2().reason


def test_di_is_refused_as_the_sender_of_a_second_observer(censec, difos, orgs):
    peter = rep("Peter")
    seat(difos, peter, orgs, backed=False)
    seat(censec, peter, orgs, role="observer", backed=False)
    other = rep("Other")
    seat(difos, other, orgs, backed=False)
    with pytest.raises(ValidationError) as refused:
        seat(censec, other, orgs, role="observer", nominated="di", backed=False)
    assert "DI is not a party to the agreement" in " ".join(refused.value.messages)
    assert Seat.objects.filter(board=censec, role="observer").count() == 1


def test_an_observer_without_a_seat_on_the_sending_board_is_refused(censec, orgs):
    with pytest.raises(ValidationError) as refused:
        seat(censec, rep("Peter"), orgs, role="observer", backed=False)
    assert "holds no seat on the board of DI FOS" in " ".join(refused.value.messages)
    assert not Seat.objects.filter(role="observer").exists()


def test_g2_stops_holding_when_the_observer_leaves_the_sending_board(censec, difos, orgs):
    peter = rep("Peter")
    home = seat(difos, peter, orgs, backed=False)
    seat(censec, peter, orgs, role="observer", backed=False)
    assert g2().met is True
    services.seat_end(seat=home)
    assert g2().met is False
    assert "holds no seat on DI FOS's board" in g2().reason


# --- told once when a rule stops holding ----------------------------------------------------------


def _broken_notes():
    return Notification.objects.filter(kind="board_rule_broken")


def test_both_directors_and_the_secretariat_are_told_once_when_g1_stops_holding(demo_users, orgs, client_for):
    from governance import demo

    demo.seed(users=demo_users)
    assert BoardRuleState.objects.get(board__organisation__slug="censec", rule="G1").holds is True
    assert not _broken_notes().exists()
    jens = Seat.objects.get(person__name="Jens Mikkelsen", board__organisation__slug="censec")
    services.seat_end(seat=jens)
    told = {n.recipient.username for n in _broken_notes()}
    assert told == {"censec-director", "difos-director", "censec-secretariat"}
    assert all(n.key.startswith("g1-broken:censec:") for n in _broken_notes())
    services.seats_sync()
    services_seats.board_rules_watch()
    assert _broken_notes().count() == 3
    page = client_for(demo_users["censec-secretariat"]).get("/governance/boards/censec/").content.decode()
    assert 'data-testid="rule-broken-g1"' in page
    # The directors' notice points to the overview, which shows the break too.
    overview = client_for(demo_users["difos-director"]).get("/governance/boards/").content.decode()
    assert 'data-testid="rule-broken-g1"' in overview and "G1 does not hold" in overview
    # It holds again, and breaks again later: a new notice.
    again = seat(Seat.objects.get(pk=jens.pk).board, rep("Jonna"), orgs, start=timezone.localdate() - timedelta(days=5),
                 backing=timezone.localdate() - timedelta(days=5))
    assert BoardRuleState.objects.get(board__organisation__slug="censec", rule="G1").holds is True
    assert 'data-testid="rule-broken-g1"' not in client_for(demo_users["censec-secretariat"]).get(
        "/governance/boards/censec/").content.decode()
    services.seat_end(seat=again)
    assert _broken_notes().count() == 6
    assert len({n.key for n in _broken_notes()}) == 2


def test_a_lapsed_backing_found_by_the_hourly_sync_tells_once(demo_users):
    from governance import demo

    demo.seed(users=demo_users)
    karen = Seat.objects.get(person__name="Karen Vestergaard", board__organisation__slug="censec")
    # The term ended yesterday (a lapse the hourly sync finds); nobody has been told yet.
    Seat.objects.filter(pk=karen.pk).update(term_end=timezone.localdate() - timedelta(days=1))
    assert not _broken_notes().exists()
    services.seats_sync()
    services.seats_sync()
    assert _broken_notes().count() == 3


# --- the pages --------------------------------------------------------------------------------------


@pytest.fixture
def demo_boards(demo_users):
    from governance import demo

    demo.seed(users=demo_users)
    return demo_users


def _token(client, url):
    return client.get(url).content.decode().split('name="once" value="', 1)[1].split('"', 1)[0]


def _seat_post(client, data, **extra):
    """Preview, then save with what the preview gave back (fingerprint and one-time token)."""
    data = {**data, "once": _token(client, "/governance/boards/censec/seats/new/")}
    preview = client.post("/governance/boards/censec/seats/new/", data)
    assert preview.status_code == 200, preview.content.decode()
    html = preview.content.decode()
    fields = dict(data)
    for name in ("previewed", "once"):
        marker = f'name="{name}" value="'
        fields[name] = html.split(marker, 1)[1].split('"', 1)[0]
    fields["confirm"] = "1"
    return preview, fields


def test_the_board_page_shows_rules_with_reasons_and_seats(demo_boards, client_for):
    html = client_for(demo_boards["censec-secretariat"]).get("/governance/boards/censec/").content.decode()
    assert "G1 holds: 2 of 2 representatives" in html
    assert "G2 holds" in html
    assert "Karen Vestergaard" in html and "Add a seat" in html


def test_members_and_observers_see_the_board_page_read_only(demo_boards, client_for):
    response = client_for(demo_boards["difos-observer"]).get("/governance/boards/censec/")
    assert response.status_code == 200
    assert "Add a seat" not in response.content.decode()
    assert client_for(demo_boards["difos-observer"]).get("/governance/boards/censec/seats/new/").status_code == 403
    assert client_for(demo_boards["difos-director"]).get("/governance/boards/censec/").status_code == 404


def test_ending_a_seat_shows_what_it_does_to_g1_before_it_is_saved(demo_boards, client_for):
    client = client_for(demo_boards["censec-secretariat"])
    jens = Seat.objects.get(person__name="Jens Mikkelsen", board__organisation__slug="censec")
    url = f"/governance/boards/censec/seats/{jens.pk}/end/"
    today = timezone.localdate().isoformat()
    preview = client.post(url, {"on": today})
    html = preview.content.decode()
    assert "Ending this seat leaves G1 at 1 of 2 representatives (now 2): G1 would stop holding." in html
    assert Seat.objects.get(pk=jens.pk).closed is False
    previewed = html.split('name="previewed" value="', 1)[1].split('"', 1)[0]
    saved = client.post(url, {"on": today, "previewed": previewed, "confirm": "1"})
    assert saved.status_code == 302
    assert Seat.objects.get(pk=jens.pk).closed is True
    assert "G1 does not hold: 1 of 2" in client.get("/governance/boards/censec/").content.decode()


def test_a_changed_form_is_previewed_again_rather_than_saved(demo_boards, client_for):
    client = client_for(demo_boards["censec-secretariat"])
    jens = Seat.objects.get(person__name="Jens Mikkelsen", board__organisation__slug="censec")
    response = client.post(f"/governance/boards/censec/seats/{jens.pk}/end/",
                           {"on": timezone.localdate().isoformat(), "previewed": "stale", "confirm": "1"})
    assert response.status_code == 200 and 'data-testid="consequence"' in response.content.decode()
    assert Seat.objects.get(pk=jens.pk).closed is False


def test_a_second_observer_from_di_fos_is_a_form_error(demo_boards, client_for, orgs):
    client = client_for(demo_boards["censec-secretariat"])
    hanne = Person.objects.get(name="Hanne Berg")  # sits on DI FOS's board
    response = client.post("/governance/boards/censec/seats/new/", {
        "role": "observer", "person": hanne.pk, "term_start": timezone.localdate().isoformat(),
        "nominated_by": orgs["difos"].pk, "once": _token(client, "/governance/boards/censec/seats/new/"),
    })
    assert response.status_code == 400
    assert "DI FOS already has an observer on Board of CenSec (Peter Lund)" in response.content.decode()
    assert Seat.objects.filter(person=hanne, role="observer").count() == 0


def test_adding_a_seat_previews_then_saves_once_on_a_double_submit(demo_boards, client_for, orgs):
    client = client_for(demo_boards["censec-secretariat"])
    anna = rep("Anna Holm")
    data = {
        "role": "member", "person": anna.pk, "term_start": timezone.localdate().isoformat(),
        "nominated_by": orgs["difos"].pk, "backed_by_difos": "on", "backing_confirmed_on": timezone.localdate().isoformat(),
    }
    preview, fields = _seat_post(client, data)
    assert "Adding this seat changes G1 from 2 to 3 of 2 representatives." in preview.content.decode()
    assert not Seat.objects.filter(person=anna).exists()
    first = client.post("/governance/boards/censec/seats/new/", fields)
    second = client.post("/governance/boards/censec/seats/new/", fields)
    assert first.status_code == 302 and second.status_code == 302
    assert Seat.objects.filter(person=anna).count() == 1


def test_a_double_submitted_person_form_gives_one_person(demo_boards, client_for):
    client = client_for(demo_boards["censec-secretariat"])
    page = client.get("/governance/boards/censec/people/new/").content.decode()
    token = page.split('name="once" value="', 1)[1].split('"', 1)[0]
    data = {"name": "Nina Dahl", "company": "Terma", "company_role": "CFO", "once": token}
    assert client.post("/governance/boards/censec/people/new/", data).status_code == 302
    assert client.post("/governance/boards/censec/people/new/", data).status_code == 302
    assert Person.objects.filter(name="Nina Dahl").count() == 1


def test_correcting_a_person_previews_the_g1_consequence(demo_boards, client_for):
    client = client_for(demo_boards["censec-secretariat"])
    karen = Person.objects.get(name="Karen Vestergaard")
    data = {"name": karen.name, "email": karen.email, "company": karen.company, "company_role": karen.company_role,
            "username": "censec-board"}  # censec_member and statutes left out: unticked and empty
    html = client.post(f"/governance/boards/censec/people/{karen.pk}/edit/", data).content.decode()
    assert "Correcting Karen Vestergaard leaves G1 at 1 of 2 representatives" in html
    assert Person.objects.get(pk=karen.pk).censec_member is True


def test_correcting_a_seat_moves_its_access(demo_boards, client_for, orgs):
    from guardian.shortcuts import get_perms

    client = client_for(demo_boards["censec-secretariat"])
    karen = Seat.objects.get(person__name="Karen Vestergaard", board__organisation__slug="censec")
    board = karen.board
    assert "view_board_all" in get_perms(demo_boards["censec-board"], board)
    future = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {"role": "vice_chair", "term_start": future, "nominated_by": orgs["difos"].pk, "backed_by_difos": "on",
            "backing_confirmed_on": future}
    preview = client.post(f"/governance/boards/censec/seats/{karen.pk}/edit/", data).content.decode()
    assert "G1 would stop holding" in preview
    data["previewed"] = preview.split('name="previewed" value="', 1)[1].split('"', 1)[0]
    data["confirm"] = "1"
    assert client.post(f"/governance/boards/censec/seats/{karen.pk}/edit/", data).status_code == 302
    assert "view_board_all" not in get_perms(demo_boards["censec-board"], board)
    assert Seat.objects.get(pk=karen.pk).term_start.isoformat() == future


def test_the_history_shows_every_change(demo_boards, client_for):
    client = client_for(demo_boards["censec-secretariat"])
    jens = Seat.objects.get(person__name="Jens Mikkelsen", board__organisation__slug="censec")
    services.seat_end(seat=jens)
    html = client.get("/governance/boards/censec/history/").content.decode()
    assert "Seat: Jens Mikkelsen" in html and "changed: term_end" in html and "created" in html


# --- spreadsheet ------------------------------------------------------------------------------------

HEADER = "name,email,company,company_role,censec_member,seat,starts,ends,nominated_by,backed_by_difos,backing_date,statutes_accepted"


def _csv(*rows):
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def test_export_round_trips(demo_boards, client_for):
    client = client_for(demo_boards["censec-secretariat"])
    exported = client.get("/governance/boards/censec/export.csv")
    assert exported["Content-Type"].startswith("text/csv")
    body = exported.content
    assert body.decode().splitlines()[0] == HEADER
    seats = Seat.objects.count()
    counts = services_seats.board_import(user=demo_boards["censec-secretariat"], board=Seat.objects.first().board.__class__.objects.get(organisation__slug="censec"), name="b.csv", data=body)
    assert counts == {"people_created": 0, "people_updated": 0, "seats_created": 0, "seats_updated": 0}
    assert Seat.objects.count() == seats
    assert client.get("/governance/boards/censec/export.csv").content == body
    xlsx = client.get("/governance/boards/censec/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_an_import_builds_a_board_that_exports_the_same(censec, difos, orgs, censec_secretariat):
    data = _csv(
        "Anna,anna@x.example,Terma,CEO,yes,member,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
        "Anna,anna@x.example,Terma,CEO,yes,vice_chair,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
        "Bo,bo@x.example,Systematic,CTO,yes,member,2025-01-01,2027-12-31,di,yes,2025-02-01,2024-12-01",
    )
    counts = services_seats.board_import(user=censec_secretariat, board=censec, name="b.csv", data=data)
    assert counts["people_created"] == 2 and counts["seats_created"] == 3
    assert Person.objects.filter(name="Anna").count() == 1
    assert g1().met is True
    exported = "\r\n".join(",".join(r) for r in [HEADER.split(","), *services_seats.export_rows(censec)]) + "\r\n"
    assert sorted(exported.splitlines()) == sorted(data.decode().replace("\n", "\r\n").splitlines())


def test_an_import_is_all_or_nothing_with_errors_by_line(censec, orgs, client_for, censec_secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = _csv(
        "Anna,anna@x.example,Terma,CEO,yes,member,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
        "Bo,bo@x.example,Systematic,CTO,maybe,member,2025-01-01,,difos,yes,2025-02-01,",
        "Cai,cai@x.example,Weibel,CEO,no,chairman,01-01-2025,,difos,no,,",
        "Dan,dan@x.example,MARSS,CEO,no,observer,2025-01-01,,difos,no,,",
    )
    response = client_for(censec_secretariat).post(
        "/governance/boards/censec/import/", {"file": SimpleUploadedFile("b.csv", data, content_type="text/csv")}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Line 3" in html and "censec_member must be yes or no" in html
    assert "Line 4" in html and "seat must be one of" in html and "starts must be a date" in html
    assert "Line 2:" not in html
    assert not Person.objects.exists() and not Seat.objects.exists()
    # Only the G2a row left: it is refused on its line, and the good row goes back out too.
    with pytest.raises(services_seats.BoardRejected) as rejected:
        services_seats.board_import(user=censec_secretariat, board=censec, name="b.csv", data=_csv(
            "Anna,anna@x.example,Terma,CEO,yes,member,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
            "Dan,dan@x.example,MARSS,CEO,no,observer,2025-01-01,,difos,no,,",
        ))
    assert [line for line, _reason in rejected.value.errors] == [3]
    assert "holds no seat on the board of DI FOS" in rejected.value.errors[0][1]
    assert not Person.objects.exists() and not Seat.objects.exists()


def test_the_commands_import_and_check_the_board(censec, difos, orgs, tmp_path):
    path = tmp_path / "board.csv"
    path.write_bytes(_csv(
        "Anna,anna@x.example,Terma,CEO,yes,member,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
        "Bo,bo@x.example,Systematic,CTO,yes,member,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
    ))
    out = io.StringIO()
    call_command("import_board", str(path), "--board", "censec", stdout=out)
    assert "2 seats added" in out.getvalue()
    out = io.StringIO()
    call_command("check_board", "--format", "csv", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "board,rule,holds,reason"
    assert lines[1].startswith("censec,G1,yes,") and lines[2].startswith("censec,G2,yes,")
    assert lines[3].startswith("difos,G2,yes,")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv("Cai,,Weibel,CEO,no,chairman,2025-01-01,,difos,no,,"))
    err = io.StringIO()
    with pytest.raises(Exception, match="Nothing imported"):
        call_command("import_board", str(bad), "--board", "censec", stderr=err)
    assert "bad.csv:2:" in err.getvalue()


def test_an_import_with_a_date_out_of_range_is_an_error_on_its_line(censec, orgs, censec_secretariat):
    with pytest.raises(services_seats.BoardRejected) as rejected:
        services_seats.board_import(user=censec_secretariat, board=censec, name="b.csv", data=_csv(
            "Anna,anna@x.example,Terma,CEO,yes,member,9999-12-31,,difos,yes,2025-01-01,2024-12-01",
        ))
    assert [line for line, _reason in rejected.value.errors] == [2]
    assert "starts must be a date" in rejected.value.errors[0][1]
    assert not Seat.objects.exists()


def test_an_import_checks_g1_and_g2_once_for_the_board_as_imported(censec, difos, orgs, censec_secretariat, monkeypatch):
    calls = []
    real = services_seats.board_rules_watch
    monkeypatch.setattr(services_seats, "board_rules_watch", lambda **kw: calls.append(kw) or real(**kw))
    services_seats.board_import(user=censec_secretariat, board=censec, name="b.csv", data=_csv(
        "Anna,anna@x.example,Terma,CEO,yes,member,2025-01-01,,difos,yes,2025-01-01,2024-12-01",
        "Bo,bo@x.example,Systematic,CTO,yes,member,2025-01-01,,di,yes,2025-02-01,2024-12-01",
        "Cai,cai@x.example,Weibel,CEO,yes,member,2025-01-01,,censec,no,,",
    ))
    assert len(calls) == 1  # not once per row: a row on the way tells nobody that a rule broke
    assert g1().met is True


def test_ending_a_seat_after_its_term_is_refused_and_does_not_lengthen_it(demo_boards):
    seat = Seat.objects.filter(board__organisation__slug="censec", closed=False, term_end__isnull=False).first()
    term_end = seat.term_end
    with pytest.raises(ValidationError) as refused:
        services_seats.seat_end_on(user=demo_boards["censec-secretariat"], seat=seat, on=term_end + timedelta(days=365))
    assert "correct the seat" in " ".join(refused.value.messages)
    seat.refresh_from_db()
    assert seat.term_end == term_end and not seat.closed
