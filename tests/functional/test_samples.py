"""The shipped samples, linted: bad gives exactly its annotations, good gives none. Their runs with
real TensorFlow are in tests/runtime/test_sample_runs.py."""

from __future__ import annotations

import pytest
from conftest import BAD_SAMPLES, GOOD_SAMPLES, annotated_findings, lint_paths, sample_id


def _lint_sample(path) -> list:
    """Lint a sample with its rule named, as a user who opted in to an off-by-default rule does
    (``--enable=tflint`` alone leaves those off; naming an on-by-default rule changes nothing)."""
    return lint_paths(path, extra=(f"--enable={path.parent.name}",))


@pytest.mark.parametrize("path", BAD_SAMPLES, ids=sample_id)
def test_bad_sample_raises_exactly_its_annotations(path):
    expected = annotated_findings(path)
    assert expected, "a bad sample must annotate its pitfalls"
    assert all(symbol == path.parent.name or symbol.startswith("tf-") for symbol, _ in expected)
    assert path.parent.name in {symbol for symbol, _ in expected}
    assert sorted((m.symbol, m.line) for m in _lint_sample(path)) == expected


@pytest.mark.parametrize("path", GOOD_SAMPLES, ids=sample_id)
def test_good_sample_is_clean(path):
    assert [(m.symbol, m.line, m.msg) for m in _lint_sample(path)] == []
