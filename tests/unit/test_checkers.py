"""Unit tests of each checker with pylint's CheckerTestCase."""

from __future__ import annotations

import astroid
from pylint.interfaces import HIGH
from pylint.testutils import CheckerTestCase, MessageTest

from tflint.analysis import context
from tflint.checkers.frozen_python_global import FrozenPythonGlobalChecker
from tflint.checkers.print_in_graph import PrintInGraphChecker
from tflint.checkers.python_side_effect import PythonSideEffectChecker
from tflint.checkers.trace_time_value import TraceTimeValueChecker


class _Case(CheckerTestCase):
    def setup_method(self) -> None:
        super().setup_method()
        context.reset()


class TestPrintInGraph(_Case):
    CHECKER_CLASS = PrintInGraphChecker

    def test_print_in_tf_function(self):
        call = astroid.extract_node(
            """
            import tensorflow as tf
            @tf.function
            def step(x):
                print(x) #@
                return x
            """
        )
        with self.assertAddsMessages(
            MessageTest(
                "tf-print-in-graph",
                node=call,
                args=("print()", "step", "`step` is traced by @tf.function at line 3"),
                confidence=HIGH,
                line=5,
                col_offset=4,
                end_line=5,
                end_col_offset=12,
            )
        ):
            self.walk(call.root())

    def test_tf_print_is_fine(self):
        module = astroid.parse("import tensorflow as tf\n@tf.function\ndef f(x):\n    tf.print(x)\n")
        with self.assertNoMessages():
            self.walk(module)

    def test_user_function_called_print_is_fine(self):
        module = astroid.parse(
            "import tensorflow as tf\ndef print(*a):\n    return a\n@tf.function\ndef f(x):\n    print(x)\n"
        )
        with self.assertNoMessages():
            self.walk(module)


class TestPythonSideEffect(_Case):
    CHECKER_CLASS = PythonSideEffectChecker

    def test_append_to_global_list(self):
        module = astroid.parse(
            "import tensorflow as tf\nseen = []\n@tf.function\ndef f(x):\n    seen.append(x)\n    return x\n"
        )
        self.walk(module)
        (message,) = self.linter.release_messages()
        assert message.msg_id == "tf-python-side-effect"
        assert message.args[0] == "`seen.append(...)` on the module-level `seen`"
        assert message.line == 5

    def test_ambiguous_method_on_unknown_object_is_not_reported(self):
        module = astroid.parse(
            "import tensorflow as tf\nclass M(tf.Module):\n    def __init__(self, tracker):\n"
            "        self.tracker = tracker\n    @tf.function\n    def f(self, x):\n"
            "        self.tracker.update(x)\n        return x\n"
        )
        with self.assertNoMessages():
            self.walk(module)


class TestTraceTimeValue(_Case):
    CHECKER_CLASS = TraceTimeValueChecker

    def test_numpy_random_in_dataset_map(self):
        module = astroid.parse(
            "import numpy as np\nimport tensorflow as tf\n"
            "ds = tf.data.Dataset.range(3).map(lambda x: x + np.random.rand())\n"
        )
        self.walk(module)
        (message,) = self.linter.release_messages()
        assert message.msg_id == "tf-trace-time-value"
        assert message.args[0] == "np.random.rand"

    def test_seeding_is_fine(self):
        module = astroid.parse("import random\nimport tensorflow as tf\n@tf.function\ndef f(x):\n    random.seed(1)\n")
        with self.assertNoMessages():
            self.walk(module)


class TestFrozenPythonGlobal(_Case):
    CHECKER_CLASS = FrozenPythonGlobalChecker

    def test_reported_once_per_function(self):
        module = astroid.parse(
            "import tensorflow as tf\nRATE = 1.0\ndef set_rate(v):\n    global RATE\n    RATE = v\n"
            "@tf.function\ndef f(x):\n    return x * RATE + RATE\n"
        )
        self.walk(module)
        messages = self.linter.release_messages()
        assert [(m.msg_id, m.line, m.args[1], m.args[2]) for m in messages] == [
            ("tf-frozen-python-global", 8, "RATE", 5)
        ]

    def test_constant_is_fine(self):
        module = astroid.parse("import tensorflow as tf\nRATE = 1.0\n@tf.function\ndef f(x):\n    return x * RATE\n")
        with self.assertNoMessages():
            self.walk(module)


class TestLoggingOption(_Case):
    CHECKER_CLASS = PythonSideEffectChecker
    SOURCE = (
        "import logging\nimport tensorflow as tf\n@tf.function\ndef f(x):\n    logging.info('tracing')\n    return x\n"
    )

    def test_logging_reported_by_default(self):
        self.walk(astroid.parse(self.SOURCE))
        assert [m.msg_id for m in self.linter.release_messages()] == ["tf-python-side-effect"]

    def test_logging_can_be_turned_off(self):
        self.linter.config.tf_report_logging = False
        with self.assertNoMessages():
            self.walk(astroid.parse(self.SOURCE))
