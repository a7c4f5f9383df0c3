"""The plan checks, rule by rule, including the worked examples of DOMAIN.md."""

import datetime as dt

import pytest

from activities import checks
from activities.models import Finding, FindingStatus
from activities.services.findings import check_activity, check_all


def _item(id, party, *, area=1, start=dt.date(2027, 3, 1), end=None, topics="", counterparts="", groups="", title="x",
          description="", own=False, **kw):
    keys = checks.match_keys(title=title, description=description, topics=topics, counterparts=counterparts, target_groups=groups)
    return checks.make_item(id=id, party=party, year=start.year, area=area, start=start, end=end or start, match_keys=keys, own=own, **kw)


def _overlap(*items):
    return checks.overlap(items)


RULES = {
    "3.1": checks.RowRule("3.1", "difos", True, ("Lockheed Martin", "BAE Systems")),
    "1.1": checks.RowRule("1.1", "difos"),
    "1.4": checks.RowRule("1.4", "censec"),
    "4.1": checks.RowRule("4.1", None),
}


# Changed in issue 9: a shared target group used to be enough ("SMV" on both sides was an overlap);
# now a broad target group alone never is, and the same subject, however worded, is.
def test_it_finds_overlap_of_the_two_parties_on_the_same_subject():
    a = _item(1, "censec", end=dt.date(2027, 3, 5), title="Droneteknologi for SMV", groups="SMV")
    b = _item(2, "difos", start=dt.date(2027, 3, 4), title="Medlemsmøde om droner", groups="smv; store virksomheder")
    [hit] = _overlap(a, b)
    assert (hit.kind, hit.rule, hit.activity_ids) == ("overlap", "§4", (1, 2))
    assert hit.score >= checks.DEFAULT_THRESHOLD and hit.detail.split("; ")[0] == "=dron"


def test_a_broad_target_group_or_format_alone_is_no_overlap():
    a = _item(1, "censec", title="Kursus i projektledelse", groups="SMV; virksomheder")
    b = _item(2, "difos", title="Seminar om hypersonisk teknologi", groups="SMV; virksomheder")
    assert _overlap(a, b) == []
    c = _item(3, "censec", title="Workshop om eksportkontrol", groups="medlemmer")
    d = _item(4, "difos", title="Workshop om rumfart", groups="members")
    assert _overlap(c, d) == []


@pytest.mark.parametrize(
    "b",
    [
        _item(2, "difos", start=dt.date(2027, 3, 6), topics="Droner"),  # dates apart
        _item(2, "difos", topics="Radar"),  # nothing shared
        _item(2, "censec", topics="Droner"),  # the same party
        _item(2, "difos", topics="Droner", partner="censec"),  # a joint activity
        _item(2, "difos", topics="Droner", own=True),  # each party's own communication (5.1)
    ],
)
def test_it_finds_no_overlap_without_every_condition(b):
    a = _item(1, "censec", end=dt.date(2027, 3, 5), topics="droner")
    assert checks.overlap([a, b]) == []
    assert checks.overlap_with(a, [b], corpora=checks.corpora_of([a, b])) == []


# Changed in issue 9: the task area is no longer required; it raises the score.
def test_another_task_area_lowers_the_score_but_does_not_rule_an_overlap_out():
    a = _item(1, "censec", area=2, title="Partnerskab med Fraunhofer", counterparts="Fraunhofer")
    b = _item(2, "difos", area=3, title="Fraunhofer-delegation", counterparts="Fraunhofer-Gesellschaft")
    [hit] = _overlap(a, b)
    [same_area] = _overlap(a, _item(2, "difos", area=2, title="Fraunhofer-delegation", counterparts="Fraunhofer-Gesellschaft"))
    assert same_area.score == pytest.approx(hit.score + checks.SAME_AREA_BONUS)


# Changed in issue 9: the same matrix row alone (2.1 holds all cluster work) says two activities are
# of one kind, not that they are one activity; it only adds a little to other evidence.
def test_it_matches_hyphenated_and_cased_terms_but_not_the_matrix_row_alone():
    a = _item(1, "censec", topics="Match-making")
    b = _item(2, "difos", topics="matchmaking")
    assert len(_overlap(a, b)) == 1
    c = _item(3, "censec", row="2.1", title="Kursus")
    d = _item(4, "difos", row="2.1", title="Netværksmøde")
    assert _overlap(c, d) == []


def test_it_sweeps_many_activities_like_the_pairwise_definition():
    import random

    rnd = random.Random(7)
    items = []
    for i in range(400):
        start = dt.date(2027, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        items.append(
            _item(i, rnd.choice(["censec", "difos"]), area=rnd.randrange(1, 3), start=start,
                  end=start + dt.timedelta(days=rnd.randrange(20)), topics=f"emne{rnd.randrange(60)}")
        )
    corpora = checks.corpora_of(items)
    pairwise = {h.key for a in items for h in checks.overlap_with(a, items, corpora=corpora)}
    hits = checks.overlap(items)
    assert {h.key for h in hits} == pairwise and pairwise
    # One shared topic of middling rarity is enough only with the same task area's bonus.
    assert all(items[x].area == items[y].area for x, y in (h.activity_ids for h in hits))


def test_it_flags_a_row_the_other_party_leads_alone():
    [hit] = checks.responsibility([_item(1, "censec", row="1.1")], RULES)
    assert (hit.kind, hit.rule) == ("responsibility", "1.1")
    assert checks.responsibility([_item(1, "censec", row="1.4"), _item(2, "difos", row="1.1"), _item(3, "censec", row="4.1")], RULES) == []
    assert checks.responsibility([_item(1, "censec", row="1.1", partner="difos")], RULES) == []


def test_it_flags_the_non_lead_party_naming_a_single_track_counterpart():
    [hit] = checks.single_track([_item(1, "censec", counterparts="lockheed-martin")], RULES)
    assert (hit.kind, hit.rule, hit.detail) == ("single_track", "3.1", "Lockheed Martin")
    [by_title] = checks.single_track([_item(2, "censec", title="Møde med Lockheed Martin om leverandørprogram")], RULES)
    assert by_title.rule == "3.1"
    assert checks.single_track([_item(3, "difos", counterparts="Lockheed Martin")], RULES) == []
    assert checks.single_track([_item(4, "censec", counterparts="Lockheed Aviation; Martinair")], RULES) == []


def test_it_reports_a_single_track_breach_once_not_also_as_responsibility():
    item = _item(1, "censec", row="3.1", counterparts="BAE Systems")
    assert [h.kind for h in checks.run_all([item], RULES)] == ["single_track"]


def test_it_flags_common_interest():
    assert [h.kind for h in checks.common_interest([_item(1, "difos", common_interest=True), _item(2, "difos")])] == ["common_interest"]


# --- The worked examples of DOMAIN.md, through the database ------------------------------------


def _findings(kind):
    return list(Finding.objects.filter(kind=kind, status=FindingStatus.OPEN))


def test_it_flags_censec_meeting_lockheed_martin_as_a_breach_of_3_1(add_activity):
    activity = add_activity("censec", title="Meeting with Lockheed Martin on supplier programme", area="international")
    check_activity(activity.pk)
    [finding] = _findings("single_track")
    assert finding.rule == "3.1" and list(finding.activities.all()) == [activity]


def test_it_flags_a_censec_minister_briefing_under_1_1_but_not_under_1_4(add_activity):
    briefing = add_activity("censec", title="Briefing for the Minister of Defence", area="political", row="1.1")
    cluster = add_activity("censec", title="Briefing for the Minister of Defence on the cluster", area="political", row="1.4")
    check_all()
    [finding] = _findings("responsibility")
    assert finding.rule == "1.1" and list(finding.activities.all()) == [briefing]
    # Changed in issue 11: under 1.4 DI FOS "orienteres og inddrages", so the cluster briefing is an
    # `inform` for DI FOS, still no breach.
    assert not cluster.findings.exclude(kind="inform").exists()
    assert list(cluster.findings.values_list("kind", "rule", "duty")) == [("inform", "1.4", "involved")]


def test_it_flags_two_match_making_events_in_overlapping_weeks(add_activity):
    a = add_activity("censec", title="Innovation match-making", start=dt.date(2027, 5, 3), days=5, topics="match-making")
    b = add_activity("difos", title="Matchmaking for industry", start=dt.date(2027, 5, 6), days=5, topics="Matchmaking")
    check_activity(b.pk)
    [finding] = _findings("overlap")
    assert set(finding.activities.all()) == {a, b}


def test_it_tells_censec_of_a_difos_activity_of_common_interest(add_activity):
    activity = add_activity("difos", title="Industry day", common_interest=True)
    check_activity(activity.pk)
    [finding] = _findings("common_interest")
    assert finding.rule == "§4"


def test_it_stores_each_finding_once_however_often_it_runs(add_activity):
    a = add_activity("censec", title="A", topics="drones")
    add_activity("difos", title="B", topics="Drones")
    check_all()
    check_all()
    check_activity(a.pk)
    assert Finding.objects.count() == 1


def test_it_resolves_the_finding_when_an_activity_moves_away_and_reopens_it_when_back(add_activity, censec_secretariat):
    from activities.services import plans

    a = add_activity("censec", title="A", topics="drones")
    add_activity("difos", title="B", topics="drones")
    check_activity(a.pk)
    finding = Finding.objects.get()
    a = plans.activity_update(user=censec_secretariat, activity=a, version=a.version, start=dt.date(2027, 6, 1), end=dt.date(2027, 6, 1))
    check_activity(a.pk)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RESOLVED and finding.resolved_at
    plans.activity_update(user=censec_secretariat, activity=a, version=a.version, start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 1))
    check_all()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN and Finding.objects.count() == 1


def test_it_keeps_a_dismissal_when_the_checks_run_again(add_activity, censec_director):
    from activities.services.findings import finding_close

    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    check_activity(activity.pk)
    finding = Finding.objects.get()
    finding_close(user=censec_director, finding=finding, reason="Agreed with DI FOS at the monthly meeting.", status=FindingStatus.DISMISSED)
    check_all()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED


def test_it_resolves_the_findings_of_a_cancelled_activity(add_activity, censec_secretariat):
    from activities.services import plans

    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    check_activity(activity.pk)
    plans.activity_update(user=censec_secretariat, activity=activity, version=activity.version, status="cancelled")
    check_activity(activity.pk)
    assert Finding.objects.get().status == FindingStatus.RESOLVED


def test_a_dismissed_overlap_stays_dismissed_when_the_sweep_runs_again_and_its_evidence_changes(
    add_activity, censec_director, censec_secretariat
):
    from activities.services import plans
    from activities.services.findings import finding_close

    a = add_activity("censec", title="Radarteknologi i Arktis", topics="radar")
    add_activity("difos", title="Seminar om radarer i Arktis", area="international")
    check_all()
    [finding] = _findings("overlap")
    first_score = finding.score
    finding_close(user=censec_director, finding=finding, reason="Two different audiences; agreed at the monthly meeting.", status=FindingStatus.DISMISSED)
    plans.activity_update(user=censec_secretariat, activity=a, version=a.version, title="Radarteknologi")
    check_activity(a.pk)
    check_all()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED and Finding.objects.filter(kind="overlap").count() == 1
    assert finding.score != first_score  # the stored evidence follows the edit; the decision stands
