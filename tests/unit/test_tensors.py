"""Unit tests of the tensor inference: symbolic tensor, Python value, or unknown."""

from __future__ import annotations

import astroid
import pytest

from tflint.analysis import context, tensors

_HEADER = """
import numpy as np
import tensorflow as tf
from tensorflow import keras
"""


def _value(source: str) -> tensors.Value:
    """The value of the expression marked ``#@`` in ``source`` (after the TF imports)."""
    context.reset()
    node = astroid.extract_node(_HEADER + source)
    if isinstance(node, (astroid.nodes.Assign, astroid.nodes.Return, astroid.nodes.Expr)):
        node = node.value
    return tensors.value_of(node)


def _in_signature_function(body: str) -> str:
    lines = "\n".join("    " + line for line in body.strip().splitlines())
    return (
        "@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([], tf.int32)])\n"
        f"def f(x, n):\n{lines}\n"
    )


@pytest.mark.parametrize(
    ("body", "kind", "what"),
    [
        pytest.param("x #@", tensors.TENSOR, "tensor", id="input-signature-argument-is-a-tensor"),
        pytest.param("tf.shape(x) #@", tensors.TENSOR, "tensor", id="tf-shape-is-a-tensor"),
        pytest.param("tf.shape(x)[0] #@", tensors.TENSOR, "tensor", id="item-of-tf-shape-is-a-tensor"),
        pytest.param("x.shape #@", tensors.PYTHON, "shape", id="static-shape-is-a-TensorShape"),
        pytest.param("x.shape[1] #@", tensors.PYTHON, "dim", id="static-dimension-is-python"),
        pytest.param("x.shape.as_list() #@", tensors.PYTHON, "list", id="as-list-is-a-python-list"),
        pytest.param("x.dtype #@", tensors.PYTHON, "dtype", id="dtype-is-python"),
        pytest.param("tf.executing_eagerly() #@", tensors.PYTHON, "bool", id="executing-eagerly-is-a-python-bool"),
        pytest.param("tf.TensorSpec([None]) #@", tensors.PYTHON, "spec", id="tensor-spec-is-not-a-tensor"),
        pytest.param("tf.TensorShape([2, 3]) #@", tensors.PYTHON, "shape", id="tensor-shape-is-not-a-tensor"),
        pytest.param("tf.Variable(1.0) #@", tensors.TENSOR, "variable", id="variable-is-tensor-like"),
        pytest.param("x > 0 #@", tensors.TENSOR, "tensor", id="comparison-of-a-tensor"),
        pytest.param("x is None #@", tensors.PYTHON, "bool", id="identity-test-is-python"),
        pytest.param("tf.reduce_sum(x) * 2 + n #@", tensors.TENSOR, "tensor", id="arithmetic-of-tensors"),
        pytest.param("-tf.abs(x) #@", tensors.TENSOR, "tensor", id="unary-minus-of-a-tensor"),
        pytest.param("x > 0 and n > 0 #@", tensors.TENSOR, "tensor", id="boolean-operator-on-tensors"),
        pytest.param("tf.unstack(x) #@", tensors.PYTHON, "list", id="unstack-is-a-python-list"),
        pytest.param("tf.unstack(x)[0] #@", tensors.TENSOR, "tensor", id="item-of-unstack-is-a-tensor"),
        pytest.param("tf.data.Dataset.range(3).map(abs) #@", tensors.PYTHON, "dataset", id="dataset-is-not-a-tensor"),
        pytest.param("keras.layers.Dense(3) #@", tensors.PYTHON, "layer", id="layer-constructor-is-not-a-tensor"),
        pytest.param("keras.layers.Dense(3)(x) #@", tensors.TENSOR, "tensor", id="layer-output-is-a-tensor"),
        pytest.param(
            "layer = tf.keras.layers.Dense(3)\nlayer(x) #@", tensors.TENSOR, "tensor", id="output-of-a-named-layer"
        ),
        pytest.param(
            "model = keras.Sequential([keras.layers.Dense(3)])\nmodel(x) #@",
            tensors.TENSOR,
            "tensor",
            id="sequential-model-output-is-a-tensor",
        ),
        pytest.param(
            "model = keras.Model(inputs=a, outputs=b)\nmodel(x) #@",
            tensors.UNKNOWN,
            "",
            id="functional-model-output-may-be-a-structure",
        ),
        pytest.param("x[:, 0] > n #@", tensors.TENSOR, "tensor", id="comparison-of-a-subscript"),
        pytest.param("x.shape.as_list()[0] #@", tensors.PYTHON, "dim", id="item-of-as-list-is-a-dimension"),
        pytest.param("x @ x #@", tensors.TENSOR, "tensor", id="matmul-operator"),
        pytest.param("tf.random.uniform([3]) #@", tensors.TENSOR, "tensor", id="family-member-is-a-tensor"),
        pytest.param("tf.random.Generator.from_seed(1) #@", tensors.PYTHON, "generator", id="generator-object"),
        pytest.param("tf.TensorArray(tf.float32, size=2).stack() #@", tensors.TENSOR, "tensor", id="tensor-array-read"),
        pytest.param("np.zeros(3) #@", tensors.PYTHON, "ndarray", id="numpy-array-is-python"),
        pytest.param("3 * 4 #@", tensors.PYTHON, "int", id="python-arithmetic"),
        pytest.param("range(n) #@", tensors.TENSOR, "range", id="range-of-a-tensor-becomes-tf-range"),
        pytest.param("range(10) #@", tensors.PYTHON, "range", id="range-of-an-int-is-python"),
        pytest.param("int(x[0, 0]) #@", tensors.TENSOR, "tensor", id="int-of-a-tensor-is-converted"),
        pytest.param("len(x.shape) #@", tensors.PYTHON, "int", id="len-of-a-shape"),
        pytest.param("tf.cond(n > 0, lambda: x, lambda: x) #@", tensors.UNKNOWN, "", id="cond-result-is-unknown"),
        pytest.param(
            "keras.layers.LSTM(3, return_state=True)(x) #@", tensors.UNKNOWN, "", id="structured-layer-output"
        ),
        pytest.param(
            "keras.layers.LSTMCell(3)(x, [x, x]) #@", tensors.UNKNOWN, "", id="rnn-cell-output-is-a-structure"
        ),
        pytest.param(
            "keras.layers.Bidirectional(keras.layers.LSTM(3, return_state=True))(x) #@",
            tensors.UNKNOWN,
            "",
            id="wrapper-of-a-structured-layer",
        ),
        pytest.param(
            "keras.layers.Bidirectional(keras.layers.LSTM(3))(x) #@",
            tensors.TENSOR,
            "tensor",
            id="wrapper-of-a-plain-layer",
        ),
        pytest.param("tf.nn.moments(x, [0]) #@", tensors.PYTHON, "tuple", id="moments-is-a-tuple"),
        pytest.param("mean, var = tf.nn.moments(x, [0])\nmean #@", tensors.TENSOR, "tensor", id="unpacked-tuple-item"),
        pytest.param("tf.strings.split(x) #@", tensors.UNKNOWN, "", id="ragged-result-is-unknown"),
        pytest.param("y = x\ny += 1\ny #@", tensors.TENSOR, "tensor", id="augmented-assignment"),
        pytest.param("y = None\nif n > 0:\n    y = x\ny #@", tensors.UNKNOWN, "", id="none-or-tensor-is-unknown"),
        pytest.param("y = 0\nfor i in tf.range(n):\n    y = y + 1\ny #@", tensors.UNKNOWN, "", id="loop-carried-mix"),
        pytest.param("for v in x:\n    v #@", tensors.TENSOR, "tensor", id="item-of-a-tensor-loop"),
        pytest.param("for i in range(3):\n    i #@", tensors.PYTHON, "int", id="item-of-a-python-range"),
        pytest.param("for i, v in enumerate(tf.unstack(x)):\n    v #@", tensors.TENSOR, "tensor", id="enumerate-items"),
    ],
)
def test_value_in_a_function_with_input_signature(body, kind, what):
    value = _value(_in_signature_function(body))
    assert (value.kind, value.what) == (kind, what)


def test_static_dimensions_come_from_the_signature():
    assert _value(_in_signature_function("x.shape[0] #@")).literal is None
    assert _value(_in_signature_function("x.shape[1] #@")).literal == 3
    assert _value(_in_signature_function("x.shape[-1] #@")).literal == 3
    assert _value(_in_signature_function("x.shape.rank #@")).literal == 2
    assert not _value(_in_signature_function("tf.reshape(x, [-1]).shape[0] #@")).known


def test_range_length_of_constants():
    assert _value(_in_signature_function("range(2, 10 * 100) #@")).literal == 998


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        pytest.param(
            "@tf.function\ndef f(x):\n    return x #@\nf(tf.constant(1.0))\nf(tf.zeros([3]))",
            tensors.TENSOR,
            id="call-sites-pass-tensors",
        ),
        pytest.param(
            "@tf.function\ndef f(x):\n    return x #@\nf(1)\nf(2)", tensors.PYTHON, id="call-sites-pass-literals"
        ),
        pytest.param(
            "@tf.function\ndef f(x):\n    return x #@\nf(1)\nf(tf.constant(1))",
            tensors.UNKNOWN,
            id="call-sites-disagree",
        ),
        pytest.param("@tf.function\ndef f(x):\n    return x #@", tensors.UNKNOWN, id="no-call-sites"),
        pytest.param(
            "def f(x):\n    return x #@\nf(tf.constant(1.0))\nrun(f)",
            tensors.UNKNOWN,
            id="escaping-function-is-unknown",
        ),
        pytest.param(
            "def helper(x):\n    return x #@\n@tf.function\ndef g(y):\n    return helper(tf.abs(y))",
            tensors.TENSOR,
            id="helper-called-with-a-tensor",
        ),
        pytest.param(
            "def helper(x, scale=2):\n    return scale #@\nhelper(tf.constant(1.0))", tensors.PYTHON, id="default-value"
        ),
        pytest.param(
            "def parse(record):\n    return record #@\nds = tf.data.Dataset.range(3).map(parse)",
            tensors.TENSOR,
            id="dataset-function-argument",
        ),
        pytest.param(
            "def parse(features):\n    return features #@\nds = tf.data.Dataset.range(3).map(parse)\n"
            "def use():\n    return features['a']",
            tensors.TENSOR,
            id="dataset-function-argument-unused-as-dict-elsewhere",
        ),
        pytest.param(
            "def parse(features):\n    features #@\n    return features['a']\nds = tf.data.Dataset.range(3).map(parse)",
            tensors.UNKNOWN,
            id="dataset-function-argument-used-as-a-dict",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def call(self, inputs):\n        return inputs #@",
            tensors.TENSOR,
            id="keras-call-inputs",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def call(self, inputs):\n        a, b = inputs\n        return inputs #@",
            tensors.UNKNOWN,
            id="keras-call-inputs-unpacked-are-a-structure",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def call(self, inputs):\n        head = inputs[0:-1]\n"
            "        n = len(head)\n        return inputs #@",
            tensors.UNKNOWN,
            id="keras-call-inputs-sliced-into-a-list",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def call(self, inputs):\n        rest = [a for a in inputs[4:]]\n"
            "        return inputs #@",
            tensors.UNKNOWN,
            id="keras-call-inputs-whose-slice-is-iterated",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def call(self, inputs, training=None):\n        return training #@",
            tensors.UNKNOWN,
            id="keras-training-flag",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def __init__(self):\n        super().__init__()\n"
            "        self.dense = keras.layers.Dense(3)\n    def call(self, inputs):\n        return self.dense(inputs) #@",
            tensors.TENSOR,
            id="layer-stored-on-self",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def build(self, shape):\n        self.w = self.add_weight(shape=shape)\n"
            "        self.v = tf.Variable(1.0)\n    def call(self, inputs):\n        return self.v #@",
            tensors.TENSOR,
            id="variable-stored-on-self",
        ),
        pytest.param(
            "class Block(keras.layers.Layer):\n    def call(self, inputs):\n        return tf.nn.relu(inputs)\n"
            "class Model(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.block = Block()\n"
            "    def call(self, inputs):\n        return self.block(inputs) #@",
            tensors.TENSOR,
            id="project-layer-output-through-its-call",
        ),
        pytest.param(
            "@tf.function\ndef f(x):\n    return helper() #@\ndef helper():\n    return tf.zeros([2])",
            tensors.TENSOR,
            id="project-function-returns-a-tensor",
        ),
        pytest.param(
            "@tf.function\ndef f(x):\n    return helper() #@\ndef helper():\n    if cond():\n        return None\n"
            "    return tf.zeros([2])",
            tensors.UNKNOWN,
            id="project-function-returns-none-or-a-tensor",
        ),
    ],
)
def test_parameters_and_calls(source, kind):
    assert _value(source).kind == kind


def test_cycles_and_self_reference_stay_unknown_or_settle():
    value = _value("@tf.function\ndef f(x):\n    a = b\n    b = a\n    return a #@\nf(tf.constant(1.0))")
    assert value.kind == tensors.UNKNOWN
    value = _value("@tf.function\ndef f(x):\n    while x > 0:\n        x = x - 1\n    return x #@\nf(tf.constant(1.0))")
    assert value.kind == tensors.TENSOR


def test_deep_expressions_do_not_recurse_without_bound():
    source = "@tf.function\ndef f(x):\n    return " + "(" * 200 + "x" + " + x)" * 200 + " #@\nf(tf.constant(1.0))"
    assert _value(source).kind in (tensors.TENSOR, tensors.UNKNOWN)


def test_join():
    t, p = tensors.TENSOR_VALUE, tensors.python("int", literal=1)
    assert tensors.join([t, t]) == t
    assert tensors.join([t, None]) == t
    assert tensors.join([None, None]) is None
    assert tensors.join([t, p]).kind == tensors.UNKNOWN
    assert tensors.join([p, tensors.python("int", literal=2)]) == tensors.python("int")


@pytest.mark.parametrize(
    ("source", "truth"),
    [
        pytest.param("def f(x, use_tf=True):\n    if use_tf: #@\n        pass", True, id="default-nobody-overrides"),
        pytest.param("def f(x, use_tf=True):\n    if not use_tf: #@\n        pass", False, id="negated-default"),
        pytest.param("def f(x, w=None):\n    if w is not None: #@\n        pass", False, id="none-default"),
        pytest.param(
            "def f(x, use_tf=True):\n    if use_tf: #@\n        pass\ndef g(flag):\n    return f(1, use_tf=flag)",
            None,
            id="a-caller-passes-an-unknown-value",
        ),
        pytest.param(
            "def f(x, use_tf=True):\n    if use_tf: #@\n        pass\ndef g():\n    return f(1, False)",
            False,
            id="the-callers-literal-wins",
        ),
        pytest.param(
            "@tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    if x.shape[0]: #@\n        pass",
            None,
            id="dimensions-do-not-count",
        ),
        pytest.param("def f(x):\n    if x: #@\n        pass", None, id="no-default"),
    ],
)
def test_static_truth(source, truth):
    context.reset()
    node = astroid.extract_node(_HEADER + source)
    assert tensors.static_truth(node.test) is truth


def test_equal_python_values_are_shared_but_values_with_a_node_are_not():
    for number in range(5000):  # more distinct literals than are kept: sharing goes on
        assert tensors.python("int", literal=number).literal == number
    assert tensors.python("int", literal=3) is tensors.python("int", literal=3)
    assert tensors.python("bool") is tensors.python("bool")
    # 1, 1.0 and True are equal in Python, but they are different literals here.
    assert tensors.python("int", literal=1).literal is not tensors.python("int", literal=True).literal
    assert type(tensors.python("float", literal=1).literal) is int
    assert type(tensors.python("float", literal=1.0).literal) is float  # not the shared `1` above
    first, second = astroid.parse("def a(): pass\ndef b(): pass\n").body
    made = tensors.python("function", ref=first), tensors.python("function", ref=second)
    assert made[0].ref is first and made[1].ref is second
