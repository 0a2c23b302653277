"""Operators: a tensor operand makes a tensor (TensorFlow overloads them); Python operands
make a Python value, with the constant when it is a small integer expression.

Evaluators return None ("no information yet") when the operands are still being computed
further up a cycle of definitions, so that the cycle's other paths decide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis.tensors.value import TENSOR, TENSOR_VALUE, UNKNOWN_VALUE, Value, join, python, python_binop

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine


def binop(engine: Engine, node: nodes.BinOp) -> Value | None:
    """``a + b`` and the other binary operators."""
    left, right = engine.partial(node.left), engine.partial(node.right)
    if left is None and right is None:
        return None
    left, right = left or right, right or left
    assert left is not None and right is not None  # at least one was computed: it stands for both
    if left.is_tensor or right.is_tensor:
        if left.what == "str" and node.op == "%":
            return python("str")  # "%s" % t formats the tensor's repr
        return TENSOR_VALUE
    if left.is_python and right.is_python:
        return python_binop(node.op, left, right)
    return UNKNOWN_VALUE


def unaryop(engine: Engine, node: nodes.UnaryOp) -> Value | None:
    """``-a``, ``not a``, ``~a``."""
    operand = engine.partial(node.operand)
    if operand is None:
        return None
    if operand.is_tensor:
        return TENSOR_VALUE
    if operand.is_python:
        if node.op == "not":
            return python("bool")
        if operand.known and isinstance(operand.literal, (int, float)) and node.op == "-":
            return python(operand.what, literal=-operand.literal)
        return python(operand.what)
    return UNKNOWN_VALUE


def boolop(engine: Engine, node: nodes.BoolOp) -> Value | None:
    """``a and b``: a tensor when ``a`` is (AutoGraph makes it tf.logical_and); otherwise
    Python picks one of the operands (``n = n or tf.shape(x)[0]`` may be either)."""
    first = engine.partial(node.values[0])
    if first is not None and first.is_tensor:
        return TENSOR_VALUE
    return join(engine.partial(v) for v in node.values)


def compare(engine: Engine, node: nodes.Compare) -> Value | None:
    """``a < b``: a tensor when an operand is; identity and membership tests are Python bools."""
    if all(op in ("is", "is not", "in", "not in") for op, _ in node.ops):
        return python("bool")
    operands = [node.left] + [other for _, other in node.ops]
    if any(isinstance(o, nodes.Const) and o.value is None for o in operands):
        return python("bool")
    values = [engine.partial(o) for o in operands]
    known = [v for v in values if v is not None]
    if any(v.is_tensor for v in known):
        return Value(TENSOR, "tensor")
    if known and all(v.is_python for v in known):
        return python("bool")
    return UNKNOWN_VALUE if known else None


def ifexp(engine: Engine, node: nodes.IfExp) -> Value | None:
    """``a if c else b``: either branch."""
    return join([engine.partial(node.body), engine.partial(node.orelse)])
