"""The shipped samples run with real TensorFlow: they must run and show what they observe (what
they print is checked against the rule pages in tests/runtime/test_sample_quotes.py)."""

from __future__ import annotations

import pytest
from conftest import BAD_SAMPLES, GOOD_SAMPLES, sample_id
from runtime_support import run_sample


@pytest.mark.parametrize("path", BAD_SAMPLES + GOOD_SAMPLES, ids=sample_id)
def test_sample_runs_with_real_tensorflow(path, tmp_path_factory):
    result = run_sample(tmp_path_factory, path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip(), "a sample prints what it observed"
