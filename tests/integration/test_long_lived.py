"""tflint in a long-lived process, the way editors run pylint.

The VS Code Pylint extension runs ``pylint`` inside its language server process, once per
open or save, with the buffer on stdin and ``--clear-cache-post-run=y``. Every run must give
what a fresh ``pylint`` process gives for the same files and contents, whatever ran
before: the same file twice, different files (even same-named modules in two folders),
files edited between runs. A fresh subprocess is the ground truth each time.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from astroid import MANAGER
from pylint.lint import Run
from pylint.reporters import CollectingReporter

TFLINT_ONLY = ("--load-plugins=tflint", "--disable=all", "--enable=tflint", "--persistent=no", "--score=no")
# What the VS Code Pylint extension adds for pylint >= 2.16: drop astroid's module cache after each run.
EDITOR = ("--clear-cache-post-run=y",)

TRAIN_TRACED = """import tensorflow as tf
from utils import helper


@tf.function
def step(x):
    return helper(x)
"""
TRAIN_EAGER = """from utils import helper


def step(x):
    return helper(x)
"""
HELPER_PRINTS = """def helper(x):
    print("x is", x)
    return x
"""
HELPER_QUIET = """def helper(x):
    return x
"""
PRINT_IN_STEP = """import tensorflow as tf


@tf.function
def step(x):
    total = x + 1
    print("total", total)
    return total
"""

Finding = tuple[str, int, int, int | None, int | None, str, str]


@pytest.fixture(autouse=True, scope="module")
def fresh_astroid():
    """Start like a new editor process: nothing cached from other tests' modules.

    Every run here clears astroid's cache when it ends, except in the one test that
    keeps it on purpose, which cleans up after itself.
    """
    MANAGER.clear_cache()


def write(path: Path, text: str) -> Path:
    """Create or overwrite ``path`` with ``text``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint_in_process(*paths: Path, extra: tuple[str, ...] = EDITOR) -> list[Finding]:
    """One pylint run in this (long-lived) process."""
    reporter = CollectingReporter()
    Run([*TFLINT_ONLY, *extra, *map(str, paths)], reporter=reporter, exit=False)
    return sorted(
        (str(Path(m.abspath).resolve()), m.line, m.column, m.end_line, m.end_column, m.symbol, m.msg)
        for m in reporter.messages
    )


def lint_fresh(*paths: Path, stdin: str | None = None) -> list[Finding]:
    """The same run in a new ``python -m pylint`` process: the ground truth."""
    args = [sys.executable, "-m", "pylint", *TFLINT_ONLY, "--output-format=json2"]
    args += ["--from-stdin"] if stdin is not None else []
    result = subprocess.run(
        [*args, *map(str, paths)], input=stdin, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode < 32, result.stderr  # 32: pylint itself failed
    return sorted(
        (
            str(Path(m["absolutePath"]).resolve()),
            m["line"],
            m["column"],
            m["endLine"],
            m["endColumn"],
            m["symbol"],
            m["message"],
        )
        for m in json.loads(result.stdout)["messages"]
    )


def symbols_at(findings: list[Finding]) -> list[tuple[str, str, int]]:
    """(file name, symbol, line) of each finding, for readable expectations."""
    return [(Path(path).name, symbol, line) for path, line, _, _, _, symbol, _ in findings]


def test_same_file_twice_gives_the_same_result(tmp_path):
    """The second run of an unchanged file repeats the first, which a fresh process gives."""
    train = write(tmp_path / "train.py", PRINT_IN_STEP)

    first = lint_in_process(train)
    second = lint_in_process(train)

    assert symbols_at(first) == [("train.py", "tf-print-in-graph", 7)]
    assert first == second == lint_fresh(train)


def test_different_files_are_independent(tmp_path):
    """Two folders with the same module names; ``helper`` is traced only in ``traced/``.

    Whichever ran before, each file gets exactly its own fresh-process result.
    """
    traced = write(tmp_path / "traced" / "utils.py", HELPER_PRINTS)
    write(tmp_path / "traced" / "train.py", TRAIN_TRACED)
    eager = write(tmp_path / "eager" / "utils.py", HELPER_PRINTS)
    eager_train = write(tmp_path / "eager" / "train.py", TRAIN_EAGER)
    expected = {path: lint_fresh(path) for path in (traced, eager, eager_train)}
    assert symbols_at(expected[traced]) == [("utils.py", "tf-print-in-graph", 2)]
    assert expected[eager] == expected[eager_train] == []

    for path in (eager, traced, eager_train, traced):
        assert lint_in_process(path) == expected[path], path


def test_results_follow_edits_between_runs(tmp_path):
    """Edit a module, or the module that makes it traced, between two runs."""
    utils = write(tmp_path / "utils.py", HELPER_QUIET)
    train = write(tmp_path / "train.py", TRAIN_TRACED)
    assert lint_in_process(utils) == lint_fresh(utils) == []

    write(utils, HELPER_PRINTS)  # a print appears in the traced helper
    now = lint_in_process(utils)
    assert symbols_at(now) == [("utils.py", "tf-print-in-graph", 2)]
    assert now == lint_fresh(utils)

    write(train, TRAIN_EAGER)  # the caller is no longer a tf.function
    assert lint_in_process(utils) == lint_fresh(utils) == []

    write(train, PRINT_IN_STEP)  # the caller has its own print now, and no longer calls helper
    both = lint_in_process(train, utils)
    assert symbols_at(both) == [("train.py", "tf-print-in-graph", 7)]
    assert both == lint_fresh(train, utils)


def test_tflint_caches_are_fresh_each_run_even_when_astroid_keeps_its_own(tmp_path):
    """No ``--clear-cache-post-run``: tflint's own per-run state (the project's file list
    and import index) must still see a module that appears, then disappears."""
    utils = write(tmp_path / "utils.py", HELPER_PRINTS)
    MANAGER.clear_cache()  # whatever ran before: no module named utils or train in astroid's cache
    try:
        assert lint_in_process(utils, extra=()) == []

        train = write(tmp_path / "train.py", TRAIN_TRACED)
        appeared = lint_in_process(utils, extra=())
        assert symbols_at(appeared) == [("utils.py", "tf-print-in-graph", 2)]
        assert appeared == lint_fresh(utils)

        train.unlink()
        assert lint_in_process(utils, extra=()) == lint_fresh(utils) == []
    finally:
        MANAGER.clear_cache()  # other tests' modules named utils or train must not meet ours


def test_unsaved_buffer_on_stdin_in_process(tmp_path, monkeypatch):
    """VS Code's way: the buffer goes through ``--from-stdin`` while the disk copy differs."""
    utils = write(tmp_path / "utils.py", HELPER_QUIET)
    write(tmp_path / "train.py", TRAIN_TRACED)

    def lint_buffer(text: str) -> list[Finding]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
        return lint_in_process(utils, extra=(*EDITOR, "--from-stdin"))

    edited = lint_buffer(HELPER_PRINTS)
    assert symbols_at(edited) == [("utils.py", "tf-print-in-graph", 2)]
    assert edited == lint_fresh(utils, stdin=HELPER_PRINTS)

    assert lint_buffer(HELPER_QUIET) == lint_fresh(utils, stdin=HELPER_QUIET) == []
    assert lint_buffer(HELPER_PRINTS) == edited
