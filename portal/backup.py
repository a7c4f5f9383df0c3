"""Backup and restore: the whole database as JSON plus every uploaded file, in one zip.

Database-agnostic (a SQLite backup restores into PostgreSQL and back). For large installations
`pg_dump` plus a copy of MEDIA_ROOT does the same job faster; README.md says how.
"""

import io
import json
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction

FORMAT_VERSION = 1
# Rebuilt by migrate itself, or worthless in a restored portal.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"]


def _models_in_order():
    excluded_apps = {e for e in EXCLUDE if "." not in e}
    excluded_models = {e for e in EXCLUDE if "." in e}
    for model in serializers.sort_dependencies(
        [(config, None) for config in apps.get_app_configs() if config.label not in excluded_apps], allow_cycles=True
    ):
        if model._meta.label_lower not in excluded_models and model._meta.managed and not model._meta.proxy:
            yield model


def backup_write(destination: Path) -> dict:
    """Write the database and MEDIA_ROOT to `destination` (a zip); return what it holds."""
    media = Path(settings.MEDIA_ROOT)
    counts = {}
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("data.json", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
            objects = []
            for model in _models_in_order():
                queryset = model._default_manager.order_by("pk")
                counts[model._meta.label_lower] = queryset.count()
                objects.append(queryset.iterator())
            serializers.serialize(
                "json", (obj for chunk in objects for obj in chunk), stream=out,
                use_natural_foreign_keys=True, use_natural_primary_keys=False,
            )
        files = 0
        if media.exists():
            for path in sorted(media.rglob("*")):
                if path.is_file():
                    archive.write(path, f"media/{path.relative_to(media).as_posix()}")
                    files += 1
        archive.writestr("manifest.json", json.dumps({"format": FORMAT_VERSION, "counts": counts, "files": files}))
    return {"counts": counts, "files": files}


def database_is_empty() -> bool:
    User = apps.get_model(settings.AUTH_USER_MODEL)
    return not User.objects.exists()


def _safe_member(name: str) -> PurePosixPath | None:
    """The path inside MEDIA_ROOT for a zip member, or None if it tries to escape it."""
    path = PurePosixPath(name)
    if path.parts[:1] != ("media",) or ".." in path.parts or path.is_absolute() or len(path.parts) < 2:
        return None
    if "\\" in name or "\x00" in name:
        return None
    return PurePosixPath(*path.parts[1:])


def _checked_files(archive: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """Every member of the backup checked before anything is loaded or written: (member, path in MEDIA_ROOT).

    A ValueError names the first member that is not what `backup_write` writes: a path that would
    leave MEDIA_ROOT, an unknown or repeated member, or one whose checksum does not match.
    """
    names = archive.namelist()
    if "manifest.json" not in names or "data.json" not in names:
        raise ValueError("manifest.json or data.json is missing.")
    if len(set(names)) != len(names):
        repeated = next(n for n in names if names.count(n) > 1)
        raise ValueError(f"The backup holds {repeated} more than once.")
    files = []
    for member in archive.infolist():
        if member.is_dir() or member.filename in ("manifest.json", "data.json"):
            continue
        if not member.filename.startswith("media/"):
            raise ValueError(f"Not part of a backup: {member.filename}")
        relative = _safe_member(member.filename)
        if relative is None:
            raise ValueError(f"Refusing a file outside the media folder: {member.filename}")
        files.append((member, relative))
    damaged = archive.testzip()
    if damaged is not None:
        raise ValueError(f"The backup is damaged: {damaged} does not match its checksum.")
    return files


@transaction.atomic
def backup_restore(source: Path) -> dict:
    """Load a backup made by `backup_write` into an empty database and put its files back.

    1. Check the manifest's format and every member (`_checked_files`), before anything is written:
       a bad member refuses the whole backup and leaves nothing behind.
    2. Load every object (natural keys for content types and permissions, so ids may differ).
    3. Reset the database sequences (PostgreSQL), so new rows do not collide with restored ids.
    4. Extract the files into MEDIA_ROOT; if writing fails part-way, the files already written are
       removed again (and the transaction undoes the rows).
    """
    with zipfile.ZipFile(source) as archive:
        checked = _checked_files(archive)
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise ValueError(f"Unknown backup format {manifest.get('format')!r}.")
        with archive.open("data.json") as raw:
            for obj in serializers.deserialize("json", io.TextIOWrapper(raw, encoding="utf-8"), handle_forward_references=True):
                obj.save()
        _reset_sequences()
        media = Path(settings.MEDIA_ROOT)
        written = []
        try:
            for member, relative in checked:
                target = media / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as src, open(target, "wb") as dst:
                    written.append(target)
                    shutil.copyfileobj(src, dst)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return {"counts": manifest["counts"], "files": len(written)}


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    labels = [config.label for config in apps.get_app_configs()]
    out = io.StringIO()
    call_command("sqlsequencereset", *labels, stdout=out, no_color=True)
    with connection.cursor() as cursor:
        for statement in out.getvalue().split(";\n"):
            if statement.strip() and not statement.strip().startswith(("BEGIN", "COMMIT")):
                cursor.execute(statement)
