"""TF name resolution from the file's own imports."""

from __future__ import annotations

import astroid
import pytest
from conftest import FUNCTIONAL, REPO

from tflint.analysis.names import NameResolver, api_name


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
        pytest.param(
            "import tensorflow as tf\nfunction = tf.function\nfunction #@", "tensorflow.function", id="rebinding"
        ),
        pytest.param(
            "import tensorflow as tf\ndef f():\n    fn = tf.function\n    fn #@",
            "tensorflow.function",
            id="local-rebinding",
        ),
        pytest.param("from tensorflow import *\nfunction #@", "tensorflow.function", id="star-import"),
        pytest.param(
            "import logging\nlog = logging.getLogger()\nlog.info #@", "logging.getLogger().info", id="call-result"
        ),
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


# ---- the shortcuts that skip astroid's scope lookup ------------------------------------------
_ROOT = REPO
# the functional cases, not the test modules beside their folders
_SOURCES = sorted((_ROOT / "samples").rglob("*.py")) + sorted(
    p for p in FUNCTIONAL.rglob("*.py") if p.parent != FUNCTIONAL
)


class _AlwaysLookUp:
    """Module bindings that never shortcut: every name goes through astroid's lookup."""

    only_import: dict = {}

    @staticmethod
    def without_lookup(_name):
        from tflint.analysis import names  # pylint: disable=import-outside-toplevel

        return names._LOOK_UP  # pylint: disable=protected-access


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: str(p.relative_to(_ROOT)))
def test_shortcuts_resolve_every_name_as_the_full_lookup_does(path):
    module = astroid.parse(path.read_text(encoding="utf-8"), path=str(path))
    fast, slow = NameResolver(module), NameResolver(module)
    slow._bindings = _AlwaysLookUp()  # pylint: disable=protected-access
    for node in module.nodes_of_class((astroid.nodes.Name, astroid.nodes.Attribute)):
        assert fast.raw(node) == slow.raw(node), (node.lineno, node.as_string())
        if not fast.may_resolve_to_import(node):
            raw = fast.raw(node)
            assert raw is None or "(" in raw or raw.startswith("builtins."), (node.lineno, node.as_string())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("def f(id):\n    return id\nid #@", "builtins.id", id="builtin-shadowed-elsewhere"),
        pytest.param("def f(id):\n    id #@", None, id="builtin-shadowed-here"),
        pytest.param("__name__ #@", None, id="module-dunder"),
        pytest.param("import tensorflow as tf\ndef f(tf):\n    tf #@", None, id="import-shadowed-by-parameter"),
        pytest.param("import tensorflow as tf\nt = tf\nx = t.constant(1)\nx #@", "tensorflow.constant()", id="chain"),
    ],
)
def test_shortcut_edge_cases(source, expected):
    assert _resolve(source)[0] == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("from tensorflow import *\nfunction #@", id="star-import"),
        pytest.param("import numpy\nif numpy:\n    import tensorflow as numpy\nnumpy #@", id="rebound-import"),
        pytest.param("x = print\nx #@", id="builtin-alias"),
        pytest.param("def f():\n    global tf\n    import tensorflow as tf\ntf.function #@", id="global-import"),
        pytest.param("class A:\n    import tensorflow as tf\n    tf.function #@", id="class-scope-import"),
    ],
)
def test_shortcut_agrees_with_the_full_lookup(source):
    node = astroid.extract_node(source)
    fast, slow = NameResolver(node.root()), NameResolver(node.root())
    slow._bindings = _AlwaysLookUp()  # pylint: disable=protected-access
    assert fast.raw(node) == slow.raw(node)


def test_may_define_and_unbound():
    module = astroid.parse(
        "import tensorflow as tf\nclass C: pass\ndef f(param):\n    local = 1\n    made = C()\n    for item in []:\n        pass\n"
    )
    resolver = NameResolver(module)
    assert [n for n in ("tf", "C", "f", "made") if not resolver.may_define(n)] == []
    assert [n for n in ("param", "local", "item", "print", "nowhere") if resolver.may_define(n)] == []
    assert resolver.unbound("print") and resolver.unbound("nowhere") and not resolver.unbound("param")
