"""The shipped samples, linted: bad gives exactly its annotations, good gives none. Their runs with
real TensorFlow are in tests/runtime/test_sample_runs.py."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLES, lint_paths

BAD = sorted(SAMPLES.glob("*/bad.py"))
GOOD = sorted(SAMPLES.glob("*/good.py"))
_ANNOTATION = re.compile(r"#\s*\[([a-z0-9, -]+)\]\s*$")


def _expected(path) -> list[tuple[str, int]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _ANNOTATION.search(line)
        if match:
            found.extend((symbol.strip(), number) for symbol in match.group(1).split(","))
    return sorted(found)


def _id(path) -> str:
    return f"{path.parent.name}/{path.name}"


def _lint_sample(path) -> list:
    """Lint a sample with its rule named, as a user who opted in to an off-by-default rule does
    (``--enable=tflint`` alone leaves those off; naming an on-by-default rule changes nothing)."""
    return lint_paths(path, extra=(f"--enable={path.parent.name}",))


@pytest.mark.parametrize("path", BAD, ids=_id)
def test_bad_sample_raises_exactly_its_annotations(path):
    expected = _expected(path)
    assert expected, "a bad sample must annotate its pitfalls"
    assert all(symbol == path.parent.name or symbol.startswith("tf-") for symbol, _ in expected)
    assert path.parent.name in {symbol for symbol, _ in expected}
    assert sorted((m.symbol, m.line) for m in _lint_sample(path)) == expected


@pytest.mark.parametrize("path", GOOD, ids=_id)
def test_good_sample_is_clean(path):
    assert [(m.symbol, m.line, m.msg) for m in _lint_sample(path)] == []
