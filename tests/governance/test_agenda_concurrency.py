"""Eight agenda items posted at the same moment give eight items with numbers 1..8 and no 500 (issue 12).

Before, three of eight concurrent posts failed on "this meeting and number already exists". Needs
a database that takes concurrent writers (PostgreSQL); skipped on SQLite like the other concurrency tests.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from governance import services
from governance.models import AgendaItem, Board, MeetingKind
from portal.once import new_token

pytestmark = pytest.mark.django_db(transaction=True)
POSTERS = 8


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent posts need a database that takes concurrent writers: set DATABASE_URL to PostgreSQL")


def _post_at_once(user, url, payloads) -> tuple[list[int], list[BaseException]]:
    barrier = threading.Barrier(len(payloads))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def poster(data):
        try:
            client = Client(raise_request_exception=False)
            client.force_login(user)
            barrier.wait(timeout=10)
            statuses.append(client.post(url, data).status_code)
        except BaseException as exc:  # collected and re-raised by the test thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=poster, args=(data,)) for data in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return statuses, errors


@pytest.fixture
def meeting(censec_secretariat, orgs):
    board = services.board_ensure(organisation=orgs["censec"])
    start = timezone.now() + timedelta(days=10)
    return services.meeting_create(
        board=board, kind=MeetingKind.BOARD_MEETING, title="Travlt møde", starts_at=start, ends_at=start + timedelta(hours=2),
    )


def test_eight_concurrent_agenda_posts_give_eight_items(postgres, censec_secretariat, meeting):
    payloads = [
        {"title": f"Punkt {n}", "description": "", "confidentiality": "ordinary", "once": new_token()} for n in range(POSTERS)
    ]
    statuses, errors = _post_at_once(censec_secretariat, f"/governance/meetings/{meeting.pk}/items/", payloads)
    assert errors == []
    assert sorted(statuses) == [302] * POSTERS
    items = AgendaItem.objects.filter(meeting=meeting)
    assert items.count() == POSTERS
    assert sorted(items.values_list("position", flat=True)) == list(range(1, POSTERS + 1))
    assert sorted(items.values_list("title", flat=True)) == sorted(p["title"] for p in payloads)


def test_eight_concurrent_copies_of_one_post_give_one_item(postgres, censec_secretariat, meeting):
    data = {"title": "Dobbeltklik", "description": "", "confidentiality": "ordinary", "once": new_token()}
    statuses, errors = _post_at_once(censec_secretariat, f"/governance/meetings/{meeting.pk}/items/", [data] * POSTERS)
    assert errors == []
    assert sorted(statuses) == [302] * POSTERS
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1
