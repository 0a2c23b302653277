"""tf-eager-training-loop (opt-in): a custom training step run eagerly in a Python loop."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from tflint.analysis import calls, context
from tflint.analysis.index import module_nodes
from tflint.analysis.project import ModuleFact
from tflint.checkers.base import OptInChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-eager-training-loop"
_UPDATES = frozenset({"apply_gradients", "minimize"})
_FIX = (
    "decorate the step with @tf.function and pass it tensors (not Python numbers) so that it runs as one "
    "graph, usually several times faster"
)
_INLINE_FIX = (
    "move the step into a function decorated with @tf.function and call it from the loop with tensors "
    "(not Python numbers), so that it runs as one graph, usually several times faster"
)


class EagerTrainingLoopChecker(OptInChecker):
    """Opt-in: the seed's "wrap training steps in tf.function" advice, where it applies."""

    msgs = {
        msgid("C", 36): (
            "%s runs a training step (tf.GradientTape and `%s`) eagerly %s, so every op is dispatched "
            "from Python on every step; %s",
            SYMBOL,
            "A custom training step (tf.GradientTape and optimizer.apply_gradients) runs eagerly in "
            "a Python loop. Eager execution runs each operation from Python, one at a time; the "
            "same step in a tf.function runs as one graph that TensorFlow can optimise, "
            "typically several times faster for small models. Off by default: enable it with "
            "--enable=tf-eager-training-loop.",
            {"default_enabled": False},
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        """A step function with a tape and an update, called in an eager loop."""
        if node not in context.project().fact(node.root(), TAPE_FUNCTIONS):
            return  # most functions record no gradients: no need to walk their bodies
        update = _training_step(node.body)
        if update is None or context.graph_context(node) is not None:
            return
        for call in calls.calls_of(node):
            loops = calls.enclosing_loops(call)
            if loops and context.graph_context(call) is None and not context.in_test_code(call):
                where = f"and is called in {calls.loop_phrase(loops[0])}"
                if call.root() is not node.root():
                    where += f" of {calls.os_basename(call.root().file)}"
                self.add_message(
                    SYMBOL,
                    node=node,
                    args=(f"`{node.name}`", update, where, _FIX),
                    confidence=HIGH if call.root() is node.root() else INFERENCE,
                )
                return

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_with(self, node: nodes.With) -> None:
        """A tape and an update written straight into the body of an eager loop."""
        if not _records_gradients(node):
            return
        loops = calls.enclosing_loops(node)
        if not loops or context.graph_context(node) is not None or context.in_test_code(node):
            return
        if isinstance(node.scope(), nodes.FunctionDef) and isinstance(node.scope().parent, nodes.ClassDef):
            return  # a library method: its callers may well trace it (TF-Agents' `agent.train`)
        loop = loops[0]
        update = _update_in(loop.body if isinstance(loop, (nodes.For, nodes.While)) else [loop])
        if update is None:
            return
        subject = calls.loop_phrase(loop)
        self.add_message(
            SYMBOL,
            node=node,
            args=(subject[0].upper() + subject[1:], update, "on every iteration", _INLINE_FIX),
            confidence=HIGH,
        )


def _training_step(body: list[nodes.NodeNG]) -> str | None:
    """The update method when ``body`` records a GradientTape and applies the gradients once.

    A body whose tape sits in a loop of its own is a whole training loop (``fit``-like): a call
    of it runs many steps, and the loop inside is what :meth:`visit_with` looks at.
    """
    has_tape = False
    for node in _walk(body):
        if isinstance(node, nodes.With) and _records_gradients(node):
            if calls.enclosing_loops(node):
                return None
            has_tape = True
    return _update_in(body) if has_tape else None


def _records_gradients(node: nodes.With) -> bool:
    """``with tf.GradientTape() ...:``"""
    return any(
        isinstance(expr, nodes.Call) and context.names(node).api(expr.func) == "tensorflow.GradientTape"
        for expr, _ in node.items
    )


def _tape_functions(module: nodes.Module) -> set[nodes.NodeNG]:
    """The functions whose own body (nested functions aside) records gradients."""
    return {node.scope() for node in module_nodes(module, nodes.With) if _records_gradients(node)}


def _update_in(body: list[nodes.NodeNG]) -> str | None:
    for node in _walk(body):
        if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute) and node.func.attrname in _UPDATES:
            return node.func.attrname
    return None


def _walk(body: list[nodes.NodeNG]):
    """Nodes of ``body``, not descending into nested functions or classes."""
    stack = list(body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)):
            continue
        stack.extend(node.get_children())


TAPE_FUNCTIONS = ModuleFact("functions that record a GradientTape", _tape_functions)
