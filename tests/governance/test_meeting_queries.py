"""The meetings list and a meeting page run the same number of SQL queries with 5 and with 200 materials."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import Material, MaterialVersion

LONG_AGO = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def add_materials(fixture, user, total):
    """Bring the meeting up to `total` materials, spread over its items; the file is shared to keep it quick."""
    template = fixture.materials["ordinary"].current
    items = list(fixture.items.values())
    while Material.objects.filter(meeting=fixture.meeting).count() < total:
        n = Material.objects.filter(meeting=fixture.meeting).count()
        material = Material.objects.create(
            meeting=fixture.meeting, agenda_item=items[n % len(items)], title=f"Extra {n}",
            state=Material.State.PUBLISHED, published_at=LONG_AGO, changed_at=LONG_AGO,  # published before the visits
        )
        version = MaterialVersion.objects.create(
            material=material, number=1, file=template.file.name, original_name=f"extra-{n}.pdf",
            content_type="application/pdf", size=template.size, sha256=template.sha256, uploaded_by=user,
        )
        material.current = version
        material.save(update_fields=["current"])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize("role", ["censec_board", "difos_observer", "censec_secretariat"])
def test_query_counts_do_not_grow_with_materials(request, boards, client_for, censec_secretariat, role):
    fixture = boards["censec"]
    client = client_for(request.getfixturevalue(role))
    client.get("/governance/meetings/")  # warm: the first page of a session refreshes it and caches the frame
    client.get(f"/governance/meetings/{fixture.meeting.pk}/")  # the first visit is remembered once (the board pack's marks)
    urls = ["/governance/meetings/", f"/governance/meetings/{fixture.meeting.pk}/", "/governance/meetings/?q=Extra"]
    add_materials(fixture, censec_secretariat, 5)
    small = [count_queries(client, url) for url in urls]
    add_materials(fixture, censec_secretariat, 200)
    large = [count_queries(client, url) for url in urls]
    assert small == large
    html = client.get(f"/governance/meetings/{fixture.meeting.pk}/").content.decode()
    assert html.count('data-testid="material"') > 5

