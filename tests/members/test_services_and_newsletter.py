"""Each secretariat keeps its catalogue of services in the browser, with history; the newsletter export of next month."""

import csv
import datetime as dt
import io

import time_machine

from members.models import Service


def test_a_secretariat_keeps_its_catalogue_with_history_and_members_see_it_by_visibility(client, censec_secretariat, member, agreement):
    client.force_login(censec_secretariat)
    data = {"name": "Droneklinik", "description": "Rådgivning om droner", "for_whom": "SMV'er", "contact_name": "Birgitte Nørgaard",
            "contact_email": "droner@censec.example", "matrix_row": "", "visibility": "members"}
    assert client.post("/members/manage/services/censec/new/", data).status_code == 302
    service = Service.objects.get()
    assert service.organisation.slug == "censec"
    assert client.post("/members/manage/services/censec/new/", data).status_code == 400  # same name twice
    assert client.post(f"/members/manage/services/{service.pk}/", {**data, "visibility": "public"}).status_code == 302
    page = client.get(f"/members/manage/services/{service.pk}/").content.decode()
    history = page.split('data-testid="service-history"')[1].split("</ul>")[0]
    assert history.count("<li>") == 2 and "Mette Sørensen" in history
    client.logout()
    assert "Droneklinik" in client.get("/members/services/").content.decode()
    client.force_login(censec_secretariat)
    client.post(f"/members/manage/services/{service.pk}/", {**data, "visibility": "internal"})
    client.logout()
    assert "Droneklinik" not in client.get("/members/services/").content.decode()
    client.force_login(member)
    assert "Droneklinik" not in client.get("/members/services/").content.decode()


def test_the_other_secretariat_cannot_touch_the_catalogue(client, censec_secretariat, difos_secretariat, orgs):
    from members.services import service_create

    service = service_create(user=censec_secretariat, organisation=orgs["censec"], name="Klynge", description="x", visibility="public")
    client.force_login(difos_secretariat)
    assert client.post(f"/members/manage/services/{service.pk}/", {"name": "Kapret", "description": "x", "visibility": "public"}).status_code == 404
    assert client.post(f"/members/manage/services/{service.pk}/delete/").status_code == 404
    assert client.post("/members/manage/services/censec/new/", {"name": "Ny", "description": "x", "visibility": "public"}).status_code == 403
    assert Service.objects.get().name == "Klynge"


@time_machine.travel(dt.datetime(2027, 2, 14, 12, 0, tzinfo=dt.UTC))
def test_the_newsletter_lists_next_months_visible_activities_of_both_as_html_and_csv(client, publish, censec_secretariat, orgs):
    publish("censec", title="Martsmøde", start=dt.date(2027, 3, 5), place="Odense", signup_url="https://example.com/marts")
    publish("difos", title="Medlemsdag", visibility="members", start=dt.date(2027, 3, 20))
    publish("difos", title="Fælles dag", start=dt.date(2027, 3, 25), partner=orgs["censec"])
    publish("censec", title="Intern i marts", visibility="internal", start=dt.date(2027, 3, 6))
    publish("censec", title="Februarmøde", start=dt.date(2027, 2, 20))
    publish("censec", title="Aprilmøde", start=dt.date(2027, 4, 2))
    client.force_login(censec_secretariat)
    snippet = client.get("/members/manage/newsletter/?format=html").content.decode()
    assert "Martsmøde" in snippet and "Medlemsdag" in snippet and "Fælles dag" in snippet
    assert "Intern i marts" not in snippet and "Februarmøde" not in snippet and "Aprilmøde" not in snippet
    assert "<script" not in snippet and 'href="https://example.com/marts"' in snippet and "marts 2027" in snippet
    rows = list(csv.DictReader(io.StringIO(client.get("/members/manage/newsletter/?format=csv").content.decode())))
    assert [r["title"] for r in rows] == ["Martsmøde", "Medlemsdag", "Fælles dag"]
    assert rows[0]["place"] == "Odense" and rows[2]["organisers"] == "CenSec & DI FOS"
    assert rows[0]["url"].endswith("/members/activities/%s/" % rows[0]["url"].rstrip("/").rsplit("/", 1)[1])
    assert client.get("/members/manage/newsletter/").status_code == 200
