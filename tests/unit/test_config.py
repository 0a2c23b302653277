"""tflint's options: each one, set in pyproject.toml or on the command line, changes what is reported;
message control (inline and in the configuration, by symbol and by id) works as pylint users expect."""

from __future__ import annotations

import re
import textwrap

import pytest
from conftest import DOCS, lint_paths
from pylint.lint import PyLinter, Run
from pylint.reporters import CollectingReporter

import tflint
from tflint import settings
from tflint.analysis import context

# One module where each option decides one finding.
PROJECT = textwrap.dedent(
    """\
    import logging

    import tensorflow as tf
    from mylib import compiled


    @compiled
    def wrapped(x):
        print(x)  # line 9: traced only when mylib.compiled is a graph decorator
        return x


    class Block(tf.keras.layers.Layer):
        def call(self, inputs):
            print(inputs)  # line 15: traced by Keras unless tf-keras-traced=n
            return inputs


    @tf.function
    def step(x):
        logging.info("tracing")  # line 21: reported unless tf-report-logging=n
        for _ in range(20):  # line 22: unrolled 20 times, reported from a threshold of 20 down
            x = x + 1
        return x
    """
)

# option, pyproject value, command-line value, the finding it toggles, reported by default?
OPTIONS = [
    pytest.param(
        "tf-graph-decorators",
        '["mylib.compiled"]',
        "mylib.compiled",
        ("tf-print-in-graph", 9),
        False,
        id="tf-graph-decorators makes a project wrapper trace",
    ),
    pytest.param(
        "tf-keras-traced",
        "false",
        "n",
        ("tf-print-in-graph", 15),
        True,
        id="tf-keras-traced=n makes Keras methods eager",
    ),
    pytest.param(
        "tf-report-logging",
        "false",
        "n",
        ("tf-python-side-effect", 21),
        True,
        id="tf-report-logging=n silences logging calls",
    ),
    pytest.param(
        "tf-unroll-threshold",
        "10",
        "10",
        ("tf-loop-unrolled", 22),
        False,
        id="tf-unroll-threshold=10 reports a 20-iteration loop",
    ),
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder holding the module; pylint looks for its configuration from here."""
    (tmp_path / "model.py").write_text(PROJECT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    context.reset()  # back to the default options for the tests that follow


def _findings(folder, *extra: str) -> set[tuple[str, int]]:
    return {(m.symbol, m.line) for m in lint_paths(folder / "model.py", extra=extra)}


@pytest.mark.parametrize(("option", "toml", "cli", "finding", "by_default"), OPTIONS)
def test_default(project, option, toml, cli, finding, by_default):
    assert (finding in _findings(project)) is by_default


@pytest.mark.parametrize(("option", "toml", "cli", "finding", "by_default"), OPTIONS)
def test_option_in_the_tflint_section_of_pyproject(project, option, toml, cli, finding, by_default):
    (project / "pyproject.toml").write_text(f"[tool.pylint.tflint]\n{option} = {toml}\n", encoding="utf-8")
    assert (finding in _findings(project)) is not by_default


@pytest.mark.parametrize(("option", "toml", "cli", "finding", "by_default"), OPTIONS)
def test_option_in_the_main_section_of_pyproject(project, option, toml, cli, finding, by_default):
    (project / "pyproject.toml").write_text(f"[tool.pylint.main]\n{option} = {toml}\n", encoding="utf-8")
    assert (finding in _findings(project)) is not by_default


@pytest.mark.parametrize(("option", "toml", "cli", "finding", "by_default"), OPTIONS)
def test_option_on_the_command_line(project, option, toml, cli, finding, by_default):
    assert (finding in _findings(project, f"--{option}={cli}")) is not by_default


def test_command_line_overrides_pyproject(project):
    (project / "pyproject.toml").write_text("[tool.pylint.tflint]\ntf-keras-traced = false\n", encoding="utf-8")
    assert ("tf-print-in-graph", 15) in _findings(project, "--tf-keras-traced=y")


def test_options_in_a_pylintrc(project):
    (project / ".pylintrc").write_text(
        "[TFLINT]\ntf-graph-decorators = compiled\ntf-unroll-threshold = 20\n", encoding="utf-8"
    )
    assert {("tf-print-in-graph", 9), ("tf-loop-unrolled", 22)} <= _findings(project)


def test_a_bare_decorator_name_matches_the_last_part(project):
    assert ("tf-print-in-graph", 9) in _findings(project, "--tf-graph-decorators=other,compiled")
    assert ("tf-print-in-graph", 9) not in _findings(project, "--tf-graph-decorators=otherlib.compiled")


def test_each_run_starts_from_its_own_configuration(project):
    """Editors lint many times in one process: a run's options must not leak into the next."""
    assert ("tf-print-in-graph", 9) in _findings(project, "--tf-graph-decorators=compiled", "--tf-keras-traced=n")
    assert context.settings() == settings.DEFAULTS  # reset when the run ends
    found = _findings(project)
    assert ("tf-print-in-graph", 9) not in found
    assert ("tf-print-in-graph", 15) in found


def test_an_invalid_value_is_a_usage_error_not_a_traceback(project, capsys):
    with pytest.raises(SystemExit) as stop:
        lint_paths(project / "model.py", extra=("--tf-keras-traced=maybe",))
    error = capsys.readouterr().err
    assert stop.value.code == 2
    assert "--tf-keras-traced" in error
    assert "Traceback" not in error


# ---- message control ------------------------------------------------------------------------

SUPPRESSED = textwrap.dedent(
    """\
    import tensorflow as tf


    @tf.function
    def step(x):
        print("by symbol", x)  # pylint: disable=tf-print-in-graph
        print("by id", x)  # pylint: disable=W7301
        # pylint: disable-next=tf-print-in-graph
        print("next line", x)
        print("reported", x)
        return x


    @tf.function
    def quiet(x):
        # pylint: disable=tf-print-in-graph
        print("rest of the function", x)
        return x


    @tf.function
    def loud(x):
        print("after the function", x)
        return x
    """
)


def test_inline_disable_by_symbol_by_id_and_for_the_next_line(tmp_path):
    path = tmp_path / "suppressed.py"
    path.write_text(SUPPRESSED, encoding="utf-8")
    assert [(m.symbol, m.line) for m in lint_paths(path)] == [("tf-print-in-graph", 10), ("tf-print-in-graph", 23)]


@pytest.mark.parametrize("entry", ["tf-print-in-graph", "W7301", "w7301"])
def test_disable_in_pyproject_by_symbol_or_id(tmp_path, monkeypatch, entry):
    path = tmp_path / "suppressed.py"
    path.write_text(SUPPRESSED, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.pylint.main]\nload-plugins = ["tflint"]\n\n[tool.pylint."messages control"]\ndisable = ["{entry}"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    reporter = CollectingReporter()
    Run(["--score=n", "--persistent=n", str(path)], reporter=reporter, exit=False)
    symbols = {m.symbol for m in reporter.messages}
    assert "missing-module-docstring" in symbols  # the configuration was read, pylint's checks ran
    assert not {s for s in symbols if s.startswith("tf-")}


# ---- every option is tf- prefixed and documented ---------------------------------------------


def _tflint_options() -> list[str]:
    linter = PyLinter()
    tflint.register(linter)
    return [name for checker in linter.get_checkers() if checker.name == "tflint" for name, _ in checker.options]


def test_every_option_is_prefixed_and_documented():
    names = _tflint_options()
    assert {"tf-graph-decorators", "tf-keras-traced", "tf-report-logging", "tf-unroll-threshold"} <= set(names)
    assert len(names) == len(set(names)), "an option is registered twice"
    documented = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for name in names:
        assert name.startswith("tf-"), name
        assert re.search(rf"^#+ `{re.escape(name)}`", documented, flags=re.MULTILINE), f"{name} has no section"
