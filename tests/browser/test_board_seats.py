"""CenSec's secretariat adds a DI FOS-backed seat in the browser, sees the consequence, saves, and G1 holds again (§3 G1)."""

from datetime import date

import pytest
from django.utils import timezone

from agreement.models import Organisation
from governance import demo, services
from governance.models import Seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def g1_one_short(demo_users):
    """The demo boards with Jens Mikkelsen's seat ended (G1 at 1 of 2) and a new candidate registered."""
    demo.seed(users=demo_users)
    services.seat_end(seat=Seat.objects.get(person__name="Jens Mikkelsen", board__organisation__slug="censec"))
    return services.person_create(
        name="Anna Holm", company="Terma", company_role="CTO", censec_member=True, statutes_accepted_on=date(2026, 1, 1),
    )


def test_the_secretariat_adds_a_seat_and_sees_g1_hold_again(g1_one_short, login_as, live_server):
    page = login_as("censec-secretariat")
    page.goto(live_server.url + "/governance/boards/censec/")
    assert page.get_by_test_id("rule-g1").get_attribute("data-met") == "false"
    assert page.get_by_test_id("rule-broken-g1").is_visible()

    page.locator("a[href='/governance/boards/censec/seats/new/']").first.click()
    page.wait_for_load_state()
    today = timezone.localdate().isoformat()
    page.select_option("#id_role", "member")
    page.select_option("#id_person", str(g1_one_short.pk))
    page.fill("#id_term_start", today)
    page.select_option("#id_nominated_by", str(Organisation.objects.get(slug="difos").pk))
    page.check("#id_backed_by_difos")
    page.fill("#id_backing_confirmed_on", today)
    page.locator("button[name=preview]").click()
    page.wait_for_load_state()
    consequence = page.get_by_test_id("consequence").inner_text()
    assert "2" in consequence and "G1" in consequence
    assert not Seat.objects.filter(person=g1_one_short).exists()  # nothing is saved by the preview

    page.locator("button[name=confirm]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/governance/boards/censec/")
    assert page.get_by_test_id("rule-g1").get_attribute("data-met") == "true"
    assert page.get_by_test_id("rule-broken-g1").count() == 0
    assert "Anna Holm" in page.get_by_test_id("current-seats").inner_text()
    assert Seat.objects.filter(person=g1_one_short).count() == 1
