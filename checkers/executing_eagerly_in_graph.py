"""tf-executing-eagerly-in-graph: ``tf.executing_eagerly()`` in code that always runs traced."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import context, guards
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import tfapi
from tflint.messages import msgid

SYMBOL = "tf-executing-eagerly-in-graph"


class ExecutingEagerlyInGraphChecker(TFLintChecker):
    """``tf.executing_eagerly()`` is False in every trace: the eager branch is dead code."""

    msgs = {
        msgid("W", 25): (
            "`%s` is always False while TensorFlow traces `%s` (%s), so the code that expects eager "
            "execution never runs; drop the check, or move the eager-only code out of the traced function",
            SYMBOL,
            "tf.executing_eagerly() in a function that always runs traced is always False. Inside a "
            "tf.function or a tf.data function TensorFlow builds a graph, and tf.executing_eagerly() "
            "returns False on every trace: the branch written for eager execution is dead code. Helpers "
            "and Keras methods that also run eagerly, and checks with code for both modes (an `else`, "
            "or `if not tf.executing_eagerly(): return ...`), are not reported.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Report ``tf.executing_eagerly()`` in tf.function and tf.data entry points."""
        if context.callee_api(node) not in tfapi.EAGER_GUARDS:
            return
        resolver = context.names(node)
        trace = context.graph_context(node)
        if trace is None or trace.kind not in ("function", "dataset") or guards.in_init_scope(node, resolver):
            return
        func = context.enclosing_function(node)
        if func is None or context.project().traced(func.root()).get(func) is not trace or len(trace.chain) != 1:
            return  # a helper may also be called eagerly: there the check is the point
        if _handles_both_modes(node, resolver):
            return
        self.add_message(
            SYMBOL,
            node=node,
            args=(node.as_string(), trace.chain[-1], trace.describe(node.root().file)),
            confidence=trace.confidence,
        )


def _handles_both_modes(call: nodes.Call, resolver) -> bool:
    """``if tf.executing_eagerly(): ... else: ...`` or ``if not tf.executing_eagerly(): return``:
    code written for both modes (``tf.config.run_functions_eagerly(True)`` runs the eager one)."""
    assign = call.parent
    if isinstance(assign, nodes.Assign) and assign.value is call and len(assign.targets) == 1:
        # `eager = tf.executing_eagerly()` then `if eager: ... else: ...`
        target = assign.targets[0]
        func = context.enclosing_function(call)
        if not isinstance(target, nodes.AssignName) or func is None:
            return False
        return any(
            _branch_handles_both_modes(name, resolver)
            for name in func.nodes_of_class(nodes.Name)
            if name.name == target.name and guards.eager_test(name, resolver) is True
        )
    return _branch_handles_both_modes(call, resolver)


def _branch_handles_both_modes(test: nodes.NodeNG, resolver) -> bool:
    """``test`` (or ``not test``) is the test of an ``if`` with code for both modes."""
    while isinstance(test.parent, nodes.UnaryOp) and test.parent.op == "not":
        test = test.parent
    branch = test.parent
    if not isinstance(branch, nodes.If) or branch.test is not test:
        return False
    if branch.orelse:
        return True
    return guards.ends_graph_path(branch, resolver) and isinstance(branch.body[-1], nodes.Return)
