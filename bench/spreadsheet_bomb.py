"""Time and peak memory of reading hostile spreadsheets (issue 14, "A 1.6 KB workbook takes a worker down").

Each file is read by the plan import's reader in a fresh process; the figures are its wall time
and its peak RSS (ru_maxrss) above the interpreter's baseline. Limits: 2 s and 50 MB each; exit
status 1 if one is exceeded. Reading needs no database, so SQLite and PostgreSQL do not differ.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECONDS, LIMIT_MB = 2.0, 50

CHILD = """
import os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
import django; django.setup()
from django.core.exceptions import ValidationError
from activities import spreadsheets
from tests.hostile_files import xlsx_dimension_bomb, xlsx_zip_bomb
kind, size = sys.argv[1], int(sys.argv[2])
if kind == "dimension":
    name, data = "bomb.xlsx", xlsx_dimension_bomb(header=spreadsheets.COLUMNS, last_row=size)
elif kind == "zip":
    name, data = "zip.xlsx", xlsx_zip_bomb(unpacked_mb=size)
else:
    name, data = "blank.csv", ",".join(spreadsheets.COLUMNS).encode() + b"\\r\\n" * size
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    spreadsheets.read(name, data)
    outcome = "read"
except ValidationError as exc:
    outcome = "refused: " + exc.messages[0]
seconds = time.perf_counter() - start
peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(f"{len(data)}|{seconds:.3f}|{peak:.1f}|{outcome}")
"""

CASES = [
    ("dimension", 20000, "XLSX claiming A1:XFD20000"),
    ("dimension", 1048576, "XLSX claiming A1:XFD1048576"),
    ("zip", 200, "XLSX with a 200 MB member"),
    ("csv", 1_000_000, "CSV of a million blank lines"),
]


def main() -> int:
    failed = False
    for kind, size, label in CASES:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, kind, str(size)], cwd=ROOT, capture_output=True, text=True,
            env={"DEBUG": "1", "PATH": "/usr/bin:/bin", "LANGUAGE": "en"},
        )
        if result.returncode:
            print(result.stderr)
            return 1
        size_bytes, seconds, peak, outcome = result.stdout.strip().splitlines()[-1].split("|", 3)
        over = float(seconds) > LIMIT_SECONDS or float(peak) > LIMIT_MB
        failed |= over
        print(f"{label:34} {int(size_bytes):>9,} B  {float(seconds):6.2f} s  +{float(peak):6.1f} MB  {outcome}{'  OVER LIMIT' if over else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
