"""The plugin entry: registration, message ids and checker names, opt-in rules (in process; the
subprocess runs of pylint are in tests/integration/test_plugin_processes.py)."""

from __future__ import annotations

import pkgutil
import textwrap

import pylint.extensions
import pytest
from conftest import lint_paths
from pylint.lint import PyLinter

import tflint
from tflint.checkers import ALL_CHECKERS
from tflint.checkers.base import CHECKER_NAME, OPT_IN_CHECKER_NAME, OptInChecker, TFLintChecker
from tflint.messages import BASE_ID

# A training step run eagerly in a loop (the opt-in tf-eager-training-loop, line 12) next to a
# print() in a tf.function (tf-print-in-graph, on by default, line 8).
EAGER_LOOP = textwrap.dedent(
    """\
    import tensorflow as tf

    optimizer = tf.keras.optimizers.SGD(0.1)


    @tf.function
    def double(x):
        print(x)
        return 2 * x


    def train_step(x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(x)
        optimizer.apply_gradients(zip(tape.gradient(loss, [x]), [x]))


    for _ in range(3):
        train_step(double(tf.Variable(1.0)))
    """
)


def _linter_with_everything() -> PyLinter:
    linter = PyLinter()
    linter.load_default_plugins()
    for module in pkgutil.iter_modules(pylint.extensions.__path__):
        if not module.name.startswith("_"):
            linter.load_plugin_modules([f"pylint.extensions.{module.name}"])
    return linter


def test_registers_without_collisions_with_pylint_and_all_its_extensions():
    linter = _linter_with_everything()
    tflint.register(linter)  # raises InvalidMessageError on any id or symbol clash
    ours = [m for m in linter.msgs_store.messages if m.symbol.startswith("tf-")]
    assert {m.symbol for m in ours} >= {
        "tf-print-in-graph",
        "tf-python-side-effect",
        "tf-trace-time-value",
        "tf-frozen-python-global",
        "tf-internal-error",
    }
    others = [m for m in linter.msgs_store.messages if not m.symbol.startswith("tf-")]
    assert not any(m.msgid[1:3] == str(BASE_ID) for m in others)


def test_every_message_uses_the_base_id_and_the_tf_prefix():
    for checker_class in ALL_CHECKERS:
        assert issubclass(checker_class, TFLintChecker)
        for msgid, (_, symbol, *_) in checker_class.msgs.items():
            assert msgid[1:3] == str(BASE_ID), msgid
            assert symbol.startswith("tf-"), symbol


def test_a_checkers_name_says_whether_its_rules_are_on_by_default():
    """pylint's ``--enable=<checker name>`` turns on every message of that name, so an opt-in
    rule sharing ``tflint`` with the others would be on after ``--enable=tflint``."""
    for checker_class in ALL_CHECKERS:
        defaults = {
            (options[0] if options else {}).get("default_enabled", True)
            for _, _, _, *options in checker_class.msgs.values()
        }
        assert len(defaults) == 1, f"{checker_class.__name__} mixes opt-in and default rules"
        expected = CHECKER_NAME if defaults == {True} else OPT_IN_CHECKER_NAME
        assert checker_class.name == expected, checker_class.__name__
        assert issubclass(checker_class, OptInChecker) == (expected == OPT_IN_CHECKER_NAME)


@pytest.mark.parametrize(
    "args",
    [
        ["--enable=tflint,tf-eager-training-loop"],
        ["--enable=tflint,C7336"],
        ["--enable=tflint", "--enable=c7336"],
        ["--enable=tflint,tflint-opt-in"],
    ],
    ids=["named by symbol", "named by id", "named by id in lower case", "enabled with every opt-in rule"],
)
def test_naming_an_opt_in_rule_turns_it_on(tmp_path, args):
    loop = tmp_path / "loop.py"
    loop.write_text(EAGER_LOOP, encoding="utf-8")
    found = sorted((m.symbol, m.line) for m in lint_paths(loop, extra=tuple(args)))
    assert found == [("tf-eager-training-loop", 12), ("tf-print-in-graph", 8)]


@pytest.mark.parametrize(
    ("args", "source", "expected"),
    [
        (["--disable=tflint"], EAGER_LOOP, []),
        (["--enable=tf-eager-training-loop", "--disable=tflint,tflint-opt-in"], EAGER_LOOP, []),
        (
            ["--enable=tf-eager-training-loop"],
            EAGER_LOOP.replace("def train_step(x):", "def train_step(x):  # pylint: disable=tf-eager-training-loop"),
            [("tf-print-in-graph", 8)],
        ),
    ],
    ids=["disable tflint", "disable both checker names", "a disable comment silences the opted-in rule"],
)
def test_disabling_still_works_with_opt_in_rules(tmp_path, args, source, expected):
    loop = tmp_path / "loop.py"
    loop.write_text(source, encoding="utf-8")
    assert sorted((m.symbol, m.line) for m in lint_paths(loop, extra=tuple(args))) == expected
