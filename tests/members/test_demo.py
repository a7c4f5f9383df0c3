"""`seed_demo` leaves a living members site: published activities and services of both parties."""

from django.core.management import call_command


def test_the_demo_shows_both_parties_activities_and_services(db, client, settings):
    from portal.models import User

    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = client.get("/members/activities/").content.decode()
    organisers = html.count('data-testid="organisers">CenSec'), html.count("DI FOS</span>")
    assert all(organisers), organisers
    assert 'data-testid="joint"' in html
    services = client.get("/members/services/").content.decode()
    assert "Innovationsmatchmaking" in services and "Eksportfremme og messer" in services
    client.force_login(User.objects.get(username="member"))
    assert "Medlemsmøde: eksportkontrol i praksis" in client.get("/members/activities/?organisation=difos").content.decode()
