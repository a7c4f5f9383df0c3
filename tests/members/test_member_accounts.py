"""Member accounts: a secretariat adds members one by one or from a spreadsheet; they set a password and see the members pages only."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from portal.models import Role, User
from portal.notifications import deliver_pending


def _set_password_link(address):
    message = next(m for m in mail.outbox if address in m.to)
    return re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body)[1]


def test_a_secretariat_adds_a_member_who_sets_a_password_and_sees_only_the_members_pages(client, censec_secretariat, orgs):
    client.force_login(censec_secretariat)
    response = client.post("/members/manage/members/", {
        "organisation": orgs["censec"].pk, "name": "Ida Krogh", "email": "Ida.Krogh@Nordicdrone.example", "company": "Nordic Drone",
    })
    assert response.status_code == 302
    member = User.objects.get(email="ida.krogh@nordicdrone.example")
    assert not member.has_usable_password() and member.member_profile.company == "Nordic Drone"
    assert list(member.roles.values_list("kind", "organisation__slug")) == [("member", "censec")]
    assert "ida.krogh@nordicdrone.example" in client.get("/members/manage/members/").content.decode()
    deliver_pending()
    link = _set_password_link("ida.krogh@nordicdrone.example")
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    done = client.post(set_url, {"new_password1": "Droner-over-Fyn-2027", "new_password2": "Droner-over-Fyn-2027"})
    assert done.status_code == 302
    login = client.post("/accounts/login/", {"username": "ida.krogh@nordicdrone.example", "password": "Droner-over-Fyn-2027"})
    assert login.status_code == 302
    assert client.get(login["Location"], follow=True).redirect_chain[-1][0] == "/members/"
    for staff_path in ("/", "/activities/", "/agreement/", "/governance/meetings/", "/notifications/", "/members/manage/"):
        assert client.get(staff_path).status_code in (302, 403), staff_path
    assert client.get("/").url == "/members/"
    html = client.get("/members/").content.decode()
    assert "/activities/" not in html.split("<main")[0] and "Notifikationer" not in html


def test_the_same_person_can_be_a_member_of_both_organisations(client, censec_secretariat, difos_secretariat, orgs):
    from members.services import member_create

    member_create(user=censec_secretariat, organisation=orgs["censec"], name="Ole Bak", email="ole@firma.example", company="Firma")
    member_create(user=difos_secretariat, organisation=orgs["difos"], name="Ole Bak", email="OLE@firma.example", company="Firma")
    user = User.objects.get(email="ole@firma.example")
    assert set(user.roles.values_list("organisation__slug", flat=True)) == {"censec", "difos"}
    deliver_pending()
    # Two welcomes in one delivery run come bundled as one email (one per person and kind), naming both.
    [message] = [m for m in mail.outbox if "ole@firma.example" in m.to]
    assert "CenSec" in message.body and "DI FOS" in message.body


def test_a_secretariat_cannot_add_members_to_the_other_organisation_nor_turn_staff_into_members(client, difos_secretariat, censec_director, orgs):
    from django.core.exceptions import PermissionDenied, ValidationError

    from members.services import member_create

    with pytest.raises(PermissionDenied):
        member_create(user=difos_secretariat, organisation=orgs["censec"], name="X Y", email="x@y.example", company="Y")
    client.force_login(difos_secretariat)
    response = client.post("/members/manage/members/", {"organisation": orgs["censec"].pk, "name": "X Y", "email": "x@y.example", "company": "Y"})
    assert response.status_code == 400 and not User.objects.filter(email="x@y.example").exists()
    with pytest.raises(ValidationError, match="medarbejderkonto"):
        member_create(user=difos_secretariat, organisation=orgs["difos"], name="Anne", email=censec_director.email, company="CenSec")
    assert not Role.objects.filter(user=censec_director, kind="member").exists()


def _csv(*rows):
    return ("name,email,company\n" + "\n".join(rows) + "\n").encode()


def test_the_import_takes_every_row_or_none_and_names_each_bad_line(client, censec_secretariat, orgs):
    client.force_login(censec_secretariat)
    bad = _csv("Ida Krogh,ida@alfa.example,A", "Uden Mail,,B", "Dobbelt,ida@alfa.example,A", f"Staff,{censec_secretariat.email},C", ",nobody@alfa.example,")
    response = client.post("/members/manage/members/import/", {"organisation": orgs["censec"].pk, "file": SimpleUploadedFile("m.csv", bad)})
    assert response.status_code == 400
    html = response.content.decode()
    errors = html.split('data-testid="import-errors"')[1].split("</div>")[0]
    for line in (3, 4, 5, 6):
        assert f"Linje {line}" in errors or f"Line {line}" in errors, line
    assert "Linje 2" not in errors
    assert not User.objects.filter(email__endswith="@alfa.example").exists()
    good = _csv("Ida Krogh,ida@alfa.example,A", "Bo Ravn,bo@alfa.example,B")
    response = client.post("/members/manage/members/import/", {"organisation": orgs["censec"].pk, "file": SimpleUploadedFile("m.csv", good)})
    assert response.status_code == 302
    assert set(User.objects.filter(roles__kind="member").values_list("email", flat=True)) >= {"ida@alfa.example", "bo@alfa.example"}


def test_the_import_reads_xlsx_and_refuses_a_wrong_header(censec_secretariat, orgs):
    from members.services import MembersRejected, members_import

    book = Workbook()
    book.active.append(["name", "email", "company"])
    book.active.append(["Lise Dam", "lise@b.example", "B A/S"])
    out = io.BytesIO()
    book.save(out)
    assert members_import(user=censec_secretariat, organisation=orgs["censec"], name="m.xlsx", data=out.getvalue()) == 1
    with pytest.raises(MembersRejected) as exc:
        members_import(user=censec_secretariat, organisation=orgs["censec"], name="m.csv", data=b"email\nx@y.example\n")
    assert exc.value.errors[0][0] == 1 and "name, email, company" in exc.value.errors[0][1]
