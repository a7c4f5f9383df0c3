"""agreement.0003 gives an agreement already in the database the portal's first day as its load time."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agreement.models import Agreement

BEFORE = [("agreement", "0002_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_an_existing_agreement_is_loaded_when_the_first_account_was_made():
    old = _migrate(BEFORE)
    try:
        old.get_model("agreement", "Agreement").objects.create(slug="censec-difos", title_da="Aftale", title_en="Agreement")
        User = old.get_model("portal", "User")
        User.objects.create(username="admin", date_joined=dt.datetime(2025, 3, 4, 9, tzinfo=dt.UTC))
        User.objects.create(username="later", date_joined=dt.datetime(2026, 1, 2, 9, tzinfo=dt.UTC))
    finally:
        _migrate(_latest())
    assert Agreement.objects.get().loaded_at == dt.datetime(2025, 3, 4, 9, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_with_no_account_the_existing_agreement_is_loaded_at_the_migration():
    old = _migrate(BEFORE)
    try:
        old.get_model("agreement", "Agreement").objects.create(slug="censec-difos", title_da="Aftale", title_en="Agreement")
        started = dt.datetime.now(dt.UTC)
    finally:
        _migrate(_latest())
    assert Agreement.objects.get().loaded_at >= started
