"""Names: a name's value is the join of the values its bindings store, found in the code of
its function (parameters, assignments, loop targets, unpacking, ``with ... as``).

The engine memoises :func:`assigned` per binding (:meth:`Engine.binding`); the functions here
only say what one binding or one name reference holds.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis.names import scope_lookup
from tflint.analysis.tensors.syntax import LOOPS, loop_carried
from tflint.analysis.tensors.value import TENSOR_VALUE, UNKNOWN_VALUE, Value, element_of, join, python, python_binop

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine


def assignname(engine: Engine, node: nodes.AssignName) -> Value | None:
    """The target of an assignment, evaluated as an expression: what it stores."""
    return engine.binding(node)


def namedexpr(engine: Engine, node: nodes.NamedExpr) -> Value | None:
    """``(n := value)``."""
    return engine.partial(node.value)


def name(engine: Engine, node: nodes.Name) -> Value | None:
    """A name reference: the join of every binding that may reach it."""
    bindings: Sequence[nodes.NodeNG]
    if engine.names.unbound(node.name) and node.root() is engine.module:
        scope, bindings = None, ()  # a builtin: no need for astroid's lookup
    else:
        scope, bindings = scope_lookup(node, node.name)
        if scope is None:  # astroid could not look it up: unknown
            return UNKNOWN_VALUE
    if scope is None or isinstance(scope, nodes.Module) and scope.name == "builtins" or not bindings:
        if node.name in ("True", "False"):
            return python("bool")
        return python("builtin") if hasattr(builtins, node.name) else UNKNOWN_VALUE
    bindings = list(bindings) + loop_carried(node, scope)
    found = join(engine.binding(b) for b in bindings)
    if found is not None and found.is_python and found.what in ("int", "float", "bool", ""):
        if _carried_by_tensor_loop(engine, node, scope):
            return UNKNOWN_VALUE  # AutoGraph makes it a loop variable: a tensor in and after the loop
    return found


def _carried_by_tensor_loop(engine: Engine, node: nodes.Name, scope) -> bool:
    """True when a loop on tensors (before or around ``node``) assigns ``node``'s name."""
    for binding in scope.locals.get(node.name, ()):
        loop = binding.parent
        while loop is not None and loop is not scope and not isinstance(loop, LOOPS):
            loop = loop.parent
        if not isinstance(loop, LOOPS) or loop.lineno is None or node.lineno is None or node.lineno < loop.lineno:
            continue
        tested = engine.partial(loop.iter if isinstance(loop, nodes.For) else loop.test)
        if tested is not None and (tested.is_tensor or tested.what == "dataset"):
            return True
    return False


def assigned(engine: Engine, binding: nodes.AssignName) -> Value | None:
    """The value a name binding stores."""
    parent = binding.parent
    if isinstance(parent, nodes.Arguments):
        return engine.parameters.value(parent.parent, binding.name)
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
        if parent.value is None:
            return UNKNOWN_VALUE
        return engine.partial(parent.value)
    if isinstance(parent, nodes.AugAssign):
        return _augmented(engine, binding, parent)
    if isinstance(parent, (nodes.For, nodes.Comprehension)):
        return iterated(engine, parent.iter)
    if isinstance(parent, nodes.NamedExpr):
        return engine.partial(parent.value)
    if isinstance(parent, nodes.ExceptHandler):
        return python("exception")
    if isinstance(parent, nodes.With):
        return _managed(engine, binding, parent)
    if isinstance(parent, (nodes.Tuple, nodes.List)):
        return _unpacked(engine, binding)
    return UNKNOWN_VALUE


def _augmented(engine: Engine, binding: nodes.AssignName, statement: nodes.AugAssign) -> Value | None:
    """``name += change``: the earlier bindings of ``name`` combined with ``change``."""
    change = engine.partial(statement.value)
    if change is not None and change.is_tensor:
        return TENSOR_VALUE
    scope, before = scope_lookup(binding, binding.name)
    if scope is None:  # astroid could not look it up: unknown
        return UNKNOWN_VALUE
    previous = join(engine.binding(b) for b in before if b is not binding)
    if previous is None or change is None:
        return previous or change
    if previous.is_tensor:
        return TENSOR_VALUE
    if previous.is_python and change.is_python:
        return python_binop(statement.op.rstrip("="), previous, change)
    return UNKNOWN_VALUE


def _managed(engine: Engine, binding: nodes.AssignName, statement: nodes.With) -> Value:
    """``with manager as name``: only a tape or a plain object is known to bind itself."""
    for expr, target in statement.items:
        if target is binding:
            manager = engine.value(expr)
            return manager if manager.what in ("tape", "object") else UNKNOWN_VALUE
    return UNKNOWN_VALUE


def _unpacked(engine: Engine, binding: nodes.AssignName) -> Value | None:
    """``a, b = value`` and ``for a, b in pairs``: the part of the value ``binding`` gets."""
    path: list[int] = []
    child, parent = binding, binding.parent
    while isinstance(parent, (nodes.Tuple, nodes.List)):
        if any(isinstance(e, nodes.Starred) for e in parent.elts):
            return UNKNOWN_VALUE
        path.append(parent.elts.index(child))
        child, parent = parent, parent.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
        whole = engine.partial(parent.value)
    elif isinstance(parent, (nodes.For, nodes.Comprehension)):
        whole = iterated(engine, parent.iter)
    else:
        return UNKNOWN_VALUE
    for index in reversed(path):
        if whole is None:
            return None
        if whole.is_tensor:
            return TENSOR_VALUE  # unpacking a tensor (an error reported elsewhere) gives tensors
        if whole.items is not None:
            whole = whole.items[index] if index < len(whole.items) else UNKNOWN_VALUE
        elif whole.element is not None and whole.what in ("list", "tuple"):
            whole = whole.element
        else:
            return UNKNOWN_VALUE
    return whole


def iterated(engine: Engine, iterable: nodes.NodeNG) -> Value | None:
    """The value of each item of ``iterable`` (a ``for`` target's value)."""
    value = engine.partial(iterable)
    return None if value is None else element_of(value)
