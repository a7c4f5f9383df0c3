"""Every CSV and XLSX the portal writes goes through portal.spreadsheets, so none can forget to neutralise."""

import re
from pathlib import Path

from django.conf import settings

WRITERS = re.compile(r"csv\.writer\(|csv\.DictWriter\(|\bWorkbook\(|xlsxwriter")


def test_no_module_but_portal_spreadsheets_writes_csv_or_xlsx_itself():
    root = Path(settings.BASE_DIR)
    offenders = [
        str(path.relative_to(root))
        for app in ("portal", "agreement", "activities", "governance", "coordination", "members")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts and path != root / "portal" / "spreadsheets.py" and WRITERS.search(path.read_text())
    ]
    assert offenders == [], f"write spreadsheets with portal.spreadsheets: {offenders}"
