"""The shipped samples run with real TensorFlow: they must run and show what they observe (what
they print is checked against the rule pages in tests/runtime/test_sample_quotes.py)."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from runtime_support import run_sample

BAD = sorted(SAMPLES.glob("*/bad.py"))
GOOD = sorted(SAMPLES.glob("*/good.py"))


def _id(path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", BAD + GOOD, ids=_id)
def test_sample_runs_with_real_tensorflow(path, tmp_path_factory):
    result = run_sample(tmp_path_factory, path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip(), "a sample prints what it observed"
