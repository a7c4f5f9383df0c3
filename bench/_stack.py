"""The portal as production runs it, on loopback over a throwaway database: shared by the load benches.

`setup()` points this process at the throwaway stack and sets Django up (production settings,
DEBUG off, a file cache as `make run` has without Redis); `gunicorn()` serves it; `session_cookie()`
logs a user in without the login form. Import it before anything from Django.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def require_wrk() -> None:
    if shutil.which("wrk") is None:
        print("SKIP: wrk is not installed (apt-get install -y wrk); no figures measured.")
        sys.exit(0)


def setup(work: Path, *, database_url: str = "") -> dict:
    """Configure this process for a stack under `work` and call django.setup(); returns the servers' environment."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url or f"sqlite:///{work / 'bench.sqlite3'}",
        "CACHE_URL": f"filecache://{work / 'cache'}",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "PORTAL_BROKER_URL": "memory://",
        "EMAIL_URL": "dummymail://",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "PORTAL_REQUIRE_MFA": "0",
        "LOG_LEVEL": "WARNING",
        # Persistent connections, as a production deployment runs: each gunicorn worker keeps its own.
        "CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    env.pop("REDIS_URL", None)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return env


def migrate() -> None:
    """The schema, the agreement and the static files (the manifest storage needs them)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_agreement", stdout=open(os.devnull, "w"))
    call_command("collectstatic", interactive=False, verbosity=0)


def session_cookie(user) -> str:
    """A Cookie header value for a session of `user`, made without the login form."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict, *, workers: int):
    """gunicorn with `workers` sync workers on a free loopback port; yields its base URL once /healthz answers."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=15)
