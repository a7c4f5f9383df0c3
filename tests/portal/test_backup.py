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


def _backup_with(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", '{"format": 1, "counts": {}, "files": %d}' % len(members))
        archive.writestr("data.json", "[]")
        for name, content in members:
            archive.writestr(name, content)
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("bad, message", [
    ("media/../../escape.txt", "outside the media folder"),
    ("/etc/cron.d/evil", "Not part of a backup"),
    ("media/..\\..\\escape.txt", "outside the media folder"),
])
def test_one_bad_member_refuses_the_backup_before_any_file_is_written(tmp_path, bad, message):
    evil = _backup_with(tmp_path / "evil.zip", [("media/materials/first.txt", "x"), ("media/materials/second.txt", "y"), (bad, "z")])
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(evil))
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*")), "orphans left in MEDIA_ROOT"


@pytest.mark.django_db
def test_a_damaged_member_refuses_the_backup_and_leaves_nothing(tmp_path):
    good = _backup_with(tmp_path / "good.zip", [("media/materials/first.txt", "x" * 100), ("media/materials/second.txt", "y" * 100)])
    data = bytearray(good.read_bytes())
    at = data.index(b"y" * 100)
    data[at] = ord("Y")  # the member's bytes no longer match its CRC
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged))
    assert not (Path(settings.MEDIA_ROOT) / "materials" / "first.txt").exists()
