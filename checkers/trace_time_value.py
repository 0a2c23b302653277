"""tf-trace-time-value: clocks and Python/NumPy random numbers frozen into the graph."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import context
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import pyapi
from tflint.messages import msgid


class TraceTimeValueChecker(TFLintChecker):
    """Values Python computes while tracing become constants of the graph."""

    msgs = {
        msgid("W", 3): (
            "`%s()` in `%s` runs once, while TensorFlow traces it, and its result is frozen "
            "into the graph as a constant (%s); %s",
            "tf-trace-time-value",
            "Clock readings and Python or NumPy random numbers in traced code are frozen into "
            "the graph. time.time(), datetime.now(), random.*, np.random.* and uuid.* inside traced code "
            "are evaluated by Python during tracing. The graph stores the result as a "
            "constant, so every later call sees the same 'random' number or timestamp.",
        ),
    }

    @only_required_for_messages("tf-trace-time-value")
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Report calls whose value is computed by Python at trace time."""
        fix = pyapi.trace_time_fix(context.callee_api(node))
        if fix is None:
            return
        trace = context.graph_context(node)
        if trace is None:
            return
        self.add_message(
            "tf-trace-time-value",
            node=node,
            args=(node.func.as_string(), trace.chain[-1], trace.describe(node.root().file), fix),
            confidence=trace.confidence,
        )
