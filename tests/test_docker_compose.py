"""docker-compose.yml, checked as far as a machine without a container engine allows.

CI (.ci/run) also runs Debian's `docker-compose config -q` on it with .env.example as .env. Here:
every ${VARIABLE} is defined in .env.example, each service's command exists and its arguments
parse (the management commands, the Celery app and its sub-commands, the gunicorn entry point), and
the health checks call URLs the portal serves.
"""

import importlib
import re
import shlex
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.urls import resolve

ROOT = Path(settings.BASE_DIR)
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
PORTAL_SERVICES = ["web", "worker", "beat"]


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def commands(service: str) -> list[list[str]]:
    """The service's command as argument lists: `sh -c "a && b"` is a, then b."""
    command = SERVICES[service]["command"]
    argv = shlex.split(command) if isinstance(command, str) else command
    if argv[:2] == ["sh", "-c"]:
        return [shlex.split(part) for part in argv[2].split("&&")]
    return [argv]


def celery_parses(argv: list[str]):
    """Parse `celery …` as the celery program would, without running it; the sub-command's context."""
    from celery.app.utils import find_app
    from celery.bin.base import CLIContext
    from celery.bin.celery import celery as cli

    assert argv[0] == "celery"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context = cli.make_context("celery", argv[1:])
        app = find_app(context.params["app"])
        context.obj = CLIContext(app=app, no_color=True, workdir=None, quiet=True)
        rest = [*context.protected_args, *context.args]
    sub = cli.get_command(context, rest[0])
    assert sub is not None, f"celery has no sub-command {rest[0]!r}"
    return app, sub.make_context(rest[0], rest[1:], parent=context)


def test_every_variable_the_stack_interpolates_is_in_env_example():
    used = set(re.findall(r"\$\{(\w+)", (ROOT / "docker-compose.yml").read_text()))
    assert used and used <= set(env_example()), used - set(env_example())
    for service in PORTAL_SERVICES:
        assert SERVICES[service]["env_file"] == ".env"


def test_the_web_service_migrates_loads_the_agreement_and_starts_gunicorn_on_the_portal():
    steps = commands("web")
    managed = [argv for argv in steps if argv[:2] == ["python", "manage.py"]]
    assert [argv[2] for argv in managed] == ["migrate", "load_agreement"]
    for argv in managed:
        command = load_command_class(get_commands()[argv[2]], argv[2])
        command.create_parser("manage.py", argv[2]).parse_args(argv[3:])  # exits on an unknown option
    gunicorn = steps[-1]
    assert gunicorn[0] == "gunicorn"
    module = gunicorn[1]
    assert module == settings.WSGI_APPLICATION.rsplit(".", 1)[0]
    assert callable(importlib.import_module(module).application)
    checked = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--check-config", *gunicorn[1:]],
        cwd=ROOT, env={"DEBUG": "1", "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("service, subcommand", [("worker", "worker"), ("beat", "beat")])
def test_the_worker_and_beat_run_the_portal_celery_app(service, subcommand):
    from portal.celery import app as portal_app

    (argv,) = commands(service)
    app, context = celery_parses(argv)
    assert app is portal_app
    assert context.info_name == subcommand
    if subcommand == "beat":
        schedule = context.params["schedule"]
        mounts = [volume.split(":")[1] for volume in SERVICES["beat"]["volumes"]]
        assert any(schedule.startswith(mount + "/") for mount in mounts), "beat's schedule must be on a volume"


def test_the_web_health_check_calls_the_readiness_url_on_the_port_gunicorn_binds():
    test = SERVICES["web"]["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"]
    (url,) = re.findall(r"http://[^'\"]+", " ".join(test))
    parts = urlsplit(url)
    assert resolve(parts.path).url_name == "readyz"
    bind = commands("web")[-1][commands("web")[-1].index("--bind") + 1]
    assert parts.port == int(bind.rsplit(":", 1)[1])
    ports = SERVICES["web"]["ports"]
    assert any(p.endswith(f":{parts.port}") for p in ports)


def test_the_readiness_url_answers(client, db):
    assert client.get("/readyz").status_code == 200


def test_the_worker_health_check_is_a_celery_ping_of_the_portal_app():
    test = SERVICES["worker"]["healthcheck"]["test"]
    assert test[0] == "CMD"
    app, context = celery_parses(test[1:])
    assert context.info_name == "inspect" and context.params["command"] == "ping"
    from portal.celery import app as portal_app

    assert app is portal_app


def test_the_database_and_redis_health_checks_match_their_services():
    db = SERVICES["db"]
    assert f"-U {db['environment']['POSTGRES_USER']}" in " ".join(db["healthcheck"]["test"])
    assert f"-d {db['environment']['POSTGRES_DB']}" in " ".join(db["healthcheck"]["test"])
    assert SERVICES["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    for service in PORTAL_SERVICES:
        assert SERVICES[service]["depends_on"] == {"db": {"condition": "service_healthy"}, "redis": {"condition": "service_healthy"}}


def test_uploaded_files_live_on_the_media_volume():
    dockerfile = (ROOT / "Dockerfile").read_text()
    (media_root,) = re.findall(r"MEDIA_ROOT=(\S+)", dockerfile)
    for service in PORTAL_SERVICES:
        assert f"media:{media_root}" in SERVICES[service]["volumes"]
