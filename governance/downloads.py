"""Streaming responses for board materials: one file, or a zip of a meeting's materials, memory flat in size."""

import zipfile
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.text import slugify

from .uploads import name_for_type

CHUNK = 64 * 1024


def _private(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def download_name(version) -> str:
    """The name a version downloads under: its extension follows the stored (detected) type, also for
    versions uploaded before names were made to fit."""
    return name_for_type(version.original_name, version.file.name.rpartition(".")[2])


def file_response(version) -> HttpResponse:
    """The file of one material version as an attachment.

    With PORTAL_X_ACCEL_REDIRECT set (e.g. "/protected-media/"), the permission check has already
    happened and nginx is told to send the file itself from an `internal` location.
    """
    prefix = getattr(settings, "PORTAL_X_ACCEL_REDIRECT", "")
    if prefix:
        response = HttpResponse(content_type=version.content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(version.file.name)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(download_name(version))}"
        return _private(response)
    response = FileResponse(
        version.file.open("rb"), as_attachment=True, filename=download_name(version), content_type=version.content_type
    )
    response.block_size = CHUNK
    return _private(response)


class _Pipe:
    """A write-only, unseekable buffer: zipfile writes into it, the generator drains it after each chunk."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.position = 0

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self):
        pass

    def drain(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def zip_entry_names(materials) -> list[str]:
    """Unique names inside the zip: "03 - <item> - <file>" so the files sort in agenda order."""
    names, seen = [], set()
    for material in materials:
        prefix = f"{material.agenda_item.position:02d} - " if material.agenda_item_id else "00 - "
        name = prefix + download_name(material.current)
        stem, dot, ext = name.rpartition(".")
        candidate, n = name, 2
        while candidate in seen:
            candidate = f"{stem} ({n}).{ext}" if dot else f"{name} ({n})"
            n += 1
        seen.add(candidate)
        names.append(candidate)
    return names


def _zip_chunks(materials):
    """Yield the zip piece by piece: stored (no compression), files read in 64 KB chunks."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for material, name in zip(materials, zip_entry_names(materials)):
            version = material.current
            info = zipfile.ZipInfo(name, date_time=version.uploaded_at.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED
            info.file_size = version.size
            with version.file.open("rb") as source, archive.open(info, mode="w", force_zip64=True) as target:
                while chunk := source.read(CHUNK):
                    target.write(chunk)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()


def zip_response(meeting, materials) -> StreamingHttpResponse:
    filename = f"{slugify(meeting.title) or 'meeting'}-{meeting.starts_at:%Y-%m-%d}.zip"
    response = StreamingHttpResponse(_zip_chunks(materials), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)
