"""The secretariat schedules meetings and builds the agenda; others cannot."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import AgendaItem, Meeting
from portal.once import new_token


def test_the_secretariat_creates_a_meeting_of_its_own_board_only(boards, client_for, censec_secretariat):
    client = client_for(censec_secretariat)
    start = (timezone.localtime() + timedelta(days=30)).replace(microsecond=0, second=0, tzinfo=None)
    data = {
        "kind": "strategy_seminar", "title": "Seminar om eksport", "place": "Odense",
        "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=3)).isoformat(), "once": new_token(),
    }
    refused = client.post("/governance/meetings/new/", {**data, "board": boards["difos"].board.pk})
    assert refused.status_code == 400
    response = client.post("/governance/meetings/new/", {**data, "board": boards["censec"].board.pk})
    meeting = Meeting.objects.get(title="Seminar om eksport")
    assert response["Location"] == f"/governance/meetings/{meeting.pk}/"
    assert meeting.board == boards["censec"].board and meeting.place == "Odense"


def test_an_end_before_the_start_is_refused_with_a_message(boards, client_for, censec_secretariat):
    start = (timezone.localtime() + timedelta(days=30)).replace(tzinfo=None)
    response = client_for(censec_secretariat).post("/governance/meetings/new/", {
        "board": boards["censec"].board.pk, "kind": "board_meeting", "title": "Backwards",
        "starts_at": start.isoformat(), "ends_at": (start - timedelta(hours=1)).isoformat(),
    })
    assert response.status_code == 400
    assert not Meeting.objects.filter(title="Backwards").exists()


@pytest.mark.parametrize("user", ["censec_board", "difos_observer", "censec_director"])
def test_only_the_secretariat_may_create_meetings(request, boards, client_for, user):
    assert client_for(request.getfixturevalue(user)).get("/governance/meetings/new/").status_code == 403


def test_the_secretariat_appends_an_agenda_item_with_its_category(boards, client_for, censec_secretariat, difos_secretariat):
    meeting = boards["censec"].meeting
    url = f"/governance/meetings/{meeting.pk}/items/"
    data = {"title": "Ny direktør", "confidentiality": "personnel", "description": "", "once": new_token()}
    assert client_for(difos_secretariat).post(url, data).status_code == 404
    assert client_for(censec_secretariat).post(url, data).status_code == 302
    item = AgendaItem.objects.get(title="Ny direktør")
    assert item.position == 4 and item.confidentiality == "personnel"
