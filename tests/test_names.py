"""TF name resolution from the file's own imports."""

from __future__ import annotations

import astroid
import pytest

from tflint.names import NameResolver, api_name


def _resolve(source: str) -> tuple[str | None, str | None]:
    node = astroid.extract_node(source)
    resolver = NameResolver(node.root())
    return resolver.raw(node), resolver.api(node)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("import tensorflow as tf\ntf.function #@", "tensorflow.function", id="import-as-tf"),
        pytest.param("import tensorflow\ntensorflow.function #@", "tensorflow.function", id="plain-import"),
        pytest.param("import tensorflow as t\nt.data.Dataset #@", "tensorflow.data.Dataset", id="unusual-alias"),
        pytest.param("import tensorflow.compat.v1 as tf\ntf.function #@", "tensorflow.function", id="compat-v1-as-tf"),
        pytest.param("from tensorflow import function\nfunction #@", "tensorflow.function", id="from-import"),
        pytest.param("from tensorflow import function as fn\nfn #@", "tensorflow.function", id="from-import-alias"),
        pytest.param("from tensorflow import keras\nkeras.layers.Layer #@", "keras.layers.Layer", id="tf-keras"),
        pytest.param("import keras\nkeras.Model #@", "keras.Model", id="keras-3"),
        pytest.param("import tf_keras as keras\nkeras.Model #@", "keras.Model", id="tf-keras-package"),
        pytest.param("from tensorflow.compat import v1\nv1.placeholder #@", "tensorflow.placeholder", id="v1-module"),
        pytest.param("import tensorflow as tf\nfunction = tf.function\nfunction #@", "tensorflow.function", id="rebinding"),
        pytest.param("import tensorflow as tf\ndef f():\n    fn = tf.function\n    fn #@", "tensorflow.function", id="local-rebinding"),
        pytest.param("from tensorflow import *\nfunction #@", "tensorflow.function", id="star-import"),
        pytest.param("import logging\nlog = logging.getLogger()\nlog.info #@", "logging.getLogger().info", id="call-result"),
        pytest.param("print #@", "builtins.print", id="builtin"),
    ],
)
def test_resolves_canonical_names(source, expected):
    assert _resolve(source)[1] == expected


def test_raw_name_keeps_the_v1_spelling():
    raw, api = _resolve("import tensorflow.compat.v1 as tf\ntf.placeholder #@")
    assert raw == "tensorflow.compat.v1.placeholder"
    assert api == "tensorflow.placeholder"


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("def f(tf):\n    return tf.function #@", id="parameter-shadows"),
        pytest.param("x = 1\nx.real #@", id="not-an-import"),
        pytest.param("a = b = a\na #@", id="self-reference"),
        pytest.param("undefined_name #@", id="undefined"),
        pytest.param("import numpy as tf\ntf.function #@", id="confusing-alias"),
    ],
)
def test_unknown_or_non_tf_names_do_not_resolve_to_tensorflow(source):
    _, api = _resolve(source)
    assert api is None or not api.startswith("tensorflow")


def test_api_name_unifies_keras_homes():
    assert api_name("tensorflow.keras.layers.Dense") == "keras.layers.Dense"
    assert api_name("keras.src.layers.Dense") == "keras.layers.Dense"
    assert api_name("tensorflow.compat.v2.function") == "tensorflow.function"
    assert api_name(None) is None
