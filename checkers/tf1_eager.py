"""tf-disable-eager-execution: switches that turn TensorFlow 2 behaviour off for the whole process."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint import tf1, tf1_replacements
from tflint.checker import TFLintChecker, guarded
from tflint.messages import msgid


class DisableEagerExecutionChecker(TFLintChecker):
    """``disable_eager_execution()`` and friends make TensorFlow 2 run as TF1."""

    msgs = {
        msgid("W", 12): (
            "`%s` turns a TensorFlow 2 behaviour off: it %s; in TF2, %s",
            tf1.EAGER,
            "disable_eager_execution(), disable_v2_behavior() and the other disable_* switches make "
            "the whole process run as TF1. The switch is "
            "process-wide: every module, library and test in the process builds TF1 graphs (or "
            "reference variables, v1 control flow, Dimension shapes) from then on, so TF2 code "
            "that expects eager tensors, tf.function and Keras behaviour breaks or silently "
            "changes. It keeps TF1 code alive instead of migrating it.",
        ),
    }

    @only_required_for_messages(tf1.EAGER)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Calls of the switches."""
        self._report(node)

    def _report(self, node: nodes.NodeNG) -> None:
        for use in tf1.uses_at(node, tf1.EAGER):
            fix, effect = tf1_replacements.REPLACEMENTS[use.path]
            self.add_message(tf1.EAGER, node=node, args=(f"{use.spelled}()", effect, fix), confidence=use.confidence)
