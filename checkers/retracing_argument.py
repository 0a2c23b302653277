"""tf-retracing-argument: a tf.function called with values that change its trace key on each call."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from tflint.analysis import calls, context
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-retracing-argument"
_BY_VALUE = "tf.function keys Python {what} by value, so each new value traces a new graph"
_BY_IDENTITY = "tf.function keys {what} by identity, so each new one traces a new graph"
_SHAPE = "tf.function keys tensors by shape, so each new shape traces a new graph"
_EFFECTS = {
    calls.LOOP_VARIABLE: (
        _BY_VALUE.format(what="numbers"),
        "pass a tensor instead (`tf.constant({expr})`) or declare `{param}` in an input_signature",
    ),
    calls.LOOP_VALUE: (
        _BY_VALUE.format(what="numbers"),
        "pass a tensor instead (`tf.constant({expr})`) or declare `{param}` in an input_signature",
    ),
    calls.STRING: (
        _BY_VALUE.format(what="strings"),
        "pass a string tensor (`tf.constant({expr})`) or keep the changing text out of the arguments",
    ),
    calls.DISPLAY: (
        _BY_VALUE.format(what="values inside lists, tuples and dicts"),
        "pass the changing values as tensors (`tf.constant(...)`)",
    ),
    calls.FUNCTION: (
        _BY_IDENTITY.format(what="functions"),
        "create the function once, outside the loop, and pass the same object",
    ),
    calls.FRESH_OBJECT: (
        _BY_IDENTITY.format(what="Python objects"),
        "create the object once, outside the loop, or pass its values as tensors",
    ),
}
_SHAPE_FIX = (
    "add `reduce_retracing=True` to the tf.function, or an input_signature with `None` for the changing "
    "dimension (`tf.TensorSpec(shape=[None, ...])`)"
)


class RetracingArgumentChecker(TFLintChecker):
    """Python values, new objects and new shapes passed to a tf.function retrace it."""

    msgs = {
        msgid("W", 30): (
            "`%s` is called %s with %s for its parameter `%s`: %s; %s",
            SYMBOL,
            "A tf.function is called with a value that makes it trace a new graph on each call. "
            "A tf.function reuses a graph only for calls with the same trace key: tensors count by "
            "dtype and shape, Python numbers and strings by value, other Python objects "
            "(lambdas, new objects) by identity. A loop counter, a float computed in Python, an "
            "f-string, a new lambda or object, or a tensor whose shape changes on every call "
            "makes TensorFlow trace the function again each time, which is slow and grows memory; "
            "TensorFlow only logs a rate-limited warning after five retraces.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Calls of tf.functions with changing Python values or shapes."""
        if not calls.may_retrace(node):
            return
        site = calls.call_site(node)
        if site is None or site.in_graph:
            return  # calls inside traced code happen once per outer trace
        for argument in site.arguments:
            if argument.retraces:
                self._report_value(site, argument)
            elif argument.shape_varies and not argument.covered and not site.target.reduce_retracing:
                self._report_shape(site, argument)
            elif argument.static_shape is not None and not argument.covered and not site.target.reduce_retracing:
                self._report_static_shapes(site, argument)

    def _report_value(self, site: calls.CallSite, argument: calls.Argument) -> None:
        effect, fix = _EFFECTS.get(argument.kind, (_BY_VALUE.format(what="values"), "pass a tensor instead"))
        expr = _short(argument.expr)
        self.add_message(
            SYMBOL,
            node=argument.expr,
            args=(
                _callee(site),
                _where(site, argument),
                argument.detail,
                argument.parameter or "?",
                effect,
                fix.format(expr=expr, param=argument.parameter or "?"),
            ),
            confidence=INFERENCE if argument.confidence_inferred else HIGH,
        )

    def _report_shape(self, site: calls.CallSite, argument: calls.Argument) -> None:
        self.add_message(
            SYMBOL,
            node=argument.expr,
            args=(
                _callee(site),
                _where(site, argument),
                argument.detail,
                argument.parameter or "?",
                _SHAPE,
                _SHAPE_FIX,
            ),
            confidence=INFERENCE if argument.confidence_inferred else HIGH,
        )

    def _report_static_shapes(self, site: calls.CallSite, argument: calls.Argument) -> None:
        """A literal tensor of a shape no earlier call of the same function passed."""
        if context.in_test_code(site.call):
            return  # tests call functions with many shapes on purpose
        earlier = None
        for other in calls.call_sites(site.target):
            if other.call is site.call:
                break
            if other.in_graph:
                continue
            passed = other.argument(argument.parameter) if argument.parameter else None
            if passed is None or passed.static_shape is None:
                continue
            if passed.static_shape == argument.static_shape:
                return  # this shape was traced already
            earlier = earlier or (other, passed)
        else:
            return  # this call is not among the known call sites: nothing to compare with
        if earlier is None:
            return
        other, passed = earlier
        # the caller reports only an argument with a static shape; the loop keeps only such earlier ones
        assert passed.static_shape is not None and argument.static_shape is not None
        where = f"line {other.call.lineno}"
        if other.call.root() is not site.call.root():
            where += f" of {calls.os_basename(other.call.root().file)}"
        here = f"here, after the call at {where} passed shape {_shape(passed.static_shape)},"
        what = f"a tensor of shape {_shape(argument.static_shape)}"
        self.add_message(
            SYMBOL,
            node=argument.expr,
            args=(_callee(site), here, what, argument.parameter or "?", _SHAPE, _SHAPE_FIX),
            confidence=HIGH,
        )


def _where(site: calls.CallSite, argument: calls.Argument) -> str:
    loop = argument.loop
    if loop is not None and loop in site.loops:
        return f"in {calls.loop_phrase(loop)}"
    func = site.call.scope()
    if isinstance(func, nodes.FunctionDef):
        return f"in `{func.name}`"
    return "here"


def _callee(site: calls.CallSite) -> str:
    """The callee as the call spells it (``train_step``, ``self.step_fn``)."""
    text = site.call.func.as_string()
    return text if len(text) <= 40 else site.target.label


def _shape(shape: tuple) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _short(expr: nodes.NodeNG) -> str:
    text = expr.as_string()
    return text if len(text) <= 40 else "..."
