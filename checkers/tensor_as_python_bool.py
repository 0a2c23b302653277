"""tf-tensor-as-python-bool: a symbolic tensor where Python needs a bool and AutoGraph does not help."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, context, tensors
from tflint.analysis.trace import Trace
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-tensor-as-python-bool"
_NOT_ALLOWED = "OperatorNotAllowedInGraphError"
_COND_FIX = "branch with tf.cond / tf.where (or tf.while_loop), or let AutoGraph convert the function"


class TensorAsPythonBoolChecker(TFLintChecker):
    """``bool(t)``, ``assert t``, comprehension conditions, and unconverted ``if``/``while`` on tensors."""

    msgs = {
        msgid("E", 20): (
            "%s raises %s while TensorFlow traces `%s` (%s); %s",
            SYMBOL,
            "A symbolic tensor is used where Python needs a bool, and AutoGraph does not convert it. "
            "AutoGraph rewrites `if`/`while` on tensors (and `and`/`or`/`not`) in converted code, but "
            "not bool(t), assert, the `if` of a comprehension, max()/min()/any()/all() over tensors, "
            "nor anything in a function traced with autograph=False or that AutoGraph refuses; there "
            "TensorFlow raises OperatorNotAllowedInGraphError while tracing. A tensor-dependent `break` "
            "or `return` inside a Python loop fails too (NotImplementedError / ValueError).",
        ),
    }

    def _report(self, node: nodes.NodeNG, trace: Trace, what: str, error: str, fix: str) -> None:
        if autograph.unreachable_for_tensors(node):
            return  # a branch for NumPy/eager values, or one a known Python flag never takes
        self.add_traced_message(SYMBOL, node, trace, what, error, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """``bool(t)``, ``max(t, u)``/``min``, ``any([...tensors])``/``all``."""
        name = context.callee_api(node)
        if name not in ("builtins.bool", "builtins.max", "builtins.min", "builtins.any", "builtins.all"):
            return
        args = [a for a in node.args if not isinstance(a, nodes.Starred)]
        if not args:
            return
        if name == "builtins.bool":
            if not tensors.is_tensor(args[0]):
                return
            what = f"`{node.as_string()}` on a symbolic tensor"
            fix = "keep the tensor (tf.cast(t, tf.bool)) and " + _COND_FIX
        elif name in ("builtins.max", "builtins.min"):
            if len(args) < 2 or not any(tensors.is_tensor(a) for a in args):
                return
            op = "tf.maximum" if name.endswith("max") else "tf.minimum"
            what, fix = f"`{node.func.as_string()}(...)` comparing symbolic tensors", f"use {op}"
        else:
            items = tensors.value_of(args[0])
            if not (items.is_python and tensors.element_of(items).is_tensor):
                return
            op = "tf.reduce_any" if name.endswith("any") else "tf.reduce_all"
            what, fix = f"`{node.func.as_string()}(...)` over symbolic tensors", f"use {op}(tf.stack([...]))"
        trace = autograph.traced(node)
        if trace is not None:
            self._report(node, trace, what, _NOT_ALLOWED, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_assert(self, node: nodes.Assert) -> None:
        """``assert t > 0`` on a symbolic tensor."""
        if not tensors.is_tensor(node.test):
            return
        trace = autograph.traced(node)
        if trace is not None:
            fix = "use tf.debugging.assert_* (e.g. tf.debugging.assert_greater) or tf.debugging.Assert"
            self._report(node, trace, f"`assert {node.test.as_string()}` on a symbolic tensor", _NOT_ALLOWED, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_comprehension(self, node: nodes.Comprehension) -> None:
        """The ``if`` of a comprehension or generator expression is never converted."""
        for condition in node.ifs:
            if tensors.is_tensor(condition):
                trace = autograph.traced(condition)
                if trace is not None:
                    what = f"the comprehension condition `if {condition.as_string()}` on a symbolic tensor"
                    fix = "filter with tf.boolean_mask / tf.where on the whole tensor, or write a `for` loop"
                    self._report(condition, trace, what, _NOT_ALLOWED, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_if(self, node: nodes.If) -> None:
        """``if t:`` where AutoGraph does not convert."""
        self._unconverted_test(node.test, node.test, f"`if {node.test.as_string()}:`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_while(self, node: nodes.While) -> None:
        """``while t:`` where AutoGraph does not convert."""
        self._unconverted_test(node.test, node.test, f"`while {node.test.as_string()}:`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_ifexp(self, node: nodes.IfExp) -> None:
        """``a if t else b`` where AutoGraph does not convert."""
        self._unconverted_test(node, node.test, f"`... if {node.test.as_string()} else ...`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_boolop(self, node: nodes.BoolOp) -> None:
        """``t and u`` / ``t or u`` where AutoGraph does not convert: Python calls bool(t)."""
        for value in node.values[:-1]:
            if self._unconverted_test(node, value, f"`{node.op}` on `{value.as_string()}`"):
                return

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_unaryop(self, node: nodes.UnaryOp) -> None:
        """``not t`` where AutoGraph does not convert."""
        if node.op == "not":
            self._unconverted_test(node, node.operand, f"`not {node.operand.as_string()}`")

    def _unconverted_test(self, node: nodes.NodeNG, test: nodes.NodeNG, what: str) -> bool:
        if not tensors.is_tensor(test):
            return False
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is not False:
            return False
        why = autograph.why_unconverted(node, trace)
        self._report(node, trace, f"{what} on a symbolic tensor, unconverted ({why}),", _NOT_ALLOWED, _COND_FIX)
        return True

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_break(self, node: nodes.Break) -> None:
        """A tensor-dependent ``break`` in a Python loop."""
        self._jump_in_python_loop(
            node,
            "`break`",
            "NotImplementedError ('break and return statements which depend on a TF "
            "condition are not supported in Python for loops')",
        )

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_return(self, node: nodes.Return) -> None:
        """A tensor-dependent ``return`` in a Python loop."""
        self._jump_in_python_loop(node, "`return`", "ValueError ('the else branch must also have a return statement')")

    def _jump_in_python_loop(self, node: nodes.NodeNG, what: str, error: str) -> None:
        branch = autograph.tensor_branch(node)
        if branch is None:
            return
        loop = _enclosing_loop(branch, stop_at_function=True)
        if loop is None or not autograph.python_loop(loop):
            return
        if isinstance(node, nodes.Break) and _enclosing_loop(node, stop_at_function=True) is not loop:
            return
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is not True:
            return
        kind = "`while` loop on a Python condition" if isinstance(loop, nodes.While) else "Python loop (unrolled)"
        what = f"{what} (line {node.lineno}) under the tensor condition `{branch.test.as_string()}` inside a {kind}"
        fix = "loop over tf.range(...) so AutoGraph builds a graph loop, or compute the result with tensor ops"
        # Where TensorFlow reports it: the loop for `break`, the tensor `if` for `return`.
        if isinstance(node, nodes.Break):
            where = loop.iter if isinstance(loop, nodes.For) else loop.test
        else:
            where = branch.test
        self._report(where, trace, what, error, fix)


def _enclosing_loop(node: nodes.NodeNG, stop_at_function: bool) -> nodes.For | nodes.While | None:
    """The innermost ``for``/``while`` whose body holds ``node`` (within its function)."""
    child, current = node, node.parent
    while current is not None:
        if isinstance(current, (nodes.For, nodes.While)) and child in current.body:
            return current
        if stop_at_function and isinstance(current, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
            return None
        child, current = current, current.parent
    return None
