import csv
import io

from tests.agreement.test_load_agreement import EXPECTED


def test_matrix_csv_has_the_contract_columns_and_every_row(client_for, censec_observer):
    response = client_for(censec_observer).get("/agreement/matrix.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0].keys()) == ["id", "area", "responsibility", "lead", "other_party", "single_track"]
    assert {r["id"]: (r["area"], r["lead"], r["single_track"] == "yes") for r in rows} == EXPECTED


def test_matrix_csv_follows_the_language(client_for, censec_observer):
    client = client_for(censec_observer)
    client.cookies["django_language"] = "en"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(client.get("/agreement/matrix.csv").content.decode()))}
    assert rows["3.1"]["responsibility"].startswith("Contact with large global companies")


def test_matrix_grid_marks_lead_and_single_track(client_for, difos_observer):
    html = client_for(difos_observer).get("/agreement/matrix/").content.decode()
    row = html[html.index('id="row-3.1"') : html.index('id="row-3.2"')]
    assert "enstrenget" in row
    assert "cell-lead" in row
    assert '/agreement/matrix/3.1/' in row


def test_a_matrix_row_links_to_its_source_text(client_for, difos_observer):
    html = client_for(difos_observer).get("/agreement/matrix/3.1/").content.decode()
    assert "Kontakter til store globale virksomheder, som eksempelvis Lockheed Martin" in html
    assert "#clause-a1-3" in html


def test_an_unknown_row_is_404(client_for, difos_observer):
    assert client_for(difos_observer).get("/agreement/matrix/9.9/").status_code == 404


def test_the_matrix_page_runs_a_fixed_number_of_queries(client_for, difos_observer, django_assert_max_num_queries):
    client = client_for(difos_observer)
    client.get("/agreement/matrix/")  # the first request of a session also refreshes it
    # session, user, roles, unread count, standing notice, the matrix rows
    with django_assert_max_num_queries(6):
        client.get("/agreement/matrix/")


def test_the_agreement_page_query_count_does_not_grow_with_notices(
    agreement, orgs, client_for, difos_director, django_assert_num_queries
):
    import datetime as dt

    from agreement import services

    client = client_for(difos_director)
    client.get("/agreement/")

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/agreement/").status_code == 200
        return len(ctx)

    one = count()
    for day in range(1, 11):
        notice = services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, day))
        services.notice_withdraw(user=difos_director, notice=notice)
    assert count() == one
