"""The nodes of a module by class, from one walk of its tree.

Many parts of the analysis need "every call of the module", "every import", "every
function": each ``module.nodes_of_class(...)`` is a full recursive walk through generators,
and on a large project those walks added up to a good share of tflint's time. One flat
pre-order list per module answers them all; the same order as ``nodes_of_class``.
"""

from __future__ import annotations

import weakref
from itertools import compress

from astroid import nodes

# Keyed by the module object itself: the index lives exactly as long as astroid keeps the
# module, and an edited file (a new module object) gets a new index.
_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class ModuleIndex:
    """Every node of one module in pre-order, and the concrete node types present."""

    def __init__(self, module: nodes.Module) -> None:
        self.nodes = _preorder(module)
        self._types = set(map(type, self.nodes))

    def of_class(self, classes: type | tuple[type, ...]) -> list[nodes.NodeNG]:
        """The nodes that are instances of ``classes``, in pre-order (a new list)."""
        # Not memoised: the analysis asks for each selection once per module, and kept lists
        # would only give every full garbage collection of a long run more to walk.
        # A set of the concrete node types present is quicker to test than isinstance.
        wanted = {kind for kind in self._types if issubclass(kind, classes)}
        return list(compress(self.nodes, map(wanted.__contains__, map(type, self.nodes))))


def module_nodes(module: nodes.Module, classes: type | tuple[type, ...]) -> list[nodes.NodeNG]:
    """Like ``module.nodes_of_class(classes)`` (as a list), from the module's one walk."""
    index = _INDEXES.get(module)
    if index is None:
        index = ModuleIndex(module)
        _INDEXES[module] = index
    return index.of_class(classes)


def _leaf_types() -> frozenset[type]:
    """The node classes that never have children (``Name``, ``Const``, ``Pass`` ...)."""
    try:
        from astroid.nodes._base_nodes import NoChildrenNode  # pylint: disable=import-outside-toplevel
    except ImportError:  # another astroid layout: walk every node
        return frozenset()
    return frozenset(
        kind for kind in vars(nodes).values() if isinstance(kind, type) and issubclass(kind, NoChildrenNode)
    )


_LEAVES = _leaf_types()


def _preorder(root: nodes.NodeNG) -> list[nodes.NodeNG]:
    # Iterative: deep expressions must not hit the recursion limit.
    found: list[nodes.NodeNG] = []
    stack = [root]
    pop, push, add = stack.pop, stack.extend, found.append
    leaves = _LEAVES
    while stack:
        node = pop()
        add(node)
        if type(node) in leaves:
            continue  # a third of all nodes are names and constants: no generator to start
        children = [*node.get_children()]
        if children:
            children.reverse()
            push(children)
    return found
