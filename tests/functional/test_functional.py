"""Pylint-format functional tests: ``tests/functional/<rule>/*.py`` with ``# [symbol]`` lines.

Regenerate the expected ``.txt`` files after a deliberate message change with
``python tests/functional/test_functional.py --update`` (add case paths or name fragments after it to
regenerate only those: ``--update tf_retracing_argument_graph``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from unittest.mock import patch

import pytest
from pylint.testutils import LintModuleTest, lint_module_test
from pylint.testutils.functional import FunctionalTestFile, LintModuleOutputUpdate

FUNCTIONAL = Path(__file__).parent  # this folder: one sub-folder of cases per rule
CASES = sorted(FUNCTIONAL.glob("*/*.py"))
# pylint's annotation pattern (pylint.testutils.constants._EXPECTED_RE) only allows [a-z-] in
# a symbol; ours may hold digits (tf-v1-api). Same syntax otherwise: `# [sym]`, `# +1: [sym]`.
_SYMBOL = r"[a-z][a-z0-9\-]+"
_EXPECTED = re.compile(
    r"\s*#\s*(?:(?P<line>[+-]?[0-9]+):)?(?:(?P<op>[><=]+) *(?P<version>[0-9.]+):)?"
    rf"\s*\[(?P<msgs>{_SYMBOL}(?:,\s*{_SYMBOL})*)]"
)


class _SymbolsWithDigits:
    """pylint's expected-message parser, with digits allowed in symbols."""

    @staticmethod
    def get_expected_messages(stream) -> Counter:
        with patch.object(lint_module_test, "_EXPECTED_RE", _EXPECTED):
            return LintModuleTest.get_expected_messages(stream)


class _Case(_SymbolsWithDigits, LintModuleTest):
    pass


class _Update(_SymbolsWithDigits, LintModuleOutputUpdate):
    pass


def _test_file(path: Path) -> FunctionalTestFile:
    return FunctionalTestFile(str(path.parent), path.name)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_functional(path: Path) -> None:
    """Each annotated line gets exactly its messages; every other line stays clean."""
    case = _Case(_test_file(path))
    case.setUp()
    case.runTest()


def test_every_rule_has_positive_and_noerror_cases() -> None:
    """Each rule folder holds positives and must-stay-clean near misses."""
    for folder in sorted(p for p in FUNCTIONAL.iterdir() if p.is_dir() and p.name.startswith("tf-")):
        stems = {p.stem for p in folder.glob("*.py")}
        assert any(s.endswith("_noerror") for s in stems), folder.name
        assert any(not s.endswith("_noerror") for s in stems), folder.name


if __name__ == "__main__" and "--update" in sys.argv:
    _wanted = sys.argv[sys.argv.index("--update") + 1 :]
    for case_path in CASES:
        if _wanted and not any(fragment in str(case_path) for fragment in _wanted):
            continue
        updater = _Update(_test_file(case_path))
        updater.setUp()
        updater.runTest()
