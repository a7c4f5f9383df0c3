"""Issue 12 end to end, in the browser: CenSec's secretariat adds a seat, schedules a strategy seminar,
builds its agenda, uploads the board pack and publishes it; the new member and DI FOS' observer are
invited, and the observer answers attending and sees the non-confidential materials only (§3.2, §3 G2)."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from agreement.models import Organisation
from governance import demo, services
from governance.models import AgendaItem, Material, Meeting, Seat
from portal.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(demo_users):
    demo.seed(users=demo_users)
    return demo_users


@pytest.fixture
def candidate(seeded):
    """A company representative registered for CenSec's board, with a portal account, not yet seated."""
    user = get_user_model().objects.create_user("anna-holm", email="anna.holm@terma.example", password="demo")
    return services.person_create(
        name="Anna Holm", company="Terma", company_role="CTO", censec_member=True,
        statutes_accepted_on=date(2026, 1, 1), user=user, email=user.email,
    )


def _pdf(name, text):
    return {"name": name, "mimeType": "application/pdf", "buffer": demo.minimal_pdf(text)}


def test_secretariat_runs_the_board_and_the_observer_sees_only_what_it_may(seeded, candidate, page, login_as):
    login_as("censec-secretariat")

    # 1. A seat on CenSec's board, backed by DI FOS, with the consequence shown before it is saved.
    page.goto("/governance/boards/censec/seats/new/")
    today = timezone.localdate().isoformat()
    page.select_option("#id_role", "member")
    page.select_option("#id_person", str(candidate.pk))
    page.fill("#id_term_start", today)
    page.select_option("#id_nominated_by", str(Organisation.objects.get(slug="difos").pk))
    page.check("#id_backed_by_difos")
    page.fill("#id_backing_confirmed_on", today)
    page.locator("button[name=preview]").click()
    page.wait_for_load_state()
    assert "G1" in page.get_by_test_id("consequence").inner_text()
    page.locator("button[name=confirm]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/governance/boards/censec/")
    assert "Anna Holm" in page.get_by_test_id("current-seats").inner_text()
    assert page.get_by_test_id("rule-g1").get_attribute("data-met") == "true"
    assert Seat.objects.filter(person=candidate).count() == 1

    # 2. The strategy seminar and its agenda.
    start = timezone.localtime(timezone.now() + timedelta(days=20)).replace(hour=9, minute=0)
    page.goto("/governance/meetings/new/")
    page.select_option("#id_kind", "strategy_seminar")
    page.fill("#id_title", "Strategiseminar 2028")
    page.fill("#id_starts_at", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_ends_at", (start + timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_place", "Hotel Legoland, Billund")
    page.click("input[name=create]")
    page.wait_for_load_state()
    meeting = Meeting.objects.get(title="Strategiseminar 2028")
    assert page.url.endswith(f"/governance/meetings/{meeting.pk}/")

    items = page.locator("form[action$='/items/']")
    for title, category in (("Klyngens strategi 2028-2031", "ordinary"), ("Direktørens kontrakt", "personnel")):
        items.locator("[name=title]").fill(title)
        items.locator("[name=confidentiality]").select_option(category)
        items.locator("input[name=add-item]").click()
        page.wait_for_load_state()
    assert page.get_by_test_id("agenda-item").count() == 2
    ordinary = AgendaItem.objects.get(meeting=meeting, title="Klyngens strategi 2028-2031")
    personnel = AgendaItem.objects.get(meeting=meeting, title="Direktørens kontrakt")
    assert (ordinary.position, personnel.position) == (1, 2)

    # 3. The board pack: uploaded as drafts, then published.
    upload = page.locator("form[action$='/upload/']")
    for title, item, name in (("Strategiudkast", ordinary, "strategi.pdf"), ("Kontraktudkast", personnel, "kontrakt.pdf")):
        upload.locator("[name=title]").fill(title)
        upload.locator("[name=agenda_item]").select_option(str(item.pk))
        upload.locator("[name=file]").set_input_files(_pdf(name, title))
        upload.locator("input[name=upload]").click()
        page.wait_for_load_state()
    assert Material.objects.filter(meeting=meeting, state=Material.State.DRAFT).count() == 2
    page.locator("button[name=publish-all]").click()
    page.wait_for_load_state()
    assert Material.objects.filter(meeting=meeting, state=Material.State.PUBLISHED).count() == 2

    # Every member and observer of the board is invited once, the new member among them.
    observer = seeded["difos-observer"]
    for invitee in (observer, candidate.user, seeded["censec-board"]):
        assert Notification.objects.filter(recipient=invitee, kind="meeting_invitation", key=f"meeting:{meeting.pk}:seq:0").count() == 1
    strategy = Material.objects.get(meeting=meeting, title="Strategiudkast")
    contract = Material.objects.get(meeting=meeting, title="Kontraktudkast")
    assert Notification.objects.filter(recipient=observer, key=f"material-version:{strategy.current_id}").count() == 1
    assert not Notification.objects.filter(recipient=observer, key=f"material-version:{contract.current_id}").exists()

    # 4. DI FOS' observer: the invitation, the meeting, the ordinary material only; answers attending.
    page.context.clear_cookies()
    login_as("difos-observer")
    page.goto("/notifications/")
    assert "Strategiseminar 2028" in page.locator("main").inner_text()
    page.goto("/governance/meetings/")
    page.locator("[data-testid=upcoming-meetings]").get_by_role("link", name="Strategiseminar 2028").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Strategiudkast" in body and "Klyngens strategi 2028-2031" in body
    assert "Kontraktudkast" not in page.content() and "Direktørens kontrakt" not in page.content()
    assert page.get_by_test_id("invitation-link").count() == 1
    assert page.request.get(f"/governance/materials/{strategy.pk}/download/").status == 200
    assert page.request.get(f"/governance/materials/{contract.pk}/download/").status in (403, 404)

    page.get_by_test_id("answer-attending").click()
    page.wait_for_load_state()
    row = page.get_by_test_id("invitee").filter(has_text=observer.get_full_name() or "Peter Lund")
    assert row.locator(".badge.text-bg-success").count() == 1
    assert page.get_by_test_id("answer-attending").get_attribute("aria-pressed") == "true"
