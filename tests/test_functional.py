"""Pylint-format functional tests: ``tests/functional/<rule>/*.py`` with ``# [symbol]`` lines.

Regenerate the expected ``.txt`` files after a deliberate message change with
``python tests/test_functional.py --update``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pylint.testutils import LintModuleTest
from pylint.testutils.functional import FunctionalTestFile, LintModuleOutputUpdate

FUNCTIONAL = Path(__file__).parent / "functional"
CASES = sorted(FUNCTIONAL.glob("*/*.py"))


def _test_file(path: Path) -> FunctionalTestFile:
    return FunctionalTestFile(str(path.parent), path.name)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_functional(path: Path) -> None:
    """Each annotated line gets exactly its messages; every other line stays clean."""
    case = LintModuleTest(_test_file(path))
    case.setUp()
    case.runTest()


def test_every_rule_has_positive_and_noerror_cases() -> None:
    """Each rule folder holds positives and must-stay-clean near misses."""
    for folder in sorted(p for p in FUNCTIONAL.iterdir() if p.is_dir() and p.name.startswith("tf-")):
        stems = {p.stem for p in folder.glob("*.py")}
        assert any(s.endswith("_noerror") for s in stems), folder.name
        assert any(not s.endswith("_noerror") for s in stems), folder.name


if __name__ == "__main__" and "--update" in sys.argv:
    for case_path in CASES:
        updater = LintModuleOutputUpdate(_test_file(case_path))
        updater.setUp()
        updater.runTest()
