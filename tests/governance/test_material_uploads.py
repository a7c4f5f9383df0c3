"""Uploading board materials: only the board's secretariat, type by content, size limit, safe names, versions."""

import hashlib
import io
import zipfile

import pytest
from django.utils import translation
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from governance import demo, services
from governance.models import Material, MaterialVersion
from governance.uploads import safe_display_name

from .conftest import pdf_upload


def stored_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


def docx_bytes(content_types=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if content_types:
            archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in English (the catalogue's source language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def meeting(boards):
    return boards["censec"].meeting


@pytest.fixture
def upload_as(client_for, meeting):
    def post(user, upload, **data):
        return client_for(user).post(
            f"/governance/meetings/{meeting.pk}/upload/", {"file": upload, "title": "", "kind": "material", **data}
        )

    return post


def test_the_boards_secretariat_uploads_a_pdf_with_a_checksum(upload_as, censec_secretariat, meeting, media_root):
    content = demo.minimal_pdf("Budget")
    response = upload_as(censec_secretariat, SimpleUploadedFile("Budget 2027.pdf", content))
    assert response.status_code == 302
    version = MaterialVersion.objects.get(material__title="Budget_2027.pdf")
    assert version.sha256 == hashlib.sha256(content).hexdigest()
    assert version.content_type == "application/pdf" and version.size == len(content)
    assert version.original_name == "Budget_2027.pdf"
    assert version.file.name.startswith("materials/censec/") and "Budget" not in version.file.name
    assert (media_root / version.file.name).read_bytes() == content


@pytest.mark.parametrize("user", ["difos_secretariat", "censec_board", "censec_director"])
def test_nobody_else_may_upload(request, upload_as, meeting, user):
    response = upload_as(request.getfixturevalue(user), pdf_upload())
    assert response.status_code in (403, 404)
    assert not Material.objects.filter(meeting=meeting, title="file.pdf").exists()


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(settings, upload_as, censec_secretariat, media_root):
    settings.PORTAL_MAX_UPLOAD_MB = 1
    before = stored_files(media_root)
    response = upload_as(censec_secretariat, SimpleUploadedFile("big.txt", b"a" * (1024 * 1024 + 1)))
    assert response.status_code == 400
    assert "1 MB" in response.content.decode()
    assert stored_files(media_root) == before
    assert not Material.objects.filter(title="big.txt").exists()


def test_a_renamed_executable_is_refused(upload_as, censec_secretariat, media_root):
    before = stored_files(media_root)
    executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"PE\x00\x00" + b"\x00" * 200
    response = upload_as(censec_secretariat, SimpleUploadedFile("minutes.pdf", executable))
    assert response.status_code == 400
    assert "minutes.pdf" in response.content.decode()
    assert stored_files(media_root) == before


def test_a_path_traversal_name_is_reduced_to_its_last_part_and_stored_inside_media_root(censec_secretariat, meeting, media_root):
    material = services.material_upload(
        user=censec_secretariat, upload=SimpleUploadedFile("../../etc/passwd", b"root:x:0:0\n"), meeting=meeting, title="",
    )
    version = material.current
    assert version.original_name == "passwd.txt"  # plain text: the name says so
    path = (media_root / version.file.name).resolve()
    assert path.is_relative_to(media_root.resolve()) and path.suffix == ".txt"


@pytest.mark.parametrize("name", ["../..", "..\\..\\", "...", "/"])
def test_a_name_that_is_only_a_path_is_refused_clearly(name):
    with pytest.raises(ValidationError, match="cannot be used"):
        safe_display_name(name)


def test_office_documents_are_recognised_by_their_package(censec_secretariat, meeting):
    material = services.material_upload(
        user=censec_secretariat, upload=SimpleUploadedFile("notes.docx", docx_bytes()), meeting=meeting, title="Notes"
    )
    assert material.current.content_type.endswith("wordprocessingml.document")
    with pytest.raises(ValidationError, match="judged by its content"):
        services.material_upload(
            user=censec_secretariat, upload=SimpleUploadedFile("fake.docx", docx_bytes(content_types=False)),
            meeting=meeting, title="Fake",
        )


def test_a_new_version_replaces_the_file_and_keeps_the_old(boards, client_for, censec_secretariat, media_root):
    material = boards["censec"].materials["ordinary"]
    old = material.current
    client = client_for(censec_secretariat)
    new_content = demo.minimal_pdf("Version two")
    response = client.post(f"/governance/materials/{material.pk}/new-version/", {"file": SimpleUploadedFile("v2.pdf", new_content)})
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.current.number == 2 and material.current.pk != old.pk
    assert b"".join(client.get(f"/governance/materials/{material.pk}/download/").streaming_content) == new_content
    first = client.get(f"/governance/materials/{material.pk}/versions/1/download/")
    assert b"".join(first.streaming_content) == (media_root / old.file.name).read_bytes()
    assert material.versions.count() == 2


def test_a_material_inherits_its_items_category(boards):
    fixture = boards["censec"]
    assert fixture.materials["personnel"].confidentiality == "personnel"
    assert fixture.meeting_material.confidentiality == "ordinary"


def test_a_refused_new_version_keeps_the_current_one(boards, client_for, censec_secretariat, media_root):
    material = boards["censec"].materials["ordinary"]
    before = stored_files(media_root)
    client = client_for(censec_secretariat)
    response = client.post(
        f"/governance/materials/{material.pk}/new-version/", {"file": SimpleUploadedFile("v2.pdf", b"MZ\x90\x00" + b"\x00" * 300)},
        follow=True,
    )
    assert "v2.pdf" in response.content.decode()  # the refusal names the file
    material.refresh_from_db()
    assert material.current.number == 1 and material.versions.count() == 1
    assert stored_files(media_root) == before


@pytest.mark.parametrize("name, content, served", [
    ("evil.html", b"<script>alert(1)</script>", "evil.html.txt"),
    ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "evil.svg.txt"),
    ("report\u202egpj.exe", b"just text", "reportgpj.exe.txt"),
    ("notes.txt", b"just text", "notes.txt"),
    ("table.csv", b"a,b\n1,2\n", "table.csv"),
    ("Budget.PDF", None, "Budget.PDF"),
])
def test_a_download_is_named_for_its_detected_type(upload_as, client_for, censec_secretariat, meeting, media_root, name, content, served):
    from urllib.parse import unquote

    upload_as(censec_secretariat, SimpleUploadedFile(name, content or demo.minimal_pdf("x")))
    version = MaterialVersion.objects.latest("id")
    assert version.original_name == served
    response = client_for(censec_secretariat).get(f"/governance/materials/{version.material.pk}/download/")
    disposition = unquote(response["Content-Disposition"])
    assert served in disposition and "\u202e" not in disposition
    names = zipfile.ZipFile(io.BytesIO(b"".join(client_for(censec_secretariat).get(
        f"/governance/meetings/{meeting.pk}/materials.zip").streaming_content))).namelist()
    assert any(n.endswith(served) for n in names)


def test_a_version_stored_under_a_dangerous_name_before_the_fix_still_downloads_as_text(upload_as, client_for, censec_secretariat):
    upload_as(censec_secretariat, SimpleUploadedFile("old.txt", b"<script>alert(1)</script>"))
    version = MaterialVersion.objects.latest("id")
    MaterialVersion.objects.filter(pk=version.pk).update(original_name="old.html")
    response = client_for(censec_secretariat).get(f"/governance/materials/{version.material.pk}/download/")
    assert response["Content-Type"].startswith("text/plain")
    assert 'filename="old.html.txt"' in response["Content-Disposition"]
