"""The two figures the dashboard reads, each in one or two queries."""

from activities.selectors import dashboard_findings, dashboard_plans
from activities.services.findings import check_all


def test_dashboard_findings_counts_open_findings_by_kind_in_one_query(add_activity, censec_director, django_assert_num_queries):
    add_activity("censec", title="Briefing", area="political", row="1.1")
    add_activity("censec", title="Møde med Lockheed Martin", area="international")
    add_activity("difos", title="Industridag", common_interest=True)
    check_all()
    censec_director.roles.all()  # roles are read once per request, not per figure
    from portal.permissions import _roles

    _roles(censec_director)
    with django_assert_num_queries(1):
        counts = dashboard_findings(user=censec_director)
    assert counts == {"overlap": 0, "responsibility": 1, "single_track": 1, "common_interest": 1, "inform": 0}


def test_dashboard_findings_is_empty_for_board_members(add_activity, censec_board):
    add_activity("difos", title="Industridag", common_interest=True)
    check_all()
    assert set(dashboard_findings(user=censec_board).values()) == {0}


def test_dashboard_plans_lists_each_party_and_year_in_two_queries(add_activity, difos_secretariat, django_assert_num_queries):
    add_activity("censec", title="A")
    add_activity("censec", title="B")
    from portal.permissions import _roles

    _roles(difos_secretariat)
    with django_assert_num_queries(2):
        plans = dashboard_plans(user=difos_secretariat, years=[2027, 2028])
    by_key = {(p["organisation"].slug, p["year"]): p for p in plans}
    assert by_key[("censec", 2027)]["activity_count"] == 2 and by_key[("censec", 2027)]["url"] == "/activities/censec/2027/"
    assert by_key[("censec", 2027)]["status"] == "draft"
    assert by_key[("difos", 2028)]["status"] == "" and by_key[("difos", 2028)]["activity_count"] == 0
    assert len(plans) == 4
