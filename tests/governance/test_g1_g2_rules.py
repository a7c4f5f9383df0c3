"""§3 G1 and G2 on and off the edge, as the board page and the dashboard selector report them."""

from datetime import date, timedelta

import pytest
from django.utils import translation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance import selectors, services
from governance.models import Seat

START = date(2025, 1, 1)


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in English (the catalogue's source language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def censec_board(orgs):
    return services.board_ensure(organisation=orgs["censec"])


@pytest.fixture
def difos_board(orgs):
    return services.board_ensure(organisation=orgs["difos"])


@pytest.fixture
def difos_seat(censec_board, orgs):
    """seat(name, member=True, backed=True, nominated="difos") → a current seat on CenSec's board."""

    def make(name, *, member=True, backed=True, nominated="difos", company="Terma"):
        person = services.person_create(
            name=name, company=company, censec_member=member, company_role="CEO", statutes_accepted_on=START
        )
        return services.seat_create(
            board=censec_board, person=person, role="member", term_start=START, nominated_by=orgs[nominated],
            backed_by_difos=backed, backing_confirmed_on=START if backed else None,
        )

    return make


def test_g1_is_met_with_two_qualifying_seats(difos_seat):
    difos_seat("Anna")
    difos_seat("Bo")
    g1 = selectors.dashboard_board_rules()["g1"]
    assert g1.met is True
    assert "Anna" in g1.reason and "Bo" in g1.reason


def test_g1_is_not_met_with_one_seat(difos_seat):
    difos_seat("Anna")
    g1 = selectors.dashboard_board_rules()["g1"]
    assert g1.met is False
    assert "1" in g1.reason and "2" in g1.reason


@pytest.mark.parametrize(
    "second, why",
    [
        ({"member": False}, "not a member of CenSec"),
        ({"backed": False}, "no confirmed DI FOS backing"),
        ({"nominated": "censec"}, None),
        ({"company": ""}, "not a company representative"),
    ],
)
def test_g1_is_not_met_when_the_second_holder_does_not_qualify(difos_seat, second, why):
    difos_seat("Anna")
    difos_seat("Bo", **second)
    g1 = selectors.dashboard_board_rules()["g1"]
    assert g1.met is False
    if why:
        assert f"Bo: {why}" in g1.reason


def test_g1_counts_only_current_seats(difos_seat):
    difos_seat("Anna")
    seat = difos_seat("Bo")
    services.seat_end(seat=seat)
    assert selectors.dashboard_board_rules()["g1"].met is False


def test_backing_needs_its_confirmation_date(censec_board, orgs):
    person = services.person_create(name="Anna", company="Terma", censec_member=True)
    with pytest.raises(ValidationError, match="confirmed"):
        services.seat_create(
            board=censec_board, person=person, role="member", term_start=START, nominated_by=orgs["difos"],
            backed_by_difos=True,
        )


def test_a_term_must_end_after_it_starts(censec_board):
    person = services.person_create(name="Anna")
    with pytest.raises(ValidationError, match="end after it starts"):
        services.seat_create(board=censec_board, person=person, role="member", term_start=START, term_end=START)


def _observer(board, nominated_by, name="Observer"):
    """An observer seat; §3 G2: the observer first gets a seat on the sending party's own board."""
    person = services.person_create(name=name)
    if nominated_by.slug != board.organisation.slug:
        home = services.board_ensure(organisation=nominated_by)
        services.seat_create(board=home, person=person, role="member", term_start=START, nominated_by=nominated_by)
    return services.seat_create(board=board, person=person, role="observer", term_start=START, nominated_by=nominated_by)


def test_g2_each_party_may_send_one_observer(censec_board, difos_board, orgs):
    _observer(censec_board, orgs["difos"], "Peter")
    _observer(difos_board, orgs["censec"], "Sofie")
    g2 = selectors.dashboard_board_rules()["g2"]
    assert g2.met is True
    assert "Peter" in g2.reason and "Sofie" in g2.reason


def test_g2_a_second_observer_is_refused_with_a_clear_message(censec_board, orgs):
    _observer(censec_board, orgs["difos"], "Peter")
    with pytest.raises(ValidationError) as refused:
        _observer(censec_board, orgs["difos"], "Second")
    assert "already has an observer" in " ".join(refused.value.messages)
    assert Seat.objects.filter(role="observer").count() == 1


def test_g2_the_database_refuses_a_second_open_observer_too(censec_board, orgs):
    first = _observer(censec_board, orgs["difos"], "Peter")
    with pytest.raises(IntegrityError), transaction.atomic():
        Seat.objects.create(
            board=censec_board, person=first.person, role="observer", term_start=START, nominated_by=orgs["difos"]
        )


def test_g2_a_new_observer_may_follow_one_whose_seat_ended(censec_board, orgs):
    first = _observer(censec_board, orgs["difos"], "Peter")
    services.seat_end(seat=first, on=timezone.localdate())
    nxt = services.person_create(name="Next")
    services.seat_create(
        board=services.board_ensure(organisation=orgs["difos"]), person=nxt, role="member", term_start=START,
        nominated_by=orgs["difos"],
    )
    later = services.seat_create(
        board=censec_board, person=nxt, role="observer",
        term_start=timezone.localdate() + timedelta(days=1), nominated_by=orgs["difos"],
    )
    assert later.pk


def test_g2_an_observer_comes_from_the_other_party(censec_board, orgs):
    with pytest.raises(ValidationError, match="other party"):
        _observer(censec_board, orgs["censec"])


def test_the_dashboard_rules_take_at_most_two_queries(censec_board, difos_seat, django_assert_max_num_queries):
    difos_seat("Anna")
    with django_assert_max_num_queries(2):
        rules = selectors.dashboard_board_rules()
    assert set(rules) == {"g1", "g2"}
    assert isinstance(rules["g1"].met, bool) and isinstance(rules["g1"].reason, str)
