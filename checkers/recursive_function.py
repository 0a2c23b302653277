"""tf-recursive-function: a tf.function that calls itself, directly or through a short cycle."""

from __future__ import annotations

from collections import deque

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from tflint.analysis import calls, context
from tflint.analysis.graph import FunctionNode, function_label
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-recursive-function"
_MAX_CYCLE = 3


class RecursiveFunctionChecker(TFLintChecker):
    """Recursion through a tf.function re-enters tracing on every level."""

    msgs = {
        msgid("W", 33): (
            "`%s` calls %s while it is being traced (%s): each level of recursion traces the function "
            "again, one trace per value with Python arguments and without end with tensors (TensorFlow "
            "fails with RecursionError); %s",
            SYMBOL,
            "A tf.function calls itself, directly or through a short cycle of functions. Calling "
            "a tf.function from its own trace starts a new trace of it: with Python arguments "
            "the recursion is unrolled into one graph per value, and with tensor arguments the "
            "Python base case never decides (its condition is a symbolic tensor) so tracing "
            "recurses until Python's RecursionError.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Calls of a tf.function from its own body or from a function it calls."""
        if not isinstance(node.func, (nodes.Name, nodes.Attribute)):
            return
        caller = context.enclosing_function(node)
        if caller is None or not context.has_graph_code(node.root()):
            return
        target = calls.traced_callable(node.func)
        if target is None or context.graph_context(node) is None:
            return
        cycle = _cycle(target.func, caller)
        if cycle is None or any(_is_abstract(func) for func in cycle):
            return  # through an abstract method: subclasses replace that body, so the cycle never runs
        if len(cycle) > 1 and _built_here_behind_a_condition(target, caller, node):
            return  # `if jit: build f; return f()` where f calls back with jit off: bounded Python recursion
        if len(cycle) == 1:
            how, confidence = "itself", HIGH
        else:
            chain = " -> ".join(function_label(f) for f in cycle + [target.func])
            how, confidence = f"the tf.function `{target.label}`, which calls it ({chain})", INFERENCE
        self.add_message(
            SYMBOL,
            node=node,
            args=(
                function_label(cycle[-1]),
                how,
                f"`{target.label}` is traced by {target.where()}",
                "rewrite the recursion as a loop (`tf.while_loop`, or a `for` loop over `tf.range`) or "
                "recurse in a plain Python helper over Python values",
            ),
            confidence=confidence,
        )


def _built_here_behind_a_condition(target: calls.TracedCallable, caller: FunctionNode, call: nodes.Call) -> bool:
    """The tf.function is created by ``caller`` itself and called under an ``if``: every level
    builds a new object, and the Python condition decides whether the next level does
    (TFP's ``minimize``: ``if jit_compile:`` wraps itself once, called back with it off)."""
    if target.creation.scope() is not caller:
        return False
    current = call.parent
    while current is not None and current is not caller:
        if isinstance(current, nodes.If):
            return True
        current = current.parent
    return False


def _is_abstract(func: FunctionNode) -> bool:
    """``@abstractmethod`` (or ``@abc.abstractmethod``): a placeholder body that subclasses override."""
    if not isinstance(func, nodes.FunctionDef) or not func.decorators:
        return False
    for decorator in func.decorators.nodes:
        name = decorator.attrname if isinstance(decorator, nodes.Attribute) else getattr(decorator, "name", "")
        if name in ("abstractmethod", "abstractproperty"):
            return True
    return False


def _cycle(start: FunctionNode, caller: FunctionNode) -> list[FunctionNode] | None:
    """The call path from ``start`` to ``caller`` (``[start]`` when they are the same), if short."""
    enclosing: list[FunctionNode] = []
    current: nodes.NodeNG | None = caller
    while isinstance(current, (nodes.FunctionDef, nodes.Lambda)):
        enclosing.append(current)
        current = context.enclosing_function(current)
    if start in enclosing:
        return [start]
    project = context.project()
    paths: deque[list[FunctionNode]] = deque([[start]])
    seen = {start}
    while paths:
        path = paths.popleft()
        if len(path) > _MAX_CYCLE:
            continue
        for callee, confidence in project.graph(path[-1].root()).edges(path[-1]):
            if confidence != HIGH or callee in seen:
                continue
            if callee in enclosing:
                return path + [callee]
            seen.add(callee)
            paths.append(path + [callee])
    return None
