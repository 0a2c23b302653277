"""tf-deprecated-function-argument: renamed or ignored arguments of tf.function."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from tflint import context, tfapi
from tflint.checker import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-deprecated-function-argument"


class DeprecatedFunctionArgumentChecker(TFLintChecker):
    """``experimental_relax_shapes``, ``experimental_compile`` and friends have new names."""

    msgs = {
        msgid("W", 34): (
            "`%s` is a deprecated argument of %s: %s; %s",
            SYMBOL,
            "A tf.function argument that TensorFlow has renamed or stopped honouring is used. "
            "experimental_relax_shapes is now reduce_retracing and experimental_compile is now "
            "jit_compile; both still work but log a deprecation warning and will be removed. "
            "experimental_follow_type_hints is ignored: type hints no longer turn Python "
            "arguments into tensors, so the retracing it was meant to prevent happens.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """``tf.function(..., experimental_relax_shapes=True)`` and the decorator form."""
        deprecated = [kw for kw in node.keywords or () if kw.arg in tfapi.DEPRECATED_FUNCTION_ARGUMENTS]
        if not deprecated:
            return
        graph = context.project().graph(node.root())
        direct = context.names(node).api(node.func) in tfapi.TF_FUNCTION
        if not direct and not graph.is_tf_function(node.func):
            return
        spelled = node.func.as_string()
        for kw in deprecated:
            effect, fix = tfapi.DEPRECATED_FUNCTION_ARGUMENTS[kw.arg]
            self.add_message(
                SYMBOL,
                node=kw,
                args=(kw.arg, f"`{spelled}`", effect, fix),
                confidence=HIGH if direct else INFERENCE,
            )
