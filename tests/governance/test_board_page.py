"""The board page shows who sits where, terms ending within 90 days, and G1/G2 with the reason."""

from governance import selectors
from portal import permissions


def test_it_shows_seats_observers_rules_and_ending_terms(boards, client_for, censec_director):
    html = client_for(censec_director).get("/governance/boards/").content.decode()
    for name in ("Karen Vestergaard", "Jens Mikkelsen", "Peter Lund", "Sofie Brandt", "Thomas Riis"):
        assert name in html
    assert 'data-testid="rule-g1" data-met="true"' in html
    assert 'data-testid="rule-g2" data-met="true"' in html
    assert "Jens Mikkelsen, Karen Vestergaard" in html  # the reason names the representatives (people, by name)
    ending = html.split('data-testid="ending-soon"', 1)[1].split("</div>", 1)[0]
    assert "Ole Frandsen" in ending and "Karen Vestergaard" not in ending


def test_the_demo_meets_g1_and_g2(boards):
    rules = selectors.dashboard_board_rules()
    assert rules["g1"].met and rules["g2"].met


def test_upcoming_meetings_for_the_dashboard_take_one_query(boards, difos_observer, django_assert_num_queries):
    permissions.role_kinds(difos_observer)  # every page has loaded the user's roles already (navigation)
    with django_assert_num_queries(1):
        meetings = selectors.dashboard_upcoming_meetings(user=difos_observer, limit=5)
        # §3 G2: DI FOS's observer on CenSec's board also sits on DI FOS's own board.
        assert {m.board.organisation.slug for m in meetings} <= {"censec", "difos"}
        kinds = {m.kind for m in meetings}
    assert meetings and kinds <= {"board_meeting", "strategy_seminar"}
    assert meetings == sorted(meetings, key=lambda m: m.starts_at)


def test_a_director_without_a_seat_sees_no_meetings(boards, censec_director):
    assert selectors.dashboard_upcoming_meetings(user=censec_director) == []


def test_seats_are_listed_chair_first(boards, client_for, censec_director):
    html = client_for(censec_director).get("/governance/boards/").content.decode()
    board = html.split('data-testid="board-censec"', 1)[1].split("</table>", 1)[0]
    order = [board.index(name) for name in ("Birgitte Nørgaard", "Karen Vestergaard", "Jens Mikkelsen", "Peter Lund")]
    assert order == sorted(order)
