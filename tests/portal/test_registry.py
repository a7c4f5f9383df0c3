"""The ground floor asks the registry for what the apps contribute: rules, navigation, dashboard cards, landing pages."""

import pytest
from django.urls import NoReverseMatch

from portal import navigation, permissions
from portal.registry import NavItem, registry


def test_it_answers_an_app_rule_through_portal_permissions():
    from activities import permissions as activity_rules
    from coordination import permissions as contact_rules
    from governance import permissions as board_rules

    assert permissions.visible_plans is activity_rules.visible_plans
    assert permissions.visible_materials is board_rules.visible_materials
    assert permissions.may_log_contact is contact_rules.may_log_contact


def test_it_refuses_a_rule_nobody_registered():
    with pytest.raises(AttributeError, match="may_fly"):
        permissions.may_fly


def test_a_broken_url_name_in_the_navigation_fails_instead_of_vanishing(monkeypatch, censec_director):
    monkeypatch.setattr(registry, "navigation", [*registry.navigation, NavItem("Lost", "governance:nowhere", navigation.everyone, 99)])
    with pytest.raises(NoReverseMatch):
        navigation.nav_for(censec_director, "/")


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("censec_director", ["/", "/agreement/", "/agreement/matrix/", "/agreement/lookup/", "/activities/",
                             "/activities/findings/", "/governance/boards/", "/governance/meetings/", "/governance/contacts/",
                             "/members/"]),
        ("difos_observer", ["/", "/agreement/", "/agreement/matrix/", "/agreement/lookup/", "/governance/boards/",
                            "/governance/meetings/", "/members/"]),
    ],
)
def test_the_navigation_is_every_apps_entries_in_order(request, persona, expected):
    assert [item["url"] for item in navigation.nav_for(request.getfixturevalue(persona), "/")] == expected


def test_an_observer_lands_on_the_meetings_and_a_director_on_the_dashboard(client_for, difos_observer, censec_director):
    assert client_for(difos_observer).get("/welcome/")["Location"] == "/governance/meetings/"
    assert client_for(censec_director).get("/welcome/")["Location"] == "/"


def test_every_registered_dashboard_card_reaches_the_page(client_for, censec_director):
    keys = [card.key for card in registry.dashboard_cards]
    assert keys == ["board_meetings", "findings", "plans", "board_rules"]
    html = client_for(censec_director).get("/").content.decode()
    for testid in ("dashboard-upcoming", "dashboard-findings", "dashboard-plans", "dashboard-board-rules"):
        assert f'data-testid="{testid}"' in html
