"""Method calls on values the engine knows: a table from the receiver's kind to a small
handler (``t.numpy()``, ``shape.as_list()``, ``ta.read(i)``, ``ds.batch(2)``,
``tape.gradient(y, xs)``, ``"...".format()``).

A handler returns None when it does not know the method: the call is then resolved like any
other call (a project method, a class, or unknown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis.tensors.syntax import keyword
from tflint.analysis.tensors.value import TENSOR_VALUE, UNKNOWN_VALUE, Value, dims_items, mirrored, python
from tflint.facts import tensor_api

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine

_STR_METHODS = {
    "format": "str",
    "join": "str",
    "lower": "str",
    "upper": "str",
    "strip": "str",
    "replace": "str",
    "split": "list",
    "startswith": "bool",
    "endswith": "bool",
}
_GRADIENTS = ("gradient", "jacobian", "batch_jacobian")


def method_value(engine: Engine, node: nodes.Call) -> Value | None:
    """What ``receiver.method(...)`` returns, when the receiver's kind says; else None."""
    method = node.func.attrname
    receiver = engine.partial(node.func.expr)
    if receiver is None:
        return None
    if receiver.is_tensor:
        return _tensor_method(receiver, method)
    handler = _BY_RECEIVER.get(receiver.what)
    return handler(engine, node, receiver, method) if handler is not None else None


def _tensor_method(receiver: Value, method: str) -> Value:
    what = tensor_api.TENSOR_METHODS.get(method)
    if what == "tensor":
        return TENSOR_VALUE
    if what == "shape":
        return python("shape", dims=receiver.dims, rank=receiver.rank)
    return python(what) if what else UNKNOWN_VALUE


def _shape_method(engine: Engine, node: nodes.Call, receiver: Value, method: str) -> Value:
    result = tensor_api.SHAPE_METHODS.get(method)
    if result == "dims":
        return python("list", element=python("dim"), items=dims_items(receiver))
    return python(result) if result else UNKNOWN_VALUE


def _tensor_array_method(engine: Engine, node: nodes.Call, receiver: Value, method: str) -> Value | None:
    if method in tensor_api.TENSOR_ARRAY_READS:
        return TENSOR_VALUE
    if method in tensor_api.TENSOR_ARRAY_WRITES:
        return python("tensor_array")  # writes return the (new) TensorArray
    return None


def _generator_method(engine: Engine, node: nodes.Call, receiver: Value, method: str) -> Value | None:
    return TENSOR_VALUE if method in tensor_api.GENERATOR_DRAWS else None


def _dataset_method(engine: Engine, node: nodes.Call, receiver: Value, method: str) -> Value | None:
    if method in tensor_api.DATASET_METHODS:
        return python("dataset")
    if method in tensor_api.DATASET_TENSOR_METHODS:
        return TENSOR_VALUE
    return None


def _tape_method(engine: Engine, node: nodes.Call, receiver: Value, method: str) -> Value | None:
    if method not in _GRADIENTS:
        return None
    sources = node.args[1] if len(node.args) > 1 else keyword(node, "sources")
    return mirrored(engine.value(sources)) if sources is not None else UNKNOWN_VALUE


def _str_method(engine: Engine, node: nodes.Call, receiver: Value, method: str) -> Value | None:
    return python(_STR_METHODS[method]) if method in _STR_METHODS else None


_MethodHandler = Callable[["Engine", nodes.Call, Value, str], "Value | None"]

# The receiver's ``what`` -> the handler of its methods.
_BY_RECEIVER: dict[str, _MethodHandler] = {
    "shape": _shape_method,
    "tensor_array": _tensor_array_method,
    "generator": _generator_method,
    "dataset": _dataset_method,
    "tape": _tape_method,
    "str": _str_method,
}
