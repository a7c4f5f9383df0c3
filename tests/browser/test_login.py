"""A person logs in as each demo user and lands on a page that fits the role."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLE_BADGES = {
    "censec-secretariat": "Sekretariat (CenSec)",
    "difos-secretariat": "Sekretariat (DI FOS)",
    "censec-director": "Direktør (CenSec)",
    "difos-director": "Direktør (DI FOS)",
    "censec-board": "Bestyrelsesmedlem (CenSec)",
    "difos-observer": "Observatør (DI FOS)",
    "censec-observer": "Observatør (CenSec)",
    "admin": "Administrator",
}


# Board members and observers land on their meetings (§3 G2); everyone else on the dashboard.
MEETINGS_LANDING = {"censec-board", "difos-observer", "censec-observer"}


@pytest.fixture
def seeded(demo_users):
    from governance import demo

    demo.seed(users=demo_users)
    return demo_users


@pytest.mark.parametrize("username", list(ROLE_BADGES))
def test_each_demo_user_logs_in_and_lands_on_a_page_for_the_role(seeded, login_as, username):
    page = login_as(username)
    assert "/accounts/login/" not in page.url
    assert ROLE_BADGES[username] in page.locator("body").inner_text()
    assert page.locator("html").get_attribute("lang") == "da"
    if username in MEETINGS_LANDING:
        assert page.url.endswith("/governance/meetings/")
        assert page.locator("h1").inner_text() == "Bestyrelsesmøder"
        assert page.get_by_test_id("upcoming-meetings").get_by_role("link").count() >= 1
    else:
        assert page.url.endswith("/")


def test_a_director_asks_who_owns_lockheed_martin_and_switches_language(seeded, login_as):
    page = login_as("censec-director")
    page.fill("#dashboard-q", "Lockheed Martin")
    page.get_by_role("button", name="Slå op").click()
    first = page.locator("[data-testid=lookup-results] li").first
    assert first.get_attribute("data-code") == "3.1"
    assert "DI / DI FOS" in first.inner_text() and "enstrenget" in first.inner_text()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert "single-track" in page.locator("[data-testid=lookup-results] li").first.inner_text()
    page.goto("/agreement/matrix/")
    assert page.locator("h1").inner_text().startswith("Responsibility matrix")


def test_a_wrong_password_is_refused_with_a_message(seeded, login_as):
    page = login_as("censec-director", password="nope")
    assert "/accounts/login/" in page.url
    assert page.locator(".alert-danger").is_visible()
