"""Calls: what a call returns, tried in order of certainty.

1. a TF, Keras, NumPy, ``math`` or builtin API named by the module's imports (the API table);
2. a method of a value the engine knows (:mod:`~tflint.analysis.tensors.method_calls`);
3. calling a known Python value: a Keras layer, a project instance, a project function;
4. a project function or class the module graph resolves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.tensors.attributes import class_attribute
from tflint.analysis.tensors.builtin_calls import builtin_value
from tflint.analysis.tensors.method_calls import method_value
from tflint.analysis.tensors.syntax import FUNCTIONS, all_arguments, keyword, structured_output
from tflint.analysis.tensors.value import TENSOR, TENSOR_VALUE, UNKNOWN_VALUE, Value, python, result_value
from tflint.facts import tensor_api

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine


def call(engine: Engine, node: nodes.Call) -> Value | None:
    """``func(...)``."""
    api = engine.names.api(node.func)
    if api is not None and "(" not in api:
        found = _api_call(engine, node, api)
        if found is not None:
            return found
    if isinstance(node.func, nodes.Attribute):
        method = method_value(engine, node)
        if method is not None:
            return method
    callee = engine.partial(node.func)
    if callee is not None and callee.is_python:
        called = _call_value(engine, node, callee)
        if called is not None:
            return called
    function = engine.graph.function_of(node.func, node)
    if function is not None:
        return engine.returned(function)
    cls = engine.graph.class_of(node.func)
    if cls is not None:
        return python("instance", ref=cls)
    return UNKNOWN_VALUE


def _api_call(engine: Engine, node: nodes.Call, api: str) -> Value | None:
    """A call of a named API, or None when the tables know nothing of it."""
    if api.startswith("builtins."):
        args = [engine.value(a) for a in node.args if not isinstance(a, nodes.Starred)]
        return builtin_value(node, api[len("builtins.") :], args)
    if api.startswith("numpy."):
        # numpy.zeros(...) makes an array; numpy.float32(...) and the other classes a scalar.
        return python("ndarray") if api.rsplit(".", 1)[-1][:1].islower() else python("object")
    if api.startswith("math."):
        return python("float")
    result = tensor_api.call_result(api)
    if result is not None:
        return _tf_result(engine, node, api, result)
    built = tensor_api.keras_constructor(api)
    if built is not None:
        structured = (
            structured_output(node)
            or tensor_api.always_structured_layer(api)
            # a wrapper of a structured layer: Bidirectional(LSTM(..., return_state=True))
            or any(engine.value(arg).what == "structured_layer" for arg in all_arguments(node))
        )
        return python("structured_layer" if structured else built, origin=api)
    return None


def _tf_result(engine: Engine, node: nodes.Call, api: str, result: str) -> Value:
    """A TF call the API table knows, by the kind of result the table gives."""
    if result == "tensor":
        return TENSOR_VALUE
    if result == "variable":
        return Value(TENSOR, "variable")
    if result in ("tensor_list", "tensor_tuple"):
        if api in tensor_api.TUPLE_ITEMS:
            return python("tuple", items=tuple(result_value(k, api) for k in tensor_api.TUPLE_ITEMS[api]))
        return python(result[len("tensor_") :], element=TENSOR_VALUE, origin=api)
    if result == "shape":
        return _shape_literal(node.args[0] if node.args else keyword(node, "dims"))
    if result == "spec":
        shape = node.args[0] if node.args else keyword(node, "shape")
        spec = _shape_literal(shape)
        return python("spec", dims=spec.dims, rank=spec.rank)
    return python(result)


def _shape_literal(shape: nodes.NodeNG | None) -> Value:
    """A ``TensorShape`` from a list or tuple of dimensions (``[None, 3]``)."""
    if isinstance(shape, (nodes.List, nodes.Tuple)) and not any(isinstance(e, nodes.Starred) for e in shape.elts):
        dims = []
        for position, element in enumerate(shape.elts):
            if isinstance(element, nodes.Const) and (element.value is None or isinstance(element.value, int)):
                dims.append((position, element.value))
        return python("shape", dims=tuple(dims), rank=len(shape.elts))
    return python("shape")


def _call_value(engine: Engine, node: nodes.Call, callee: Value) -> Value | None:
    """Calling a Python value: a Keras layer or model, a project instance, a function."""
    if callee.what in ("layer", "model"):
        return UNKNOWN_VALUE if structured_output(node) else TENSOR_VALUE
    if callee.what == "instance" and isinstance(callee.ref, nodes.ClassDef):
        owner = context.project().graph(callee.ref.root())
        name = "call" if owner.keras_family(callee.ref, 0) == "layer" else "__call__"
        method = class_attribute(engine, callee.ref, name)
        if method is not None and method.what == "method" and isinstance(method.ref, FUNCTIONS):
            return engine.returned(method.ref)
        return UNKNOWN_VALUE
    if callee.what in ("function", "method") and isinstance(callee.ref, FUNCTIONS):
        return engine.returned(callee.ref)
    return None
