"""The questions checkers ask: "is this node graph code, and why?", "what does this name mean?"

State lives in one :class:`~tflint.project.Project` per pylint run; checkers call
:func:`reset` from ``open()`` so a long-lived editor process starts each run afresh.
"""

from __future__ import annotations

from astroid import nodes

from tflint import tfapi
from tflint.names import NameResolver
from tflint.project import Project
from tflint.trace import Trace

_state: dict[str, Project] = {}


def reset() -> None:
    """Forget everything: called at the start of each pylint run."""
    _state["project"] = Project()


def project() -> Project:
    """The current run's project cache."""
    if "project" not in _state:
        reset()
    return _state["project"]


def names(node: nodes.NodeNG) -> NameResolver:
    """The name resolver of the module holding ``node``."""
    return project().names(node.root())


def graph_context(node: nodes.NodeNG) -> Trace | None:
    """Why ``node`` runs as graph code (only while tracing), or None when it runs eagerly.

    A node is graph code when its innermost enclosing function is traced, or is nested
    in a traced function (and is not a ``tf.py_function`` callback), and it is not in
    the eager branch of ``if tf.executing_eagerly():``.
    """
    module = node.root()
    if not isinstance(module, nodes.Module):
        return None
    proj = project()
    graph = proj.graph(module)
    traced = proj.traced(module)
    child, current = node, node.parent
    if isinstance(node, (nodes.FunctionDef, nodes.Lambda)):
        current = node
    while current is not None:
        if isinstance(current, nodes.ClassDef) or _after_graph_return(child, graph.names):
            return None
        if isinstance(current, (nodes.FunctionDef, nodes.Lambda)) and _in_body(current, child):
            if current in graph.eager_callbacks:
                return None
            if current in traced:
                return traced[current]
        elif isinstance(current, nodes.If) and _eager_branch(current, child, graph.names):
            return None
        child, current = current, current.parent
    return None


def enclosing_function(node: nodes.NodeNG) -> nodes.FunctionDef | nodes.Lambda | None:
    """The innermost function whose body holds ``node``."""
    child, current = node, node.parent
    while current is not None:
        if isinstance(current, (nodes.FunctionDef, nodes.Lambda)) and _in_body(current, child):
            return current
        child, current = current, current.parent
    return None


def _in_body(func: nodes.FunctionDef | nodes.Lambda, child: nodes.NodeNG) -> bool:
    """Decorators and default values run where the function is defined, not in it."""
    if child is func:
        return True
    body = func.body if isinstance(func.body, list) else [func.body]
    return child in body


def _eager_branch(branch: nodes.If, child: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True when ``child`` sits in the branch of ``branch`` that only runs eagerly."""
    eager_when_true = _eager_test(branch.test, resolver)
    if eager_when_true is None:
        return False
    return child in (branch.body if eager_when_true else branch.orelse)


def _after_graph_return(statement: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True after ``if not tf.executing_eagerly(): return``: the rest only runs eagerly."""
    if not getattr(statement, "is_statement", False):
        return False
    sibling = statement.previous_sibling()
    while sibling is not None:
        if (
            isinstance(sibling, nodes.If)
            and not sibling.orelse
            and _eager_test(sibling.test, resolver) is False
            and sibling.body
            and isinstance(sibling.body[-1], (nodes.Return, nodes.Raise))
        ):
            return True
        sibling = sibling.previous_sibling()
    return False


def _eager_test(test: nodes.NodeNG, resolver: NameResolver) -> bool | None:
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = _eager_test(test.operand, resolver)
        return None if inner is None else not inner
    if isinstance(test, nodes.Call):
        api = resolver.api(test.func)
        if api in tfapi.EAGER_GUARDS or (api or "").endswith(".context.executing_eagerly"):
            return True
        if api in tfapi.GRAPH_GUARDS:
            return False
    return None
