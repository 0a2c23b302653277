"""tf-tensor-iteration: iterating a symbolic tensor where AutoGraph does not convert the loop."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, context, tensors
from tflint.analysis.trace import Trace
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-tensor-iteration"
_NOT_ALLOWED = "OperatorNotAllowedInGraphError ('Iterating over a symbolic `tf.Tensor` is not allowed')"
_LOOP_FIX = "write a `for v in t:` loop (AutoGraph makes it a graph loop), or use tf.map_fn / vectorized ops"
# Builtins that iterate their argument(s) in Python: which arguments, and the fix.
_ITERATING_BUILTINS = {
    "builtins.list": (slice(0, 1), "keep the tensor, or tf.unstack(t) for a Python list of its rows"),
    "builtins.tuple": (slice(0, 1), "keep the tensor, or tf.unstack(t) for a Python list of its rows"),
    "builtins.set": (slice(0, 1), "use tf.unique"),
    "builtins.frozenset": (slice(0, 1), "use tf.unique"),
    "builtins.dict": (slice(0, 1), "keep the tensor, or tf.unstack(t) for a Python list of its rows"),
    "builtins.iter": (slice(0, 1), _LOOP_FIX),
    "builtins.sum": (slice(0, 1), "use tf.reduce_sum"),
    "builtins.any": (slice(0, 1), "use tf.reduce_any"),
    "builtins.all": (slice(0, 1), "use tf.reduce_all"),
    "builtins.enumerate": (slice(0, 1), "iterate `for i in tf.range(tf.shape(t)[0])` and index t[i]"),
    "builtins.zip": (slice(0, None), "iterate `for i in tf.range(n)` and index each tensor, or tf.map_fn over a tuple"),
    "builtins.map": (slice(1, None), "use tf.map_fn or vectorized ops"),
    "builtins.filter": (slice(1, None), "use tf.boolean_mask"),
}


class TensorIterationChecker(TFLintChecker):
    """Comprehensions, ``list(t)``, ``zip(t, ...)``, unpacking and unconverted loops over tensors."""

    msgs = {
        msgid("E", 21): (
            "%s raises %s while TensorFlow traces `%s` (%s); %s",
            SYMBOL,
            "A symbolic tensor is iterated in Python where AutoGraph does not convert the loop. "
            "AutoGraph turns `for v in t:` into a graph loop, but not comprehensions, unpacking "
            "(`a, b = t`), `*t`, or builtins that iterate (list(t), zip(t, u), enumerate(t), sum(t), "
            "max(t)), nor loops in code traced with autograph=False. Iterating a symbolic tensor raises "
            "OperatorNotAllowedInGraphError while tracing, whatever its static shape.",
        ),
    }

    def _report(self, node: nodes.NodeNG, what: str, fix: str, error: str = _NOT_ALLOWED) -> None:
        trace = autograph.traced(node)
        if trace is not None:
            self._emit(node, trace, what, fix, error)

    def _emit(self, node: nodes.NodeNG, trace: Trace, what: str, fix: str, error: str = _NOT_ALLOWED) -> None:
        if autograph.unreachable_for_tensors(node):
            return  # a branch for NumPy/eager values, or one a known Python flag never takes
        self.add_traced_message(SYMBOL, node, trace, what, error, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_comprehension(self, node: nodes.Comprehension) -> None:
        """``[f(v) for v in t]``: comprehensions are never converted."""
        if tensors.is_tensor(node.iter):
            what = f"the comprehension over the symbolic tensor `{node.iter.as_string()}`"
            self._report(node.iter, what, "iterate with a `for` loop that AutoGraph converts, or use tf.map_fn")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_for(self, node: nodes.For) -> None:
        """``for v in t:`` in code that AutoGraph does not convert."""
        if not tensors.is_tensor(node.iter):
            return
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is not False:
            return
        why = autograph.why_unconverted(node, trace)
        what = f"`for ... in {node.iter.as_string()}:` over a symbolic tensor, unconverted ({why}),"
        self._emit(node.iter, trace, what, "use tf.while_loop / tf.map_fn, or let AutoGraph convert the function")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Builtins that iterate a tensor argument: ``list(t)``, ``zip(t, u)``, ``sum(t)`` ..."""
        name = context.callee_api(node)
        if name in ("builtins.max", "builtins.min", "builtins.sorted"):
            if len(node.args) != 1 or not tensors.is_tensor(node.args[0]):
                return
            if name == "builtins.sorted":
                trace = autograph.traced(node)
                if trace is not None and autograph.conversion(node, trace) is False:
                    self._emit(node, trace, f"`{node.as_string()}` of a symbolic tensor", "use tf.sort")
                return
            op = "tf.reduce_max" if name.endswith("max") else "tf.reduce_min"
            self._report(node, f"`{node.func.as_string()}(...)` of a symbolic tensor", f"use {op}")
            return
        if name not in _ITERATING_BUILTINS:
            return
        positions, fix = _ITERATING_BUILTINS[name]
        for arg in node.args[positions]:
            if not isinstance(arg, nodes.Starred) and tensors.is_tensor(arg):
                what = f"`{node.func.as_string()}(...)` iterating the symbolic tensor `{arg.as_string()}`"
                self._report(node, what, fix)
                return

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_assign(self, node: nodes.Assign) -> None:
        """``a, b = t``: unpacking iterates the tensor."""
        if any(isinstance(t, (nodes.Tuple, nodes.List)) for t in node.targets) and tensors.is_tensor(node.value):
            targets = ", ".join(t.as_string() for t in node.targets)
            what = f"unpacking the symbolic tensor `{node.value.as_string()}` into `{targets}`"
            self._report(node, what, "index it (`t[0]`, `t[1]`) or use tf.unstack(t, num=...)")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_starred(self, node: nodes.Starred) -> None:
        """``f(*t)`` / ``[*t]``: star-unpacking iterates the tensor."""
        if isinstance(node.parent, (nodes.Call, nodes.List, nodes.Tuple, nodes.Set)) and tensors.is_tensor(node.value):
            what = f"`*{node.value.as_string()}` unpacking a symbolic tensor"
            self._report(node, what, "pass the tensor itself, or tf.unstack(t) for a Python list of its rows")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_compare(self, node: nodes.Compare) -> None:
        """``v in t``: Python's membership test iterates the tensor."""
        for op, other in node.ops:
            if op in ("in", "not in") and tensors.is_tensor(other):
                what = f"`{op}` on the symbolic tensor `{other.as_string()}`"
                error = "TypeError (argument of type 'SymbolicTensor' is not iterable)"
                self._report(node, what, "use tf.reduce_any(tf.equal(t, v))", error)
                return
