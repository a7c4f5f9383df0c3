"""Director contacts move from the governance app to coordination without losing a row (SQLite and PostgreSQL).

The test takes the database back to the old layout (the contacts in governance), writes contacts,
action items, a month record, history and a permission there, migrates forward and reads them all
through today's models.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coordination.models import ActionItem, DirectorContact, MonthRecord
from coordination.selectors import contact_counts

OLD_LAYOUT = [("coordination", None)]  # before coordination.0001: governance still holds the contacts
UTC = dt.UTC


def _migrate(targets):
    """Migrate to `targets`; the models as they stood there (apps at their latest, unless named)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    named = {app for app, _name in targets}
    nodes = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in named | {"governance"}]
    nodes += [("governance", "0001_initial")] if ("coordination", None) in targets else []
    nodes += [node for node in targets if node[1] is not None and node[0] not in {n[0] for n in nodes}]
    return executor.loader.project_state(nodes).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_it_migrates_contacts_from_the_old_layout_to_the_new_one():
    old = _migrate(OLD_LAYOUT)
    try:
        assert "coordination" not in {m._meta.app_label for m in old.get_models()}
        User = old.get_model("portal", "User")
        Organisation = old.get_model("agreement", "Organisation")
        TaskArea = old.get_model("agreement", "TaskArea")
        Role = old.get_model("portal", "Role")
        OldContact = old.get_model("governance", "DirectorContact")
        OldItem = old.get_model("governance", "ActionItem")
        OldRecord = old.get_model("governance", "MonthRecord")
        OldHistory = old.get_model("governance", "HistoricalDirectorContact")
        OldCT = old.get_model("contenttypes", "ContentType")
        OldPermission = old.get_model("auth", "Permission")

        censec = Organisation.objects.create(slug="censec", name="CenSec", short_name="CenSec")
        difos = Organisation.objects.create(slug="difos", name="DI Forsvar og Sikkerhed", short_name="DI FOS")
        area = TaskArea.objects.create(slug="cluster", number=2, name_da="Klyngesamarbejde", name_en="Cluster cooperation")
        anne = User.objects.create(username="censec-director")
        henrik = User.objects.create(username="difos-director")
        Role.objects.create(user=anne, kind="director", organisation=censec)
        Role.objects.create(user=henrik, kind="director", organisation=difos)

        when = dt.datetime(2026, 10, 13, 8, 0, tzinfo=UTC)
        contact = OldContact.objects.create(occurred_at=when, form="meeting", decisions="Fælles høringssvar", logged_by=anne)
        contact.participants.set([anne, henrik])
        contact.task_areas.set([area])
        OldItem.objects.create(contact=contact, text="Udkast til høringssvar", owner=henrik, due_on=dt.date(2026, 10, 27))
        OldRecord.objects.create(month=dt.date(2026, 9, 1), status="missed")
        OldHistory.objects.create(
            id=contact.pk, occurred_at=when, form="meeting", decisions="Fælles høringssvar", logged_by=anne,
            created_at=when, updated_at=when, history_date=when, history_type="+", history_user=anne,
        )
        # Going back, the content types went back to governance: the permissions hang on them there.
        OldCT.objects.filter(app_label="coordination").delete()
        contact_type, _created = OldCT.objects.get_or_create(app_label="governance", model="directorcontact")
        view, _created = OldPermission.objects.get_or_create(
            content_type=contact_type, codename="view_directorcontact", defaults={"name": "Can view director contact"}
        )
        henrik.user_permissions.add(view)
    finally:
        _migrate(_latest())

    moved = DirectorContact.objects.get()
    assert moved.pk == contact.pk
    assert DirectorContact._meta.db_table == "governance_directorcontact"
    assert {u.username for u in moved.participants.all()} == {"censec-director", "difos-director"}
    assert [a.slug for a in moved.task_areas.all()] == ["cluster"]
    assert moved.decisions == "Fælles høringssvar" and moved.logged_by.username == "censec-director"
    assert contact_counts(moved), "a contact of both directors still counts for the monthly rule"
    [item] = ActionItem.objects.all()
    assert (item.contact_id, item.owner.username, item.due_on) == (moved.pk, "difos-director", dt.date(2026, 10, 27))
    assert MonthRecord.objects.get().status == "missed"
    assert [h.history_type for h in moved.history.all()] == ["+"]

    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(DirectorContact).pk == contact_type.pk
    assert not ContentType.objects.filter(app_label="governance", model="directorcontact").exists()
    assert Permission.objects.get(pk=view.pk).content_type.app_label == "coordination"
    assert moved.participants.get(username="difos-director").has_perm("coordination.view_directorcontact")


@pytest.mark.django_db(transaction=True)
def test_it_migrates_back_to_the_old_layout_keeping_the_rows(censec_director, difos_director):
    from .contacts_factory import local, make_contact

    contact = make_contact(by=censec_director, participants=[censec_director, difos_director], when=local(2026, 11, 3))
    try:
        old = _migrate(OLD_LAYOUT)
        OldContact = old.get_model("governance", "DirectorContact")
        assert OldContact.objects.get().pk == contact.pk
        assert old.get_model("contenttypes", "ContentType").objects.filter(app_label="governance", model="directorcontact").exists()
    finally:
        _migrate(_latest())
    assert DirectorContact.objects.get().pk == contact.pk
