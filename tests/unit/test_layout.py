"""The test suite's own layout: every test module lives in the folder of its kind, which gives it its
marker (tests/conftest.py), under a basename no other test module has."""

from __future__ import annotations

import sys
from collections import Counter

from conftest import KINDS, REPO, TESTS, kind_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pylint's own dependency on Python 3.10
    import tomli as tomllib


def _test_modules():
    return sorted(p for p in TESTS.rglob("test_*.py") if "__pycache__" not in p.parts)


def test_every_test_module_lives_in_the_folder_of_its_kind():
    outside = [str(p.relative_to(TESTS)) for p in _test_modules() if kind_of(p) is None or p.parent.parent != TESTS]
    assert outside == [], f"move them to tests/<kind>/, kind one of {', '.join(KINDS)}"


def test_test_module_basenames_are_unique():
    """tests/ has no __init__.py: pytest imports each test module by its basename alone."""
    counts = Counter(p.name for p in _test_modules())
    assert [name for name, count in counts.items() if count > 1] == []


def test_each_kind_is_a_declared_marker():
    options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    declared = [line.split(":", 1)[0] for line in options["markers"]]
    assert declared == list(KINDS)
    assert "--strict-markers" in options["addopts"].split()
