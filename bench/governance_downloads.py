"""Peak memory of the serving process while it streams board materials (issue 4, "Performance and safety").

1. A throw-away SQLite database and MEDIA_ROOT in a temporary directory get a board, a seated
   member, a meeting with one 100 MB material, and a meeting with five 50 MB materials, uploaded
   through the real service (so they are checked and checksummed like any upload).
2. The portal's WSGI application is served by a separate process (wsgiref), logged in with a
   session made directly in the database.
3. Before each download the server's peak RSS is reset (/proc/<pid>/clear_refs "5"); after it,
   the increase of the peak (VmHWM) over the RSS at the start is the figure printed.

Limits: under 2 MB for the single file, under 10 MB for the zip. Exit status 1 if one is exceeded.
Run with `make bench` (Linux: it reads /proc).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
LIMITS = {"single 100 MB material": 2 * MB, "zip of five 50 MB materials": 10 * MB}

SERVER = """
import sys, django
from wsgiref.simple_server import make_server, WSGIRequestHandler
django.setup()
from django.core.wsgi import get_wsgi_application
class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass
make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), handler_class=Quiet).serve_forever()
"""


def big_pdf(path: Path, size: int) -> None:
    """A file `size` bytes long that starts like a PDF (the upload check types it by its first bytes)."""
    block = b"%" + b"0" * (MB - 2) + b"\n"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        written = 9
        while written < size:
            chunk = block[: size - written]
            fh.write(chunk)
            written += len(chunk)


def prepare(workdir: Path) -> dict:
    import django

    django.setup()
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.files import File
    from django.core.management import call_command
    from django.utils import timezone

    from agreement.models import Organisation
    from governance import publishing, services
    from portal.models import RoleKind
    from portal.services import role_grant

    call_command("migrate", verbosity=0)
    call_command("load_agreement", stdout=open(os.devnull, "w"))
    censec = Organisation.objects.get(slug="censec")
    User = get_user_model()
    secretariat = User.objects.create_user("bench-secretariat")
    role_grant(user=secretariat, kind=RoleKind.SECRETARIAT, organisation=censec)
    member = User.objects.create_user("bench-member")
    board = services.board_ensure(organisation=censec)
    services.seat_create(
        board=board, person=services.person_create(name="Bench Member", user=member), role="member",
        term_start=timezone.localdate() - timedelta(days=1),
    )
    start = timezone.now() + timedelta(days=7)

    def meeting(title):
        return services.meeting_create(board=board, kind="board_meeting", title=title, starts_at=start, ends_at=start + timedelta(hours=2))

    def upload(target, size, name):
        source = workdir / name
        big_pdf(source, size)
        with source.open("rb") as fh:
            material = services.material_upload(user=secretariat, upload=File(fh, name=name), meeting=target, title=name)
        publishing.materials_publish(user=secretariat, materials=[material], tell=False)
        source.unlink()
        return material

    single = upload(meeting("Single"), 100 * MB, "hundred.pdf")
    zipped = meeting("Zip")
    for n in range(5):
        upload(zipped, 50 * MB, f"fifty-{n}.pdf")
    session = SessionStore()
    session["_auth_user_id"] = str(member.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = member.get_session_auth_hash()
    session.create()
    return {
        "session": session.session_key,
        "urls": {
            "single 100 MB material": f"/governance/materials/{single.pk}/download/",
            "zip of five 50 MB materials": f"/governance/meetings/{zipped.pk}/materials.zip",
        },
        "warmup": f"/governance/meetings/{zipped.pk}/",
    }


def status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/{pid}/status")


def fetch(port: int, path: str, session: str) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": f"sessionid={session}"})
    total = 0
    with urllib.request.urlopen(request, timeout=300) as response:
        while chunk := response.read(MB):
            total += len(chunk)
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    os.environ.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="portal.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        CACHE_URL="locmemcache://",
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    setup = prepare(workdir)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], cwd=ROOT, env=os.environ)
    failed = False
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        fetch(port, setup["warmup"], setup["session"])  # imports, templates, database connection
        for label, path in setup["urls"].items():
            Path(f"/proc/{server.pid}/clear_refs").write_text("5")
            before = status(server.pid, "VmRSS")
            size = fetch(port, path, setup["session"])
            increase = status(server.pid, "VmHWM") - before
            ok = increase < LIMITS[label]
            failed |= not ok
            print(
                f"{label}: {size / MB:.0f} MB sent, server peak memory +{increase / MB:.2f} MB "
                f"(limit {LIMITS[label] / MB:.0f} MB) {'ok' if ok else 'TOO HIGH'}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
        subprocess.run(["rm", "-rf", str(workdir)], check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
