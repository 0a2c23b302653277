"""tflint's options reach pylint's worker processes (``-j 2``), in a real ``pylint`` process (the
in-process option tests are in tests/unit/test_config.py, whose module this one lints)."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import PYTHON

# tests/ is on sys.path: the unit tests hold the one copy of the module
from unit.test_config import PROJECT

from tflint.analysis import context


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder holding the module; pylint looks for its configuration from here."""
    (tmp_path / "model.py").write_text(PROJECT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    context.reset()  # back to the default options for the tests that follow


def test_options_reach_pylints_worker_processes(project):
    (project / "other.py").write_text(PROJECT, encoding="utf-8")
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "pylint",
            "--load-plugins=tflint",
            "--disable=all",
            "--enable=tf-print-in-graph",
            "-j",
            "2",
            "--tf-graph-decorators=compiled",
            "--tf-keras-traced=n",
            "model.py",
            "other.py",
        ],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
    )
    assert (result.stderr, result.returncode) == ("", 4)
    reported = sorted(re.findall(r"^(\w+)\.py:(\d+):", result.stdout, flags=re.MULTILINE))
    assert reported == [("model", "9"), ("other", "9")]
