"""Which code runs traced, and why: the graph context every rule stands on."""

from __future__ import annotations

import textwrap

import astroid
import pytest
from pylint.interfaces import CONTROL_FLOW, HIGH

from tflint.analysis import context


@pytest.fixture(autouse=True)
def _fresh_run():
    context.reset()


def _context_of_marked(source: str):
    node = astroid.extract_node(textwrap.dedent(source))
    return context.graph_context(node)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            """
            import tensorflow as tf
            @tf.function(autograph=False)
            def f(x):
                return x #@
            """,
            id="decorator-with-arguments",
        ),
        pytest.param(
            """
            import tensorflow as tf
            class M(tf.Module):
                def __init__(self):
                    self.step = tf.function(self._step)
                def _step(self, x):
                    return x #@
            """,
            id="call-form-on-method",
        ),
        pytest.param(
            """
            import tensorflow as tf
            ds = tf.data.Dataset.range(3).filter(lambda x: __(x > 1))
            """,
            id="dataset-filter-lambda",
        ),
        pytest.param(
            """
            import tensorflow as tf
            def body(i):
                return i + 1 #@
            @tf.function
            def loop(n):
                return tf.while_loop(lambda i: i < n, body, [0])
            """,
            id="while-loop-body-from-graph-code",
        ),
        pytest.param(
            """
            import tensorflow as tf
            def scale(x):
                return x * 2 #@
            @tf.function
            def run(strategy, x):
                return strategy.run(scale, args=(x,))
            """,
            id="strategy-run-from-graph-code",
        ),
        pytest.param(
            """
            from tensorflow import keras
            class MyMetric(keras.metrics.Metric):
                def update_state(self, y_true, y_pred, sample_weight=None):
                    return y_true #@
            """,
            id="keras-metric-update-state",
        ),
        pytest.param(
            """
            import keras
            def my_loss(y_true, y_pred):
                return y_true - y_pred #@
            model = keras.Sequential()
            model.compile(optimizer="adam", loss=my_loss)
            """,
            id="loss-passed-to-compile",
        ),
        pytest.param(
            """
            import tensorflow as tf
            class Base(tf.keras.layers.Layer):
                pass
            class Child(Base):
                def call(self, x):
                    return x #@
            """,
            id="keras-layer-through-project-base-class",
        ),
    ],
)
def test_traced(source):
    assert _context_of_marked(source) is not None


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            """
            import tensorflow as tf
            def eager(x):
                return x #@
            """,
            id="plain-function",
        ),
        pytest.param(
            """
            import tensorflow as tf
            def branch(x):
                return x #@
            def eager(p, x):
                return tf.cond(p, lambda: branch(x), lambda: x)
            """,
            id="tf-cond-in-eager-code-runs-eagerly",
        ),
        pytest.param(
            """
            import tensorflow as tf
            def pyfn(x):
                return x #@
            @tf.function
            def f(x):
                return tf.py_function(pyfn, [x], tf.float32)
            """,
            id="py-function-callback",
        ),
        pytest.param(
            """
            import tensorflow as tf
            @tf.function
            def f(x):
                if tf.executing_eagerly():
                    return x #@
                return x
            """,
            id="executing-eagerly-branch",
        ),
        pytest.param(
            """
            import keras
            class Layer(keras.layers.Layer):
                def call(self, x):
                    return x #@
            model = keras.Sequential([Layer()])
            model.compile(loss="mse", run_eagerly=True)
            """,
            id="run-eagerly-true",
        ),
        pytest.param(
            """
            import tensorflow as tf
            @tf.function
            def f(x):
                return x
            def g(x):
                return f #@
            """,
            id="mentioning-a-traced-function",
        ),
        pytest.param(
            """
            items = [1, 2]
            items.map(lambda v: __(v))
            """,
            id="map-on-non-dataset",
        ),
    ],
)
def test_not_traced(source):
    assert _context_of_marked(source) is None


def test_trace_explains_the_call_chain():
    trace = _context_of_marked(
        """
        import tensorflow as tf
        def inner(x):
            return x #@
        def helper(x):
            return inner(x)
        @tf.function
        def step(x):
            return helper(x)
        """
    )
    assert trace.chain == ("step", "helper", "inner")
    assert trace.confidence == HIGH
    assert "call chain step -> helper -> inner" in trace.describe()
    assert "@tf.function at line 7" in trace.describe()


def test_keras_roots_have_lower_confidence():
    trace = _context_of_marked(
        """
        import tensorflow as tf
        class L(tf.keras.layers.Layer):
            def call(self, x):
                return x #@
        """
    )
    assert trace.confidence == CONTROL_FLOW


def _write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_helper_in_another_module_is_traced(tmp_path, lint_source):
    _write(
        tmp_path,
        {
            "proj/__init__.py": "",
            "proj/util.py": """
                def log_shape(x):
                    print(x.shape)
                    return x
            """,
            "proj/train.py": """
                import tensorflow as tf
                from proj import util

                @tf.function
                def step(x):
                    return util.log_shape(x)
            """,
        },
    )
    from conftest import lint_paths

    messages = lint_paths(tmp_path / "proj" / "util.py")
    assert [(m.symbol, m.line) for m in messages] == [("tf-print-in-graph", 3)]
    assert "in train.py" in messages[0].msg


_EARLY_RETURN = textwrap.dedent(
    """
    import tensorflow as tf

    @tf.function
    def step(x):
        a = print("traced 1")
        if not tf.executing_eagerly():
            return x
        b = print("eager 1")
        c = print("eager 2")
        return a, b, c
    """
)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)], ids=["forward", "backward", "middle-first"])
def test_statements_after_a_graph_return_in_any_order(order):
    """The answers about statements after `if not tf.executing_eagerly(): return` are kept per
    statement; asking in any order gives the same answers."""
    module = astroid.parse(_EARLY_RETURN)
    calls = [node for node in module.nodes_of_class(astroid.nodes.Call) if node.func.as_string() == "print"]
    answers = {index: context.graph_context(calls[index]) is not None for index in order}
    assert answers == {0: True, 1: False, 2: False}
