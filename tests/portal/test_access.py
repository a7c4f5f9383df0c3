"""Every page needs login except login, the health checks, the language switch and the public members pages."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {"/accounts/login/", "/healthz", "/readyz", "/i18n/setlang/", "/accounts/password_reset/",
          "/accounts/password_reset/done/", "/accounts/reset/done/", "/accounts/logout/",
          # The members pages are public (CONTRACT.md), as are the sitemap and robots.txt for them.
          "/members/", "/members/activities/", "/members/services/", "/members/contact/", "/members/calendar.ics",
          "/members/feed.atom", "/sitemap.xml", "/robots.txt"}


def _paths(resolver=None, prefix=""):
    """Every URL of the project that takes no arguments."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/"):
                continue
            yield from _paths(entry, prefix + route)
        elif isinstance(entry, URLPattern) and "<" not in route:
            yield "/" + prefix + route


ALL = sorted(set(_paths()))


def test_the_walk_finds_the_pages():
    assert {"/", "/agreement/", "/agreement/matrix/", "/agreement/matrix.csv", "/agreement/lookup/"} <= set(ALL)


@pytest.mark.parametrize("path", [p for p in ALL if p not in PUBLIC])
def test_anonymous_users_are_sent_to_login(db, client, path):
    response = client.get(path)
    assert response.status_code == 302, path
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("path", ["/accounts/login/", "/healthz", "/readyz"])
def test_these_pages_need_no_login(db, client, path):
    assert client.get(path).status_code == 200


def test_admin_needs_login(db, client):
    assert client.get("/admin/").status_code == 302


def test_a_user_without_roles_cannot_open_the_admin(client_for, outsider):
    response = client_for(outsider).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["censec_secretariat", "difos_director", "difos_observer", "censec_board", "outsider"])
def test_logged_in_users_read_the_agreement(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    for path in ("/", "/agreement/", "/agreement/matrix/", "/agreement/lookup/?q=EDF"):
        assert client.get(path).status_code == 200, path


def test_login_lands_observers_and_directors_where_their_work_is(client, demo_users):
    response = client.post("/accounts/login/", {"username": "censec-director", "password": "demo"})
    assert response.status_code == 302
    assert client.get(response["Location"]).url == "/"


def test_a_wrong_password_gets_a_clear_message(client, demo_users):
    response = client.post("/accounts/login/", {"username": "censec-director", "password": "wrong"})
    assert response.status_code == 200
    assert "korrekt brugernavn og adgangskode" in response.content.decode()


def test_unknown_pages_get_the_portal_404(client_for, censec_secretariat):
    response = client_for(censec_secretariat).get("/no/such/page/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
