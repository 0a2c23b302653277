"""The retracing and function-lifecycle family (issue 5) where a functional test cannot reach:
calls across the project's modules and test files named as such. What real TensorFlow prints
for each bad sample is checked in tests/runtime/test_retracing_samples.py."""

from __future__ import annotations

import os

import pytest
from conftest import lint_paths

FAMILY = (
    "tf-retracing-argument",
    "tf-function-recreated",
    "tf-variable-in-graph",
    "tf-recursive-function",
    "tf-deprecated-function-argument",
    "tf-eager-debug-leftover",
    "tf-eager-training-loop",
)


def _lint(*paths) -> list[tuple[str, str, int]]:
    return sorted((m.symbol, os.path.basename(m.path), m.line) for m in lint_paths(*paths) if m.symbol in FAMILY)


def test_a_loop_in_another_module_retraces_a_tf_function(tmp_path):
    (tmp_path / "loop_steps.py").write_text(
        "import tensorflow as tf\n\n\n@tf.function\ndef train_step(x, step):\n    return x\n", encoding="utf-8"
    )
    (tmp_path / "loop_train.py").write_text(
        "import tensorflow as tf\nfrom loop_steps import train_step\n\nx = tf.constant(1.0)\nfor i in range(3):\n"
        "    train_step(x, i)\n    train_step(x, tf.constant(i))\n",
        encoding="utf-8",
    )
    assert _lint(tmp_path / "loop_train.py") == [("tf-retracing-argument", "loop_train.py", 6)]


def test_a_method_called_through_an_attribute_of_an_imported_object(tmp_path):
    (tmp_path / "trainer_model.py").write_text(
        "import tensorflow as tf\n\n\nclass Trainer(tf.Module):\n    @tf.function\n    def train_step(self, x, lr):\n"
        "        return x * lr\n",
        encoding="utf-8",
    )
    (tmp_path / "trainer_main.py").write_text(
        "import tensorflow as tf\nfrom trainer_model import Trainer\n\ntrainer = Trainer()\nlr = 0.1\n"
        "for epoch in range(5):\n    trainer.train_step(tf.ones(3), lr)\n    lr *= 0.5\n",
        encoding="utf-8",
    )
    assert _lint(tmp_path / "trainer_main.py") == [("tf-retracing-argument", "trainer_main.py", 7)]


def test_a_value_passed_through_a_helper_in_another_module(tmp_path):
    (tmp_path / "retrace_helpers.py").write_text(
        "import tensorflow as tf\n\n\n@tf.function\ndef train_step(x, step):\n    return x\n\n\n"
        "def run_one(x, step):\n    return train_step(x, step)\n",
        encoding="utf-8",
    )
    (tmp_path / "retrace_driver.py").write_text(
        "from retrace_helpers import run_one\n\nfor i in range(3):\n    run_one(1.0, i)\n", encoding="utf-8"
    )
    messages = [m for m in lint_paths(tmp_path / "retrace_helpers.py") if m.symbol == "tf-retracing-argument"]
    assert [(m.line, m.confidence.name) for m in messages] == [(10, "INFERENCE")]
    assert "line 4 of retrace_driver.py" in messages[0].msg


@pytest.mark.parametrize("name", ["train_test.py", "test_train.py", "conftest.py"])
def test_eager_switches_in_test_files_stay_silent(tmp_path, name):
    source = (
        "import tensorflow as tf\n\ntf.config.run_functions_eagerly(True)\nmodel = tf.keras.Sequential()\n"
        "model.compile('sgd', 'mse', run_eagerly=True)\n"
    )
    (tmp_path / name).write_text(source, encoding="utf-8")
    (tmp_path / "debug_train.py").write_text(source, encoding="utf-8")
    assert _lint(tmp_path / name, tmp_path / "debug_train.py") == [
        ("tf-eager-debug-leftover", "debug_train.py", 3),
        ("tf-eager-debug-leftover", "debug_train.py", 5),
    ]


def test_a_training_step_called_in_a_loop_of_another_module(tmp_path):
    (tmp_path / "eager_steps.py").write_text(
        "import tensorflow as tf\n\nw = tf.Variable(1.0)\nopt = tf.keras.optimizers.SGD(0.1)\n\n\n"
        "def train_step(x):\n    with tf.GradientTape() as tape:\n        loss = w * x\n"
        "    opt.apply_gradients([(tape.gradient(loss, w), w)])\n",
        encoding="utf-8",
    )
    (tmp_path / "eager_loop.py").write_text(
        "from eager_steps import train_step\n\nfor i in range(3):\n    train_step(2.0)\n", encoding="utf-8"
    )
    messages = [
        m
        for m in lint_paths(tmp_path / "eager_steps.py", extra=("--enable=tf-eager-training-loop",))
        if m.symbol == "tf-eager-training-loop"
    ]
    assert [(m.line, m.confidence.name) for m in messages] == [(7, "INFERENCE")]
    assert "eager_loop.py" in messages[0].msg


def test_the_eager_training_loop_suggestion_is_off_by_default(tmp_path):
    """``default_enabled: False``: a plain ``--load-plugins=tflint`` run leaves it off, the other rules on."""
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel
    from pylint.reporters import CollectingReporter  # pylint: disable=import-outside-toplevel

    empty = tmp_path / "empty.py"
    empty.write_text('"""Nothing to lint."""\n', encoding="utf-8")
    run = Run(
        ["--load-plugins=tflint", "--persistent=no", "--score=no", str(empty)],
        reporter=CollectingReporter(),
        exit=False,
    )
    assert not run.linter.is_message_enabled("tf-eager-training-loop")
    assert all(run.linter.is_message_enabled(symbol) for symbol in FAMILY if symbol != "tf-eager-training-loop")
