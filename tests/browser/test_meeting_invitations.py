"""CenSec's secretariat schedules a meeting with an agenda in the browser; DI FOS' observer is invited,
answers attending and sees the non-confidential materials only (issue 12, §3.2 and §3 G2)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance import demo, services
from governance.models import AgendaItem, Meeting
from portal.models import Notification

from ..governance.conftest import pdf_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(demo_users):
    demo.seed(users=demo_users)
    return demo_users


def test_secretariat_schedules_and_the_observer_answers(seeded, page, login_as):
    start = timezone.localtime(timezone.now() + timedelta(days=20)).replace(hour=9, minute=0)
    login_as("censec-secretariat")
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
    secretariat = seeded["censec-secretariat"]
    services.material_upload(user=secretariat, upload=pdf_upload("strategi.pdf"), meeting=meeting, title="Strategiudkast", agenda_item=ordinary)
    services.material_upload(user=secretariat, upload=pdf_upload("kontrakt.pdf"), meeting=meeting, title="Kontraktudkast", agenda_item=personnel)

    observer = seeded["difos-observer"]
    assert Notification.objects.filter(recipient=observer, kind="meeting_invitation", key=f"meeting:{meeting.pk}:seq:0").count() == 1

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

    page.get_by_test_id("answer-attending").click()
    page.wait_for_load_state()
    row = page.get_by_test_id("invitee").filter(has_text=observer.get_full_name() or "Peter Lund")
    assert row.locator(".badge.text-bg-success").count() == 1
    assert page.get_by_test_id("answer-attending").get_attribute("aria-pressed") == "true"
