"""A backup restores into an empty database with everything intact (extended as the apps grow)."""

import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from agreement.models import MatrixRow, Notice
from portal.models import Notification, Role, User


def snapshot():
    return {
        "users": sorted(User.objects.values_list("username", "email", "password")),
        "roles": sorted(Role.objects.values_list("user__username", "kind", "organisation__slug")),
        "matrix": sorted(MatrixRow.objects.values_list("code", "lead", "single_track")),
        "notices": sorted(Notice.objects.values_list("party__slug", "given_on", "ends_on", "recorded_by__username")),
        "notifications": sorted(Notification.objects.values_list("kind", "key", "recipient__username", "email_status")),
    }


@pytest.fixture
def populated(agreement, orgs, demo_users):
    import datetime as dt

    from agreement import services

    services.notice_give(user=demo_users["difos-director"], agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    media = Path(settings.MEDIA_ROOT) / "materials" / "test.txt"
    media.parent.mkdir(parents=True, exist_ok=True)
    media.write_text("board material")
    return media


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_database_intact(populated, tmp_path):
    before = snapshot()
    target = tmp_path / "backup.zip"
    call_command("backup", str(target), stdout=open("/dev/null", "w"))
    call_command("flush", "--no-input")
    populated.unlink()
    assert not User.objects.exists()
    call_command("restore", str(target), stdout=open("/dev/null", "w"))
    assert snapshot() == before
    assert populated.read_text() == "board material"
    # the restored portal keeps working: new rows get fresh ids
    User.objects.create_user("after-restore")


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data(populated, tmp_path):
    target = tmp_path / "backup.zip"
    call_command("backup", str(target), stdout=open("/dev/null", "w"))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(target))


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_text("not a zip")
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(junk))
    with pytest.raises(CommandError, match="No backup"):
        call_command("restore", str(tmp_path / "missing.zip"))


@pytest.mark.django_db
def test_restore_refuses_files_that_would_leave_the_media_folder(tmp_path):
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("manifest.json", '{"format": 1, "counts": {}, "files": 1}')
        archive.writestr("data.json", "[]")
        archive.writestr("media/../../escape.txt", "x")
    with pytest.raises(CommandError, match="outside the media folder"):
        call_command("restore", str(evil))
    assert not (Path(settings.MEDIA_ROOT).parent / "escape.txt").exists()
