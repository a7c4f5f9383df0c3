"""Downloads: streamed with the right name, type and headers; the zip holds what the user may see; all logged."""

import io
import zipfile

from governance.models import DownloadLog


def test_a_download_is_an_attachment_with_safe_headers(boards, client_for, difos_observer):
    material = boards["censec"].materials["ordinary"]
    response = client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;") and "censec-ordinary.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_x_accel_redirect_hands_the_file_to_nginx_after_the_check(settings, boards, client_for, difos_observer):
    settings.PORTAL_X_ACCEL_REDIRECT = "/protected-media/"
    material = boards["censec"].materials["ordinary"]
    response = client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/")
    assert response["X-Accel-Redirect"] == f"/protected-media/{material.current.file.name}"
    assert response.content == b""
    personnel = boards["censec"].materials["personnel"]
    assert client_for(difos_observer).get(f"/governance/materials/{personnel.pk}/download/").status_code == 404


def test_the_zip_holds_the_files_in_agenda_order_unchanged(boards, client_for, censec_board, media_root):
    fixture = boards["censec"]
    response = client_for(censec_board).get(f"/governance/meetings/{fixture.meeting.pk}/materials.zip")
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None
    assert archive.namelist() == [
        "00 - censec-whole.pdf",
        "01 - censec-ordinary.pdf",
        "02 - censec-personnel.pdf",
        "03 - censec-internal_secretariat.pdf",
    ]
    assert archive.read("02 - censec-personnel.pdf") == (media_root / fixture.materials["personnel"].current.file.name).read_bytes()


def test_every_download_is_logged_and_the_secretariat_sees_the_log(boards, client_for, difos_observer, censec_secretariat, difos_secretariat):
    fixture = boards["censec"]
    client = client_for(difos_observer)
    client.get(f"/governance/materials/{fixture.materials['ordinary'].pk}/download/")
    b"".join(client.get(f"/governance/meetings/{fixture.meeting.pk}/materials.zip").streaming_content)
    log = DownloadLog.objects.filter(user=difos_observer)
    assert sorted(log.values_list("via", flat=True)) == ["single", "zip", "zip"]
    assert set(log.values_list("version__material__title", flat=True)) == {
        "Zebra material censec ordinary", "Zebra material censec whole",
    }

    page = client_for(censec_secretariat).get("/governance/downloads/").content.decode()
    assert page.count('data-testid="download-row"') == 3 and "Peter Lund" in page

    other = client_for(difos_secretariat).get("/governance/downloads/").content.decode()
    assert 'data-testid="download-row"' not in other
    assert client_for(difos_observer).get("/governance/downloads/").status_code == 403
