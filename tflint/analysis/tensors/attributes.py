"""Attributes and subscripts: of TF API names (constants, dtypes), of tensors (``x.shape``,
``x.dtype``), of shapes (``rank``, ``dims``), of ``self`` and of project instances (through
what the class assigns), and items of shapes, lists and tuples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.tensors.syntax import is_method, is_property
from tflint.analysis.tensors.value import TENSOR, TENSOR_VALUE, UNKNOWN, UNKNOWN_VALUE, Value, element_of, join, python
from tflint.facts import tensor_api

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine

_DTYPE_NAMES = frozenset(
    "float16 float32 float64 bfloat16 half double int8 int16 int32 int64 uint8 uint16 uint32 uint64 "
    "bool string complex64 complex128 qint8 quint8 qint32 resource variant".split()
)
# Keras lists of variables, whatever the object: each item is a tf.Variable.
_VARIABLE_LISTS = frozenset(
    {"trainable_variables", "trainable_weights", "non_trainable_variables", "non_trainable_weights"}
)


def attribute(engine: Engine, node: nodes.Attribute) -> Value | None:
    """``base.name``."""
    api = engine.names.api(node)
    if api is not None and "(" not in api:
        return _api_attribute(api)
    if node.attrname in _VARIABLE_LISTS:
        return python("list", element=Value(TENSOR, "variable"))
    base = engine.partial(node.expr)
    if base is None:
        return None
    if base.is_tensor:
        return _tensor_attribute(base, node.attrname)
    if base.what == "shape":
        return _shape_attribute(base, node.attrname)
    if base.what == "dtype":
        return python("object")
    if base.what == "self":
        return _self_attribute(engine, node)
    if base.what == "instance" and isinstance(base.ref, nodes.ClassDef):
        return class_attribute(engine, base.ref, node.attrname)
    return UNKNOWN_VALUE


def _api_attribute(api: str) -> Value:
    """A TF or Python API name that is not called: a constant, a dtype, or unknown."""
    if api in tensor_api.PYTHON_CONSTANTS:
        return python(tensor_api.PYTHON_CONSTANTS[api])
    if api.startswith("tensorflow.") and api.rsplit(".", 1)[-1] in _DTYPE_NAMES:
        return python("dtype")
    return UNKNOWN_VALUE


def _tensor_attribute(base: Value, attrname: str) -> Value:
    """``t.shape``, ``t.ndim``, ``t.dtype`` ... of a tensor: Python values while tracing."""
    what = tensor_api.TENSOR_PYTHON_ATTRIBUTES.get(attrname)
    if what == "shape":
        return python("shape", dims=base.dims, rank=base.rank)
    if what == "int" and base.rank is not None:
        return python("int", literal=base.rank)
    return python(what) if what else UNKNOWN_VALUE


def _shape_attribute(base: Value, attrname: str) -> Value:
    """``shape.rank``, ``shape.dims`` ... of a ``TensorShape``."""
    what = tensor_api.SHAPE_ATTRIBUTES.get(attrname)
    if what == "dim" and base.rank is not None:
        return python("dim", literal=base.rank)
    if what == "dims":
        return python("dims", element=python("dim"))
    return python(what) if what else UNKNOWN_VALUE


def _self_attribute(engine: Engine, node: nodes.Attribute) -> Value | None:
    """``self.name`` in a method (or in a function nested in one): what the class assigns."""
    func = node.scope()
    while isinstance(func, nodes.Lambda) or isinstance(func, nodes.FunctionDef) and not is_method(func):
        func = func.parent.scope() if func.parent else None
    if not isinstance(func, nodes.FunctionDef) or not isinstance(func.parent, nodes.ClassDef):
        return UNKNOWN_VALUE
    return class_attribute(engine, func.parent, node.attrname)


def class_attribute(engine: Engine, cls: nodes.ClassDef, attrname: str) -> Value | None:
    """What ``attrname`` holds on instances of ``cls``: its method, property, or assigned values."""
    values = []
    owner = context.project().graph(cls.root())
    for klass in owner.class_chain(cls):
        if attrname in klass.locals and not klass.instance_attrs.get(attrname):
            for member in klass.locals[attrname]:
                if isinstance(member, nodes.FunctionDef):
                    if is_property(member):
                        return engine.returned(member)
                    return python("method", ref=member)
                if isinstance(member, nodes.AssignName):
                    values.append(engine.binding(member))
        for assign in klass.instance_attrs.get(attrname, ()):
            parent = assign.parent
            if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and parent.value is not None:
                if isinstance(parent, nodes.Assign) and assign not in parent.targets:
                    return UNKNOWN_VALUE  # unpacked (`self.a, self.b = pair`)
                values.append(engine.partial(parent.value))
            else:
                return UNKNOWN_VALUE
    if not values or any(v is not None and v.kind == UNKNOWN for v in values):
        return UNKNOWN_VALUE
    return join(values)


def subscript(engine: Engine, node: nodes.Subscript) -> Value | None:
    """``base[index]``: an item of a tensor is a tensor; of a shape, a dimension; of a list, an item."""
    base = engine.partial(node.value)
    if base is None:
        return None
    index = node.slice
    if base.is_tensor:
        return TENSOR_VALUE
    position = engine.value(index) if not isinstance(index, nodes.Slice) else UNKNOWN_VALUE
    constant = position.literal if position.known and isinstance(position.literal, int) else None
    if base.what == "shape":
        if isinstance(index, nodes.Slice):
            return python("shape")
        if constant is not None:
            return base.dim(constant)
        return python("dim")
    if base.what == "dims" and base.items is None:
        return python("dim")
    if base.is_python and base.what in ("list", "tuple"):
        if isinstance(index, nodes.Slice):
            return python(base.what, element=element_of(base) if base.items or base.element else None)
        if base.items is not None and constant is not None and -len(base.items) <= constant < len(base.items):
            return base.items[constant]
        if base.element is not None:
            return base.element
        if base.items is not None:
            return join(base.items) or UNKNOWN_VALUE
    if base.what == "str":
        return python("str")
    return UNKNOWN_VALUE
