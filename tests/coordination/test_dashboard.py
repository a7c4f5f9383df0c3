"""The coordination dashboard (/): by role, a fixed number of queries at any data size, cached until the data changes."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordination.models import MonthRecord
from coordination.monthly import month_record
from portal.dates import add_months
from coordination import dashboard
from portal.dashboard_cache import dashboard_changed

from ..coordination.contacts_factory import local, make_contact

MAX_QUERIES = 14  # 12, and two for what waits for the user's party's word (findings and plans; joint activities to confirm)
NOW = local(2026, 11, 12, 12)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def add_history(months_back, *, directors, secretariat):
    """A contact with two action items in each of those past months but every fifth, and each month recorded."""
    month = dt.date(2026, 11, 1)
    for i in months_back:
        m = add_months(month, -i)
        if i % 5:
            make_contact(
                by=secretariat,
                participants=directors,
                when=local(m.year, m.month, 9),
                items=[
                    {"text": f"Opfølgning {m:%Y-%m}", "owner": directors[i % 2], "due_on": m + dt.timedelta(days=20), "done": i > 2},
                    {"text": f"Notat {m:%Y-%m}", "owner": secretariat, "due_on": m + dt.timedelta(days=25), "done": i > 1},
                ],
            )
        month_record(month=m)


def queries_for(client, path="/"):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def directors(censec_director, difos_director):
    return [censec_director, difos_director]


@pytest.mark.parametrize("persona", ["censec_director", "difos_secretariat", "censec_board", "difos_observer", "admin_user"])
def test_the_dashboard_costs_the_same_few_queries_with_one_year_and_with_ten(
    request, client_for, directors, censec_secretariat, persona, django_capture_on_commit_callbacks
):
    client = client_for(request.getfixturevalue(persona))
    counts = []
    for months_back in (range(1, 13), range(13, 121)):  # one year, then ten
        add_history(months_back, directors=directors, secretariat=censec_secretariat)
        client.get("/")  # the session's first page also refreshes the session
        with django_capture_on_commit_callbacks(execute=True):
            dashboard_changed()  # what every service does when the figures behind the dashboard change
        cold = queries_for(client)
        warm = queries_for(client)
        counts.append((cold, warm))
    assert counts[0] == counts[1], counts
    cold, warm = counts[0]
    assert cold <= MAX_QUERIES and warm < cold, counts


def test_this_month_turns_green_when_the_directors_meet(client_for, directors, censec_director, django_capture_on_commit_callbacks):
    client = client_for(censec_director)
    html = client.get("/").content.decode()
    assert 'data-testid="contact-month" data-status="open"' in html
    assert "19 dage tilbage" in html  # 12 to 30 November
    with django_capture_on_commit_callbacks(execute=True):
        make_contact(by=censec_director, participants=directors, when=local(2026, 11, 11, 15))
    html = client.get("/").content.decode()
    assert 'data-testid="contact-month" data-status="kept"' in html
    assert 'data-month="2026-11" data-status="kept"' in html


def test_the_strip_shows_twelve_months_kept_and_missed(client_for, directors, censec_secretariat):
    make_contact(by=censec_secretariat, participants=directors, when=local(2026, 9, 4))
    for m in (dt.date(2026, 9, 1), dt.date(2026, 10, 1)):
        month_record(month=m)
    html = client_for(censec_secretariat).get("/").content.decode()
    strip = dashboard.contact_month(today=NOW.date(), now=NOW)["strip"]
    assert [c.month for c in strip][0] == dt.date(2025, 12, 1) and len(strip) == 12
    assert 'data-month="2026-09" data-status="kept"' in html
    assert 'data-month="2026-10" data-status="missed"' in html
    assert 'data-month="2026-11" data-status="open"' in html
    assert 'data-month="2026-08" data-status="none"' in html


def test_action_items_count_overall_and_the_users_own(client_for, directors, censec_secretariat, censec_director):
    make_contact(
        by=censec_secretariat,
        participants=directors,
        when=local(2026, 10, 1),
        items=[
            {"text": "Forfalden", "owner": censec_director, "due_on": dt.date(2026, 11, 1)},
            {"text": "Kommende", "owner": censec_director, "due_on": dt.date(2026, 12, 1)},
            {"text": "Andens", "owner": censec_secretariat, "due_on": dt.date(2026, 11, 2)},
            {"text": "Færdig", "owner": censec_director, "due_on": dt.date(2026, 11, 1), "done": True},
        ],
    )
    response = client_for(censec_director).get("/")
    assert response.context["data"]["action_items"] == {"open": 3, "overdue": 2, "mine_open": 2, "mine_overdue": 1}
    assert [i.text for i in response.context["data"]["my_overdue"]] == ["Forfalden"]


def test_board_members_and_observers_see_no_contact_figures(client_for, censec_board, directors, censec_secretariat):
    make_contact(by=censec_secretariat, participants=directors, when=local(2026, 11, 2))
    html = client_for(censec_board).get("/").content.decode()
    assert 'data-testid="contact-month"' not in html and "contact-strip" not in html
    assert 'data-testid="dashboard-action-items"' not in html


def test_an_action_item_owner_without_contact_access_still_sees_their_own(client_for, directors, censec_secretariat, censec_board):
    # Owners are party staff in the form; an owner who later lost that role still sees what is theirs.
    make_contact(by=censec_secretariat, participants=directors, when=local(2026, 10, 1),
                 items=[{"text": "Gammel opgave", "owner": censec_board, "due_on": dt.date(2026, 11, 1)}])
    html = client_for(censec_board).get("/").content.decode()
    assert 'data-testid="mine-open">1<' in html and 'data-testid="all-open"' not in html


def test_the_cached_figures_are_recomputed_after_a_change(client_for, directors, censec_secretariat, django_capture_on_commit_callbacks):
    client = client_for(censec_secretariat)
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        MonthRecord.objects.create(month=dt.date(2026, 10, 1), status="missed")  # not through a service: cache is not told
    assert 'data-month="2026-10" data-status="none"' in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        make_contact(by=censec_secretariat, participants=directors, when=local(2026, 11, 2))
    html = client.get("/").content.decode()
    assert 'data-month="2026-10" data-status="missed"' in html and 'data-month="2026-11" data-status="kept"' in html


def test_sections_from_the_other_apps_show_with_their_links(client_for, demo_users, censec_director):
    from activities import demo as activities_demo
    from governance import demo as governance_demo

    governance_demo.seed(users=demo_users)
    activities_demo.seed(users=demo_users)
    html = client_for(censec_director).get("/").content.decode()
    for kind in ("overlap", "responsibility", "single_track", "common_interest"):
        assert f'href="/activities/findings/?kind={kind}"' in html, kind
    assert 'href="/activities/censec/2026/"' in html and 'href="/activities/difos/2027/"' in html
    assert 'data-testid="dashboard-board-rules"' in html and 'href="/governance/boards/"' in html


def test_a_board_member_sees_the_coming_board_meetings(client_for, demo_users):
    from governance import demo as governance_demo
    from governance.models import Meeting

    governance_demo.seed(users=demo_users)
    upcoming = Meeting.objects.filter(board__organisation__slug="censec", starts_at__gte=NOW).order_by("starts_at").first()
    html = client_for(demo_users["censec-board"]).get("/").content.decode()
    assert f'href="/governance/meetings/{upcoming.pk}/"' in html
