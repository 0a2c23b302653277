"""tf-exception-handling-in-graph: handlers that never see graph errors, and ``raise`` under a tensor ``if``."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, context, tensors
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-exception-handling-in-graph"


class ExceptionHandlingInGraphChecker(TFLintChecker):
    """``except tf.errors.X`` around graph ops, and ``raise`` in a branch AutoGraph traces anyway."""

    msgs = {
        msgid("W", 26): (
            "In `%s` (%s), %s; %s",
            SYMBOL,
            "Python exception handling does not work on graph execution in traced code. TF ops in a "
            "traced function fail when the graph runs, after tracing is over, so an `except "
            "tf.errors.*` around them never runs and the error leaves the function call. A `raise` in "
            "a branch of an `if` on a tensor runs while tracing, because AutoGraph traces both branches, "
            "so it raises whatever the value.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_try(self, node: nodes.Try) -> None:
        """``try: <tf ops> except tf.errors.X:`` in graph code."""
        resolver = context.names(node)
        for handler in node.handlers:
            caught = _caught(handler, resolver)
            if not caught:
                continue
            op = next((c for s in node.body for c in _calls(s) if tensors.is_tensor(c)), None)
            if op is None:
                return
            trace = autograph.traced(node)
            if trace is None:
                return
            what = (
                f"`except {caught}` around the graph op `{op.func.as_string()}(...)` never runs: the op fails when "
                "the graph runs, after tracing, and the error leaves the call of the traced function"
            )
            fix = "check inputs with tf.debugging.assert_* / tf.where, or catch the error around the call"
            self.add_message(
                SYMBOL,
                node=handler,
                args=(trace.chain[-1], trace.describe(node.root().file), what, fix),
                confidence=autograph.confidence(trace),
            )
            return

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_raise(self, node: nodes.Raise) -> None:
        """``if t: raise ...``: AutoGraph traces the branch whatever ``t`` is."""
        branch = _innermost_if(node)
        if branch is None or not tensors.is_tensor(branch.test):
            return  # under a Python `if`, the raise only runs when that condition holds while tracing
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is not True:
            return
        what = (
            f"`raise` under the tensor condition `if {branch.test.as_string()}:` runs while tracing, whatever the "
            "value: AutoGraph traces both branches, so tracing always raises"
        )
        fix = "check with tf.debugging.Assert / tf.debugging.assert_* (they fail when the graph runs)"
        self.add_message(
            SYMBOL,
            node=node,
            args=(trace.chain[-1], trace.describe(node.root().file), what, fix),
            confidence=autograph.confidence(trace),
        )


def _caught(handler: nodes.ExceptHandler, resolver) -> str | None:
    """The ``tf.errors.*`` class a handler catches, as spelled, or None."""
    if handler.type is None:
        return None
    types = handler.type.elts if isinstance(handler.type, nodes.Tuple) else [handler.type]
    if any(resolver.api(caught) in _TRACE_TIME_ERRORS for caught in types):
        # `except (ValueError, tf.errors.InvalidArgumentError)`: written for both modes; the
        # ValueError part is what a static shape check raises while tracing
        return None
    for caught in types:
        if (resolver.api(caught) or "").startswith("tensorflow.errors."):
            return caught.as_string()
    return None


# Exceptions TensorFlow raises while tracing (static shape and type checks).
_TRACE_TIME_ERRORS = frozenset(
    {"builtins.ValueError", "builtins.TypeError", "builtins.Exception", "builtins.BaseException"}
)


def _calls(statement: nodes.NodeNG):
    """Calls that run as part of ``statement`` (not in nested functions)."""
    if isinstance(statement, nodes.Call):
        yield statement
    for child in statement.get_children():
        if not isinstance(child, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
            yield from _calls(child)


def _innermost_if(node: nodes.NodeNG) -> nodes.If | None:
    """The innermost ``if`` (in the same function) whose branches hold ``node``."""
    child, current = node, node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
        if isinstance(current, nodes.If) and child is not current.test:
            return current
        child, current = current, current.parent
    return None
