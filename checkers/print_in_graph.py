"""tf-print-in-graph: ``print`` in code that TensorFlow traces."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import context
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import pyapi
from tflint.messages import msgid


class PrintInGraphChecker(TFLintChecker):
    """Python ``print`` runs once per trace, not once per call."""

    msgs = {
        msgid("W", 1): (
            "%s in `%s` runs only while TensorFlow traces it, not on each call (%s); "
            "use tf.print() to print on every call",
            "tf-print-in-graph",
            "print() in traced code runs once per trace, not on every call. Python's print "
            "(and pprint, sys.stdout.write) inside a tf.function, a tf.data "
            "function or a Keras call runs only while TensorFlow traces the function: it "
            "prints once, showing symbolic tensors, and then never again. tf.print is a "
            "graph op and prints the values on every call.",
        ),
    }

    @only_required_for_messages("tf-print-in-graph")
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Report print-like calls in graph code."""
        name = context.callee_api(node)
        if name not in pyapi.PRINT_CALLS:
            return
        trace = context.graph_context(node)
        if trace is None:
            return
        spelled = "print()" if name == "builtins.print" else f"{node.func.as_string()}()"
        self.add_message(
            "tf-print-in-graph",
            node=node,
            args=(spelled, trace.chain[-1], trace.describe(node.root().file)),
            confidence=trace.confidence,
        )
