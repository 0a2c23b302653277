"""Shared test helpers: paths and an in-process pylint run with only tflint enabled."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
DOCS = REPO / "docs"
PYTHON = sys.executable


def lint_paths(*paths: str | os.PathLike, extra: tuple[str, ...] = ()) -> list:
    """Lint ``paths`` in process with tflint's messages only; returns pylint's messages."""
    reporter = CollectingReporter()
    Run(
        ["--load-plugins=tflint", "--disable=all", "--enable=tflint,astroid-error,fatal",
         "--persistent=no", "--score=no", *extra, *map(str, paths)],
        reporter=reporter,
        exit=False,
    )
    if paths:
        _forget_modules_under(Path(os.path.commonpath([os.path.abspath(p) for p in paths])))
    return reporter.messages


def _forget_modules_under(folder: Path) -> None:
    """Drop astroid's cached modules parsed from ``folder``.

    astroid keeps the first module of each name for the whole process, so a later test with
    a same-named module (``utils.py``) in another temporary folder would be linted against the
    stale one. Clearing the whole cache instead would cost a re-parse of pylint's own imports.
    """
    from astroid import MANAGER  # pylint: disable=import-outside-toplevel

    prefix = str(folder)
    if prefix == os.path.sep or str(REPO).startswith(prefix):
        return  # a folder above the checkout would also drop tflint's and pylint's own modules
    for name, module in list(MANAGER.astroid_cache.items()):
        if (module.file or "").startswith(prefix):
            del MANAGER.astroid_cache[name]


@pytest.fixture
def lint_source(tmp_path):
    """Write ``source`` to a module in a fresh folder and lint it: returns (symbol, line) pairs."""

    def run(source: str, name: str = "case.py") -> list[tuple[str, int]]:
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        return sorted((m.symbol, m.line) for m in lint_paths(path))

    return run
