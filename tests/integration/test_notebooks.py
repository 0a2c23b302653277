"""Notebooks: the real ``nbqa pylint`` with tflint loaded, on the sample notebooks.

nbqa joins a notebook's code cells into one temporary module, replaces IPython magics
with placeholders, runs pylint on it and maps each reported line back to
``notebook.ipynb:cell_N:LINE``. The sample's ``@tf.function`` and the helper it calls
live in different cells, so the finding proves the graph context spans cells.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

NOTEBOOKS = REPO / "tests" / "data" / "notebooks"
BAD = "print_across_cells.ipynb"
CLEAN = "clean.ipynb"
ONLY_TFLINT = ["--disable=all", "--enable=tflint,syntax-error", "--score=no", "--persistent=no"]
# Any message line nbqa prints for a notebook: ``name.ipynb:cell_N:LINE:COL: ID: text (symbol)``.
MESSAGE_LINE = re.compile(r"^\S+\.ipynb:cell_\d+:\d+:\d+: [A-Z]\d{4}: .*\(([a-z0-9-]+)\)$", re.MULTILINE)
# The print() is line 3 of the second code cell (markdown cells are not counted);
# the @tf.function that makes it traced is `train_step`, in the fourth cell.
EXPECTED_FINDING = re.compile(
    rf"^{re.escape(BAD)}:cell_2:3:4: W7301: print\(\) in `log_step` .*`train_step`.*\(tf-print-in-graph\)$",
    re.MULTILINE,
)


def _nbqa(folder, *args: str) -> subprocess.CompletedProcess:
    """Run the real nbqa in ``folder`` (so no repository config applies) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "nbqa", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def notebooks(tmp_path):
    """A private copy of the sample notebooks: nbqa writes its temporary module beside them."""
    for name in (BAD, CLEAN):
        shutil.copy(NOTEBOOKS / name, tmp_path / name)
    return tmp_path


def test_sample_notebooks_are_nbformat_4_with_the_magics_nbqa_must_handle():
    for name in (BAD, CLEAN):
        notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
        assert (notebook["nbformat"], notebook["nbformat_minor"]) == (4, 5)
        ids = [cell["id"] for cell in notebook["cells"]]
        assert len(ids) == len(set(ids)), "nbformat 4.5 cell ids must be unique"
        for cell in notebook["cells"]:
            assert cell["cell_type"] in {"code", "markdown"}
            assert isinstance(cell["source"], list) and isinstance(cell["metadata"], dict)
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None
        sources = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
        assert any(line.startswith("%") for src in sources for line in src.splitlines())
        assert any(line.startswith("!") for src in sources for line in src.splitlines())


@pytest.mark.parametrize(
    "args",
    [
        # the plugin option before the notebook needs `=`: nbqa would take a bare `tflint` for a path
        ["pylint", "--load-plugins=tflint", BAD, *ONLY_TFLINT],
        # after the notebook, pylint's options may be spelled either way
        ["pylint", BAD, "--load-plugins", "tflint", *ONLY_TFLINT],
    ],
    ids=["option-first", "notebook-first"],
)
def test_print_in_a_helper_cell_called_from_a_traced_cell_is_reported_per_cell(notebooks, args):
    result = _nbqa(notebooks, *args)
    assert result.returncode & 4, result.stdout + result.stderr  # pylint's "warning issued" bit
    assert EXPECTED_FINDING.search(result.stdout), result.stdout + result.stderr
    # Exactly one message: the magics did not become syntax errors, nothing else fired.
    assert MESSAGE_LINE.findall(result.stdout) == ["tf-print-in-graph"], result.stdout
    assert not list(notebooks.glob("*.py")), "nbqa must remove its temporary module"


def test_clean_notebook_has_no_tflint_message(notebooks):
    result = _nbqa(notebooks, "pylint", "--load-plugins=tflint", CLEAN, *ONLY_TFLINT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert MESSAGE_LINE.findall(result.stdout) == [], result.stdout


def test_options_from_pyproject_nbqa_addopts(notebooks):
    """The documented ``[tool.nbqa.addopts]`` set-up: a bare ``nbqa pylint`` loads tflint."""
    options = ", ".join(f'"{option}"' for option in ["--load-plugins=tflint", *ONLY_TFLINT])
    (notebooks / "pyproject.toml").write_text(f"[tool.nbqa.addopts]\npylint = [{options}]\n", encoding="utf-8")
    bad = _nbqa(notebooks, "pylint", BAD)
    assert EXPECTED_FINDING.search(bad.stdout), bad.stdout + bad.stderr
    assert MESSAGE_LINE.findall(bad.stdout) == ["tf-print-in-graph"], bad.stdout
    clean = _nbqa(notebooks, "pylint", CLEAN)
    assert clean.returncode == 0 and MESSAGE_LINE.findall(clean.stdout) == [], clean.stdout + clean.stderr
