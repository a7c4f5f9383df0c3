"""The overlap check against the secretariats' labelled pairs in ../shared/overlap-dev/ (issue 9)."""

import os
from pathlib import Path

import pytest

from activities import quality

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def dev_set():
    folder = quality.find_dev_set(REPO)
    if folder is None:
        message = f"No shared/overlap-dev/ in {REPO} or a folder above it (CI puts shared/ beside the clone)."
        if os.environ.get("PORTAL_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return folder


def test_it_finds_the_labelled_overlaps_and_little_else(agreement, dev_set):
    result = quality.evaluate(dev_set)
    assert result.recall >= 0.9, f"missed: {sorted(result.missed)}"
    assert result.precision >= 0.9, f"wrong: {sorted(result.wrong)}"


def test_it_finds_the_dev_set_beside_the_repository_from_anywhere_inside(tmp_path):
    (tmp_path / "shared" / "overlap-dev").mkdir(parents=True)
    (tmp_path / "shared" / "overlap-dev" / "labels.csv").write_text("pair\n")
    inside = tmp_path / "clone" / "tests"
    inside.mkdir(parents=True)
    assert quality.find_dev_set(inside) == tmp_path / "shared" / "overlap-dev"
    assert quality.find_dev_set(tmp_path / "clone") == tmp_path / "shared" / "overlap-dev"
