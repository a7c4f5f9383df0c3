"""The members pages as a member company uses them: who does what, the activities and their filters, the contact lookup, feeds."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import vobject

from django.utils.html import escape

from agreement.models import MatrixRow, TaskArea

SOON = dt.date.today() + dt.timedelta(days=10)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_who_does_what_shows_both_organisations_and_the_matrix_from_the_agreement_data(client, agreement):
    row = MatrixRow.objects.get(code="2.1")
    row.responsibility_da = "Klyngesamarbejdet som det står i databasen"
    row.save()
    html = client.get("/members/").content.decode()
    assert "CenSec" in html and "DI Forsvar og Sikkerhed" in html
    assert "Klyngesamarbejdet som det står i databasen" in html  # drawn from the data, not a copy of the text
    for area in TaskArea.objects.all():
        assert escape(area.name_da) in html, area.slug
    assert html.count('data-testid="parties"') == 1 and "Ansvarlig" in html


def test_who_does_what_in_english(client, agreement):
    html = client.get("/members/?lang=en").content.decode()
    assert "Who does what" in html and "Leads" in html and 'lang="en"' in html
    assert client.get("/members/?lang=en")["Content-Language"] == "en"


def test_the_list_shows_organiser_dates_place_target_groups_and_sign_up_link(client, publish):
    publish("censec", title="Dronedag", place="Odense", target_groups="SMV; videninstitutioner",
            signup_url="https://example.com/tilmeld", start=SOON, days=2)
    html = client.get("/members/activities/").content.decode()
    card = html[html.index('data-testid="activity"'):]
    card = card[: card.index("</li>")]
    assert "Dronedag" in card and "CenSec" in card and "Odense" in card and "SMV, videninstitutioner" in card
    assert 'href="https://example.com/tilmeld"' in card
    assert SOON.strftime("%Y-%m-%d") in card and (SOON + dt.timedelta(days=1)).strftime("%Y-%m-%d") in card


def test_a_joint_activity_is_listed_once_with_both_organisers(client, publish, orgs):
    publish("censec", title="Fælles industridag", partner=orgs["difos"], start=SOON)
    publish("difos", title="Fælles industridag", partner=orgs["censec"], start=SOON)
    html = client.get("/members/activities/").content.decode()
    assert html.count('data-testid="activity"') == 1
    assert "CenSec & DI FOS" in html and 'data-testid="joint"' in html
    ics = client.get("/members/calendar.ics").content.decode()
    assert ics.count("BEGIN:VEVENT") == 1


@pytest.fixture
def spread(publish):
    later = SOON + dt.timedelta(days=40)
    return {
        "a": publish("censec", title="Innovationsdag for SMV'er", area="cluster", target_groups="SMV", start=SOON,
                     description="Match-making mellem virksomheder og forskere"),
        "b": publish("difos", title="Eurosatory-fremstød", area="international", target_groups="store virksomheder",
                     start=later, description="Fællesstand på messen i Paris"),
        "c": publish("difos", title="Eksportkontrol i praksis", area="operational", target_groups="SMV", start=SOON),
    }


def _titles(client, query):
    html = client.get(f"/members/activities/?{query}").content.decode()
    return sorted(t for t in ("Innovationsdag", "Eurosatory", "Eksportkontrol") if t in html.split('id="list-heading"')[1].split('id="calendar-heading"')[0])


def test_the_filters_narrow_the_list(client, spread):
    assert _titles(client, "") == ["Eksportkontrol", "Eurosatory", "Innovationsdag"]
    assert _titles(client, "organisation=difos") == ["Eksportkontrol", "Eurosatory"]
    assert _titles(client, "task_area=international") == ["Eurosatory"]
    assert _titles(client, "target_group=SMV") == ["Eksportkontrol", "Innovationsdag"]
    later = SOON + dt.timedelta(days=40)
    assert _titles(client, f"month={later:%Y-%m}") == ["Eurosatory"]


def test_the_text_search_understands_danish_forms(client, spread):
    assert _titles(client, "q=matchmaking") == ["Innovationsdag"]  # "Match-making" written with a hyphen
    assert _titles(client, "q=messer") == ["Eurosatory"]  # plural of "messe"; "messen" is in the text
    assert _titles(client, "q=eksportkontrollen") == ["Eksportkontrol"]  # definite form
    assert _titles(client, "q=ubåde") == []


def test_a_bad_month_is_explained_and_the_list_still_answers(client, spread):
    for month in ("2027-13", "9999-12", "0001-01", "abc"):
        response = client.get(f"/members/activities/?month={month}")
        assert response.status_code == 200 and "YYYY-MM" in response.content.decode(), month
        assert client.get(f"/members/calendar.ics?month={month}").status_code == 200


def test_the_month_calendar_places_an_activity_on_each_of_its_days(client, publish):
    publish("censec", title="Tredagesseminar", start=SOON, days=3)
    html = client.get(f"/members/activities/?month={SOON:%Y-%m}").content.decode()
    calendar = html.split('data-testid="month-calendar"')[1].split("</table>")[0]
    days_in_month = sum(1 for i in range(3) if (SOON + dt.timedelta(days=i)).month == SOON.month)
    assert calendar.count(">Tredagesseminar<") == days_in_month


def test_the_calendar_parses_with_an_independent_parser_and_keeps_the_filters(client, spread, publish):
    publish("censec", title="Med sted", place="Aalborg", signup_url="https://example.com/x", start=SOON)
    response = client.get("/members/calendar.ics?organisation=censec")
    assert response["Content-Type"].startswith("text/calendar")
    cal = vobject.readOne(response.content.decode())
    events = {e.summary.value: e for e in cal.vevent_list}
    assert set(events) == {"Innovationsdag for SMV'er (CenSec)", "Med sted (CenSec)"}
    event = events["Med sted (CenSec)"]
    assert event.dtstart.value == SOON and event.dtend.value == SOON + dt.timedelta(days=1)
    assert event.location.value == "Aalborg" and "https://example.com/x" in event.description.value
    assert event.url.value.endswith(f"/members/activities/{spread['a'].pk + 3}/") or "/members/activities/" in event.url.value
    assert len({e.uid.value for e in cal.vevent_list}) == 2


def test_the_atom_feed_is_well_formed_xml_with_an_entry_per_activity(client, spread):
    response = client.get("/members/feed.atom?task_area=international")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Eurosatory-fremstød (DI FOS)"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/members/activities/{spread['b'].pk}/")


def test_whom_to_contact_names_the_leading_organisation_and_its_contact_not_the_rule(client, demo_users):
    from members import demo

    demo.seed(users=demo_users)
    html = client.get("/members/contact/?q=eksportkontrol").content.decode()
    answer = html.split('data-testid="answer"')[1]
    assert "DI Forsvar og Sikkerhed" in answer and "fos@di.example" in answer
    assert "1.3" not in html and "informeres og inddrages" not in html.lower()
    html = client.get("/members/contact/?q=EDF konsortier partnere").content.decode()
    assert "CenSec" in html.split('data-testid="answer"')[1] and "edf@censec.example" in html
    assert 'data-testid="no-answer"' in client.get("/members/contact/?q=zzzz").content.decode()


def test_services_of_both_catalogues_filter_by_organisation_area_and_text(client, member, demo_users):
    from members import demo

    demo.seed(users=demo_users)
    html = client.get("/members/services/").content.decode()
    assert "Innovationsmatchmaking" in html and "Eksportfremme og messer" in html
    assert "Eksportkontrol-rådgivning" not in html  # members only
    client.force_login(member)
    assert "Eksportkontrol-rådgivning" in client.get("/members/services/").content.decode()
    only_difos = client.get("/members/services/?organisation=difos").content.decode()
    assert "Innovationsmatchmaking" not in only_difos and "Eksportfremme og messer" in only_difos
    assert client.get("/members/services/?q=messer").content.decode().count('data-testid="service"') == 1


def test_every_page_has_canonical_hreflang_and_opengraph(client, agreement):
    for path in ("/members/", "/members/activities/", "/members/services/", "/members/contact/"):
        html = client.get(path + "?organisation=censec").content.decode()
        assert f'<link rel="canonical" href="http://127.0.0.1:8000{path}">' in html, path
        for code in ("da", "en", "x-default"):
            assert f'hreflang="{code}"' in html, path
        assert '<meta property="og:title"' in html and '<meta property="og:description"' in html, path


def test_sitemap_lists_the_public_pages_and_public_activities_only(client, publish):
    public = publish("censec", title="Offentlig", start=SOON)
    hidden = publish("censec", title="Kun for medlemmer", visibility="members", start=SOON)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/members/") for loc in locations)
    assert any(loc.endswith(f"/members/activities/{public.pk}/") for loc in locations)
    assert not any(loc.endswith(f"/members/activities/{hidden.pk}/") for loc in locations)
    assert not any("/activities/censec" in loc or "/governance/" in loc for loc in locations)
    robots = client.get("/robots.txt").content.decode()
    assert "Allow: /members/" in robots and "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots


def test_the_pages_work_without_javascript(client, publish):
    publish("censec", title="Uden JS", start=SOON)
    html = client.get(f"/members/activities/?q=JS&month={SOON:%Y-%m}").content.decode()
    assert '<form method="get"' in html and "Uden JS" in html and "hx-" not in html.split('<main')[1]
