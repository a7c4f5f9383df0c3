"""`make run` (bin/run-dev): links follow PORT, and Ctrl-C or SIGTERM stops the web server, the worker
and beat — every process it started — within a few seconds.

The script runs for real on a free port, with its database, broker, cache and logs in a temporary
directory (so the working tree's db.sqlite3 is never touched).
"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
STOP_WITHIN = 8  # seconds: the script allows Celery 5 s of warm shutdown, then kills


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdecimal():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


@pytest.fixture
def run_dev(tmp_path):
    if not Path("/proc").is_dir():
        pytest.skip("needs Linux /proc to follow the processes")
    port = free_port()
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "PORTAL_", "DJANGO_", "PYTEST"))}
    env = {
        **keep, "PORT": str(port), "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PORTAL_BROKER_DIR": str(tmp_path / "broker"), "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
        "MEDIA_ROOT": str(tmp_path / "media"), "PORTAL_VAR_DIR": str(tmp_path / "var"),
    }
    process = subprocess.Popen(
        [str(ROOT / "bin" / "run-dev")], cwd=ROOT, env=env, start_new_session=True,
        stdout=open(tmp_path / "run-dev.log", "w"), stderr=subprocess.STDOUT,
    )
    log = tmp_path / "var" / "celery.log"
    deadline = time.monotonic() + 240
    up = False
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            up = log.exists() and " ready." in log.read_text()
        except OSError:
            pass
        if up:
            break
        time.sleep(0.5)
    try:
        assert up, (tmp_path / "run-dev.log").read_text()[-3000:] + (log.read_text()[-3000:] if log.exists() else "")
        yield process, port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        for pid in descendants(process.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


@pytest.mark.parametrize("how", ["SIGTERM to the script", "Ctrl-C"])
def test_make_run_stops_everything_it_started_within_a_few_seconds(run_dev, how):
    process, port = run_dev
    started = descendants(process.pid)
    names = " | ".join(cmdline(pid) for pid in started)
    assert "celery" in names and "worker" in names and "runserver" in names, names
    # Links in emails and feeds point at the port actually served, in the web server and the worker.
    for pid in started:
        if "celery" in cmdline(pid) or "runserver" in cmdline(pid):
            assert environ(pid).get("PORTAL_BASE_URL") == f"http://127.0.0.1:{port}"
    if how == "Ctrl-C":
        os.killpg(process.pid, signal.SIGINT)  # what the terminal sends to the foreground group
    else:
        process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_WITHIN
    while time.monotonic() < deadline and (process.poll() is None or any(running(p) for p in started)):
        time.sleep(0.1)
    left = {pid: cmdline(pid) for pid in started if running(pid)}
    assert process.poll() is not None, "bin/run-dev itself is still running"
    assert not left, f"still running {STOP_WITHIN} s after {how}: {left}"
