"""Role × confidentiality category × path: every path answers exactly what portal.permissions allows (§3 G2).

Each role holds an access level per board: "all" (board member, the board's party secretariat,
administrator), "observer" (everything but personnel and internal-secretariat matters) or none.
"""

import io
import zipfile

import pytest
from icalendar import Calendar

from governance import services

from .conftest import CATEGORIES

ACCESS = {
    "censec_board": {"censec": "all"},
    # §3 G2: an observer is one of the sending party's board representatives, so each demo observer
    # also sits on its own party's board (and sees all of it).
    "difos_observer": {"censec": "observer", "difos": "all"},
    "censec_observer": {"difos": "observer", "censec": "all"},
    "difos_member": {"difos": "all"},
    "censec_secretariat": {"censec": "all"},
    "difos_secretariat": {"difos": "all"},
    "censec_director": {},
    "difos_director": {},
    "outsider": {},
    "admin_user": {"censec": "all", "difos": "all"},
}
PATHS = ["page", "download", "zip", "search", "calendar", "admin"]


def sees(access: str | None, category: str) -> bool:
    return access == "all" or (access == "observer" and category == "ordinary")


def every_material(boards):
    """(board slug, category, material) for every material, the meeting-wide one counted as ordinary."""
    for slug, fixture in boards.items():
        for category in CATEGORIES:
            yield slug, category, fixture.materials[category]
        yield slug, "ordinary", fixture.meeting_material


@pytest.fixture
def as_role(request, client):
    def login(role):
        user = request.getfixturevalue(role)
        client.force_login(user)
        return user, client

    return login


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("role", list(ACCESS))
def test_each_role_gets_exactly_its_access_on_each_path(boards, as_role, role, path):
    user, client = as_role(role)
    access = ACCESS[role]
    problems = []

    if path == "page":
        for slug, fixture in boards.items():
            response = client.get(f"/governance/meetings/{fixture.meeting.pk}/")
            if not access.get(slug):
                if response.status_code != 404:
                    problems.append(f"meeting {fixture.meeting.pk} ({slug}) answered {response.status_code}, not 404")
                continue
            html = response.content.decode()
            for category in CATEGORIES:
                for label, obj in (("item", fixture.items[category]), ("material", fixture.materials[category])):
                    if (obj.title in html) != sees(access.get(slug), category):
                        problems.append(f"{label} {obj.pk} ({slug}, {category}) shown={obj.title in html}")

    elif path == "download":
        for slug, category, material in every_material(boards):
            status = client.get(f"/governance/materials/{material.pk}/download/").status_code
            if status != (200 if sees(access.get(slug), category) else 404):
                problems.append(f"material {material.pk} ({slug}, {category}) answered {status}")

    elif path == "zip":
        for slug, fixture in boards.items():
            response = client.get(f"/governance/meetings/{fixture.meeting.pk}/materials.zip")
            if not access.get(slug):
                if response.status_code != 404:
                    problems.append(f"zip of meeting {fixture.meeting.pk} ({slug}) answered {response.status_code}")
                continue
            names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
            got = {n.split(" - ", 1)[1] for n in names}
            want = {f"{slug}-{c}.pdf" for c in CATEGORIES if sees(access[slug], c)} | {f"{slug}-whole.pdf"}
            if got != want:
                problems.append(f"zip of meeting {fixture.meeting.pk} ({slug}) held {sorted(got)}, not {sorted(want)}")

    elif path == "search":
        html = client.get("/governance/meetings/", {"q": "Zebra"}).content.decode()
        results = html.split('data-testid="search-results"', 1)[-1].split('data-testid="upcoming-meetings"', 1)[0]
        for slug, fixture in boards.items():
            for category in CATEGORIES:
                for label, obj in (("item", fixture.items[category]), ("material", fixture.materials[category])):
                    if (obj.title in results) != sees(access.get(slug), category):
                        problems.append(f"search: {label} {obj.pk} ({slug}, {category}) found={obj.title in results}")
            # Nothing outside the search results may leak either (the upcoming list shows materials too).
            for category in CATEGORIES:
                material = fixture.materials[category]
                if material.title in html and not sees(access.get(slug), category):
                    problems.append(f"meetings page leaked material {material.pk} ({slug}, {category})")

    elif path == "calendar":
        token = services.calendar_token_for(user=user).token
        client.logout()  # the feed is fetched by a calendar app, without a session
        response = client.get(f"/calendar/{token}.ics")
        assert response.status_code == 200
        body = response.content.decode()
        uids = {str(e["UID"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
        for slug, fixture in boards.items():
            if (f"meeting-{fixture.meeting.pk}@samarbejdsportalen" in uids) != bool(access.get(slug)):
                problems.append(f"calendar: meeting {fixture.meeting.pk} ({slug}) listed wrongly")
        if "Zebra" in body:
            problems.append("calendar feed carries agenda or material titles")

    elif path == "admin":
        response = client.get("/admin/governance/material/")
        if role != "admin_user":
            if response.status_code != 302 or "/admin/login/" not in response["Location"]:
                problems.append(f"admin changelist answered {response.status_code} for a non-administrator")
        else:
            html = response.content.decode()
            for slug, category, material in every_material(boards):
                if material.title not in html:
                    problems.append(f"admin changelist lacks material {material.pk}")

    assert problems == []


@pytest.mark.parametrize("path", ["page", "download", "zip", "search", "admin"])
def test_anonymous_is_sent_to_login_everywhere(boards, client, path):
    fixture = boards["censec"]
    url = {
        "page": f"/governance/meetings/{fixture.meeting.pk}/",
        "download": f"/governance/materials/{fixture.materials['ordinary'].pk}/download/",
        "zip": f"/governance/meetings/{fixture.meeting.pk}/materials.zip",
        "search": "/governance/meetings/?q=Zebra",
        "admin": "/admin/governance/material/",
    }[path]
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_unknown_calendar_token_is_a_404(boards, client):
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_guessed_ids_that_do_not_exist_are_404(boards, client_for, censec_board):
    client = client_for(censec_board)
    assert client.get("/governance/meetings/999999/").status_code == 404
    assert client.get("/governance/materials/999999/download/").status_code == 404
    assert client.get("/governance/meetings/999999/materials.zip").status_code == 404


def test_ending_a_seat_removes_access_at_once(boards, client_for, censec_board):
    fixture = boards["censec"]
    client = client_for(censec_board)
    download = f"/governance/materials/{fixture.materials['ordinary'].pk}/download/"
    assert client.get(download).status_code == 200
    seat = censec_board.board_person.seats.get(board=fixture.board, closed=False)
    services.seat_end(seat=seat)
    assert client.get(download).status_code == 404
    assert client.get(f"/governance/meetings/{fixture.meeting.pk}/").status_code == 404
    assert client.get(f"/governance/meetings/{fixture.meeting.pk}/materials.zip").status_code == 404
    assert not censec_board.has_perm("governance.view_board_all", fixture.board)
    assert not censec_board.roles.filter(kind="board_member").exists()


def test_a_seat_whose_term_has_passed_loses_access_when_the_schedule_runs(boards, client_for, difos_observer):
    from datetime import timedelta

    from django.utils import timezone

    fixture = boards["censec"]
    seat = difos_observer.board_person.seats.get(board=fixture.board, closed=False)
    seat.term_end = timezone.localdate() - timedelta(days=1)
    seat.save(update_fields=["term_end"])
    assert services.seats_sync() == 1
    client = client_for(difos_observer)
    assert client.get(f"/governance/meetings/{fixture.meeting.pk}/").status_code == 404


# --- i12c: the board pack: drafts and withdrawn materials, per role and path ----------------------
MANAGES = {"censec_secretariat": {"censec"}, "difos_secretariat": {"difos"}, "admin_user": {"censec", "difos"}}


@pytest.mark.parametrize("state", ["draft", "withdrawn"])
@pytest.mark.parametrize("role", list(ACCESS))
def test_drafts_and_withdrawn_materials_are_the_secretariats_alone(boards, as_role, demo_users, role, state):
    """A draft or withdrawn ordinary material: page, download and search for the board's secretariat only; the zip for no one withdrawn."""
    from governance import publishing

    from .conftest import pdf_upload

    made = {}
    for slug, fixture in boards.items():
        secretariat = demo_users[f"{slug}-secretariat"]
        material = services.material_upload(
            user=secretariat, upload=pdf_upload(f"{slug}-{state}.pdf"), meeting=fixture.meeting,
            title=f"Zebra {state} {slug}", agenda_item=fixture.items["ordinary"],
        )
        if state == "withdrawn":
            publishing.materials_publish(user=secretariat, materials=[material], tell=False)
            publishing.material_withdraw(user=secretariat, material=material)
        made[slug] = material
    user, client = as_role(role)
    problems = []
    search = client.get("/governance/meetings/", {"q": "Zebra"}).content.decode().split('data-testid="search-results"', 1)[-1]
    for slug, material in made.items():
        manages = slug in MANAGES.get(role, set())
        meeting = boards[slug].meeting
        page = client.get(f"/governance/meetings/{meeting.pk}/")
        if page.status_code == 200 and (material.title in page.content.decode()) != manages:
            problems.append(f"page shows {state} {slug}: {not manages}")
        status = client.get(f"/governance/materials/{material.pk}/download/").status_code
        if status != (200 if manages else 404):
            problems.append(f"download of {state} {slug}: {status}")
        if (material.title in search) != manages:
            problems.append(f"search finds {state} {slug}: {not manages}")
        zipped = client.get(f"/governance/meetings/{meeting.pk}/materials.zip")
        if zipped.status_code == 200:
            names = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content))).namelist()
            in_zip = any(n.endswith(f"{slug}-{state}.pdf") for n in names)
            if in_zip != (manages and state == "draft"):
                problems.append(f"zip holds {state} {slug}: {in_zip}")
    assert problems == []
