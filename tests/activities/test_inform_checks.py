"""Issue 11: the `inform` rule (Appendix 1's "orienterer og inddrager"), 3.1 as a main rule, the rows
CenSec takes part in (3.3, 3.7), and untagged activities checked against their suggested row."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from activities import checks
from activities.explain import explain, organisations, told_party
from activities.models import Finding, FindingDuty, FindingKind, FindingStatus
from activities.selectors import FINDINGS_CSV_COLUMNS
from activities.services import plans
from activities.services.findings import check_activity, check_all, findings_with_activities, notify_pending_findings
from agreement.models import MatrixRow
from agreement.selectors import parties_by_slug
from portal.models import Notification

PRIMES = ("Lockheed Martin", "BAE Systems")
RULES = {
    "1.1": checks.RowRule("1.1", "difos", duty=checks.INVOLVED),
    "1.2": checks.RowRule("1.2", "difos", duty=checks.INVOLVED),
    "1.4": checks.RowRule("1.4", "censec", duty=checks.INVOLVED),
    "1.5": checks.RowRule("1.5", "censec", cluster_work=True),
    "1.8": checks.RowRule("1.8", "censec", cluster_work=True),
    "2.1": checks.RowRule("2.1", "censec", duty=checks.INFORMED, cluster_work=True),
    "3.1": checks.RowRule("3.1", "difos", True, PRIMES, duty=checks.INFORMED),
    "3.2": checks.RowRule("3.2", "difos", duty=checks.INVOLVED),
    "3.3": checks.RowRule("3.3", "difos", duty=checks.INVOLVED, takes_part=True),
    "3.5": checks.RowRule("3.5", "censec", duty=checks.INVOLVED, cluster_work=True),
    "3.6": checks.RowRule("3.6", "censec", cluster_work=True),
    "3.7": checks.RowRule("3.7", "difos", duty=checks.INVOLVED, takes_part=True),
    "3.8": checks.RowRule("3.8", "censec", duty=checks.INVOLVED),
    "1.9": checks.RowRule("1.9", None, joint=True),
    "4.1": checks.RowRule("4.1", None),
    "5.1": checks.RowRule("5.1", None),
}


def _item(id, party, *, title="x", counterparts="", row=None, suggested="", partner=None):
    keys = checks.match_keys(title=title, counterparts=counterparts, suggested_row=suggested)
    return checks.make_item(
        id=id, party=party, year=2027, area=1, start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 1), match_keys=keys, row=row,
        partner=partner,
    )


def _kinds(item):
    return sorted((h.kind, h.rule, h.duty, h.suggested) for h in checks.run_all([item], RULES))


# --- the rule, over prepared activities -------------------------------------------------------------


@pytest.mark.parametrize(
    "party, row, duty",
    [("difos", "1.2", "involved"), ("difos", "3.2", "involved"), ("censec", "2.1", "informed"), ("censec", "1.4", "involved")],
)
def test_the_leads_activity_under_a_row_whose_other_party_is_told_is_an_inform(party, row, duty):
    assert _kinds(_item(1, party, row=row)) == [("inform", row, duty, False)]


@pytest.mark.parametrize(
    "item",
    [
        _item(1, "censec", row="1.5"),  # the other party gets nothing specific
        _item(2, "censec", row="4.1"),  # each party's own members
        _item(3, "difos", row="1.2", partner="censec"),  # a joint activity: CenSec is in it
        _item(4, "censec", row="2.1", partner="difos"),
    ],
)
def test_no_inform_without_a_duty_or_with_the_other_party_in_it(item):
    assert [h for h in checks.inform([item], RULES)] == []


def test_one_party_alone_under_a_row_carried_out_together_involves_the_other():
    assert _kinds(_item(1, "censec", row="1.9")) == [("inform", "1.9", "involved", False)]
    assert _kinds(_item(2, "difos", row="1.9", partner="censec")) == []


def test_the_other_partys_activity_under_an_informed_row_is_a_breach_not_an_inform():
    assert _kinds(_item(1, "censec", row="1.2")) == [("responsibility", "1.2", "", False)]


def test_difos_meeting_a_prime_informs_censec_under_3_1():
    [hit] = checks.run_all([_item(1, "difos", title="Møde med Lockheed Martin", counterparts="Lockheed Martin")], RULES)
    assert (hit.kind, hit.rule, hit.duty, hit.detail) == ("inform", "3.1", "informed", "Lockheed Martin")
    assert checks.run_all([_item(2, "difos", title="Møde med Terma")], RULES) == []
    assert checks.run_all([_item(3, "difos", counterparts="Lockheed Martin", partner="censec")], RULES) == []


@pytest.mark.parametrize("row", ["2.1", "1.5", "1.8", "3.5", "3.6"])
def test_censec_cluster_or_innovation_work_with_a_prime_informs_difos_and_is_no_breach(row):
    hits = checks.run_all([_item(1, "censec", title="Klyngeprojekt", counterparts="BAE Systems", row=row)], RULES)
    assert [(h.kind, h.rule, h.duty, h.detail) for h in hits] == [("inform", "3.1" if row != "3.5" else "3.5", hits[0].duty, "BAE Systems")]
    assert not any(h.kind == "single_track" for h in hits)


@pytest.mark.parametrize("row", [None, "1.4", "3.8", "3.2"])
def test_other_censec_contact_with_a_prime_stays_single_track(row):
    hits = checks.run_all([_item(1, "censec", title="Møde", counterparts="Lockheed Martin", row=row)], RULES)
    assert "single_track" in [h.kind for h in hits]
    assert not any(h.kind == "inform" and h.rule == "3.1" for h in hits)


@pytest.mark.parametrize("row", ["3.3", "3.7"])
def test_censec_under_a_row_it_takes_part_in_is_an_inform_for_difos_not_a_breach(row):
    assert _kinds(_item(1, "censec", row=row)) == [("inform", row, "involved", False)]
    # DI FOS's own activity there: CenSec takes part, so it is involved.
    assert _kinds(_item(2, "difos", row=row)) == [("inform", row, "involved", False)]


def test_one_inform_per_activity_the_one_asking_most():
    # 3.2 involves CenSec, 3.1 only informs it: the 3.2 one, naming the company.
    [hit] = checks.inform([_item(1, "difos", counterparts="Lockheed Martin", row="3.2")], RULES)
    assert (hit.rule, hit.duty, hit.detail) == ("3.2", "involved", "Lockheed Martin")
    # 2.1 and 3.1 both inform DI FOS: the 3.1 one, which names the company.
    [hit] = checks.inform([_item(2, "censec", counterparts="Lockheed Martin", row="2.1")], RULES)
    assert (hit.rule, hit.duty, hit.detail) == ("3.1", "informed", "Lockheed Martin")


def test_an_untagged_activity_is_held_to_its_suggested_row():
    assert _kinds(_item(1, "censec", title="Briefing", suggested="1.1")) == [("responsibility", "1.1", "", True)]
    assert _kinds(_item(2, "difos", title="Briefing", suggested="1.1")) == []  # DI FOS's own row
    assert _kinds(_item(3, "censec", title="Briefing")) == []  # no suggestion
    assert _kinds(_item(4, "censec", title="Briefing", suggested="3.3")) == []  # a row CenSec takes part in
    # A tagged row wins over a stale suggestion, and is no suggestion.
    assert _kinds(_item(5, "censec", row="1.1", suggested="1.4")) == [("responsibility", "1.1", "", False)]
    # A suggestion informs nobody: only a tagged row does.
    assert _kinds(_item(6, "difos", title="Høringssvar", suggested="1.2")) == []


def test_the_suggested_row_is_kept_in_the_match_keys_and_not_read_as_a_name():
    keys = checks.match_keys(title="Briefing", suggested_row="1.1")
    assert checks.suggested_of(keys) == "1.1" and checks.suggested_of(checks.match_keys(title="Briefing")) is None
    assert "1.1" not in checks.terms_of(keys)[1]


# --- stored findings, on the loaded agreement ----------------------------------------------------------


def _open(kind=None, **filters):
    queryset = Finding.objects.filter(status=FindingStatus.OPEN, **filters)
    return list(queryset.filter(kind=kind) if kind else queryset)


def _sentence(finding, language="en"):
    [finding] = findings_with_activities(Finding.objects.filter(pk=finding.pk))
    with translation.override(language):
        return explain(finding, parties_by_slug())


def test_probe_difos_meeting_lockheed_martin_is_an_inform_for_censec(add_activity, censec_director, difos_director):
    activity = add_activity("difos", title="Møde med Lockheed Martin om F-35-vedligehold", area="international",
                            counterparts="Lockheed Martin")
    check_all()
    [finding] = _open()
    assert (finding.kind, finding.rule, finding.duty, finding.suggested) == ("inform", "3.1", FindingDuty.INFORMED, False)
    assert list(finding.activities.all()) == [activity]
    [loaded] = findings_with_activities(Finding.objects.filter(pk=finding.pk))
    assert told_party(loaded) == "censec" and organisations(loaded) == ["censec", "difos"]
    assert "DI/DI FOS holder CenSec orienteret" in _sentence(finding)
    # Told like any finding: CenSec's director hears of it.
    notify_pending_findings()
    assert Notification.objects.filter(kind="activity_finding", key=str(finding.pk), recipient=censec_director).exists()


def test_probe_censec_cluster_project_with_a_prime_is_an_inform_for_difos(add_activity):
    add_activity("censec", title="Klyngeprojekt om additiv fremstilling", area="cluster", row="2.1", counterparts="Lockheed Martin")
    check_all()
    [finding] = _open()
    assert (finding.kind, finding.rule, finding.duty) == ("inform", "3.1", "informed")
    assert not _open("single_track") and not _open("responsibility")
    sentence = _sentence(finding)
    assert "no breach" in sentence and "DI FOS should read it and acknowledge it" in sentence


def test_probe_other_censec_contact_with_a_prime_is_single_track_as_a_main_rule(add_activity):
    add_activity("censec", title="Møde med Lockheed Martin om leverandørprogram", area="international")
    check_all()
    [finding] = _open()
    assert (finding.kind, finding.rule) == ("single_track", "3.1")
    sentence = _sentence(finding)
    assert "As a main rule DI / DI FOS holds contact with Lockheed Martin (3.1)" in sentence
    assert "cluster or innovation work" in sentence and "before any contact" not in sentence
    assert "som hovedregel" in _sentence(finding, "da").lower()


def test_probe_censec_under_3_3_is_no_responsibility_finding(add_activity):
    activity = add_activity("censec", title="CenSec i Følgegruppen for Industrisamarbejder", area="international", row="3.3")
    check_all()
    assert not _open("responsibility")
    [finding] = _open()
    assert (finding.kind, finding.rule, finding.duty) == ("inform", "3.3", "involved")
    assert list(finding.activities.all()) == [activity]
    assert "no breach" in _sentence(finding) and "CenSec deltager ligeledes" in _sentence(finding, "da")


def test_an_information_activity_planned_alone_involves_the_other_party(add_activity, orgs, difos_director):
    from activities.services.partners import partner_confirm

    add_activity("difos", title="Informationsmøde om EDF", area="political", row="1.9")
    joint = add_activity("censec", title="Informationsmøde om udbud", area="political", row="1.9", partner=orgs["difos"],
                         start=dt.date(2027, 6, 1))
    partner_confirm(user=difos_director, activity=joint)  # a joint activity once DI FOS confirms it
    check_all()
    [finding] = _open()
    assert (finding.kind, finding.rule, finding.duty) == ("inform", "1.9", "involved")
    assert finding.activities.get().title == "Informationsmøde om EDF"
    assert "without CenSec as partner" in _sentence(finding) and "CenSec should answer whether it joins" in _sentence(finding)


def test_censec_under_3_2_is_still_a_responsibility_finding(add_activity):
    add_activity("censec", title="Eksportfremstød til Indien", area="international", row="3.2")
    check_all()
    assert [(f.kind, f.rule) for f in _open()] == [("responsibility", "3.2")]


def test_probe_an_untagged_censec_briefing_of_the_minister_is_a_suggested_responsibility_finding(add_activity):
    add_activity("censec", title="Briefing af forsvarsministeren", area="political")
    check_all()
    [finding] = _open()
    assert (finding.kind, finding.rule, finding.suggested) == ("responsibility", "1.1", True)
    assert finding.matrix_row.code == "1.1"
    assert "looks like 1.1, which DI / DI FOS leads" in _sentence(finding)


@pytest.mark.parametrize(
    "party, title",
    [
        ("difos", "Briefing af forsvarsministeren"),  # DI FOS's own row
        ("censec", "Møde med forsvarsministeren om klyngen"),  # 1.1 or CenSec's cluster rows: not confident
        ("censec", "EDF-konsortiedag: find partnere til Den Europæiske Forsvarsfond"),  # 1.6/1.7 or 1.8
        ("censec", "Klyngens årsmøde"),
    ],
)
def test_no_suggested_finding_without_a_confident_suggestion_against_the_party(add_activity, party, title):
    add_activity(party, title=title, area="political")
    check_all()
    assert not _open("responsibility")


def test_tagging_the_suggested_row_keeps_the_finding_and_another_row_resolves_it(add_activity, censec_secretariat):
    activity = add_activity("censec", title="Briefing af forsvarsministeren", area="political")
    check_all()
    [finding] = _open()
    plans.activity_update(user=censec_secretariat, activity=activity, version=activity.version, matrix_row=MatrixRow.objects.get(code="1.1"))
    check_activity(activity.pk)
    finding.refresh_from_db()
    assert (finding.status, finding.suggested) == (FindingStatus.OPEN, False)
    activity.refresh_from_db()
    plans.activity_update(user=censec_secretariat, activity=activity, version=activity.version, matrix_row=MatrixRow.objects.get(code="1.4"))
    check_activity(activity.pk)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RESOLVED
    assert [(f.kind, f.rule) for f in _open()] == [("inform", "1.4")]


def test_the_single_activity_check_finds_the_same_informs_as_the_sweep(add_activity):
    a = add_activity("difos", title="Møde med BAE Systems", area="international", row="3.1", counterparts="BAE Systems")
    b = add_activity("censec", title="Industrisamarbejde med udenlandske virksomheder", area="international", row="3.7")
    check_activity(a.pk)
    check_activity(b.pk)
    single = sorted((f.kind, f.rule, f.duty) for f in _open())
    check_all()
    assert sorted((f.kind, f.rule, f.duty) for f in _open()) == single == [("inform", "3.1", "informed"), ("inform", "3.7", "involved")]


def test_check_plans_csv_lists_the_inform_kind_with_the_contract_columns(add_activity):
    add_activity("difos", title="Møde med Lockheed Martin", area="international", counterparts="Lockheed Martin")
    out = io.StringIO()
    call_command("check_plans", "--format", "csv", "--year", "2027", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][: len(FINDINGS_CSV_COLUMNS)] == FINDINGS_CSV_COLUMNS  # the contract's columns, then any more
    assert rows[0][:7] == ["id", "kind", "rule", "organisations", "activities", "status", "explanation"]
    assert [r[1:6] for r in rows[1:]] == [[FindingKind.INFORM.value, "3.1", "censec | difos", "Møde med Lockheed Martin", "open"]]


def test_the_findings_page_explains_an_inform_to_the_told_party(add_activity, client_for, censec_director):
    add_activity("difos", title="Møde med Lockheed Martin", area="international", counterparts="Lockheed Martin")
    add_activity("censec", title="Briefing af forsvarsministeren", area="political", start=dt.date(2027, 5, 1))
    check_all()
    html = client_for(censec_director).get("/activities/findings/?year=2027").content.decode()
    assert "DI/DI FOS holder CenSec orienteret" in html
    assert "ligner 1.1, som DI / DI FOS har ansvaret for" in html
