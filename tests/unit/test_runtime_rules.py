"""The confirmation rules without TensorFlow: every live message has one, the docs list them, and
each verdict follows from the observations (built with the child's own Recorder)."""

from __future__ import annotations

import argparse
import json

import pytest
from conftest import DOCS
from runtime_support import write

from tflint.docs import rules
from tflint.runtime import confirmations
from tflint.runtime.cli import _fail_on
from tflint.runtime.confirmations import RULES, confirm
from tflint.runtime.findings import make_finding, statement_span
from tflint.runtime.observations import Observations, Recorder

LIVE = [symbol for _, symbol, _ in rules()]


@pytest.mark.parametrize("symbol", LIVE)
def test_every_live_message_has_a_confirmation_rule(symbol):
    assert symbol in RULES, f"add a confirmation rule for {symbol} in tflint/runtime/confirmations.py"
    assert RULES[symbol].needs.strip()


@pytest.mark.parametrize("symbol", LIVE)
def test_the_runtime_docs_show_every_live_rule_as_the_code_says(symbol):
    row = f"| `{symbol}` | {RULES[symbol].needs} |"
    assert row in (DOCS / "runtime.md").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("symbol", LIVE)
def test_a_landed_message_is_no_longer_anticipated(symbol):
    assert not RULES[symbol].anticipated, f"{symbol} has landed: drop anticipated=True and check its rule"


@pytest.fixture
def module(tmp_path):
    return write(
        tmp_path,
        "module.py",
        """
        import time

        import tensorflow as tf

        RATE = 0.1


        @tf.function
        def step(x):
            print(x)
            stamp = time.time()
            return x * RATE
    """,
    )


def _finding(path, line, symbol, subject=""):
    text = path.read_text().splitlines()[line - 1]
    column = text.index(subject) if subject else len(text) - len(text.lstrip())
    return make_finding(
        str(path), line, column, line, column + len(subject or text.strip()), symbol, "W7300", "message", "HIGH"
    )


def _step(recorder, calls=3, traces=(1,)):
    owner = recorder.new_owner("function", "step", "`step`", None)
    owner.calls, owner.tracing_count = calls, len(traces)
    return owner


def test_a_print_that_ran_once_in_three_calls_is_confirmed(module):
    recorder = Recorder()
    owner = _step(recorder)
    recorder.line(str(module), 10, owner.id, 1)
    result = confirm(_finding(module, 10, "tf-print-in-graph", "print(x)"), Observations(recorder.to_json()))
    assert (result.verdict, result.evidence) == (
        "confirmed",
        "print ran 1 time in 3 calls of `step`, only while TensorFlow traced it",
    )


def test_runs_in_a_keras_symbolic_build_are_not_calls(module):
    recorder = Recorder()
    build = recorder.new_owner("graph", "scratch_graph", "a Keras symbolic build (not a call)")
    recorder.line(str(module), 10, build.id, 7)
    result = confirm(_finding(module, 10, "tf-print-in-graph", "print(x)"), Observations(recorder.to_json()))
    assert result.verdict == "not-exercised"
    assert "Keras symbolic build" in result.evidence


def test_a_trace_time_value_names_the_call_and_the_constant(module):
    recorder = Recorder()
    owner = _step(recorder, calls=5)
    recorder.line(str(module), 11, owner.id, 1)
    result = confirm(_finding(module, 11, "tf-trace-time-value", "time.time()"), Observations(recorder.to_json()))
    assert result.verdict == "confirmed"
    assert result.evidence.startswith("`time.time()` ran 1 time in 5 calls of `step`")
    assert "graph constant" in result.evidence


def _global(recorder, module, owner, stale, checked):
    recorder.line(str(module), 12, owner.id, 1)
    recorder.globals[(0, owner.id)] = {
        "path": str(module),
        "line": 12,
        "name": "RATE",
        "owner": owner.id,
        "traced_value": "0.1",
        "checked_runs": checked,
        "stale_runs": stale,
        "example": {"traced": "0.1", "now": "0.0", "run": 3} if stale else None,
    }


@pytest.mark.parametrize(
    ("stale", "checked", "calls", "expected", "evidence"),
    [
        (
            1,
            2,
            3,
            "confirmed",
            "`RATE` was 0.1 when `step` was traced and 0.0 at 1 call after that which did not retrace (3 calls, traced once)",
        ),
        (
            0,
            2,
            3,
            "not-reproduced",
            "`RATE` kept the value 0.1 that `step` was traced with, over its 2 calls after that",
        ),
        (0, 0, 0, "not-exercised", "`RATE` was read while tracing `step`, which never ran afterwards"),
    ],
)
def test_frozen_global_verdicts(module, stale, checked, calls, expected, evidence):
    recorder = Recorder()
    owner = _step(recorder, calls=calls)
    _global(recorder, module, owner, stale, checked)
    finding = _finding(module, 12, "tf-frozen-python-global", "RATE")
    assert finding.subject == "RATE"
    assert confirmations.watches([finding])["globals"] == [
        {"path": str(module), "first": 12, "last": 12, "name": "RATE"}
    ]
    result = confirm(finding, Observations(recorder.to_json()))
    assert (result.verdict, result.evidence) == (expected, evidence)


def test_internal_errors_are_never_confirmed(module):
    result = confirm(_finding(module, 10, "tf-internal-error"), Observations({}))
    assert result.verdict == "not-reproduced"
    assert result.evidence.startswith("tflint bug:")


def test_a_message_without_a_rule_is_not_exercised_and_says_so(module):
    result = confirm(_finding(module, 10, "tf-from-the-future"), Observations({}))
    assert (result.verdict, result.evidence) == (
        "not-exercised",
        "tflint has no confirmation rule for tf-from-the-future yet",
    )


def test_a_failing_rule_does_not_stop_the_report(module, monkeypatch):
    def broken(finding, observations):
        raise KeyError("oops")

    monkeypatch.setitem(RULES, "tf-print-in-graph", confirmations.Rule("tf-print-in-graph", "x", broken))
    result = confirm(_finding(module, 10, "tf-print-in-graph", "print(x)"), Observations({}))
    assert result.verdict == "not-exercised" and "please report it" in result.evidence


def test_removed_modules_are_looked_up_when_no_import_error_was_seen(tmp_path):
    script = write(
        tmp_path,
        "contrib.py",
        """
        import tensorflow as tf

        layers = tf.contrib.layers if hasattr(tf, "contrib") else None
    """,
    )
    finding = _finding(script, 3, "tf-v1-removed-module", "tf.contrib.layers")
    assert confirmations.watches([finding])["modules"] == ["tensorflow.contrib", "tensorflow.contrib.layers"]
    recorder = Recorder()
    recorder.line(str(script), 3, None, None)
    recorder.module_checks.update({"tensorflow.contrib": "missing: tensorflow.contrib"})
    recorder.run["tensorflow_version"] = "2.21.0"
    result = confirm(finding, Observations(recorder.to_json()))
    assert (result.verdict, result.evidence) == (
        "confirmed",
        "the line ran and `tensorflow.contrib` does not exist in TensorFlow 2.21.0",
    )


def test_observations_survive_json(module):
    recorder = Recorder()
    owner = _step(recorder)
    recorder.line(str(module), 10, owner.id, 1)
    recorder.line(str(module), 10, owner.id, 1)
    data = json.loads(json.dumps(recorder.to_json()))
    stats = Observations(data).line_stats(str(module), 10, 10)
    assert (stats.eager, stats.trace_runs, stats.traced) == (0, 2, {owner.id: {1}})


def test_statement_spans_cover_multi_line_statements_and_headers_only(tmp_path):
    source = write(
        tmp_path,
        "spans.py",
        """
        import tensorflow as tf


        @tf.function(
            autograph=True)
        def step(x):
            value = tf.add(
                x, 1)
            if value > 0:
                print(value)
            return value
    """,
    )
    path = str(source)
    assert statement_span(path, 4) == (4, 6)  # decorator to def: the header
    assert statement_span(path, 8) == (7, 8)  # the second line of an assignment
    assert statement_span(path, 9) == (9, 9)  # the if header, not its body
    assert statement_span(path, 10) == (10, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not-reproduced", ("not-reproduced",)),
        ("none", ()),
        ("confirmed,not-exercised", ("confirmed", "not-exercised")),
    ],
)
def test_fail_on_values(text, expected):
    assert _fail_on(text) == expected


def test_fail_on_rejects_unknown_verdicts():
    with pytest.raises(argparse.ArgumentTypeError):
        _fail_on("sometimes")
