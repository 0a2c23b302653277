"""TF1 leftovers: the generated table, the hand-written replacements, name classification,
and the checkers' grouping (one message per use, repeated uses counted). The table regenerated
from the installed TensorFlow is compared in tests/runtime/test_tf1_table.py."""

from __future__ import annotations

import json

import astroid
import pytest
from pylint.interfaces import HIGH
from pylint.testutils import CheckerTestCase, MessageTest

from tflint.analysis import context, tf1
from tflint.checkers.tf1_api import V1ApiChecker
from tflint.checkers.tf1_session import V1SessionChecker
from tflint.facts import tf1_replacements
from tools import tf1_table

# ---- the generated table -------------------------------------------------------------------


def test_table_loads_and_records_the_tensorflow_version():
    data = json.loads(tf1.TABLE_PATH.read_text(encoding="utf-8"))
    assert data["tensorflow_version"].startswith("2.")
    assert data["generated_by"] == "python -m tools.tf1_table"
    assert tf1.tensorflow_version() == data["tensorflow_version"]
    assert len(data["symbols"]) > 500


@pytest.mark.parametrize(
    "path", ["placeholder", "Session", "get_variable", "variable_scope", "train.AdamOptimizer", "layers", "log"]
)
def test_tf1_only_symbols(path):
    assert tf1.lookup(tf1.TFName("v1", path)) is not None


@pytest.mark.parametrize(
    "path", ["constant", "cond", "while_loop", "Variable", "reduce_sum", "data.Dataset", "float32", "nn.relu"]
)
def test_symbols_tf2_has_with_the_same_meaning_are_not_tf1_only(path):
    assert tf1.lookup(tf1.TFName("v1", path)) is None


def test_renamed_symbols_carry_their_tf2_name():
    assert tf1.lookup(tf1.TFName("v1", "log")).tf2 == "math.log"
    assert tf1.lookup(tf1.TFName("v1", "gfile.Exists")).tf2 == "io.gfile.exists"


def test_removed_modules_are_listed_with_their_release():
    assert tf1.removed_module(tf1.TFName("tf", "contrib.layers.flatten")) == ("contrib", "2.0")
    assert tf1.removed_module(tf1.TFName("v1", "estimator.Estimator"))[0] == "estimator"
    assert tf1.removed_module(tf1.TFName("tf", "data.Dataset")) is None


def test_members_of_a_tf1_only_module_match_the_module():
    entry = tf1.lookup(tf1.TFName("v1", "layers.dense"))
    assert entry is not None and entry.key == "layers"
    assert tf1.group_key(entry, tf1.TFName("v1", "layers.dense")) == ("layers", True)


def test_top_level_names_count_only_when_tf2_lacks_them():
    assert tf1.lookup(tf1.TFName("tf", "Session")) is not None  # AttributeError in TF2
    assert tf1.lookup(tf1.TFName("tf", "summary.scalar")) is None  # TF2's own summary.scalar
    assert tf1.lookup(tf1.TFName("tf", "losses.mean_squared_error")) is None  # Keras provides tf.losses
    assert tf1.lookup(tf1.TFName("v2", "enable_v2_behavior")) is None  # tf.compat.v2 has it


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tensorflow.compat.v1.placeholder", ("v1", "placeholder")),
        ("tensorflow.placeholder", ("tf", "placeholder")),
        ("tensorflow.compat.v2.Print", ("v2", "Print")),
        ("tensorflow._api.v2.compat.v1.Session", ("v1", "Session")),
        ("tensorflow.compat.v1.compat.v2.constant", ("v2", "constant")),
        ("numpy.log", None),
        (None, None),
    ],
)
def test_split(raw, expected):
    name = tf1.split(raw)
    assert (None if name is None else (name.namespace, name.path)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tensorflow.compat.v1.Session()", True),
        ("tensorflow.compat.v1.Session().as_default()", True),
        ("tensorflow.compat.v1.get_default_session()", True),
        ("tensorflow.compat.v1.keras.backend.get_session()", True),
        ("tensorflow.compat.v1.train.MonitoredTrainingSession()", True),
        ("tensorflow.compat.v1.Session", False),
        ("tensorflow.compat.v1.Session().graph", False),
        ("requests.Session()", False),
        (None, False),
    ],
)
def test_is_session_value(raw, expected):
    assert tf1.is_session_value(raw) is expected


# ---- the generator's comparison, without TensorFlow -----------------------------------------


def _v1_cond(pred, true_fn=None, false_fn=None, strict=False, name=None, fn1=None, fn2=None):
    """TF1's cond: TF2's parameters plus deprecated ones."""


def _v2_cond(pred, true_fn=None, false_fn=None, name=None):
    """TF2's cond."""


def _v1_dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    """TF1's dropout: the second positional argument is keep_prob."""


def _v2_dropout(x, rate, noise_shape=None, seed=None, name=None):
    """TF2's dropout: the second positional argument is rate."""


def _v1_zeros_like(tensor, dtype=None, name=None, optimize=True):
    """TF1's zeros_like."""


def _v2_scalar(name, data, step=None, description=None):
    """TF2's summary.scalar."""


def _v1_scalar(name, tensor, collections=None, family=None):
    """TF1's summary.scalar."""


def _v2_zeros_like(input, dtype=None, name=None):  # pylint: disable=redefined-builtin
    """TF2's zeros_like: the first parameter is only renamed."""


def test_extra_deprecated_parameters_are_compatible():
    assert tf1_table.compatible_functions(_v1_cond, _v2_cond)


def test_a_required_parameter_at_another_position_is_not():
    assert not tf1_table.compatible_functions(_v1_dropout, _v2_dropout)


def test_a_renamed_positional_parameter_is_compatible():
    assert tf1_table.compatible_functions(_v1_zeros_like, _v2_zeros_like)


def test_new_tf2_parameters_make_a_different_function():
    assert not tf1_table.compatible_functions(_v1_scalar, _v2_scalar)


def test_a_subclass_is_compatible():
    class Base:
        pass

    class V1(Base):
        pass

    assert tf1_table.compatible(V1, Base)


# ---- the hand-written replacements ----------------------------------------------------------


def test_at_least_forty_replacements_each_with_a_fix_and_an_explanation():
    assert len(tf1_replacements.REPLACEMENTS) >= 40
    for path, (fix, explanation) in tf1_replacements.REPLACEMENTS.items():
        assert fix and explanation, path
        assert not fix.endswith("."), path


@pytest.mark.parametrize("path", sorted(tf1_replacements.REPLACEMENTS))
def test_every_replacement_is_for_a_tf1_only_symbol(path):
    if path.startswith("keras."):
        assert path in tf1.KERAS_SESSION_SYMBOLS
        return
    # A symbol, or a module whose TF1 members are TF1-only (tf.compat.v1.losses.*).
    symbols = tf1.table()["symbols"]
    members = [key for key in symbols if key.startswith(path + ".") and tf1.lookup(tf1.TFName("v1", key))]
    assert tf1.lookup(tf1.TFName("v1", path)) is not None or members


@pytest.mark.parametrize("path", sorted(tf1_replacements.TF2_SAFE))
def test_tf2_safe_symbols_are_tf1_only_in_the_table(path):
    assert tf1.lookup(tf1.TFName("v1", path)) is not None


def test_removed_module_replacements_use_the_longest_match():
    assert "GlorotUniform" in tf1_replacements.removed_module_replacement("contrib.layers.xavier_initializer")
    assert "tf.keras.layers" in tf1_replacements.removed_module_replacement("contrib.layers.conv2d")
    assert "TF2 home" in tf1_replacements.removed_module_replacement("contrib.unknown")


# ---- the checkers ---------------------------------------------------------------------------


class _Case(CheckerTestCase):
    def setup_method(self) -> None:
        super().setup_method()
        context.reset()


class TestV1Api(_Case):
    CHECKER_CLASS = V1ApiChecker

    def test_repeated_uses_are_counted_on_the_first(self):
        module = astroid.parse(
            "import tensorflow.compat.v1 as tf\n"
            "def build():\n"
            "    a = tf.get_variable('a', [1])\n"
            "    b = tf.get_variable('b', [1])\n"
            "    return a, b, tf.get_variable('c', [1])\n"
        )
        self.walk(module)
        (message,) = self.linter.release_messages()
        assert message.msg_id == "tf-v1-api"
        assert message.line == 3
        assert message.args[0] == "`tf.get_variable` (tf.compat.v1.get_variable)"
        assert message.args[-1] == " (and 2 more uses in `build`)"

    def test_each_function_reports_its_own_first_use(self):
        module = astroid.parse(
            "import tensorflow as tf\n"
            "def f():\n    return tf.compat.v1.get_default_graph()\n"
            "def g():\n    return tf.compat.v1.get_default_graph()\n"
        )
        self.walk(module)
        assert [m.line for m in self.linter.release_messages()] == [3, 5]

    def test_same_meaning_in_tf2_is_silent(self):
        module = astroid.parse(
            "import tensorflow.compat.v1 as tf\n"
            "x = tf.cond(tf.constant(True), lambda: 1, lambda: 2)\n"
            "y = tf.while_loop(lambda i: i < 3, lambda i: i + 1, [0])\n"
        )
        with self.assertNoMessages():
            self.walk(module)

    def test_removed_module_at_import(self):
        node = astroid.extract_node("import tensorflow.contrib.slim as slim #@\nnet = slim.conv2d(1, 2)\n")
        with self.assertAddsMessages(
            MessageTest(
                "tf-v1-removed-module",
                node=node,
                args=(
                    "import tensorflow.contrib.slim as slim",
                    "contrib",
                    "2.0",
                    "the import fails with ModuleNotFoundError",
                    "use the tf_slim package, or Keras layers",
                    "",
                ),
                confidence=HIGH,
                line=1,
                col_offset=0,
                end_line=1,
                end_col_offset=38,
            )
        ):
            self.walk(node.root())


class TestV1Session(_Case):
    CHECKER_CLASS = V1SessionChecker

    def test_a_variable_named_session_is_not_a_session(self):
        module = astroid.parse(
            "import tensorflow as tf\nimport requests\n"
            "session = requests.Session()\nsession.run('x')\n"
            "def f(sess):\n    return sess.run(1, feed_dict={})\n"
        )
        with self.assertNoMessages():
            self.walk(module)

    def test_session_run_with_feed_dict(self):
        module = astroid.parse(
            "import tensorflow as tf\n"
            "def main(y, x):\n"
            "    with tf.compat.v1.Session() as sess:\n"
            "        return sess.run(y, feed_dict={x: 1.0})\n"
        )
        self.walk(module)
        messages = self.linter.release_messages()
        assert [(m.line, m.args[0]) for m in messages] == [(3, "tf.compat.v1.Session()"), (4, "sess.run(...)")]
        assert "feed_dict" in messages[1].args[1]
