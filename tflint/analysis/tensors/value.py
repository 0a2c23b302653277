"""The answers of the tensor inference: a :class:`Value` and the ways values combine.

Nothing here looks at code: these are the facts the engine hands out (a kind, what the value
is, its known items, element, constant and static shape) and the rules for merging them
(:func:`join`) and iterating them (:func:`element_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

TENSOR = "tensor"
PYTHON = "python"
UNKNOWN = "unknown"

# "No constant known": None cannot say it, since a dimension's constant may be None.
UNSET = object()


@dataclass(frozen=True)
class Value:
    """What an expression evaluates to while TensorFlow traces it."""

    kind: str
    what: str = ""
    items: tuple[Value, ...] | None = None  # known elements of a tuple/list literal
    element: Value | None = None  # the value of every element (or of each loop item)
    literal: object = UNSET  # the Python constant, when known (a dimension may be None)
    dims: tuple[tuple[int, int | None], ...] = ()  # known static dimensions: (index, size)
    rank: int | None = None
    origin: str = ""  # the API that made it (``tensorflow.unstack``)
    ref: object = field(default=None, compare=False)  # the ClassDef of a project instance

    @property
    def is_tensor(self) -> bool:
        """A symbolic tensor (or a ``tf.Variable``) while tracing."""
        return self.kind == TENSOR

    @property
    def is_python(self) -> bool:
        """A value Python computes while tracing (a number, a shape, a list, a layer ...)."""
        return self.kind == PYTHON

    @property
    def known(self) -> bool:
        """True when :attr:`literal` holds the constant."""
        return self.literal is not UNSET

    def dim(self, index: int) -> Value:
        """The static size of dimension ``index`` of a tensor or shape (a Python int or None)."""
        if index < 0 and self.rank is not None:
            index += self.rank
        for position, size in self.dims:
            if position == index:
                return Value(PYTHON, "dim", literal=size)
        return Value(PYTHON, "dim")


UNKNOWN_VALUE = Value(UNKNOWN)
TENSOR_VALUE = Value(TENSOR, "tensor")


def python(what: str = "", **kwargs) -> Value:
    """A Python value of kind ``what``."""
    literal = kwargs.get("literal", UNSET)
    if len(kwargs) > (literal is not UNSET) or type(literal) not in _SHAREABLE:
        return Value(PYTHON, what, **kwargs)
    # Values are immutable, and memoised for every node of the run: one shared `int` or `1`
    # instead of thousands of equal copies that every full garbage collection would walk.
    key = (what, type(literal), literal)
    found = _SHARED.get(key)
    if found is None:
        if len(_SHARED) >= _MAX_SHARED:  # many distinct literals: start afresh, keep sharing
            _SHARED.clear()
        found = _SHARED[key] = Value(PYTHON, what, **kwargs)
    return found


_SHAREABLE = frozenset({type(UNSET), bool, int, float, str, type(None)})
_SHARED: dict[tuple, Value] = {}
_MAX_SHARED = 4096


def element_of(value: Value) -> Value:
    """The value of each item when ``value`` is iterated (``for v in value``)."""
    if value.is_tensor:
        if value.what == "range":
            return TENSOR_VALUE
        return Value(TENSOR, "tensor")
    if value.element is not None:
        return value.element
    if value.items is not None:
        return join(value.items) or UNKNOWN_VALUE
    if value.what in ("range", "dims"):
        return python("int") if value.what == "range" else python("dim")
    if value.what == "str":
        return python("str")
    return UNKNOWN_VALUE


def element_or_unknown(value: Value | None) -> Value:
    """:func:`element_of`, unknown for a missing value (a builtin called without arguments)."""
    return UNKNOWN_VALUE if value is None else element_of(value)


def join(values) -> Value | None:
    """The value that covers all of ``values`` (None entries are ignored; None if all are)."""
    found = [v for v in values if v is not None]
    if not found:
        return None
    first = found[0]
    if all(v == first for v in found[1:]):
        return first
    kinds = {v.kind for v in found}
    if len(kinds) > 1:
        return UNKNOWN_VALUE
    whats = {v.what for v in found}
    what = first.what if len(whats) == 1 else ""
    if first.kind == TENSOR:
        return Value(TENSOR, what or "tensor")
    if first.kind == PYTHON:
        elements = [element_of(v) for v in found] if what in ("list", "tuple") else []
        element = join(elements) if elements else None
        return Value(PYTHON, what, element=element if element and element.kind != UNKNOWN else None)
    return UNKNOWN_VALUE


def python_binop(op: str, left: Value, right: Value) -> Value:
    """``left op right`` for two Python values (``a + b``, and ``a += b`` with ``op`` ``"+"``)."""
    if left.what == "dim" or right.what == "dim":
        return python("int")
    if left.what in ("list", "tuple") and op == "+":
        if left.items is not None and right.items is not None:
            return python(left.what, items=left.items + right.items)
        return join([left, right]) or python(left.what)
    if left.known and right.known and isinstance(left.literal, int) and isinstance(right.literal, int):
        a, b = left.literal, right.literal
        # Small ints only: the constant is for shapes and flags, never worth a huge product.
        if not isinstance(a, bool) and not isinstance(b, bool) and abs(a) < 2**31 and abs(b) < 2**31:
            computed = {
                "+": lambda: a + b,
                "-": lambda: a - b,
                "*": lambda: a * b,
                "//": lambda: a // b if b else None,
            }.get(op)
            if computed is not None and computed() is not None:
                return python("int", literal=computed())
    if left.what in ("int", "float") and right.what in ("int", "float"):
        return python("float" if "float" in (left.what, right.what) or op == "/" else "int")
    if left.what == right.what:
        return python(left.what)
    return python("")


def mirrored(sources: Value) -> Value:
    """What ``tape.gradient(target, sources)`` returns: the structure of ``sources``, with tensors."""
    if sources.is_tensor:
        return TENSOR_VALUE
    if sources.is_python and sources.what in ("list", "tuple"):
        if sources.items is not None:
            return python(sources.what, items=tuple(mirrored(item) for item in sources.items))
        if sources.element is not None:
            element = mirrored(sources.element)
            return python(sources.what, element=element if element.kind != UNKNOWN else None)
    return UNKNOWN_VALUE


def dims_items(shape: Value) -> tuple[Value, ...] | None:
    """The dimensions of a shape of known rank, one value each (``shape.dims``)."""
    if shape.rank is None:
        return None
    return tuple(shape.dim(i) for i in range(shape.rank))


def spec_value(spec: Value) -> Value:
    """The parameter value an ``input_signature`` entry gives."""
    if spec.what == "spec":
        return Value(TENSOR, "tensor", dims=spec.dims, rank=spec.rank)
    if spec.is_python and spec.what in ("list", "tuple") and spec.items is not None:
        return python(spec.what, items=tuple(spec_value(i) for i in spec.items))
    return UNKNOWN_VALUE


def result_value(kind: str | None, api: str) -> Value:
    """One item of a TF call's tuple of results, by its kind in the API table."""
    if kind == "tensor":
        return TENSOR_VALUE
    if kind == "tensor_list":
        return python("list", element=TENSOR_VALUE, origin=api)
    return UNKNOWN_VALUE
