"""The findings page: filters, CSV, acknowledge and dismiss, and a fixed number of queries."""

import csv
import datetime as dt
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Activity, Finding, FindingStatus
from activities.services.findings import check_all


def _two_findings(add_activity):
    add_activity("censec", title="Briefing for forsvarsministeren", area="political", row="1.1")
    add_activity("difos", title="Industridag", common_interest=True)
    check_all()


def test_it_lists_and_filters_findings(client_for, add_activity, censec_director):
    _two_findings(add_activity)
    client = client_for(censec_director)
    html = client.get("/activities/findings/").content.decode()
    assert 'data-kind="responsibility"' in html and 'data-kind="common_interest"' in html
    html = client.get("/activities/findings/?kind=responsibility").content.decode()
    assert 'data-kind="common_interest"' not in html
    html = client.get("/activities/findings/?party=difos").content.decode()
    assert 'data-kind="responsibility"' not in html and 'data-kind="common_interest"' in html
    html = client.get("/activities/findings/?status=dismissed").content.decode()
    assert "data-kind=" not in html


def test_the_csv_has_the_contract_columns(client_for, add_activity, censec_director):
    add_activity("censec", title="A", topics="droner")
    add_activity("difos", title="B", topics="Droner")
    check_all()
    response = client_for(censec_director).get("/activities/findings/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    # The contract's columns come first (issue 9 adds score, matched words, plan years and dates after them).
    assert rows[0][:7] == ["id", "kind", "rule", "organisations", "activities", "status", "explanation"]
    assert rows[0][7:] == ["score", "matched_words", "plan_years", "dates", "words"]
    [row] = rows[1:]
    assert row[1:6] == ["overlap", "§4", "censec | difos", "A | B", "open"]
    assert "A" in row[6] and "B" in row[6] and "§4" in row[6] and "droner ~ droner" in row[6]
    assert float(row[7]) >= 0.8 and row[8] == "droner | droner" and row[9] == "2027 | 2027"
    assert row[10] == "2027-03-01/2027-03-01 | 2027-03-01/2027-03-01"


def test_an_overlap_shows_score_links_years_dates_and_the_matched_words_highlighted(client_for, add_activity, censec_director):
    a = add_activity("censec", title="Droneteknologi i Arktis", description="Seminar om droner i kolde egne", start=dt.date(2027, 4, 1), days=2)
    b = add_activity("difos", title="Medlemsdag om ubemandede luftfartøjer", description="UAV'er i Arktis", area="international",
                     start=dt.date(2027, 4, 2))
    check_all()
    finding = Finding.objects.get(kind="overlap")
    html = client_for(censec_director).get("/activities/findings/").content.decode()
    assert f'href="/activities/censec/2027/activities/{a.pk}/"' in html and f'href="/activities/difos/2027/activities/{b.pk}/"' in html
    score = f"{finding.score:.2f}"
    assert "plan 2027" in html and 'data-testid="finding-score"' in html and (score in html or score.replace(".", ",") in html)
    assert "<mark>Droneteknologi</mark>" in html and "<mark>Arktis</mark>" in html and "<mark>droner</mark>" in html
    assert "<mark>ubemandede</mark>" in html and "<mark>luftfartøjer</mark>" in html and "<mark>UAV</mark>" in html
    assert "<mark>Seminar</mark>" not in html  # one side's word alone is not a match
    assert "Score" in html and "§4" in html


def test_common_interest_is_acknowledged_by_the_other_party_with_a_reason(client_for, add_activity, difos_director, censec_secretariat):
    add_activity("difos", title="Industridag", common_interest=True)
    check_all()
    finding = Finding.objects.get()
    assert client_for(difos_director).post(f"/activities/findings/{finding.pk}/acknowledge/", {"reason": "Læst"}).status_code == 403
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN  # the owner cannot acknowledge its own news
    client = client_for(censec_secretariat)
    client.post(f"/activities/findings/{finding.pk}/acknowledge/", {"reason": ""})
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN  # no reason, no acknowledgement
    client.post(f"/activities/findings/{finding.pk}/acknowledge/", {"reason": "Læst og videregivet til klyngen"})
    finding.refresh_from_db()
    assert finding.status == FindingStatus.ACKNOWLEDGED and finding.handled_by == censec_secretariat


def test_only_directors_dismiss_and_only_the_other_party(client_for, add_activity, censec_secretariat, censec_director, difos_secretariat, difos_director):
    add_activity("censec", title="Briefing", area="political", row="1.1")
    check_all()
    finding = Finding.objects.get()
    assert client_for(difos_secretariat).post(f"/activities/findings/{finding.pk}/dismiss/", {"reason": "Nej"}).status_code == 403
    assert client_for(censec_director).post(f"/activities/findings/{finding.pk}/dismiss/", {"reason": "Nej"}).status_code == 403
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN
    client_for(difos_director).post(f"/activities/findings/{finding.pk}/dismiss/", {"reason": "Aftalt på direktørmødet"})
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED and finding.reason == "Aftalt på direktørmødet"


def _overlapping(plan_for, n):
    from activities.checks import match_keys
    from agreement.models import TaskArea

    area = TaskArea.objects.get(slug="cluster")
    for slug in ("censec", "difos"):
        plan = plan_for(slug)
        have = plan.activities.count()
        Activity.objects.bulk_create(
            Activity(plan=plan, title=f"{slug} {i}", task_area=area, start=dt.date(2027, 1, 1) + dt.timedelta(days=i % 360),
                     end=dt.date(2027, 1, 1) + dt.timedelta(days=i % 360),
                     match_keys=match_keys(title=f"{slug} {i}", topics=f"emne{i}"))
            for i in range(have, n // 2)
        )
    check_all()


def test_the_findings_page_runs_the_same_queries_at_100_and_2000_activities(client_for, plan_for, censec_director):
    client = client_for(censec_director)
    counts = []
    for size in (100, 2000):
        _overlapping(plan_for, size)
        client.get("/activities/findings/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/activities/findings/?status=open").status_code == 200
        counts.append(len(queries))
    assert Finding.objects.count() >= 1000
    assert counts[0] == counts[1] and counts[0] <= 15, counts


def test_the_timeline_draws_both_plans_and_links_the_overlap(client_for, add_activity, censec_director):
    a = add_activity("censec", title="A", topics="droner")
    b = add_activity("difos", title="B", topics="droner")
    add_activity("difos", title="C", area="political", common_interest=True)
    check_all()
    html = client_for(censec_director).get("/activities/timeline/2027/").content.decode()
    assert f'data-activity="{a.pk}"' in html and f'data-activity="{b.pk}"' in html
    overlap = Finding.objects.get(kind="overlap")
    assert f'data-finding="{overlap.pk}"' in html and "<line x1=" in html and "<circle" in html
    assert "<script" not in html.split("</svg>")[0].split("<svg")[1]
