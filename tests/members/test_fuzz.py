"""The members pages and feeds, fed hostile query strings: always an answer, never a 500, never a leak of the query into XML."""

import xml.etree.ElementTree as ET

from hypothesis import given, settings, strategies as st

from tests.fuzz.strategies import hostile_text

PARAMS = ["organisation", "task_area", "target_group", "month", "q", "page", "lang"]


@settings(max_examples=40, deadline=None)
@given(params=st.dictionaries(st.sampled_from(PARAMS), hostile_text, max_size=5))
def test_hostile_filters_never_fail(client, agreement, params):
    for path in ("/members/activities/", "/members/services/", "/members/contact/", "/members/calendar.ics"):
        assert client.get(path, params).status_code in (200, 400), path
    response = client.get("/members/feed.atom", params)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        ET.fromstring(response.content)
