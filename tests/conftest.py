"""Shared test helpers: paths, an in-process pylint run with only tflint enabled, each test's kind
from its folder, and the one check that TensorFlow is there for the tests that need it.

The tests live in one folder per kind (``tests/<kind>/``), and a test gets that kind as its marker:
``pytest -m "unit or functional"`` (``make test-fast``) is the inner loop, without TensorFlow and
without subprocesses. tests/ has no ``__init__.py``: pytest imports each test module by its
basename (keep them unique across the folders) and puts tests/ on ``sys.path`` for this module
and tests/runtime_support.py.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SAMPLES = REPO / "samples"
DOCS = REPO / "docs"
BAD_SAMPLES = sorted(SAMPLES.glob("*/bad.py"))
GOOD_SAMPLES = sorted(SAMPLES.glob("*/good.py"))
_ANNOTATION = re.compile(r"#\s*\[([a-z0-9, -]+)\]\s*$")
FUNCTIONAL = TESTS / "functional"  # tests/functional/<symbol>/*.py: the pylint-format functional cases
PYTHON = sys.executable
# The markers declared in pyproject.toml, one per folder of tests/.
KINDS = ("unit", "functional", "integration", "runtime")

# TensorFlow's C++ log level for the whole session: every worker had it when tests/ imported
# TensorFlow at collection time, and subprocesses inherit it (their stderr stays quiet).
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def kind_of(path: str | os.PathLike) -> str | None:
    """The kind of the test file at ``path``: the folder of tests/ it lives in (None elsewhere)."""
    try:
        parts = Path(path).resolve().relative_to(TESTS).parts
    except ValueError:
        return None
    return parts[0] if len(parts) > 1 and parts[0] in KINDS else None


@pytest.hookimpl(tryfirst=True)  # before pytest's own -m selection reads the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        kind = kind_of(item.path)
        if kind is not None:
            item.add_marker(kind)


@pytest.fixture(scope="session", autouse=True)
def _fast_path_never_imports_tensorflow(request: pytest.FixtureRequest):
    """A session of unit and functional tests only (``make test-fast``) must leave TensorFlow
    unimported in this process: tflint's static side never imports it, and the inner loop stays fast."""
    yield
    kinds = {kind_of(item.path) for item in request.session.items}
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("tensorflow", "keras", "tf_keras"))
    if kinds <= {"unit", "functional"} and loaded:
        pytest.fail(f"a unit or functional test imported TensorFlow: {', '.join(loaded[:5])}", pytrace=False)


_NO_TENSORFLOW = (
    "{name} is not importable by {python}: the tests under tests/runtime/ need it. `make test` installs "
    "it (pip install -e '.[dev]' brings tflint[runtime]); `make test-fast` runs the tests that do not."
)


@pytest.fixture(scope="session")
def tensorflow_installed() -> None:
    """Fail, never skip, when TensorFlow is missing: it is part of the suite's install.

    Looks the package up without importing it (the tests run it in subprocesses); one look-up per
    session and worker, at the first test that needs it, not at collection.
    """
    try:
        found = importlib.util.find_spec("tensorflow") is not None
    except (ImportError, ValueError):  # an import hook that refuses it, a broken install
        found = False
    if not found:
        pytest.fail(_NO_TENSORFLOW.format(name="TensorFlow", python=PYTHON), pytrace=False)


@pytest.fixture(autouse=True)
def _runtime_tests_need_tensorflow(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("runtime") is not None:
        request.getfixturevalue("tensorflow_installed")


def _import_or_fail(name: str):
    try:
        return importlib.import_module(name)
    except ImportError as error:
        pytest.fail(f"{_NO_TENSORFLOW.format(name=name, python=PYTHON)}\n{error!r}", pytrace=False)


@pytest.fixture(scope="session")
def tensorflow(tensorflow_installed):
    """TensorFlow imported into this test process (for the tests that inspect its API)."""
    return _import_or_fail("tensorflow")


@pytest.fixture(scope="session")
def keras(tensorflow):
    """The Keras that TensorFlow uses, imported into this test process."""
    return _import_or_fail("keras")


def lint_paths(*paths: str | os.PathLike, extra: tuple[str, ...] = ()) -> list:
    """Lint ``paths`` in process with tflint's messages only; returns pylint's messages."""
    reporter = CollectingReporter()
    Run(
        [
            "--load-plugins=tflint",
            "--disable=all",
            "--enable=tflint,astroid-error,fatal",
            "--persistent=no",
            "--score=no",
            *extra,
            *map(str, paths),
        ],
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


def source_copy(dest: Path) -> Path:
    """What a clone of the checkout holds (tracked and new, unignored files), symbolic links kept."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source, target = REPO / name, dest / name
        if not os.path.lexists(source):
            continue  # deleted in the work tree, not yet in the index
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        elif source.is_file():
            shutil.copy2(source, target)
    return dest


def annotated_findings(path: Path) -> list[tuple[str, int]]:
    """``(symbol, line)`` for each ``# [symbol, ...]`` annotation of a sample, sorted."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _ANNOTATION.search(line)
        if match:
            found.extend((symbol.strip(), number) for symbol in match.group(1).split(","))
    return sorted(found)


def sample_id(path: Path) -> str:
    """``tf-print-in-graph/bad.py``: a sample's test id."""
    return f"{path.parent.name}/{path.name}"
