"""The coordination tests walk months long before today's date: the agreement counts as loaded long ago
(the monthly rule starts in its load month), unless a test says otherwise with `agreement_loaded(...)`."""

import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def _agreement_loaded_long_ago(request):
    if "agreement" not in request.fixturenames:
        return
    request.getfixturevalue("agreement")
    from agreement.models import Agreement

    Agreement.objects.update(loaded_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
