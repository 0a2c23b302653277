"""tf-eager-debug-leftover: eager-debugging switches left on outside tests."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH

from tflint.analysis import context
from tflint.analysis.astutil import keyword_value
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import tfapi
from tflint.messages import msgid

SYMBOL = "tf-eager-debug-leftover"
_KERAS_EFFECT = "makes fit/evaluate/predict run the model's `train_step`/`call` eagerly, step by step, without a graph"
_FIX = "remove it, or turn it on only behind a debug flag (`if args.debug:`)"


class EagerDebugLeftoverChecker(TFLintChecker):
    """``run_functions_eagerly(True)`` and ``run_eagerly=True`` throw the graph speed-up away."""

    msgs = {
        msgid("W", 35): (
            "%s %s, a debugging switch that gives up graph execution and its speed; %s",
            SYMBOL,
            "An eager-debugging switch is left on outside tests. "
            "tf.config.run_functions_eagerly(True) makes every tf.function in the process run "
            "as plain Python, model.compile(run_eagerly=True) does the same for Keras training, "
            "and tf.data.experimental.enable_debug_mode() runs tf.data functions eagerly. They "
            "exist for debugging; left on, they silently give up graph execution and its speed.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """The switches, called with a literal True."""
        api = context.callee_api(node)
        if api in tfapi.EAGER_DEBUG_SWITCHES:
            value = node.args[0] if node.args else keyword_value(node, "run_eagerly")
            if api in tfapi.EAGER_FUNCTION_SWITCHES and not _literal_true(value):
                return
            self._report(node, f"`{node.as_string()}`", tfapi.EAGER_DEBUG_SWITCHES[api])
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname == "compile":
            value = keyword_value(node, "run_eagerly")
            if _literal_true(value):
                self._report(node, f"`{node.func.as_string()}(..., run_eagerly=True)`", _KERAS_EFFECT)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_assignattr(self, node: nodes.AssignAttr) -> None:
        """``model.run_eagerly = True``."""
        if node.attrname != "run_eagerly" or not isinstance(node.parent, nodes.Assign):
            return
        if _literal_true(node.parent.value):
            self._report(node.parent, f"`{node.as_string()} = True`", _KERAS_EFFECT)

    def _report(self, node: nodes.NodeNG, spelled: str, effect: str) -> None:
        if context.in_test_code(node) or _behind_a_flag(node) or _announced(node):
            return
        self.add_message(SYMBOL, node=node, args=(spelled, effect, _FIX), confidence=HIGH)


def _literal_true(value: nodes.NodeNG | None) -> bool:
    return isinstance(value, nodes.Const) and value.value is True


def _announced(node: nodes.NodeNG) -> bool:
    """The same block warns the user that it switches graph execution off (``warnings.warn`` or a
    logger call right beside it): a deliberate library behaviour, not a forgotten debug switch."""
    statement = node.statement()
    for sibling in (statement.previous_sibling(), statement.next_sibling()):
        if not isinstance(sibling, nodes.Expr) or not isinstance(sibling.value, nodes.Call):
            continue
        api = context.names(sibling).api(sibling.value.func) or ""
        func = sibling.value.func
        method = func.attrname if isinstance(func, nodes.Attribute) else ""
        if api in ("warnings.warn", "logging.warning", "logging.info") or method in ("warning", "warn", "info"):
            return True
    return False


def _behind_a_flag(node: nodes.NodeNG) -> bool:
    """Under an ``if`` on a run-time condition, or in a function meant to switch debugging on."""
    current = node.parent
    while current is not None:
        if isinstance(current, nodes.If) and not isinstance(current.test, nodes.Const):
            if not _is_main_guard(current.test):
                return True
        if isinstance(current, nodes.FunctionDef) and any(w in current.name.lower() for w in ("debug", "eager")):
            return True
        current = current.parent
    return False


def _is_main_guard(test: nodes.NodeNG) -> bool:
    """``if __name__ == "__main__":`` is not a debug flag."""
    return isinstance(test, nodes.Compare) and "__name__" in test.as_string()
