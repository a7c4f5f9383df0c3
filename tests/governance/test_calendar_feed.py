"""The personal calendar feed: valid iCalendar, meetings only, revocable."""

from icalendar import Calendar


def test_the_feed_parses_back_with_uid_dtstamp_and_copenhagen_time(boards, client_for, difos_observer, client):
    page = client_for(difos_observer)
    page.post("/governance/calendar/", {"regenerate": "1"})
    token = difos_observer.calendar_token.token
    assert token in page.get("/governance/calendar/").content.decode()
    client.logout()
    response = client.get(f"/calendar/{token}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    events = calendar.walk("VEVENT")
    meeting = boards["censec"].meeting
    event = next(e for e in events if e["UID"] == f"meeting-{meeting.pk}@samarbejdsportalen")
    assert event["SUMMARY"].startswith(meeting.title)
    assert event["LOCATION"] == "Room 1"
    assert event.decoded("DTSTART") == meeting.starts_at.replace(microsecond=0)
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert event.get("DTSTAMP") is not None
    assert str(event["URL"]).endswith(f"/governance/meetings/{meeting.pk}/")
    # §3 G2: the observer is one of DI FOS's board representatives, so DI FOS's meeting is in the feed too.
    assert any(e["UID"] == f"meeting-{boards['difos'].meeting.pk}@samarbejdsportalen" for e in events)


def test_a_new_link_revokes_the_old_and_revoking_stops_the_feed(boards, client_for, censec_board, client):
    page = client_for(censec_board)
    page.post("/governance/calendar/", {"regenerate": "1"})
    old = censec_board.calendar_token.token
    page.post("/governance/calendar/", {"regenerate": "1"})
    censec_board.refresh_from_db()
    new = censec_board.calendar_token.token
    assert new != old
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200
    page.post("/governance/calendar/", {"revoke": "1"})
    assert client.get(f"/calendar/{new}.ics").status_code == 404


def test_a_deactivated_users_feed_is_gone(boards, censec_board, client):
    from governance import services

    token = services.calendar_token_for(user=censec_board).token
    censec_board.is_active = False
    censec_board.save(update_fields=["is_active"])
    assert client.get(f"/calendar/{token}.ics").status_code == 404
