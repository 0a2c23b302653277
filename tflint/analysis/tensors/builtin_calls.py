"""Calls of Python's builtins: a table of the builtins whose result never depends on the
arguments, and one small handler per family of the others (numbers, ``len``, ``range``,
iterators, sequences, ``max``/``min``/``sum``).

Every handler gets the call, the builtin's name and the values of its positional arguments
(computed by the caller, ``*args`` left out) and returns a :class:`Value`; a builtin in neither
table is unknown.
"""

from __future__ import annotations

from collections.abc import Callable

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.tensors.value import (
    TENSOR,
    TENSOR_VALUE,
    UNKNOWN,
    UNKNOWN_VALUE,
    Value,
    element_or_unknown,
    join,
    python,
)

# Builtins whose result is always the same kind of Python value: name -> kind.
FIXED_RESULTS = {
    "str": "str",
    "repr": "str",
    "format": "str",
    "isinstance": "bool",
    "issubclass": "bool",
    "hasattr": "bool",
    "callable": "bool",
    "any": "bool",
    "all": "bool",
    "dict": "dict",
    "set": "set",
    "frozenset": "frozenset",
    "type": "type",
    "id": "id",
    "hash": "hash",
    "object": "object",
    "super": "super",
    "print": "none",
    "open": "object",
}

# Builtins that make a Python collection of their argument's elements: name -> kind of collection.
_COLLECTIONS = {"list": "list", "tuple": "tuple", "sorted": "list", "reversed": "iterator"}


def builtin_value(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """What calling the builtin ``name`` with argument values ``args`` returns."""
    if name in FIXED_RESULTS:
        return python(FIXED_RESULTS[name])
    handler = HANDLERS.get(name)
    return handler(node, name, args) if handler is not None else UNKNOWN_VALUE


def _number(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``int``, ``float``, ``bool``, ``abs``, ``round``."""
    first = args[0] if args else None
    if first is not None and first.is_tensor:
        if name == "abs":
            return TENSOR_VALUE
        # AutoGraph turns int(t)/float(t) into tf.cast in traced code; eagerly
        # (`self.n = int(tf.reduce_prod(shape))` in __init__) the result is a Python number.
        return TENSOR_VALUE if context.graph_context(node) is not None else python("int" if name == "round" else name)
    if first is not None and not first.is_python:
        return UNKNOWN_VALUE
    if name == "abs":
        return python(first.what if first else "int")
    return python("int" if name == "round" else name)


def _len(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``len(x)``: a Python int; its constant when a tensor's first dimension is static."""
    first = args[0] if args else None
    if first is not None and first.is_tensor:
        size = first.dim(0)
        return python("int", literal=size.literal) if size.known and size.literal is not None else UNKNOWN_VALUE
    return python("int")


def _range(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``range(...)``: a tensor range (AutoGraph's tf.range) when a bound is a tensor; else its length."""
    if any(a.is_tensor for a in args):
        return Value(TENSOR, "range")
    if not (args and all(a.is_python for a in args)):
        return UNKNOWN_VALUE
    literals: list = [a.literal for a in args]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in literals):
        return python("range")
    try:
        return python("range", literal=len(range(*literals)))
    except (TypeError, ValueError, OverflowError):
        return python("range")


def _enumerate(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``enumerate(x)``: pairs of an int and an element of ``x``."""
    first = args[0] if args else None
    return python("iterator", element=python("tuple", items=(python("int"), element_or_unknown(first))))


def _zip(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``zip(a, b)``: tuples of one element of each argument."""
    return python("iterator", element=python("tuple", items=tuple(element_or_unknown(a) for a in args)))


def _collection(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``list``, ``tuple``, ``sorted``, ``reversed``: the elements of the argument, collected."""
    what = _COLLECTIONS[name]
    first = args[0] if args else None
    if first is None:
        return python(what)
    element = element_or_unknown(first)
    return python(what, element=element if element.kind != UNKNOWN else None)


def _extreme(node: nodes.Call, name: str, args: list[Value]) -> Value:
    """``max``, ``min``, ``sum`` of several Python values: one of them (their join)."""
    if any(a.is_tensor for a in args):
        return UNKNOWN_VALUE
    if args and all(a.is_python for a in args) and len(args) > 1:
        return join(args) or UNKNOWN_VALUE  # never None: args is not empty
    return UNKNOWN_VALUE


_Handler = Callable[[nodes.Call, str, list[Value]], Value]

# Builtins whose result depends on the arguments: name -> handler.
HANDLERS: dict[str, _Handler] = {
    **dict.fromkeys(("int", "float", "bool", "abs", "round"), _number),
    "len": _len,
    "range": _range,
    "enumerate": _enumerate,
    "zip": _zip,
    **dict.fromkeys(_COLLECTIONS, _collection),
    **dict.fromkeys(("max", "min", "sum"), _extreme),
}
