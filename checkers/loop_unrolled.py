"""tf-loop-unrolled: Python loops in traced code that become one copy of the body per iteration."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, tensors
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import tensor_api
from tflint.messages import msgid

SYMBOL = "tf-loop-unrolled"


class LoopUnrolledChecker(TFLintChecker):
    """``for i in range(1000)`` and ``for v in tf.unstack(t)`` in graph code."""

    msgs = {
        msgid("R", 27): (
            "%s is a Python loop: TensorFlow traces `%s` (%s) by running it, so the graph gets %s copies "
            "of the loop body; %s",
            SYMBOL,
            "A Python loop in traced code is unrolled into the graph. A `for` over range(N) with a "
            "constant N, or over a Python list of tensor slices (tf.unstack, tf.split), runs while "
            "tracing and adds one copy of the body to the graph per iteration: the graph and the "
            "tracing time grow with N. A loop over tf.range (or over the tensor itself) becomes one "
            "graph loop.",
        ),
    }
    options = (
        (
            "tf-unroll-threshold",
            {
                "default": 100,
                "type": "int",
                "metavar": "<int>",
                "help": "Report Python loops over range(N) in traced code from this many iterations on.",
            },
        ),
    )

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_for(self, node: nodes.For) -> None:
        """``for i in range(N):`` and ``for v in tf.unstack(t):``."""
        self._check(node, node.iter, f"`for ... in {node.iter.as_string()}:`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_comprehension(self, node: nodes.Comprehension) -> None:
        """``[f(i) for i in range(N)]``."""
        self._check(node.iter, node.iter, f"the comprehension over `{node.iter.as_string()}`", slices=False)

    def _check(self, node: nodes.NodeNG, iterable: nodes.NodeNG, what: str, slices: bool = True) -> None:
        value = tensors.graph_value_of(iterable)
        if value.is_python and value.what == "range" and value.known:
            if value.literal < self.linter.config.tf_unroll_threshold:
                return
            count, fix = str(value.literal), "iterate over tf.range(N) so AutoGraph builds one graph loop"
        elif slices and value.is_python and value.origin in tensor_api.SLICING_LISTS and not _constant_slices(iterable):
            count = f"`{value.origin.replace('tensorflow.', 'tf.')}`-many"
            fix = "iterate over the tensor itself or tf.range(n) (one graph loop), or use tf.map_fn / vectorized ops"
        else:
            return
        trace = autograph.traced(node)
        if trace is None:
            return
        self.add_message(
            SYMBOL,
            node=node,
            args=(what, trace.chain[-1], trace.describe(node.root().file), count, fix),
            confidence=trace.confidence if value.what == "range" else autograph.confidence(trace),
        )


def _constant_slices(iterable: nodes.NodeNG) -> bool:
    """``tf.unstack(x, num=4)`` / ``tf.split(x, 2)``: a number of slices the author fixed on purpose."""
    if not isinstance(iterable, nodes.Call):
        return False
    count = None
    for kw in iterable.keywords or ():
        if kw.arg in ("num", "num_or_size_splits"):
            count = kw.value
    if count is None and len(iterable.args) > 1:
        count = iterable.args[1]
    if isinstance(count, (nodes.List, nodes.Tuple)):
        return True  # explicit sizes: as many slices as the literal has items
    return isinstance(count, nodes.Const) and isinstance(count.value, int)
