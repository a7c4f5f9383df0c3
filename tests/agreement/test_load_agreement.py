import pytest
from django.core.management import call_command

from agreement.models import Agreement, Clause, MatrixRow, Organisation, TaskArea

# Appendix 1 as shared/DOMAIN.md states it: id -> (area, lead, single-track).
EXPECTED = {
    "1.1": ("political", "difos", False),
    "1.2": ("political", "difos", False),
    "1.3": ("political", "di", False),
    "1.4": ("political", "censec", False),
    "1.5": ("political", "censec", False),
    "1.6": ("political", "difos", False),
    "1.7": ("political", "difos", False),
    "1.8": ("political", "censec", False),
    "1.9": ("political", "joint", False),
    "1.10": ("political", "both", False),
    "2.1": ("cluster", "censec", False),
    "3.1": ("international", "difos", True),
    "3.2": ("international", "difos", False),
    "3.3": ("international", "difos", False),
    "3.4": ("international", "difos", False),
    "3.5": ("international", "censec", False),
    "3.6": ("international", "censec", False),
    "3.7": ("international", "difos", False),
    "3.8": ("international", "censec", False),
    "4.1": ("operational", "each", False),
    "5.1": ("other", "each", False),
}


def test_it_loads_every_matrix_row_with_its_lead_and_single_track_flag(agreement):
    rows = {r.code: (r.area.slug, r.lead, r.single_track) for r in MatrixRow.objects.select_related("area")}
    assert rows == EXPECTED


def test_it_loads_the_parties_with_di_as_difos_parent(agreement):
    orgs = {o.slug: o for o in Organisation.objects.all()}
    assert set(orgs) == {"censec", "difos", "di"}
    assert orgs["difos"].parent == orgs["di"]
    assert set(agreement.parties.values_list("slug", flat=True)) == {"censec", "difos"}
    assert agreement.notice_months == 3


def test_it_loads_the_five_task_areas_in_order(agreement):
    assert list(TaskArea.objects.values_list("slug", flat=True)) == [
        "political", "cluster", "international", "operational", "other",
    ]


def test_every_clause_keeps_the_danish_original(agreement):
    s3 = Clause.objects.get(slug="s3")
    assert "Minimum 2 (to) pladser i CenSec's bestyrelse" in s3.text_da
    assert "personaleforhold og interne forhold omkring sekretariaterne" in s3.text_da
    assert "Lockheed Martin" in Clause.objects.get(slug="a1-3").text_da
    # Every row points at the section of Appendix 1 it comes from, and quotes it.
    for row in MatrixRow.objects.select_related("clause"):
        assert row.clause.number.startswith("Tillæg 1"), row.code
        assert row.source_da[:40] in row.clause.text_da.replace("\n", " ") or row.code in {"1.7", "1.10", "3.5"}


def _snapshot():
    return {
        model.__name__: sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields]))
        for model in (Organisation, Agreement, Clause, TaskArea, MatrixRow)
    }


def test_it_changes_nothing_when_run_twice(agreement):
    before = _snapshot()
    call_command("load_agreement", stdout=open("/dev/null", "w"))
    assert _snapshot() == before


@pytest.mark.django_db
def test_it_repairs_a_row_edited_by_hand(agreement):
    MatrixRow.objects.filter(code="3.1").update(single_track=False, lead="censec")
    call_command("load_agreement", stdout=open("/dev/null", "w"))
    row = MatrixRow.objects.get(code="3.1")
    assert (row.lead, row.single_track) == ("difos", True)
