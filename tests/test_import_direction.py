"""The apps depend in one direction: every import of every module (function-local ones too) points down.

Floors, bottom to top:
  0. the ground floor, `portal` without its shell: accounts and roles, permissions, the registry,
     notifications, the queue, the cache helpers, dates;
  1. `agreement`: the parties, the clauses, the matrix;
  2. `activities`, `governance`: beside one another, neither imports the other;
  3. `coordination` (§4–§5 between the parties: approving plans, settling findings, the directors'
     contacts, escalation to the chairs) reads both, and `members` (what member companies and the
     public see, drawn from the plans, §1 P1) beside it; neither imports the other;
  4. the project's shell: `portal.settings`, `portal.urls`, `portal.wsgi`, `portal.celery`, and the
     package's `portal/__init__.py`, which loads the Celery app as Celery's Django recipe has it (so
     `shared_task` binds to it in every process); `portal.celery` itself imports no app.
A module may import its own app and any floor below its own, never a floor above nor a sibling app.
Where the ground floor needs an app's objects, the app registers them (portal.registry).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHELL = {"portal.settings", "portal.urls", "portal.wsgi", "portal.celery"}
SHELL_PACKAGE_INIT = "portal"  # as an importer only: `from portal import permissions` names the ground floor
FLOORS = {"portal": 0, "agreement": 1, "activities": 2, "governance": 2, "coordination": 3, "members": 3}
SHELL_FLOOR = 4
# Calls that import a module named by a string: an import all the same.
DYNAMIC_IMPORTS = {"import_module", "__import__", "import_string"}


def _place(module: str) -> tuple[str, int] | None:
    """(app, floor) of a module of ours, or None for Django, libraries and the standard library."""
    if any(module == s or module.startswith(f"{s}.") for s in SHELL):
        return "shell", SHELL_FLOOR
    app = module.split(".")[0]
    return (app, FLOORS[app]) if app in FLOORS else None


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.AST, module: str, is_package: bool):
    """(line, imported module) for every import in the tree, at any depth, relative ones resolved."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            yield node.lineno, target
            # `from portal import urls` may import a submodule: check `portal.urls` too.
            for alias in node.names:
                yield node.lineno, f"{target}.{alias.name}"
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in DYNAMIC_IMPORTS and node.args and isinstance(node.args[0], ast.Constant):
                if isinstance(node.args[0].value, str):
                    yield node.lineno, node.args[0].value


def violations(module: str, source: str, *, is_package: bool = False) -> list[str]:
    """The imports in `source` (the text of `module`) that run against the direction of the floors."""
    here = ("shell", SHELL_FLOOR) if module == SHELL_PACKAGE_INIT else _place(module)
    if here is None:
        return []
    app, floor = here
    found = []
    for line, target in _imported(ast.parse(source), module, is_package):
        there = _place(target)
        if there is None or there[0] == app:
            continue
        if there[1] >= floor:
            found.append(f"{module}:{line} imports {target} ({there[0]}, floor {there[1]} ≥ {floor})")
    return found


def app_modules():
    for app in FLOORS:
        for path in sorted((ROOT / app).rglob("*.py")):
            yield path


def test_it_walks_every_module_of_every_app():
    names = {_module_name(p) for p in app_modules()}
    assert {"portal.permissions", "portal.registry", "agreement.services", "activities.services.findings",
            "governance.views", "coordination.monthly", "coordination.migrations.0001_initial"} <= names
    assert not any(name.startswith("tests") for name in names)


def test_it_finds_no_import_against_the_direction():
    found = []
    for path in app_modules():
        found += violations(_module_name(path), path.read_text(), is_package=path.name == "__init__.py")
    assert not found, "imports against the direction of the floors:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "module, source",
    [
        ("portal.permissions", "def visible_boards(user):\n    from governance.models import Board\n"),
        ("portal.dashboard", "from activities import selectors\n"),
        ("portal.navigation", "from agreement.selectors import parties_by_slug\n"),
        ("portal.models", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from agreement.models import Organisation\n"),
        ("portal.management.commands.seed_demo", "import importlib\nimportlib.import_module('governance.demo')\n"),
        ("agreement.services", "from coordination.monthly import month_start\n"),
        ("governance.views", "from activities.models import Plan\n"),
        ("activities.services.plans", "from coordination.models import PlanApproval\n"),
        ("governance.rules", "from coordination import selectors\n"),
        ("coordination.dashboard", "from members import selectors\n"),
        ("coordination.views", "from portal import urls\n"),
        ("activities.tasks", "from portal.celery import app\n"),
    ],
)
def test_it_catches_an_upward_or_sideways_import(module, source):
    assert violations(module, source), f"{source!r} in {module} should be refused"


@pytest.mark.parametrize(
    "module, source",
    [
        ("coordination.monthly", "from agreement.selectors import party_staff\nfrom portal.notifications import notify\n"),
        ("agreement.services", "from portal import permissions\n"),
        ("portal.urls", "from coordination import views\nfrom governance import views\n"),
        ("portal.views", "from .. import permissions\n"),
        ("governance.selectors", "from . import rules\nfrom .models import Board\n"),
        ("coordination.services", "from activities.models import Plan\nfrom governance.selectors import chairs\n"),
    ],
)
def test_it_lets_an_import_downwards_or_within_an_app_pass(module, source):
    assert not violations(module, source, is_package=module == "portal.views")
