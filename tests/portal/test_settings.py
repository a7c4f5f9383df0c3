"""Production settings: DEBUG off by default, no start without SECRET_KEY, a clean deploy check."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

BASE = str(settings.BASE_DIR)


def run(args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "EMAIL_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_without_debug_a_missing_secret_key_stops_start_up():
    result = run(["check"])
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("value", ["", "   "])
def test_without_debug_an_empty_secret_key_stops_start_up(value):
    result = run(["check"], SECRET_KEY=value)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run(["check", "--deploy", "--fail-level", "WARNING"], SECRET_KEY="x" * 60 + "-Aa1!" * 4, ALLOWED_HOSTS="portal.example")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_mode_needs_no_secret_key():
    assert run(["check"], DEBUG="1").returncode == 0


def test_filemail_with_an_absolute_path_writes_there(tmp_path):
    target = tmp_path / "outbox"
    result = run(["sendtestemail", "someone@example.com"], DEBUG="1", EMAIL_URL=f"filemail://{target}")
    assert result.returncode == 0, result.stderr
    written = list(target.iterdir())
    assert len(written) == 1 and "someone@example.com" in written[0].read_text()
    assert not (settings.BASE_DIR / str(target).lstrip("/")).exists()


def test_links_default_to_the_port_make_run_serves():
    shown = run(["shell", "-c", "from django.conf import settings; print(settings.PORTAL_BASE_URL)"], DEBUG="1", PORT="8123")
    assert shown.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123", shown.stderr
