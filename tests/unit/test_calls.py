"""The call-site analysis behind the retracing rules (:mod:`tflint.analysis.calls`)."""

from __future__ import annotations

import textwrap

import astroid
import pytest
from astroid import nodes

from tflint.analysis import calls, context


@pytest.fixture(autouse=True)
def _fresh_run():
    context.reset()


def _marked_call(source: str) -> nodes.Call:
    node = astroid.extract_node(textwrap.dedent(source))
    assert isinstance(node, nodes.Call), node
    return node


def _site(source: str) -> calls.CallSite:
    site = calls.call_site(_marked_call(source))
    assert site is not None
    return site


HEADER = """
import functools
import itertools
import numpy as np
import tensorflow as tf

@tf.function
def step(x, value, flag=False):
    return x

x = tf.constant(1.0)
"""


@pytest.mark.parametrize(
    ("body", "kind", "varies"),
    [
        pytest.param("for i in range(9):\n    step(x, i) #@", calls.LOOP_VARIABLE, True, id="range-counter"),
        pytest.param("for i, b in enumerate([1]):\n    step(x, i) #@", calls.LOOP_VARIABLE, True, id="enumerate-index"),
        pytest.param("for i, b in enumerate([1]):\n    step(x, b) #@", calls.UNKNOWN, False, id="enumerate-item"),
        pytest.param("for i in itertools.count():\n    step(x, i) #@", calls.LOOP_VARIABLE, True, id="itertools-count"),
        pytest.param("for i, b in zip(range(3), [x]):\n    step(x, i) #@", calls.LOOP_VARIABLE, True, id="zip-range"),
        pytest.param("for i in range(9):\n    step(x, i * 0.5) #@", calls.LOOP_VALUE, True, id="arithmetic"),
        pytest.param(
            "lr = 0.1\nfor i in range(9):\n    step(x, lr) #@\n    lr *= 0.5",
            calls.LOOP_VALUE,
            True,
            id="augmented-after-the-call",
        ),
        pytest.param("n = 0\nwhile n < 9:\n    step(x, n) #@\n    n += 1", calls.LOOP_VALUE, True, id="while-counter"),
        pytest.param(
            "for i in range(9):\n    v = float(step(x, 1))\n    step(x, v) #@",
            calls.LOOP_VALUE,
            True,
            id="float-of-a-tensor",
        ),
        pytest.param("for i in range(9):\n    step(x, f'{i}') #@", calls.STRING, True, id="f-string"),
        pytest.param("for i in range(9):\n    step(x, 'same') #@", calls.LITERAL, False, id="constant-string"),
        pytest.param("for i in range(9):\n    step(x, [i, 1]) #@", calls.DISPLAY, True, id="list-with-counter"),
        pytest.param("for i in range(9):\n    step(x, [1, 2]) #@", calls.LITERAL, False, id="constant-list"),
        pytest.param("for i in range(9):\n    step(x, {i}) #@", calls.DISPLAY, True, id="set-with-counter"),
        pytest.param("for i in range(9):\n    step(x, (i, 2)) #@", calls.DISPLAY, True, id="tuple-with-counter"),
        pytest.param("for i in range(9):\n    step(x, {'lr': i / 10}) #@", calls.DISPLAY, True, id="dict-with-value"),
        pytest.param("for i in range(9):\n    step(x, lambda t: t) #@", calls.FUNCTION, True, id="lambda"),
        pytest.param("for i in range(9):\n    step(x, functools.partial(abs)) #@", calls.FUNCTION, True, id="partial"),
        pytest.param(
            "class C:\n    pass\nfor i in range(9):\n    step(x, C()) #@", calls.FRESH_OBJECT, True, id="fresh-object"
        ),
        pytest.param(
            "import collections\nP = collections.namedtuple('P', 'a')\nclass Q(P):\n    pass\n"
            "for i in range(9):\n    step(x, Q(1)) #@",
            calls.UNKNOWN,
            False,
            id="namedtuple-by-value",
        ),
        pytest.param("for i in range(9):\n    step(x, tf.constant(i)) #@", calls.TENSOR, False, id="tensor"),
        pytest.param("for i in range(9):\n    step(x, i.numpy()) #@", calls.UNKNOWN, False, id="numpy-value"),
        pytest.param("step(x, 3) #@", calls.LITERAL, False, id="no-loop"),
        pytest.param("for i in tf.range(9):\n    step(x, i) #@", calls.UNKNOWN, False, id="tensor-range"),
        pytest.param("for i in [1, 2]:\n    step(x, i) #@", calls.UNKNOWN, False, id="bounded-literal-loop"),
        pytest.param(
            "f = lambda t: t\nfor i in range(9):\n    step(x, f) #@", calls.UNKNOWN, False, id="function-made-once"
        ),
    ],
)
def test_argument_kind(body, kind, varies):
    site = _site(HEADER + body)
    argument = site.argument("value")
    assert argument is not None
    assert (argument.kind, argument.varies) == (kind, varies)


@pytest.mark.parametrize(
    ("body", "shape_varies"),
    [
        pytest.param("for n in range(9):\n    step(tf.zeros((n, 3)), 1) #@", True, id="zeros-n"),
        pytest.param("for n in range(9):\n    step(np.ones([n]), 1) #@", True, id="numpy-ones-n"),
        pytest.param("for n in range(9):\n    step(tf.range(n), 1) #@", True, id="range-n"),
        pytest.param("for n in range(9):\n    step(x[:n], 1) #@", True, id="growing-slice"),
        pytest.param("for n in range(9):\n    step(x[n:n + 2], 1) #@", False, id="sliding-window"),
        pytest.param("for n in range(9):\n    step(x[n], 1) #@", False, id="index"),
        pytest.param("for n in range(9):\n    step(tf.zeros((4, 3)), 1) #@", False, id="fixed-shape"),
    ],
)
def test_shape_varies(body, shape_varies):
    argument = _site(HEADER + body).argument("x")
    assert argument.shape_varies is shape_varies


def test_static_shapes_of_literal_tensors():
    site = _site(HEADER + "step(tf.constant([[1.0, 2.0]]), tf.zeros((4, 2))) #@")
    assert site.argument("x").static_shape == (1, 2)
    assert site.argument("value").static_shape == (4, 2)


def test_parameters_and_input_signature_coverage():
    site = _site(
        """
        import tensorflow as tf
        class M(tf.Module):
            @tf.function(input_signature=[tf.TensorSpec([], tf.int32)])
            def step(self, n, extra=None):
                return n
            def run(self):
                for i in range(3):
                    self.step(i) #@
        """
    )
    assert site.target.positional_parameters() == ["n", "extra"]
    (argument,) = site.arguments
    assert (argument.parameter, argument.covered, argument.retraces) == ("n", True, False)
    assert not site.target.covered("extra")


def test_reduce_retracing_and_the_deprecated_spelling():
    for option in ("reduce_retracing=True", "experimental_relax_shapes=True"):
        site = _site(f"import tensorflow as tf\n@tf.function({option})\ndef f(x):\n    return x\nf(1) #@\n")
        assert site.target.reduce_retracing
    site = _site("import tensorflow as tf\n@tf.function(reduce_retracing=False)\ndef f(x):\n    return x\nf(1) #@\n")
    assert not site.target.reduce_retracing


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            "import tensorflow as tf\ndef g(x):\n    return x\nstep = tf.function(g)\nstep(1) #@\n", id="name"
        ),
        pytest.param(
            "import tensorflow as tf\nclass M:\n    def __init__(self):\n        self.step = tf.function(self._step)\n"
            "    def _step(self, x):\n        return x\n    def run(self):\n        self.step(1) #@\n",
            id="self-attribute",
        ),
        pytest.param(
            "import tensorflow as tf\nclass M:\n    @tf.function\n    def step(self, x):\n        return x\n"
            "m = M()\nm.step(1) #@\n",
            id="method-of-an-instance",
        ),
    ],
)
def test_traced_callables_are_found_through_names_and_attributes(source):
    site = _site(source)
    assert site.arguments[0].parameter == "x"


def test_plain_functions_are_not_traced_callables():
    assert calls.call_site(_marked_call("def g(x):\n    return x\ng(1) #@\n")) is None


def test_calls_inside_traced_code_are_marked():
    site = _site(HEADER + "@tf.function\ndef outer(x):\n    for i in range(3):\n        step(x, i) #@\n")
    assert site.in_graph


def test_value_passed_through_a_parameter_from_a_loop():
    site = _site(HEADER + "def run_one(v):\n    step(x, v) #@\nfor i in range(5):\n    run_one(i)\n")
    argument = site.argument("value")
    assert argument.varies and argument.confidence_inferred
    assert "run_one" in argument.detail


def test_keras_callback_epoch_is_a_changing_int():
    site = _site(
        HEADER + "class Log(tf.keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
        "        step(x, epoch) #@\n"
    )
    assert site.argument("value").varies


def test_enclosing_loops_exclude_the_iterable_and_else():
    module = astroid.parse("for a in f(1):\n    g(a)\nelse:\n    h()\n")
    loop = module.body[0]
    iterable, in_body, in_else = (call for call in module.nodes_of_class(nodes.Call))
    assert calls.enclosing_loops(iterable) == []
    assert calls.enclosing_loops(in_body) == [loop]
    assert calls.enclosing_loops(in_else) == []


def test_call_sites_across_modules(tmp_path):
    (tmp_path / "steps.py").write_text(
        "import tensorflow as tf\n@tf.function\ndef train_step(x, step):\n    return x\n", encoding="utf-8"
    )
    (tmp_path / "train.py").write_text(
        "from steps import train_step\nfor i in range(3):\n    train_step(1.0, i)\n", encoding="utf-8"
    )
    module = astroid.MANAGER.ast_from_file(str(tmp_path / "steps.py"), "steps", source=True)
    (target,) = calls.traced_callables(module)
    sites = calls.call_sites(target)
    assert [(s.call.root().name, s.call.lineno) for s in sites] == [("train", 3)]
    assert sites[0].argument("step").kind == calls.LOOP_VARIABLE


def test_calls_of_a_plain_function_by_name():
    module = astroid.parse(
        "def helper(x):\n    return x\nhelper(1)\nfor i in range(2):\n    helper(i)\nother = helper\n", module_name="m"
    )
    helper = module.body[0]
    assert [c.lineno for c in calls.calls_of(helper)] == [3, 5]


def test_the_call_index_groups_calls_by_last_name_in_source_order():
    module = astroid.parse("f(1)\nx.g()\nf(2)\ny.f(3)\n(lambda: 0)()\nf(4)\n", module_name="m")
    index = calls._CallIndex(module)
    assert [c.lineno for c in index.named("f")] == [1, 3, 4, 6]
    assert [c.lineno for c in index.named("g")] == [2]
    assert index.named("missing") == []
