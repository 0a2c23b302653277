"""tf-disable-eager-execution: switches that turn TensorFlow 2 behaviour off for the whole process."""

from __future__ import annotations

from astroid import nodes

from tflint.analysis import tf1
from tflint.checkers.tf1_base import V1Checker
from tflint.facts import tf1_replacements
from tflint.messages import msgid


class DisableEagerExecutionChecker(V1Checker):
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

    reports_on = {tf1.EAGER: (nodes.Call,)}

    def report(self, use: tf1.Use) -> None:
        """Calls of the switches."""
        fix, effect = tf1_replacements.REPLACEMENTS[use.path]
        self.add_message(tf1.EAGER, node=use.node, args=(f"{use.spelled}()", effect, fix), confidence=use.confidence)
