"""The table of what TF calls return, checked against the installed TensorFlow and Keras.

tflint never imports TensorFlow; this test does, to keep :mod:`tflint.facts.tensor_api` true to
the TF version the project is tested with. When it fails after a TF upgrade, it prints the
family lists to paste into ``tensor_api._FAMILY_FUNCTIONS``.
"""

from __future__ import annotations

import importlib
import inspect
import re
import textwrap

import pytest

from tflint.facts import tensor_api

# Imported by the session fixtures of tests/conftest.py when the first test here runs, not at
# collection (which would import TensorFlow into every worker, and into `make test-fast`).
tf = keras = None


@pytest.fixture(scope="module", autouse=True)
def _installed_tensorflow(request):
    """Fails every test here, clearly, when TensorFlow or Keras is missing: never skips."""
    global tf, keras  # pylint: disable=global-statement
    tf, keras = request.getfixturevalue("tensorflow"), request.getfixturevalue("keras")


_SEVERAL = re.compile(r"\b(tuple|Tuple|pair|Pair|Two `?[Tt]ensor|Four `?[Tt]ensor|list of|A list)\b|RaggedTensor")


def _resolve(name: str):
    """The object a canonical name stands for, or None."""
    if name.startswith("tensorflow."):
        obj, rest = tf, name[len("tensorflow.") :]
    elif name.startswith("keras."):
        obj, rest = keras, name[len("keras.") :]
    else:
        obj, rest = importlib.import_module(name.split(".")[0]), name.split(".", 1)[1]
    for part in rest.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _family_functions(prefix: str) -> list[str]:
    module = _resolve(prefix.rstrip("."))
    found = []
    for name in sorted(dir(module)):
        obj = getattr(module, name)
        if name.startswith("_") or not name[:1].islower() or inspect.ismodule(obj) or inspect.isclass(obj):
            continue
        full = prefix + name
        if not callable(obj) or full in tensor_api.TUPLE_RESULTS or full in tensor_api.LIST_RESULTS:
            continue
        if full in tensor_api.NOT_TENSOR or full in tensor_api.PYTHON_RESULTS:
            continue
        found.append(name)
    return found


def _the_tables_releases() -> bool:
    """Is the installed TensorFlow and Keras what the table was read from?"""
    return (tf.__version__, keras.__version__) == (tensor_api.TENSORFLOW_VERSION, tensor_api.KERAS_VERSION)


def test_families_list_every_function_of_the_installed_tensorflow():
    """Exactly the family's functions on the table's releases; on an older Keras (Python 3.10) at
    least every function that Keras has, since users there run tflint too."""
    stale = {}
    for prefix in tensor_api.FAMILIES:
        expected = set(_family_functions(prefix))
        listed = {name[len(prefix) :] for name in tensor_api.FAMILY_TENSORS if name.startswith(prefix)}
        listed = {name for name in listed if "." not in name}
        if expected != listed if _the_tables_releases() else not expected <= listed:
            stale[prefix] = expected
    if stale:
        text = "".join(
            f'    "{prefix}": """\n'
            + textwrap.fill(" ".join(sorted(names)), 100, initial_indent=" " * 8, subsequent_indent=" " * 8)
            + '\n    """,\n'
            for prefix, names in stale.items()
        )
        pytest.fail("tensor_api._FAMILY_FUNCTIONS is stale for this TensorFlow; new lists:\n" + text)


@pytest.mark.parametrize("prefix", tensor_api.FAMILIES)
def test_no_family_member_documented_as_returning_several_values(prefix):
    """A family member whose docstring returns a tuple or list must be listed as such."""
    suspicious = []
    for name in _family_functions(prefix):
        doc = inspect.getdoc(_resolve(prefix + name)) or ""
        returns = re.search(r"\n\s*Returns?:\s*\n(.*?)(\n\s*\n|\Z)", "\n" + doc, re.S)
        if returns and _SEVERAL.search(returns.group(1).split("\n")[0]):
            suspicious.append(prefix + name)
    assert suspicious == []


def test_the_table_was_read_from_the_tensorflow_that_the_suite_installs():
    """The versions the table records are those ``make`` installs on Python 3.11 and newer."""
    import sys  # pylint: disable=import-outside-toplevel

    assert tf.__version__ == tensor_api.TENSORFLOW_VERSION
    if sys.version_info >= (3, 11):
        assert keras.__version__ == tensor_api.KERAS_VERSION


def test_every_listed_name_exists():
    """Names are canonical: TF1 spellings (``tf.compat.v1.to_float``) resolve under compat.v1.
    On an older Keras than the table's, Keras names new since then may be missing."""
    names = (
        set(tensor_api.TENSOR_RESULTS)
        | set(tensor_api.TUPLE_RESULTS)
        | set(tensor_api.LIST_RESULTS)
        | set(tensor_api.PYTHON_RESULTS)
        | set(tensor_api.VARIABLE_RESULTS)
        | set(tensor_api.NOT_TENSOR)
    )
    missing = sorted(
        n
        for n in names
        if not n.startswith("keras.backend.")  # tf_keras' backend: not installed with Keras 3
        and _resolve(n) is None
        and _resolve(n.replace("tensorflow.", "tensorflow.compat.v1.", 1)) is None
        and (_the_tables_releases() or not n.startswith("keras."))
    )
    assert missing == []
