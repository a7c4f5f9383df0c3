"""The board page (/governance/boards/<org>/) costs the same queries with a few people and with many."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance import demo, services
from governance.models import Board

pytestmark = pytest.mark.django_db


def _add_people(board, n, nominated_by):
    start = timezone.localdate() - timedelta(days=30)
    for i in range(n):
        person = services.person_create(
            name=f"Medlem {board.pk}-{i}", company=f"Firma {i}", company_role="Direktør", censec_member=True,
            statutes_accepted_on=date(2026, 1, 1),
        )
        seat = services.seat_create(board=board, person=person, role="member", term_start=start, nominated_by=nominated_by)
        if i % 2:
            services.seat_end(seat=seat)  # past seats are listed too


def _queries(client, url):
    client.get(url)  # warm: sessions, the agreement's cached status
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("persona", ["censec_secretariat", "censec_board"])
def test_the_board_page_costs_the_same_queries_with_few_and_many_people(request, demo_users, orgs, client_for, persona):
    demo.seed(users=demo_users)
    board = Board.objects.get(organisation__slug="censec")
    client = client_for(request.getfixturevalue(persona))
    _add_people(board, 4, orgs["censec"])
    few = _queries(client, "/governance/boards/censec/")
    _add_people(board, 40, orgs["censec"])
    many = _queries(client, "/governance/boards/censec/")
    assert many == few, (few, many)
    assert few <= 10  # 7 for the secretariat, 8 for a member (measured)
