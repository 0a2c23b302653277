"""Unit tests of what tflint knows about AutoGraph: which code it converts, which loops it
turns into graph loops, and which constructs make it give up."""

from __future__ import annotations

import astroid
import pytest

from tflint.analysis import autograph, context

_HEADER = "import tensorflow as tf\nfrom tensorflow import keras\n"


def _node(source: str):
    context.reset()
    return astroid.extract_node(_HEADER + source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("@tf.function\ndef f(x):\n    return x #@", True, id="tf-function-is-converted"),
        pytest.param("@tf.function(autograph=False)\ndef f(x):\n    return x #@", False, id="autograph-false"),
        pytest.param(
            "@tf.function(autograph=False)\ndef f(x):\n    return g(x)\ndef g(x):\n    return x #@",
            False,
            id="helpers-of-autograph-false-functions",
        ),
        pytest.param(
            "@tf.function\ndef f(x):\n    for _ in range(2):\n        pass\n    else:\n        pass\n    return x #@",
            False,
            id="for-else-makes-the-function-unconverted",
        ),
        pytest.param(
            "@tf.function\ndef f(x):\n    def inner():\n        while False:\n            pass\n        else:\n"
            "            pass\n    return x #@",
            False,
            id="a-nested-def-counts-too",
        ),
        pytest.param(
            "@tf.function\n@tf.autograph.experimental.do_not_convert\ndef f(x):\n    return x #@",
            False,
            id="do-not-convert",
        ),
        pytest.param(
            "class L(keras.layers.Layer):\n    def call(self, x):\n        return x #@",
            None,
            id="keras-depends-on-the-keras",
        ),
        pytest.param(
            "import keras\nclass L(keras.layers.Layer):\n    def call(self, x):\n        return x #@",
            False,
            id="keras-3-does-not-convert-call",
        ),
        pytest.param(
            "import keras\nclass Base(keras.layers.Layer):\n    pass\nclass L(Base):\n    def call(self, x):\n"
            "        return x #@",
            False,
            id="keras-3-through-a-project-base-class",
        ),
        pytest.param(
            "import tf_keras\nclass L(tf_keras.layers.Layer):\n    def call(self, x):\n        return x #@",
            True,
            id="tf-keras-converts-call",
        ),
        pytest.param(
            "import keras\ndef loss(y, p):\n    return y #@\nkeras.Model().compile(loss=loss)",
            None,
            id="keras-3-and-tf-keras-in-one-module-is-unknown",
        ),
        pytest.param("def f(x):\n    return x #@", None, id="eager-code"),
        pytest.param(
            "@tf.function\ndef f(x):\n    with tf.init_scope():\n        y = x #@\n    return x",
            None,
            id="init-scope-runs-eagerly",
        ),
    ],
)
def test_conversion(source, expected):
    assert autograph.conversion(_node(source)) is expected


@pytest.mark.parametrize(
    ("loop", "tensor"),
    [
        pytest.param("for i in tf.range(n):", True, id="tf-range"),
        pytest.param("for i in range(tf.shape(x)[0]):", True, id="range-of-a-tensor"),
        pytest.param("for v in x:", True, id="over-a-tensor"),
        pytest.param("for e in tf.data.Dataset.range(3):", True, id="over-a-dataset"),
        pytest.param("while x > 0:", True, id="while-on-a-tensor"),
        pytest.param("for i in range(3):", False, id="python-range"),
        pytest.param("for v in tf.unstack(x):", False, id="python-list-of-tensors"),
    ],
)
def test_tensor_loop(loop, tensor):
    source = (
        "@tf.function(input_signature=[tf.TensorSpec([None]), tf.TensorSpec([], tf.int32)])\n"
        f"def f(x, n):\n    {loop}  #@\n        pass\n"
    )
    node = _node(source)
    assert autograph.tensor_loop(node) is tensor


def test_refusals_name_tensorflows_reason():
    node = _node("@tf.function\ndef f(self, x):\n    return x * self.__scale #@")
    unit = autograph.conversion_unit(node)
    assert [reason for _, reason in autograph.refusals(unit)] == [autograph.MANGLED]


def test_keras_3_module_without_tf_keras():
    context.reset()
    node = astroid.extract_node(
        "import keras\nimport tensorflow as tf\ndef loss(y, p):\n    return y #@\nkeras.Model().compile(loss=loss)"
    )
    assert autograph.conversion(node) is False
