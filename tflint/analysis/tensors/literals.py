"""Literals, displays and comprehensions: always Python values, with what is known of their items.

Each function takes the engine and a node of its class (the engine's dispatch table), so that
every evaluator has the same shape whether or not it needs the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis.tensors.value import Value, python

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine

_CONSTANT_KINDS = {type(None): "none", bool: "bool", int: "int", float: "float", str: "str", bytes: "bytes"}


def const(engine: Engine, node: nodes.Const) -> Value:
    """A constant: its kind and the constant itself."""
    value = node.value
    return python(_CONSTANT_KINDS.get(type(value), "object"), literal=value)


def joinedstr(engine: Engine, node: nodes.JoinedStr) -> Value:
    """An f-string."""
    return python("str")


def list_display(engine: Engine, node: nodes.List) -> Value:
    """``[a, b]``."""
    return _sequence(engine, node, "list")


def tuple_display(engine: Engine, node: nodes.Tuple) -> Value:
    """``(a, b)``."""
    return _sequence(engine, node, "tuple")


def set_display(engine: Engine, node: nodes.Set) -> Value:
    """``{a, b}``."""
    return _sequence(engine, node, "set")


def _sequence(engine: Engine, node, what: str) -> Value:
    # A starred element hides how many items there are and where each one lands.
    if any(isinstance(e, nodes.Starred) for e in node.elts):
        return python(what)
    return python(what, items=tuple(engine.value(e) for e in node.elts))


def dict_display(engine: Engine, node: nodes.Dict) -> Value:
    """``{k: v}``."""
    return python("dict")


def listcomp(engine: Engine, node: nodes.ListComp) -> Value:
    """``[e for ...]``: a list whose elements are all like ``e``."""
    return python("list", element=engine.value(node.elt))


def setcomp(engine: Engine, node: nodes.SetComp) -> Value:
    """``{e for ...}``."""
    return python("set", element=engine.value(node.elt))


def dictcomp(engine: Engine, node: nodes.DictComp) -> Value:
    """``{k: v for ...}``."""
    return python("dict")


def generatorexp(engine: Engine, node: nodes.GeneratorExp) -> Value:
    """``(e for ...)``."""
    return python("generator", element=engine.value(node.elt))


def lambda_(engine: Engine, node: nodes.Lambda) -> Value:
    """A lambda: a function whose calls return its body's value."""
    return python("function", ref=node)
