"""Validation of uploaded board materials: size, type by content (never by name), safe names, checksum."""

import hashlib
import os
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# What a board material may be, by detected content: (extension, content type).
IMAGE_TYPES = {"png", "jpg", "gif", "webp"}
OFFICE_ZIP = {  # a member that only that kind of Office Open XML package holds
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
OLE_TYPES = {  # legacy Office files share one container; the user's extension says which
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEAD = 8192
# The extensions a file of each detected type may keep; any other gets the detected one appended,
# so "evil.html" uploaded as plain text downloads as "evil.html.txt" and opens as text.
KEEPS_EXTENSION = {"txt": {"txt", "csv", "md"}, "jpg": {"jpg", "jpeg"}}


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check: what it is, what to call it, and its checksum."""

    extension: str
    content_type: str
    display_name: str
    size: int
    sha256: str

    @property
    def stored_name(self) -> str:
        """A generated name: the user's file name never reaches the file system."""
        return f"{uuid.uuid4().hex}.{self.extension}"


def name_for_type(name: str, extension: str) -> str:
    """`name`, ending in an extension that fits the detected type `extension` (appended if it does not)."""
    stem, dot, current = name.rpartition(".")
    if dot and stem and current.lower() in KEEPS_EXTENSION.get(extension, {extension}):
        return name
    return f"{name}.{extension}"


def safe_display_name(name: str) -> str:
    """The last path component of `name`, reduced to safe characters ("../../etc/passwd" → "passwd").

    Control and bidi/format characters go first: "report\u202egpj.exe" must not display as
    "reportexe.jpg" anywhere.
    """
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c) not in {"Cc", "Cf"})
    base = base.strip().lstrip(".")
    try:
        cleaned = get_valid_filename(base)
    except Exception:  # Django refuses names that clean to nothing or to "." / ".."
        cleaned = ""
    if not cleaned:
        raise ValidationError(_("The file name %(name)s cannot be used; rename the file and try again.") % {"name": name})
    return cleaned[:200]


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 3:
            return False
    return True


def _office_zip(upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in OFFICE_ZIP.items():
        if any(n.startswith(prefix) for n in names):
            return kind
    return None


def _detect(upload, head: bytes, display_name: str) -> tuple[str, str]:
    """(extension, content type) from the content; a ValidationError for anything not allowed."""
    refused = ValidationError(
        _("%(name)s is not a PDF, Office document, image or plain text file (judged by its content, not its name).")
        % {"name": display_name}
    )
    kind = filetype.guess(head)
    if kind is None:
        if head.startswith(OLE_MAGIC):
            ext = display_name.rsplit(".", 1)[-1].lower()
            return (ext, OLE_TYPES[ext]) if ext in OLE_TYPES else ("doc", OLE_TYPES["doc"])
        if _is_text(head):
            return "txt", "text/plain; charset=utf-8"
        raise refused
    if kind.extension == "pdf":
        return "pdf", "application/pdf"
    if kind.extension in IMAGE_TYPES:
        return kind.extension, kind.mime
    if kind.extension in {"zip", "docx", "xlsx", "pptx"}:
        office = _office_zip(upload)
        if office:
            return office
    if kind.extension in {"doc", "xls", "ppt"}:
        return kind.extension, OLE_TYPES[kind.extension]
    raise refused


def check_upload(upload) -> CheckedUpload:
    """Check an uploaded file; raise ValidationError with a message the user can act on.

    1. Size against PORTAL_MAX_UPLOAD_MB, before reading anything.
    2. A safe display name from the user's name (path components dropped).
    3. The type from the first bytes (and, for Office packages, the zip's table of contents).
    4. The SHA-256 over the whole file, read in chunks.
    """
    limit = settings.PORTAL_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; the largest allowed is %(limit)d MB.")
            % {"size": upload.size / 1024 / 1024, "limit": settings.PORTAL_MAX_UPLOAD_MB}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    display_name = safe_display_name(upload.name)
    upload.seek(0)
    head = upload.read(HEAD)
    extension, content_type = _detect(upload, head, display_name)
    display_name = name_for_type(display_name, extension)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(extension, content_type, display_name, upload.size, digest.hexdigest())
